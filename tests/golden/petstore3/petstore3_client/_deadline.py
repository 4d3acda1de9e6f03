"""The deadline a caller sets around its calls (a retry policy), read by every exchange inside them.

A module of its own, so that importing the retry policy does not import the sending runtime.
"""

from __future__ import annotations

from contextvars import ContextVar

DEADLINE: ContextVar[float | None] = ContextVar("DEADLINE", default=None)
"""The ``time.perf_counter()`` by which an exchange must end, set by a caller with a deadline of
its own (a retry policy): each exchange ends by the nearer of it and the client's ``total_timeout``."""
