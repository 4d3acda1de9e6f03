"""The claims of a JWT, read without verifying it: to name who a token is for, never to trust it.

Two uses, neither of which needs a verified signature: the identity a shared cache keys its
entries by (the tenant ``tid`` and the application ``appid``/``azp``), and the audience ``aud``
named when Partner Center refuses a token issued for another API. No claim here is ever logged,
and no error quotes the token.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

__all__ = ["claims"]

MAX_JWT_BYTES = 64 * 1024
"""The most bytes read as a JWT (an Entra ID token is a few kilobytes)."""


def claims(token: str) -> dict[str, Any] | None:
    """The payload of ``token`` if it is a JWT (``header.payload.signature``), else None."""
    parts = token.split(".")
    if len(parts) != 3 or len(token) > MAX_JWT_BYTES:
        return None
    try:
        payload = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (binascii.Error, ValueError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return None
    return payload if isinstance(payload, dict) else None
