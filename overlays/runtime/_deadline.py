"""The deadline: by when a call, and each exchange in it, must end, and how a wait is cut to it.

Every bound of the package is a time on one clock (``time.perf_counter()``) and one rule, :func:`cut`:
a wait lasts the nearer of its own timeout and what is left before the deadline. The sync
transport's socket waits, httpx's per-request timeouts (:class:`DeadlineTimeouts`), the watchdog that ends an
exchange on a caller's transport and the async exchange's cancel scope all read it.

Two context variables, for two different bounds:

- :data:`CALLER_DEADLINE`, set by a caller around all its calls (a retry policy around its
  attempts), is read once as each exchange starts: the exchange must end by the nearer of it and
  the client's ``total_timeout`` (:func:`exchange_deadline`).
- :data:`EXCHANGE_DEADLINE`, that exchange's own deadline, is set around it by the sync send on a
  client whose transport is the package's, and read by that transport at every connect, read and
  write.

They stay two because one would change what is bounded by what. A call made during an exchange
(a credential source, an auth flow or event hook of the caller's, run in the exchange's
context or a copy of it) starts its own exchange against the caller's deadline, not against what is
left of the exchange that made it (a credential source's call outlives the waiter that started it, and
serves the others). And the transport cuts the waits of an exchange the package started, not those
of a request the caller's own code sends on the same httpx client inside a retry policy's call.

A module of its own, importing nothing of httpx, so that importing the retry policy does not
import the sending runtime.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import overload

__all__ = ["CALLER_DEADLINE", "EXCHANGE_DEADLINE", "DeadlineTimeouts", "cut", "exchange_deadline", "until"]

CALLER_DEADLINE: ContextVar[float | None] = ContextVar("CALLER_DEADLINE", default=None)
"""The time by which a caller's calls must end (its retry policy's deadline), if it set one."""

EXCHANGE_DEADLINE: ContextVar[float | None] = ContextVar("EXCHANGE_DEADLINE", default=None)
"""The time by which the exchange in progress in this context must end, for the transport."""

_SHORTEST = 0.001
"""The shortest wait :func:`cut` gives: a socket takes a timeout of 0 for non-blocking, not for "no time left"."""


@overload
def cut(timeout: float | None, deadline: float) -> float: ...
@overload
def cut(timeout: float | None, deadline: float | None) -> float | None: ...
def cut(timeout: float | None, deadline: float | None) -> float | None:
    """``timeout`` (seconds; None: no bound), cut to what is left before ``deadline`` (None: none).

    A deadline already past gives the shortest wait, which ends at once all the same.
    """
    if deadline is None:
        return timeout
    left = max(_SHORTEST, deadline - time.perf_counter())
    return left if timeout is None else min(timeout, left)


def exchange_deadline(started: float, total_timeout: float | None) -> float | None:
    """The time by which an exchange started at ``started`` must end: its ``total_timeout`` after
    the start, or the caller's deadline if that is nearer."""
    outer = CALLER_DEADLINE.get()
    if total_timeout is None:
        return outer
    total = started + total_timeout
    return total if outer is None else min(total, outer)


@contextmanager
def until(variable: ContextVar[float | None], deadline: float | None) -> Iterator[None]:
    """``variable`` holds ``deadline`` for the block, and what it held before after it."""
    token = variable.set(deadline)
    try:
        yield
    finally:
        variable.reset(token)


class DeadlineTimeouts(Mapping[str, float | None]):
    """httpx's per-request timeouts, each cut to the time left before a deadline when it is read.

    httpx hands ``request.extensions["timeout"]`` to httpcore, which reads it as each phase starts
    (the wait for a pooled connection, the connect, the write of the request, the reads of the
    headers and of the body): no phase starts with a timeout longer than what remains. Within a
    phase, httpcore keeps the value it read for every read: a server that drips its headers a byte
    at a time is cut at the deadline by the package's transport (``_transport.py``), or, on a
    transport of the caller's, by the watchdog that shuts the exchange's sockets down (``_watchdog.py``).
    """

    def __init__(self, timeouts: Mapping[str, float | None], deadline: float | None) -> None:
        self._timeouts = dict(timeouts)
        self._deadline = deadline

    def __getitem__(self, key: str) -> float | None:
        return cut(self._timeouts[key], self._deadline)

    def __iter__(self) -> Iterator[str]:
        return iter(self._timeouts)

    def __len__(self) -> int:
        return len(self._timeouts)
