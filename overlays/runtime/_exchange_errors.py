"""httpx's failures of an exchange as the package's errors: :class:`TransportTimeout` when time ran
out, :class:`TransportFailure` otherwise.

Apart from the exchange so that one rule decides, for the sync and the async path alike, which of
httpx's words may reach a caller: its error is kept as the cause only when its words are the
system's or httpcore's own (timeouts, connection and socket errors). A protocol error quotes the
bytes a server sent (a status line, a header, a chunk size), an unsupported scheme or a bad
``Location`` a redirect's text, and a chained cause is printed with every traceback.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import httpx

from ._errors import TransportFailure, TransportTimeout
from ._exchange_log import Described, log_failure

__all__ = ["as_package_errors"]

# httpx's errors whose messages are the system's or httpcore's words, never a server's bytes.
_OWN_WORDS = (httpx.TimeoutException, httpx.NetworkError)


@contextmanager
def as_package_errors(
    operation: Described, request: Mapping[str, Any], started: float, deadline: float | None = None
) -> Iterator[None]:
    """Re-raise httpx's transport failures in the block as this package's, logged; a failure at or
    past ``deadline`` is a timeout, whatever httpx called it."""
    try:
        yield
    except httpx.RequestError as error:  # transport failures, and bodies that fail to decompress
        log_failure(operation, request, error, started)
        failure = _package_error(operation, error, late=time.perf_counter() >= (deadline or float("inf")))
        if isinstance(error, _OWN_WORDS):
            raise failure from error
        raise failure from None


def _package_error(operation: Described, error: httpx.RequestError, *, late: bool) -> TransportFailure:
    if isinstance(error, httpx.TimeoutException) or late:
        return TransportTimeout(f"{operation.operation_id}: timed out ({type(error).__name__})")
    # Other messages may quote what a server sent (a header, a redirect's Location): the failure's name only.
    detail = f": {error}" if isinstance(error, _OWN_WORDS) else ""
    return TransportFailure(f"{operation.operation_id}: {type(error).__name__}{detail}")
