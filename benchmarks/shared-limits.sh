#!/usr/bin/env bash
# Limits shared by workers: WORKERS worker processes (each a JVM with its own connection pool and
# THREADS threads) call one model on the fake server (benchmarks/fake-server, LATENCY_MS per answer)
# for SECONDS, under one requests-per-minute limit RPM (0: none) kept in PostgreSQL (shared) or in
# each process (memory). The fake server counts what they sent together in a sliding window of
# WINDOW_S seconds; the script prints the most it saw in any window beside the limit, each worker's
# calls, the CPU seconds (user+sys, /usr/bin/time) and the load average.
# Usage: benchmarks/shared-limits.sh [WORKERS=4] [RPM=600] [SECONDS=150] [WINDOW_S=60] [shared|memory]
#        [THREADS=16] [CONCURRENCY=32] [LATENCY_MS=50]
# The store is a new schema of $PARITY_BENCH_POSTGRES (default postgresql://postgres@127.0.0.1:5432/test),
# dropped at the end. PARITY_BENCH_NO_BUILD=1 skips the build. Last numbers in benchmarks/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
workers=${1:-4} rpm=${2:-600} seconds=${3:-150} window=${4:-60} mode=${5:-shared}
threads=${6:-16} concurrency=${7:-32} latency=${8:-50}
server=${PARITY_BENCH_POSTGRES:-postgresql://postgres@127.0.0.1:5432/test}
schema=bench_limits_$$
db="$server?schema=$schema"
tmp=$(mktemp -d)
# PARITY_BENCH_NO_BUILD=1 reuses the last build (benchmarks/target) for a run of other parameters.
# shellcheck source=classpath.sh
source benchmarks/classpath.sh
if [ -z "${PARITY_BENCH_NO_BUILD:-}" ]; then
  benchmark_classpath
fi
classpath="${BENCHMARK_CLASSPATH:-benchmarks/target/classes:cli/target/parity.jar}"
# shellcheck source=fake-server/start.sh
source benchmarks/fake-server/start.sh
start_fake_server "$tmp" --latency-ms "$latency" --window-s "$window" --max-seconds $((seconds + 600))
server_pid="$fake_server_pid"
host=$(sed -E 's#^postgres(ql)?://([^@]*@)?([^:/?]+).*#\3#' <<< "$server")
port=$(sed -nE 's#^postgres(ql)?://[^/]*:([0-9]+)/.*#\2#p' <<< "$server")
user=$(sed -nE 's#^postgres(ql)?://([^@/]+)@.*#\2#p' <<< "$server")
database=$(sed -E 's#^[^/]*//[^/]*/([^?]+).*#\1#' <<< "$server")
cleanup() {
  kill "$server_pid" 2> /dev/null || true
  psql -q -h "$host" -p "${port:-5432}" -U "${user:-$USER}" -d "$database" -c "SET client_min_messages = warning" -c "DROP SCHEMA IF EXISTS $schema CASCADE" || true
  rm -rf "$tmp"
}
trap cleanup EXIT
base="http://127.0.0.1:$fake_server_port/v1"
# One worker of no length first: the store's tables are made before the others start.
java -cp "$classpath" dev.parity.benchmarks.limits.SharedLimitLoad "$db" "$base" "$rpm" "$concurrency" 1 0 "$mode" > /dev/null
read -r load_before _ < /proc/loadavg
pids=()
for i in $(seq 1 "$workers"); do
  /usr/bin/time -v -o "$tmp/time-$i" java -cp "$classpath" dev.parity.benchmarks.limits.SharedLimitLoad \
    "$db" "$base" "$rpm" "$concurrency" "$threads" "$seconds" "$mode" > "$tmp/worker-$i" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
read -r load_after _ < /proc/loadavg
stats=$(curl -s "http://127.0.0.1:$fake_server_port/stats")
cat "$tmp"/worker-*
cpu=0
for i in $(seq 1 "$workers"); do
  user_s=$(sed -nE 's/.*User time \(seconds\): ([0-9.]+)/\1/p' "$tmp/time-$i")
  sys_s=$(sed -nE 's/.*System time \(seconds\): ([0-9.]+)/\1/p' "$tmp/time-$i")
  cpu=$(echo "$cpu + $user_s + $sys_s" | bc)
done
echo "fake server: $stats"
most=$(sed -nE 's/.*"most_in_window":([0-9]+).*/\1/p' <<< "$stats")
if [ "$rpm" -gt 0 ]; then
  allowed=$(echo "scale=1; $rpm * $window / 60" | bc)
  echo "limit $rpm/min over ${window} s: at most $allowed allowed; most seen in any ${window} s: $most ($(echo "scale=2; 100 * ($most - $allowed) / $allowed" | bc)% over)"
fi
echo "$workers workers ($mode limits), CPU (user+sys, all workers): $cpu s, load average $load_before before, $load_after after"
