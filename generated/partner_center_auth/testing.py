"""A stand-in for the Partner Center token service: a real HTTP server on loopback.

    with StandInServer() as server:
        client = AuthenticatedClient(base_url=server.base_url, token="entra-id-token")
        token = generate_access_token.sync(client=client, body=TokenRequest())

It serves every operation of the spec, reads every documented request media type and answers in
the media type the ``Accept`` header negotiates. Like ``httpx.MockTransport``, it ships in the
package so that code built on this client can be tested without Microsoft.

* no ``Authorization: Bearer ...``            → 401 ApiFault (with ``WWW-Authenticate``)
* undocumented ``Content-Type``, bad body     → 400 ApiFault
* an unknown path                             → 404 ApiFault
* :meth:`StandInServer.fail_next`             → the given status (and ``Retry-After``), N times
* :meth:`StandInServer.break_next`            → a broken exchange, N times: the connection dropped
                                                before an answer, reset mid-body, a body shorter
                                                than its Content-Length, a stall after the
                                                headers, or a body dripped a byte at a time
* otherwise                                   → 200 TokenResponse, after ``delay`` seconds

Whatever a client sends, the stand-in holds its limits: a request's line and header fields take
at most :data:`MAX_HEAD_BYTES` (431 past them), its body at most :data:`MAX_REQUEST_BYTES` (413),
and a body whose framing is not exactly RFC 9112's (a Content-Length that is not one number, both
Content-Length and Transfer-Encoding, a coding other than ``chunked``, a chunk size that is not
hexadecimal digits, a missing CRLF, a connection that ends early) is a 400 (501 for a coding it
does not implement), after which the connection is closed. Each connection holds at most the
bytes of one request; :data:`MAX_CONNECTIONS` are served at once.
"""

from __future__ import annotations

import contextlib
import http.client
import importlib
import io
import logging
import pkgutil
import re
import secrets
import socket
import struct
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterator, Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Literal, Self

import attrs
from attrs import frozen

from . import api, media
from ._operation import Operation
from .errors import MediaError
from .models import ApiFault, TokenResponse

__all__ = ["RecordedRequest", "StandInServer"]

MAX_REQUEST_BYTES = 1024 * 1024
"""The most bytes of a request body (chunked or not); more is 413."""
MAX_HEAD_BYTES = 64 * 1024
"""The most bytes of a request line with its header fields, or of a chunked body's trailer; more is 431."""
MAX_LINE_BYTES = 4096
"""The most bytes of a chunk-size line, extensions included."""
LINGER = 2.0
"""Seconds a refused request's connection is drained (and what arrives discarded) before it is
closed: closing with unread bytes would reset the connection and lose the answer."""
MAX_CONNECTIONS = 256
"""Connections served at once; more are closed at once (each has a thread)."""
IDLE_TIMEOUT = 30.0
"""Seconds a kept-alive connection may sit idle (or a request take to arrive) before it is closed."""

logger = logging.getLogger(__name__)  # `serve -v` shows one line per request


Breakage = Literal["drop", "reset-mid-body", "short-body", "stall-after-headers", "slow-drip"]
"""How :meth:`StandInServer.break_next` breaks an exchange."""


@frozen
class _Failure:
    status: int | None = None
    retry_after: float | None = None
    breakage: Breakage | None = None


@frozen
class _Answer:
    status: int
    body: TokenResponse | ApiFault
    headers: Mapping[str, str] = {}
    breakage: Breakage | None = None


@frozen
class RecordedRequest:
    """A request exactly as the stand-in received it (header names lower-cased)."""

    method: str
    path: str
    headers: Mapping[str, str] = attrs.field(repr=False)  # Authorization is among them
    body: bytes = attrs.field(repr=False)


def _operations() -> Iterator[Operation[Any]]:
    """Every operation the generated package declares, found the way the generator laid them out."""
    for module_info in pkgutil.walk_packages(api.__path__, f"{api.__name__}."):
        operation = getattr(importlib.import_module(module_info.name), "OPERATION", None)
        if isinstance(operation, Operation):
            yield operation


