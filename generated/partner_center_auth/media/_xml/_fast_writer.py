"""The fast XML writer: a document whose data passed the compiled check, written without checking again.

Text and nested models are written at once; anything else (attributes, arrays, null,
schemaless objects) is written by the reference writer (``_writer``), which checks its part as it
always does, so the bytes and the errors are the reference's.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from lxml import etree

from ..._compiled import Invalid, check_for
from ..._schema import AnyValue, ModelSchema, OneOf, Property, Scalar, Schema, SchemaViolation, model_of
from ._names import named
from ._writer import Writer, write_plan

__all__ = ["checked", "write_fast"]


def checked(schema: Schema, data: object) -> bool:
    """Whether ``data`` passes the schema's compiled check: what the fast writer may write."""
    try:
        check_for(schema)(data)
    except Invalid:
        return False  # the reference writer words the violation
    return True


def _as_text(value: object) -> str:
    """A checked scalar as ``to_text`` writes it."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def write_fast(
    element: etree._Element, schema: ModelSchema, scope: str | None, data: Mapping[str, Any], path: str = "$"
) -> None:
    """Write ``data``, which passed :func:`checked`, into the object ``element`` (children in ``scope``)."""
    for name, prop, tag, nsmap, kind in _fast_write_plan(schema, scope):
        if name not in data:
            continue
        value = data[name]
        if kind == _TEXT and value is not None and not isinstance(value, dict | list):
            etree.SubElement(element, tag, nsmap=nsmap).text = _as_text(value)
        elif kind == _MODEL and type(value) is dict:
            model = model_of(prop.schema)
            assert model is not None
            child = etree.SubElement(element, tag, nsmap=nsmap)
            write_fast(child, model, prop.xml.scope(scope), value, f"{path}.{name}")
        else:
            try:
                Writer().property(element, prop, value, scope, "")
            except SchemaViolation as violation:  # worded as the reference writer words it
                raise violation.under(f"{path}.{name}") from None
    extra = schema.additional_properties or AnyValue()
    for key in data:
        if key not in schema.by_name:
            value = data[key]
            if isinstance(value, str):
                etree.SubElement(element, named(key).tag(scope)).text = value
            else:
                Writer().value(element, named(key), extra, value, scope, f"{path}.{key}")


_TEXT, _MODEL, _OTHER = "text", "model", "other"


@lru_cache(maxsize=256)
def _fast_write_plan(
    schema: ModelSchema, scope: str | None
) -> tuple[tuple[str, Property, str, dict[str | None, str] | None, str], ...]:
    """``write_plan`` with how each property is written: as text, as a nested model, or by the reference."""

    def kind(prop: Property) -> str:
        if prop.xml.attribute:
            return _OTHER
        textual = (Scalar, AnyValue)
        if isinstance(prop.schema, textual) or (
            isinstance(prop.schema, OneOf) and all(isinstance(option, Scalar) for option in prop.schema.options)
        ):
            return _TEXT
        return _MODEL if model_of(prop.schema) is not None else _OTHER

    return tuple((*entry, kind(entry[1])) for entry in write_plan(schema, scope))
