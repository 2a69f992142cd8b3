#!/usr/bin/env python3
"""A provider written from the RFCs, not from our Java code: registers a fresh Ed25519 key (RFC 8037
JWK) for a partner, pushes a share signed over its RFC 8785 form (RFC 7515 appendix F detached JWS
in Interdict-Signature), pushes the same body re-serialised (other key order, whitespace, escapes:
the signature still holds, being over the canonical form), and checks that a changed body under the
same signature is refused with a 422 problem and nothing stored. Canonical JSON and base64url come
from scripts/independent-check.py; nothing from the gateway or the audit module.

Usage: scripts/independent-push.py http://localhost:8080 [provider-client-id]
"""
import importlib.util
import json
import os
import sys
import urllib.error
import urllib.request
import uuid

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

spec = importlib.util.spec_from_file_location(
    "independent_check", os.path.join(os.path.dirname(os.path.abspath(__file__)), "independent-check.py"))
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    base = sys.argv[1].rstrip("/")
    client = sys.argv[2] if len(sys.argv) > 2 else "amazon"
    gateway = check.Gateway(base, client, client + "-dev-secret")

    def post(path, body, headers):
        request = urllib.request.Request(base + path, data=body.encode("utf-8"), method="POST")
        request.add_header("Authorization", "Bearer " + gateway.token)
        request.add_header("Content-Type", "application/json")
        for name, value in headers.items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    key = Ed25519PrivateKey.generate()
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    kid = client + "-rfc-" + uuid.uuid4().hex[:10]
    status, jwk = post("/api/v1/partners/me/keys",
                       json.dumps({"kty": "OKP", "crv": "Ed25519", "x": check.b64url_encode(raw), "kid": kid}), {})
    if status != 201:
        check.fail("key registration answered %d: %s" % (status, jwk))

    body = {
        "kind": "COUNTERFEIT_PRODUCT", "marking": "TLP:GREEN", "audience": ["cbp"],
        "subject": {"sellerAccount": "RFC-\u00e9\u20ac-" + uuid.uuid4().hex[:6], "productId": "B0CXY99999",
                    "portOfEntry": "USLAX", "consignee": "Caf\u00e9 \"Nord\" Imports\tLLC"},
        "indicators": ["logo mismatch \U0001F45F", "line\nbreak"], "confidence": 61,
    }
    canonical = check.jcs(body).encode("utf-8")
    header = check.b64url_encode(json.dumps({"alg": "EdDSA", "kid": kid}, separators=(",", ":")).encode())
    signature = key.sign((header + "." + check.b64url_encode(canonical)).encode("ascii"))
    jws = header + ".." + check.b64url_encode(signature)

    for variant in (json.dumps(body, ensure_ascii=False),
                    json.dumps(dict(reversed(list(body.items()))), indent=2, ensure_ascii=True)):
        status, record = post("/api/v1/shares", variant,
                              {"Interdict-Signature": jws, "Idempotency-Key": str(uuid.uuid4())})
        if status != 201:
            check.fail("signed push answered %d: %s" % (status, record))
        if record.get("submitterSignature") != jws or record["payload"].get("submittedBody") != canonical.decode():
            check.fail("the record does not keep the signature and the canonical body: %s" % record)

    changed = dict(body, confidence=62)
    status, problem = post("/api/v1/shares", json.dumps(changed), {"Interdict-Signature": jws})
    if status != 422 or problem.get("type") != "urn:interdict:problem:bad-signature":
        check.fail("a changed body under the old signature answered %d: %s" % (status, problem))
    print("OK key %s registered; 2 signed pushes accepted (two serialisations, one canonical form); "
          "a changed body refused: %s" % (kid, problem["detail"]))


if __name__ == "__main__":
    main()