class StandInServer:
    """A Partner Center token service on ``127.0.0.1`` and an ephemeral port.

    Args:
        expires_in: the ``expires_in`` it issues tokens with; a string is sent as a string.
        delay: seconds to wait before answering each call (settable at any time).
        host: the loopback address to listen on.
        port: 0 for an ephemeral port.
        max_recorded: how many of the latest requests :attr:`requests` keeps (bodies up to 1 MiB
            each), so that a long run does not keep every body for ever.
        idle_timeout: seconds a connection may sit idle before the stand-in closes it.
    """

    def __init__(
        self,
        *,
        expires_in: int | str = 3600,
        delay: float = 0.0,
        host: str = "127.0.0.1",
        port: int = 0,
        max_recorded: int = 100,
        idle_timeout: float = IDLE_TIMEOUT,
    ) -> None:
        self.expires_in = expires_in
        self.delay = delay
        self.drip_interval = 0.05
        self.idle_timeout = idle_timeout
        self._stopping = threading.Event()
        self.requests: deque[RecordedRequest] = deque(maxlen=max_recorded)
        self.issued_tokens: list[str] = []
        self._failures: deque[_Failure] = deque()
        self._lock = threading.Lock()
        self._operations = {(operation.method.upper(), operation.path): operation for operation in _operations()}
        self._response_media_types = tuple(
            dict.fromkeys(media_type for op in self._operations.values() for media_type in op.response_media_types)
        )
        self._httpd = _HTTPServer((host, port), _Handler, self)
        self._thread: threading.Thread | None = None

    @property
    def host(self) -> str:
        """The address listened on (a name given is resolved)."""
        return str(self._httpd.server_address[0])

    @property
    def base_url(self) -> str:
        host, port = self.host, self._httpd.server_address[1]
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    @property
    def call_count(self) -> int:
        """How many requests the stand-in has received."""
        with self._lock:
            return len(self.requests)

    def fail_next(self, status: int, times: int = 1, *, retry_after: float | None = None) -> None:
        """Answer the next ``times`` well-formed calls with ``status``, an ApiFault and ``Retry-After``."""
        with self._lock:
            self._failures.extend([_Failure(status, retry_after)] * times)

    def drop_next(self, times: int = 1) -> None:
        """Close the connection of the next ``times`` well-formed calls without answering."""
        self.break_next("drop", times)

    def break_next(self, breakage: Breakage, times: int = 1) -> None:
        """Break the exchange of the next ``times`` well-formed calls (after a 200's headers, but "drop").

        "stall-after-headers" holds the body back until the server stops; "slow-drip" sends it
        one byte every ``drip_interval`` seconds.
        """
        with self._lock:
            self._failures.extend([_Failure(breakage=breakage)] * times)

    def start(self) -> Self:
        # A short poll interval makes stop() prompt; the server sleeps in select() meanwhile.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="stand-in-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # releases stalled answers
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"StandInServer(base_url={self.base_url!r})"

    # The service itself -------------------------------------------------------------------

    def answer(self, request: RecordedRequest) -> _Answer:
        """Decide the answer to a request (called on the server's threads)."""
        with self._lock:
            self.requests.append(request)
        if self.delay:
            time.sleep(self.delay)
        operation = self._operations.get((request.method, request.path.partition("?")[0]))
        if operation is None:
            return _fault(HTTPStatus.NOT_FOUND, f"no operation {request.method} {request.path}")
        scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not credentials.strip():
            return _fault(HTTPStatus.UNAUTHORIZED, "a Bearer token is required")
        content_type = request.headers.get("content-type", "")
        try:
            essence = media.MediaType.parse(content_type).essence
        except MediaError:
            essence = None
        if essence not in operation.request_media_types:
            return _fault(HTTPStatus.BAD_REQUEST, f"unsupported Content-Type {content_type!r}")
        try:
            if operation.request_model is not None:
                media.deserialize(operation.request_model, request.body, content_type)
        except MediaError as error:
            return _fault(HTTPStatus.BAD_REQUEST, f"invalid request body: {error}")
        with self._lock:
            failure = self._failures.popleft() if self._failures else None
        if failure is not None and failure.status is not None:
            fault = _fault(failure.status, f"the stand-in was told to answer {failure.status}")
            if failure.retry_after is None:
                return fault
            return attrs.evolve(fault, headers={"Retry-After": f"{failure.retry_after:g}"})
        token = f"stand-in-{secrets.token_urlsafe(24)}"
        with self._lock:
            self.issued_tokens.append(token)
        issued = TokenResponse(access_token=token, token_type="bearer", expires_in=self.expires_in)
        return _Answer(HTTPStatus.OK, issued, breakage=failure.breakage if failure else None)

    def negotiate(self, request: RecordedRequest) -> str:
        """The documented response media type the ``Accept`` header prefers (JSON if none fits)."""
        operation = self._operations.get((request.method, request.path.partition("?")[0]))
        documented = operation.response_media_types if operation else self._response_media_types
        return negotiate(request.headers.get("accept", "*/*"), documented)


