"""The exchange: an operation's request sent, and its answer read within the client's limits.

httpx bounds each read, not an exchange: a server dripping its headers a byte at a time would hold
the caller for ever. Here the whole exchange, headers included, ends by its deadline (the client's
``total_timeout``, or the caller's deadline if nearer: see ``_deadline.py``), and its body, decoded
a bounded piece at a time, stops at ``max_response_size``:

- sync, on a client this package built: its transport cuts every wait to the deadline, in the
  caller's thread (``_transport.py``);
- sync, on httpx's own transport of the caller's (``httpx_args={"transport": httpx.HTTPTransport(...)}``,
  ``cert``, ``http2``...): the exchange runs in the caller's thread too, watched (``_watchdog.py``):
  at the deadline the sockets it opened are shut down, which ends it (:class:`_Connections`), and
  the call raises :class:`TransportTimeout`;
- sync, on any other transport or client of the caller's (a wrapper may send a request of its own
  making, whose sockets no trace shows): the exchange runs on a worker thread (``_workers.py``)
  that the caller waits for until the deadline at most;
- async (asyncio or trio): the deadline cancels the exchange itself.

Sync and async differ only there, at the I/O edge: what is decided before any I/O
(:func:`_prepared`) and what becomes of each piece of the body (:class:`_BoundedBody`) are one.
"""

from __future__ import annotations

import socket
import time
import zlib
from collections.abc import Callable, Mapping
from contextlib import suppress
from functools import partial
from typing import Any, NoReturn, Protocol, TypeVar

import httpx
from attrs import field, frozen

from . import _watchdog, _workers
from ._deadline import EXCHANGE_DEADLINE, DeadlineTimeouts, cut, exchange_deadline, until
from ._decoding import Decoder, UnsupportedCoding
from ._errors import (
    ClientClosed,
    InvalidArgument,
    InvalidCredentials,
    ResponseDecodeError,
    ResponseError,
    ResponseIncomplete,
    ResponseTooLarge,
    TransportTimeout,
)
from ._exchange_errors import as_package_errors
from ._exchange_log import Described, log_answer, log_failure
from ._security import checked_headers, refuse_insecure_bearer

__all__ = ["AsyncSendingClient", "Received", "SendingClient", "send", "send_async"]

_Failed = TypeVar("_Failed", bound=ResponseError)

_CUT_SHORT = (httpx.RemoteProtocolError, httpx.ReadError)
"""How httpx says the connection ended within the body (its headers came): see :meth:`_BoundedBody.cut_short`."""

_GRACE = 0.05
"""Seconds past the deadline the exchange as a whole is given: the waits inside it (a socket's, a
credential source's), cut to the same deadline, end first and say which wait it was."""


class SendingClient(Protocol):
    """What :func:`send` needs of the generated ``Client`` / ``AuthenticatedClient``."""

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
class Received:
    """An answer read within the client's limits: what parsing and the caller's ``Response`` need."""

    status_code: int
    headers: httpx.Headers = field(repr=False)  # headers and body may hold tokens: out of reprs
    content: bytes = field(repr=False)
    url: httpx.URL = field(repr=False)


