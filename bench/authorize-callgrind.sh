#!/usr/bin/env bash
# Instructions per request of mandate-server (valgrind's callgrind), per thread: /healthz, then
# durable authorize on one delegation. Instruction counts do not move with the other load on the
# machine, unlike requests per second. The demo store is seeded and the grant made without
# valgrind, then the same data dir is served under it.
#   bench/authorize-callgrind.sh [BINARY] [SECONDS]   (BINARY default build/release/app/mandate-server)
# The phases stop at the first non-2xx answer (a wrong setup would profile refusals).
# Leaves the profiles in $OUT (default /tmp/mandate-callgrind) for callgrind_annotate.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/mandate.sh
binary=${1:-build/release/app/mandate-server}
seconds=${2:-15}
out=${OUT:-/tmp/mandate-callgrind}
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"' EXIT
rm -rf "$out"; mkdir -p "$out"

bench_start_server "$binary" "$work/data" --demo
pid=$BENCH_PID
bench_grant "$BENCH_URL"
kill "$pid"; wait "$pid" 2>/dev/null || true
port=${BENCH_URL##*:}

valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$out/callgrind.out" \
  "$binary" --listen "127.0.0.1:$port" --data-dir "$work/data" --demo --no-access-log >"$work/vg.out" 2>&1 &
pid=$!
for _ in $(seq 600); do grep -q "listening on" "$work/vg.out" 2>/dev/null && break; sleep 0.1; done
grep -q "listening on" "$work/vg.out" || { cat "$work/vg.out" >&2; exit 1; }
sleep 2

total() { # dump part: sums the instruction totals of every thread's file of that part
  local sum=0 f
  for f in "$out"/callgrind.out."$1"-*; do
    sum=$((sum + $(awk '/^summary:/ {print $2}' "$f")))
  done
  echo "$sum"
}
phase() { # name part url [wrk args]
  local name=$1 part=$2 url=$3; shift 3
  callgrind_control -z "$pid" >/dev/null
  local reqs
  local report; report=$(wrk -t1 -c8 -d"${seconds}s" "$@" "$url")
  reqs=$(awk '/requests in/ {print $1}' <<<"$report")
  ! grep -q "Non-2xx" <<<"$report" || { echo "$name: $(grep Non-2xx <<<"$report")" >&2; exit 1; }
  callgrind_control -d "$name" "$pid" >/dev/null
  sleep 1
  local ir; ir=$(total "$part")
  printf '%-10s %8d requests   %14d Ir   %10d Ir per request\n' "$name" "$reqs" "$ir" $((ir / reqs))
}
echo "callgrind, wrk -t1 -c8 -d${seconds}s per phase, $(basename "$binary") $(git rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%MZ)"
phase healthz 1 "$BENCH_URL/healthz"
phase authorize 2 "$BENCH_URL/v1/authorize" -s bench/authorize.lua
echo "per thread (authorize phase):"
for f in "$out"/callgrind.out.2-*; do
  printf '  %-40s %14s Ir\n' "$(basename "$f")" "$(awk '/^summary:/ {print $2}' "$f")"
done
