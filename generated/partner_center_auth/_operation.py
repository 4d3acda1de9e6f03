"""What every generated operation does, once: build the request, send it, parse the response.

Each generated endpoint module declares its :class:`Operation` from the spec (method, path,
parameters with their style, the documented request and response media types with the schema of
each) and keeps only typed wrappers around it: the same for any spec.
"""

from __future__ import annotations

import contextvars
import logging
import math
import os
import queue
import socket
import sys
import threading
import time
import warnings
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from http import HTTPStatus
from io import BytesIO
from typing import Any, Generic, NoReturn, Protocol, TypeVar

import httpx
from attrs import field, frozen

from . import _fork, media
from ._deadline import DEADLINE
from ._decoding import Decoder, UnsupportedCoding
from ._errors import (
    ClientClosed,
    DeserializationError,
    InvalidCredentials,
    ResponseDecodeError,
    ResponseTooLarge,
    SerializationError,
    TransportError,
    TransportTimeout,
    UndocumentedContentType,
    UnexpectedStatus,
    UnsupportedMediaType,
)
from ._params import Parameter, cookie_header, expand_path, header_value, query_string
from ._schema import Document, Model, ModelRef
from ._security import checked_headers, refuse_insecure_bearer, said_media_type
from .types import UNSET, File, Response, Unset

__all__ = ["DocumentedResponse", "Operation", "Parameter", "Received", "RequestContent", "ResponseContent"]

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
class RequestContent:
    """One documented request media type, and how a Python body becomes its bytes.

    Structured families (JSON, XML, forms) ``dump`` the body to JSON-shaped data, which the codec
    writes as ``document`` says; multipart bodies are models with ``to_multipart()``; every other
    type carries a ``File``, bytes or text as it is.
    """

    media_type: str
    document: Document | None = None
    dump: Callable[[Any], Any] | None = None
    family: media.Family = field(init=False)

    @family.default
    def _family(self) -> media.Family:
        return media.family(self.media_type)

    def write(self, body: object) -> dict[str, Any]:
        """The ``httpx`` arguments that carry ``body``: ``content`` and its Content-Type, or ``files``."""
        if self.family == "multipart":
            to_multipart = getattr(body, "to_multipart", None)
            if to_multipart is None:
                raise SerializationError("a multipart/form-data body is a model", media_type=self.media_type)
            return {"files": to_multipart()}
        if self.document is not None and self.dump is not None:
            content = media.encode(self.dump(body), self.document, self.media_type)
        else:
            content = media.encode_raw(body, self.media_type)
        return {"content": content, "headers": {"Content-Type": self._concrete(body)}}

    def _concrete(self, body: object) -> str:
        # A documented range (`*/*`, `image/*`) is no Content-Type: a File says its own, or octets.
        if "*" not in self.media_type:
            return self.media_type
        mime_type = getattr(body, "mime_type", None)
        return mime_type if isinstance(mime_type, str) else "application/octet-stream"


@frozen
class ResponseContent:
    """One documented response media type, and how its bytes become a Python value.

    Structured families decode into JSON-shaped data checked against ``document``, which ``load``
    (the generated constructor) turns into models; other types are bytes (``str`` for ``text/*``),
    wrapped in a ``File`` where the spec says ``format: binary``.
    """

    media_type: str
    document: Document | None = None
    load: Callable[[Any], Any] | None = None
    as_file: bool = False

    def read(self, content: bytes, content_type: str) -> object:
        if self.document is not None:
            if self.load is None:
                return media.decode(content, self.document, content_type)
            # No local holds the decoded data: a failure's traceback shows no token (see media.build).
            return media.build(
                self.load, media.decode(content, self.document, content_type), content=content, media_type=content_type
            )
        raw = media.decode_raw(content, content_type)
        if self.as_file:
            return File(payload=BytesIO(raw if isinstance(raw, bytes) else content))
        return raw


@frozen
class DocumentedResponse:
    """A documented status (``"200"``, a range such as ``"2XX"``, or ``"default"``) and its contents.

    No contents: the status has no body (a 204), and its parsed value is None.
    """

    status: str
    contents: tuple[ResponseContent, ...] = ()
    by_essence: Mapping[str, ResponseContent] = field(init=False, eq=False, repr=False)

    @by_essence.default
    def _index(self) -> Mapping[str, ResponseContent]:
        return {media.essence(content.media_type): content for content in self.contents}

    @property
    def media_types(self) -> tuple[str, ...]:
        return tuple(content.media_type for content in self.contents)

    def content_for(self, content_type: str | None) -> ResponseContent | None:
        """The documented content a Content-Type value falls under: exact, then ``type/*``, then ``*/*``."""
        try:
            essence = media.MediaType.parse(content_type or "").essence
        except UnsupportedMediaType:
            return None
        kind = essence.partition("/")[0]
        for key in (essence, f"{kind}/*", "*/*"):
            found = self.by_essence.get(key)
            if found is not None:
                return found
        return None


