#!/usr/bin/env bash
# Authorize throughput and latency of one mandate-server on SQLite next to 1, 2 and 3 instances
# on one PostgreSQL database, all behind the same nginx (round-robin, keep-alive) in the same run.
# PostgreSQL is a throwaway cluster from scripts/with-postgres.sh. Each instance has its own signing
# key (they trust each other's through the database). The requests spread over TREES independent
# delegations; while they run, pg_locks is sampled every 100 ms for lock waits, by kind: a row
# lock wait ("transactionid"/"tuple") would be a batch waiting on another's tree, an advisory one
# the short commit-order lock of live-event ids.
#   bench/cluster-throughput.sh [SECONDS] [CONNECTIONS] [TREES]   (BUILD=dev to skip the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/mandate.sh
if [ -z "${MANDATE_TEST_POSTGRES_URL:-}" ]; then exec scripts/with-postgres.sh "$0" "$@"; fi
duration=${1:-10}
connections=${2:-32}
trees=${3:-64}
build=${BUILD:-release}
if [ "$build" = release ]; then
  cmake --preset release >/dev/null
  cmake --build --preset release --target mandate-server >/dev/null
fi
server=build/$build/app/mandate-server
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
socket_dir=${MANDATE_TEST_POSTGRES_URL##*host=}
pg_user=${MANDATE_TEST_POSTGRES_URL#postgresql://}; pg_user=${pg_user%%@*}

work=$(mktemp -d)
pids=()
stop_all() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); }
trap 'stop_all; rm -rf "$work"' EXIT

start_instances() { # name count [--database URL]
  local name=$1 count=$2; shift 2
  local upstream="" i
  for i in $(seq "$count"); do
    local port=$((19100 + i))
    "$server" --listen "127.0.0.1:$port" --data-dir "$work/$name-$i" --log-key "$work/$name.log-key" --demo \
      --no-access-log "$@" >"$work/$name-$i.out" 2>&1 &
    pids+=($!)
    upstream+="server 127.0.0.1:$port; "
  done
  for i in $(seq "$count"); do
    for _ in $(seq 100); do grep -q "listening on" "$work/$name-$i.out" && break; sleep 0.1; done
    grep -q "listening on" "$work/$name-$i.out" ||
      { echo "mandate-server $name-$i did not start:" >&2; cat "$work/$name-$i.out" >&2; exit 1; }
  done
  cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work;
  upstream mandate { $upstream keepalive 64; }
  server { listen 127.0.0.1:19100;
    location / { proxy_pass http://mandate; proxy_http_version 1.1; proxy_set_header Connection ""; } }
}
NGINX
  nginx -c "$work/nginx.conf" -p "$work" &
  pids+=($!)
  sleep 0.5
}

sample_locks() { # database file: counts waiting locks by kind until killed
  while true; do
    "$pg_bin/psql" -qAtX -h "$socket_dir" -U "$pg_user" -d "$1" -c \
      "SELECT 'sample', count(*) FROM pg_stat_activity WHERE datname = current_database()
       UNION ALL SELECT l.locktype || ' <- ' || left(regexp_replace(a.query, '\s+', ' ', 'g'), 48), count(*)
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted GROUP BY 1" >>"$2" 2>/dev/null || true
    sleep 0.1
  done
}

measure() { # label [database]
  local url=http://127.0.0.1:19100
  bench_grants "$url" "$trees"
  local sampler="" locks="$work/locks-$1"
  : >"$locks"
  if [ -n "${2:-}" ]; then sample_locks "$2" "$locks" & sampler=$!; fi
  local out rps p50 p99 non2xx
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -s bench/authorize-many-trees.lua "$url/v1/authorize")
  [ -n "$sampler" ] && { kill "$sampler"; wait "$sampler" 2>/dev/null || true; }
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  printf '%-22s %10s req/s   p50 %8s   p99 %8s   non-2xx %s' "$1" "$rps" "$p50" "$p99" "$non2xx"
  if [ -n "$sampler" ]; then
    awk -F'|' '$1=="sample" {n++} $1!="sample" {w[$1]+=$2}
      END {printf "   pg_locks: %d samples, waits", n; if (length(w)==0) printf " none"; for (k in w) printf "\n      %5d  %s", w[k], k}' "$locks"
  fi
  echo
}

# The same load, but each instance gets its own share of the trees straight (no nginx), from its
# own wrk: no two instances ever touch one tree, so any row-lock wait in pg_locks would be a batch
# waiting on an unrelated tree.
measure_split() { # label database count
  local label=$1 count=$3 locks="$work/locks-$1-split" i
  bench_grants http://127.0.0.1:19100 "$trees"
  : >"$locks"
  sample_locks "$2" "$locks" & local sampler=$!
  IFS=, read -r -a all <<<"$MANDATE_DELEGATIONS"
  local wrks=()
  for i in $(seq "$count"); do
    local share="" j
    for j in "${!all[@]}"; do [ $((j % count)) -eq $((i - 1)) ] && share+="${share:+,}${all[$j]}"; done
    MANDATE_DELEGATIONS=$share wrk -t1 -c$((connections / count)) -d"${duration}s" --latency \
      -s bench/authorize-many-trees.lua "http://127.0.0.1:$((19100 + i))/v1/authorize" >"$work/split-$i.out" &
    wrks+=($!)
  done
  wait "${wrks[@]}"
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  local rps=0 non2xx=0
  for i in $(seq "$count"); do
    rps=$(awk -v a="$rps" '/Requests\/sec/ {printf "%.2f", a + $2}' "$work/split-$i.out")
    local n; n=$(awk '/Non-2xx/ {print $NF}' "$work/split-$i.out")
    non2xx=$((non2xx + ${n:-0}))
  done
  printf '%-22s %10s req/s   (per instance p99:%s)   non-2xx %s' "$label" "$rps" \
    "$(for i in $(seq "$count"); do awk '$1=="99%" {printf " %s", $2}' "$work/split-$i.out"; done)" "$non2xx"
  awk -F'|' '$1=="sample" {n++} $1!="sample" {w[$1]+=$2}
    END {printf "   pg_locks: %d samples, waits", n; if (length(w)==0) printf " none"; for (k in w) printf "\n      %5d  %s", w[k], k}' "$locks"
  echo
}

echo "wrk -t2 -c$connections -d${duration}s through nginx, $trees trees on $(nproc) cores, $build build, $(date -u +%Y-%m-%dT%H:%MZ)"
start_instances sqlite 1
measure "sqlite x1"
stop_all
for n in 1 2 3; do
  "$pg_bin/psql" -qX -h "$socket_dir" -U "$pg_user" -d postgres -c "CREATE DATABASE bench_$n" >/dev/null
  start_instances "pg$n" "$n" --database "postgresql://$pg_user@localhost:5432/bench_$n?host=$socket_dir"
  measure "postgresql x$n" "bench_$n"
  [ "$n" -gt 1 ] && measure_split "postgresql x$n split" "bench_$n" "$n"
  stop_all
done
