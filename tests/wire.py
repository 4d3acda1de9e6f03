"""A loopback HTTP server that records each request exactly and answers with scripted bytes.

The generated clients of the spec corpus are called against it: a test scripts the answer (status,
Content-Type, body bytes written by hand in the media type), makes the call, and checks the
request as it arrived on the wire, parsed with the standard library (``json``, ``xml.etree``,
``urllib.parse``, ``email`` for multipart), never with the package's own codecs.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import threading
import xml.etree.ElementTree as ElementTree
from collections import deque
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from attrs import field, frozen


@frozen
class Seen:
    """One request as the server received it (header names lower-cased)."""

    method: str
    target: str
    headers: Mapping[str, str] = field(repr=False)
    body: bytes = field(repr=False)

    @property
    def path(self) -> str:
        return urlsplit(self.target).path

    @property
    def query(self) -> str:
        return urlsplit(self.target).query

    def json(self) -> Any:
        return json.loads(self.body)

    def form(self) -> dict[str, list[str]]:
        return parse_qs(self.body.decode("ascii"), keep_blank_values=True, strict_parsing=True)

    def xml(self) -> str:
        """The body as canonical XML (C14N 2.0): compare with :func:`canonical`."""
        return canonical(self.body)

    def multipart(self) -> dict[str, tuple[str | None, bytes]]:
        """Each part of a multipart/form-data body: its file name and bytes, by field name."""
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + self.headers["content-type"].encode() + b"\r\n\r\n" + self.body
        )
        parts = {}
        for part in message.iter_parts():
            payload = part.get_payload(decode=True)
            parts[str(part.get_param("name", header="content-disposition"))] = (
                part.get_filename(),
                payload if isinstance(payload, bytes) else b"",
            )
        return parts


def canonical(document: bytes | str) -> str:
    """XML in canonical form, so that equal infosets compare equal whatever the quoting or declaration."""
    text = document.decode() if isinstance(document, bytes) else document
    return ElementTree.canonicalize(text.split("?>", 1)[1] if text.startswith("<?xml") else text, strip_text=True)


@frozen
class Answer:
    status: int
    content_type: str | None = None
    body: bytes = b""
    headers: Mapping[str, str] = {}


class WireServer:
    """Records requests and answers each with the next scripted :class:`Answer` (else 500)."""

    def __init__(self) -> None:
        self.seen: list[Seen] = []
        self._answers: deque[Answer] = deque()
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.wire = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def answer(self, status: int, content_type: str | None = None, body: bytes | str = b"", **headers: str) -> None:
        """Script the next answer."""
        with self._lock:
            self._answers.append(
                Answer(status, content_type, body.encode() if isinstance(body, str) else body, headers)
            )

    def unscript(self) -> None:
        """Forget the answers not taken (a call that failed before sending leaves its own)."""
        with self._lock:
            self._answers.clear()

    @property
    def last(self) -> Seen:
        return self.seen[-1]

    def take(self, request: Seen) -> Answer:
        with self._lock:
            self.seen.append(request)
            return self._answers.popleft() if self._answers else Answer(500, "text/plain", b"nothing scripted")

    def __enter__(self) -> WireServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _serve(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        request = Seen(
            method=self.command,
            target=self.path,
            headers={name.lower(): value for name, value in self.headers.items()},
            body=self.rfile.read(length),
        )
        answer: Answer = self.server.wire.take(request)  # type: ignore[attr-defined]
        self.send_response(answer.status)
        if answer.content_type is not None:
            self.send_header("Content-Type", answer.content_type)
        for name, value in answer.headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_TRACE = _serve

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serving() -> Iterator[WireServer]:
    with WireServer() as server:
        yield server
