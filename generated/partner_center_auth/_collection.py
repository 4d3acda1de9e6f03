"""Cyclic garbage collection held off while a response body becomes Python values.

Reading a body makes all its containers at once (the parsed data), then as many models again,
and every one of them lives until the call returns. CPython's cyclic collector counts these
allocations: it runs a young collection every 700 of them, and a full one, which walks every
object of the process, each time enough have survived; on a list of 10 000 models that was a
third of the call, spent looking for cycles in objects that cannot be garbage yet. Held off for
the read, the collector runs afterwards as it would have, on whatever is garbage by then; what
the read made and dropped (the parsed data) was freed by reference counting all along.

One state for the process (``gc.disable`` is global), shared by concurrent reads: a *hold*. The
first read turns the collector off and the last one of the hold turns it back on, and only if it
was on before: a program that turned it off itself keeps it off. A reader count alone would let
overlapping reads in many threads keep the collector off for as long as the load lasts (a server
whose threads always have a read under way would never collect a cycle), so a hold is bounded
twice over:

- a hold older than :data:`JOIN_WINDOW` takes no new readers: they read with the collector as it
  is, and it comes back when the readers of that hold are done, at most one read's length later;
- a new hold starts only when no collection is due (the young generation's count, which every
  collection resets, is within its threshold): a hold that ended past it waits for the collector
  to run, which the next allocation in any thread does, and until then reads go with it on.

A small body is read without a hold: it makes fewer objects than a young collection waits for,
so the collector would not have run during its read anyway, and the hold's lock is not worth taking.

A child forked while a hold was under way (another thread reading) has none of the hold's
readers: it starts with no hold and the collector on.

A program that calls ``gc.disable()`` while a hold is under way gets the collector back when the
hold ends: ``gc`` says whether it is on, not who turned it off.
"""

from __future__ import annotations

import gc
import threading
import time
from types import TracebackType

from . import _fork

__all__ = ["held_off"]

JOIN_WINDOW = 0.05
"""Seconds after its start during which a hold takes new readers."""

HOLD_FROM = 16 * 1024
"""Bytes of a body from which its read holds the collector: some 700 objects are made from 20 kB of
JSON (a young collection's threshold), far fewer from the few hundred bytes of most answers."""


def _collection_due() -> bool:
    return gc.get_count()[0] > gc.get_threshold()[0]


class _Hold:
    """The process's hold on the collector, and the readers in it (see the module)."""

    def __init__(self) -> None:
        self._forget()
        _fork.renew_in_child(self, _Hold._forget)

    def _forget(self) -> None:
        if getattr(self, "_readers", 0):  # a child forked during a hold: its readers are not here
            gc.enable()
        self._lock = threading.Lock()
        self._readers = 0
        self._started = 0.0

    def join(self) -> _Hold | _Unheld:
        """This hold, joined, for ``with``; or, when no read may hold the collector now, :data:`_UNHELD`."""
        with self._lock:
            if self._readers:
                if time.monotonic() - self._started > JOIN_WINDOW:
                    return _UNHELD
            elif not gc.isenabled():
                return _UNHELD  # off already (the program's own choice): nothing to hold, nothing to restore
            elif _collection_due():
                return _UNHELD  # the collector runs first (the last hold ended past its threshold)
            else:
                self._started = time.monotonic()
                gc.disable()
            self._readers += 1
            return self

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        with self._lock:
            if not self._readers:  # the forking thread's own read, in a child that forgot the hold
                return
            self._readers -= 1
            if not self._readers:
                gc.enable()  # a hold starts only with the collector on


class _Unheld:
    """A read that goes with the collector as it is."""

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        return None


_UNHELD = _Unheld()
_HOLD = _Hold()


def held_off(size: int) -> _Hold | _Unheld:
    """``with held_off(len(body)):`` reads a body of ``size`` bytes in the collector's hold, when
    the body is not small and a hold may be held (see the module)."""
    return _HOLD.join() if size >= HOLD_FROM else _UNHELD