@frozen
class Received:
    """An answer read within the client's limits: what parsing and the caller's ``Response`` need."""

    status_code: int
    headers: httpx.Headers = field(repr=False)  # headers and body may hold tokens: out of reprs
    content: bytes = field(repr=False)
    url: httpx.URL = field(repr=False)


@frozen
class Operation(Generic[T]):
    """One operation of the spec; ``T`` is the union of what its documented responses parse into."""

    operation_id: str
    method: str
    path: str
    parameters: tuple[Parameter, ...] = ()
    request_contents: tuple[RequestContent, ...] = ()
    responses: tuple[DocumentedResponse, ...] = ()
    deprecated: bool = False
    logged_headers: tuple[str, ...] = ()
    # The Python names of the parameters that identify one request (fresh UUIDs when the caller
    # gives none): a retry policy fixes them once for all its attempts, and touches nothing else.
    request_ids: tuple[str, ...] = ()
    """Header parameters safe to log at DEBUG (per-request identifiers), besides the media types."""
    _parameters: Mapping[str, Mapping[str, Parameter]] = field(init=False, eq=False, repr=False)
    _requests: Mapping[str, RequestContent] = field(init=False, eq=False, repr=False)
    _exact: Mapping[int, DocumentedResponse] = field(init=False, eq=False, repr=False)
    request_media_types: tuple[str, ...] = field(init=False, eq=False)
    """The documented request media types, in spec order (the first is the default)."""
    response_media_types: tuple[str, ...] = field(init=False, eq=False)
    """Every documented response media type, in spec order (checked on every call: made once)."""

    @_parameters.default
    def _index_parameters(self) -> Mapping[str, Mapping[str, Parameter]]:
        index: dict[str, dict[str, Parameter]] = {"path": {}, "query": {}, "header": {}, "cookie": {}}
        for parameter in self.parameters:
            index[parameter.location][parameter.name] = parameter
        return index

    @_requests.default
    def _index_requests(self) -> Mapping[str, RequestContent]:
        return {content.media_type: content for content in self.request_contents}

    @_exact.default
    def _index_exact(self) -> Mapping[int, DocumentedResponse]:
        return {int(r.status): r for r in self.responses if r.status.isdigit()}

    @request_media_types.default
    def _all_request_media_types(self) -> tuple[str, ...]:
        return tuple(self._requests)

    @response_media_types.default
    def _all_response_media_types(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for documented in self.responses for t in documented.media_types))

    @property
    def request_model(self) -> type[Model] | None:
        """The model every structured request media type carries, when there is exactly one."""
        models = {
            content.document.schema.model
            for content in self.request_contents
            if content.document is not None and isinstance(content.document.schema, ModelRef)
        }
        return models.pop() if len(models) == 1 else None

    def documented(self, status_code: int) -> DocumentedResponse | None:
        """The documented response for a status: the exact code, else its range (``4XX``), else ``default``."""
        exact = self._exact.get(status_code)
        if exact is not None:
            return exact
        range_ = f"{status_code // 100}XX"
        for documented in self.responses:
            if documented.status.upper() in (range_, "DEFAULT"):
                return documented
        return None

    def warn_if_deprecated(self) -> None:
        if self.deprecated:
            warnings.warn(
                f"{self.operation_id} ({self.method.upper()} {self.path}) is deprecated by the spec",
                DeprecationWarning,
                stacklevel=_caller_stacklevel(),
            )

    def request(
        self,
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        cookies: Mapping[str, object] | None = None,
        body: object = UNSET,
        content_type: str | None = None,
        accept: str | None = None,
    ) -> dict[str, Any]:
        """The ``httpx`` request arguments; parameter values are JSON-shaped, unset ones left out."""
        url = expand_path(self.path, self._parameters["path"], path or {})
        query_text = query_string(self._parameters["query"], _present(query))
        if query_text:
            url = f"{url}?{query_text}"
        sent_headers = {
            name: header_value(self._parameters["header"][name], value) for name, value in _present(headers).items()
        }
        sent_cookies = _present(cookies)
        if sent_cookies:
            sent_headers["Cookie"] = cookie_header(self._parameters["cookie"], sent_cookies)
        if accept is not None:
            if accept not in self.response_media_types:
                raise UnsupportedMediaType(
                    f"{self.operation_id} does not document the response media type {accept!r}; "
                    f"use one of {', '.join(self.response_media_types)}",
                    media_type=accept,
                )
            sent_headers["Accept"] = accept
        request: dict[str, Any] = {"method": self.method, "url": url, "headers": sent_headers}
        if not isinstance(body, Unset):
            written = self._request_content(content_type).write(body)
            sent_headers.update(written.pop("headers", {}))
            request.update(written)
        return request

    def _request_content(self, content_type: str | None) -> RequestContent:
        content = self._requests.get(content_type or "")
        if content is None:
            raise UnsupportedMediaType(
                f"{self.operation_id} does not document the request media type {content_type!r}; "
                f"use one of {', '.join(self.request_media_types)}",
                media_type=str(content_type),
            )
        return content

    def send(self, client: SendingClient, request: Mapping[str, Any]) -> Received:
        """Send ``request`` and read the body within the client's size and time limits.

        httpx bounds each read, not the exchange: a server dripping its headers a byte at a time
        would hold the caller for ever. On a client this package built (see ``_transport.py``)
        every wait is cut to the deadline, in the caller's thread. On another (a client the caller
        set), the exchange runs on a worker thread that the caller waits for until the deadline
        at most; past it, :class:`TransportTimeout`, and the sockets of the exchange are shut
        down, which ends it (see :class:`_Connections`).
        """
        http = client.get_httpx_client()
        if http.is_closed:  # httpx would raise a bare RuntimeError
            raise ClientClosed(f"{self.operation_id}: the client was closed (its with block ended); make a new one")
        outgoing, body = self._start(client, http, request)
        if body.deadline is None:
            return self._exchange(http, outgoing, body, request)
        from . import _transport  # (imports httpcore: loaded with the first call, not at start-up)

        if _transport.bounds_exchanges(http):  # its transport cuts every wait to the deadline
            token = _transport.EXCHANGE_DEADLINE.set(body.deadline)
            try:
                return self._exchange(http, outgoing, body, request)
            finally:
                _transport.EXCHANGE_DEADLINE.reset(token)
        # A connection kept alive from an earlier exchange could not be reached before its answer's
        # headers: each exchange asks for a connection of its own, which the watch sees opened.
        outgoing.headers["Connection"] = "close"
        connections = _Connections.watch(outgoing)
        task = _Task(self._exchange, (http, outgoing, body, request, connections))
        _WORKERS.run(task)
        if not task.done.wait(max(0.0, body.deadline - time.perf_counter()) + _GRACE):
            connections.end()  # the exchange ends with the wait: its sockets are shut down
            raise TransportTimeout(f"{self.operation_id}: no complete answer within the deadline")
        if task.error is not None:
            raise task.error
        assert task.result is not None
        return task.result

    def _exchange(
        self,
        http: httpx.Client,
        outgoing: httpx.Request,
        body: _BoundedBody,
        request: Mapping[str, Any],
        connections: _Connections | None = None,
    ) -> Received:
        with _transport_errors(self, request, body.started, body.deadline):
            response = http.send(outgoing, stream=True)
            try:
                if connections is not None:
                    connections.add(response.extensions.get("network_stream"))
                if response.is_stream_consumed:  # read by a transport or hook of the caller's: httpx decoded it
                    body.add(response.content, response)
                else:
                    for raw in response.iter_raw():
                        body.receive(raw, response)
            finally:
                response.close()
        return body.finish(response, request)

    async def send_async(self, client: AsyncSendingClient, request: Mapping[str, Any]) -> Received:
        """:meth:`send` for ``asyncio`` (and trio): the deadline cancels the exchange itself."""
        http = client.get_async_httpx_client()
        if http.is_closed:  # httpx would raise a bare RuntimeError
            raise ClientClosed(f"{self.operation_id}: the client was closed (its with block ended); make a new one")
        outgoing, body = self._start(client, http, request)
        import anyio  # httpx's own dependency; imported here so that sync users never pay for it

        left = math.inf if body.deadline is None else max(0.0, body.deadline - time.perf_counter())
        try:
            with anyio.fail_after(left), _transport_errors(self, request, body.started, body.deadline):
                response = await http.send(outgoing, stream=True)
                try:
                    if response.is_stream_consumed:  # read by a transport or hook of the caller's
                        body.add(response.content, response)
                    else:
                        async for raw in response.aiter_raw():
                            body.receive(raw, response)
                finally:
                    await response.aclose()
        except TimeoutError:
            raise TransportTimeout(f"{self.operation_id}: no complete answer within the deadline") from None
        return body.finish(response, request)

    def _start(
        self,
        client: SendingClient | AsyncSendingClient,
        http: httpx.Client | httpx.AsyncClient,
        request: Mapping[str, Any],
    ) -> tuple[httpx.Request, _BoundedBody]:
        """What sync and async sending decide before any I/O: the transport checks and the limits.

        The deadline (the client's ``total_timeout``, or less when a retry policy's deadline is
        nearer) bounds the whole exchange, headers included: every connect, write and read of
        httpcore waits at most until it (see :class:`DeadlineTimeouts`).
        """
        body = _BoundedBody(self, client)
        extensions = (
            {} if body.deadline is None else {"timeout": DeadlineTimeouts(http.timeout.as_dict(), body.deadline)}
        )
        try:
            outgoing: httpx.Request | None = http.build_request(**request, extensions=extensions)
        except UnicodeEncodeError:  # its message quotes the value: raised anew outside this block
            outgoing = None
        if outgoing is None:
            checked_headers(request.get("headers") or {})  # names the header
            raise InvalidCredentials("a header value cannot be sent: it holds characters outside ASCII")
        refuse_insecure_bearer(
            outgoing,
            client.allow_insecure_http,
            authenticated=_authenticated(client),
            asynchronous=isinstance(http, httpx.AsyncClient),
        )
        return outgoing, body

    def parse(self, response: Received, *, raise_on_unexpected_status: bool) -> T | None:
        """Parse a documented status by the response's actual Content-Type."""
        documented = self.documented(response.status_code)
        if documented is None:
            if raise_on_unexpected_status:
                raise UnexpectedStatus(response.status_code, response.content, response.headers)
            return None
        if not documented.contents:
            return None
        content_type = response.headers.get("content-type")
        content = documented.content_for(content_type)
        if content is None or content_type is None:
            raise UndocumentedContentType(
                f"{self.operation_id} answered {response.status_code} with "
                f"{said_media_type(content_type, self.response_media_types)}; "
                f"the spec documents {', '.join(documented.media_types)}",
                status_code=response.status_code,
                headers=response.headers,
                content=response.content,
            )
        try:
            parsed: T = content.read(response.content, content_type)  # type: ignore[assignment]
        except DeserializationError as error:
            raise ResponseDecodeError(
                f"{self.operation_id} answered {response.status_code} with a body that does not "
                f"decode as documented: {error}",
                status_code=response.status_code,
                headers=response.headers,
                content=response.content,
            ) from error
        return parsed

    def build_response(self, response: Received, *, raise_on_unexpected_status: bool) -> Response[T]:
        parsed = self.parse(response, raise_on_unexpected_status=raise_on_unexpected_status)
        return Response(
            status_code=_status(response.status_code),
            content=response.content,
            headers=response.headers,
            parsed=parsed,
        )


