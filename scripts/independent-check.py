#!/usr/bin/env python3
"""An auditor's check of a running Interdict gateway written from the RFCs, not from our Java code.

It shares nothing with the gateway or the audit module: RFC 8785 canonical JSON, RFC 7515 detached
JWS with RFC 8037 Ed25519 keys, and RFC 9162 Merkle hashes, inclusion and consistency proofs are
re-implemented here on Python's standard library and the `cryptography` package. It reads, as the
auditor client of the built-in development issuer:

  * the JWK set, the latest signed tree head, and every record of the log (/audit/events);
  * checks the tree head's signature, every record's gateway signature, every submitter signature
    against the submitter's published key, the leaf indexes 0..n-1, and the root over all leaves;
  * asks for an inclusion proof of every leaf and a consistency proof from every earlier size up to
    the head, and verifies each with the RFC 9162 algorithms (sections 2.1.3.2 and 2.1.4.2).

Usage: scripts/independent-check.py http://localhost:8080 [client-id [secret]]
Exit 0 when everything verifies; 1 with the first finding otherwise.
"""
import base64
import hashlib
import json
import sys
import urllib.request

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def fail(message):
    print("FAIL " + message)
    sys.exit(1)


def b64url_decode(text):
    if "=" in text:
        fail("base64url with padding: " + text)
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url_encode(data):
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def jcs(value):
    """RFC 8785 for the JSON the gateway writes: objects sorted by UTF-16 code units, no whitespace,
    strings as JSON.stringify writes them, integers; a non-integral number is refused (none expected)."""
    if isinstance(value, dict):
        members = sorted(value.items(), key=lambda member: member[0].encode("utf-16-be"))
        return "{" + ",".join(string(k) + ":" + jcs(v) for k, v in members) + "}"
    if isinstance(value, list):
        return "[" + ",".join(jcs(v) for v in value) + "]"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 2**53:
            return str(int(value))
        fail("a non-integral number, which this checker does not canonicalise: %r" % value)
    return string(value)


def string(text):
    # RFC 8785 section 3.2.2.2: escape only ", \ and control characters; \b \t \n \f \r by name.
    named = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
    out = []
    for ch in text:
        if ch in named:
            out.append(named[ch])
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


class Gateway:
    def __init__(self, base, client, secret):
        self.base = base.rstrip("/")
        request = urllib.request.Request(
            self.base + "/oauth2/token", data=b"grant_type=client_credentials", method="POST")
        basic = base64.b64encode((client + ":" + secret).encode()).decode()
        request.add_header("Authorization", "Basic " + basic)
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
        self.token = json.load(urllib.request.urlopen(request))["access_token"]

    def get(self, path, authenticated=True):
        request = urllib.request.Request(self.base + path)
        if authenticated:
            request.add_header("Authorization", "Bearer " + self.token)
        return json.load(urllib.request.urlopen(request))


def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def merkle_root(hashes):
    # RFC 9162 section 2.1.1: split at the largest power of two smaller than n.
    if len(hashes) == 1:
        return hashes[0]
    k = 1
    while k * 2 < len(hashes):
        k *= 2
    return node(merkle_root(hashes[:k]), merkle_root(hashes[k:]))


