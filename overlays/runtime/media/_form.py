"""``application/x-www-form-urlencoded``: one field per property, arrays as repeated fields.

Forms carry only text, so each value is read back through its schema (``expires_in=3600`` is an
integer where the schema says so). Objects have no form encoding and are refused.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode

from .._schema import AnyValue, ArrayOf, M, Model, SchemaViolation
from ..errors import DeserializationError, SerializationError
from ._text import decode_text

MEDIA_TYPE = "application/x-www-form-urlencoded"


class FormCodec:
    def serialize(self, value: Model, *, charset: str | None) -> bytes:
        schema = type(value).__openapi__
        fields: list[tuple[str, str]] = []
        try:
            for name, item in value.to_dict().items():
                prop = schema.by_name.get(name)
                field_schema = prop.schema if prop else schema.additional_properties or AnyValue()
                if isinstance(field_schema, ArrayOf) or (isinstance(field_schema, AnyValue) and isinstance(item, list)):
                    items = field_schema.items if isinstance(field_schema, ArrayOf) else field_schema
                    fields.extend((name, items.to_text(part, f"$.{name}[{i}]")) for i, part in enumerate(item))
                else:
                    fields.append((name, field_schema.to_text(item, f"$.{name}")))
            return urlencode(fields, encoding=charset or "utf-8").encode("ascii")
        except SchemaViolation as violation:
            raise SerializationError(
                f"cannot write {schema.name} as a form: {violation}", media_type=MEDIA_TYPE
            ) from None
        except UnicodeError as error:
            raise SerializationError(f"cannot write {schema.name} as a form: {error}", media_type=MEDIA_TYPE) from None

    def deserialize(self, model: type[M], content: bytes, *, charset: str | None) -> M:
        schema = model.__openapi__
        try:
            text = decode_text(content, "ascii")  # percent-encoding keeps a form ASCII
            pairs = parse_qsl(
                text, keep_blank_values=True, strict_parsing=bool(text), encoding=charset or "utf-8", errors="strict"
            )
            grouped: dict[str, list[str]] = {}
            for name, item in pairs:
                grouped.setdefault(name, []).append(item)
            data: dict[str, Any] = {}
            for name, items in grouped.items():
                prop = schema.by_name.get(name)
                field_schema = prop.schema if prop else schema.additional_properties
                if field_schema is None:
                    raise SchemaViolation("$", f"unknown field {name!r}")
                if isinstance(field_schema, ArrayOf):
                    data[name] = [field_schema.items.from_text(part, f"$.{name}[{i}]") for i, part in enumerate(items)]
                elif len(items) == 1:
                    data[name] = field_schema.from_text(items[0], f"$.{name}")
                elif prop is None:  # a repeated unknown field is a list, as in the writer
                    data[name] = [field_schema.from_text(part, f"$.{name}[{i}]") for i, part in enumerate(items)]
                else:
                    raise SchemaViolation(f"$.{name}", "appears more than once")
            return schema.load(model, data)
        except SchemaViolation as violation:
            raise DeserializationError(
                f"form does not match {schema.name}: {violation}", media_type=MEDIA_TYPE, content=content
            ) from None
        except UnicodeError as error:
            raise DeserializationError(
                f"not a valid form: {type(error).__name__}", media_type=MEDIA_TYPE, content=content
            ) from None
        except ValueError:  # parse_qsl quotes the field, which may hold a secret
            raise DeserializationError(
                "not a valid form: malformed field", media_type=MEDIA_TYPE, content=content
            ) from None
