#!/usr/bin/env bash
# Agent attempts at scale: N tasks x 5 shell tool calls and submit against a fake Chat Completions server,
# through the runner and bubblewrap sandboxes. Usage: benchmarks/agent-load.sh [N=200] [SANDBOXES=8]
# See dev.parity.benchmarks.sandbox.AgentLoad for what it measures; last numbers in docs/agents.md.
# AGENT_LOAD_JAVA_OPTS is passed to its JVM (e.g. a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=classpath.sh
source benchmarks/classpath.sh
benchmark_classpath
exec java ${AGENT_LOAD_JAVA_OPTS:-} -cp "$BENCHMARK_CLASSPATH" \
  dev.parity.benchmarks.sandbox.AgentLoad "${1:-200}" "${2:-8}"
