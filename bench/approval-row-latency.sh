#!/usr/bin/env bash
# An approver's console: time from an agent's authorize call that opens a dual-control request to the
# request being a row in the console's ApprovalListModel, against the raw SSE arrival in the same run.
# Usage: bench/approval-row-latency.sh [ITERATIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=${1:-200}
cmake --preset release >/dev/null
cmake --build --preset release --target mandate-server bench_approval_row_latency >/dev/null
work=$(mktemp -d)
cleanup() { kill "${server_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
build/release/app/mandate-server --listen 127.0.0.1:0 --data-dir "$work/data" --demo --no-access-log >"$work/server.out" &
server_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/server.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/server.out")
echo "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
build/release/bench/bench_approval_row_latency "$url" "$iterations"
