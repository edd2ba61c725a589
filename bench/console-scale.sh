#!/usr/bin/env bash
# The console with 100,000 delegations on the server: first page, search, paging to row 50,000,
# event-loop stalls and resident memory, against a raw GET of the same page in the same run.
# Usage: bench/console-scale.sh [DELEGATIONS] [SCROLL_TO_ROW]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
row=${2:-50000}
cmake --preset release >/dev/null
cmake --build --preset release --target mandate-server bench_console_scale >/dev/null
work=$(mktemp -d)
cleanup() { kill "${server_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
build/release/app/mandate-server --listen 127.0.0.1:0 --data-dir "$work/data" --demo --no-access-log >"$work/server.out" &
server_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/server.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/server.out")
echo "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
QT_QPA_PLATFORM=offscreen build/release/bench/bench_console_scale "$url" "$count" "$row"
