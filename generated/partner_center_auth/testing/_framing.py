"""How the stand-in server reads a request off a connection: its head metered, its body framed
exactly as RFC 9112 says, and nothing past its limits.

Apart from the server because it is the HTTP/1.1 message rule a client is tested against, and
holds no socket: it reads the connection's reader and the parsed header fields it is given.
A request it will not read further raises :class:`Refused` with the status to answer, after
which the server closes the connection (what is left of it would be read as the next request).
"""

from __future__ import annotations

import http.client
import io
import re
from email.message import Message
from http import HTTPStatus

__all__ = ["MAX_HEAD_BYTES", "MAX_LINE_BYTES", "MAX_REQUEST_BYTES", "Metered", "Refused", "read_body"]

MAX_REQUEST_BYTES = 1024 * 1024
"""The most bytes of a request body (chunked or not); more is 413."""
MAX_HEAD_BYTES = 64 * 1024
"""The most bytes of a request line with its header fields, or of a chunked body's trailer; more is 431."""
MAX_LINE_BYTES = 4096
"""The most bytes of a chunk-size line, extensions included."""


class Refused(Exception):
    """A request the stand-in will not read further: answered with ``status``, then closed."""

    def __init__(self, status: HTTPStatus) -> None:
        super().__init__(status)
        self.status = status


class Metered(io.BufferedIOBase):
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


def read_body(reader: Metered, headers: Message, version: str) -> bytes:
    """The request body, framed as RFC 9112 6.3 says (at most MAX_REQUEST_BYTES); Refused if not."""
    reader.left = None  # the head is read: the body has limits of its own
    lengths = headers.get_all("content-length") or []
    codings = [c.strip(" \t").lower() for v in headers.get_all("transfer-encoding") or [] for c in v.split(",")]
    # A line that is no field (whitespace before the colon, say: RFC 9112 5.1) ends the
    # standard library's header parse early, as a defect: refused, never read as a body.
    if headers.defects or not all(_FIELD_NAME.fullmatch(name) for name in headers):
        raise Refused(HTTPStatus.BAD_REQUEST)
    if version != "HTTP/1.0" and len(headers.get_all("host") or []) != 1:
        raise Refused(HTTPStatus.BAD_REQUEST)  # no Host, or two (RFC 9112 3.2)
    if codings and (lengths or version == "HTTP/1.0"):
        # Framed two ways, or chunked in HTTP/1.0: faulty framing, a smuggling attempt (RFC 9112 6.1)
        raise Refused(HTTPStatus.BAD_REQUEST)
    if codings:
        return _chunked(reader, codings)
    if len(lengths) > 1:  # even equal values: one number or none
        raise Refused(HTTPStatus.BAD_REQUEST)
    return _exactly(reader, _length(lengths[0].strip(" \t").encode()) if lengths else 0)


def _length(value: bytes) -> int:
    if not _DIGITS.fullmatch(value):  # no sign, no space, no list, no other script's digits
        raise Refused(HTTPStatus.BAD_REQUEST)
    if len(value.lstrip(b"0")) > len(str(MAX_REQUEST_BYTES)) or int(value) > MAX_REQUEST_BYTES:
        raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
    return int(value)


def _exactly(reader: Metered, size: int) -> bytes:
    content = reader.read(size)
    if len(content) != size:  # the connection ended first
        raise Refused(HTTPStatus.BAD_REQUEST)
    return content


def _line(reader: Metered, limit: int) -> bytes:
    """One line ended by CRLF, without it: none within ``limit`` bytes, or a control character, is refused."""
    line = reader.readline(limit + 2)
    if not line.endswith(b"\r\n") or _CONTROL.search(line, 0, len(line) - 2):
        raise Refused(HTTPStatus.BAD_REQUEST)
    return line[:-2]


def _chunked(reader: Metered, codings: list[str]) -> bytes:
    """A chunked body (RFC 9112 7.1), read whole so that the connection stays in step."""
    if codings[-1] != "chunked" or codings.count("chunked") > 1:  # no length to be known (RFC 9112 6.3)
        raise Refused(HTTPStatus.BAD_REQUEST)
    if codings != ["chunked"]:
        raise Refused(HTTPStatus.NOT_IMPLEMENTED)
    chunks: list[bytes] = []
    size = 0
    while True:
        digits, semicolon, _ = _line(reader, MAX_LINE_BYTES).partition(b";")
        digits = digits.rstrip(b" \t") if semicolon else digits  # BWS before extensions
        if not _HEX.fullmatch(digits):  # no sign, no 0x, no underscore, no space
            raise Refused(HTTPStatus.BAD_REQUEST)
        digits = digits.lstrip(b"0") or b"0"
        if len(digits) > 8 or size + int(digits, 16) > MAX_REQUEST_BYTES:
            raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        chunk_size = int(digits, 16)
        if chunk_size == 0:
            break
        chunks.append(_exactly(reader, chunk_size))
        size += chunk_size
        if _exactly(reader, 2) != b"\r\n":
            raise Refused(HTTPStatus.BAD_REQUEST)
    trailer = MAX_HEAD_BYTES  # trailer fields (ignored), then the empty line
    while line := _line(reader, trailer):
        trailer -= len(line) + 2
    return b"".join(chunks)
