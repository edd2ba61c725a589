#!/usr/bin/env bash
# Installs what is missing, builds Mandate and starts the demo: mandate-server with the demo
# organisation on a private data dir, and the console signed-in screen pointing at it.
# Ctrl+C (or closing the console) stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset release >/dev/null
# Build only the programs the demo runs, not every test.
targets=(mandate-server)
for optional in mandate-agent mandate-console; do
  ninja -C build/release -t targets all 2>/dev/null | grep -q "^$optional:" && targets+=("$optional")
done
cmake --build --preset release --target "${targets[@]}"

bin=build/release/app
if [ ! -x "$bin/mandate-server" ]; then
  echo "Built the core library and its tests; mandate-server and the console are not part of this build yet." >&2
  echo "Run ./scripts/test.sh to see the decision engine at work." >&2
  exit 0
fi

data_dir=${MANDATE_DEMO_DIR:-"${XDG_DATA_HOME:-$HOME/.local/share}/mandate-demo"}
mkdir -p "$data_dir"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

log="$data_dir/server.log"
"$bin/mandate-server" --listen 127.0.0.1:0 --data-dir "$data_dir" --demo >"$data_dir/server.out" 2>"$log" &
pids+=($!)
url=
for _ in $(seq 300); do
  url=$(sed -n 's/^listening on //p' "$data_dir/server.out" 2>/dev/null)
  [ -n "$url" ] && break
  kill -0 "${pids[0]}" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "mandate-server did not start; see $log" >&2; exit 1; }
echo "mandate-server: $url (data in $data_dir, log in $log)"
echo "Demo people (password mandate-demo): alice, bob (customers), carol, dave (approvers), sam (support), ada (admin)"

if [ -x "$bin/mandate-agent" ]; then
  ( while true; do "$bin/mandate-agent" --server "$url" scenario || sleep 5; sleep 40; done ) &
  pids+=($!)
fi

if [ -x "$bin/mandate-console" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  # The console stays up until it is closed; closing it ends the demo.
  "$bin/mandate-console" --server "$url"
elif [ -x "$bin/mandate-console" ]; then
  echo "No display here: start the console elsewhere with  $bin/mandate-console --server $url" >&2
  echo "Server running; press Ctrl+C to stop."
  wait "${pids[0]}"
else
  echo "Server running; press Ctrl+C to stop."
  wait "${pids[0]}"
fi
