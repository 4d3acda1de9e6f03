"""What every generated operation does, once: build the request, send it, parse the response.

Each generated endpoint module declares its :class:`Operation` from the spec (path, method,
documented media types, documented responses) and keeps only typed wrappers around it.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import sys
import time
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from http import HTTPStatus
from typing import Any, Generic, Protocol, TypeVar

import httpx
from attrs import field, frozen

from . import media
from ._schema import Model
from .errors import (
    DeserializationError,
    InsecureTransport,
    ResponseDecodeError,
    ResponseTooLarge,
    Timeout,
    TransportError,
    UndocumentedContentType,
    UnexpectedStatus,
    UnsupportedMediaType,
)
from .types import Response

T = TypeVar("T")

logger = logging.getLogger(__package__)


class SendingClient(Protocol):
    """What :meth:`Operation.send` needs of the generated ``Client`` / ``AuthenticatedClient``."""

    max_response_size: int
    total_timeout: float | None
    allow_insecure_http: bool

    def get_httpx_client(self) -> httpx.Client: ...


class AsyncSendingClient(Protocol):
    max_response_size: int
    total_timeout: float | None
    allow_insecure_http: bool

    def get_async_httpx_client(self) -> httpx.AsyncClient: ...


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
    request_model: type[Model] | None
    request_media_types: tuple[str, ...]
    responses: Mapping[int, DocumentedResponse]
    deprecated: bool = False
    response_media_types: tuple[str, ...] = field(init=False)
    """Every documented response media type, in spec order."""

    @response_media_types.default
    def _all_response_media_types(self) -> tuple[str, ...]:
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

    def send(self, client: SendingClient, request: Mapping[str, Any]) -> httpx.Response:
        """Send ``request`` and read the body within the client's size and time limits."""
        http = client.get_httpx_client()
        outgoing = http.build_request(**request)
        refuse_insecure_bearer(outgoing.url, client.allow_insecure_http)
        body = _BoundedBody(self, client)
        with _transport_errors(self, request, body.started):
            response = http.send(outgoing, stream=True)
            try:
                for chunk in response.iter_bytes():
                    body.add(chunk, response)
            finally:
                response.close()
        return body.finish(response, request)

    async def send_async(self, client: AsyncSendingClient, request: Mapping[str, Any]) -> httpx.Response:
        """:meth:`send` for ``asyncio``."""
        http = client.get_async_httpx_client()
        outgoing = http.build_request(**request)
        refuse_insecure_bearer(outgoing.url, client.allow_insecure_http)
        body = _BoundedBody(self, client)
        with _transport_errors(self, request, body.started):
            response = await http.send(outgoing, stream=True)
            try:
                async for chunk in response.aiter_bytes():
                    body.add(chunk, response)
            finally:
                await response.aclose()
        return body.finish(response, request)

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


class _BoundedBody:
    """Collects a streamed body, refusing to pass the size limit or the total deadline."""

    def __init__(self, operation: Operation[Any], client: SendingClient | AsyncSendingClient) -> None:
        self.operation = operation
        self.limit = client.max_response_size
        self.started = time.perf_counter()
        self.deadline = None if client.total_timeout is None else self.started + client.total_timeout
        self.chunks: list[bytes] = []
        self.size = 0

    def add(self, chunk: bytes, response: httpx.Response) -> None:
        if self.size + len(chunk) > self.limit:
            self.chunks.append(chunk[: self.limit - self.size])
            raise ResponseTooLarge(
                f"{self.operation.operation_id} answered {response.status_code} with a body larger "
                f"than max_response_size ({self.limit} bytes)",
                status_code=response.status_code,
                headers=response.headers,
                content=b"".join(self.chunks),
            )
        self.chunks.append(chunk)
        self.size += len(chunk)
        if self.deadline is not None and time.perf_counter() > self.deadline:
            raise Timeout(f"{self.operation.operation_id}: the response took longer than total_timeout")

    def finish(self, response: httpx.Response, request: Mapping[str, Any]) -> httpx.Response:
        # What Response.read() does, once the body is known to be within the limits.
        response._content = b"".join(self.chunks)
        _log_exchange(request, response, self.started)
        return response


def refuse_insecure_bearer(url: httpx.URL, allowed: bool) -> None:
    """Raise InsecureTransport unless ``url`` is https, loopback, or plain http is ``allowed``."""
    if url.scheme == "http" and not allowed and not _is_loopback(url.host):
        raise InsecureTransport(
            f"refusing to send a bearer token over plain http to {url.host}: use https, or "
            "allow_insecure_http=True on the client for a test setup"
        )


@lru_cache(maxsize=64)
def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


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
    except httpx.RequestError as error:  # transport failures, and bodies that fail to decompress
        logger.debug(
            "%s %s failed after %.1f ms: %s (%s)",
            request["method"].upper(),
            request["url"],
            (time.perf_counter() - started) * 1000,
            type(error).__name__,
            _described(request),
        )
        raise _transport_error(operation, error) from error


def _transport_error(operation: Operation[Any], error: httpx.RequestError) -> TransportError:
    if isinstance(error, httpx.TimeoutException):
        return Timeout(f"{operation.operation_id}: timed out ({type(error).__name__})")
    # Protocol errors may quote a header value, and so a token: name the failure only.
    detail = "" if isinstance(error, httpx.ProtocolError) else f": {error}"
    return TransportError(f"{operation.operation_id}: {type(error).__name__}{detail}")
