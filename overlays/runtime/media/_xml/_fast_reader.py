"""The fast XML reader: plans made once per model and namespace scope, for the common documents.

The reference reader (``_reader``) walks any document the spec allows and words every error;
most answers are plainer: known elements, text, nested models, arrays. For those, a plan reads
each child with one dictionary read, and the data is checked by the schema's compiled check
(``_compiled``). At the first thing it leaves to the reference (an element it has no rule for,
xsi:nil, an element given twice, text between elements, a value the schema refuses) it gives up
and the reference reads the document again: results and errors are always the reference's.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, NoReturn

from lxml import etree

from ..._compiled import Check, Invalid, Reader
from ..._schema import (
    INTEGER_TEXT,
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
from .._registry import UNDECIDED
from ._names import (
    XSI_NIL,
    array_items_xml,
    attributes,
    by_local_name,
    elements,
    find_element,
    in_parent_scope,
    root_items_xml,
    same_element,
)

__all__ = ["UNDECIDED", "plan", "read_fast"]


# What ``read_fast`` answers when it leaves the document to the reference reader: the registry's
# own mark, so that a one-pass read (``XmlCodec.read``) hands it on as it is.

_Read = Callable[[etree._Element], Any]


class _Undecided(Exception):
    """The fast reader met something it leaves to the reference reader."""


@lru_cache(maxsize=256)
def plan(document: Document) -> tuple[Xml, _Read | None]:
    """Per document, once: the root element's ``xml``, and the fast reader of the root: a model,
    or an array (of models, or of text)."""
    root_xml, schema, liberal = document.root(), document.schema, document.liberal
    model = model_of(schema)
    fast: _Read | None = None
    if model is not None:
        fast = _fast_object(model, root_xml.scope(None), liberal)
    elif isinstance(schema, ArrayOf):
        fast = _fast_items(schema.items, root_items_xml(schema), root_xml.scope(None), liberal)
    return root_xml, fast


def read_fast(root: etree._Element, read: _Read, check: Check, reader: Reader | None = None) -> Any:
    """The checked data, or ``UNDECIDED``; with a compiled ``reader``, the typed value it checks
    and builds from the data in one pass (see ``_compiled.reader_for``)."""
    try:
        data = read(root)
        if reader is not None:
            return reader(data)[0]
        check(data)
        return data
    except (_Undecided, SchemaViolation, Invalid, KeyError):  # (KeyError: a reader's missing property)
        return UNDECIDED


def _undecided(element: etree._Element) -> NoReturn:
    raise _Undecided


def _plain(schema: Schema) -> bool:
    """Whether an element of ``schema`` holding text is read as that text: a string, or anything.

    (A string's enum and pattern are the compiled check's to enforce, after reading.)
    """
    return isinstance(schema, AnyValue) or (type(schema) is Scalar and schema.type == "string")


def _nil(element: etree._Element) -> bool:
    # keys() first: most elements have no attributes, and get() parses the name it is given.
    return bool(element.keys()) and element.get(XSI_NIL) is not None


def _nil_or_children(element: etree._Element) -> bool:
    return bool(len(element)) or _nil(element)


@lru_cache(maxsize=256)
def _fast_object(schema: ModelSchema, scope: str | None, liberal: bool) -> _Read:
    """The reader of one object element whose children are in the default namespace ``scope``
    (``liberal``: as ``Document.liberal`` reads)."""
    by_attribute = tuple((prop.name, prop.xml.tag(None), prop.schema.from_text) for prop in attributes(schema))
    # Per element name: the property, how its text becomes the value (None: as it is) when it holds
    # text (inline, the common case), else its reader, and whether the element repeats (an unwrapped
    # array). Checks of the few calls per element are written out inline: this is the inner loop.
    by_tag = {tag: (prop.name, *_fast_property(prop, scope, liberal)) for tag, prop in elements(schema, scope).items()}
    by_local = by_local_name(schema, scope)
    extra = schema.additional_properties
    read_extra = None if extra is None else _fast_value(extra, scope, liberal)
    known = schema.by_name

    def read(element: etree._Element) -> dict[str, Any]:
        text = element.text
        if text and not text.isspace():
            raise _Undecided
        data: dict[str, Any] = {}
        for name, attribute, from_text in by_attribute:
            value = element.get(attribute)
            if value is not None:
                data[name] = from_text(value, "$")
        for child in element:
            tail = child.tail
            if tail and not tail.isspace():
                raise _Undecided
            child_tag: Any = child.tag  # a str for elements (lxml types it wider)
            entry = by_tag.get(child_tag)
            if entry is None:  # named otherwise than the spec writes it (see _names), or unknown
                found = find_element(child_tag, element.tag, by_local, liberal)
                if found is not None:
                    entry = by_tag[found]
            if entry is None:  # a property the schema does not name, in the parent's namespace
                if read_extra is None or type(child_tag) is not str:
                    raise _Undecided
                key = in_parent_scope(child_tag, scope, element.tag, liberal)
                if key is None or key in known or key in data:
                    raise _Undecided
                data[key] = read_extra(child)
                continue
            name, convert, read_child, repeats = entry
            if read_child is None:
                if len(child) or (child.keys() and child.get(XSI_NIL) is not None):  # _nil_or_children
                    raise _Undecided
                value = child.text or ""
                if convert is not None:
                    value = convert(value)
            else:
                value = read_child(child)
            if not repeats:
                if name in data:
                    raise _Undecided
                data[name] = value
            elif name in data:
                data[name].append(value)
            else:
                data[name] = [value]
        return data

    return read


def _fast_property(
    prop: Property, scope: str | None, liberal: bool
) -> tuple[Callable[[str], Any] | None, _Read | None, bool]:
    """How a property's element is read: its text, converted by the first (None: as it is), or
    else by the second; and whether the element repeats."""
    schema, xml, repeats = prop.schema, prop.xml, False
    if isinstance(schema, ArrayOf):
        items_xml = array_items_xml(prop.name, schema, xml)
        if xml.wrapped:
            return None, _fast_items(schema.items, items_xml, xml.scope(scope), liberal), False
        schema, xml, repeats = schema.items, items_xml, True
    if _of_text(schema):
        return _text_converter(schema), None, repeats
    return None, _fast_value(schema, xml.scope(scope), liberal), repeats


@lru_cache(maxsize=256)
def _fast_items(items: Schema, items_xml: Xml, scope: str | None, liberal: bool) -> _Read:
    """The reader of an element that holds an array's items and nothing else (a wrapped array, or
    a root array); ``scope`` is the default namespace of its children."""
    item_tag = items_xml.tag(scope)
    read_item = _fast_value(items, items_xml.scope(scope), liberal)
    of_text, convert = _of_text(items), _text_converter(items)

    def read_items(element: etree._Element) -> list[Any]:
        text = element.text
        if (text and not text.isspace()) or element.keys():
            raise _Undecided
        values = []
        for item in element:
            tail = item.tail
            if (tail and not tail.isspace()) or (
                item.tag != item_tag and not same_element(items_xml, item_tag, item.tag, element.tag, liberal)
            ):
                raise _Undecided
            if of_text:  # read_text, inline
                if len(item) or (item.keys() and item.get(XSI_NIL) is not None):
                    raise _Undecided
                value = item.text or ""
                values.append(value if convert is None else convert(value))
            else:
                values.append(read_item(item))
        return values

    return read_items


def _fast_value(schema: Schema, scope: str | None, liberal: bool) -> _Read:
    """The reader of one element's value, as the reference's ``value`` reads it; ``_undecided`` where
    it reads something other than text or a model (nested arrays, objects without a schema)."""
    model = model_of(schema)
    if model is not None:
        # Made when first met: models may refer to each other, or to themselves.
        made: list[_Read] = []

        def read_model(element: etree._Element) -> Any:
            if element.keys() and element.get(XSI_NIL) is not None:  # _nil, inline
                raise _Undecided
            if not made:
                made.append(_fast_object(model, scope, liberal))
            return made[0](element)

        return read_model
    if isinstance(schema, ArrayOf):
        return _undecided
    convert = _text_converter(schema)

    def read_text(element: etree._Element) -> Any:
        if _nil_or_children(element):
            raise _Undecided
        text = element.text or ""
        return text if convert is None else convert(text)

    return read_text


def _of_text(schema: Schema) -> bool:
    """Whether an element of ``schema`` is read from its text (not a model, not an array)."""
    return model_of(schema) is None and not isinstance(schema, ArrayOf)


def _text_converter(schema: Schema) -> Callable[[str], Any] | None:
    """How the text of an element of ``schema`` becomes its value: None where it is the value."""
    return None if _plain(schema) else _converter(schema)


def _converter(schema: Schema) -> Callable[[str], Any]:
    """``schema.from_text`` without its path and messages: integers and unions of scalars, the
    common non-string values, take no detour; an option that refuses the text costs no message.

    The value is checked against ``schema`` as ``from_text`` checks it, except that of a plain
    string (see ``_plain``) left to the compiled check; so a union picks the option ``from_text`` picks.
    """
    if type(schema) is Scalar and schema.type == "integer" and schema.enum is None:
        integer_text = INTEGER_TEXT.fullmatch

        def integer(text: str) -> int:
            if integer_text(text) is None:
                raise _Undecided
            return int(text)

        return integer
    if isinstance(schema, OneOf):
        options = tuple(_converter(option) for option in schema.options)

        def first(text: str) -> Any:
            for convert in options:  # the first option that reads the text, as OneOf.from_text
                try:
                    return convert(text)
                except (_Undecided, SchemaViolation):
                    continue
            raise _Undecided

        return first
    from_text = schema.from_text
    return lambda text: from_text(text, "$")
