# Sourced by the benchmark scripts: builds the release preset's TARGETS and starts a fresh
# `mandate-server --demo` on a free loopback port, setting $url, $work and $server_pid; stops it
# and removes its data on exit.
#   source bench/demo-server.sh TARGET...
cmake --preset release >/dev/null
cmake --build --preset release --target mandate-server "$@" >/dev/null
work=$(mktemp -d)
cleanup() { kill "${server_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
build/release/app/mandate-server --listen 127.0.0.1:0 --data-dir "$work/data" --demo --no-access-log >"$work/server.out" &
server_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/server.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/server.out")
[ -n "$url" ] || { echo "mandate-server did not start" >&2; exit 1; }
echo "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
