"""Which family a media type belongs to: the one table both the generator and the registry read.

* ``json``: ``application/json``, ``text/json`` and every ``+json`` type (RFC 6839);
* ``xml``: ``application/xml``, ``text/xml`` and every ``+xml`` type (RFC 7303);
* ``form``: ``application/x-www-form-urlencoded``;
* ``multipart``: ``multipart/form-data``;
* ``text``: any other ``text/*`` type, carried as ``str``;
* ``binary``: everything else (``application/octet-stream``, ``application/pdf``, ``*/*``...),
  carried as bytes.

The first three are *structured*: a codec writes and reads them by the schema. The others are
carried as they are. This module imports nothing from its package, so that the generator can
load it on its own.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["STRUCTURED", "STRUCTURED_FAMILIES", "Family", "essence", "family"]

Family = Literal["json", "xml", "form", "multipart", "text", "binary"]

STRUCTURED: dict[str, Family] = {
    "application/json": "json",
    "text/json": "json",
    "+json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "+xml": "xml",
    "application/x-www-form-urlencoded": "form",
}
STRUCTURED_FAMILIES: frozenset[Family] = frozenset(STRUCTURED.values())


def essence(media_type: str) -> str:
    """The bare, lower-case ``type/subtype`` of a media type (parameters dropped)."""
    return media_type.partition(";")[0].strip().lower()


def family(media_type: str) -> Family:
    """The family of ``media_type``, with or without parameters."""
    bare = essence(media_type)
    _, plus, suffix = bare.rpartition("+")
    found = STRUCTURED.get(bare) or (STRUCTURED.get(f"+{suffix}") if plus else None)
    if found is not None:
        return found
    if bare == "multipart/form-data":
        return "multipart"
    return "text" if bare.startswith("text/") else "binary"
