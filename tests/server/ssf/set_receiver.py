#!/usr/bin/python3
"""An independent Shared Signals receiver for mandate's tests: verifies Security Event Tokens
with PyJWT (not with Mandate's own code) against the transmitter's jwks_uri.

  set_receiver.py serve  --jwks URL --issuer ISS --audience AUD [--status CODE]
      Listens on 127.0.0.1 (an ephemeral port), prints "listening PORT", then one JSON line per
      SET pushed to it (RFC 8935): {"header": ..., "claims": ...} when it verifies, {"error": ...}
      when it does not. Answers 202, or CODE when given (to play a receiver that is down).
  set_receiver.py verify --jwks URL --issuer ISS --audience AUD
      Reads SETs from standard input, one per line, and prints the same JSON line for each.
"""
import argparse
import http.server
import json
import sys
import urllib.request

import jwt


def load_keys(jwks_url):
    with urllib.request.urlopen(jwks_url, timeout=10) as answer:
        jwks = json.load(answer)
    return {key["kid"]: key for key in jwks["keys"]}


def check(token, keys, issuer, audience):
    """The claims of a SET that passes every check a receiver must make, or an error text."""
    try:
        header = jwt.get_unverified_header(token)
        if header.get("typ") != "secevent+jwt":
            return {"error": "typ is %r, not secevent+jwt" % header.get("typ")}
        key = keys.get(header.get("kid"))
        if key is None:
            return {"error": "kid %r is not in the jwks" % header.get("kid")}
        if key.get("alg") != header.get("alg"):
            return {"error": "alg %r does not match the key's %r" % (header.get("alg"), key.get("alg"))}
        public = jwt.PyJWK(key).key
        claims = jwt.decode(token, public, algorithms=[key["alg"]], audience=audience, issuer=issuer,
                            options={"require": ["iss", "iat", "jti", "aud"], "verify_exp": False})
        for forbidden in ("sub", "exp"):
            if forbidden in claims:
                return {"error": "a SET must not carry %s" % forbidden}
        if len(claims.get("events", {})) != 1:
            return {"error": "a SET must carry exactly one event"}
        return {"header": header, "claims": claims}
    except Exception as failure:  # every way a token can fail is an answer here
        return {"error": "%s: %s" % (type(failure).__name__, failure)}


def serve(args):
    keys = load_keys(args.jwks)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode("ascii", "replace")
            result = check(body, keys, args.issuer, args.audience)
            result["content_type"] = self.headers.get("Content-Type")
            result["authorization"] = self.headers.get("Authorization")
            status = args.status or (202 if "claims" in result else 400)
            if status == 202 or args.status is None:
                print(json.dumps(result), flush=True)
            self.send_response(status)
            if status == 400:
                answer = json.dumps({"err": "invalid_request", "description": result.get("error", "")}).encode()
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)
            else:
                self.send_header("Content-Length", "0")
                self.end_headers()

        def log_message(self, *unused):
            pass

    server = http.server.HTTPServer(("127.0.0.1", args.port), Handler)
    print("listening %d" % server.server_address[1], flush=True)
    server.serve_forever()


def verify(args):
    keys = load_keys(args.jwks)
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(check(line.strip(), keys, args.issuer, args.audience)), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["serve", "verify"])
    parser.add_argument("--jwks", required=True)
    parser.add_argument("--issuer", required=True)
    parser.add_argument("--audience", required=True)
    parser.add_argument("--status", type=int)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    serve(args) if args.mode == "serve" else verify(args)


if __name__ == "__main__":
    main()
