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
# processors' time (benchmarks/cpu-quota.sh). REFERENCE=DIR makes each run a pair, this checkout's
# report and DIR's ./parity's on the same files, in turn (this one first in odd runs, the reference
# first in even ones: A B B A), and ends each shape with both medians: the reports of two commits
# at the same moments of a machine whose speed drifts (benchmarks/README.md).
# IDLE=SECONDS waits that long before each report (figures.sh, idle), as a user's report comes after
# seconds of nothing, not right after another command.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_jar="$home/benchmarks/target/benchmarks.jar"

if [[ ! -x /usr/bin/time ]]; then
  echo "report-benchmark: /usr/bin/time is needed for peak memory (Debian: apt-get install time)" >&2
  exit 1
fi

# shellcheck source=figures.sh
source "$home/benchmarks/figures.sh"
check_idle
# The parity jar the way ./parity builds it (only when sources changed), and its class-data archive;
# the generator's jar when missing.
# shellcheck source=built.sh
source "$home/benchmarks/built.sh"
built_checkouts "$home" report-benchmark
benchmarks_jar_built "$home"

work="$(mktemp -d "${TMPDIR:-/tmp}/parity-report-benchmark.XXXXXX")"
# shellcheck source=cpu-quota.sh
source "$home/benchmarks/cpu-quota.sh"
trap 'unlimit_cpu; rm -rf "$work"' EXIT

# One report of the files in $1 through the checkout $2 (its lines start with the word $3), as a
# user runs it: prints one line (the shape, wall, CPU, peak RSS, load average before the run) and
# adds the wall to this_walls or reference_walls.
report_once() {
  local data="$1" checkout="$2" word="$3" shape="$4" load wall
  rm -rf "$data/report"
  idle
  load="$(cut -d' ' -f1 /proc/loadavg)"
  # The reference keeps its suite load cache apart: a cache written by another jar is trusted by neither.
  local cache=()
  [[ -z "$word" ]] || cache=(env XDG_CACHE_HOME="$work/reference-cache")
  # shellcheck disable=SC2086
  ${cache[@]+"${cache[@]}"} /usr/bin/time -v -o "$work/time" "$checkout/parity" report \
      --judgments "$data/judgments.csv" --suite "$data/suite" --out "$data/report" ${REPORT_ARGS:-} \
      >"$work/out" 2>&1 || { cat "$work/out" "$work/time" >&2; exit 1; }
  local user sys rss_kb
  read -r wall user sys rss_kb < <(time_figures "$work/time")
  awk -v before="$load" -v shape="$word$shape" -v wall="$wall" -v user="$user" -v sys="$sys" -v rss="$rss_kb" 'BEGIN {
    printf "%s: wall %.2f s, CPU %.2f s (user %.2f + sys %.2f), peak RSS %.0f MB, load before %s\n",
      shape, wall, user + sys, user, sys, rss / 1024, before }'
  if [[ -n "$word" ]]; then
    reference_walls+=("$wall")
  else
    this_walls+=("$wall")
  fi
}

# Writes the files of a shape, then reports on them RUNS times (with REFERENCE, RUNS pairs in turn).
scenario() {
  local occupations="$1" per="$2" models="$3" humans="$4" runs="${5:-3}" data run
  local shape="$occupations x $per tasks, $models models, $humans+1 judgments per item"
  data="$work/data-$occupations-$per-$models-$humans"
  mkdir -p "$data"
  java -cp "$bench_jar" dev.parity.benchmarks.report.ReportFilesWriter "$data" "$occupations" "$per" "$models" \
      "$humans"
  [[ -z "${CPU_QUOTA:-}" ]] || limit_cpu "$CPU_QUOTA"
  this_walls=()
  reference_walls=()
  for ((run = 1; run <= runs; run++)); do
    if [[ -z "${REFERENCE:-}" ]]; then
      report_once "$data" "$home" "" "$shape"
    elif ((run % 2 == 1)); then
      report_once "$data" "$home" "" "$shape"
      report_once "$data" "$REFERENCE" "reference " "$shape"
    else
      report_once "$data" "$REFERENCE" "reference " "$shape"
      report_once "$data" "$home" "" "$shape"
    fi
  done
  unlimit_cpu
  if [[ -n "${REFERENCE:-}" ]]; then
    local this reference
    this="$(median "${this_walls[@]}")"
    reference="$(median "${reference_walls[@]}")"
    printf '  medians of %d pairs: %.2f s (%s s) against the reference'"'"'s %.2f s (%s s): %.2f of the reference\n' \
        "$runs" "$this" "$(range "${this_walls[@]}")" "$reference" "$(range "${reference_walls[@]}")" \
        "$(awk -v a="$this" -v b="$reference" 'BEGIN { printf "%.4f", a / b }')"
  fi
}

if [[ -n "${IDLE:-}" ]]; then
  echo "idle: $IDLE s before each report"
fi
if [[ $# -ge 4 ]]; then
  scenario "$@"
else
  scenario 44 30 10 8
  scenario 44 253 10 8
fi
