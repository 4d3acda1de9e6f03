"""``application/x-www-form-urlencoded``: one field per property, by OpenAPI's ``encoding`` object.

Forms carry only text, so each value is read back through its schema (``expires_in=3600`` is an
integer where the schema says so), and a binary property carries its bytes. How a property is
written is its ``encoding`` in the spec (:class:`~.._schema.FieldEncoding`), else OpenAPI's
default for its schema, and it is read back the same way:

* an array: one field per item (``style: form``, ``explode: true``); with ``explode: false``, one
  field of the items joined by ``,`` (``spaceDelimited``: a space, ``pipeDelimited``: ``|``);
* an object (a model, or a union with one), and each object of an array: one field of JSON text,
  the default ``contentType`` of an object; ``style: deepObject``: one field per property,
  ``name[property]=value``;
* a ``contentType`` of JSON (``application/json``, ``+json``): the whole value as one JSON text.

A body that is not an object, or an untyped value that is an object (whose text could not be read
back as one), is refused when written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, urlencode

from .._errors import DeserializationError, SerializationError
from .._schema import (
    AnyValue,
    ArrayOf,
    Binary,
    Document,
    FieldEncoding,
    ModelSchema,
    OneOf,
    Schema,
    SchemaViolation,
    model_of,
)
from ._text import decode_text

__all__ = ["FormCodec"]

MEDIA_TYPE = "application/x-www-form-urlencoded"
_DELIMITERS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}
_DEEP = re.compile(r"(?P<name>[^\[\]]+)\[(?P<key>[^\[\]]*)\]")
"""A field of a ``deepObject`` property: ``name[key]``."""

Field = tuple[str, str | bytes]


class FormCodec:
    def encode(self, data: object, document: Document, *, charset: str | None) -> bytes:
        try:
            schema = _object_schema(document)
            if not isinstance(data, dict):
                raise SchemaViolation("$", "a form carries an object")
            document.schema.check(data, "$")  # the whole value: an array's size and uniqueness too
            fields: list[Field] = []
            for name, item in data.items():
                field_schema = _field_schema(schema, name) or AnyValue()
                fields.extend(_Way.of(document.encoding_of(name)).written(name, field_schema, item))
            return urlencode(fields, encoding=charset or "utf-8").encode("ascii")
        except SchemaViolation as violation:
            raise SerializationError(
                f"cannot write {document.name} as a form: {violation}", media_type=MEDIA_TYPE
            ) from None
        except UnicodeError as error:
            raise SerializationError(
                f"cannot write {document.name} as a form: {error}", media_type=MEDIA_TYPE
            ) from None

    def decode(self, content: bytes, document: Document, *, charset: str | None) -> object:
        # Raised after the except block, from a frame that holds no decoded value (see _json).
        try:
            return document.schema.check(_read(content, document, charset), "$")
        except SchemaViolation as violation:
            problem = f"form does not match {document.name}: {violation}"
        except UnicodeError as error:
            problem = f"not a valid form: {type(error).__name__}"
        except ValueError:  # parse_qsl quotes the field, which may hold a secret
            problem = "not a valid form: malformed field"
        raise DeserializationError(problem, media_type=MEDIA_TYPE, content=content)


class _Way:
    """How one property travels in a form: its encoding, with OpenAPI's defaults filled in."""

    __slots__ = ("as_json", "delimiter", "explode", "style")

    def __init__(self, style: str, explode: bool, as_json: bool) -> None:
        self.style, self.explode, self.as_json = style, explode, as_json
        self.delimiter = _DELIMITERS.get(style, ",")

    @classmethod
    def of(cls, encoding: FieldEncoding | None) -> _Way:
        if encoding is None:
            return _DEFAULT
        style = encoding.style or "form"
        explode = encoding.explode if encoding.explode is not None else style == "form"
        media = (encoding.content_type or "").partition(";")[0].strip().lower()
        return cls(style, explode, media.endswith(("/json", "+json")))

    def written(self, name: str, schema: Schema, value: object) -> Iterator[Field]:
        path = f"$.{name}"
        if self.as_json:
            yield name, _json_text(schema, value, path)
        elif self.style == "deepObject" and isinstance(value, dict):
            model = model_of(schema)
            schema.check(value, path)
            for key, item in value.items():
                yield f"{name}[{key}]", _text(_field_schema(model, key) or AnyValue(), item, f"{path}.{key}")
        elif isinstance(value, list) and isinstance(schema, ArrayOf | AnyValue):
            items = schema.items if isinstance(schema, ArrayOf) else schema
            parts = [_text(items, part, f"{path}[{i}]") for i, part in enumerate(value)]
            if self.explode:
                yield from ((name, part) for part in parts)
            elif all(isinstance(part, str) for part in parts):
                yield name, self.delimiter.join(str(part) for part in parts)
            else:
                raise SchemaViolation(path, "binary items are one field each (explode: true)")
        else:
            yield name, _text(schema, value, path)

    def read(self, schema: Schema, texts: list[str], where: str, *, repeatable: bool) -> object:
        """The value of the fields ``texts`` of one property, by its schema."""
        if self.as_json:
            if len(texts) > 1:
                raise SchemaViolation(where, "appears more than once")
            return _json_value(texts[0], where)
        if isinstance(schema, ArrayOf):
            if not self.explode and len(texts) == 1:
                texts = texts[0].split(self.delimiter) if texts[0] else []
            return [_value(schema.items, part, f"{where}[{i}]") for i, part in enumerate(texts)]
        if len(texts) == 1:
            return _value(schema, texts[0], where)
        if repeatable:  # a repeated unknown field is a list, as in the writer
            return [_value(schema, part, f"{where}[{i}]") for i, part in enumerate(texts)]
        raise SchemaViolation(where, "appears more than once")


