"""What a token cache does, and what it stores.

A cache stores one :class:`CachedToken` per key and a lock per key. The providers use nothing
else, and do the rest themselves (``_internal/sharing.py``): read; if the entry is due, take the
lock; read again (another process may have just written it); fetch and write only if it is still
due; unlock. A lock expires after ``hold`` seconds where the store can make it (Redis), and dies
with its process where the system does (a file lock), so that a holder killed mid-fetch never
holds the others for longer.

An entry holds the Partner Center token and when it expires and is due for refresh (epoch
seconds, the only clock processes and hosts share), never the Entra ID token. Its repr hides the
token, as :class:`~partner_center_auth.PartnerCenterToken`'s does.
"""

from __future__ import annotations

import json
import math
from typing import Protocol

from attrs import field, frozen

from .._token import PartnerCenterToken, is_bearer_token
from ..errors import PartnerCenterAuthError

__all__ = ["CacheUnavailable", "CachedToken", "InsecureCache", "Lease", "TokenCache"]

FORMAT = 1
"""The version of the stored form; an entry of another version is not read."""


class InsecureCache(PartnerCenterAuthError):
    """A cache file or folder that another user owns, or that others may read or write: refused,
    never used and never silently replaced. The message names the path."""


class CacheUnavailable(PartnerCenterAuthError):
    """The cache cannot be reached (Redis down, a disk failing): the provider fetches on its own,
    with a WARNING, rather than failing its caller."""


@frozen
class CachedToken:
    """A token as a cache stores it: the token, and when it is due for refresh (epoch seconds)."""

    token: PartnerCenterToken
    refresh_on: float

    def to_bytes(self) -> bytes:
        return json.dumps(
            {
                "format": FORMAT,
                "access_token": self.token.access_token,
                "token_type": self.token.token_type,
                "expires_on": self.token.expires_on,
                "refresh_on": self.refresh_on,
            }
        ).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> CachedToken:
        """The entry ``data`` holds; ValueError (never quoting it) if it holds none."""
        try:
            stored = json.loads(data)
        except ValueError:
            raise ValueError("it is not JSON") from None
        if not isinstance(stored, dict) or stored.get("format") != FORMAT:
            raise ValueError(f"it is not an entry of format {FORMAT}")
        access_token, token_type = stored.get("access_token"), stored.get("token_type")
        if not isinstance(access_token, str) or not is_bearer_token(access_token) or not isinstance(token_type, str):
            raise ValueError("its token is not one")
        expires_on, refresh_on = _time(stored.get("expires_on")), _time(stored.get("refresh_on"))
        del stored
        token = PartnerCenterToken(access_token=access_token, token_type=token_type, expires_on=expires_on)
        return cls(token=token, refresh_on=min(refresh_on, expires_on))


def _time(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError("its times are not numbers")
    return float(value)


@frozen
class Lease:
    """A lock held: released by its holder alone (``owner`` proves who holds it)."""

    key: str
    owner: object = field(repr=False)


class TokenCache(Protocol):
    """A store of tokens shared by providers, with a lock per key.

    Every method raises :class:`CacheUnavailable` when the store cannot be reached, and
    :class:`InsecureCache` for a store it must not use. Methods are called from any thread (the
    async provider calls them on a worker thread, never on its event loop), and a lease may be
    released on another thread than the one that took it.
    """

    def read(self, key: str) -> CachedToken | None:
        """The entry stored under ``key``, or None (none, or one that cannot be read)."""

    def write(self, key: str, entry: CachedToken) -> None:
        """Store ``entry`` under ``key`` (for no longer than its token lives)."""

    def lock(self, key: str, *, wait: float, hold: float) -> Lease | None:
        """The lock of ``key``, waited for up to ``wait`` seconds (0: only if free), held for at
        most ``hold`` seconds where the store can expire it; None if another holds it still."""

    def unlock(self, lease: Lease) -> None:
        """Release ``lease`` if it is still held by its owner (never another's)."""
