#!/usr/bin/env bash
# Runs CMD... next to a throwaway PostgreSQL from Debian's packages: initdb under a temporary
# directory, served on a unix socket there only (no TCP), removed afterwards. Exports
# MANDATE_TEST_POSTGRES_URL, an admin URL on which tests CREATE DATABASE their own databases.
# As root (CI) the cluster runs as the `postgres` user, which owns the temporary directory.
set -euo pipefail

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[[ -x "$PG_BIN/initdb" ]] || { echo "with-postgres: no PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 2; }

tmp=$(mktemp -d /tmp/mandate-pg.XXXXXX)
chmod 755 "$tmp"
as_owner=()
pg_user=$(id -un)
if [[ $(id -u) -eq 0 ]]; then
    pg_user=postgres
    chown postgres: "$tmp"
    as_owner=(runuser -u postgres --)
fi

cleanup() {
    "${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap cleanup EXIT

"${as_owner[@]}" "$PG_BIN/initdb" -D "$tmp/data" -U "$pg_user" -A trust --no-sync -E UTF8 >"$tmp/initdb.log" 2>&1 ||
    { cat "$tmp/initdb.log" >&2; exit 1; }
# fsync stays on: the durability tests kill servers, not PostgreSQL, but the benchmark should
# measure real commits. Many connections: every test server holds three.
"${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -o \
    "-c listen_addresses='' -c unix_socket_directories='$tmp' -c max_connections=300 -c shared_buffers=64MB" \
    start >/dev/null || { cat "$tmp/server.log" >&2; exit 1; }

export MANDATE_TEST_POSTGRES_URL="postgresql://$pg_user@localhost:5432/postgres?host=$tmp"
set +e
"$@"
rc=$?
set -e
exit $rc
