#!/usr/bin/env bash
# Whole-command benchmark: loading a suite of real documents, as `parity run`, a resume and
# `parity validate` do before anything else. Every reference and baseline file is read, hashed and
# checked to open with the reader a run, a judge and a grader use: for Word, Excel, PowerPoint and
# PDF files that means parsing them, which is most of the load. Parity remembers which documents'
# bytes opened (by SHA-256, in the user's cache folder), so only the first load parses them.
#
# The suite: COPIES copies of each task of suites/sample, every document's bytes its copy's own
# (dev.parity.benchmarks.suites.DocumentSuiteWriter), so that nothing is parsed once for two tasks.
# Rows, each the median of RUNS (default 5) commands, with its range, CPU and peak memory:
#   validate, nothing remembered    a cache folder emptied before each command: every document parsed
#   validate, documents remembered  the same cache folder kept: every file read and hashed, none parsed
#   run --dry-run, remembered       the same load as a run or a resume starts with, then the estimate
#   suite info                      its load cache trusts unchanged files by their stamps: no file read
#   run, 4 samples, -j 64           a whole run against the fake server (50 ms a call, Node): each answer
#                                   built into the Word, PowerPoint or PDF file the task asks for, checked
#                                   and read for its features; each request with its references' text
#                                   (RUN_ROWS=0 leaves it out; it needs Node)
#
# Usage: benchmarks/documents-load.sh [COPIES]      (default 20: 260 tasks, 1,040 files, 7.8 MB)
# (about four minutes with a reference on a two-core machine)
# Environment: RUNS=N; REFERENCE=DIR runs every row with another checkout's ./parity too, in turn
# (A B B A), with a cache folder of its own; IDLE=SECONDS waits before each timed command
# (figures.sh); PARITY_JAVA_OPTS as ./parity takes it.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_jar="$home/benchmarks/target/benchmarks.jar"
copies="${1:-20}"
runs="${RUNS:-5}"
if ! [[ "$copies" =~ ^[1-9][0-9]*$ && "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "documents-load: COPIES ($copies) and RUNS ($runs) are whole numbers, 1 or more" >&2
  exit 1
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "documents-load: /usr/bin/time is needed for peak memory (Debian: apt-get install time)" >&2
  exit 1
fi

# shellcheck source=figures.sh
source "$home/benchmarks/figures.sh"
check_idle
# shellcheck source=built.sh
source "$home/benchmarks/built.sh"
built_checkouts "$home" documents-load
benchmarks_jar_built "$home"

work="$(mktemp -d "${TMPDIR:-/tmp}/parity-documents-load.XXXXXX")"
server_pid=""
trap '[[ -z "$server_pid" ]] || kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT
suite="$work/suite"
java -cp "$bench_jar" dev.parity.benchmarks.suites.DocumentSuiteWriter "$home/suites/sample" "$suite" "$copies"

# Runs one command of a row with a checkout's ./parity and its cache folder, and adds its figures to
# the row's lists: walls, cpus, rss (MB) of this checkout, or of the reference when who is set.
once() {
  local checkout="$1" who="$2" fresh="$3"
  shift 3
  local cache="$work/cache${who:+-reference}"
  [[ -z "$fresh" ]] || rm -rf "$cache"
  rm -rf "$work"/run.db*
  idle
  XDG_CACHE_HOME="$cache" /usr/bin/time -v -o "$work/time" "$checkout/parity" "$@" >"$work/out" 2>&1 \
      || { echo "documents-load: parity $* failed:" >&2; cat "$work/out" >&2; exit 1; }
  local wall user sys rss_kb
  read -r wall user sys rss_kb < <(time_figures "$work/time")
  if [[ -n "$who" ]]; then
    reference_walls+=("$wall")
    reference_cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")
    reference_rss+=("$((rss_kb / 1024))")
  else
    this_walls+=("$wall")
    this_cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")
    this_rss+=("$((rss_kb / 1024))")
  fi
}

# row NAME FRESH ARGS...: RUNS commands (A B B A with a reference), then the medians.
row() {
  local name="$1" fresh="$2"
  shift 2
  this_walls=() this_cpus=() this_rss=() reference_walls=() reference_cpus=() reference_rss=()
  local run
  for ((run = 1; run <= runs; run++)); do
    if [[ -z "${REFERENCE:-}" ]]; then
      once "$home" "" "$fresh" "$@"
    elif ((run % 2 == 1)); then
      once "$home" "" "$fresh" "$@"
      once "$REFERENCE" reference "$fresh" "$@"
    else
      once "$REFERENCE" reference "$fresh" "$@"
      once "$home" "" "$fresh" "$@"
    fi
  done
  printf '%-34s wall %6.2f s (%s s)  CPU %6.2f s  peak RSS %4.0f MB\n' "$name" "$(median "${this_walls[@]}")" \
      "$(range "${this_walls[@]}")" "$(median "${this_cpus[@]}")" "$(median "${this_rss[@]}")"
  if [[ -n "${REFERENCE:-}" ]]; then
    printf '%-34s wall %6.2f s (%s s)  CPU %6.2f s  peak RSS %4.0f MB\n' "  reference" \
        "$(median "${reference_walls[@]}")" "$(range "${reference_walls[@]}")" "$(median "${reference_cpus[@]}")" \
        "$(median "${reference_rss[@]}")"
  fi
}

echo "suite: $copies copies of suites/sample; $runs commands a row${IDLE:+; idle $IDLE s before each}"
row "validate, nothing remembered" fresh validate "$suite"
row "validate, documents remembered" "" validate "$suite"
row "run --dry-run, remembered" "" run --suite "$suite" --model "openai-compatible:bench@http://127.0.0.1:9/v1" \
    --dry-run --db "$work/none.db"
row "suite info" "" suite info "$suite"
if [[ "${RUN_ROWS:-1}" != 0 ]] && command -v node >/dev/null 2>&1; then
  # shellcheck source=fake-server/start.sh
  source "$home/benchmarks/fake-server/start.sh"
  start_fake_server "$work" --latency-ms 50 --max-seconds 900
  server_pid="$fake_server_pid"
  row "run, 4 samples, -j 64" "" run --suite "$suite" \
      --model "openai-compatible:bench@http://127.0.0.1:$fake_server_port/v1" --samples 4 --concurrency 64 \
      --db "$work/run.db" --run-id bench
fi
