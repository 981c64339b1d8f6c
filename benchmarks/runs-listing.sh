#!/usr/bin/env bash
# Whole-command benchmark of the commands that read a store of many runs: RUNS runs of TASKS tasks
# each made against the fake OpenAI-compatible server (benchmarks/fake-server, 5 ms a call), then
# `parity runs`, `parity runs --json` and `parity run show` timed as a user runs them, five times
# each (best and median wall, median CPU, peak RSS).
#
# Usage: benchmarks/runs-listing.sh [RUNS TASKS]   (default 5 runs of 4,000 tasks: 20,000 attempts)
# Environment: PARITY_JAVA_OPTS as for ./parity. REFERENCE=DIR times the same commands on the same
# store with DIR's ./parity too, after this checkout's (a checkout whose store version is older
# refuses the store).
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
tasks="${2:-4000}"

command -v node >/dev/null 2>&1 || { echo "runs-listing: Node.js is needed for the fake server" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "runs-listing: /usr/bin/time is needed (Debian: apt-get install time)" >&2; exit 1; }
# shellcheck source=built.sh
source "$home/benchmarks/built.sh"
built_parity "$home"
[[ -z "${REFERENCE:-}" ]] || built_parity "$REFERENCE"
# shellcheck source=synthetic-suite.sh
source "$home/benchmarks/synthetic-suite.sh"
# shellcheck source=fake-server/start.sh
source "$home/benchmarks/fake-server/start.sh"

work="$(mktemp -d "${TMPDIR:-/tmp}/parity-runs-listing.XXXXXX")"
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

write_suite "$tasks" "$work/suite"
start_fake_server "$work" --latency-ms 5 --max-seconds 3600
server_pid="$fake_server_pid"
port="$fake_server_port"
db="$work/parity.db"
for ((k = 1; k <= runs; k++)); do
  "$home/parity" run --suite "$work/suite" --model "openai-compatible:model-$k@http://127.0.0.1:$port/v1" \
      --concurrency 64 --max-retries 0 --db "$db" --run-id "run-$k" >"$work/run.out" 2>&1 \
    || { echo "runs-listing: run $k failed:" >&2; cat "$work/run.out" >&2; exit 1; }
done

# One command five times: the best and median wall, the median CPU, the peak RSS.
timed() {
  local label="$1" parity="$2"
  shift 2
  local i
  : >"$work/times"
  for i in 1 2 3 4 5; do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$parity" "$@" >/dev/null 2>"$work/err" \
      || { echo "runs-listing: parity $* failed:" >&2; cat "$work/err" >&2; exit 1; }
    cat "$work/time" >>"$work/times"
  done
  awk -v label="$label" -v cpu="$(awk '{ print $2 + $3 }' "$work/times" | sort -n | sed -n 3p)" '
    { wall[NR] = $1; if ($4 > rss) rss = $4 }
    END { printf "%-44s best %5.2f s  median %5.2f s  CPU %5.2f s  peak RSS %4.0f MB\n",
          label, wall[1], wall[3], cpu, rss / 1024 }' < <(sort -n "$work/times")
}

echo "parity runs-listing benchmark: $runs runs of $tasks tasks ($((runs * tasks)) attempts), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for checkout in "$home" ${REFERENCE:+"$REFERENCE"}; do
  who=""
  [[ "$checkout" == "$home" ]] || who="reference "
  timed "${who}parity runs" "$checkout/parity" runs --db "$db"
  timed "${who}parity runs --json" "$checkout/parity" runs --db "$db" --json
  timed "${who}parity run show run-1" "$checkout/parity" run show run-1 --db "$db"
done
