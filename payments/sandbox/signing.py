"""HMAC-SHA256 over the raw body, hex: the one signing rule of the sandbox and its client."""

import hashlib
import hmac

HEADER = "X-Sandbox-Signature"


def sign(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def valid(secret: str, body: bytes, signature: str) -> bool:
    return hmac.compare_digest(sign(secret, body), signature or "")
