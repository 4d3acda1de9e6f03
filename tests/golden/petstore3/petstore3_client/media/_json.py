"""JSON (``application/json``, ``text/json``, ``+json``): JSON-shaped data, checked against its schema."""

from __future__ import annotations

import json
from typing import Any, NoReturn

from .._errors import DeserializationError, SerializationError
from .._schema import Document, SchemaViolation
from ._text import decode_text

MEDIA_TYPE = "application/json"


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not valid JSON")


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        raise ValueError("duplicate member names in a JSON object")
    return data


_DECODER = json.JSONDecoder(parse_constant=_reject_constant, object_pairs_hook=_reject_duplicates)
_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))


class JsonCodec:
    def encode(self, data: object, document: Document, *, charset: str | None) -> bytes:
        try:
            document.schema.check(data, "$")  # what XML and forms refuse, JSON refuses too
            return _ENCODER.encode(data).encode(charset or "utf-8")
        except SchemaViolation as violation:
            raise SerializationError(
                f"cannot write {document.name} as JSON: {violation}", media_type=MEDIA_TYPE
            ) from None
        except (TypeError, ValueError, UnicodeError) as error:
            raise SerializationError(f"cannot write JSON: {error}", media_type=MEDIA_TYPE) from None

    def decode(self, content: bytes, document: Document, *, charset: str | None) -> object:
        # The typed error is raised after the except block, from a frame that holds no decoded
        # value: tracebacks with locals (and error trackers) show the raw bytes' owner, never a token.
        try:
            return document.schema.check(_DECODER.decode(decode_text(content, charset)), "$")
        except SchemaViolation as violation:
            problem = f"JSON does not match {document.name}: {violation}"
        except (ValueError, RecursionError) as error:  # json.JSONDecodeError and UnicodeError included
            problem = f"not valid JSON: {error}"
        raise DeserializationError(problem, media_type=MEDIA_TYPE, content=content)
