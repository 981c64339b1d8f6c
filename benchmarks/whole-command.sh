#!/usr/bin/env bash
# Whole-command benchmark: every row of issue 17's table, timed as a user runs the command, through
# ./parity (so the launcher's JVM options and class-data archive count), and printed with its ideal
# or target and the ratio.
#
#   parity run on a synthetic suite of N tasks against a fake OpenAI-compatible server on 127.0.0.1
#   that answers every call after a fixed latency: the wall time of the whole command (JVM start,
#   suite loading, store, every call, every write) against the ideal N x latency / concurrency, the
#   CPU time and the peak resident memory, with /usr/bin/time -v; and (with curl) when the server
#   saw the first request after the command started, the first to the last request, and how full
#   the client kept its concurrency slots (the requests in flight on average, the idle time);
#   parity --help and parity suite info on 2,000 and 4,000 trivial tasks: the best and the median
#   of five runs.
#
# Usage: benchmarks/whole-command.sh                     every row (about two minutes on a quiet machine)
#        benchmarks/whole-command.sh N LATENCY_MS CONCURRENCY [ERROR_EVERY]   one run scenario
#   ERROR_EVERY > 0 makes every Nth request a 429 with Retry-After: 1; the run then retries.
# The fake server is benchmarks/fake-server/fake-openai-server.js (Node, standard library only).
# Environment: PARITY_JAVA_OPTS is passed to the JVM under test, as ./parity does (after the
# launcher's own options, so it can override them). REFERENCE=DIR runs every row a second time, right
# after this checkout's, through DIR's ./parity, and prints that line after "reference": the same rows
# of another commit on the same machine at the same moment. The commit issue 17's table measured,
# 656273d, tells how this machine compares with the issue's (benchmarks/README.md, "Is this machine
# slower than the issue's?"):
#   git worktree add --detach ../parity-656273d 656273d
#   REFERENCE=../parity-656273d benchmarks/whole-command.sh
# (its ./parity builds it the first time, as any checkout's does).
# CPU_QUOTA=CPUS (root) runs every row in a cgroup that may use that many processors' time, to stand
# in for a slower machine: CPU_QUOTA=1 on a machine that runs 656273d twice as fast as the issue's
# did gives the issue's figures back (benchmarks/README.md, "A machine like the issue's").
# ROUNDS=N runs each run row N times, with REFERENCE in turn (this checkout first in odd rounds, the
# reference first in even ones: A B B A), each in a store of its own, and ends the row with the
# medians: a virtual machine's speed can drift by a quarter within minutes (benchmarks/README.md,
# "A machine like the issue's, without a quota"), and the median of alternating rounds compares the
# two checkouts at the same moments. With a reference at 656273d the row's median is also given at
# the issue's machine's speed: its time beyond the ideal scaled by the reference's there against here.
# IDLE=SECONDS waits that long before each timed command (figures.sh, idle): the figures of a user's
# command, which comes after seconds of nothing, rather than of commands run one after the other.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [[ ! -x /usr/bin/time ]]; then
  echo "whole-command: /usr/bin/time is needed for peak memory (Debian: apt-get install time)" >&2
  exit 1
fi
if ! command -v node >/dev/null 2>&1; then
  echo "whole-command: Node.js is needed for the fake server (Debian: apt-get install nodejs)" >&2
  exit 1
fi

# shellcheck source=figures.sh
source "$home/benchmarks/figures.sh"
check_idle
# Build the jar and its class-data archive the way ./parity does (only when sources changed).
# shellcheck source=built.sh
source "$home/benchmarks/built.sh"
built_checkouts "$home" whole-command
# The checkout a row runs with, the word its lines start with, and what they end with; each_checkout
# shadows them.
parity="$home/parity"
checkout_word=""
line_end=""
rounds="${ROUNDS:-1}"
if ! [[ "$rounds" =~ ^[1-9][0-9]*$ ]]; then
  echo "whole-command: ROUNDS=$rounds is not a whole number of rounds (1 or more)" >&2
  exit 1
fi
# The round a run row is in (run_row sets it; its stores are the round's own), and the walls of the
# row's rounds so far, this checkout's and the reference's; scenario adds to them, run_row reads and
# empties them.
round=1
this_walls=()
reference_walls=()
# Issue 17's table measured 656273d: a reference at that commit gets the issue's figure for the row
# beside its own, which tells whether this machine (or CPU_QUOTA) stands in for the issue's.
reference_is_issue_commit=""
if [[ -n "${REFERENCE:-}" && "$(git -C "$REFERENCE" rev-parse HEAD 2>/dev/null)" == 656273d* ]]; then
  reference_is_issue_commit=yes
