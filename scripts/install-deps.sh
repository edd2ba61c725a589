#!/usr/bin/env bash
# Installs every Debian 12 package Mandate needs to build, test and run its demo, and the Cerbos
# policy decision point (pinned, from the npm registry, into tools/cerbos/) that the org-policy
# tests and the demo ask.
# Idempotent: installs only what is missing. As root it runs apt-get; otherwise it prints the command.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
  qt6-websockets-dev qt6-svg-dev qt6-charts-dev libqt6opengl6-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  qtkeychain-qt6-dev libssl-dev libsodium-dev libyaml-cpp-dev libjemalloc-dev liburing-dev libgl-dev libegl-dev libxkbcommon-dev
  clang libclang-rt-14-dev clang-format lld
  xvfb xauth x11-apps x11-utils imagemagick fonts-dejavu-core poppler-utils
  sqlite3 libsqlite3-dev curl procps openssl python3 python3-cryptography python3-jwt
  dpkg-dev fakeroot file lintian desktop-file-utils appstream nginx-light systemd
  postgresql
)
# Cerbos comes from npm: Debian's npm when the machine has no Node.js of its own.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  # Read whole, not piped into `grep -q`: under pipefail, grep leaving early can fail the pipe.
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  cmd=(apt-get install -y --no-install-recommends "${missing[@]}")
  if [ "$(id -u)" -ne 0 ]; then
    echo "Mandate needs these Debian packages. Run as root:" >&2
    echo "  apt-get update && ${cmd[*]}" >&2
    exit 1
  fi
  echo "Installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! "${cmd[@]}" >/dev/null; then
    apt-get update >/dev/null
    "${cmd[@]}" >/dev/null
  fi
fi

# The exact Cerbos release and checksum in tools/cerbos/package-lock.json. Its binary is only ever
# started with telemetry off (scripts/lib/cerbos.sh, tests/support/CerbosProcess).
if [ ! -x "$root/tools/cerbos/node_modules/@cerbos/cerbos-linux-x64/cerbos-linux-x64" ]; then
  echo "Installing Cerbos (tools/cerbos) from the npm registry" >&2
  (cd "$root/tools/cerbos" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
  chmod +x "$root/tools/cerbos/node_modules/@cerbos/cerbos-linux-x64/cerbos-linux-x64"
fi
