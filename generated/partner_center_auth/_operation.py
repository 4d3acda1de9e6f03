"""What every generated operation does, once: build the request, send it, parse the response.

Each generated endpoint module declares its :class:`Operation` from the spec (path, method,
documented media types, documented responses) and keeps only typed wrappers around it.
"""

from __future__ import annotations

import logging
import os
import sys
import time
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http import HTTPStatus
from typing import Any, Generic, TypeVar

import httpx
from attrs import frozen

from . import media
from ._schema import Model
from .errors import (
    DeserializationError,
    ResponseDecodeError,
    Timeout,
    TransportError,
    UndocumentedContentType,
    UnexpectedStatus,
    UnsupportedMediaType,
)
from .types import Response

T = TypeVar("T")

logger = logging.getLogger(__package__)


@frozen
class DocumentedResponse:
    """A status code's documented body: its model and the media types it may come in."""

    model: type[Model]
    media_types: tuple[str, ...]


@frozen
class Operation(Generic[T]):
    """One operation of the spec; ``T`` is the union of its documented response models."""

    operation_id: str
    method: str
    path: str
    request_media_types: tuple[str, ...]
    responses: Mapping[int, DocumentedResponse]
    deprecated: bool = False

    @property
    def response_media_types(self) -> tuple[str, ...]:
        """Every documented response media type, in spec order."""
        return tuple(dict.fromkeys(t for documented in self.responses.values() for t in documented.media_types))

    def warn_if_deprecated(self) -> None:
        if self.deprecated:
            warnings.warn(
                f"{self.operation_id} ({self.method.upper()} {self.path}) is deprecated by the spec",
                DeprecationWarning,
                stacklevel=_caller_stacklevel(),
            )

    def request(
        self, *, body: Model | None, content_type: str | None, accept: str, headers: Mapping[str, str]
    ) -> dict[str, Any]:
        """The ``httpx`` request arguments: ``body`` written in exactly ``content_type``."""
        if body is not None and content_type not in self.request_media_types:
            raise UnsupportedMediaType(
                f"{self.operation_id} does not document the request media type {content_type!r}; "
                f"use one of {', '.join(self.request_media_types)}",
                media_type=str(content_type),
            )
        if accept not in self.response_media_types:
            raise UnsupportedMediaType(
                f"{self.operation_id} does not document the response media type {accept!r}; "
                f"use one of {', '.join(self.response_media_types)}",
                media_type=accept,
            )
        request: dict[str, Any] = {"method": self.method, "url": self.path, "headers": {**headers, "Accept": accept}}
        if body is not None and content_type is not None:
            request["content"] = media.serialize(body, content_type)
            request["headers"]["Content-Type"] = content_type
        return request

    def send(self, client: httpx.Client, request: Mapping[str, Any]) -> httpx.Response:
        started = time.perf_counter()
        with _transport_errors(self, request, started):
            response = client.request(**request)
        _log_exchange(request, response, started)
        return response

    async def send_async(self, client: httpx.AsyncClient, request: Mapping[str, Any]) -> httpx.Response:
        started = time.perf_counter()
        with _transport_errors(self, request, started):
            response = await client.request(**request)
        _log_exchange(request, response, started)
        return response

    def parse(self, response: httpx.Response, *, raise_on_unexpected_status: bool) -> T | None:
        """Parse a documented status by the response's actual Content-Type."""
        documented = self.responses.get(response.status_code)
        if documented is None:
            if raise_on_unexpected_status:
                raise UnexpectedStatus(response.status_code, response.content, response.headers)
            return None
        content_type = response.headers.get("content-type")
        try:
            media_type = media.MediaType.parse(content_type or "")
        except UnsupportedMediaType:
            media_type = None
        if media_type is None or media_type.essence not in documented.media_types:
            raise UndocumentedContentType(
                f"{self.operation_id} answered {response.status_code} with "
                f"{'Content-Type ' + repr(content_type) if content_type else 'no Content-Type'}; "
                f"the spec documents {', '.join(documented.media_types)}",
                status_code=response.status_code,
                headers=response.headers,
                content=response.content,
            )
        try:
            parsed: T = media.deserialize(documented.model, response.content, content_type or "")  # type: ignore[assignment]
        except DeserializationError as error:
            raise ResponseDecodeError(
                f"{self.operation_id} answered {response.status_code} with a body that is not "
                f"a valid {documented.model.__openapi__.name}: {error}",
                status_code=response.status_code,
                headers=response.headers,
                content=response.content,
            ) from error
        return parsed

    def build_response(self, response: httpx.Response, *, raise_on_unexpected_status: bool) -> Response[T]:
        parsed = self.parse(response, raise_on_unexpected_status=raise_on_unexpected_status)
        return Response(
            status_code=_status(response.status_code),
            content=response.content,
            headers=response.headers,
            parsed=parsed,
        )


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def _caller_stacklevel() -> int:
    """The stacklevel of the first frame outside this package, for ``warnings.warn`` called here.

    The default filters show a DeprecationWarning only when it is attributed to the caller's code,
    whichever generated function (``sync`` calls ``sync_detailed``) the call went through.
    """
    frame, level = sys._getframe(1), 1
    while frame.f_back is not None and os.path.abspath(frame.f_code.co_filename).startswith(_PACKAGE_DIR):
        frame, level = frame.f_back, level + 1
    return level


def _status(code: int) -> HTTPStatus | int:
    try:
        return HTTPStatus(code)
    except ValueError:  # codes outside the standard list (599, 520) are still answers
        return code


# Only these request headers are logged: never Authorization, never a body.
_LOGGED_HEADERS = ("content-type", "accept", "ms-correlationid", "ms-requestid")


def _described(request: Mapping[str, Any]) -> str:
    headers = {name.lower(): value for name, value in request.get("headers", {}).items()}
    return " ".join(f"{name}={headers[name]}" for name in _LOGGED_HEADERS if name in headers)


def _log_exchange(request: Mapping[str, Any], response: httpx.Response, started: float) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "%s %s -> %d %s in %.1f ms (%s)",
            request["method"].upper(),
            response.request.url,
            response.status_code,
            response.headers.get("content-type", "-"),
            (time.perf_counter() - started) * 1000,
            _described(request),
        )


@contextmanager
def _transport_errors(operation: Operation[Any], request: Mapping[str, Any], started: float) -> Iterator[None]:
    """Re-raise httpx's transport failures as this package's, keeping them as the cause."""
    try:
        yield
    except httpx.TransportError as error:
        logger.debug(
            "%s %s failed after %.1f ms: %s (%s)",
            request["method"].upper(),
            request["url"],
            (time.perf_counter() - started) * 1000,
            type(error).__name__,
            _described(request),
        )
        raise _transport_error(operation, error) from error


def _transport_error(operation: Operation[Any], error: httpx.TransportError) -> TransportError:
    if isinstance(error, httpx.TimeoutException):
        return Timeout(f"{operation.operation_id}: timed out ({type(error).__name__})")
    # Protocol errors may quote a header value, and so a token: name the failure only.
    detail = "" if isinstance(error, httpx.ProtocolError) else f": {error}"
    return TransportError(f"{operation.operation_id}: {type(error).__name__}{detail}")
