#!/usr/bin/env bash
# Runs the shipped nginx site (nginx/mandate.conf) for real in front of a real mandate-server, both
# on loopback, and checks TLS, the HTTP redirect, the body limit, the sign-in rate limit and that
# Server-Sent Events stream through unbuffered.
#   nginx-proxy-test.sh MANDATE_SERVER_BINARY SITE_CONF
# Exits 77 (ctest: skipped) when nginx is not installed.
set -euo pipefail

server_bin=$1
site=$2
command -v nginx >/dev/null || { echo "SKIP: nginx is not installed"; exit 77; }

work=$(mktemp -d)
mkdir "$work/tmp"
server_pid=
nginx_pid=
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

failures=0
check() { # name, then the command that must succeed
  local name=$1
  shift
  if "$@"; then echo "PASS: $name"; else echo "FAIL: $name"; failures=$((failures + 1)); fi
}

# A throwaway certificate for localhost; curl trusts exactly this one.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>"$work/openssl.err"

# A heartbeat of 1 s lets the event-stream check finish quickly.
"$server_bin" --listen 127.0.0.1:0 --data-dir "$work/data" --demo --event-heartbeat 1 \
  >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/server.out" 2>/dev/null && break; sleep 0.1; done
server_port=$(sed -n 's/^listening on http:\/\/127.0.0.1://p' "$work/server.out")
[ -n "$server_port" ] || { echo "FAIL: mandate-server did not start"; cat "$work/server.err"; exit 1; }

# The shipped site with loopback ports and the test's certificate; IPv6 listeners are dropped
# because a sandbox may have no ::1.
start_nginx() { # https_port http_port
  sed -e "s|listen 443 ssl|listen 127.0.0.1:$1 ssl|" -e "s|listen 80;|listen 127.0.0.1:$2;|" \
    -e '/listen \[::\]/d' -e "s|127.0.0.1:8787|127.0.0.1:$server_port|" \
    -e "s|/etc/ssl/certs/mandate.example.org.pem|$work/cert.pem|" \
    -e "s|/etc/ssl/private/mandate.example.org.key|$work/key.pem|" "$site" >"$work/site.conf"
  # As root, nginx's workers would switch to nobody, who may not enter the private temp dir.
  local user=
  [ "$(id -u)" -eq 0 ] && user="user root root;"
  cat >"$work/nginx.conf" <<CONF
$user
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log info;
events { worker_connections 64; }
http {
  access_log $work/access.log;
  client_body_temp_path $work/tmp/body;
  proxy_temp_path $work/tmp/proxy;
  fastcgi_temp_path $work/tmp/fastcgi;
  uwsgi_temp_path $work/tmp/uwsgi;
  scgi_temp_path $work/tmp/scgi;
  include $work/site.conf;
}
CONF
  nginx -t -p "$work" -e "$work/error.log" -c "$work/nginx.conf" >"$work/nginx-t.out" 2>&1 || return 2
  nginx -p "$work" -e "$work/error.log" -c "$work/nginx.conf" -g 'daemon off;' \
    >"$work/nginx.out" 2>&1 &
  nginx_pid=$!
  for _ in $(seq 50); do
    curl -s -o /dev/null --cacert "$work/cert.pem" "https://localhost:$1/healthz" && return 0
    kill -0 "$nginx_pid" 2>/dev/null || { nginx_pid=; return 1; }
    sleep 0.1
  done
  return 1
}

# Random high ports; a port already taken makes nginx exit, and another pair is tried.
started=
for _ in 1 2 3 4 5; do
  https_port=$((20000 + RANDOM % 20000))
  http_port=$((https_port + 1))
  rc=0
  start_nginx "$https_port" "$http_port" || rc=$?
  if [ "$rc" -eq 0 ]; then started=1; break; fi
  if [ "$rc" -eq 2 ]; then echo "FAIL: nginx -t rejects the site"; cat "$work/nginx-t.out"; exit 1; fi
done
[ -n "$started" ] || { echo "FAIL: nginx did not start"; cat "$work/nginx.out" "$work/error.log"; exit 1; }
base="https://localhost:$https_port"
curl_tls=(curl -s --cacert "$work/cert.pem" --max-time 10)

status() { cat "$work/status"; }

# HTTPS reaches the server, with HSTS.
"${curl_tls[@]}" -D "$work/headers" -o "$work/body" -w '%{http_code}' "$base/healthz" >"$work/status"
check "HTTPS /healthz answers 200 through nginx" test "$(status)" = 200
check "HTTPS answers carry Strict-Transport-Security" grep -qi '^strict-transport-security: max-age=' "$work/headers"
check "TLS 1.3 is offered" "${curl_tls[@]}" --tlsv1.3 -o /dev/null "$base/healthz"
check "TLS 1.2 is accepted" "${curl_tls[@]}" --tlsv1.2 --tls-max 1.2 -o /dev/null "$base/healthz"
check "TLS 1.1 is refused" bash -c "! ${curl_tls[*]} --tlsv1.1 --tls-max 1.1 -o /dev/null '$base/healthz'"

# Plain HTTP only redirects.
curl -s --max-time 10 -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$http_port/healthz" \
  >"$work/status"
check "plain HTTP redirects to HTTPS (301)" grep -q '^301 https://' "$work/status"

# A body over 1 MiB never reaches the server.
head -c $((1024 * 1024 + 1)) /dev/zero | tr '\0' 'a' >"$work/big"
"${curl_tls[@]}" -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  --data-binary @"$work/big" "$base/v1/delegations" >"$work/status"
check "a body over 1 MiB is refused by nginx with 413" test "$(status)" = 413

# Server-Sent Events stream through: the first keep-alive arrives while the stream is open.
"${curl_tls[@]}" -o "$work/session.json" -H 'Content-Type: application/json' \
  -d '{"username":"ada","password":"mandate-demo"}' "$base/v1/sessions"
token=$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' "$work/session.json")
check "sign-in through nginx returns a session token" test -n "$token"
curl -s -N --cacert "$work/cert.pem" --max-time 4 -H "Authorization: Bearer $token" \
  -H 'Accept: text/event-stream' -o "$work/events" "$base/v1/events" || true
check "the event stream delivers data before the stream ends" test -s "$work/events"
check "nginx did not close the event stream early" bash -c "! grep -q 'upstream timed out' '$work/error.log'"

"${curl_tls[@]}" -o /dev/null -w '%{http_code}' "$base/metrics" >"$work/metrics-status"
check "metrics are not passed on to the network" grep -qx 404 "$work/metrics-status"

# Sign-in bursts: after the burst nginx itself answers 429 (its HTML page, not the server's JSON).
for i in $(seq 12); do
  "${curl_tls[@]}" -o "$work/login-$i" -w '%{http_code}\n' -H 'Content-Type: application/json' \
    -d '{"username":"nobody","password":"wrong"}' "$base/v1/sessions" >>"$work/login-codes"
done
limited=$(grep -l '<center>nginx' "$work"/login-* 2>/dev/null | wc -l)
check "sign-in bursts are limited by nginx with 429 ($limited of 12)" \
  bash -c "[ $limited -ge 1 ] && grep -qx 429 '$work/login-codes'"
check "requests through nginx reach the server from 127.0.0.1" grep -q . "$work/access.log"

if [ "$failures" -ne 0 ]; then
  echo "nginx proxy test: $failures check(s) failed"
  echo "--- nginx error.log"; tail -20 "$work/error.log"
  exit 1
fi
echo "nginx proxy test: all checks passed"
