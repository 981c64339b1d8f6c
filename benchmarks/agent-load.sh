#!/usr/bin/env bash
# Agent attempts at scale: N tasks x 5 shell tool calls and submit against a fake Chat Completions server,
# through the runner and bubblewrap sandboxes. Usage: benchmarks/agent-load.sh [N=200] [SANDBOXES=8]
# See dev.parity.benchmarks.sandbox.AgentLoad for what it measures; last numbers in docs/agents.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl benchmarks -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.parity.benchmarks.sandbox.AgentLoad "${1:-200}" "${2:-8}"
