#!/usr/bin/env bash
# Heap allocations per request, per thread: serves authorize (wrk -t1 -c32, after a 2 s warm-up)
# for SECONDS while uprobes on jemalloc's malloc, realloc and operator new count the calls of the
# event loop and the store thread, then divides by the decisions the store committed meanwhile.
# Counts do not move with the machine's load, unlike requests per second; the probes slow the
# server down a hundredfold, so the run's own rate means nothing.
#   bench/authorize-allocations.sh [SECONDS]   (SERVER=BINARY measures another build; needs root)
# TARGET=healthz serves /healthz instead and divides by the requests wrk completed.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/mandate.sh
duration=${1:-3}
jemalloc=$(ldconfig -p | awk '/libjemalloc.so.2 / {print $NF; exit}')
[ -n "$jemalloc" ] || { echo "needs libjemalloc2 (the server links it)" >&2; exit 1; }
bench_server_binary
work=$(mktemp -d)
probes=(malloc realloc)
new=$(nm -D "$jemalloc" | awk '$3 == "_Znwm" {print $1}')
cleanup() {
  kill "${BENCH_PID:-}" 2>/dev/null || true
  wait 2>/dev/null || true
  perf probe -q -d 'probe_libjemalloc:*' 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
perf probe -q -d 'probe_libjemalloc:*' 2>/dev/null || true
for p in "${probes[@]}"; do perf probe -q -x "$jemalloc" "$p"; done
perf probe -q -x "$jemalloc" -a "operator_new=0x$new"
events=probe_libjemalloc:malloc,probe_libjemalloc:realloc,probe_libjemalloc:operator_new

bench_start_server "$BENCH_SERVER" "$work/data" --demo
bench_grant "$BENCH_URL"
pid=$BENCH_PID
bench_target "$BENCH_URL"
wrk -t1 -c32 -d2s "${BENCH_TARGET[@]}" >/dev/null
decisions() { curl -s "$BENCH_URL/metrics" | awk '/^mandate_store_commit_batch_size_sum/ {print $2}'; }
before=$(decisions)
perf stat --per-thread -x, -e "$events" -p "$pid" -o "$work/counts" -- \
  wrk -t1 -c32 -d"${duration}s" "${BENCH_TARGET[@]}" >"$work/wrk"
if [ "${TARGET:-authorize}" = healthz ]; then
  requests=$(awk '/requests in/ {print $1}' "$work/wrk")
else
  requests=$(($(decisions) - before))
fi
echo "$(basename "$BENCH_SERVER"), ${TARGET:-authorize}, $requests requests, $(date -u +%Y-%m-%dT%H:%MZ)"
# perf -x, lines: thread-tid,count,,event,...; the event loop is the process's first thread.
awk -F, -v n="$requests" -v main="$pid" '
  $3 == "" && $2 ~ /^[0-9]+$/ {
    split($1, t, "-"); tid = t[length(t)]
    name = tid == main ? "event loop" : (t[1] == "mandate" ? "store thread" : "")
    if (name != "") { count[name] += $2; what[name, $4] += $2 }
  }
  END {
    for (name in count)
      printf "  %-13s %7.1f per request (malloc %.1f, realloc %.1f, new %.1f)\n", name, count[name] / n,
        what[name, "probe_libjemalloc:malloc"] / n, what[name, "probe_libjemalloc:realloc"] / n,
        what[name, "probe_libjemalloc:operator_new"] / n
  }' "$work/counts" | sort