def _present(values: Mapping[str, object] | None) -> dict[str, object]:
    """The values the caller gave: unset and ``None`` (no value) are not sent."""
    return {name: value for name, value in (values or {}).items() if not isinstance(value, Unset) and value is not None}


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


_STATUSES = {status.value: status for status in HTTPStatus}


def _status(code: int) -> HTTPStatus | int:
    return _STATUSES.get(code, code)  # codes outside the standard list (599, 520) are still answers


class DeadlineTimeouts(Mapping[str, float | None]):
    """httpx's per-request timeouts, each cut to the time left before a deadline when it is read.

    httpx hands ``request.extensions["timeout"]`` to httpcore, which reads it at each connect,
    write and read: a server that drips its status line and headers a byte at a time cannot hold
    the caller past the deadline, since every wait is bounded by what remains of it.
    """

    def __init__(self, timeouts: Mapping[str, float | None], deadline: float | None) -> None:
        self._timeouts = dict(timeouts)
        self._deadline = deadline

    def __getitem__(self, key: str) -> float | None:
        timeout = self._timeouts[key]
        if self._deadline is None:
            return timeout
        left = max(0.001, self._deadline - time.perf_counter())  # never 0: that is non-blocking
        return left if timeout is None else min(timeout, left)

    def __iter__(self) -> Iterator[str]:
        return iter(self._timeouts)

    def __len__(self) -> int:
        return len(self._timeouts)


