"""One property of a body that travels as named fields of text: a form's fields, a multipart body's parts.

Both carry each property as text read back through its schema (``3600`` is an integer where the
schema says so), except a property holding objects (a model, or a union with one), which is JSON
text: OpenAPI's default ``contentType`` of an object, in a form as in a multipart part.
"""

from __future__ import annotations

import json
from typing import Any

from .._schema import AnyValue, Document, ModelSchema, OneOf, Schema, SchemaViolation, model_of

__all__ = ["field_schema", "field_text", "field_value", "json_text", "json_value", "object_schema"]


def object_schema(document: Document, data: dict[str, Any] | None, carrier: str) -> ModelSchema | None:
    """The object schema the body carries (None: any object): of a union, the option ``data``
    (checked) is; a violation for a body that is no object, named after its ``carrier``."""
    schema = document.schema
    if isinstance(schema, OneOf) and data is not None:
        schema = schema.option_for(data, "$")
    model = model_of(schema)
    if model is None and not isinstance(schema, AnyValue):
        raise SchemaViolation("$", f"{carrier} carries an object, and the body is {document.name}")
    return model


def field_schema(schema: ModelSchema | None, name: str) -> Schema | None:
    """The schema of the property ``name`` (the additional properties' for an undeclared one);
    None where the object admits no such property."""
    if schema is None:
        return AnyValue()
    prop = schema.by_name.get(name)
    return prop.schema if prop is not None else schema.additional_properties


def field_text(schema: Schema, value: object, path: str) -> str:
    """A property's value as the text of its field: JSON text where the schema holds objects."""
    if _holds_objects(schema):
        return json_text(schema, value, path)
    return schema.to_text(value, path)


def json_text(schema: Schema, value: object, path: str) -> str:
    return json.dumps(schema.check(value, path), separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def field_value(schema: Schema, text: str, path: str) -> object:
    """A field's value read through its schema: JSON text where the schema holds objects."""
    return json_value(text, path) if _holds_objects(schema) else schema.from_text(text, path)


def json_value(text: str, path: str) -> object:
    try:
        return json.loads(text)
    except ValueError:  # its message quotes the field, which may hold a secret
        raise SchemaViolation(path, "expected JSON text") from None


def _holds_objects(schema: Schema) -> bool:
    """Whether a field of ``schema`` is written as JSON: a model, or a union with a model."""
    if isinstance(schema, OneOf):
        return any(model_of(option) is not None for option in schema.options)
    return model_of(schema) is not None
