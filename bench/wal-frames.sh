#!/usr/bin/env bash
# What each group commit writes to SQLite's WAL, by table and index: serves authorize for SECONDS
# (wrk -t1 -c32), kills the server with -9 so the WAL stays as written, then reads the frames of
# the last 40 commits and names each page's owner (SQLite's dbstat). Every frame is a 4 KiB
# pwrite plus its header's, copied again at the next checkpoint.
#   bench/wal-frames.sh [SECONDS]   (SERVER=BINARY measures another build)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/mandate.sh
duration=${1:-4}
bench_server_binary
work=$(mktemp -d)
trap 'kill -9 "${BENCH_PID:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
bench_start_server "$BENCH_SERVER" "$work/data" --demo
bench_grant "$BENCH_URL"
wrk -t1 -c32 -d"${duration}s" -s bench/authorize.lua "$BENCH_URL/v1/authorize" | grep Requests/sec
kill -9 "$BENCH_PID"
wait "$BENCH_PID" 2>/dev/null || true
python3 - "$work/data/mandate.db" <<'PY'
import collections, shutil, sqlite3, struct, sys
db = sys.argv[1]
wal = open(db + '-wal', 'rb').read()
page_size = struct.unpack('>I', wal[8:12])[0]
commits, frames, offset = [], [], 32
while offset + 24 + page_size <= len(wal):
    page, commit_size = struct.unpack('>II', wal[offset:offset + 8])
    frames.append(page)
    if commit_size:
        commits.append(frames)
        frames = []
    offset += 24 + page_size
# Opening a copy replays its WAL; the pages then belong to what dbstat says.
shutil.copy(db, db + '.copy')
shutil.copy(db + '-wal', db + '.copy-wal')
owners = dict((page, name) for name, page in
              sqlite3.connect(db + '.copy').execute('SELECT name, pageno FROM dbstat'))
last = commits[-40:]
print(f'{sum(map(len, last)) / len(last):.1f} WAL frames per commit over the last {len(last)} commits')
counts = collections.Counter(owners.get(page, f'page {page}') for commit in last for page in commit)
for owner, count in counts.most_common():
    print(f'{count / len(last):6.2f}  {owner}')
PY
