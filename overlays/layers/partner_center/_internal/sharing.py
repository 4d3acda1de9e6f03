"""Single-flight across the processes (and hosts) that share a token cache.

A provider's schedule decides when its own token is due (``schedule.py``); when it is, the
provider's leader asks :meth:`Sharing.claim` what to do before it fetches:

* the cache holds a token not yet due (another process refreshed it): take it, no fetch;
* else wait for the lock (as long as a holder may hold it), read again (its holder has just
  written), and fetch only if the token is still due, holding the lock until
  :meth:`Sharing.settle` writes what was fetched.

While another process refreshes, this one waits for its token, as the callers of one process wait
for their leader's fetch: a token due for refresh is not served, whichever process holds it (one
with a few hundred milliseconds left would expire in the hands of a caller).

A cache that cannot be reached, or a lock still held when the wait ends, is a WARNING and a fetch
of this provider's own: a shared cache never fails a caller that could have fetched alone. A
cache the provider must not use (:class:`InsecureCache`) is the caller's error. The calls block:
the async provider makes them on a worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from attrs import frozen

from .._cache.interface import CachedToken, CacheUnavailable, Lease, TokenCache

__all__ = ["Adopt", "Fetch", "Sharing"]

logger = logging.getLogger(__name__.partition("._internal")[0])


@frozen
class Adopt:
    """Take this cached token, until it is due."""

    entry: CachedToken


@frozen
class Fetch:
    """Fetch, then :meth:`Sharing.settle`: under ``lease``, or alone (None); the token fetched is
    written under ``key`` unless the cache could not be reached (``shared`` False)."""

    key: str
    lease: Lease | None
    shared: bool = True


class Sharing:
    """The talk between a provider's leader and a shared :class:`TokenCache`."""

    def __init__(self, cache: TokenCache, *, clock: Callable[[], float]) -> None:
        self.cache = cache
        self._clock = clock
        self._distrusted: str | None = None

    def distrust(self, access_token: str | None) -> None:
        """Treat a cached entry holding ``access_token`` as absent (a caller got a 401 with it)."""
        self._distrusted = access_token

    def _usable(self, entry: CachedToken | None) -> CachedToken | None:
        """``entry`` if it may be taken: not due, and not a token a caller got refused."""
        if entry is None or entry.token.access_token == self._distrusted or entry.refresh_on <= self._clock():
            return None
        return entry

    def claim(self, key: str, *, wait: float, hold: float) -> Adopt | Fetch:
        """What the leader does: take a cached token, or fetch (under the lock when it can)."""
        try:
            entry = self._usable(self.cache.read(key))
            if entry is not None:
                return Adopt(entry)
            lease = self.cache.lock(key, wait=wait, hold=hold)
            if lease is None:
                logger.warning("the token cache's lock was held for %.0fs by another process: fetching alone", wait)
                return Fetch(key, None)
            try:
                entry = self._usable(self.cache.read(key))  # written by the holder this one waited for
            except BaseException:
                self._unlock(lease)
                raise
            if entry is not None:
                self._unlock(lease)
                return Adopt(entry)
            return Fetch(key, lease)
        except CacheUnavailable as error:
            logger.warning("the token cache is unavailable (%s): fetching alone", error)
            return Fetch(key, None, shared=False)

    def settle(self, claimed: Fetch, entry: CachedToken | None) -> None:
        """After the fetch: write its token (None: it failed), then release the lock."""
        try:
            if entry is not None and claimed.shared:
                self.cache.write(claimed.key, entry)
        except CacheUnavailable as error:
            logger.warning("the token cache is unavailable (%s): the token fetched is not shared", error)
        finally:
            if claimed.lease is not None:
                self._unlock(claimed.lease)

    def _unlock(self, lease: Lease) -> None:
        try:
            self.cache.unlock(lease)
        except CacheUnavailable as error:  # a lock that expires is released by its expiry
            logger.warning("the token cache is unavailable (%s): its lock is left to expire", error)
