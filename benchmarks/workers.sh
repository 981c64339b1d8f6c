#!/usr/bin/env bash
# Workers benchmark (issue 18): attempts claimed and completed per second by `parity worker`
# processes on one run in PostgreSQL, against the instant fake server
# (benchmarks/fake-server/fake-openai-server.js, --latency-ms 0).
#
#   1. `parity run --no-work` queues the run's N attempts and waits (it makes none);
#   2. WORKERS `parity worker --run bench --concurrency C` processes claim and make them, each
#      under /usr/bin/time -v, the first with a JFR recording;
#   3. it prints attempts/s over the span the attempts were made in (first start to last end, read
#      from the store), the workers' wall and CPU seconds, the load average before and after, the
#      statements each table saw (pg_stat_user_tables), and where the first worker's CPU went
#      (JFR execution samples: the top frames in Parity's and the driver's code), and PostgreSQL's
#      CPU over the same time (every postgres process, the backends that ended included: the
#      postmaster's reaped children; other users of the server in that time are counted too).
#
# Usage: benchmarks/workers.sh [N=5000] [WORKERS=2] [CONCURRENCY=16]
# Environment: PARITY_BENCH_DB, the server and database (default
# postgresql://postgres@127.0.0.1:5432/test); the run goes in a schema of its own, dropped after.
# PARITY_CMD, the command to run instead of ./parity (e.g. "java -jar cli/target/parity.jar").
# PARITY_BENCH_JFR, a file to keep worker 1's JFR recording in (for `jfr print` or JMC);
# PARITY_BENCH_JFC, the recording's settings (default: profile; a copy of it with
# jdk.ExecutionSample's period at 1 ms gives ten times the samples).
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-5000}" workers="${2:-2}" concurrency="${3:-16}"
server_db="${PARITY_BENCH_DB:-postgresql://postgres@127.0.0.1:5432/test}"
schema="bench_workers_$$"
db="$server_db?schema=$schema"
psql_url="$server_db"

for tool in /usr/bin/time node psql jfr; do
  command -v "$tool" >/dev/null 2>&1 || { echo "workers: $tool is needed" >&2; exit 1; }
done
# CPU seconds of the PostgreSQL server so far: its processes' own, plus those of the ended backends
# that the postmaster reaped (its cutime and cstime).
postgres_cpu() {
  local postmaster
  postmaster="$(ps -C postgres -o pid=,ppid= | awk '$2 == 1 { print $1 }' | head -1)"
  [[ -n "$postmaster" ]] || { echo 0; return; }
  { cut -d' ' -f16,17 "/proc/$postmaster/stat"
    for pid in $(ps -C postgres -o pid=); do cut -d' ' -f14,15 "/proc/$pid/stat" 2>/dev/null || true; done; } |
    awk -v hz="$(getconf CLK_TCK)" '{ t += $1 + $2 } END { printf "%.2f", t / hz }'
}
read -r -a parity <<<"${PARITY_CMD:-$home/parity}"
"${parity[@]}" --version >/dev/null

work="$(mktemp -d "${TMPDIR:-/tmp}/parity-workers.XXXXXX")"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  psql "$psql_url" -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=synthetic-suite.sh
source "$home/benchmarks/synthetic-suite.sh"
write_suite "$count" "$work/suite"

# shellcheck source=fake-server/start.sh
source "$home/benchmarks/fake-server/start.sh"
start_fake_server "$work" --latency-ms 0 --max-seconds 1800
server="$fake_server_pid"
pids+=("$server")
port="$fake_server_port"

echo "parity workers benchmark: $count attempts, $workers workers x concurrency $concurrency, $(nproc) cores,"
echo "  $(java -version 2>&1 | head -1), load average before $(cut -d' ' -f1-3 /proc/loadavg)"
"${parity[@]}" run --suite "$work/suite" --model "openai-compatible:bench-model@http://127.0.0.1:$port/v1" \
    --db "$db" --run-id bench --no-work --max-retries 0 --timeout 60s >"$work/starter.out" 2>&1 &
starter=$!
pids+=("$starter")
until [[ "$(psql "$psql_url" -Atc "SELECT COUNT(*) FROM $schema.work_units" 2>/dev/null || echo 0)" == "$count" ]]; do
  kill -0 "$starter" 2>/dev/null || { cat "$work/starter.out" >&2; exit 1; }
  sleep 0.2
done