fi

# Runs a row (the issue's figure for it, then a function and its arguments) with this checkout,
# then with REFERENCE's if set: its locals are what the row's function sees (bash scopes them
# dynamically). The reference keeps its suite load cache apart: a cache written by another jar is
# trusted by neither.
each_checkout() {
  local figure="$1"
  shift
  "$@"
  if [[ -n "${REFERENCE:-}" ]]; then
    as_reference "$figure" "$@"
  fi
}

# Runs a row (the issue's figure for it, then a function and its arguments) with REFERENCE's checkout:
# its locals shadow this checkout's for the function.
as_reference() {
  local figure="$1"
  shift
  local parity="$REFERENCE/parity" checkout_word="reference " line_end=""
  if [[ -n "$reference_is_issue_commit" && -n "$figure" ]]; then
    line_end="  (the issue's figure for 656273d: $figure)"
  fi
  XDG_CACHE_HOME="$work/reference-cache" "$@"
}

work="$(mktemp -d "${TMPDIR:-/tmp}/parity-benchmark.XXXXXX")"
server_pid=""
# shellcheck source=cpu-quota.sh
source "$home/benchmarks/cpu-quota.sh"
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  unlimit_cpu
  rm -rf "$work"
}
trap cleanup EXIT
# After the builds, which are not measured.
[[ -z "${CPU_QUOTA:-}" ]] || limit_cpu "$CPU_QUOTA"

# shellcheck source=synthetic-suite.sh
source "$home/benchmarks/synthetic-suite.sh"
# shellcheck source=fake-server/start.sh
source "$home/benchmarks/fake-server/start.sh"

start_server() {
  local latency="$1" error_every="$2"
  start_fake_server "$work" --latency-ms "$latency" --error-every "$error_every" --retry-after-s 1 --max-seconds 900
  server_pid="$fake_server_pid"
  port="$fake_server_port"
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
  idle
  # Without 429s no call is retried; with them, enough retries that every task ends answered.
  local retries=0
  [[ "$error_every" -gt 0 ]] && retries=20
  # One store per scenario and round: the 429 row would otherwise resume the row before it, with
  # another server, and a round the round before it.
  local db="$work/run-$count-$latency-$concurrency-$error_every${checkout_word:+-reference}-$round.db"
  local status=0 started_ms stats
  # The command's start on the clock the server stamps requests with (Node's hrtime is the monotonic
  # clock, which /proc/uptime follows to 10 ms on a machine that never sleeps).
  started_ms="$(awk '{ printf "%d", $1 * 1000 }' /proc/uptime)"
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$work/time.txt" "$parity" run --suite "$suite" \
      --model "openai-compatible:bench-model@http://127.0.0.1:$port/v1" --concurrency "$concurrency" \
      --max-retries "$retries" --timeout 60s --db "$db" --run-id bench >"$work/run.out" 2>&1 || status=$?
  stats=""
  if command -v curl >/dev/null 2>&1; then
    stats="$(curl -s "http://127.0.0.1:$port/stats" || true)"
  fi
  stop_server
  if [[ $status -ne 0 ]]; then
    echo "whole-command: parity run failed (exit $status):" >&2
    cat "$work/run.out" >&2
    exit 1
  fi
  local wall rss_kb cpu
  read -r wall cpu rss_kb < <(measured "$work/time.txt")
  if [[ -n "$checkout_word" ]]; then
    reference_walls+=("$wall")
  else
    this_walls+=("$wall")
  fi
  local completed
  completed="$("$parity" run show bench --db "$db" --json | tr -d ' \n' \
      | sed -E 's/.*"attempts":\{"total":[0-9]+,"completed":([0-9]+).*/\1/')"
  local first_ms last_ms answered_ms busy_ms busy_early_ms
  first_ms="$(server_figure first_ms)"
  last_ms="$(server_figure last_ms)"
  answered_ms="$(server_figure answered_ms)"
  busy_ms="$(server_figure busy_ms)"
  busy_early_ms="$(server_figure busy_first_500ms)"
  awk -v who="$checkout_word" -v line_end="$line_end" -v n="$count" -v l="$latency" -v c="$concurrency" -v e="$error_every" -v w="$wall" -v r="$rss_kb" -v done="$completed" \
      -v cpu="$cpu" -v target="$target" -v start="$started_ms" -v first="${first_ms:-0}" -v last="${last_ms:-0}" \
      -v answered="${answered_ms:-0}" -v busy="${busy_ms:-0}" -v busy_early="${busy_early_ms:-0}" 'BEGIN {
    ideal = n * l / 1000 / c
    printf "%srun %5d x %4d ms -j%-3d 429 every %2d  completed %5d  wall %6.2f s  ideal %6.2f s  ratio %5.2f  CPU %5.1f s  peak RSS %4.0f MB  %s%s\n",
      who, n, l, c, e, done, w, ideal, w / ideal, cpu, r / 1024, target, line_end
    # The fixed cost before the first call, as a share of the wall (meaningful under load, unlike the wall).
    if (first > 0) {
      printf "    first request %5.2f s after the start (%2.0f%% of the wall), first to last request %5.2f s\n",
        (first - start) / 1000, 100 * (first - start) / 1000 / w, (last - first) / 1000
    }
    # How full the client kept its slots, as the server saw them: the requests in flight on average
    # from the first arrival to the last answer, and the idle time of the slots (seconds of the
    # span) in its first half second (the client warming up) and after it.
    if (busy > 0 && answered > first) {
      span = answered - first
      early = span < 500 ? span : 500
      printf "    in flight %5.1f of %d on average over the %5.2f s from the first request to the last answer", busy / span, c, span / 1000
      if (e == 0) {
        rounds = int((n + c - 1) / c)
        printf " (%d rounds of %d ms: %5.2f s)", rounds, l, rounds * l / 1000
      }
      printf "; slots idle %4.2f s in the first 0.5 s, %4.2f s after\n", (c * early - busy_early) / c / 1000,
        (c * (span - early) - (busy - busy_early)) / c / 1000
    }
  }'
}

