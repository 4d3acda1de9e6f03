"""The key a shared token is stored under: what makes the token valid for whoever holds it.

A Partner Center token is issued to a principal (an application, or a user through one) of a
tenant, by one service and one operation: the key is a digest of the base URL, the operation and
the caller's identity, so that two applications, two users of one application, or a token issued
for another audience never share a token. The identity is the ``cache_key`` a caller gives, else
that of the Entra ID token: its tenant (``tid``) and application (``appid`` or ``azp``), with the
principal (``oid``, ``sub``, ``idtyp``) and the audience (``aud``) it names, when it is a JWT that
names a tenant and an application (read without verifying: the token service verifies it), else
a digest of the whole token. Only the digest leaves this module: no key names a tenant or holds a
token.
"""

from __future__ import annotations

import hashlib
import json

from .._jwt import claims

__all__ = ["cache_key", "identity_of"]


_PRINCIPAL = ("oid", "sub", "idtyp", "aud")
"""Who within the application the token is for, and for which API: delegated tokens of two users
of one application differ here, as does a Microsoft Graph token of the same principal."""


def identity_of(entra_token: str) -> str:
    """The identity an Entra ID token stands for, as a digest."""
    found = claims(entra_token) or {}
    tenant, application = found.get("tid"), found.get("appid") or found.get("azp")
    if isinstance(tenant, str) and isinstance(application, str) and tenant and application:
        named = json.dumps(["jwt", tenant, application, *(found.get(claim) for claim in _PRINCIPAL)], default=str)
    else:
        named = json.dumps(["token", entra_token])
    return hashlib.sha256(named.encode()).hexdigest()


def cache_key(base_url: str, operation_id: str, identity: str) -> str:
    """The key of the token for ``identity`` (a ``cache_key`` given, or :func:`identity_of`)."""
    named = json.dumps([base_url.rstrip("/"), operation_id, identity])
    return hashlib.sha256(named.encode()).hexdigest()[:40]
