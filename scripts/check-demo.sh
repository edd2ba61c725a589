#!/usr/bin/env bash
# Runs the README's first command the way a newcomer does, on the build scripts/test.sh already
# made: `MANDATE_DEMO_PRESET=dev xvfb-run -a ./scripts/demo.sh`, with a throwaway data dir and
# settings. Passes when, within 60 s, a top-level window whose name contains "Mandate" is shown
# and mandate-server and mandate-agent (or the loop that runs it) run below the script, and when,
# after SIGINT to the script (Ctrl+C), nothing it started is left within 15 s. One verdict line;
# exit status 1 on failure.
#   scripts/check-demo.sh [DEMO_SCRIPT]   another script (under the checkout) to check instead
set -euo pipefail
cd "$(dirname "$0")/.."
script=${1:-scripts/demo.sh}
preset=${MANDATE_DEMO_PRESET:-dev}
startup_limit=${CHECK_DEMO_TIMEOUT:-60}
stop_limit=15

work=$(mktemp -d /tmp/mandate-check-demo.XXXXXX)
log=$work/demo.log
runner= # xvfb-run
demo=   # the demo script below it
problems=()

# "pid ppid" of every process, read once per call; descendants ROOT prints ROOT's whole subtree.
descendants() {
  ps -e -o pid=,ppid= | awk -v root="$1" '
    { parent[$1] = $2 }
    END { for (p in parent) { q = p; while (q in parent && q != root && q > 1) q = parent[q]; if (q == root && p != root) print p } }'
}
# "pid:start-time" tokens, so that a recycled pid is not mistaken for a survivor.
identify() { local p; for p in "$@"; do [ -r "/proc/$p/stat" ] && echo "$p:$(awk '{print $22}' "/proc/$p/stat" 2>/dev/null)"; done; true; }
still_alive() { # tokens... → the ones whose process still runs (a zombie has ended: not counted)
  local t
  for t in "$@"; do
    [ "$(identify "${t%%:*}")" = "$t" ] && [ "$(awk '{print $3}' "/proc/${t%%:*}/stat" 2>/dev/null)" != Z ] &&
      echo "${t%%:*}"
  done
  true
}
describe() { local p; for p in "$@"; do ps -o pid=,args= -p "$p" 2>/dev/null || true; done; }
# Everything whose command line names this run's data dir or server: what the demo started, even
# after it was re-parented away from the script.
ours() {
  pgrep -f -- "$work/" || true
  [ -n "${url:-}" ] && { pgrep -f -- "--server $url" || true; }
  true
}

# shellcheck disable=SC2317 # the EXIT trap calls it
cleanup() {
  # After a failed or interrupted check: end whatever of this run is still there.
  local left
  left=$( { [ -z "$runner" ] || descendants "$runner"; ours; } | sort -u)
  if [ -n "$runner$left" ]; then
    # shellcheck disable=SC2086
    kill -TERM ${runner:+-- "-$runner"} $left 2>/dev/null
    sleep 1
    # shellcheck disable=SC2086
    kill -KILL ${runner:+-- "-$runner"} $left 2>/dev/null
  fi
  rm -rf "$work"
  true
}
trap cleanup EXIT

verdict() { # pass|fail sentence
  if [ "$1" = pass ]; then
    echo "check-demo: PASS: $2"
    exit 0
  fi
  echo "check-demo: FAIL: $2"
  echo "--- the last lines of the demo's output:"
  tail -n 30 "$log" | sed 's/^/  /'
  exit 1
}

start=$SECONDS
# Job control gives the run a process group of its own, and keeps SIGINT deliverable to it: a
# non-interactive shell starts background jobs with SIGINT ignored otherwise, and the demo could
# not even trap it.
# A signal ignored when a shell starts stays ignored in it and can be neither trapped nor reset,
# so when this check itself was started with SIGINT ignored (in the background of a shell without
# job control, as some CI runners start jobs), the demo gets SIGINT back as a terminal gives it.
set -m
env MANDATE_DEMO_PRESET="$preset" MANDATE_DEMO_DIR="$work/data" XDG_CONFIG_HOME="$work/config" \
  XDG_DATA_HOME="$work/share" XDG_CACHE_HOME="$work/cache" MANDATE_KEYRING=off \
  python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])' \
  xvfb-run -a "./$script" >"$log" 2>&1 &
