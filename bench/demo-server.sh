# Sourced by the benchmark scripts: builds the release preset's TARGETS and starts a fresh
# `mandate-server --demo` on a free loopback port, setting $url, $work and $server_pid; stops it
# and removes its data on exit.
#   source bench/demo-server.sh TARGET...
cmake --preset release >/dev/null
cmake --build --preset release --target mandate-server "$@" >/dev/null
work=$(mktemp -d)
cleanup() { kill "${server_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
source bench/lib/mandate.sh
bench_start_server build/release/app/mandate-server "$work/data" --demo || exit 1
server_pid=$BENCH_PID
url=$BENCH_URL
echo "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
