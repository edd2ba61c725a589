#!/usr/bin/env bash
# AuthZEN evaluation against POST /v1/authorize on the same server in the same run, alternating
# A B A B: the same payment decided through both doors (each a real, audited, reserving allow).
# Usage: bench/authzen-throughput.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_SECONDS=${1:-10} BENCH_CONNECTIONS=${2:-32}
source bench/lib/mandate.sh
command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk >/dev/null; } ||
  { echo "needs: apt-get install wrk" >&2; exit 1; }
cmake --preset release >/dev/null
cmake --build --preset release --target mandate-server >/dev/null

work=$(mktemp -d)
cleanup() { kill "${BENCH_PID:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
bench_start_server build/release/app/mandate-server "$work/data" --demo
bench_grant "$BENCH_URL"
ada=$(curl -sf -X POST -H 'Content-Type: application/json' -d '{"username":"ada","password":"mandate-demo"}' \
  "$BENCH_URL/v1/sessions" | bench_json "['token']")
MANDATE_EP_TOKEN=$(curl -sf -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $ada" \
  -d '{"name":"bench gateway"}' "$BENCH_URL/v1/enforcement-points" | bench_json "['token']")
MANDATE_SPIFFE_ID=$(curl -sf -H "Authorization: Bearer $ada" "$BENCH_URL/v1/agents" |
  python3 -c "import json,sys; print([a['spiffe_id'] for a in json.load(sys.stdin)['items'] if a['name']=='Bill payer'][0])")
export MANDATE_EP_TOKEN MANDATE_SPIFFE_ID

echo "wrk -t2 -c$BENCH_CONNECTIONS -d${BENCH_SECONDS}s on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD)"
declare -A sum=()
for round in 1 2; do
  bench_wrk "authorize (round $round)" "$BENCH_URL/v1/authorize" -s bench/authorize.lua
  sum[authorize]=$(python3 -c "print(${sum[authorize]:-0} + $BENCH_RPS)")
  bench_wrk "evaluation (round $round)" "$BENCH_URL/access/v1/evaluation" -s bench/evaluation.lua
  sum[evaluation]=$(python3 -c "print(${sum[evaluation]:-0} + $BENCH_RPS)")
done
python3 -c "import sys; print(f'evaluation / authorize = {float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "${sum[evaluation]}" "${sum[authorize]}"
