# Sourced by the whole-command benchmarks: start_fake_server FOLDER [OPTION...] starts
# fake-openai-server.js on a free port of 127.0.0.1 with those options (--latency-ms, --error-every,
# --max-seconds, ...), its output in FOLDER/server.out and FOLDER/server.log, waits until it
# listens, and sets fake_server_pid and fake_server_port. Fails, saying why, when it does not start.
start_fake_server() {
  local folder="$1" _
  shift
  rm -f "$folder/port"
  node "$(dirname "${BASH_SOURCE[0]}")/fake-openai-server.js" "$@" --port-file "$folder/port" \
      >"$folder/server.out" 2>"$folder/server.log" &
  fake_server_pid=$!
  for _ in $(seq 600); do
    [[ -s "$folder/port" ]] && break
    sleep 0.1
  done
  if [[ ! -s "$folder/port" ]]; then
    echo "the fake server did not start:" >&2
    cat "$folder/server.log" >&2
    return 1
  fi
  fake_server_port="$(cat "$folder/port")"
}
