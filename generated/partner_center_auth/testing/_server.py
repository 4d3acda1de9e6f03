"""The stand-in server: a :class:`StandInService` on a real socket, and the faults only a socket has.

    with StandInServer() as server:
        client = AuthenticatedClient(base_url=server.base_url, token="entra-id-token")
        token = generate_access_token.sync(client=client, body=TokenRequest())

What it answers is the service's (``_service.py``); how it reads a request is ``_framing.py``'s.
This module holds the sockets: a thread per connection (at most :data:`MAX_CONNECTIONS`), idle
connections closed, a refused request's connection drained before it is closed, and the broken
exchanges of :meth:`StandInServer.break_next`: the connection dropped before an answer, reset
mid-body, a body shorter than its Content-Length, a stall after the headers, or a body dripped
a byte at a time.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import struct
import threading
import time
from collections import deque
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Literal, Self

from ._framing import MAX_HEAD_BYTES, Metered, Refused, read_body
from ._script import Breakage, Scripted
from ._service import RecordedRequest, StandInService

__all__ = ["IDLE_TIMEOUT", "LINGER", "MAX_CONNECTIONS", "StandInServer"]

LINGER = 2.0
"""Seconds a refused request's connection is drained (and what arrives discarded) before it is
closed: closing with unread bytes would reset the connection and lose the answer."""
MAX_CONNECTIONS = 256
"""Connections served at once; more are closed at once (each has a thread)."""
IDLE_TIMEOUT = 30.0
"""Seconds a kept-alive connection may sit idle (or a request take to arrive) before it is closed."""

logger = logging.getLogger(__package__)  # `serve -v` shows one line per request


class StandInServer:
    """A Partner Center token service on ``127.0.0.1`` and an ephemeral port.

    It answers as :class:`StandInService` does (its :attr:`service`), and besides:

    * :meth:`break_next`                          → a broken exchange, N times: the connection dropped
                                                    before an answer, reset mid-body, a body shorter
                                                    than its Content-Length, a stall after the
                                                    headers, or a body dripped a byte at a time

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
        self.service = StandInService(expires_in=expires_in, delay=delay, max_recorded=max_recorded)
        self.drip_interval = 0.05
        self.idle_timeout = idle_timeout
        self._stopping = threading.Event()
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

    # What the service holds, read and set here as before the two were apart.

    @property
    def expires_in(self) -> int | str:
        return self.service.expires_in

    @expires_in.setter
    def expires_in(self, value: int | str) -> None:
        self.service.expires_in = value

    @property
    def delay(self) -> float:
        return self.service.delay

    @delay.setter
    def delay(self, value: float) -> None:
        self.service.delay = value

    @property
    def requests(self) -> deque[RecordedRequest]:
        """The latest requests received (see ``max_recorded``)."""
        return self.service.requests

    @property
    def issued_tokens(self) -> list[str]:
        """Every access token issued, in order."""
        return self.service.issued_tokens

    @property
    def call_count(self) -> int:
        """How many requests the stand-in has received."""
        return self.service.call_count

    def fail_next(self, status: int, times: int = 1, *, retry_after: float | None = None) -> None:
        """Answer the next ``times`` well-formed calls with ``status``, an ApiFault and ``Retry-After``."""
        self.service.fail_next(status, times, retry_after=retry_after)

    def drop_next(self, times: int = 1) -> None:
        """Close the connection of the next ``times`` well-formed calls without answering."""
        self.break_next("drop", times)

    def break_next(self, breakage: Breakage, times: int = 1) -> None:
        """Break the exchange of the next ``times`` well-formed calls (after a 200's headers, but "drop").

        "stall-after-headers" holds the body back until the server stops; "slow-drip" sends it
        one byte every ``drip_interval`` seconds.
        """
        self.service.script_next(Scripted(breakage=breakage), times)

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


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"

    rfile: Metered

    def setup(self) -> None:
        super().setup()
        # An idle kept-alive connection does not hold its thread for ever.
        self.connection.settimeout(self.server.stand_in.idle_timeout)
        self.rfile = Metered(self.rfile)

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
        try:
            body = read_body(self.rfile, self.headers, self.request_version)
        except Refused as refused:
            self._refuse(refused.status)
            return
        request = RecordedRequest(
            method=method,
            path=self.path,
            headers={name.lower(): value for name, value in self.headers.items()},
            body=body,
        )
        answer = self.server.stand_in.service.respond(request)
        if answer.breakage == "drop":
            self._abort()
            return
        logger.debug(
            "%s %s -> %d %s (%d bytes, ms-correlationid=%s)",
            method,
            request.path,
            answer.status,
            answer.media_type,
            len(answer.content),
            request.headers.get("ms-correlationid", "-"),
        )
        self.send_response(answer.status)
        self.send_header("Content-Length", str(len(answer.content)))
        for name, value in answer.headers:
            self.send_header(name, value)
        self.end_headers()
        self._write(answer.content, answer.breakage)

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
