"""Bytes to text for the text-based codecs, strict, with the charset the media type names."""

from __future__ import annotations

import codecs
from functools import lru_cache

__all__ = ["decode_text"]


def decode_text(content: bytes, charset: str | None) -> str:
    """Decode ``content`` in ``charset`` (UTF-8 if None), stripping a byte order mark."""
    text = content.decode("utf-8" if charset is None else _codec_name(charset))
    return text[1:] if text[:1] == "\ufeff" else text


@lru_cache(maxsize=32)
def _codec_name(charset: str) -> str:
    """The codec of a charset that is a text encoding: rot13, base64, hex or zlib are refused."""
    try:
        name = codecs.lookup(charset).name
        "".encode(name)  # LookupError for the bytes-to-bytes and str-to-str codecs
    except LookupError:
        raise ValueError("a charset that is no text encoding") from None
    return name
