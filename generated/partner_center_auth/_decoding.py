"""Content codings (``Content-Encoding``) undone a bounded piece at a time.

httpx inflates each network chunk whole before the caller sees a byte: 822 bytes of
``gzip, gzip`` become 400 MiB in one call, long before any size check. Here every layer yields
at most :data:`PIECE` bytes per step (zlib's ``max_length``), so the reader can stop at its
limit having held no more than a piece per layer, whatever the stack of codings.
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Iterable, Iterator

__all__ = ["Decoder", "UnsupportedCoding"]

PIECE = 64 * 1024
"""The most bytes one layer hands on at a time."""

MAX_CODINGS = 8
"""The most codings undone: real servers stack one or two; each is a generator and a zlib stream."""


class UnsupportedCoding(ValueError):
    """A content coding this package does not undo (it asks only for gzip and deflate)."""


class _Inflate:
    """One gzip or deflate layer (deflate with or without its zlib wrapper, as httpx reads it)."""

    def __init__(self, coding: str) -> None:
        self._gzip = coding in ("gzip", "x-gzip")
        self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 16 if self._gzip else zlib.MAX_WBITS)
        self._started = False

    def feed(self, pieces: Iterable[bytes]) -> Iterator[bytes]:
        for data in pieces:
            while data and not self._inflater.eof:  # bytes after the end of the stream are ignored, as httpx does
                try:
                    out = self._inflater.decompress(data, PIECE)
                except zlib.error:
                    if self._gzip or self._started:
                        raise
                    # deflate sent without its zlib header, as some servers do
                    self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                    self._started = True
                    continue
                self._started = True
                data = self._inflater.unconsumed_tail
                if out:
                    yield out

    def flush(self) -> Iterator[bytes]:
        while not self._inflater.eof and (out := self._inflater.decompress(b"", PIECE)):
            yield out


_KNOWN = ("br", "zstd", "compress")


class Decoder:
    """Undoes a ``Content-Encoding`` (last coding applied first), fed the raw body chunk by chunk.

    :class:`UnsupportedCoding` for a coding other than ``gzip``, ``deflate`` and ``identity``;
    its message names only codings of a fixed list (a header value is the server's text).
    """

    def __init__(self, content_encoding: str | None) -> None:
        codings = [value.strip().lower() for value in (content_encoding or "").split(",") if value.strip()]
        if len(codings) > MAX_CODINGS:
            raise UnsupportedCoding(
                f"the body is said to be compressed {len(codings)} times; at most {MAX_CODINGS} are undone"
            )
        self._layers: list[_Inflate] = []
        for coding in reversed(codings):
            if coding == "identity":
                continue
            if coding not in ("gzip", "x-gzip", "deflate"):
                named = repr(coding) if coding in _KNOWN else "an unknown content coding"
                raise UnsupportedCoding(f"the body is compressed with {named}, which this client did not ask for")
            self._layers.append(_Inflate(coding))

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The decoded pieces of ``data``, each at most :data:`PIECE` bytes, made as they are taken."""
        pieces: Iterator[bytes] = iter((data,) if data else ())
        for layer in self._layers:
            pieces = layer.feed(pieces)
        return pieces

    def flush(self) -> Iterator[bytes]:
        """What the layers still hold once the raw body has ended."""
        pieces: Iterator[bytes] = iter(())
        for layer in self._layers:
            pieces = itertools.chain(layer.feed(pieces), layer.flush())
        return pieces