def negotiate(accept: str, available: tuple[str, ...]) -> str:
    """Pick from ``available`` by an ``Accept`` header (RFC 9110 12.5.1): quality, then specificity."""
    best: tuple[float, int, int] | None = None
    choice = available[0]
    for position, option in enumerate(available):
        for weight, specificity in _accepting(accept, option):
            rank = (weight, specificity, -position)
            if weight > 0 and (best is None or rank > best):
                best, choice = rank, option
    return choice


def _accepting(accept: str, option: str) -> Iterator[tuple[float, int]]:
    kind = option.partition("/")[0]
    for range_ in accept.split(","):
        name, *parameters = (part.strip() for part in range_.split(";"))
        weight = 1.0
        for parameter in parameters:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        wanted_kind, _, wanted_subtype = name.lower().partition("/")
        if name.lower() == option:
            yield weight, 2
        elif wanted_kind == kind and wanted_subtype == "*":
            yield weight, 1
        elif wanted_kind == "*" and wanted_subtype == "*":
            yield weight, 0


def _fault(status: int, description: str) -> _Answer:
    """An ApiFault answer; any status (599 too), standard or not."""
    return _Answer(status, ApiFault(code=int(status) * 10, description=description, data=[], source="StandInServer"))


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type[_Handler], stand_in: StandInServer) -> None:
        self.stand_in = stand_in
        self._connections = threading.BoundedSemaphore(MAX_CONNECTIONS)
        # The family of the address the host names (IPv6 too); socket.gaierror if it names none.
        # "" is every interface, as bind() takes it.
        host, port = address
        family, _, _, _, sockaddr = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        self.address_family = family
        super().__init__((str(sockaddr[0]), int(sockaddr[1])), handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        # One thread per connection, but never more than MAX_CONNECTIONS of them.
        if not self._connections.acquire(blocking=False):
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._connections.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up mid-exchange is ordinary for a test server: no traceback on stderr.
        logger.debug("connection from %s ended abruptly", client_address[0] if client_address else "?")


class _Refused(Exception):
    """A request the stand-in will not read further: answered with ``status``, then closed."""

    def __init__(self, status: HTTPStatus) -> None:
        super().__init__(status)
        self.status = status


class _Metered(io.BufferedIOBase):
    """A connection's reader that counts the bytes of a request's head (its line and header
    fields, read by ``http.server``): past :data:`MAX_HEAD_BYTES` it raises ``LineTooLong``,
    which ``http.server`` answers with 431. ``left`` is None while a body is read."""

    def __init__(self, raw: io.BufferedIOBase) -> None:
        self._raw = raw
        self.left: int | None = None

    def readline(self, size: int | None = -1, /) -> bytes:
        if self.left is None:
            return self._raw.readline(size)
        wanted = self.left + 1 if size is None or size < 0 else min(size, self.left + 1)
        line = self._raw.readline(wanted)
        self.left -= len(line)
        if self.left < 0:
            raise http.client.LineTooLong("request head")
        return line

    def read(self, size: int | None = -1, /) -> bytes:
        return self._raw.read(size)

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._raw.close()


_DIGITS = re.compile(rb"[0-9]+")
_HEX = re.compile(rb"[0-9A-Fa-f]+")
_CONTROL = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")  # in a line: anything but a tab


_FIELD_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # a token, nothing around it (RFC 9110 5.1)


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"

    rfile: _Metered

    def setup(self) -> None:
        super().setup()
        # An idle kept-alive connection does not hold its thread for ever.
        self.connection.settimeout(self.server.stand_in.idle_timeout)
        self.rfile = _Metered(self.rfile)

    def handle_one_request(self) -> None:
        self.rfile.left = MAX_HEAD_BYTES + 1  # the request line may take http.server's 65536 (414 past it)
        super().handle_one_request()

    # Headers and body go out in separate writes: with Nagle's algorithm on, the body would wait
    # for the client's delayed ACK (40 ms) on a kept-alive connection.
    disable_nagle_algorithm = True

    def do_POST(self) -> None:
        self._serve("POST")

    def do_GET(self) -> None:
        self._serve("GET")

    def do_PUT(self) -> None:
        self._serve("PUT")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def _serve(self, method: Literal["POST", "GET", "PUT", "DELETE"]) -> None:
        body = self._body()
        if body is None:
            return
        request = RecordedRequest(
            method=method,
            path=self.path,
            headers={name.lower(): value for name, value in self.headers.items()},
            body=body,
        )
        stand_in = self.server.stand_in
        answer = stand_in.answer(request)
        if answer.breakage == "drop":
            self._abort()
            return
        media_type = stand_in.negotiate(request)
        body = media.serialize(answer.body, media_type)
        logger.debug(
            "%s %s -> %d %s (%d bytes, ms-correlationid=%s)",
            method,
            request.path,
            answer.status,
            media_type,
            len(body),
            request.headers.get("ms-correlationid", "-"),
        )
        self.send_response(answer.status)
        self.send_header("Content-Type", f"{media_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("MS-CorrelationId", request.headers.get("ms-correlationid") or str(uuid.uuid4()))
        self.send_header("MS-RequestId", request.headers.get("ms-requestid") or str(uuid.uuid4()))
        self.send_header("MS-CV", secrets.token_hex(8))
        self.send_header("MS-ServerId", "stand-in")
        if answer.status == HTTPStatus.UNAUTHORIZED:
            self.send_header("WWW-Authenticate", 'OAuth realm="https://api.partnercenter.microsoft.com"')
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self._write(body, answer.breakage)

    def _body(self) -> bytes | None:
        """The request body, framed as RFC 9112 6.3 says (at most MAX_REQUEST_BYTES); None: refused."""
        self.rfile.left = None  # the head is read: the body has limits of its own
        lengths = self.headers.get_all("content-length") or []
        codings = [
            c.strip(" \t").lower() for v in self.headers.get_all("transfer-encoding") or [] for c in v.split(",")
        ]
        try:
            # A line that is no field (whitespace before the colon, say: RFC 9112 5.1) ends the
            # standard library's header parse early, as a defect: refused, never read as a body.
            if self.headers.defects or not all(_FIELD_NAME.fullmatch(name) for name in self.headers):
                raise _Refused(HTTPStatus.BAD_REQUEST)
            if self.request_version != "HTTP/1.0" and len(self.headers.get_all("host") or []) != 1:
                raise _Refused(HTTPStatus.BAD_REQUEST)  # no Host, or two (RFC 9112 3.2)
            if codings and (lengths or self.request_version == "HTTP/1.0"):
                # Framed two ways, or chunked in HTTP/1.0: faulty framing, a smuggling attempt (RFC 9112 6.1)
                raise _Refused(HTTPStatus.BAD_REQUEST)
            if codings:
                return self._chunked(codings)
            if len(lengths) > 1:  # even equal values: one number or none
                raise _Refused(HTTPStatus.BAD_REQUEST)
            return self._exactly(self._length(lengths[0].strip(" \t").encode()) if lengths else 0)
        except _Refused as refused:
            self._refuse(refused.status)
            return None

    @staticmethod
    def _length(value: bytes) -> int:
        if not _DIGITS.fullmatch(value):  # no sign, no space, no list, no other script's digits
            raise _Refused(HTTPStatus.BAD_REQUEST)
        if len(value.lstrip(b"0")) > len(str(MAX_REQUEST_BYTES)) or int(value) > MAX_REQUEST_BYTES:
            raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        return int(value)

    def _exactly(self, size: int) -> bytes:
        content = self.rfile.read(size)
        if len(content) != size:  # the connection ended first
            raise _Refused(HTTPStatus.BAD_REQUEST)
        return content

    def _line(self, limit: int) -> bytes:
        """One line ended by CRLF, without it: none within ``limit`` bytes, or a control character, is refused."""
        line = self.rfile.readline(limit + 2)
        if not line.endswith(b"\r\n") or _CONTROL.search(line, 0, len(line) - 2):
            raise _Refused(HTTPStatus.BAD_REQUEST)
        return line[:-2]

    def _chunked(self, codings: list[str]) -> bytes:
        """A chunked body (RFC 9112 7.1), read whole so that the connection stays in step."""
        if codings[-1] != "chunked" or codings.count("chunked") > 1:  # no length to be known (RFC 9112 6.3)
            raise _Refused(HTTPStatus.BAD_REQUEST)
        if codings != ["chunked"]:
            raise _Refused(HTTPStatus.NOT_IMPLEMENTED)
        chunks: list[bytes] = []
        size = 0
        while True:
            digits, semicolon, _ = self._line(MAX_LINE_BYTES).partition(b";")
            digits = digits.rstrip(b" \t") if semicolon else digits  # BWS before extensions
            if not _HEX.fullmatch(digits):  # no sign, no 0x, no underscore, no space
                raise _Refused(HTTPStatus.BAD_REQUEST)
            digits = digits.lstrip(b"0") or b"0"
            if len(digits) > 8 or size + int(digits, 16) > MAX_REQUEST_BYTES:
                raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
            chunk_size = int(digits, 16)
            if chunk_size == 0:
                break
            chunks.append(self._exactly(chunk_size))
            size += chunk_size
            if self._exactly(2) != b"\r\n":
                raise _Refused(HTTPStatus.BAD_REQUEST)
        trailer = MAX_HEAD_BYTES  # trailer fields (ignored), then the empty line
        while line := self._line(trailer):
            trailer -= len(line) + 2
        return b"".join(chunks)

    def _refuse(self, status: HTTPStatus) -> None:
        self.close_connection = True  # what is left of the body would be read as the next request
        self.send_error(status)
        # Drain what the client still sends, discarded, for LINGER seconds at most: a close with
        # unread bytes would reset the connection, and the client could lose the answer.
        with contextlib.suppress(OSError):
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_WR)
            deadline = time.monotonic() + LINGER
            while (left := deadline - time.monotonic()) > 0:
                self.connection.settimeout(left)
                if not self.connection.recv(65536):
                    break

    def _write(self, body: bytes, breakage: Breakage | None) -> None:
        stand_in = self.server.stand_in
        if breakage == "reset-mid-body":
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self._abort()
        elif breakage == "short-body":
            self.wfile.write(body[:-5])  # Content-Length promised 5 more bytes
            self.wfile.flush()
            self.close_connection = True
        elif breakage == "stall-after-headers":
            self.wfile.flush()
            stand_in._stopping.wait(timeout=120)
            self.close_connection = True
        elif breakage == "slow-drip":
            for index in range(len(body)):
                self.wfile.write(body[index : index + 1])
                self.wfile.flush()
                if stand_in._stopping.wait(timeout=stand_in.drip_interval):
                    break
        else:
            self.wfile.write(body)

    def _abort(self) -> None:
        """Close with a TCP reset (SO_LINGER 0), as a crashed peer or a middlebox would."""
        self.close_connection = True
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: tests and demos print what matters themselves
