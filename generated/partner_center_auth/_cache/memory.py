"""A token cache in the memory of one process: providers of the same identity share one token.

Every provider already keeps its own token in memory; this cache lets several providers of one
process (one per request handler, say) share theirs, with the same single-flight as the caches of
other processes. Nothing leaves the process.
"""

from __future__ import annotations

import threading

from .. import _fork
from .interface import CachedToken, Lease

__all__ = ["MemoryCache"]


class MemoryCache:
    """A :class:`TokenCache` in this process's memory."""

    def __init__(self) -> None:
        self._entries: dict[str, CachedToken] = {}
        self._renew()
        _fork.renew_in_child(self, MemoryCache._renew)

    def _renew(self) -> None:
        # When made, and in a forked child: a lock the parent's threads held is not the child's.
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}

    def read(self, key: str) -> CachedToken | None:
        return self._entries.get(key)

    def write(self, key: str, entry: CachedToken) -> None:
        self._entries[key] = entry

    def lock(self, key: str, *, wait: float, hold: float) -> Lease | None:
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        # A thread's lock, held until unlock: it cannot expire, and its holder cannot be killed alone.
        return Lease(key, lock) if lock.acquire(blocking=wait > 0, timeout=wait if wait > 0 else -1) else None

    def unlock(self, lease: Lease) -> None:
        lock = lease.owner
        if isinstance(lock, type(threading.Lock())) and lock.locked():
            lock.release()

    def __repr__(self) -> str:
        return f"MemoryCache(entries={len(self._entries)})"
