#!/usr/bin/env bash
# Builds and runs every test: the dev build (warnings as errors), the core and server tests again
# under AddressSanitizer + UndefinedBehaviorSanitizer, and a short libFuzzer run over the codecs.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh

./scripts/check-format.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Each stage prints when it starts, so a slow CI run shows where the time went.
stage() { echo "== $1 (${SECONDS}s into the run)"; }
run_suite() { # preset
  stage "$1"
  cmake --preset "$1" >/dev/null
  cmake --build --preset "$1"
  ctest --preset "$1" 2>&1 | tee -a "$log"
}

run_suite dev

# The README's first command as a newcomer runs it (under Xvfb, on the dev build just made): the
# console window opens, server and agent scenario run, and Ctrl+C leaves nothing behind.
stage "demo"
./scripts/check-demo.sh

# PostgreSQL: the server integration suite again, and the multi-instance tests, on a throwaway
# cluster (scripts/with-postgres.sh). The dev build is already there.
stage "server-pg"
./scripts/with-postgres.sh ctest --preset dev -L server-pg 2>&1 | tee -a "$log"
run_suite asan
run_suite fuzz

# Debian packages: built, validated (lintian, desktop-file-validate, appstreamcli) and unpacked.
stage "packages"
./scripts/check-packages.sh
stage "done"

# One closing line over all three suites.
awk '/tests passed, [0-9]+ tests? failed out of/ {
       for (i = 1; i <= NF; i++) { if ($i == "of") total += $(i + 1); if ($i == "failed") failed += $(i - 2) }
     }
     END { printf "%d passed, %d failed\n", total - failed, failed }' "$log"
