"""``application/x-www-form-urlencoded``: one field per property, arrays as repeated fields.

Forms carry only text, so each value is read back through its schema (``expires_in=3600`` is an
integer where the schema says so), and a binary property carries its bytes. A form holds one
object whose values are scalars or arrays of scalars: a nested object, or a body that is not an
object, is refused when written.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode

from .._errors import DeserializationError, SerializationError
from .._schema import AnyValue, ArrayOf, Binary, Document, ModelSchema, Schema, SchemaViolation, model_of
from ._text import decode_text

__all__ = ["FormCodec"]

MEDIA_TYPE = "application/x-www-form-urlencoded"


class FormCodec:
    def encode(self, data: object, document: Document, *, charset: str | None) -> bytes:
        try:
            schema = _object_schema(document)
            if not isinstance(data, dict):
                raise SchemaViolation("$", "a form carries an object")
            document.schema.check(data, "$")  # the whole value: an array's size and uniqueness too
            fields: list[tuple[str, str | bytes]] = []
            for name, item in data.items():
                field_schema = _field_schema(schema, name) or AnyValue()
                if isinstance(field_schema, ArrayOf) or (isinstance(field_schema, AnyValue) and isinstance(item, list)):
                    items = field_schema.items if isinstance(field_schema, ArrayOf) else field_schema
                    fields.extend((name, _text(items, part, f"$.{name}[{i}]")) for i, part in enumerate(item))
                else:
                    fields.append((name, _text(field_schema, item, f"$.{name}")))
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


def _read(content: bytes, document: Document, charset: str | None) -> dict[str, Any]:
    schema = _object_schema(document)
    text = decode_text(content, "ascii")  # percent-encoding keeps a form ASCII
    pairs = parse_qsl(
        text, keep_blank_values=True, strict_parsing=bool(text), encoding=charset or "utf-8", errors="strict"
    )
    grouped: dict[str, list[str]] = {}
    for name, item in pairs:
        grouped.setdefault(name, []).append(item)
    data: dict[str, Any] = {}
    for name, items in grouped.items():
        known = schema is None or name in schema.by_name
        # A name the schema declares may be quoted; another is the sender's text, and is not.
        where = f"$.{name}" if schema is not None and name in schema.by_name else "$.*"
        field_schema = _field_schema(schema, name)
        if field_schema is None:
            raise SchemaViolation("$", "a field the schema does not declare")
        if isinstance(field_schema, ArrayOf):
            data[name] = [field_schema.items.from_text(part, f"{where}[{i}]") for i, part in enumerate(items)]
        elif len(items) == 1:
            data[name] = field_schema.from_text(items[0], where)
        elif not known or schema is None:  # a repeated unknown field is a list, as in the writer
            data[name] = [field_schema.from_text(part, f"{where}[{i}]") for i, part in enumerate(items)]
        else:
            raise SchemaViolation(where, "appears more than once")
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
    return schema.to_bytes(value, path) if isinstance(schema, Binary) else schema.to_text(value, path)
