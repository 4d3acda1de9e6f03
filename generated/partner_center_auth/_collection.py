"""Cyclic garbage collection held off while a response body becomes Python values.

Reading a body makes all its containers at once (the parsed data), then as many models again,
and every one of them lives until the call returns. CPython's cyclic collector counts these
allocations: it runs a young collection every 700 of them, and a full one, which walks every
object of the process, each time enough have survived; on a list of 10 000 models that was a
third of the call, spent looking for cycles in objects that cannot be garbage yet. Held off for
the read, the collector runs afterwards as it would have, on whatever is garbage by then; what
the read made and dropped (the parsed data) was freed by reference counting all along.

One state for the process (``gc.disable`` is global): the first of any concurrent reads turns the
collector off, the last one turns it back on, and only if it was on before: a program that turned
it off itself keeps it off.
"""

from __future__ import annotations

import gc
import threading
from types import TracebackType

__all__ = ["HELD_OFF"]


class _HeldOff:
    """``with HELD_OFF:`` runs its block with the cyclic collector off (see the module)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._readers = 0
        self._was_enabled = False

    def __enter__(self) -> None:
        with self._lock:
            if not self._readers:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._readers += 1

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        with self._lock:
            self._readers -= 1
            if not self._readers and self._was_enabled:
                gc.enable()


HELD_OFF = _HeldOff()
