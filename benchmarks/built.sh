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
