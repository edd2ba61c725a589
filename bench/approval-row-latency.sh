#!/usr/bin/env bash
# An approver's console: time from an agent's authorize call that opens a dual-control request to the
# request being a row in the console's ApprovalListModel, against the raw SSE arrival in the same run.
# Usage: bench/approval-row-latency.sh [ITERATIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=${1:-200}
source bench/demo-server.sh bench_approval_row_latency
build/release/bench/bench_approval_row_latency "$url" "$iterations"
