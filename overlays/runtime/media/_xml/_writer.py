"""The reference XML writer: any JSON-shaped value the schema allows, checked as it is written.

It is the writer whose bytes and errors count; the fast writer (``_fast_writer``) writes the
common documents the same way, and hands it everything else.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from lxml import etree

from ..._schema import AnyValue, ArrayOf, ModelSchema, OneOf, Property, Scalar, Schema, SchemaViolation, Xml, model_of
from ._names import XSI_NIL, array_items_xml, named, nsmap, root_items_xml

__all__ = ["Writer", "write_plan"]


class Writer:
    def root(self, element: etree._Element, schema: Schema, xml: Xml, data: Any) -> None:
        """Write a whole body into its root ``element``."""
        scope = xml.scope(None)
        if isinstance(schema, OneOf):  # the option that takes the value says its shape
            schema = schema.option_for(data, "$")
        model = model_of(schema)
        if model is not None:
            self.object(element, model, model.check(data, "$"), scope, "$")
        elif isinstance(schema, ArrayOf):
            schema.check(data, "$")
            items_xml = root_items_xml(schema)
            for index, item in enumerate(data):
                self.value(element, items_xml, schema.items, item, scope, f"$[{index}]")
        elif isinstance(schema, AnyValue) and isinstance(data, dict | list):
            items = data.items() if isinstance(data, dict) else (("item", item) for item in data)
            for key, item in items:
                self.value(element, named(key), schema, item, scope, f"$.{key}")
        else:
            element.text = schema.to_text(data, "$")

    def object(
        self, element: etree._Element, schema: ModelSchema, data: Mapping[str, Any], scope: str | None, path: str
    ) -> None:
        for name, prop, tag, namespaces in write_plan(schema, scope):
            if name not in data:
                continue
            try:
                if type(prop.schema) is Scalar and not prop.xml.attribute:  # most properties
                    etree.SubElement(element, tag, nsmap=namespaces).text = prop.schema.to_text(data[name], "")
                else:
                    self.property(element, prop, data[name], scope, "")
            except SchemaViolation as violation:
                raise violation.under(f"{path}.{name}") from None
        extra = schema.additional_properties or AnyValue()
        for key in data:  # in the caller's order: the same bytes on every run
            if key not in schema.by_name:
                self.value(element, named(key), extra, data[key], scope, f"{path}.{key}")

    def property(self, element: etree._Element, prop: Property, value: Any, scope: str | None, path: str) -> None:
        schema, xml = prop.schema, prop.xml
        if isinstance(schema, OneOf):
            schema = schema.option_for(value, path)
        if xml.attribute:
            element.set(xml.tag(None), schema.to_text(value, path))
        elif isinstance(schema, ArrayOf):
            schema.check(value, path)
            parent = element
            if xml.wrapped:
                parent = etree.SubElement(element, xml.tag(scope), nsmap=nsmap(xml))
                scope = xml.scope(scope)
            items_xml = array_items_xml(prop.name, schema, xml)
            for index, item in enumerate(value):
                self.value(parent, items_xml, schema.items, item, scope, f"{path}[{index}]")
        else:
            self.value(element, xml, schema, value, scope, path)

    def value(self, parent: etree._Element, xml: Xml, schema: Schema, value: Any, scope: str | None, path: str) -> None:
        if isinstance(schema, OneOf):
            schema = schema.option_for(value, path)
        if isinstance(schema, AnyValue) and isinstance(value, list):
            # A schemaless list repeats its element, as an unwrapped array would.
            for index, item in enumerate(value):
                if isinstance(item, list):
                    raise SchemaViolation(f"{path}[{index}]", "nested arrays have no XML form without a schema")
                self.value(parent, xml, schema, item, scope, f"{path}[{index}]")
            return
        element = etree.SubElement(parent, xml.tag(scope), nsmap=nsmap(xml))
        inner = xml.scope(scope)
        model = model_of(schema)
        if value is None:  # XML has no null: xsi:nil says it
            schema.check(value, path)
            element.set(XSI_NIL, "true")
        elif model is not None:
            self.object(element, model, model.check(value, path), inner, path)
        elif isinstance(schema, AnyValue) and isinstance(value, dict):
            for key, item in value.items():
                self.value(element, named(key), schema, item, inner, f"{path}.{key}")
        elif isinstance(schema, ArrayOf):
            raise SchemaViolation(path, "nested arrays have no XML form")
        else:
            element.text = schema.to_text(value, path)


@lru_cache(maxsize=256)
def write_plan(
    schema: ModelSchema, scope: str | None
) -> tuple[tuple[str, Property, str, dict[str | None, str] | None], ...]:
    """Per model and scope, once: each property with its element name and namespace map."""
    return tuple((prop.name, prop, prop.xml.tag(scope), nsmap(prop.xml)) for prop in schema.properties)
