#!/usr/bin/env bash
# The agent sandbox's overhead per tool call: python3 -c pass directly and in the bubblewrap sandbox.
# Usage: benchmarks/sandbox-overhead.sh [N=200]
# See dev.parity.benchmarks.sandbox.SandboxOverhead for what it measures; last numbers in docs/agents.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=classpath.sh
source benchmarks/classpath.sh
benchmark_classpath
exec java -cp "$BENCHMARK_CLASSPATH" \
  dev.parity.benchmarks.sandbox.SandboxOverhead "${1:-200}"
