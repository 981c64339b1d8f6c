# Sourced by the benchmark scripts that run a class of benchmarks/ in a JVM of their own.
# benchmark_classpath builds what is stale and sets BENCHMARK_CLASSPATH: the runnable jar (every
# module and library, built by ./parity when missing or stale) and the benchmarks' own classes.
# Not `dependency:build-classpath`: it needs the dependency plugin's own libraries, which an
# offline build on a machine that never fetched them does not have.
benchmark_classpath() {
  local home
  home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  "$home/parity" --version >/dev/null
  (cd "$home" && mvn -B -q -o -pl benchmarks -am compile)
  BENCHMARK_CLASSPATH="$home/benchmarks/target/classes:$home/cli/target/parity.jar"
}
