# Cerbos, the policy decision point the example org policies (resources/policy/cerbos) run in, for
# the demo and the benchmarks. Sourced, not run. Cerbos always runs with telemetry off and on
# loopback only: it would otherwise try to reach its makers' servers, and no traffic may leave
# this machine.

# The binary scripts/install-deps.sh installed (or $CERBOS_BINARY); fails when there is none.
cerbos_binary() {
  if [ -n "${CERBOS_BINARY:-}" ]; then
    [ -x "$CERBOS_BINARY" ] && echo "$CERBOS_BINARY"
    return
  fi
  local root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  local bin="$root/tools/cerbos/node_modules/@cerbos/cerbos-linux-x64/cerbos-linux-x64"
  [ -x "$bin" ] && echo "$bin"
}

cerbos_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# cerbos_write_config WORKDIR POLICY_DIR PORT: HTTP on 127.0.0.1:PORT, gRPC on another free port.
cerbos_write_config() {
  local workdir=$1 policies=$2 port=$3
  mkdir -p "$workdir"
  cat >"$workdir/cerbos.yaml" <<CONF
server:
  httpListenAddr: "127.0.0.1:$port"
  grpcListenAddr: "127.0.0.1:$(cerbos_free_port)"
storage:
  driver: disk
  disk:
    directory: "$policies"
telemetry:
  disabled: true
CONF
}

# cerbos_run WORKDIR: runs Cerbos in the foreground with WORKDIR's configuration.
cerbos_run() {
  CERBOS_NO_TELEMETRY=1 exec "$(cerbos_binary)" server --config="$1/cerbos.yaml" \
    --set=telemetry.disabled=true --log-level=warn
}

# cerbos_wait PORT PID: until it answers its health check (10 s at most).
cerbos_wait() {
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$1/_cerbos/health" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# cerbos_start WORKDIR POLICY_DIR PORT: in the background; prints its pid.
cerbos_start() {
  local workdir=$1
  cerbos_binary >/dev/null || return 1
  cerbos_write_config "$workdir" "$2" "$3"
  (cerbos_run "$workdir") >"$workdir/cerbos.log" 2>&1 &
  local pid=$!
  if cerbos_wait "$3" "$pid"; then
    echo "$pid"
  else
    kill "$pid" 2>/dev/null
    echo "Cerbos did not start; see $workdir/cerbos.log" >&2
    return 1
  fi
}