_DEFAULT = _Way("form", True, False)


def _read(content: bytes, document: Document, charset: str | None) -> dict[str, Any]:
    schema = _object_schema(document)
    text = decode_text(content, "ascii")  # percent-encoding keeps a form ASCII
    pairs = parse_qsl(
        text, keep_blank_values=True, strict_parsing=bool(text), encoding=charset or "utf-8", errors="strict"
    )
    grouped: dict[str, list[str]] = {}
    deep: dict[str, dict[str, str]] = {}
    for name, item in pairs:
        found = _DEEP.fullmatch(name)
        encoding = document.encoding_of(found["name"]) if found is not None else None
        if found is not None and encoding is not None and encoding.style == "deepObject":
            deep.setdefault(found["name"], {})[found["key"]] = item
        else:
            grouped.setdefault(name, []).append(item)
    data: dict[str, Any] = {}
    for name, items in grouped.items():
        known = schema is None or name in schema.by_name
        # A name the schema declares may be quoted; another is the sender's text, and is not.
        where = f"$.{name}" if schema is not None and name in schema.by_name else "$.*"
        field_schema = _field_schema(schema, name)
        if field_schema is None:
            raise SchemaViolation("$", "a field the schema does not declare")
        way = _Way.of(document.encoding_of(name))
        data[name] = way.read(field_schema, items, where, repeatable=not known or schema is None)
    for name, fields in deep.items():
        model = model_of(_field_schema(schema, name) or AnyValue())
        data[name] = {
            key: _value(_field_schema(model, key) or AnyValue(), item, f"$.{name}.*") for key, item in fields.items()
        }
    return data


def _object_schema(document: Document) -> ModelSchema | None:
    """The object schema a form carries (None: any object), or a violation for other bodies."""
    model = model_of(document.schema)
    if model is None and not isinstance(document.schema, AnyValue):
        raise SchemaViolation("$", f"a form carries an object, and the body is {document.name}")
    return model


def _field_schema(schema: ModelSchema | None, name: str) -> Schema | None:
    if schema is None:
        return AnyValue()
    prop = schema.by_name.get(name)
    return prop.schema if prop is not None else schema.additional_properties


def _text(schema: Schema, value: object, path: str) -> str | bytes:
    if isinstance(schema, Binary):
        return schema.to_bytes(value, path)
    if _holds_objects(schema):
        return _json_text(schema, value, path)
    return schema.to_text(value, path)


def _json_text(schema: Schema, value: object, path: str) -> str:
    return json.dumps(schema.check(value, path), separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def _value(schema: Schema, text: str, path: str) -> object:
    """A field's value read through its schema: JSON text where the schema holds objects."""
    return _json_value(text, path) if _holds_objects(schema) else schema.from_text(text, path)


def _json_value(text: str, path: str) -> object:
    try:
        return json.loads(text)
    except ValueError:  # its message quotes the field, which may hold a secret
        raise SchemaViolation(path, "expected JSON text") from None


def _holds_objects(schema: Schema) -> bool:
    """Whether a field of ``schema`` is written as JSON: a model, or a union with a model."""
    if isinstance(schema, OneOf):
        return any(model_of(option) is not None for option in schema.options)
    return model_of(schema) is not None
