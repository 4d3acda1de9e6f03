"""JSON (``application/json``, ``text/json``, ``+json``): JSON-shaped data, checked against its schema.

Two paths give one result. The fast one parses with msgspec (compiled C) and checks with the
schema's compiled check (``_compiled``); the reference one parses with the standard library,
refusing duplicate member names as it goes, and checks with the schema's own description. The
fast path answers only when it can prove the reference would answer the same: the body parsed,
the compiled check passed, and the member names written in the body are exactly the members
parsed, so none was given twice. Anything else (an error, a non-UTF-8 charset, a name given
twice, a string holding ``":``) is decided by the reference, which words every error.
"""

from __future__ import annotations

import json
import re
from typing import Any, NoReturn

import msgspec

from .._compiled import Invalid, check_for, counted, dumper_for, reader_for
from .._errors import DeserializationError, SerializationError
from .._schema import Document, Schema, SchemaViolation
from ._registry import UNDECIDED
from ._text import decode_text

__all__ = ["JsonCodec"]

MEDIA_TYPE = "application/json"

_UTF8 = frozenset({None, "utf-8", "utf8"})
_UNWRITABLE = (msgspec.MsgspecError, TypeError, ValueError)
"""What msgspec raises for a value JSON cannot carry as UTF-8 (a lone surrogate: UnicodeEncodeError)."""
_FAST_ERRORS = (msgspec.MsgspecError, ValueError, RecursionError)  # UnicodeDecodeError is a ValueError
# With no backslash in the body, every quote opens or closes a string: twice as many quotes as
# strings parsed proves that no member name was dropped for a later one of the same name. With
# escapes, a member name is a string followed by ":" (whitespace between allowed); strings can
# only add matches, never hide one, so as many matches as names parsed is the proof there.
_NAME_END = re.compile(rb'"[ \t\r\n]*:')


def _written_once(content: bytes, count: int) -> bool:
    """Whether no member name in ``content`` was dropped for a later one (``count``: the check's)."""
    names, values = counted(count)
    if b"\\" not in content:
        return content.count(b'"') == 2 * (names + values)
    return _NAME_END.subn(b"", content)[1] == names


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not valid JSON")


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        raise ValueError("duplicate member names in a JSON object")
    return data


_DECODER = json.JSONDecoder(parse_constant=_reject_constant, object_pairs_hook=_reject_duplicates)
_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))


_NOT_BUILT = (*_FAST_ERRORS, Invalid, KeyError, TypeError, AttributeError)  # what media.build words


def _decode_fast(content: bytes, schema: Schema) -> Any:
    """The checked data, or ``UNDECIDED``: this frame is gone before the reference raises."""
    try:
        data = msgspec.json.decode(content)
        if _written_once(content, check_for(schema)(data)):
            return data
    except (*_FAST_ERRORS, Invalid):
        pass
    return UNDECIDED


class JsonCodec:
    checks_only = True
    """Its data is the body's whatever the schema, which only checks it (see ``CodecRegistry.decode``)."""

    def encode(self, data: object, document: Document, *, charset: str | None) -> bytes:
        if charset in _UTF8:
            try:
                check_for(document.schema)(data)
                return msgspec.json.encode(data)
            except (Invalid, *_UNWRITABLE):
                pass  # the reference words it
        return self._encode_reference(data, document, charset)

    def write(self, body: object, document: Document, *, charset: str | None) -> bytes:
        """``body`` (a model) written as its compiled dumper checks it (see ``_compiled.dumper_for``);
        ``UNDECIDED`` where there is none or it refuses, and the caller dumps, then encodes."""
        dump = dumper_for(document.schema) if charset in _UTF8 else None
        if dump is None:
            return UNDECIDED  # type: ignore[no-any-return]
        try:
            return msgspec.json.encode(dump(body))
        except (Invalid, AttributeError, *_UNWRITABLE):
            return UNDECIDED  # type: ignore[no-any-return]

    def read(self, content: bytes, document: Document, *, charset: str | None) -> object:
        """The typed value (models built) checked and built in one pass, where the body's schema
        has a compiled reader (see ``_compiled.reader_for``) and the same proof holds as for
        :meth:`decode`; else ``UNDECIDED``, and the caller decodes, then builds."""
        read = reader_for(document.schema) if charset in _UTF8 else None
        if read is not None:
            try:
                value, count = read(msgspec.json.decode(content))
                if _written_once(content, count):
                    return value
            except _NOT_BUILT:
                pass
        return UNDECIDED

    def decode(self, content: bytes, document: Document, *, charset: str | None) -> object:
        if charset in _UTF8:
            data = _decode_fast(content, document.schema)
            if data is not UNDECIDED:
                return data
        return self._decode_reference(content, document, charset)

    def _encode_reference(self, data: object, document: Document, charset: str | None) -> bytes:
        try:
            document.schema.check(data, "$")  # what XML and forms refuse, JSON refuses too
            return _ENCODER.encode(data).encode(charset or "utf-8")
        except SchemaViolation as violation:
            raise SerializationError(
                f"cannot write {document.name} as JSON: {violation}", media_type=MEDIA_TYPE
            ) from None
        except (TypeError, ValueError, UnicodeError) as error:
            raise SerializationError(f"cannot write JSON: {error}", media_type=MEDIA_TYPE) from None

    def _decode_reference(self, content: bytes, document: Document, charset: str | None) -> object:
        # The typed error is raised after the except block, from a frame that holds no decoded
        # value: tracebacks with locals (and error trackers) show the raw bytes' owner, never a token.
        try:
            return document.schema.check(_DECODER.decode(decode_text(content, charset)), "$")
        except SchemaViolation as violation:
            problem = f"JSON does not match {document.name}: {violation}"
        except (ValueError, RecursionError) as error:  # json.JSONDecodeError and UnicodeError included
            problem = f"not valid JSON: {error}"
        raise DeserializationError(problem, media_type=MEDIA_TYPE, content=content)
