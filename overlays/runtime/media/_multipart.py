"""``multipart/form-data``: the parts a model's ``to_multipart()`` builds, checked against the body's
schema before a byte is sent.

httpx writes the parts (a file streams from its payload); what is checked is what they carry, read
back as the server reads them: a text part through its property's schema (``"3"`` is an integer
where the schema says so), a JSON part (an object: OpenAPI's default ``contentType`` of one) as
JSON, a name repeated as the items of an array. A file part is binary content as it is: its payload
is neither read nor moved, so a large upload is not held in memory to be checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._errors import SerializationError
from .._schema import ArrayOf, Binary, Document, Schema, SchemaViolation
from ._fields import field_schema, field_value, json_value, object_schema

__all__ = ["multipart_parts"]

MEDIA_TYPE = "multipart/form-data"
_FILE_CONTENT = ""
"""What a file part stands for in the checked data: binary content (``Binary`` asks for text only)."""


def multipart_parts(body: object, document: Document | None) -> list[tuple[str, Any]]:
    """The parts of ``body`` (a model with ``to_multipart()``), refused unless ``document``'s
    schema admits what they carry; the refusal names the place and why, never the value."""
    to_multipart = getattr(body, "to_multipart", None)
    if to_multipart is None:
        raise SerializationError("a multipart/form-data body is a model", media_type=MEDIA_TYPE)
    name = type(body).__name__ if document is None else document.name
    try:
        parts: list[tuple[str, Any]] = to_multipart()
        if document is not None:
            document.schema.check(_data(parts, document), "$")
        return parts
    except SchemaViolation as violation:
        problem = str(violation)
    except UnicodeDecodeError:
        problem = "a text part that is not UTF-8"
    except (AttributeError, TypeError, ValueError) as error:  # an attribute set to a value of another type
        problem = f"a property holds a value of another type ({type(error).__name__})"
    raise SerializationError(f"cannot write {name} as multipart/form-data: {problem}", media_type=MEDIA_TYPE)


def _data(parts: Sequence[tuple[str, Any]], document: Document) -> dict[str, Any]:
    """The JSON-shaped value the parts carry, by the body's schema."""
    grouped: dict[str, list[tuple[Any, ...]]] = {}
    for name, part in parts:
        grouped.setdefault(name, []).append(part)
    schema = object_schema(document, None, "a multipart body")
    data: dict[str, Any] = {}
    for name, items in grouped.items():
        # A name the schema declares may be quoted; another is the caller's key, and is not.
        where = f"$.{name}" if schema is None or name in schema.by_name else "$.*"
        property_schema = field_schema(schema, name)
        if property_schema is None:
            raise SchemaViolation(where, "a part the schema does not declare")
        if isinstance(property_schema, ArrayOf):
            data[name] = [_value(property_schema.items, item, f"{where}[{i}]") for i, item in enumerate(items)]
        elif len(items) == 1:
            data[name] = _value(property_schema, items[0], where)
        else:
            raise SchemaViolation(where, "appears more than once")
    return data


def _value(schema: Schema, part: tuple[Any, ...], where: str) -> object:
    """One part's value: ``part`` is httpx's ``(file name, content, content type)``."""
    _, content, content_type = part
    if isinstance(schema, Binary) or not isinstance(content, bytes | str):
        return _FILE_CONTENT
    text = content.decode() if isinstance(content, bytes) else content
    if str(content_type).partition(";")[0].strip().lower().endswith(("/json", "+json")):
        return json_value(text, where)
    return field_value(schema, text, where)
