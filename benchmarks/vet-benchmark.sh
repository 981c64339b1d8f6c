#!/usr/bin/env bash
# Whole-command benchmark of `parity vet`: a suite of COPIES x 13 tasks made by copying the sample
# suite's tasks (task.json, references and baselines: DOCX, XLSX, PPTX, PDF, Markdown, CSV), then
# `parity vet SUITE --allow vetting-allow.json` timed as a user runs it (JVM start, every file read
# in every place, every detector, the allow-list, the table) with /usr/bin/time -v.
#
# Usage: benchmarks/vet-benchmark.sh [COPIES]   (default 154: 2,002 tasks, 8,162 files)
# Prints: tasks, files, wall, CPU (user + sys), peak RSS, and the load average before the run.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$home/cli/target/parity.jar"
copies="${1:-154}"

# shellcheck source=built.sh
source "$home/benchmarks/built.sh"
built_parity "$home"
# shellcheck source=figures.sh
source "$home/benchmarks/figures.sh"
work="$(mktemp -d "${TMPDIR:-/tmp}/parity-vet-benchmark.XXXXXX")"
trap 'rm -rf "$work"' EXIT

suite="$work/suite"
mkdir -p "$suite/tasks"
cp "$home/suites/sample/suite.json" "$suite/"
# The copies are tasks/NAME-K: the allow-list's tasks/NAME/** globs become tasks/NAME-*/**.
sed 's#"tasks/\([^"/]*\)/\*\*"#"tasks/\1-*/**"#' "$home/suites/sample/vetting-allow.json" >"$suite/vetting-allow.json"
for ((k = 1; k <= copies; k++)); do
  for task in "$home"/suites/sample/tasks/*/; do
    cp -r "$task" "$suite/tasks/$(basename "$task")-$k"
  done
done
tasks="$(find "$suite/tasks" -mindepth 1 -maxdepth 1 -type d | wc -l)"
files="$(find "$suite" -type f | wc -l)"

load="$(cut -d' ' -f1 /proc/loadavg)"
# shellcheck disable=SC2086
/usr/bin/time -v -o "$work/time" java ${PARITY_JAVA_OPTS:-} -jar "$jar" vet "$suite" \
    --allow "$suite/vetting-allow.json" >"$work/out" 2>&1 || [[ $? -eq 1 ]] || { tail -5 "$work/out"; cat "$work/time" >&2; exit 1; }
tail -1 "$work/out"
read -r wall user sys rss_kb < <(time_figures "$work/time")
awk -v loadavg="$load" -v shape="$tasks tasks, $files files" -v wall="$wall" -v user="$user" -v sys="$sys" \
    -v rss="$rss_kb" 'BEGIN {
  printf "%s: wall %.1f s, CPU %.1f s (user %.1f + sys %.1f), peak RSS %.0f MB, load before %s\n",
    shape, wall, user + sys, user, sys, rss / 1024, loadavg }'
