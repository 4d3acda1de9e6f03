"""What an exchange says in the package's log: one DEBUG line as it ends, answered or failed, and
one per response value a liberal read kept although it breaks a constraint of the spec.

Apart from the exchange so that what may be logged is decided in one place: the method, the URL
the package sent (without its query and credentials), the status, the response's media type as the
spec names it, the time taken, and only the request headers named here or declared by the
operation as identifiers. Never ``Authorization``, never another header parameter (an API key may
be one), never a body, never an error's words (they may quote a server).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from typing import Any, Protocol

import httpx

from ._schema import Kept
from ._security import said_media_type

__all__ = ["Described", "log_answer", "log_failure", "log_kept"]


class Described(Protocol):
    """What an exchange knows of its operation: its name, the headers its log line may show, and
    the media types it documents (a Content-Type outside them is not repeated)."""

    @property
    def operation_id(self) -> str: ...
    @property
    def logged_headers(self) -> tuple[str, ...]: ...
    @property
    def response_media_types(self) -> tuple[str, ...]: ...


logger = logging.getLogger(__package__)

# Only these request headers are logged, with the operation's identifier headers.
_LOGGED_HEADERS = ("content-type", "accept")


def log_answer(
    operation: Described,
    request: Mapping[str, Any],
    status_code: int,
    headers: httpx.Headers,
    url: httpx.URL,
    started: float,
) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "%s %s -> %d %s in %.1f ms (%s)",
            request["method"].upper(),
            url.copy_with(query=None, username=None, password=None),  # credentials stay out
            status_code,
            said_media_type(headers.get("content-type"), operation.response_media_types),
            (time.perf_counter() - started) * 1000,
            _described(operation, request),
        )


def log_failure(operation: Described, request: Mapping[str, Any], error: Exception, started: float) -> None:
    logger.debug(
        "%s %s failed after %.1f ms: %s (%s)",
        request["method"].upper(),
        str(request["url"]).partition("?")[0],
        (time.perf_counter() - started) * 1000,
        type(error).__name__,
        _described(operation, request),
    )


def log_kept(operation: Described, status_code: int, kept: Kept) -> None:
    """One DEBUG line per value a liberal read kept: where it is and which constraint it breaks.
    Never the value: a server's values may be secrets."""
    if logger.isEnabledFor(logging.DEBUG):
        for path, constraint in kept:
            logger.debug(
                "%s answered %d with %s breaking %s: kept (strict=True refuses it)",
                operation.operation_id,
                status_code,
                path,
                constraint,
            )


def _described(operation: Described, request: Mapping[str, Any]) -> str:
    headers = {name.lower(): value for name, value in request.get("headers", {}).items()}
    logged = (*_LOGGED_HEADERS, *operation.logged_headers)
    return " ".join(f"{name}={headers[name]}" for name in logged if name in headers)