def send(
    operation: Described, client: SendingClient, request: Mapping[str, Any], max_response_size: int | None = None
) -> Received:
    """Send ``request`` (built by ``operation``) and read its answer within ``client``'s limits
    (``max_response_size``, when given, instead of the client's)."""
    http = client.get_httpx_client()
    outgoing, body = _prepared(operation, client, http, request, max_response_size)
    if body.deadline is None:
        return _exchange(http, outgoing, body, request)
    from . import _transport  # (imports httpcore: loaded with the first call, not at start-up)

    if _transport.bounds_exchanges(http):  # its transport cuts every wait to the deadline
        with until(EXCHANGE_DEADLINE, body.deadline):
            return _exchange(http, outgoing, body, request)
    # A connection kept alive from an earlier exchange could not be reached before its answer's
    # headers: each exchange asks for a connection of its own, which the watch sees opened.
    outgoing.headers["Connection"] = "close"
    connections = _Connections.watch(outgoing)
    if not _transport.watchable(http):
        # A transport of unknown kind may open sockets no trace shows: the exchange runs on a worker
        # thread, and the caller stops waiting for it at the deadline (its sockets shut down if seen).
        task = _workers.Task(partial(_exchange, http, outgoing, body, request, connections))
        if not _workers.run(task, cut(None, body.deadline) + _GRACE):
            connections.end()
            raise _late(operation)
        return task.outcome()
    with _watchdog.watch(body.deadline + _GRACE, connections.end) as watched:
        try:
            return _exchange(http, outgoing, body, request, connections)
        except Exception:
            if not watched.fired:
                raise
    # Its sockets were shut down at the deadline: whatever httpx made of that, the call was late.
    raise _late(operation)


def _exchange(
    http: httpx.Client,
    outgoing: httpx.Request,
    body: _BoundedBody,
    request: Mapping[str, Any],
    connections: _Connections | None = None,
) -> Received:
    with as_package_errors(body.operation, request, body.started, body.deadline):
        response = http.send(outgoing, stream=True)
        try:
            if connections is not None:
                connections.add(response.extensions.get("network_stream"))
            if response.is_stream_consumed:  # read by a transport or hook of the caller's: httpx decoded it
                body.add(response.content, response)
            else:
                try:
                    for raw in response.iter_raw():
                        body.receive(raw, response)
                except _CUT_SHORT as error:
                    body.cut_short(response, error, request)
        finally:
            response.close()
    return body.finish(response, request)


async def send_async(
    operation: Described, client: AsyncSendingClient, request: Mapping[str, Any], max_response_size: int | None = None
) -> Received:
    """:func:`send` for ``asyncio`` (and trio): the deadline cancels the exchange itself."""
    http = client.get_async_httpx_client()
    outgoing, body = _prepared(operation, client, http, request, max_response_size)
    import anyio  # httpx's own dependency; imported here so that sync users never pay for it

    limit = cut(None, body.deadline)
    try:
        with (
            anyio.fail_after(None if limit is None else limit + _GRACE),
            as_package_errors(operation, request, body.started, body.deadline),
        ):
            response = await http.send(outgoing, stream=True)
            try:
                if response.is_stream_consumed:  # read by a transport or hook of the caller's
                    body.add(response.content, response)
                else:
                    try:
                        async for raw in response.aiter_raw():
                            body.receive(raw, response)
                    except _CUT_SHORT as error:
                        body.cut_short(response, error, request)
            finally:
                await response.aclose()
    except TimeoutError:
        raise _late(operation) from None
    return body.finish(response, request)


def _late(operation: Described) -> TransportTimeout:
    return TransportTimeout(f"{operation.operation_id}: no complete answer within the deadline")


def _prepared(
    operation: Described,
    client: SendingClient | AsyncSendingClient,
    http: httpx.Client | httpx.AsyncClient,
    request: Mapping[str, Any],
    max_response_size: int | None,
) -> tuple[httpx.Request, _BoundedBody]:
    """What sync and async sending decide before any I/O: the transport checks and the limits.

    The deadline bounds the whole exchange, headers included: every wait of httpcore starts cut to
    what is left of it (see :class:`DeadlineTimeouts`).
    """
    if http.is_closed:  # httpx would raise a bare RuntimeError
        raise ClientClosed(f"{operation.operation_id}: the client was closed (its with block ended); make a new one")
    body = _BoundedBody(operation, client, _size_limit(client.max_response_size, max_response_size))
    extensions = {} if body.deadline is None else {"timeout": DeadlineTimeouts(http.timeout.as_dict(), body.deadline)}
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


