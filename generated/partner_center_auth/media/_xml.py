"""XML (``application/xml``, ``text/xml``, ``+xml``), shaped by the spec's OpenAPI ``xml`` objects.

The rules, for any schema:

* the root element is the schema's ``xml.name``, else its component name;
* a property is a child element named by its ``xml.name``, else the property name; with
  ``attribute: true`` it is an attribute of its parent instead;
* ``namespace`` and ``prefix`` qualify the element; a namespace without a prefix becomes the
  default namespace, which children inherit as XML scoping says;
* arrays are repeated elements (named by ``items.xml.name``, else the property name), inside one
  wrapper element (named by the array's ``xml.name``, else the property name) only when
  ``wrapped: true``;
* properties the schema does not name (additional properties, schemaless values) are elements
  named by their key, holding text or, for objects, child elements.

Parsing is safe: no entities resolved, no DTD loaded, no network, no huge trees (libxml2's
limits on depth and node size stay on), and a document with a DOCTYPE or a processing
instruction (an XSLT stylesheet, say) is refused outright.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any, NoReturn

from lxml import etree

from .._compiled import Invalid, check_for
from .._errors import DeserializationError, SerializationError
from .._schema import (
    _INTEGER,  # integer text, as Scalar.from_text reads it
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

MEDIA_TYPE = "application/xml"
_XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


class _RefuseExternal(etree.Resolver):  # type: ignore[type-arg, misc, unused-ignore]
    """Refuses every external resource (DTD, entity) before libxml2 opens a file or a socket."""

    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> None:
        raise SchemaViolation("$", "external resources (DTDs, entities) are not allowed")


_parsers = threading.local()


def _parser(encoding: str | None) -> etree.XMLParser:
    """The safe parser for ``encoding``, made once per thread (lxml parsers are not shared across threads)."""
    cache: dict[str | None, etree.XMLParser] | None = getattr(_parsers, "by_encoding", None)
    if cache is None:
        cache = _parsers.by_encoding = {}
    parser = cache.get(encoding)
    if parser is None:
        parser = cache[encoding] = _new_parser(encoding)
    return parser


def _new_parser(encoding: str | None) -> etree.XMLParser:
    parser = etree.XMLParser(
        encoding=encoding,
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=False,  # kept so that they can be refused
        collect_ids=False,
    )
    parser.resolvers.add(_RefuseExternal())
    return parser


class XmlCodec:
    def encode(self, data: object, document: Document, *, charset: str | None) -> bytes:
        try:
            root_xml, _ = document.root()
            root = etree.Element(_tag(root_xml, None), nsmap=_nsmap(root_xml))
            model = model_of(document.schema)
            if model is not None and isinstance(data, dict) and _checked(document.schema, data):
                _write_fast(root, model, root_xml.scope(None), data)
            else:
                _Writer().root(root, document.schema, root_xml, data)
            encoding = charset or "utf-8"
            written: bytes = etree.tostring(root, xml_declaration=True, encoding=encoding)
            return written
        except SchemaViolation as violation:
            raise SerializationError(
                f"cannot write {document.name} as XML: {violation}", media_type=MEDIA_TYPE
            ) from None
        except (ValueError, TypeError, LookupError) as error:  # lxml: "All strings must be XML compatible"
            raise SerializationError(f"cannot write {document.name} as XML: {error}", media_type=MEDIA_TYPE) from None

    def decode(self, content: bytes, document: Document, *, charset: str | None) -> object:
        # Raised after the except block, from a frame that holds no decoded value (see _json).
        try:
            return _read(content, document, charset)
        except SchemaViolation as violation:
            problem = f"XML does not match {document.name}: {violation}"
        except etree.XMLSyntaxError as error:  # libxml2's message quotes the document: its code and place only
            problem = f"not valid XML ({_syntax_error(error)})"
        except (ValueError, LookupError, RecursionError) as error:
            problem = f"not valid XML: {error}"
        raise DeserializationError(problem, media_type=MEDIA_TYPE, content=content)


def _read(content: bytes, document: Document, charset: str | None) -> object:
    """The JSON-shaped data of an XML document, after the safety checks, checked against its schema."""
    root = _parse(content, charset)
    expected, fast = _plan(document)
    if expected is not None and root.tag != expected:
        raise SchemaViolation("$", f"expected root element {_clark_to_text(expected)}, got {_got(root.tag, expected)}")
    if fast is not None:
        data = _read_fast(root, fast, check_for(document.schema))
        if data is not _UNDECIDED:
            return data
    return _read_reference(root, document)


def _parse(content: bytes, charset: str | None) -> etree._Element:
    """The root element of a document that passed the safety checks."""
    root = etree.fromstring(content, _parser(charset))
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype:
        raise SchemaViolation("$", "a DOCTYPE is not allowed")
    if root.getprevious() is not None or root.getnext() is not None:  # comments are already gone
        raise SchemaViolation("$", "processing instructions are not allowed")
    return root


def _read_reference(root: etree._Element, document: Document) -> object:
    """What the reference reader reads from a document whose root name was checked: every error worded."""
    root_xml, named = document.root()
    return document.schema.check(_Reader().root(root, document.schema, root_xml if named else None), "$")


@lru_cache(maxsize=256)
def _plan(document: Document) -> tuple[str | None, _Read | None]:
    """Per document, once: the root element's name if the reader must find exactly it, and the
    fast reader of a model root."""
    root_xml, named = document.root()
    model = model_of(document.schema)
    fast = _fast_object(model, root_xml.scope(None)) if named and model is not None else None
    return (_tag(root_xml, None) if named else None), fast


def _tag(xml: Xml, inherited_namespace: str | None) -> str:
    return xml.tag(inherited_namespace)


def _nsmap(xml: Xml) -> dict[str | None, str] | None:
    return {xml.prefix: xml.namespace} if xml.namespace is not None else None


def _namespace_of(tag: object) -> str | None:
    return tag[1:].partition("}")[0] if isinstance(tag, str) and tag.startswith("{") else None


def _syntax_error(error: etree.XMLSyntaxError) -> str:
    last = error.error_log.last_error if error.error_log else None
    kind = last.type_name if last is not None else f"error {error.code}"
    line, column = error.position if error.position else (0, 0)
    return f"{kind} at line {line}, column {column}"


def _got(tag: object, expected: str) -> str:
    """What a message says of an element the server sent: its name is the server's text, which
    may echo a secret, so only a difference of namespace is told."""
    if not isinstance(tag, str):
        return "a non-element node"
    local, expected_local = tag.rpartition("}")[2], expected.rpartition("}")[2]
    return f"{_clark_to_text(expected_local)} in another namespace" if local == expected_local else "another element"


def _clark_to_text(tag: object) -> str:
    if not isinstance(tag, str):
        return "a non-element node"
    namespace, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    return f"<{local}> in namespace {namespace!r}" if namespace else f"<{local}>"


def _name(element: etree._Element, path: str) -> str:
    """An element's ``{namespace}local`` name; other nodes (entity references) are refused."""
    tag = element.tag
    if not isinstance(tag, str):
        raise SchemaViolation(path, "unexpected entity reference or other non-element node")
    return tag