_GRACE = 0.05
"""Seconds past the deadline a caller waits for an exchange that is ending by itself."""


class _Task:
    """One exchange for a worker thread, and what became of it."""

    __slots__ = ("arguments", "context", "done", "error", "exchange", "result")

    def __init__(self, exchange: Callable[..., Received], arguments: tuple[Any, ...]) -> None:
        self.exchange, self.arguments = exchange, arguments
        # The caller's context variables (tracing spans, a retry's deadline) go with the exchange.
        self.context = contextvars.copy_context()
        self.done = threading.Event()
        self.result: Received | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.context.run(self.exchange, *self.arguments)
        except BaseException as error:  # handed over, and raised in the caller's thread
            self.error = error
        finally:
            self.arguments = ()
            self.done.set()


class _Workers:
    """Daemon threads kept for exchanges: a thread per call would cost more than the call itself.

    A thread idle for a minute ends; a hung exchange holds only its own thread. A forked child
    starts with none (its parent's threads are not copied), and so with no idle one to count on.
    """

    def __init__(self) -> None:
        self._forget_threads()
        _fork.renew_in_child(self, _Workers._forget_threads)

    def _forget_threads(self) -> None:
        # In a forked child too: the tasks queued in the parent have no caller here, and its lock
        # may have been held by a thread that is not here.
        self._tasks: queue.SimpleQueue[_Task] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._idle = 0

    def run(self, task: _Task) -> None:
        with self._lock:
            if self._idle:
                self._idle -= 1
            else:
                threading.Thread(target=self._serve, name="exchange", daemon=True).start()
        self._tasks.put(task)

    def _serve(self) -> None:
        while True:
            try:
                task = self._tasks.get(timeout=60.0)
            except queue.Empty:
                with self._lock:
                    if self._idle and self._tasks.empty():
                        self._idle -= 1
                        return
                continue
            task.run()
            with self._lock:
                self._idle += 1


