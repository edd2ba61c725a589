#!/usr/bin/env bash
# Shared Signals: how soon a resource server hears that an agent's authority ended.
#  1. idle: revoke -> its answer, and revoke -> the session-revoked SET at a push receiver on
#     127.0.0.1 (p50, p95), over COUNT revocations one at a time;
#  2. the same under a background authorize load (wrk), alternating with revocations that no
#     stream hears of (the baseline), and the authorize rate during each;
#  3. what /metrics says afterwards: queue depth, delivery lag, the delivery histogram.
# Usage: bench/ssf-latency.sh [COUNT] [CONNECTIONS]
# (The load is measured alongside its baseline, alternating, because other builds may share the
# machine; compare ratios, not absolute numbers, between runs.)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-200}
export BENCH_CONNECTIONS=${2:-16}
source bench/lib/mandate.sh
command -v wrk >/dev/null || { echo "needs: apt-get install wrk" >&2; exit 1; }

cmake --preset release >/dev/null
cmake --build --preset release --target mandate-server >/dev/null
server=build/release/app/mandate-server
work=$(mktemp -d)
cleanup() { kill "${BENCH_PID:-}" "${load_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# percentiles LABEL JSON: p50 and p95 of the "answered" and "delivered" lists.
percentiles() {
  python3 - "$1" "$2" <<'PY'
import json, statistics, sys
label, data = sys.argv[1], json.loads(sys.argv[2])
def pct(xs, q):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(q * len(xs)))]
a, d = data["answered"], data["delivered"]
if not d:
    print(f"{label:<28} revoke answered p50 {pct(a,.5):6.2f} ms  p95 {pct(a,.95):6.2f} ms   (no receiver)")
    sys.exit(0)
print(f"{label:<28} revoke answered p50 {pct(a,.5):6.2f} ms  p95 {pct(a,.95):6.2f} ms   "
      f"SET at receiver p50 {pct(d,.5):6.2f} ms  p95 {pct(d,.95):6.2f} ms   "
      f"(SET/answer p50 x{pct(d,.5)/pct(a,.5):.2f})")
PY
}

register_receiver() {
  local ada
  ada=$(curl -sf -X POST -H 'Content-Type: application/json' -d '{"username":"ada","password":"mandate-demo"}' \
    "$BENCH_URL/v1/sessions" | bench_json "['token']")
  curl -sf -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $ada" -d "{\"name\":\"$1\"}" \
    "$BENCH_URL/v1/ssf/receivers" | bench_json "['token']"
}

echo "$count revocations one at a time, wrk -t2 -c$BENCH_CONNECTIONS authorize load, $(nproc) cores," \
  "$(date -u +%Y-%m-%dT%H:%MZ), tree $(git rev-parse --short HEAD)"
echo "== 1. idle"
bench_start_server "$server" "$work/idle" --demo
idle=$(python3 bench/lib/ssf_latency.py "$BENCH_URL" "$(register_receiver idle)" "$count")
percentiles "idle" "$idle"
kill "$BENCH_PID"; wait "$BENCH_PID" 2>/dev/null || true

echo "== 2. under authorize load"
bench_start_server "$server" "$work/load" --demo
bench_grant "$BENCH_URL"
token=$(register_receiver loaded)
BENCH_SECONDS=10 bench_wrk "baseline: authorize alone" "$BENCH_URL/v1/authorize" -s bench/authorize.lua
baseline_rps=$BENCH_RPS
BENCH_SECONDS=600 wrk -t2 -c"$BENCH_CONNECTIONS" -d600s --latency -s bench/authorize.lua "$BENCH_URL/v1/authorize" \
  >"$work/load.wrk" &
load_pid=$!
sleep 2
authorized() {
  curl -sf "$BENCH_URL/metrics" |
    awk '/^mandate_http_requests_total\{method="POST",route="\/v1\/authorize",status="200"\}/ {print $2}'
}
# revoking: rate of allowed authorizes while COUNT revocations run
revoking() { # TOKEN: "-" for none (no stream, the baseline)
  local before after started ended
  before=$(authorized); started=$(date +%s.%N)
  result=$(python3 bench/lib/ssf_latency.py "$BENCH_URL" "$1" "$count")
  after=$(authorized); ended=$(date +%s.%N)
  rate=$(python3 -c "print(($after - $before) / ($ended - $started))")
}
# Alternating, so that what else runs on the machine meanwhile weighs on both alike.
plain_sum=0; push_sum=0
for round in 1 2; do
  revoking -; plain_sum=$(python3 -c "print($plain_sum + $rate)")
  percentiles "round $round, no receiver" "$result"
  printf '  authorize while revoking: %.0f req/s\n' "$rate"
  revoking "$token"; push_sum=$(python3 -c "print($push_sum + $rate)")
  percentiles "round $round, pushed" "$result"
  printf '  authorize while revoking: %.0f req/s\n' "$rate"
done
kill "$load_pid"; wait "$load_pid" 2>/dev/null || true; load_pid=
python3 -c "print(f'authorize while revoking, with a push stream / without: x{$push_sum / $plain_sum:.2f}')"

echo "== 3. /metrics"
curl -sf "$BENCH_URL/metrics" | grep -E '^mandate_ssf_(queue_depth|delivery_lag_seconds|pushes_total|delivery_seconds_(sum|count))'