def _array_items_xml(prop_name: str, array: ArrayOf, xml: Xml) -> Xml:
    # items.xml.name names each element; else a model's own element name (as Swagger's tools
    # write `<tags><tag>...</tag></tags>`); else the property's name (OpenAPI's rule for scalars).
    if array.item_xml is not None:
        return array.item_xml
    model = model_of(array.items)
    if model is not None:
        return model.xml
    return Xml(name=prop_name, namespace=xml.namespace, prefix=xml.prefix)


def _root_items_xml(array: ArrayOf) -> Xml:
    # A root array has no property to name its items: items.xml.name, else the model's element.
    if array.item_xml is not None:
        return array.item_xml
    model = model_of(array.items)
    return model.xml if model is not None else Xml("item")


@lru_cache(maxsize=256)
def _attributes(schema: ModelSchema) -> tuple[Property, ...]:
    return tuple(prop for prop in schema.properties if prop.xml.attribute)


@lru_cache(maxsize=256)
def _elements(schema: ModelSchema, scope: str | None) -> Mapping[str, Property]:
    """The properties of ``schema`` by the element name that carries them, in ``scope``."""
    by_tag: dict[str, Property] = {}
    for prop in schema.properties:
        if prop.xml.attribute:
            continue
        if isinstance(prop.schema, ArrayOf) and not prop.xml.wrapped:
            by_tag[_tag(_array_items_xml(prop.name, prop.schema, prop.xml), scope)] = prop
        else:
            by_tag[_tag(prop.xml, scope)] = prop
    return by_tag


