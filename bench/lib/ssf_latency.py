#!/usr/bin/python3
"""Revoke -> SET at the receiver: the driver of bench/ssf-latency.sh.

  ssf_latency.py URL RECEIVER_TOKEN COUNT
Listens on 127.0.0.1 as a push receiver (RFC 8935: answers 202), creates a push stream to itself
with RECEIVER_TOKEN, then COUNT times: Alice grants the Bill payer a delegation, revokes it, and
notes when the revoke was sent, when its answer came and when its session-revoked SET arrived.
Prints one JSON object: the latencies in milliseconds (revoke answered, SET arrived). With
RECEIVER_TOKEN "-" no stream is made and only the revocations are timed (the baseline).
"""
import base64
import http.client
import http.server
import json
import sys
import threading
import time
import urllib.parse

url, token, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
target = urllib.parse.urlsplit(url)
arrived = {}
lock = threading.Condition()


class Receiver(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        at = time.monotonic()  # on arrival, before anything else
        body = self.rfile.read(int(self.headers["Content-Length"]))
        payload = body.split(b".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + b"=" * (-len(payload) % 4)))
        session = claims.get("sub_id", {}).get("session", {}).get("id")
        with lock:
            arrived[session] = at
            lock.notify_all()
        self.send_response(202)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *unused):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
threading.Thread(target=server.serve_forever, daemon=True).start()


def call(connection, method, path, body=None, bearer=None):
    headers = {"Content-Type": "application/json"}
    if bearer:
        headers["Authorization"] = "Bearer " + bearer
    connection.request(method, path, json.dumps(body) if body is not None else None, headers)
    answer = connection.getresponse()
    data = answer.read()
    return answer.status, (json.loads(data) if data else {})


api = http.client.HTTPConnection(target.hostname, target.port)
streaming = token != "-"
if streaming:
    status, created = call(api, "POST", "/v1/ssf/stream",
                           {"delivery": {"method": "urn:ietf:rfc:8935",
                                         "endpoint_url": "http://127.0.0.1:%d/events" % server.server_address[1]},
                            "events_requested": ["https://schemas.openid.net/secevent/caep/event-type/session-revoked"]},
                           token)
    assert status == 201, created
    stream = created["stream_id"]
_, session = call(api, "POST", "/v1/sessions", {"username": "alice", "password": "mandate-demo"})
alice = session["token"]
_, agents = call(api, "GET", "/v1/agents", None, alice)
payer = [a["id"] for a in agents["items"] if a["name"] == "Bill payer"][0]
expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 86400))
answered, delivered = [], []
for i in range(count):
    _, grant = call(api, "POST", "/v1/delegations",
                    {"agent_id": payer, "purpose": "Latency %d" % i, "expires_at": expires,
                     "scopes": [{"action": "payments.initiate", "resource": "account:acc_1",
                                 "max_per_action": {"amount_minor": 100, "currency": "EUR"}}]}, alice)
    delegation = grant["id"]
    sent = time.monotonic()
    status, _ = call(api, "POST", "/v1/delegations/%s/revoke" % delegation, {"reason": "Benchmark."}, alice)
    answered.append((time.monotonic() - sent) * 1000)
    if not streaming:
        time.sleep(0.02)
        continue
    with lock:
        lock.wait_for(lambda: delegation in arrived, timeout=30)
        delivered.append((arrived[delegation] - sent) * 1000)
    time.sleep(0.02)  # one revocation at a time: latency, not throughput
if streaming:
    # Gone with its receiver: a later run (or the baseline) must not queue for a dead endpoint.
    call(api, "DELETE", "/v1/ssf/stream?stream_id=" + stream, None, token)
print(json.dumps({"answered": answered, "delivered": delivered}))
