"""The reference XML reader: any document the spec allows, read into JSON-shaped data, every error worded.

Its results and its errors are the ones callers see; the fast reader (``_fast_reader``) answers
only where it gives the same data, and leaves every error to this one.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ..._schema import (
    AnyValue,
    ArrayOf,
    Document,
    ModelSchema,
    OneOf,
    Property,
    Scalar,
    Schema,
    SchemaViolation,
    Xml,
    model_of,
)
from ._names import (
    XSI_NIL,
    array_items_xml,
    attributes,
    by_local_name,
    clark_to_text,
    elements,
    find_element,
    got,
    in_parent_scope,
    root_items_xml,
    same_element,
    tag_of,
)

__all__ = ["read_reference"]


def read_reference(root: etree._Element, document: Document) -> object:
    """What the reference reader reads from a document whose root name was checked: every error worded."""
    reader = _Reader(document.liberal)
    return document.schema.check(reader.root(root, document.schema, document.root()), "$")


class _Reader:
    def __init__(self, liberal: bool) -> None:
        self.liberal = liberal
        """Whether elements are taken by their names in a namespace the spec does not declare."""

    def root(self, element: etree._Element, schema: Schema, xml: Xml) -> Any:
        """Read a whole body from its root ``element``, named as ``xml`` says."""
        scope = xml.scope(None)
        model = model_of(schema)
        if model is not None:
            return self.object(element, model, scope, "$")
        if not isinstance(schema, ArrayOf):
            return self.value(element, schema, scope, "$")
        return self._items(element, schema, root_items_xml(schema), scope, "$")

    def object(self, element: etree._Element, schema: ModelSchema, scope: str | None, path: str) -> dict[str, Any]:
        """Read an object element; ``scope`` is the default namespace its children are expected in."""
        if element.text and not element.text.isspace():
            raise SchemaViolation(path, "unexpected text between elements")
        data: dict[str, Any] = {}
        for prop in attributes(schema):
            text = element.get(prop.xml.tag(None))
            if text is not None:
                data[prop.name] = prop.schema.from_text(text, f"{path}.{prop.name}")
        by_tag = elements(schema, scope)
        for child in element:
            if child.tail and not child.tail.isspace():
                raise SchemaViolation(path, "unexpected text between elements")
            tag = tag_of(child, path)
            known = by_tag.get(tag)
            if known is None:
                found = find_element(tag, element.tag, by_local_name(schema, scope), self.liberal)
                known = by_tag[found] if found is not None else None
            if known is None:
                self._additional(child, element.tag, schema, scope, data, path)
            elif type(known.schema) is Scalar and known.name not in data and not len(child) and not child.attrib:
                # most elements: one plain scalar, read without a detour
                try:
                    data[known.name] = known.schema.from_text(child.text or "", "")
                except SchemaViolation as violation:
                    raise violation.under(f"{path}.{known.name}") from None
            else:
                self.property(child, known, scope, data, f"{path}.{known.name}")
        return data

    def property(
        self, child: etree._Element, prop: Property, scope: str | None, data: dict[str, Any], path: str
    ) -> None:
        if not isinstance(prop.schema, ArrayOf):
            if prop.name in data:
                raise SchemaViolation(path, "appears more than once")
            data[prop.name] = self.value(child, prop.schema, prop.xml.scope(scope), path)
            return
        items_xml = array_items_xml(prop.name, prop.schema, prop.xml)
        if not prop.xml.wrapped:
            items = data.setdefault(prop.name, [])
            items.append(self.value(child, prop.schema.items, items_xml.scope(scope), f"{path}[{len(items)}]"))
            return
        if prop.name in data:
            raise SchemaViolation(path, "appears more than once")
        data[prop.name] = self._items(child, prop.schema, items_xml, prop.xml.scope(scope), path)

    def value(self, element: etree._Element, schema: Schema, scope: str | None, path: str) -> Any:
        """Read one element's value; ``scope`` is the default namespace of its children."""
        if element.get(XSI_NIL) in ("true", "1"):
            return None
        model = model_of(schema)
        if model is not None:
            return self.object(element, model, scope, path)
        if isinstance(schema, AnyValue):
            return self._any(element, scope, path)
        if isinstance(schema, ArrayOf):
            raise SchemaViolation(path, "nested arrays have no XML form")
        if isinstance(schema, OneOf):
            return self._option(element, schema, scope, path)
        if len(element):
            raise SchemaViolation(path, "expected text, got child elements")
        return schema.from_text(element.text or "", path)

    def _option(self, element: etree._Element, union: OneOf, scope: str | None, path: str) -> Any:
        """The element read as the option its discriminator names, else as the first option that
        reads it and takes the value: the options JSON's check tries, in its order."""
        discriminator = union.discriminator
        options = union.options
        if discriminator is not None:
            text = _discriminator_text(element, union, discriminator.property, scope)
            if text is not None:
                options = union.named({discriminator.property: text})

        def read(option: Schema) -> Any:
            return option.check(self.value(element, option, scope, path), path)

        return union.first(read, path, options)

    def _items(
        self, element: etree._Element, array: ArrayOf, items_xml: Xml, scope: str | None, path: str
    ) -> list[Any]:
        """The items of an element that holds nothing else: a wrapped array, or a root array."""
        self._no_text(element, path)
        item_tag = items_xml.tag(scope)
        values = []
        for index, item in enumerate(element):
            if not same_element(items_xml, item_tag, tag_of(item, path), element.tag, self.liberal):
                raise SchemaViolation(
                    f"{path}[{index}]", f"expected {clark_to_text(item_tag)}, got {got(item.tag, item_tag)}"
                )
            values.append(self.value(item, array.items, items_xml.scope(scope), f"{path}[{index}]"))
        return values

    def _additional(
        self,
        child: etree._Element,
        parent_tag: Any,  # (``object`` is a method here)
        schema: ModelSchema,
        scope: str | None,
        data: dict[str, Any],
        path: str,
    ) -> None:
        name = in_parent_scope(tag_of(child, path), scope, parent_tag, self.liberal)
        if name is None:
            raise SchemaViolation(path, "an element in a namespace the spec does not declare here")
        if schema.additional_properties is None or name in schema.by_name:
            raise SchemaViolation(path, "an element the schema does not declare")
        value = self.value(child, schema.additional_properties, scope, f"{path}.*")
        if name in data:  # a repeated unknown element is a list, as an unwrapped array would be
            previous = data[name]
            data[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            data[name] = value

    def _any(self, element: etree._Element, scope: str | None, path: str) -> Any:
        if not len(element):
            return element.text or ""
        self._no_text(element, path)
        data: dict[str, Any] = {}
        for child in element:
            self._additional(child, element.tag, _SCHEMALESS, scope, data, path)
        return data

    @staticmethod
    def _no_text(element: etree._Element, path: str) -> None:
        if (element.text or "").strip() or any((child.tail or "").strip() for child in element):
            raise SchemaViolation(path, "unexpected text between elements")


def _discriminator_text(element: etree._Element, union: OneOf, name: str, scope: str | None) -> str | None:
    """The discriminator property's text in ``element``: the attribute or child element the
    options' schemas say it is (the first option that declares it), None when absent."""
    for option in union.options:
        model = model_of(option)
        prop = model.by_name.get(name) if model is not None else None
        if prop is None:
            continue
        if prop.xml.attribute:
            return element.get(prop.xml.tag(None))
        child = element.find(prop.xml.tag(scope))
        return None if child is None or len(child) else (child.text or "")
    return None


_SCHEMALESS = ModelSchema(name="object", xml=Xml(name="object"), properties=(), additional_properties=AnyValue())