class _Writer:
    def root(self, element: etree._Element, schema: Schema, xml: Xml, data: Any) -> None:
        """Write a whole body into its root ``element``."""
        scope = xml.scope(None)
        model = model_of(schema)
        if model is not None:
            self.object(element, model, model.check(data, "$"), scope, "$")
        elif isinstance(schema, ArrayOf):
            schema.check(data, "$")
            items_xml = _root_items_xml(schema)
            for index, item in enumerate(data):
                self.value(element, items_xml, schema.items, item, scope, f"$[{index}]")
        elif isinstance(schema, AnyValue) and isinstance(data, dict | list):
            items = data.items() if isinstance(data, dict) else (("item", item) for item in data)
            for key, item in items:
                self.value(element, _named(key), schema, item, scope, f"$.{key}")
        else:
            if isinstance(schema, OneOf):
                schema = schema.option_for(data, "$")
            element.text = schema.to_text(data, "$")

    def object(
        self, element: etree._Element, schema: ModelSchema, data: Mapping[str, Any], scope: str | None, path: str
    ) -> None:
        for name, prop, tag, nsmap in _write_plan(schema, scope):
            if name not in data:
                continue
            try:
                if type(prop.schema) is Scalar and not prop.xml.attribute:  # most properties
                    etree.SubElement(element, tag, nsmap=nsmap).text = prop.schema.to_text(data[name], "")
                else:
                    self.property(element, prop, data[name], scope, "")
            except SchemaViolation as violation:
                raise violation.under(f"{path}.{name}") from None
        extra = schema.additional_properties or AnyValue()
        for key in data:  # in the caller's order: the same bytes on every run
            if key not in schema.by_name:
                self.value(element, _named(key), extra, data[key], scope, f"{path}.{key}")

    def property(self, element: etree._Element, prop: Property, value: Any, scope: str | None, path: str) -> None:
        schema, xml = prop.schema, prop.xml
        if isinstance(schema, OneOf):
            schema = schema.option_for(value, path)
        if xml.attribute:
            element.set(_tag(xml, None), schema.to_text(value, path))
        elif isinstance(schema, ArrayOf):
            schema.check(value, path)
            parent = element
            if xml.wrapped:
                parent = etree.SubElement(element, _tag(xml, scope), nsmap=_nsmap(xml))
                scope = xml.scope(scope)
            items_xml = _array_items_xml(prop.name, schema, xml)
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
        element = etree.SubElement(parent, _tag(xml, scope), nsmap=_nsmap(xml))
        inner = xml.scope(scope)
        model = model_of(schema)
        if value is None:  # XML has no null: XML Schema's xsi:nil says it, as JAXB and .NET read it
            schema.check(value, path)
            element.set(_XSI_NIL, "true")
        elif model is not None:
            self.object(element, model, model.check(value, path), inner, path)
        elif isinstance(schema, AnyValue) and isinstance(value, dict):
            for key, item in value.items():
                self.value(element, _named(key), schema, item, inner, f"{path}.{key}")
        elif isinstance(schema, ArrayOf):
            raise SchemaViolation(path, "nested arrays have no XML form")
        else:
            element.text = schema.to_text(value, path)


@lru_cache(maxsize=1024)
def _named(name: str) -> Xml:
    """The ``xml`` of an element the schema does not name: just its key."""
    return Xml(name=name)


