#!/usr/bin/env bash
# Load on the grading app: simulated graders on loopback open assignments, save drafts and submit
# verdicts against a real server and SQLite store; prints throughput, latency percentiles and errors.
# Usage: benchmarks/grading-load.sh [GRADERS=200] [ASSIGNMENTS_PER_GRADER=5] [THINK_MS=1000] (0: stress) [pages|docx|md]
# pages (the default): DOCX deliverables drawn in the background during the measurement; docx: the same
# files as HTML only (the baseline); md: short Markdown deliverables only.
# See dev.parity.benchmarks.grading.GradingLoad for what it measures; last numbers in docs/grading.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=classpath.sh
source benchmarks/classpath.sh
benchmark_classpath
exec java -Xmx1g -cp "$BENCHMARK_CLASSPATH" \
  dev.parity.benchmarks.grading.GradingLoad "${1:-200}" "${2:-5}" "${3:-1000}" "${4:-pages}"