_WORKERS = _Workers()


class _BoundedBody:
    """Collects a streamed body, refusing to pass the size limit or the total deadline.

    The raw bytes are decoded here (``Content-Encoding``), a bounded piece at a time (see
    ``_decoding.py``): the limit holds for the decoded size, and memory stays within it plus a
    piece per coding, however the codings are stacked.
    """

    def __init__(self, operation: Operation[Any], client: SendingClient | AsyncSendingClient) -> None:
        self.operation = operation
        self.limit = client.max_response_size
        self.started = time.perf_counter()
        total = None if client.total_timeout is None else self.started + client.total_timeout
        outer = DEADLINE.get()
        self.deadline = outer if total is None else total if outer is None else min(total, outer)
        self.chunks: list[bytes] = []
        self.size = 0
        self._decoder: Decoder | None = None

    def receive(self, raw: bytes, response: httpx.Response) -> None:
        """Take a raw chunk of ``response``'s body."""
        if self._decoder is None:
            self._decoder = self._decoder_for(response)
        try:
            for chunk in self._decoder.feed(raw):
                self.add(chunk, response)
        except zlib.error:
            self._undecodable(response, "the body does not decompress as its Content-Encoding says")

    def _decoder_for(self, response: httpx.Response) -> Decoder:
        try:
            return Decoder(response.headers.get("content-encoding"))
        except UnsupportedCoding as error:
            self._undecodable(response, str(error))

    def _undecodable(self, response: httpx.Response, problem: str) -> NoReturn:
        raise ResponseDecodeError(
            f"{self.operation.operation_id} answered {response.status_code}: {problem}",
            status_code=response.status_code,
            headers=response.headers,
            content=b"".join(self.chunks),
        )

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
            raise TransportTimeout(f"{self.operation.operation_id}: the response took longer than total_timeout")

    def finish(self, response: httpx.Response, request: Mapping[str, Any]) -> Received:
        if self._decoder is not None:
            try:
                for chunk in self._decoder.flush():
                    self.add(chunk, response)
            except zlib.error:
                self._undecodable(response, "the body does not decompress as its Content-Encoding says")
        # The URL this package sent, not one a redirect led to: that one is the server's text.
        sent = response.history[0].request.url if response.history else response.request.url
        received = Received(response.status_code, response.headers, b"".join(self.chunks), sent)
        _log_exchange(self.operation, request, received, self.started)
        return received