@lru_cache(maxsize=256)
def _write_plan(
    schema: ModelSchema, scope: str | None
) -> tuple[tuple[str, Property, str, dict[str | None, str] | None], ...]:
    """Per model and scope, once: each property with its element name and namespace map."""
    return tuple((prop.name, prop, _tag(prop.xml, scope), _nsmap(prop.xml)) for prop in schema.properties)


class _Reader:
    def root(self, element: etree._Element, schema: Schema, xml: Xml | None) -> Any:
        """Read a whole body from its root ``element`` (``xml`` None: the spec names no root)."""
        scope = xml.scope(None) if xml is not None else _namespace_of(element.tag)
        model = model_of(schema)
        if model is not None:
            return self.object(element, model, scope, "$")
        if not isinstance(schema, ArrayOf):
            return self.value(element, schema, scope, "$")
        self._no_text(element, "$")
        items_xml = _root_items_xml(schema)
        item_tag = _tag(items_xml, scope)
        values = []
        for index, item in enumerate(element):
            if _name(item, "$") != item_tag:
                raise SchemaViolation(
                    f"$[{index}]", f"expected {_clark_to_text(item_tag)}, got {_got(item.tag, item_tag)}"
                )
            values.append(self.value(item, schema.items, items_xml.scope(scope), f"$[{index}]"))
        return values

    def object(self, element: etree._Element, schema: ModelSchema, scope: str | None, path: str) -> dict[str, Any]:
        """Read an object element; ``scope`` is the default namespace its children are expected in."""
        if element.text and not element.text.isspace():
            raise SchemaViolation(path, "unexpected text between elements")
        data: dict[str, Any] = {}
        for prop in _attributes(schema):
            text = element.get(_tag(prop.xml, None))
            if text is not None:
                data[prop.name] = prop.schema.from_text(text, f"{path}.{prop.name}")
        by_tag = _elements(schema, scope)
        for child in element:
            if child.tail and not child.tail.isspace():
                raise SchemaViolation(path, "unexpected text between elements")
            known = by_tag.get(_name(child, path))
            if known is None:
                self._additional(child, schema, scope, data, path)
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
        items_xml = _array_items_xml(prop.name, prop.schema, prop.xml)
        if not prop.xml.wrapped:
            items = data.setdefault(prop.name, [])
            items.append(self.value(child, prop.schema.items, items_xml.scope(scope), f"{path}[{len(items)}]"))
            return
        if prop.name in data:
            raise SchemaViolation(path, "appears more than once")
        self._no_text(child, path)
        inner = prop.xml.scope(scope)
        item_tag = _tag(items_xml, inner)
        values = []
        for index, item in enumerate(child):
            if _name(item, path) != item_tag:
                raise SchemaViolation(
                    f"{path}[{index}]", f"expected {_clark_to_text(item_tag)}, got {_got(item.tag, item_tag)}"
                )
            values.append(self.value(item, prop.schema.items, items_xml.scope(inner), f"{path}[{index}]"))
        data[prop.name] = values

    def value(self, element: etree._Element, schema: Schema, scope: str | None, path: str) -> Any:
        """Read one element's value; ``scope`` is the default namespace of its children."""
        if element.get(_XSI_NIL) in ("true", "1"):
            return None
        model = model_of(schema)
        if model is not None:
            return self.object(element, model, scope, path)
        if isinstance(schema, AnyValue):
            return self._any(element, scope, path)
        if isinstance(schema, ArrayOf):
            raise SchemaViolation(path, "nested arrays have no XML form")
        if len(element):
            raise SchemaViolation(path, "expected text, got child elements")
        return schema.from_text(element.text or "", path)

    def _additional(
        self, child: etree._Element, schema: ModelSchema, scope: str | None, data: dict[str, Any], path: str
    ) -> None:
        tag = _name(child, path)
        namespace, _, name = tag[1:].partition("}") if tag.startswith("{") else (None, "", tag)
        if namespace != scope:
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
            self._additional(child, _SCHEMALESS, scope, data, path)
        return data

    @staticmethod
    def _no_text(element: etree._Element, path: str) -> None:
        if (element.text or "").strip() or any((child.tail or "").strip() for child in element):
            raise SchemaViolation(path, "unexpected text between elements")


