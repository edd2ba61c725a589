#!/usr/bin/env bash
# Builds the Debian packages (CPack, preset "package"), validates the desktop entry, the AppStream
# metainfo and the packages themselves (lintian: no errors, no warnings beyond the overrides they
# ship), unpacks each into a scratch root to check the files land where Debian expects, and checks
# the dependencies name the Qt 6 runtime packages. Prints PASS/FAIL lines; exits 1 on any FAIL.
set -euo pipefail
cd "$(dirname "$0")/.."

build=build/package
failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() { # description, then the command that must succeed
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

nice cmake --preset package >/dev/null
nice cmake --build --preset package
rm -f "$build"/*.deb
(cd "$build" && nice cpack -G DEB >cpack.log 2>&1) || { cat "$build/cpack.log"; fail "cpack -G DEB"; exit 1; }
shopt -s nullglob
debs=("$build"/*.deb)
check "cpack built three packages (${#debs[@]})" test ${#debs[@]} -eq 3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check "desktop-file-validate" desktop-file-validate packaging/desktop/dev.mandate.Console.desktop
check "appstreamcli validate --no-net" appstreamcli validate --no-net packaging/desktop/dev.mandate.Console.metainfo.xml

# lintian exits non-zero on errors; warnings fail the check too, since every package ships the
# overrides for the warnings that are justified.
if lintian --fail-on error,warning "${debs[@]}" >"$work/lintian.out" 2>&1; then
  pass "lintian: no errors or warnings"
else
  fail "lintian"
fi
sed -e '/running with root privileges/d' "$work/lintian.out"

for deb in "${debs[@]}"; do
  dpkg-deb -x "$deb" "$work/root"
done
root=$work/root
expect_files=(
  usr/bin/mandate-console usr/bin/mandate-server usr/bin/mandate-agent
  usr/share/applications/dev.mandate.Console.desktop
  usr/share/icons/hicolor/scalable/apps/dev.mandate.Console.svg
  usr/share/metainfo/dev.mandate.Console.metainfo.xml
  usr/share/man/man1/mandate-console.1.gz usr/share/man/man1/mandate-agent.1.gz
  usr/share/man/man8/mandate-server.8.gz
  lib/systemd/system/mandate-server.service etc/default/mandate-server
  usr/share/doc/mandate-server/examples/nginx-mandate.conf
  usr/share/doc/mandate-console/copyright usr/share/doc/mandate-server/copyright
  usr/share/doc/mandate-agent/copyright
)
missing=()
for f in "${expect_files[@]}"; do [ -e "$root/$f" ] || missing+=("$f"); done
check "files land where Debian expects${missing:+ (missing: ${missing[*]})}" test ${#missing[@]} -eq 0
check "the man pages are gzip data" bash -c "gzip -t '$root'/usr/share/man/man*/*.gz"
check "the installed desktop entry validates" desktop-file-validate "$root/usr/share/applications/dev.mandate.Console.desktop"
check "nothing from the tests is packaged" test -z "$(find "$root" -name 'tst_*' -print -quit)"
if command -v systemd-analyze >/dev/null; then
  # The unit as installed, but pointing at the unpacked binary: verify checks ExecStart= exists.
  mkdir -p "$work/unit"
  sed "s|/usr/bin/mandate-server|$root/usr/bin/mandate-server|" "$root/lib/systemd/system/mandate-server.service" \
    >"$work/unit/mandate-server.service"
  check "systemd-analyze verify mandate-server.service" \
    systemd-analyze verify --man=no "$work/unit/mandate-server.service"
fi

depends() { dpkg-deb -f "$build/$1"_*.deb Depends; }
check "mandate-console depends on the Qt 6 widgets, SVG, Charts and SQLite runtime" \
  bash -c "d='$(depends mandate-console)'; for p in libqt6widgets6 libqt6gui6 libqt6core6 libqt6svg6 libqt6charts6 libqt6sql6-sqlite; do [[ \$d == *\$p* ]] || exit 1; done"
check "mandate-server depends on Qt 6 core, network, the SQLite runtime and jemalloc" \
  bash -c "d='$(depends mandate-server)'; for p in libqt6core6 libqt6network6 libqt6sql6-sqlite libjemalloc2; do [[ \$d == *\$p* ]] || exit 1; done"
check "mandate-agent does not pull in the GUI" bash -c "[[ '$(depends mandate-agent)' != *libqt6gui6* ]]"

if [ "$failures" -ne 0 ]; then
  echo "package checks: $failures failed"
  exit 1
fi
echo "package checks: all passed"
