#!/usr/bin/env bash
# What asking the organisation's policy engine costs: POST /v1/authorize on a server without an
# engine and on one that asks Cerbos (the example policies in resources/policy/cerbos) about every
# decision, alternating A B A B in the same run on the same machine. Each is a real, durable,
# audited allow of EUR 1.00.
# Usage: bench/org-policy.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_SECONDS=${1:-10} BENCH_CONNECTIONS=${2:-32}
source bench/lib/mandate.sh
source scripts/lib/cerbos.sh
command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk >/dev/null; } ||
  { echo "needs: apt-get install wrk" >&2; exit 1; }
cerbos_binary >/dev/null || { echo "needs Cerbos: scripts/install-deps.sh" >&2; exit 1; }
cmake --preset release >/dev/null
cmake --build --preset release --target mandate-server >/dev/null

work=$(mktemp -d)
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cerbos_port=$(cerbos_free_port)
pids+=("$(cerbos_start "$work/cerbos" "$PWD/resources/policy/cerbos" "$cerbos_port")")

bench_start_server build/release/app/mandate-server "$work/plain" --demo
pids+=("$BENCH_PID")
bench_grant "$BENCH_URL"
plain_url=$BENCH_URL plain_delegation=$MANDATE_DELEGATION plain_svid=$MANDATE_SVID
bench_start_server build/release/app/mandate-server "$work/policy" --demo \
  --policy-pdp "http://127.0.0.1:$cerbos_port"
pids+=("$BENCH_PID")
bench_grant "$BENCH_URL"
policy_url=$BENCH_URL policy_delegation=$MANDATE_DELEGATION policy_svid=$MANDATE_SVID

echo "wrk -t2 -c$BENCH_CONNECTIONS -d${BENCH_SECONDS}s on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD), Cerbos $("$(cerbos_binary)" --version | head -1)"
declare -A sum=()
for round in 1 2; do
  MANDATE_DELEGATION=$plain_delegation MANDATE_SVID=$plain_svid \
    bench_wrk "authorize, no org policy (round $round)" "$plain_url/v1/authorize" -s bench/authorize.lua
  sum[plain]=$(python3 -c "print(${sum[plain]:-0} + $BENCH_RPS)")
  MANDATE_DELEGATION=$policy_delegation MANDATE_SVID=$policy_svid \
    bench_wrk "authorize, asking Cerbos (round $round)" "$policy_url/v1/authorize" -s bench/authorize.lua
  sum[policy]=$(python3 -c "print(${sum[policy]:-0} + $BENCH_RPS)")
done
asked=$(curl -s "$policy_url/metrics" | awk '/^mandate_policy_pdp_questions_total/ {n += $2} END {print n + 0}')
echo "decisions that asked Cerbos: $asked"
python3 -c "import sys; print(f'with org policy / without = {float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "${sum[policy]}" "${sum[plain]}"