_SCHEMALESS = ModelSchema(name="object", xml=Xml(name="object"), properties=(), additional_properties=AnyValue())


# The fast reader. The reader above walks any document the spec allows and words every error;
# most answers are plainer: known elements, text, nested models, arrays. For those, a plan made
# once per model and namespace scope reads each child with one dictionary read, and the data is
# checked by the schema's compiled check (``_compiled``). At the first thing it leaves to the
# reference (an element it has no rule for, xsi:nil, an element given twice, text between
# elements, a value the schema refuses) it gives up and the reference reads the document again:
# results and errors are always the reference's.

_UNDECIDED: Any = object()

_Read = Callable[[etree._Element], Any]


class _Undecided(Exception):
    """The fast reader met something it leaves to the reference reader."""


def _read_fast(root: etree._Element, read: _Read, check: Callable[[Any], int]) -> Any:
    """The checked data, or ``_UNDECIDED``."""
    try:
        data = read(root)
        check(data)
        return data
    except (_Undecided, SchemaViolation, Invalid):
        return _UNDECIDED


def _undecided(element: etree._Element) -> NoReturn:
    raise _Undecided


def _plain(schema: Schema) -> bool:
    """Whether an element of ``schema`` holding text is read as that text: a string, or anything.

    (A string's enum and pattern are the compiled check's to enforce, after reading.)
    """
    return isinstance(schema, AnyValue) or (type(schema) is Scalar and schema.type == "string")


def _nil(element: etree._Element) -> bool:
    # keys() first: most elements have no attributes, and get() parses the name it is given.
    return bool(element.keys()) and element.get(_XSI_NIL) is not None


def _nil_or_children(element: etree._Element) -> bool:
    return bool(len(element)) or _nil(element)


@lru_cache(maxsize=256)
def _fast_object(schema: ModelSchema, scope: str | None) -> _Read:
    """The reader of one object element whose children are in the default namespace ``scope``."""
    attributes = tuple((prop.name, _tag(prop.xml, None), prop.schema.from_text) for prop in _attributes(schema))
    # Per element name: the property, whether its text is read as it is (inline, the common case),
    # else its reader, and whether the element repeats (an unwrapped array).
    plan = {tag: (prop.name, *_fast_property(prop, scope)) for tag, prop in _elements(schema, scope).items()}
    extra = schema.additional_properties
    read_extra = None if extra is None else _fast_value(extra, scope)
    known = schema.by_name

    def read(element: etree._Element) -> dict[str, Any]:
        text = element.text
        if text and not text.isspace():
            raise _Undecided
        data: dict[str, Any] = {}
        for name, attribute, from_text in attributes:
            value = element.get(attribute)
            if value is not None:
                data[name] = from_text(value, "$")
        for child in element:
            tail = child.tail
            if tail and not tail.isspace():
                raise _Undecided
            child_tag: Any = child.tag  # a str for elements (lxml types it wider)
            entry = plan.get(child_tag)
            if entry is None:  # a property the schema does not name, in the parent's namespace
                tag = child_tag
                if read_extra is None or type(tag) is not str:
                    raise _Undecided
                namespace, _, name = tag[1:].partition("}") if tag[0] == "{" else (None, "", tag)
                if namespace != scope or name in known or name in data:
                    raise _Undecided
                data[name] = read_extra(child)
                continue
            name, plain, read_child, repeats = entry
            if plain:
                if _nil_or_children(child):
                    raise _Undecided
                value = child.text or ""
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


