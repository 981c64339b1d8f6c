# Sourced by the whole-command benchmarks: built_parity CHECKOUT builds CHECKOUT's jar as its ./parity
# does (only when sources changed or the commit moved), then waits for the class-data archive that
# ./parity makes in the background after a build. Without the wait, the first command measured after
# a build runs without the archive and beside the archive's own JVMs.
built_parity() {
  local checkout="$1"
  "$checkout/parity" --version >/dev/null
  # The launcher holds this lock while it makes the archive; a checkout whose launcher makes none
  # (an older commit) has no lock file to wait on.
  if [[ -f "$checkout/cli/target/cds/build.lock" ]]; then
    flock "$checkout/cli/target/cds/build.lock" true
  fi
}

# built_checkouts CHECKOUT SCRIPT: built_parity for CHECKOUT and, when REFERENCE is set, for that
# one, which must have a ./parity (else SCRIPT says so and stops).
built_checkouts() {
  local home="$1" script="$2"
  built_parity "$home"
  if [[ -n "${REFERENCE:-}" ]]; then
    [[ -x "$REFERENCE/parity" ]] || { echo "$script: REFERENCE=$REFERENCE has no ./parity" >&2; exit 1; }
    built_parity "$REFERENCE"
  fi
}

# benchmarks_jar_built CHECKOUT: builds CHECKOUT's benchmarks/target/benchmarks.jar (the data
# writers) when it is missing.
benchmarks_jar_built() {
  local home="$1"
  if [[ ! -f "$home/benchmarks/target/benchmarks.jar" ]]; then
    (cd "$home" && mvn -B -q -pl benchmarks -am package -DskipTests)
  fi
}
