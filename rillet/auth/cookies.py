"""Signed cookie values: a JSON payload, a timestamp and an HMAC-SHA256.

Tamper-proof, not secret: the payload (ID-token claims, a login's state) is
readable base64. The key is derived from ``[auth].cookie_secret`` and the
cookie's purpose, so a value signed for one cookie never verifies as another.
Any replica with the same secret verifies it: no server-side store needed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any

__all__ = ["sign", "verify"]


def _key(secret: str, purpose: str) -> bytes:
    return hashlib.sha256(f"rillet-cookie\0{purpose}\0{secret}".encode()).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(payload: dict[str, Any], secret: str, purpose: str, *, now: float | None = None) -> str:
    """The cookie value carrying ``payload``.

    Example:
        >>> value = sign({"sub": "ann"}, "k", "identity", now=1000)
        >>> verify(value, "k", "identity", max_age=60, now=1010)
        {'sub': 'ann'}
        >>> verify(value, "k", "identity", max_age=60, now=1100) is None  # expired
        True
        >>> verify(value, "k", "flow", max_age=60, now=1010) is None  # another purpose
        True
    """
    body = _b64(json.dumps(payload, separators=(",", ":"), sort_keys=True).encode())
    stamp = str(int(time.time() if now is None else now))
    mac = hmac.new(_key(secret, purpose), f"{body}.{stamp}".encode(), hashlib.sha256).digest()
    return f"{body}.{stamp}.{_b64(mac)}"


def verify(
    value: str, secret: str, purpose: str, *, max_age: float, now: float | None = None
) -> dict[str, Any] | None:
    """The payload of a value made by `sign`, or ``None`` if forged, altered or expired."""
    try:
        body, stamp, mac = value.split(".")
        expected = hmac.new(
            _key(secret, purpose), f"{body}.{stamp}".encode(), hashlib.sha256
        ).digest()
        if not hmac.compare_digest(expected, _unb64(mac)):
            return None
        age = (time.time() if now is None else now) - int(stamp)
        if age < 0 or age > max_age:
            return None
        payload = json.loads(_unb64(body))
    except (ValueError, TypeError):
        return None
    return payload if isinstance(payload, dict) else None
