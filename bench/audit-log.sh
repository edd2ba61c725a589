#!/usr/bin/env bash
# The verifiable audit log's costs, each against a baseline measured in the same run:
#  1. authorize throughput and p99 with the sequencer (this tree) and with the hash chain computed
#     inside every write (BASE, default the commit before the log), alternating A B A B;
#  2. the merge delay under that load: from an allow's answer to its receipt (p50, p99, max);
#  3. at 1,000,000 events: how fast the sequencer integrates them, proof latency next to /healthz,
#     and the store's size per event.
# Usage: bench/audit-log.sh [BASE] [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-3182f9a}
export BENCH_SECONDS=${2:-10} BENCH_CONNECTIONS=${3:-32}
source bench/lib/mandate.sh

missing=()
for tool in wrk sqlite3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "needs: apt-get install ${missing[*]}" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake --preset release >/dev/null
cmake --build --preset release --target mandate-server >/dev/null
head_server=build/release/app/mandate-server
base_sha=$(git rev-parse --short "$base")
base_tree=build/bench-base-$base_sha
if [ ! -x "$base_tree/build/release/app/mandate-server" ]; then
  rm -rf "$base_tree"
  git worktree add --detach "$base_tree" "$base" >/dev/null 2>&1
  (cd "$base_tree" && cmake --preset release >/dev/null && cmake --build --preset release --target mandate-server >/dev/null)
fi
base_server=$base_tree/build/release/app/mandate-server

work=$(mktemp -d)
cleanup() { kill "${BENCH_PID:-}" "${load_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
stop_server() { kill "$BENCH_PID"; wait "$BENCH_PID" 2>/dev/null || true; }

echo "wrk -t2 -c$BENCH_CONNECTIONS -d${BENCH_SECONDS}s on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ);" \
  "this tree $(git rev-parse --short HEAD), baseline $base_sha"
echo "== 1. authorize, alternating"
declare -A rps_sum=() p99_sum=()
for round in 1 2; do
  for name in baseline sequencer; do
    server=$head_server; [ "$name" = baseline ] && server=$base_server
    bench_start_server "$server" "$work/$name-$round" --demo
    bench_grant "$BENCH_URL"
    bench_wrk "$name (round $round) /v1/authorize" "$BENCH_URL/v1/authorize" -s bench/authorize.lua
    rps_sum[$name]=$(python3 -c "print(${rps_sum[$name]:-0} + $BENCH_RPS)")
    p99_sum[$name]="${p99_sum[$name]:-} $BENCH_P99"
    stop_server
  done
done
python3 - "${rps_sum[sequencer]}" "${rps_sum[baseline]}" "${p99_sum[sequencer]}" "${p99_sum[baseline]}" <<'PY'
import sys
def ms(t): return float(t[:-2]) if t.endswith("ms") else float(t[:-2]) / 1000 if t.endswith("us") else float(t[:-1]) * 1000
seq, base = float(sys.argv[1]), float(sys.argv[2])
p99s = [sum(map(ms, a.split())) / len(a.split()) for a in sys.argv[3:5]]
print(f"sequencer / baseline throughput = {seq / base:.2f}   mean p99 {p99s[0]:.2f} ms vs {p99s[1]:.2f} ms")
PY

echo "== 2. merge delay under load (allow answered -> receipt served)"
bench_start_server "$head_server" "$work/delay" --demo
bench_grant "$BENCH_URL"
wrk -t2 -c"$BENCH_CONNECTIONS" -d"$((BENCH_SECONDS + 5))s" -s bench/authorize.lua "$BENCH_URL/v1/authorize" >/dev/null &
load_pid=$!
sleep 1
python3 - "$BENCH_URL" <<'PY'
import json, os, sys, time, urllib.request, urllib.error
url, svid, dlg = sys.argv[1], os.environ["MANDATE_SVID"], os.environ["MANDATE_DELEGATION"]
def call(method, path, body=None):
    req = urllib.request.Request(url + path, method=method, data=body and json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + svid, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
delays = []
end = time.time() + float(os.environ.get("BENCH_SECONDS", "10"))
while time.time() < end:
    status, body = call("POST", "/v1/authorize", {"delegation_id": dlg, "action": "payments.initiate",
        "resource": "account:acc_1", "amount": {"amount_minor": 1, "currency": "EUR"}, "destination": "payee:landlord"})
    answered = time.monotonic()
    decision = json.loads(body)["decision_id"]
    while call("GET", f"/v1/decisions/{decision}/receipt")[0] != 200:
        time.sleep(0.005)
    delays.append((time.monotonic() - answered) * 1000)
delays.sort()
pick = lambda q: delays[min(len(delays) - 1, int(q * len(delays)))]
print(f"{len(delays)} decisions under load: merge delay p50 {pick(0.5):.0f} ms, p99 {pick(0.99):.0f} ms, "
      f"max {delays[-1]:.0f} ms (the contract: at most 1000 ms; polled every 5 ms)")
PY
wait "$load_pid" || true
stop_server

echo "== 3. one million events"
dir=$work/million
bench_start_server "$head_server" "$dir" --demo
stop_server
python3 - "$dir/mandate.db" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
event = json.loads(db.execute("SELECT event FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()[0])
for member in ("seq", "prev_hash", "hash", "leaf_hash"):
    event.pop(member, None)
text = json.dumps(event, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
db.execute("""WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
              INSERT INTO audit_inbox (at, type, event) SELECT ?, ?, ? FROM n""", (event["at"], event["type"], text))
db.commit()
PY
started=$(date +%s.%N)
bench_start_server "$head_server" "$dir"
size=0
while [ "$size" -lt 1000000 ]; do
  sleep 0.5
  size=$(curl -sf "$BENCH_URL/v1/audit/checkpoint" | bench_json "['tree_size']")
done
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'sequenced {int(sys.argv[3]):,} events in {s:.1f} s ({int(sys.argv[3])/s:,.0f} events/s, start-up included)')" \
  "$started" "$(date +%s.%N)" "$size"
export MANDATE_TREE_SIZE=$size
MANDATE_TOKEN=$(curl -sf -X POST -H 'Content-Type: application/json' -d '{"username":"sam","password":"mandate-demo"}' \
  "$BENCH_URL/v1/sessions" | bench_json "['token']")
export MANDATE_TOKEN
bench_wrk "healthz (baseline)" "$BENCH_URL/healthz"
healthz=$BENCH_RPS
bench_wrk "inclusion proof, random leaf" "$BENCH_URL" -s bench/inclusion.lua
inclusion=$BENCH_RPS
bench_wrk "consistency proof, random size" "$BENCH_URL" -s bench/consistency.lua
python3 -c "import sys; print(f'inclusion / healthz = {float(sys.argv[1])/float(sys.argv[3]):.2f}   consistency / healthz = {float(sys.argv[2])/float(sys.argv[3]):.2f}')" \
  "$inclusion" "$BENCH_RPS" "$healthz"
stop_server
sqlite3 "$dir/mandate.db" "VACUUM"
whole=$(stat -c %s "$dir/mandate.db")
cp "$dir/mandate.db" "$work/without-tree.db"
sqlite3 "$work/without-tree.db" "DELETE FROM audit_nodes; VACUUM"
bare=$(stat -c %s "$work/without-tree.db")
python3 -c "import sys; w,b,n=map(int,sys.argv[1:]); print(f'store: {w/n:.0f} bytes per event in all, of which the tree {(w-b)/n:.0f} ({w/2**20:.0f} MiB for {n:,} events)')" \
  "$whole" "$bare" "$size"