def _fast_property(prop: Property, scope: str | None) -> tuple[bool, _Read, bool]:
    """Whether a property's element holds text read as it is, its reader, and whether it repeats."""
    schema, xml = prop.schema, prop.xml
    if not isinstance(schema, ArrayOf):
        return _plain(schema), _fast_value(schema, xml.scope(scope)), False
    items_xml = _array_items_xml(prop.name, schema, xml)
    if not xml.wrapped:
        return _plain(schema.items), _fast_value(schema.items, items_xml.scope(scope)), True
    inner = xml.scope(scope)
    item_tag = _tag(items_xml, inner)
    read_item = _fast_value(schema.items, items_xml.scope(inner))

    def read_wrapped(element: etree._Element) -> list[Any]:
        text = element.text
        if (text and not text.isspace()) or element.keys():
            raise _Undecided
        values = []
        for item in element:
            tail = item.tail
            if item.tag != item_tag or (tail and not tail.isspace()):
                raise _Undecided
            values.append(read_item(item))
        return values

    return False, read_wrapped, False


def _fast_value(schema: Schema, scope: str | None) -> _Read:
    """The reader of one element's value, as the reference's ``value`` reads it; ``_undecided`` where
    it reads something other than text or a model (nested arrays, objects without a schema)."""
    model = model_of(schema)
    if model is not None:
        # Made when first met: models may refer to each other, or to themselves.
        made: list[_Read] = []

        def read_model(element: etree._Element) -> Any:
            if _nil(element):
                raise _Undecided
            if not made:
                made.append(_fast_object(model, scope))
            return made[0](element)

        return read_model
    if isinstance(schema, ArrayOf):
        return _undecided
    plain, convert = _plain(schema), _converter(schema)

    def read_text(element: etree._Element) -> Any:
        if _nil_or_children(element):
            raise _Undecided
        text = element.text or ""
        return text if plain else convert(text)

    return read_text


def _converter(schema: Schema) -> Callable[[str], Any]:
    """``schema.from_text`` without its path and messages: integers and unions of scalars, the
    common non-string values, take no detour; an option that refuses the text costs no message.

    The value is checked against ``schema`` as ``from_text`` checks it, except that of a plain
    string (see ``_plain``) left to the compiled check; so a union picks the option ``from_text`` picks.
    """
    if type(schema) is Scalar and schema.type == "integer" and schema.enum is None:
        integer_text = _INTEGER.fullmatch

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


# The fast writer: once the compiled check has passed, text and nested models are written
# without checking each value again; anything else (attributes, arrays, null, schemaless objects)
# is written by the reference writer, which checks its part as it always does.


def _checked(schema: Schema, data: object) -> bool:
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


def _write_fast(
    element: etree._Element, schema: ModelSchema, scope: str | None, data: Mapping[str, Any], path: str = "$"
) -> None:
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
            _write_fast(child, model, prop.xml.scope(scope), value, f"{path}.{name}")
        else:
            try:
                _Writer().property(element, prop, value, scope, "")
            except SchemaViolation as violation:  # worded as the reference writer words it
                raise violation.under(f"{path}.{name}") from None
    extra = schema.additional_properties or AnyValue()
    for key in data:
        if key not in schema.by_name:
            value = data[key]
            if isinstance(value, str):
                etree.SubElement(element, _tag(_named(key), scope)).text = value
            else:
                _Writer().value(element, _named(key), extra, value, scope, f"{path}.{key}")


_TEXT, _MODEL, _OTHER = "text", "model", "other"


@lru_cache(maxsize=256)
def _fast_write_plan(
    schema: ModelSchema, scope: str | None
) -> tuple[tuple[str, Property, str, dict[str | None, str] | None, str], ...]:
    """``_write_plan`` with how each property is written: as text, as a nested model, or by the reference."""

    def kind(prop: Property) -> str:
        if prop.xml.attribute:
            return _OTHER
        textual = (Scalar, AnyValue)
        if isinstance(prop.schema, textual) or (
            isinstance(prop.schema, OneOf) and all(isinstance(option, Scalar) for option in prop.schema.options)
        ):
            return _TEXT
        return _MODEL if model_of(prop.schema) is not None else _OTHER

    return tuple((*entry, kind(entry[1])) for entry in _write_plan(schema, scope))