# A figure from the fake server's /stats ($stats), by name; empty when it is not there.
server_figure() {
  sed -nE 's/.*"'"$1"'":([0-9]+).*/\1/p' <<<"$stats"
}

# A run row (the issue's figure for the reference, then scenario's arguments) in ROUNDS rounds, with
# the reference in turn, then its medians when there was more than one round.
run_row() {
  local figure="$1" count="$2" latency="$3" concurrency="$4"
  shift
  this_walls=()
  reference_walls=()
  for ((round = 1; round <= rounds; round++)); do
    if ((round % 2 == 1)) || [[ -z "${REFERENCE:-}" ]]; then
      each_checkout "$figure" scenario "$@"
    else
      reference_first "$figure" scenario "$@"
    fi
  done
  ((rounds > 1)) || return 0
  local this reference
  this="$(median "${this_walls[@]}")"
  local summary
  summary="$(printf '  median of %d rounds: %.2f s (%s s), ratio to the ideal %.2f' "$rounds" "$this" \
      "$(range "${this_walls[@]}")" \
      "$(awk -v w="$this" -v n="$count" -v l="$latency" -v c="$concurrency" 'BEGIN { printf "%.4f", w / (n * l / 1000 / c) }')")"
  if [[ -n "${REFERENCE:-}" ]]; then
    reference="$(median "${reference_walls[@]}")"
    summary+="$(printf '; the reference %.2f s (%s s); %.2f of the reference' "$reference" \
        "$(range "${reference_walls[@]}")" \
        "$(awk -v a="$this" -v b="$reference" 'BEGIN { printf "%.4f", a / b }')")"
    if [[ -n "$reference_is_issue_commit" && -n "$figure" ]]; then
      # The issue's figure for 656273d is a range in seconds ("17.7-20.1 s"), or one figure: its middle.
      # What a slower machine stretches is the time beyond the ideal (the waits are the server's), so
      # that is what is scaled: by how much longer 656273d took beyond the ideal there than here.
      summary+="$(awk -v a="$this" -v b="$reference" -v figure="$figure" -v n="$count" -v l="$latency" -v c="$concurrency" 'BEGIN {
        split(figure, range, /[- ]/)
        middle = (range[2] ~ /^[0-9.]+$/) ? (range[1] + range[2]) / 2 : range[1]
        ideal = n * l / 1000 / c
        scaled = ideal + (a - ideal) * (middle - ideal) / (b - ideal)
        printf "; at the issue'"'"'s speed (656273d: %s, middle %.2f s) about %.2f s, ratio to the ideal %.2f",
          figure, middle, scaled, scaled / ideal
      }')"
    fi
  fi
  echo "$summary"
}

