#!/usr/bin/env bash
# Whole-command benchmark of `parity report`: writes a synthetic suite and judgments file of a given
# shape (dev.parity.benchmarks.report.ReportFilesWriter), then times `parity report --judgments
# judgments.csv --suite suite --out report` as a user runs it — JVM start, loading the suite, reading
# the CSV, every statistic, writing report.html/.md/.json and the CSV exports — with /usr/bin/time -v
# for the wall time, CPU time and peak resident memory.
#
# Usage: benchmarks/report-benchmark.sh [OCCUPATIONS TASKS_PER_OCCUPATION MODELS HUMANS_PER_ITEM [RUNS]]
#   with no arguments it runs the two reference shapes (three runs each):
#     44 x 30 tasks (1,320), 10 models, 8 humans + 1 judge per item: 118,800 judgments   target <= 2 s
#     44 x 253 tasks (11,132), 10 models, 8 humans + 1 judge:        1,001,880 judgments target <= 20 s, < 1 GB
#   Every shape: 9 sectors, 40 human graders, the default bootstrap resamples (5,000) and seed.
# The command runs through ./parity, as a user runs it: with the launcher's JVM options for `report`
# and its class-data-sharing archive. Environment: PARITY_JAVA_OPTS is added after the launcher's
# options (as ./parity does); REPORT_ARGS is added to the command (e.g. REPORT_ARGS="--bootstrap 1000");
# CPU_QUOTA=CPUS (root) runs the reports, not the data's generation, in a cgroup that may use that many
# processors' time (benchmarks/cpu-quota.sh).
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_jar="$home/benchmarks/target/benchmarks.jar"

if [[ ! -x /usr/bin/time ]]; then
  echo "report-benchmark: /usr/bin/time is needed for peak memory (Debian: apt-get install time)" >&2
  exit 1
fi

# The parity jar the way ./parity builds it (only when sources changed), and its class-data archive;
# the generator's jar when missing.
# shellcheck source=built.sh
source "$home/benchmarks/built.sh"
built_parity "$home"
if [[ ! -f "$bench_jar" ]]; then
  (cd "$home" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/parity-report-benchmark.XXXXXX")"
# shellcheck source=cpu-quota.sh
source "$home/benchmarks/cpu-quota.sh"
trap 'unlimit_cpu; rm -rf "$work"' EXIT

# Prints one line: the shape, wall, CPU, peak RSS, load average before the run.
scenario() {
  local occupations="$1" per="$2" models="$3" humans="$4" runs="${5:-3}" data run
  data="$work/data-$occupations-$per-$models-$humans"
  mkdir -p "$data"
  java -cp "$bench_jar" dev.parity.benchmarks.report.ReportFilesWriter "$data" "$occupations" "$per" "$models" \
      "$humans"
  [[ -z "${CPU_QUOTA:-}" ]] || limit_cpu "$CPU_QUOTA"
  for ((run = 1; run <= runs; run++)); do
    rm -rf "$data/report"
    local load
    load="$(cut -d' ' -f1 /proc/loadavg)"
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$work/time" "$home/parity" report --judgments "$data/judgments.csv" \
        --suite "$data/suite" --out "$data/report" ${REPORT_ARGS:-} >"$work/out" 2>&1 \
        || { cat "$work/out" "$work/time" >&2; exit 1; }
    awk -v before="$load" -v shape="$occupations x $per tasks, $models models, $humans+1 judgments per item" '
      /Elapsed \(wall clock\)/ { n = split($NF, t, ":"); wall = (n == 3 ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2]) }
      /User time/ { user = $NF } /System time/ { sys = $NF }
      /Maximum resident set size/ { rss = $NF / 1024 }
      END { printf "%s: wall %.2f s, CPU %.2f s (user %.2f + sys %.2f), peak RSS %.0f MB, load before %s\n",
            shape, wall, user + sys, user, sys, rss, before }' "$work/time"
  done
  unlimit_cpu
}

if [[ $# -ge 4 ]]; then
  scenario "$@"
else
  scenario 44 30 10 8
  scenario 44 253 10 8
fi
