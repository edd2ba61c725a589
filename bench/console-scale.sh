#!/usr/bin/env bash
# The console with 100,000 delegations on the server: first page, search, paging to row 50,000,
# event-loop stalls and resident memory, against a raw GET of the same page in the same run.
# Usage: bench/console-scale.sh [DELEGATIONS] [SCROLL_TO_ROW]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
row=${2:-50000}
source bench/demo-server.sh bench_console_scale
QT_QPA_PLATFORM=offscreen build/release/bench/bench_console_scale "$url" "$count" "$row"
