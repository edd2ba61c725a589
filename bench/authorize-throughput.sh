#!/usr/bin/env bash
# Authorize throughput and latency against two baselines measured in the same run on the same
# loopback: the same server's /healthz, and nginx answering a static "return 200".
# Then the event-latency benchmark. Usage: bench/authorize-throughput.sh [SECONDS] [CONNECTIONS]
# WRK_THREADS (default 1, as issue 18's target is stated) sets wrk's threads; SERVER=BINARY measures
# another build of mandate-server (for a before/after pair in one session). When the Cerbos binary
# is there (CERBOS=PATH, default the one scripts/install-deps.sh puts in tools/cerbos/), the same run measures
# Cerbos's stateless AuthZEN evaluation of the same payment as a peer: audit and telemetry off,
# request logs off, on 127.0.0.1 only. Each target is warmed up for WARMUP seconds (default 3)
# before its measured run. ROUNDS=N (default 1) measures /healthz and authorize N times, in turn,
# and prints each round's ratio and their median: a drift of the machine's speed during the run
# then shows as a spread instead of skewing the one ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/mandate.sh
duration=${1:-10}
connections=${2:-32}
threads=${WRK_THREADS:-1}

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk nginx-light >/dev/null
  else
    echo "needs: apt-get install wrk nginx-light" >&2; exit 1
  fi
fi
cmake --preset release >/dev/null
cmake --build --preset release --target mandate-server bench_event_latency >/dev/null

work=$(mktemp -d)
cleanup() { kill "${server_pid:-}" "${nginx_pid:-}" "${cerbos_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

bench_start_server "${SERVER:-build/release/app/mandate-server}" "$work/data" --demo
server_pid=$BENCH_PID
url=$BENCH_URL
bench_grant "$url"

mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx;
  server { listen 127.0.0.1:18999; location / { return 200 "ok"; } }
}
NGINX
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
sleep 0.5

run() { # name url [wrk args...]
  local name=$1 target=$2; shift 2
  # Every target first serves WARMUP seconds unmeasured (default 3): what is measured is a running
  # service, not a fresh data dir's first WAL growth or a cold process.
  wrk -t"$threads" -c"$connections" -d"${WARMUP:-3}s" "$@" "$target" >/dev/null
  local out; out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$@" "$target")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '%-34s %12s req/s   p50 %8s   p99 %8s\n' "$name" "$rps" "$p50" "$p99"
  echo "$rps" >"$work/$name.rps"
}

echo "wrk -t$threads -c$connections -d${duration}s on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
run nginx-static http://127.0.0.1:18999/
rounds=${ROUNDS:-1}
for round in $(seq 1 "$rounds"); do
  tag=$([ "$rounds" -gt 1 ] && echo ".$round" || true)
  run "healthz$tag" "$url/healthz"
  run "authorize$tag" "$url/v1/authorize" -s bench/authorize.lua
done
source scripts/lib/cerbos.sh
cerbos=${CERBOS:-$(cerbos_binary || true)}
if [ -n "$cerbos" ] && [ -x "$cerbos" ]; then
  cerbos_port=$(cerbos_free_port)
  cerbos_pid=$(CERBOS_BINARY=$cerbos cerbos_start "$work/cerbos" "$PWD/bench/cerbos/policies" "$cerbos_port")
  run cerbos-authzen "http://127.0.0.1:$cerbos_port/access/v1/evaluation" -s bench/cerbos-authzen.lua
else
  echo "(no Cerbos installed (scripts/install-deps.sh): the peer comparison is skipped)"
fi
python3 - "$work" "$rounds" <<'PY'
import sys, pathlib, statistics
w, rounds = pathlib.Path(sys.argv[1]), int(sys.argv[2])
rps = lambda n: float((w / f"{n}.rps").read_text())
tags = [f".{i}" for i in range(1, rounds + 1)] if rounds > 1 else [""]
pairs = [(rps(f"authorize{t}"), rps(f"healthz{t}")) for t in tags]
ratios = [a / h for a, h in pairs]
if rounds > 1:
    print("authorize / healthz per round: " + "  ".join(f"{r:.3f}" for r in ratios))
authorize = statistics.median(a for a, _ in pairs)
print(f"authorize / healthz = {statistics.median(ratios):.3f}   authorize / nginx = {authorize / rps('nginx-static'):.2f}")
peer = w / "cerbos-authzen.rps"
if peer.exists():
    print(f"authorize / cerbos-authzen = {authorize / float(peer.read_text()):.2f}")
PY
echo "group-commit batch sizes (writes per transaction, cumulative buckets):"
curl -sf "$url/metrics" | grep -E '^mandate_store_commit_batch_size_(bucket|count|sum)' | sed 's/^/  /'
build/release/bench/bench_event_latency "$url" 200