def _size_limit(client_limit: int, call_limit: int | None) -> int:
    """The call's limit, else the client's; refused before any I/O when it is no size."""
    if call_limit is None:
        return client_limit
    if isinstance(call_limit, bool) or not isinstance(call_limit, int) or call_limit < 1:
        raise InvalidArgument(f"max_response_size is a number of bytes above 0, not {call_limit!r}")
    return call_limit


def _authenticated(client: object) -> bool:
    """An ``AuthenticatedClient`` (it has a token), even when its httpx client was replaced."""
    return getattr(client, "token", None) is not None


class _BoundedBody:
    """Collects a streamed body, refusing to pass the size limit or the exchange's deadline.

    The raw bytes are decoded here (``Content-Encoding``), a bounded piece at a time (see
    ``_decoding.py``): the limit holds for the decoded size, and memory stays within it plus a
    piece per coding, however the codings are stacked.
    """

    def __init__(self, operation: Described, client: SendingClient | AsyncSendingClient, limit: int) -> None:
        self.operation = operation
        self.limit = limit
        self.started = time.perf_counter()
        self.deadline = exchange_deadline(self.started, client.total_timeout)
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
        raise self._failed(ResponseDecodeError, response, f": {problem}")

    def add(self, chunk: bytes, response: httpx.Response) -> None:
        """Take a decoded chunk of ``response``'s body."""
        if self.size + len(chunk) > self.limit:
            self.chunks.append(chunk[: self.limit - self.size])
            raise self._failed(
                ResponseTooLarge, response, f" with a body larger than max_response_size ({self.limit} bytes)"
            )
        self.chunks.append(chunk)
        self.size += len(chunk)
        if self.deadline is not None and time.perf_counter() > self.deadline:
            raise self._past_deadline()

    def cut_short(self, response: httpx.Response, error: httpx.TransportError, request: Mapping[str, Any]) -> NoReturn:
        """The connection ended before the body did: the status and what came are kept (unless the
        deadline had passed, which ended it: a timeout, whatever httpx called it)."""
        log_failure(self.operation, request, error, self.started)
        # Raised from None: httpx's message may quote what the server sent (a token it echoed).
        if self.deadline is not None and time.perf_counter() >= self.deadline:
            raise self._past_deadline() from None
        ended = f", and the connection ended after {self.size} bytes of its body ({type(error).__name__})"
        raise self._failed(ResponseIncomplete, response, ended) from None

    def _failed(self, kind: type[_Failed], response: httpx.Response, what: str) -> _Failed:
        """A ``kind`` of error about ``response`` (``what`` it did), with its status, headers and the body so far."""
        return kind(
            f"{self.operation.operation_id} answered {response.status_code}{what}",
            status_code=response.status_code,
            headers=response.headers,
            content=b"".join(self.chunks),
        )

    def _past_deadline(self) -> TransportTimeout:
        return TransportTimeout(f"{self.operation.operation_id}: the response took longer than total_timeout")

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
        log_answer(self.operation, request, received.status_code, received.headers, received.url, self.started)
        return received


class _Connections:
    """httpcore's ``trace`` extension for an exchange on a transport of the caller's: it keeps the
    network streams the exchange opens (and the one its answer came on), so that the exchange
    ends at its deadline: :meth:`end` (called by the watchdog's thread) shuts their sockets down,
    and the caller's blocked read returns at once."""

    __slots__ = ("ended", "inner", "streams")

    def __init__(self, inner: Callable[[str, dict[str, Any]], Any] | None) -> None:
        self.inner = inner
        self.streams: list[object] = []
        self.ended = False

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
            if self.ended:  # opened as the deadline passed: it ends too
                _shut_down(stream)

    def end(self) -> None:
        self.ended = True
        for stream in list(self.streams):
            _shut_down(stream)


def _shut_down(stream: object) -> None:
    get_extra_info = getattr(stream, "get_extra_info", None)
    sock = get_extra_info("socket") if get_extra_info is not None else None
    if isinstance(sock, socket.socket):
        with suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
