#!/usr/bin/env bash
# Agent attempts at scale: N tasks x 5 shell tool calls and submit against a fake Chat Completions server,
# through the runner and bubblewrap sandboxes. Usage: benchmarks/agent-load.sh [N=200] [SANDBOXES=8]
# See dev.parity.benchmarks.sandbox.AgentLoad for what it measures; last numbers in docs/agents.md.
# AGENT_LOAD_JAVA_OPTS is passed to its JVM (e.g. a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/.."
# The runtime classpath is the runnable jar (every module and library the runner needs), built by
# ./parity when missing or stale, and the benchmarks' own classes: `dependency:build-classpath`
# needs the dependency plugin's own libraries, which an offline build may not have.
./parity --version >/dev/null
mvn -B -q -o -pl benchmarks -am compile
exec java ${AGENT_LOAD_JAVA_OPTS:-} -cp "benchmarks/target/classes:cli/target/parity.jar" \
  dev.parity.benchmarks.sandbox.AgentLoad "${1:-200}" "${2:-8}"
