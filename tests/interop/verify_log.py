#!/usr/bin/env python3
"""An independent verifier of Mandate's transparency log, written from RFC 9162 and the C2SP
signed-note and tlog-checkpoint texts with Python's `cryptography` (OpenSSL) — none of Mandate's
own code. It starts a real mandate-server, then checks from the outside: the checkpoint's
signature and format, the root over the events as served (RFC 8785 JCS leaves), every inclusion
proof, every consistency proof, and a receipt. Usage: verify_log.py MANDATE_SERVER_BINARY"""

import base64, hashlib, json, os, re, subprocess, sys, tempfile, urllib.request
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def sha(data): return hashlib.sha256(data).digest()
def node(left, right): return sha(b"\x01" + left + right)
def jcs(value): return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def leaf_of(event):
    served = {k: v for k, v in event.items() if k not in ("leaf_hash", "prev_hash", "hash")}
    return sha(b"\x00" + jcs(served))


def mth(leaves):
    if not leaves: return sha(b"")
    if len(leaves) == 1: return leaves[0]
    k = 1
    while k * 2 < len(leaves): k *= 2
    return node(mth(leaves[:k]), mth(leaves[k:]))


def verify_inclusion(index, size, leaf, path, root):  # RFC 9162 2.1.3.2
    if index >= size: return False
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0: return False
        if fn & 1 or fn == sn:
            r = node(p, r)
            while not fn & 1 and fn != 0: fn >>= 1; sn >>= 1
        else:
            r = node(r, p)
        fn >>= 1; sn >>= 1
    return sn == 0 and r == root


def verify_consistency(first, second, proof, first_root, second_root):  # RFC 9162 2.1.4.2
    if first == second: return not proof and first_root == second_root
    if not proof: return False
    if first & (first - 1) == 0: proof = [first_root] + proof
    fn, sn = first - 1, second - 1
    while fn & 1: fn >>= 1; sn >>= 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0: return False
        if fn & 1 or fn == sn:
            fr, sr = node(c, fr), node(c, sr)
            while not fn & 1 and fn != 0: fn >>= 1; sn >>= 1
        else:
            sr = node(sr, c)
        fn >>= 1; sn >>= 1
    return fr == first_root and sr == second_root and sn == 0


def open_checkpoint(note, vkey):  # C2SP signed-note + tlog-checkpoint
    name, key_id, key_b64 = vkey.split("+", 2)
    raw = base64.b64decode(key_b64, validate=True)
    assert raw[0] == 1 and len(raw) == 33, "not an Ed25519 verifier key"
    assert sha(name.encode() + b"\n" + raw)[:4].hex() == key_id, "key ID does not match the key"
    text, _, signatures = note.rpartition("\n\n")
    text += "\n"
    verified = False
    for line in signatures.splitlines():
        m = re.fullmatch(r"\u2014 (\S+) (\S+)", line)
        assert m, "malformed signature line: " + line
        sig = base64.b64decode(m.group(2), validate=True)
        if m.group(1) == name and sig[:4].hex() == key_id:
            Ed25519PublicKey.from_public_bytes(raw[1:]).verify(sig[4:], text.encode())
            verified = True
    assert verified, "no signature by the log's key"
    lines = text.split("\n")[:-1]
    assert lines[0] == name, "the origin is not the key's name"
    assert re.fullmatch(r"0|[1-9][0-9]*", lines[1]), "bad tree size"
    return int(lines[1]), base64.b64decode(lines[2], validate=True)


def main(binary):
    data = tempfile.mkdtemp()
    server = subprocess.Popen([binary, "--listen", "127.0.0.1:0", "--data-dir", data, "--demo", "--no-access-log"],
                              stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        url = re.search(r"listening on (\S+)", line).group(1)

        def call(path, token=None, body=None):
            req = urllib.request.Request(url + path, data=body and json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json",
                                                  **({"Authorization": "Bearer " + token} if token else {})})
            with urllib.request.urlopen(req) as r:
                return r.status, json.load(r)

        _, session = call("/v1/sessions", body={"username": "sam", "password": "mandate-demo"})
        sam = session["token"]
        events = call("/v1/audit?limit=500", sam)[1]["items"]  # also waits for the log to be current
        _, cp = call("/v1/audit/checkpoint")
        size, root = open_checkpoint(cp["checkpoint"], cp["verifier_key"])
        assert size == len(events) and size > 1, f"checkpoint of {size} events, {len(events)} served"
        leaves = [leaf_of(e) for e in events]
        assert mth(leaves) == root, "the root over the served events is not the signed root"
        roots = [mth(leaves[:n]) for n in range(size + 1)]
        for i in range(size):
            _, proof = call(f"/v1/audit/proofs/inclusion?seq={i + 1}&tree_size={size}", sam)
            path = [bytes.fromhex(h) for h in proof["audit_path"]]
            assert bytes.fromhex(proof["leaf_hash"]) == leaves[i], f"leaf {i} differs"
            assert verify_inclusion(i, size, leaves[i], path, root), f"inclusion of leaf {i} fails"
        for m in range(1, size + 1):
            _, proof = call(f"/v1/audit/proofs/consistency?from={m}&to={size}")
            path = [bytes.fromhex(h) for h in proof["proof"]]
            assert verify_consistency(m, size, path, roots[m], root), f"consistency {m} -> {size} fails"
        delegation = events[0]["delegation_id"]
        status, receipt = call(f"/v1/delegations/{delegation}/receipt", sam)
        assert status == 200
        r_size, r_root = open_checkpoint(receipt["checkpoint"], cp["verifier_key"])
        inc = receipt["inclusion"]
        assert verify_inclusion(receipt["leaf_index"], r_size, leaf_of(receipt["event"]),
                                [bytes.fromhex(h) for h in inc["audit_path"]], r_root), "the receipt does not verify"
        print(f"independent verifier: {size} events, signature, root, {size} inclusion and {size} consistency "
              f"proofs and a receipt verified")
    finally:
        server.terminate()
        server.wait(timeout=15)


if __name__ == "__main__":
    main(sys.argv[1])