class _Connections:
    """httpcore's ``trace`` extension for an exchange on a transport of the caller's: it keeps the
    network streams the exchange opens (and the one its answer came on), so that the exchange
    ends when its caller stops waiting, not only the wait: :meth:`end` shuts their sockets down,
    and the worker's blocked read returns at once."""

    __slots__ = ("inner", "streams")

    def __init__(self, inner: Callable[[str, dict[str, Any]], Any] | None) -> None:
        self.inner = inner
        self.streams: list[object] = []

    @classmethod
    def watch(cls, request: httpx.Request) -> _Connections:
        connections = cls(request.extensions.get("trace"))
        request.extensions = {**request.extensions, "trace": connections}
        return connections

    def __call__(self, event: str, info: dict[str, Any]) -> Any:
        if event.endswith((".connect_tcp.complete", ".start_tls.complete", ".connect_unix_socket.complete")):
            self.add(info.get("return_value"))
        return None if self.inner is None else self.inner(event, info)

    def add(self, stream: object) -> None:
        if stream is not None:
            self.streams.append(stream)

    def end(self) -> None:
        for stream in self.streams:
            get_extra_info = getattr(stream, "get_extra_info", None)
            sock = get_extra_info("socket") if get_extra_info is not None else None
            if isinstance(sock, socket.socket):
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


def _authenticated(client: object) -> bool:
    """An ``AuthenticatedClient`` (it has a token), even when its httpx client was replaced."""
    return getattr(client, "token", None) is not None


# Only these request headers are logged, with the operation's identifier headers: never
# Authorization, never another header parameter (an API key may be one), never a body.
_LOGGED_HEADERS = ("content-type", "accept")


def _described(operation: Operation[Any], request: Mapping[str, Any]) -> str:
    headers = {name.lower(): value for name, value in request.get("headers", {}).items()}
    logged = (*_LOGGED_HEADERS, *operation.logged_headers)
    return " ".join(f"{name}={headers[name]}" for name in logged if name in headers)


def _log_exchange(operation: Operation[Any], request: Mapping[str, Any], response: Received, started: float) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "%s %s -> %d %s in %.1f ms (%s)",
            request["method"].upper(),
            response.url.copy_with(query=None, username=None, password=None),  # credentials stay out
            response.status_code,
            said_media_type(response.headers.get("content-type"), operation.response_media_types),
            (time.perf_counter() - started) * 1000,
            _described(operation, request),
        )


@contextmanager
def _transport_errors(
    operation: Operation[Any], request: Mapping[str, Any], started: float, deadline: float | None = None
) -> Iterator[None]:
    """Re-raise httpx's transport failures as this package's.

    httpx's error is kept as the cause only when its words are the system's or httpcore's own
    (timeouts, connection and socket errors): a protocol error quotes the bytes a server sent (a
    status line, a header, a chunk size), an unsupported scheme or a bad ``Location`` a redirect's
    text, and a chained cause is printed with every traceback.
    """
    try:
        yield
    except httpx.RequestError as error:  # transport failures, and bodies that fail to decompress
        logger.debug(
            "%s %s failed after %.1f ms: %s (%s)",
            request["method"].upper(),
            str(request["url"]).partition("?")[0],
            (time.perf_counter() - started) * 1000,
            type(error).__name__,
            _described(operation, request),
        )
        failure = _transport_error(operation, error, late=time.perf_counter() >= (deadline or float("inf")))
        if isinstance(error, _OWN_WORDS):
            raise failure from error
        raise failure from None


# httpx's errors whose messages are the system's or httpcore's words, never a server's bytes.
_OWN_WORDS = (httpx.TimeoutException, httpx.NetworkError)


def _transport_error(operation: Operation[Any], error: httpx.RequestError, *, late: bool = False) -> TransportError:
    if isinstance(error, httpx.TimeoutException) or late:
        return TransportTimeout(f"{operation.operation_id}: timed out ({type(error).__name__})")
    # Other messages may quote what a server sent (a header, a redirect's Location): the failure's name only.
    detail = f": {error}" if isinstance(error, _OWN_WORDS) else ""
    return TransportError(f"{operation.operation_id}: {type(error).__name__}{detail}")