runner=$!
set +m

window='' server_seen='' agent_seen='' display='' xauth='' url=''
while [ $((SECONDS - start)) -lt "$startup_limit" ]; do
  kill -0 "$runner" 2>/dev/null || verdict fail "$script ended by itself after $((SECONDS - start)) s"
  if [ -z "$demo" ]; then
    # The script once bash runs it: before that exec, xvfb-run's children carry its command line.
    for p in $(pgrep -P "$runner" -f -- "$(basename "$script")" || true); do
      [ "$(ps -o comm= -p "$p" 2>/dev/null || true)" = bash ] || continue
      demo=$p
      environment=$(tr '\0' '\n' <"/proc/$demo/environ" 2>/dev/null || true)
      display=$(sed -n 's/^DISPLAY=//p' <<<"$environment")
      xauth=$(sed -n 's/^XAUTHORITY=//p' <<<"$environment")
    done
  fi
  if [ -n "$demo" ]; then
    below=$(descendants "$demo")
    if [ -n "$below" ]; then
      # "pid ppid comm" of each. A scenario run is over in a second; between runs the agent loop is
      # a subshell of the script (a bash below it, not the script itself) sleeping.
      table=$(ps -o pid=,ppid=,comm= -p "$(paste -sd, <<<"$below")" 2>/dev/null || true)
      awk '$3 == "mandate-server" { found = 1 } END { exit !found }' <<<"$table" && server_seen=1
      awk -v demo="$demo" '
        $3 == "bash" && $1 != demo { loop[$1] = 1 }
        $3 == "mandate-agent" { found = 1 }
        $3 == "sleep" { sleeper[$2] = 1 }
        END { for (p in sleeper) if (p in loop) found = 1; exit !found }' <<<"$table" && agent_seen=1
    fi
    url=${url:-$(sed -n 's/^mandate-server: \(http[^ ]*\).*/\1/p' "$log")}
  fi
  if [ -n "$display" ] && [ -z "$window" ]; then
    tree=$(DISPLAY=$display XAUTHORITY=$xauth xwininfo -root -children 2>/dev/null || true)
    while read -r id name; do
      state=$(DISPLAY=$display XAUTHORITY=$xauth xwininfo -id "$id" 2>/dev/null || true)
      [[ $state == *"Map State: IsViewable"* ]] && window=$name && break
    done < <(sed -n 's/^ *\(0x[0-9a-f]*\) \("[^"]*Mandate[^"]*"\).*/\1 \2/p' <<<"$tree")
  fi
  [ -n "$window" ] && [ -n "$server_seen" ] && [ -n "$agent_seen" ] && break
  sleep 0.5
done
up=$((SECONDS - start))
[ -n "$window" ] || problems+=("no window named Mandate was shown within ${startup_limit} s")
[ -n "$server_seen" ] || problems+=("mandate-server did not run below $script")
[ -n "$agent_seen" ] || problems+=("neither mandate-agent nor its scenario loop ran below $script")

[ -n "$demo" ] || verdict fail "xvfb-run never ran $script (${problems[*]})"
# Ctrl+C: SIGINT to the script alone, as a terminal would deliver it to the foreground script.
# shellcheck disable=SC2046
started=$(identify "$demo" $(descendants "$demo"))
kill -INT "$demo"
stop_start=$SECONDS
left=
while [ $((SECONDS - stop_start)) -lt "$stop_limit" ]; do
  # shellcheck disable=SC2086
  left=$( { still_alive $started; ours; } | sort -u)
  [ -z "$left" ] && ! kill -0 "$runner" 2>/dev/null && break
  sleep 0.2
done
stopped=$((SECONDS - stop_start))
# shellcheck disable=SC2086
[ -z "$left" ] || problems+=("after Ctrl+C these were still running $stop_limit s later: $(describe $left | tr -s ' ' | paste -sd ';' -)")
kill -0 "$runner" 2>/dev/null && problems+=("xvfb-run did not end after the script")

if [ ${#problems[@]} -gt 0 ]; then
  verdict fail "$(printf '%s; ' "${problems[@]}" | sed 's/; $//')"
fi
runner= # nothing left to clean up but the work dir
verdict pass "window $window up, mandate-server and the agent scenario running after ${up} s; Ctrl+C left nothing behind after ${stopped} s"
