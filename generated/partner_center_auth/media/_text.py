"""Bytes to text for the text-based codecs, strict and bounded in what it reports."""

from __future__ import annotations

import codecs


def decode_text(content: bytes, charset: str) -> str:
    """Decode ``content`` in ``charset``, stripping a byte order mark that matches it."""
    try:
        codec = codecs.lookup(charset)
    except LookupError:
        raise ValueError(f"unknown charset {charset!r}") from None
    if codec.name == "utf-8":
        codec = codecs.lookup("utf-8-sig")
    return content.decode(codec.name)
