"""The naming rules: which element or attribute carries each value, and how a message tells a name.

Every reader and writer (the reference and the fast ones) names elements through these
functions, so that a document is written and read by one rule. Names are in lxml's
``{namespace}local`` notation; an element's own name comes from ``Xml.tag`` (in ``_schema``).

Strict in what we send, liberal in what we read: an element is written exactly where the spec
puts it, and read as the same element when it arrives

* under any name, where the spec names none and its place tells what it is (a root, an item of a
  root or wrapped array: see ``Xml.given``);
* qualified in the namespace its parent arrived in, where the spec gives it no namespace of its
  own (``<booking xmlns="urn:x"><id>``, ``<b:booking xmlns:b="urn:x"><b:id>``): a server that
  qualifies every element;
* in a namespace the spec does not declare, or without the one it declares, only by a liberal
  read (``Document.liberal``: a response, unless read strictly).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from lxml import etree

from ..._schema import ArrayOf, ModelSchema, Property, SchemaViolation, Xml, model_of

__all__ = [
    "XSI_NIL",
    "array_items_xml",
    "attributes",
    "by_local_name",
    "clark_to_text",
    "elements",
    "find_element",
    "got",
    "in_parent_scope",
    "named",
    "nsmap",
    "root_items_xml",
    "same_element",
    "tag_of",
]

XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
"""XML has no null: XML Schema's ``xsi:nil`` says it, as JAXB and .NET read it."""


def nsmap(xml: Xml) -> dict[str | None, str] | None:
    """The namespace declaration an element of ``xml`` carries, if any."""
    return {xml.prefix: xml.namespace} if xml.namespace is not None else None


def namespace_of(tag: object) -> str | None:
    """The namespace of a ``{namespace}local`` name; None for a name in no namespace."""
    return tag[1:].partition("}")[0] if isinstance(tag, str) and tag.startswith("{") else None


def tag_of(element: etree._Element, path: str) -> str:
    """An element's ``{namespace}local`` name; other nodes (entity references) are refused."""
    tag = element.tag
    if not isinstance(tag, str):
        raise SchemaViolation(path, "unexpected entity reference or other non-element node")
    return tag


def array_items_xml(prop_name: str, array: ArrayOf, xml: Xml) -> Xml:
    # items.xml.name names each element; else a model's own element name (as Swagger's tools
    # write `<tags><tag>...</tag></tags>`); else the property's name (OpenAPI's rule for scalars).
    if array.item_xml is not None:
        return array.item_xml
    model = model_of(array.items)
    if model is not None:
        return model.xml
    return Xml(name=prop_name, namespace=xml.namespace, prefix=xml.prefix)


def root_items_xml(array: ArrayOf) -> Xml:
    # A root array has no property to name its items: items.xml.name, else the model's element.
    if array.item_xml is not None:
        return array.item_xml
    model = model_of(array.items)
    return model.xml if model is not None else Xml("item", given=False)


@lru_cache(maxsize=256)
def attributes(schema: ModelSchema) -> tuple[Property, ...]:
    return tuple(prop for prop in schema.properties if prop.xml.attribute)


@lru_cache(maxsize=256)
def elements(schema: ModelSchema, scope: str | None) -> Mapping[str, Property]:
    """The properties of ``schema`` by the element name that carries them, in ``scope``."""
    by_tag: dict[str, Property] = {}
    for prop in schema.properties:
        if prop.xml.attribute:
            continue
        if isinstance(prop.schema, ArrayOf) and not prop.xml.wrapped:
            by_tag[array_items_xml(prop.name, prop.schema, prop.xml).tag(scope)] = prop
        else:
            by_tag[prop.xml.tag(scope)] = prop
    return by_tag


@lru_cache(maxsize=256)
def by_local_name(schema: ModelSchema, scope: str | None) -> Mapping[str, tuple[str, Xml]]:
    """The elements of :func:`elements` by their local name (the name in ``elements``, and its
    ``xml``), for the names only one of them has."""
    found: dict[str, list[tuple[str, Xml]]] = {}
    for tag, prop in elements(schema, scope).items():
        xml = prop.xml
        if isinstance(prop.schema, ArrayOf) and not xml.wrapped:
            xml = array_items_xml(prop.name, prop.schema, xml)
        found.setdefault(xml.name, []).append((tag, xml))
    return {local: entries[0] for local, entries in found.items() if len(entries) == 1}


def _split(tag: str) -> tuple[str | None, str]:
    if tag[:1] == "{":
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return None, tag


def _qualified_alike(xml: Xml, namespace: str | None, parent_tag: object, liberal: bool) -> bool:
    """Whether an element named as ``xml`` says, arrived in ``namespace`` under a parent that
    arrived as ``parent_tag``, is the one the spec means (see the module's rules)."""
    return liberal or (xml.namespace is None and namespace == namespace_of(parent_tag))


def find_element(tag: object, parent_tag: object, by_local: Mapping[str, tuple[str, Xml]], liberal: bool) -> str | None:
    """The name in ``elements`` of a child that arrived as ``tag`` under a parent that arrived as
    ``parent_tag``, when not the same name (see the module's rules); None: no element of the schema."""
    if not isinstance(tag, str):
        return None
    namespace, local = _split(tag)
    entry = by_local.get(local)
    if entry is None or not _qualified_alike(entry[1], namespace, parent_tag, liberal):
        return None
    return entry[0]


def same_element(xml: Xml, expected: str, tag: object, parent_tag: object, liberal: bool) -> bool:
    """Whether an element that arrived as ``tag`` in a place that holds only the element ``xml``
    names (a root, an item of a root or wrapped array) is that element; ``expected`` is its name
    in its scope, ``parent_tag`` how its parent arrived (None for a root)."""
    if tag == expected or not xml.given:
        return isinstance(tag, str)
    if not isinstance(tag, str):
        return False
    namespace, local = _split(tag)
    return local == xml.name and _qualified_alike(xml, namespace, parent_tag, liberal)


def in_parent_scope(tag: str, scope: str | None, parent_tag: object, liberal: bool) -> str | None:
    """The local name of an element the schema does not name (an additional property) that
    arrived as ``tag``, when it is in its parent's namespace (the spec's or as the parent
    arrived), or read liberally; else None."""
    namespace, local = _split(tag)
    if namespace == scope or namespace == namespace_of(parent_tag) or liberal:
        return local
    return None


@lru_cache(maxsize=1024)
def named(name: str) -> Xml:
    """The ``xml`` of an element the schema does not name: just its key."""
    return Xml(name=name)


def got(tag: object, expected: str) -> str:
    """What a message says of an element the server sent: its name is the server's text, which
    may echo a secret, so only a difference of namespace is told."""
    if not isinstance(tag, str):
        return "a non-element node"
    local, expected_local = tag.rpartition("}")[2], expected.rpartition("}")[2]
    return f"{clark_to_text(expected_local)} in another namespace" if local == expected_local else "another element"


def clark_to_text(tag: object) -> str:
    """A name the spec gives, as a message says it: ``<local> in namespace '...'``."""
    if not isinstance(tag, str):
        return "a non-element node"
    namespace, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    return f"<{local}> in namespace {namespace!r}" if namespace else f"<{local}>"
