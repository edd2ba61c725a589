#!/usr/bin/env bash
# Installs what is missing, builds Mandate and starts the demo: mandate-server with the demo
# organisation on a private data dir, asking Cerbos with the example org policies
# (resources/policy/cerbos) about every decision when Cerbos is installed, the agent simulator playing its scenario against it every
# 40 s, and the console at its sign-in, pointing at that server. Without a display it says so and
# runs the server and the scenario only. Closing the console, or Ctrl+C, stops everything this
# script started.
#   MANDATE_DEMO_PRESET  CMake preset to build and run (default: release; CI reuses its dev build)
#   MANDATE_DEMO_DIR     the server's data dir (default: ~/.local/share/mandate-demo)
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${MANDATE_DEMO_PRESET:-release}
./scripts/install-deps.sh
cmake --preset "$preset" >/dev/null
# The three programs the demo runs, not every test. A build failure stops the script here.
cmake --build --preset "$preset" --target mandate-server mandate-agent mandate-console
bin=build/$preset/app

data_dir=${MANDATE_DEMO_DIR:-"${XDG_DATA_HOME:-$HOME/.local/share}/mandate-demo"}
mkdir -p "$data_dir"

# Every background job gets a process group of its own (set -m while it starts), so the cleanup
# reaches whatever it is running at that moment too: the agent loop's current mandate-agent or
# sleep, a sandbox server the console started.
groups=()
start_job() { # command...: runs it in the background in a new process group; its pid is in $job
  set -m
  "$@" &
  job=$!
  set +m
  groups+=("$job")
}
cleanup() {
  trap '' INT TERM # a second Ctrl+C must not cut the cleanup short
  local g alive
  for g in "${groups[@]}"; do kill -TERM -- "-$g" 2>/dev/null || true; done
  # mandate-server finishes the requests in flight first; whatever is still there after 10 s is killed.
  for _ in $(seq 100); do
    alive=0
    for g in "${groups[@]}"; do kill -0 -- "-$g" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break
    sleep 0.1
  done
  for g in "${groups[@]}"; do kill -KILL -- "-$g" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
# The exit runs the cleanup. A trap runs only between foreground commands, which is why the
# console below runs in the background and the script waits for it.
trap 'exit 130' INT
trap 'exit 143' TERM

# The organisation's own rules, as code: Cerbos on loopback, telemetry off.
. scripts/lib/cerbos.sh
policy_args=()
if cerbos_binary >/dev/null; then
  cerbos_port=$(cerbos_free_port)
  cerbos_write_config "$data_dir/cerbos" "$PWD/resources/policy/cerbos" "$cerbos_port"
  start_job bash -c '. scripts/lib/cerbos.sh && cerbos_run "$1"' cerbos "$data_dir/cerbos" \
    >"$data_dir/cerbos/cerbos.log" 2>&1
  if cerbos_wait "$cerbos_port" "$job"; then
    policy_args=(--policy-pdp "http://127.0.0.1:$cerbos_port")
    echo "Cerbos (org policies from resources/policy/cerbos): http://127.0.0.1:$cerbos_port"
  else
    echo "Cerbos did not start (see $data_dir/cerbos/cerbos.log); the demo runs without org policies" >&2
  fi
fi

log="$data_dir/server.log"
start_job "$bin/mandate-server" --listen 127.0.0.1:0 --data-dir "$data_dir" --demo "${policy_args[@]}" \
  >"$data_dir/server.out" 2>"$log"
server=$job
url=
for _ in $(seq 300); do
  url=$(sed -n 's/^listening on //p' "$data_dir/server.out")
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "mandate-server did not start within 30 s; see $log" >&2; exit 1; }
echo "mandate-server: $url (data in $data_dir, log in $log)"
echo "Demo people (password mandate-demo): alice, bob (customers), carol, dave (approvers), sam (support), ada (admin)"

# A Shared Signals receiver, as a resource server would run one: registered once per data dir (the
# token is shown once, so it is kept, 0600), it prints every revocation it hears, verified. Started
# before the scenario, so that it hears the scenario's first revocation.
token_file="$data_dir/ssf-receiver-token"
if [ ! -s "$token_file" ]; then
  admin=$(curl -sf -X POST -H 'Content-Type: application/json' \
    -d '{"username":"ada","password":"mandate-demo"}' "$url/v1/sessions" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  (umask 077 && curl -sf -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $admin" \
    -d '{"name":"Demo resource server"}' "$url/v1/ssf/receivers" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])' >"$token_file")
fi
start_job "$bin/mandate-agent" --server "$url" ssf-receive --receiver-token "$token_file" \
  >"$data_dir/ssf-events.jsonl" 2>"$data_dir/ssf-receiver.log"
for _ in $(seq 100); do grep -q "listening on" "$data_dir/ssf-receiver.log" 2>/dev/null && break; sleep 0.1; done
echo "Shared signals: a receiver prints each verified revocation it hears to $data_dir/ssf-events.jsonl."

agent_loop() {
  while true; do
    "$bin/mandate-agent" --server "$url" scenario || sleep 5
    sleep 40
  done
}
start_job agent_loop
echo "Agent simulator: plays its scenario against the server now and every 40 s."

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the console is not started."
  echo "Start it where there is a display:"
  echo "  on this machine's desktop:  $PWD/$bin/mandate-console --server $url"
  echo "  on another machine:         ssh -L ${url##*:}:127.0.0.1:${url##*:} $(uname -n), then there: mandate-console --server $url"
  echo "mandate-server and the agent scenario keep running; press Ctrl+C to stop them."
  status=0
  wait "$server" || status=$?
  echo "mandate-server stopped (exit status $status); see $log" >&2
  exit 1
fi

start_job "$bin/mandate-console" --server "$url"
console=$job
echo "Console: sign in at the window that opened. Closing it, or Ctrl+C here, ends the demo."
status=0
ended=
wait -n -p ended "$server" "$console" || status=$?
if [ "$ended" = "$server" ]; then
  echo "mandate-server stopped (exit status $status); see $log" >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "The console ended with exit status $status; stopping the demo." >&2
  exit "$status"
fi
echo "The console closed; stopping the demo."
