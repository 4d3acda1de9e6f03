"""The fast XML writer: a document whose data passed the compiled check, written without checking again.

Text, nested models and arrays of either are written at once; anything else (attributes, null,
schemaless objects) is written by the reference writer (``_writer``), which checks its part as it
always does, so the bytes and the errors are the reference's.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from lxml import etree

from ..._compiled import Invalid, check_for
from ..._schema import AnyValue, ArrayOf, ModelSchema, OneOf, Property, Scalar, Schema, SchemaViolation, model_of
from ._names import array_items_xml, named, nsmap
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
    for name, prop, tag, namespaces, kind, items in _fast_write_plan(schema, scope):
        if name not in data:
            continue
        value = data[name]
        if kind == _TEXT and value is not None and not isinstance(value, dict | list):
            etree.SubElement(element, tag, nsmap=namespaces).text = _as_text(value)
        elif kind == _MODEL and type(value) is dict:
            model = model_of(prop.schema)
            assert model is not None
            child = etree.SubElement(element, tag, nsmap=namespaces)
            write_fast(child, model, prop.xml.scope(scope), value, f"{path}.{name}")
        elif items is not None and type(value) is list and all(map(items.takes, value)):
            parent = element
            if items.wrapper is not None:
                parent = etree.SubElement(element, items.wrapper[0], nsmap=items.wrapper[1])
            for index, item in enumerate(value):
                child = etree.SubElement(parent, items.tag, nsmap=items.nsmap)
                if items.model is None:
                    child.text = _as_text(item)
                else:
                    write_fast(child, items.model, items.scope, item, f"{path}.{name}[{index}]")
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


class _Items:
    """How the fast writer writes an array property: its wrapper element (None: unwrapped), then
    each item's element, holding text or a model's children (in ``scope``)."""

    __slots__ = ("model", "nsmap", "scope", "tag", "wrapper")

    def __init__(self, prop: Property, array: ArrayOf, scope: str | None) -> None:
        xml = prop.xml
        self.wrapper: tuple[str, dict[str | None, str] | None] | None = None
        if xml.wrapped:
            self.wrapper = (xml.tag(scope), nsmap(xml))
            scope = xml.scope(scope)
        items_xml = array_items_xml(prop.name, array, xml)
        self.tag = items_xml.tag(scope)
        self.nsmap = nsmap(items_xml)
        self.model = model_of(array.items)
        self.scope = items_xml.scope(scope)

    def takes(self, item: object) -> bool:
        """Whether the fast writer writes ``item`` as the reference would (null goes to it)."""
        return type(item) is dict if self.model is not None else item is not None and not isinstance(item, dict | list)


def _textual(schema: Schema, *, anything: bool = True) -> bool:
    if isinstance(schema, Scalar) or (anything and isinstance(schema, AnyValue)):
        return True
    return isinstance(schema, OneOf) and all(isinstance(option, Scalar) for option in schema.options)


@lru_cache(maxsize=256)
def _fast_write_plan(
    schema: ModelSchema, scope: str | None
) -> tuple[tuple[str, Property, str, dict[str | None, str] | None, str, _Items | None], ...]:
    """``write_plan`` with how each property is written: as text, as a nested model, as an array of
    either (its ``_Items``), or by the reference."""

    def kind(prop: Property) -> str:
        if prop.xml.attribute:
            return _OTHER
        if _textual(prop.schema):
            return _TEXT
        return _MODEL if model_of(prop.schema) is not None else _OTHER

    def items(prop: Property) -> _Items | None:
        array = prop.schema
        if prop.xml.attribute or not isinstance(array, ArrayOf):
            return None
        # A schemaless item (a list in it repeats its element) and nested arrays: the reference's.
        if not _textual(array.items, anything=False) and model_of(array.items) is None:
            return None
        return _Items(prop, array, scope)

    return tuple((*entry, kind(entry[1]), items(entry[1])) for entry in write_plan(schema, scope))
