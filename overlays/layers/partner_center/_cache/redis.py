"""A token cache in Redis: the hosts of a fleet share one token per identity (the ``[redis]`` extra).

An entry is a Redis string whose TTL ends before its token expires, so that Redis itself drops a
token no one may use. The lock of a key is a second key, set with ``SET NX PX``: it expires after
``hold`` seconds (a holder killed mid-fetch holds the others no longer), and is deleted only by
its owner (a Lua compare-and-delete: a holder that outlived its lock never deletes the next
holder's). Anything Redis fails with is :class:`CacheUnavailable`, on which the provider fetches
on its own.

Who can read the keyspace can read the tokens: scope it with a key ``prefix`` and Redis ACLs
(``~prefix*``), and reach Redis over TLS (``rediss://``) beyond one host.
"""

from __future__ import annotations

import secrets
import time
from typing import Any

from ..errors import InvalidArgument, MissingExtra
from .interface import CachedToken, CacheUnavailable, Lease

try:
    import redis
except ImportError as error:  # the [redis] extra is not installed
    raise MissingExtra("redis-py is missing: pip install 'partner-center-auth[redis]'") from error

__all__ = ["RedisCache"]

_PACKAGE = __name__.partition("._cache")[0]  # the package's own name, vendored too
POLL = 0.01
"""Seconds between two tries of a lock another process holds."""

# Deletes the lock only if it still holds the owner's token: never another holder's lock.
_RELEASE = """
if redis.call("get", KEYS[1]) == ARGV[1] then
    return redis.call("del", KEYS[1])
end
return 0
"""


class RedisCache:
    """A :class:`TokenCache` in Redis, for a fleet of hosts.

    Args:
        client: a ``redis.Redis`` client with a ``socket_timeout`` (used as it is, never changed
            nor closed), or a URL
            (``redis://``, ``rediss://``, ``unix://``) for a client of the cache's own, whose
            connect and read timeouts are ``timeout`` seconds.
        prefix: the prefix of every key (entries ``<prefix>token:<key>``, locks ``<prefix>lock:<key>``).
        timeout: seconds to connect and to wait for an answer, for a client made from a URL.
    """

    def __init__(self, client: redis.Redis | str, *, prefix: str = f"{_PACKAGE}:", timeout: float = 2.0) -> None:
        if not isinstance(client, str) and client.connection_pool.connection_kwargs.get("socket_timeout") is None:
            # Every caller of get_token() waits on the cache: a Redis that stops answering would
            # hold them all, where its failure would have had them fetch on their own.
            raise InvalidArgument(
                "RedisCache needs a redis client with a socket_timeout (and socket_connect_timeout): "
                "make it with redis.Redis(..., socket_timeout=2.0), or give the cache a URL"
            )
        self._owned = isinstance(client, str)
        self._client: redis.Redis = (
            redis.Redis.from_url(client, socket_timeout=timeout, socket_connect_timeout=timeout)
            if isinstance(client, str)
            else client
        )
        self.prefix = prefix
        self._release = self._client.register_script(_RELEASE)

    def read(self, key: str) -> CachedToken | None:
        data = self._call(self._client.get, f"{self.prefix}token:{key}")
        if data is None:
            return None
        try:
            return CachedToken.from_bytes(data)
        except ValueError:
            return None  # another program's value, or an older format: the next fetch overwrites it

    def write(self, key: str, entry: CachedToken) -> None:
        left = entry.token.expires_on - time.time()
        # Gone before the token expires: a margin of a twentieth of its life, at most 30 s.
        ttl = int((left - min(30.0, left / 20)) * 1000)
        if ttl > 0:
            self._call(self._client.set, f"{self.prefix}token:{key}", entry.to_bytes(), px=ttl)

    def lock(self, key: str, *, wait: float, hold: float) -> Lease | None:
        owner, name = secrets.token_hex(16), f"{self.prefix}lock:{key}"
        give_up = time.monotonic() + wait
        while not self._call(self._client.set, name, owner, nx=True, px=max(1, int(hold * 1000))):
            if time.monotonic() >= give_up:
                return None
            time.sleep(min(POLL, max(0.0, give_up - time.monotonic())))
        return Lease(key, owner)

    def unlock(self, lease: Lease) -> None:
        self._call(self._release, keys=[f"{self.prefix}lock:{lease.key}"], args=[lease.owner])

    def close(self) -> None:
        """Close the client the cache made from a URL (one you gave stays yours)."""
        if self._owned:
            self._client.close()  # type: ignore[no-untyped-call, unused-ignore]

    @staticmethod
    def _call(command: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except redis.RedisError as error:
            # The error's name only: its message may quote an address or a reply.
            raise CacheUnavailable(f"Redis failed: {type(error).__name__}") from None

    def __repr__(self) -> str:
        return f"RedisCache(prefix={self.prefix!r})"
