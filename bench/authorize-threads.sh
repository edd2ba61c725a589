#!/usr/bin/env bash
# Where an authorize's time goes, per thread: serves authorize for SECONDS (wrk -t1 -c32, after a
# 3 s warm-up) and prints, over the measured run,
#   - each thread's CPU per request (/proc/PID/task/*/stat),
#   - each busy thread's share of the run on a CPU, waiting for one, and asleep (schedstat), and
#     its context switches per request (/proc/PID/task/*/status),
#   - the group commit: batches, decisions per batch, and the share of the run inside commit(),
#   - the machine's idle share (/proc/stat) and wrk's own CPU.
#   bench/authorize-threads.sh [SECONDS]   (SERVER=BINARY measures another build)
# TARGET=healthz serves /healthz instead: the same figures for the baseline that
# bench/authorize-throughput.sh divides by.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/mandate.sh
duration=${1:-10}
bench_server_binary
work=$(mktemp -d)
trap 'kill "${BENCH_PID:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
bench_start_server "$BENCH_SERVER" "$work/data" --demo
bench_grant "$BENCH_URL"
pid=$BENCH_PID
bench_target "$BENCH_URL"
wrk -t1 -c32 -d3s "${BENCH_TARGET[@]}" >/dev/null

threads() { for t in /proc/"$pid"/task/*; do
  echo "$(tr ' ' _ <"$t/comm") $(awk '{print $14 + $15}' "$t/stat") $(cat "$t/schedstat")" \
    "$(awk '/^voluntary_ctxt/ {v = $2} /^nonvoluntary_ctxt/ {n = $2} END {print v, n}' "$t/status")"; done; }
commits() { curl -s "$BENCH_URL/metrics" |
  awk '/^mandate_store_commit_(duration_seconds|batch_size)_(sum|count) / {printf "%s ", $2}'; }
machine() { awk '/^cpu / {print $5, $2 + $3 + $4 + $5 + $6 + $7 + $8}' /proc/stat; }

threads >"$work/t0"; c0=$(commits); m0=$(machine)
wrk -t1 -c32 -d"${duration}s" --latency "${BENCH_TARGET[@]}" >"$work/wrk" &
wrk_pid=$!
sleep "$duration"; wrk_ticks=$(awk '{print $14 + $15}' /proc/$wrk_pid/stat 2>/dev/null || echo 0)
wait $wrk_pid
threads >"$work/t1"; c1=$(commits); m1=$(machine)

grep -E "Requests/sec|  50%|  99%" "$work/wrk"
requests=$(awk '/requests in/ {print $1}' "$work/wrk")
hz=$(getconf CLK_TCK)
echo "per thread (CPU per request; share of the run on a CPU / waiting for one / asleep;"
echo "            context switches per request, voluntary / involuntary):"
paste "$work/t0" "$work/t1" | awk -v n="$requests" -v hz="$hz" -v s="$duration" '{
  cpu = ($9 - $2) / hz; if (cpu < 0.01 * s) next
  on = ($10 - $3) / 1e7 / s; queued = ($11 - $4) / 1e7 / s
  printf "  %-18s %6.1f us   %4.0f %% / %3.0f %% / %3.0f %%   %.2f / %.2f\n", $1, cpu * 1e6 / n, on, queued,
    100 - on - queued, ($13 - $6) / n, ($14 - $7) / n }'
awk -v a="$c0" -v b="$c1" -v s="$duration" 'BEGIN { split(a, x); split(b, y)
  d = y[1] - x[1]; n = y[2] - x[2]; size = y[3] - x[3]; if (n == 0) exit
  printf "group commit: %d batches, %.1f decisions each, %.2f ms in commit() each, %.0f %% of the run\n",
    n, size / n, d * 1000 / n, 100 * d / s }'
read -r i0 t0 <<<"$m0"; read -r i1 t1 <<<"$m1"
awk -v i="$((i1 - i0))" -v t="$((t1 - t0))" -v w="$wrk_ticks" -v hz="$hz" -v s="$duration" \
  'BEGIN { printf "machine idle %.0f %%, wrk %.2f cores\n", 100 * i / t, w / hz / s }'