def verify_inclusion(index, size, leaf_hash, path, root):
    # RFC 9162 section 2.1.3.2.
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf_hash
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(first, second, first_hash, second_hash, path):
    # RFC 9162 section 2.1.4.2.
    if first == second:
        return not path and first_hash == second_hash
    if not path:
        return False
    if first & (first - 1) == 0:
        path = [first_hash] + path
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node(c, fr)
            sr = node(c, sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == first_hash and sr == second_hash and sn == 0


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    client = sys.argv[2] if len(sys.argv) > 2 else "auditor"
    secret = sys.argv[3] if len(sys.argv) > 3 else client + "-dev-secret"
    gateway = Gateway(sys.argv[1], client, secret)

    keys = {}
    for jwk in gateway.get("/api/v1/keys", authenticated=False)["keys"]:
        if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519" or "d" in jwk:
            fail("a published key that is not a public Ed25519 OKP JWK: %s" % jwk.get("kid"))
        keys[jwk["kid"]] = (jwk, Ed25519PublicKey.from_public_bytes(b64url_decode(jwk["x"])))

    def verify_jws(jws, payload, what, owner=None):
        parts = jws.split(".")
        if len(parts) != 3 or parts[1] != "":
            fail(what + ": not a detached JWS compact serialisation (RFC 7515 appendix F)")
        header = json.loads(b64url_decode(parts[0]))
        if header.get("alg") != "EdDSA" or "kid" not in header:
            fail(what + ": header must be alg EdDSA with a kid, found %s" % header)
        if header["kid"] not in keys:
            fail(what + ": kid %s is not in the published key set" % header["kid"])
        jwk, key = keys[header["kid"]]
        if owner is not None and jwk.get("owner") != owner:
            fail(what + ": kid %s belongs to %s, not %s" % (header["kid"], jwk.get("owner"), owner))
        try:
            key.verify(b64url_decode(parts[2]), (parts[0] + "." + b64url_encode(payload)).encode("ascii"))
        except InvalidSignature:
            fail(what + ": signature does not verify")

    head = gateway.get("/api/v1/log/tree-head")
    size = head["treeSize"]
    signed = {"treeSize": size, "rootHash": head["rootHash"], "timestamp": head["timestamp"]}
    verify_jws(head["signature"], jcs(signed).encode("utf-8"), "tree head", owner="gateway")

    envelope_fields = ["recordId", "recordType", "aggregateId", "aggregateSequence", "partner",
                       "recordedAt", "payload", "submitterSignature"]
    leaves, submitter_signatures, after = [], 0, None
    while len(leaves) < size:
        page = gateway.get("/api/v1/audit/events?limit=1000" + ("&after=" + after if after else ""))
        if not page["records"]:
            fail("the log ended at %d leaves, below the head's %d" % (len(leaves), size))
        for record in page["records"]:
            what = "record %s (leaf %s)" % (record.get("recordId"), record.get("leafIndex"))
            if record.get("leafIndex") != len(leaves):
                fail(what + ": expected leaf index %d" % len(leaves))
            envelope = {k: record[k] for k in envelope_fields if k in record}
            for k, v in envelope.items():
                if v is None:
                    fail(what + ": optional field %s written as null" % k)
            verify_jws(record["gatewaySignature"], jcs(envelope).encode("utf-8"), what, owner="gateway")
            if "submitterSignature" in record:
                body = record["payload"].get("submittedBody")
                if not isinstance(body, str):
                    fail(what + ": a submitter signature without the submitted body")
                if jcs(json.loads(body)) != body:
                    fail(what + ": the submitted body is not in RFC 8785 form")
                verify_jws(record["submitterSignature"], body.encode("utf-8"), what + " submitter",
                           owner=record["partner"])
                submitter_signatures += 1
            leaf = dict(envelope, gatewaySignature=record["gatewaySignature"])
            leaves.append(hashlib.sha256(b"\x00" + jcs(leaf).encode("utf-8")).digest())
            if len(leaves) == size:
                break
        after = page["next"]

    root = merkle_root(leaves)
    if base64.b64decode(head["rootHash"]) != root:
        fail("root over the %d leaves read does not match the signed tree head" % size)
    for index in range(size):
        proof = gateway.get("/api/v1/log/proof/inclusion?index=%d&treeSize=%d" % (index, size))
        path = [base64.b64decode(h) for h in proof["auditPath"]]
        if not verify_inclusion(index, size, leaves[index], path, root):
            fail("inclusion proof of leaf %d in tree size %d does not verify" % (index, size))
    for first in range(1, size + 1):
        proof = gateway.get("/api/v1/log/proof/consistency?first=%d&second=%d" % (first, size))
        path = [base64.b64decode(h) for h in proof["consistencyPath"]]
        if not verify_consistency(first, size, merkle_root(leaves[:first]), root, path):
            fail("consistency proof from size %d to %d does not verify" % (first, size))
    print("OK tree size %d: head signature, %d gateway signatures, %d submitter signatures, root, "
          "%d inclusion proofs and %d consistency proofs verified" % (size, size, submitter_signatures, size, size))


if __name__ == "__main__":
    main()