# As each_checkout, the reference first: the even rounds of a run row.
reference_first() {
  as_reference "$@"
  shift
  "$@"
}

# Wall seconds, CPU seconds and peak RSS in KB from a /usr/bin/time -v report.
measured() {
  time_figures "$1" | awk '{ print $1, $2 + $3, $4 }'
}

# A short command five times: the best and the median wall, against a target in seconds.
short_command() {
  local label="$checkout_word$1" target="$2"
  shift 2
  local walls=() cpus=() rss=0 i wall cpu rss_kb
  for i in 1 2 3 4 5; do
    idle
    /usr/bin/time -v -o "$work/time.txt" "$parity" "$@" >/dev/null 2>"$work/short.err" \
      || { echo "whole-command: parity $* failed:" >&2; cat "$work/short.err" >&2; exit 1; }
    read -r wall cpu rss_kb < <(measured "$work/time.txt")
    walls+=("$wall")
    cpus+=("$cpu")
    if ((rss_kb > rss)); then rss=$rss_kb; fi
  done
  printf '%s\n' "${walls[@]}" | sort -n | awk -v label="$label" -v target="$target" -v r="$rss" -v line_end="$line_end" \
      -v cpu="$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n 3p)" '
    { w[NR] = $1 }
    END { printf "%-40s best %5.2f s  median %5.2f s  target %4.2f s  ratio %5.2f  CPU %4.2f s  peak RSS %4.0f MB%s\n",
      label, w[1], w[3], target, w[3] / target, cpu, r / 1024, line_end }'
}

echo "parity whole-command benchmark: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
# ext4 without a journal (some cloud VMs' disks) makes each new file cost more for up to six minutes
# after many files near it were deleted (the kernel skips their inodes one by one): the run rows,
# which make a file per attempt, then measure the last cleanup (this script's own, a deleted store)
# as much as Parity (benchmarks/README.md, "Runs after a deletion").
read -r fstype device < <(findmnt -no FSTYPE,SOURCE -T "$work" 2>/dev/null || true) || true
if [[ "${fstype:-}" == ext4 && "$(cat "/sys/fs/ext4/${device##*/}/journal_task" 2>/dev/null)" == "<none>" ]]; then
  echo "note: $work is on ext4 without a journal: runs within minutes of deleting many files (a previous" \
      "benchmark's cleanup) are slower; see benchmarks/README.md, \"Runs after a deletion\""
fi
if [[ -n "${CPU_QUOTA:-}" ]]; then
  echo "CPU quota: $CPU_QUOTA processors' time per 10 ms (cgroup $cpu_cgroup)"
fi
if [[ -n "${IDLE:-}" ]]; then
  echo "idle: $IDLE s before each timed command"
fi
if [[ -n "${REFERENCE:-}" ]]; then
  echo "reference: $REFERENCE at $(git -C "$REFERENCE" rev-parse --short HEAD 2>/dev/null || echo "an unknown commit")"
fi
if [[ $# -ge 3 ]]; then
  run_row "" "$1" "$2" "$3" "${4:-0}" ""
else
  run_row "17.7-20.1 s" 4000 200 64 0 "(target: ratio <= 1.10, RSS < 300 MB)"
  run_row "7.4-9.0 s" 2000 50 64 0 "(target: < 3 s, < 250 MB; promptfoo 0.123.1: 16.7-25.5 s, 408-475 MB)"
  run_row "40.1 s" 2000 50 64 10 "(target: faster than promptfoo 0.123.1: 30.4-33.3 s)"
  each_checkout "0.53 s" short_command "parity --help" 0.3 --help
  for count in 2000 4000; do
    [[ -d "$work/suite-$count" ]] || write_suite "$count" "$work/suite-$count"
  done
  each_checkout "3.0-3.6 s" short_command "parity suite info, 2,000 tasks" 0.3 suite info "$work/suite-2000"
  each_checkout "4.2-4.8 s" short_command "parity suite info, 4,000 tasks" 0.5 suite info "$work/suite-4000"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
