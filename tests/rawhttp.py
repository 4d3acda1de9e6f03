"""A loopback TCP server whose every connection is handled by a function of the test's.

For what a well-behaved HTTP server never does (echo a credential, drip its headers, overrun its
framing, stack compressions): the test writes the bytes itself, over a real socket.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Handler = Callable[[socket.socket], None]


def read_request(connection: socket.socket) -> bytes:
    """One request's head and its Content-Length body, as bytes ("" if the client went away)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def header(request: bytes, name: str) -> bytes:
    for line in request.partition(b"\r\n\r\n")[0].split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == name.lower().encode():
            return value.strip()
    return b""


class RawServer:
    """Serves ``handler`` on 127.0.0.1 (or ``host``) and counts the connections still open."""

    def __init__(self, handler: Handler, host: str = "127.0.0.1") -> None:
        self.handler = handler
        self.listener = socket.create_server((host, 0))
        self.port = self.listener.getsockname()[1]
        self.base_url = f"http://{host}:{self.port}"
        self.open = 0
        self.accepted = 0
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            with self._lock:
                self.open += 1
                self.accepted += 1
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        try:
            with connection:
                self.handler(connection)
        except OSError:
            pass
        finally:
            with self._lock:
                self.open -= 1

    def close(self) -> None:
        self.listener.close()


@contextmanager
def serving(handler: Handler, host: str = "127.0.0.1") -> Iterator[RawServer]:
    server = RawServer(handler, host)
    try:
        yield server
    finally:
        server.close()
