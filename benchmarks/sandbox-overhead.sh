#!/usr/bin/env bash
# The agent sandbox's overhead per tool call: python3 -c pass directly and in the bubblewrap sandbox.
# Usage: benchmarks/sandbox-overhead.sh [N=200]
# See dev.parity.benchmarks.sandbox.SandboxOverhead for what it measures; last numbers in docs/agents.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl benchmarks -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.parity.benchmarks.sandbox.SandboxOverhead "${1:-200}"
