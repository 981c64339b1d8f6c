#!/usr/bin/env bash
# Whole-command benchmark of `parity run`: a synthetic suite of N tasks against a fake
# OpenAI-compatible server on 127.0.0.1 that answers every call after a fixed latency. It measures
# the wall time of the whole command (JVM start, suite loading, store, every call, every write)
# against the ideal N × latency / concurrency, and the peak resident memory, with /usr/bin/time -v.
#
# Usage: benchmarks/run-benchmark.sh [N LATENCY_MS CONCURRENCY [ERROR_EVERY]]
#   with no arguments it runs the three reference scenarios:
#     2000 tasks, 100 ms, concurrency 64   target: wall within 15% of ideal (3.125 s), RSS < 512 MB
#     2000 tasks,  50 ms, concurrency 64   promptfoo 0.123.1 took 16.7 s (475 MiB); target < 3 s
#     2000 tasks,  50 ms, concurrency 64, HTTP 429 (Retry-After: 1) on every 10th request
#                                          promptfoo 0.123.1 (eval -j 64) took 30.4-33.3 s
#   ERROR_EVERY > 0 makes every Nth request a 429 with Retry-After: 1; the run then retries.
# The fake server is benchmarks/fake-server/fake-openai-server.js (Node, standard library only).
# Environment: PARITY_JAVA_OPTS is passed to the JVM under test, as ./parity does.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$home/cli/target/parity.jar"
server_source="$home/benchmarks/fake-server/fake-openai-server.js"

if [[ ! -x /usr/bin/time ]]; then
  echo "run-benchmark: /usr/bin/time is needed for peak memory (Debian: apt-get install time)" >&2
  exit 1
fi
if ! command -v node >/dev/null 2>&1; then
  echo "run-benchmark: Node.js is needed for the fake server (Debian: apt-get install nodejs)" >&2
  exit 1
fi

# Build the jar the way ./parity does (only when sources changed).
"$home/parity" --version >/dev/null

work="$(mktemp -d "${TMPDIR:-/tmp}/parity-benchmark.XXXXXX")"
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A valid suite of $1 tasks in folder $2: each a short memo request with a baseline and a rubric.
write_suite() {
  local count="$1" root="$2" i id folder
  mkdir -p "$root/tasks"
  printf '{"name": "bench", "version": "1.0", "format_version": 1}\n' >"$root/suite.json"
  for ((i = 1; i <= count; i++)); do
    printf -v id 'T%05d' "$i"
    folder="$root/tasks/$id"
    mkdir "$folder"
    printf '# Memo %s\n\nThe professional memo.\n' "$id" >"$folder/baseline.md"
    printf '{"id": "%s", "title": "Memo %s", "occupation": {"title": "Accountants and Auditors", "soc": "13-2011.00"},
 "sector": "Finance and Insurance", "request": {"from": "Director", "text": "Task %s: write a one-page memo on the quarter."},
 "deliverable": {"formats": ["md"]}, "baseline": {"files": ["baseline.md"], "minutes": 60, "hourly_wage_usd": 50},
 "rubric": [{"id": "memo", "criterion": "It is a memo.", "points": 1}]}\n' "$id" "$id" "$id" >"$folder/task.json"
  done
}

start_server() {
  local latency="$1" error_every="$2"
  rm -f "$work/port"
  node "$server_source" --latency-ms "$latency" --error-every "$error_every" --retry-after-s 1 \
      --port-file "$work/port" --max-seconds 900 2>"$work/server.log" &
  server_pid=$!
  for _ in $(seq 600); do
    [[ -f "$work/port" ]] && break
    sleep 0.1
  done
  [[ -f "$work/port" ]] || { echo "run-benchmark: the fake server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
  port="$(cat "$work/port")"
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# Runs one scenario and prints one result line.
scenario() {
  local count="$1" latency="$2" concurrency="$3" error_every="$4" target="$5"
  local suite="$work/suite-$count"
  [[ -d "$suite" ]] || write_suite "$count" "$suite"
  start_server "$latency" "$error_every"
  # Without 429s no call is retried; with them, enough retries that every task ends answered.
  local retries=0
  [[ "$error_every" -gt 0 ]] && retries=20
  local db="$work/run-$count-$latency-$concurrency.db"
  local status=0
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$work/time.txt" java ${PARITY_JAVA_OPTS:-} -jar "$jar" run --suite "$suite" \
      --model "openai-compatible:bench-model@http://127.0.0.1:$port/v1" --concurrency "$concurrency" \
      --max-retries "$retries" --timeout 60s --db "$db" --run-id bench >"$work/run.out" 2>&1 || status=$?
  stop_server
  if [[ $status -ne 0 ]]; then
    echo "run-benchmark: parity run failed (exit $status):" >&2
    cat "$work/run.out" >&2
    exit 1
  fi
  local wall rss_kb cpu
  cpu="$(awk -F': ' '/User time|System time/ {sum += $2} END {print sum}' "$work/time.txt")"
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" \
      | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')"
  rss_kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")"
  local completed
  completed="$(java -jar "$jar" run show bench --db "$db" --json | tr -d ' \n' \
      | sed -E 's/.*"attempts":\{"total":[0-9]+,"completed":([0-9]+).*/\1/')"
  awk -v n="$count" -v l="$latency" -v c="$concurrency" -v e="$error_every" -v w="$wall" -v r="$rss_kb" -v done="$completed" \
      -v cpu="$cpu" -v target="$target" 'BEGIN {
    ideal = n * l / 1000 / c
    printf "%6d tasks  %4d ms  concurrency %3d  429 every %2d  completed %6d  wall %6.2f s  ideal %6.2f s  ratio %5.2f  CPU %5.1f s  peak RSS %4.0f MB  %s\n",
      n, l, c, e, done, w, ideal, w / ideal, cpu, r / 1024, target
  }'
}

echo "parity run benchmark — $(nproc) cores, $(java -version 2>&1 | head -1)"
if [[ $# -ge 3 ]]; then
  scenario "$1" "$2" "$3" "${4:-0}" ""
else
  scenario 2000 100 64 0 "(target: within 15% of ideal, RSS < 512 MB)"
  scenario 2000 50 64 0 "(promptfoo 0.123.1: 16.7 s, 475 MiB; target < 3 s)"
  scenario 2000 50 64 10 "(promptfoo 0.123.1: 30.4-33.3 s; target: faster)"
fi