# CPU seconds of one process so far (its utime and stime).
process_cpu() {
  cut -d' ' -f14,15 "/proc/$1/stat" | awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($1 + $2) / hz }'
}
table_counts() {
  psql "$psql_url" -At -F' ' -c "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del, COALESCE(idx_scan, 0), seq_scan,
      COALESCE(idx_tup_fetch, 0) + seq_tup_read FROM pg_stat_user_tables WHERE schemaname = '$schema'" | LC_ALL=C sort
}
counts_before="$(table_counts)"
server_before="$(process_cpu "$server")"
postgres_before="$(postgres_cpu)"
commits() { psql "$psql_url" -Atc "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"; }
commits_before="$(commits)"
for ((w = 1; w <= workers; w++)); do
  opts=""
  [[ $w -eq 1 ]] && opts="-XX:StartFlightRecording=filename=$work/worker1.jfr,settings=${PARITY_BENCH_JFC:-profile}"
  JAVA_TOOL_OPTIONS="$opts" /usr/bin/time -v -o "$work/time-$w.txt" "${parity[@]}" worker --db "$db" --run bench \
      --concurrency "$concurrency" >"$work/worker-$w.out" 2>&1 &
  pids+=($!)
  worker_pids+=($!)
done
for pid in "${worker_pids[@]}"; do wait "$pid" || { cat "$work"/worker-*.out >&2; exit 1; }; done
wait "$starter" || { cat "$work/starter.out" >&2; exit 1; }
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
postgres_after="$(postgres_cpu)"
server_after="$(process_cpu "$server")"
commits_after="$(commits)"
grep -E "^Run bench" "$work/starter.out" | head -1

psql "$psql_url" -At -F' ' -c "SELECT COUNT(*), SUM(CASE WHEN status = 'completed' THEN 1 ELSE 0 END),
    EXTRACT(EPOCH FROM (MAX(ended_at)::timestamptz - MIN(started_at)::timestamptz)) FROM $schema.attempts" |
  while read -r total completed span; do
    awk -v t="$total" -v c="$completed" -v s="$span" 'BEGIN {
      printf "attempts %d, completed %d, made in %.2f s (first start to last end): %.0f attempts/s\n", t, c, s, c / s }'
  done
for ((w = 1; w <= workers; w++)); do
  awk -F': ' -v w="$w" '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
    /User time|System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 }
    END { printf "worker %d: wall %.2f s (JVM start and suite load included), CPU %.2f s, peak RSS %.0f MB\n", w, wall, cpu, rss / 1024 }' \
    "$work/time-$w.txt"
  grep -h "attempts made here" "$work/worker-$w.out" | sed "s/^/  worker $w: /"
done
echo "load average after: $load_after"
awk -v a="$postgres_before" -v b="$postgres_after" 'BEGIN {
  printf "PostgreSQL: CPU %.2f s while the workers ran (all its processes, any client)\n", b - a }'
awk -v a="$server_before" -v b="$server_after" 'BEGIN {
  printf "fake server: CPU %.2f s while the workers ran\n", b - a }'
workers_cpu="$(cat "$work"/time-*.txt | awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.2f", t }')"
awk -v w="$workers_cpu" -v p="$(awk -v a="$postgres_before" -v b="$postgres_after" 'BEGIN { print b - a }')" \
    -v f="$(awk -v a="$server_before" -v b="$server_after" 'BEGIN { print b - a }')" -v n="$count" 'BEGIN {
  printf "CPU per attempt: %.2f ms (workers %.2f with their start, PostgreSQL %.2f, fake server %.2f)\n",
    1000 * (w + p + f) / n, 1000 * w / n, 1000 * p / n, 1000 * f / n }'
echo "transactions committed in the database meanwhile (any client, reads included): $((commits_after - commits_before))"
echo "statements per table while the workers ran (pg_stat_user_tables; the starter's are before; rows inserted,"
echo "updated, deleted; index and sequential scans; rows the scans read):"
# PostgreSQL counts a backend's statements when its transaction ends (at most a second late): the
# workers have exited, so theirs are all in.
LC_ALL=C join <(echo "$counts_before") <(table_counts) |
  awk '{ i = $8 - $2; u = $9 - $3; d = $10 - $4; x = $11 - $5; q = $12 - $6; r = $13 - $7
         if (i + u + d + x + q > 0)
           printf "  %-22s inserted %6d  updated %6d  deleted %5d  index scans %6d  seq scans %4d  rows read %8d\n",
             $1, i, u, d, x, q, r }'
[[ -n "${PARITY_BENCH_JFR:-}" ]] && cp "$work/worker1.jfr" "$PARITY_BENCH_JFR"
echo "worker 1's CPU, by top frame (JFR execution samples, top 15):"
jfr print --events jdk.ExecutionSample "$work/worker1.jfr" |
  awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); top[$0]++; n++ }
       END { for (f in top) printf "%6.1f%%  %s\n", 100 * top[f] / n, f }' | sort -rn | head -15
