# Sourced by the benchmarks: helpers around a running `mandate-server --demo`.

# bench_json EXPR: reads JSON on stdin, prints the Python expression EXPR applied to it.
bench_json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

# bench_server_binary: the mandate-server to measure: $SERVER when set (another build, for a
# before/after pair), else the release build, built first; sets BENCH_SERVER.
bench_server_binary() {
  if [ -n "${SERVER:-}" ]; then
    BENCH_SERVER=$SERVER
  else
    cmake --preset release >/dev/null
    cmake --build --preset release --target mandate-server >/dev/null
    BENCH_SERVER=build/release/app/mandate-server
  fi
}

# bench_start_server BINARY DATADIR [ARGS...]: starts the server in the background on a free port;
# sets BENCH_URL and BENCH_PID.
bench_start_server() {
  local binary=$1 dir=$2; shift 2
  mkdir -p "$dir"
  "$binary" --listen 127.0.0.1:0 --data-dir "$dir" --no-access-log "$@" >"$dir.out" 2>&1 &
  BENCH_PID=$!
  for _ in $(seq 300); do grep -q "listening on" "$dir.out" 2>/dev/null && break; sleep 0.1; done
  BENCH_URL=$(sed -n 's/^listening on //p' "$dir.out")
  [ -n "$BENCH_URL" ] || { echo "mandate-server did not start:" >&2; cat "$dir.out" >&2; return 1; }
}

# bench_grant URL: Alice grants the Bill payer a payments delegation and Ada mints its JWT-SVID;
# exports MANDATE_DELEGATION and MANDATE_SVID for bench/authorize.lua.
bench_grant() {
  local url=$1 alice ada agent expires
  post() { curl -sf -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $1" -d "$3" "$url$2"; }
  alice=$(post "" /v1/sessions '{"username":"alice","password":"mandate-demo"}' | bench_json "['token']")
  ada=$(post "" /v1/sessions '{"username":"ada","password":"mandate-demo"}' | bench_json "['token']")
  agent=$(curl -sf -H "Authorization: Bearer $alice" "$url/v1/agents" |
    python3 -c "import json,sys; print([a['id'] for a in json.load(sys.stdin)['items'] if a['name']=='Bill payer'][0])")
  expires=$(date -u -d '+7 days' +%Y-%m-%dT%H:%M:%SZ)
  MANDATE_DELEGATION=$(post "$alice" /v1/delegations "{\"agent_id\":\"$agent\",\"purpose\":\"Benchmark\",\"expires_at\":\"$expires\",
    \"scopes\":[{\"action\":\"payments.initiate\",\"resource\":\"account:acc_1\",\"max_per_action\":{\"amount_minor\":100,\"currency\":\"EUR\"},
    \"destinations\":[\"payee:landlord\"]}]}" | bench_json "['id']")
  MANDATE_SVID=$(post "$ada" "/v1/agents/$agent/svid" '{}' | bench_json "['token']")
  export MANDATE_DELEGATION MANDATE_SVID
}

# bench_target URL: the wrk arguments for $TARGET (default authorize, or healthz) on the server at
# URL; sets the array BENCH_TARGET.
bench_target() {
  if [ "${TARGET:-authorize}" = healthz ]; then
    BENCH_TARGET=("$1/healthz")
  else
    BENCH_TARGET=(-s bench/authorize.lua "$1/v1/authorize")
  fi
}

# bench_wrk NAME URL [WRK ARGS...]: one wrk run; prints a line and sets BENCH_RPS, BENCH_P50, BENCH_P99.
bench_wrk() {
  local name=$1 target=$2 out; shift 2
  out=$(wrk -t2 -c"${BENCH_CONNECTIONS:-32}" -d"${BENCH_SECONDS:-10}s" --latency "$@" "$target")
  BENCH_RPS=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  BENCH_P50=$(awk '$1=="50%" {print $2}' <<<"$out")
  BENCH_P99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '%-40s %12s req/s   p50 %8s   p99 %8s\n' "$name" "$BENCH_RPS" "$BENCH_P50" "$BENCH_P99"
}

# bench_grants URL COUNT: like bench_grant, with COUNT delegations (independent trees) for the
# Bill payer; exports MANDATE_DELEGATIONS (comma-separated) for bench/authorize-many-trees.lua.
bench_grants() {
  local url=$1 count=$2 ids="" i
  bench_grant "$url"
  ids=$MANDATE_DELEGATION
  local alice agent expires
  alice=$(curl -sf -X POST -H 'Content-Type: application/json' -d '{"username":"alice","password":"mandate-demo"}' \
    "$url/v1/sessions" | bench_json "['token']")
  agent=$(curl -sf -H "Authorization: Bearer $alice" "$url/v1/agents" |
    python3 -c "import json,sys; print([a['id'] for a in json.load(sys.stdin)['items'] if a['name']=='Bill payer'][0])")
  expires=$(date -u -d '+7 days' +%Y-%m-%dT%H:%M:%SZ)
  for i in $(seq 2 "$count"); do
    ids+=,$(curl -sf -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $alice" "$url/v1/delegations" \
      -d "{\"agent_id\":\"$agent\",\"purpose\":\"Benchmark $i\",\"expires_at\":\"$expires\",
      \"scopes\":[{\"action\":\"payments.initiate\",\"resource\":\"account:acc_1\",
      \"max_per_action\":{\"amount_minor\":100,\"currency\":\"EUR\"},\"destinations\":[\"payee:landlord\"]}]}" |
      bench_json "['id']")
  done
  MANDATE_DELEGATIONS=$ids
  export MANDATE_DELEGATIONS
}
