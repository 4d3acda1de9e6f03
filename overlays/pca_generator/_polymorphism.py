"""A reference to a base schema whose ``discriminator`` picks a subtype, read as that choice.

OpenAPI's inheritance (the Discriminator Object's ``Pet`` / ``Cat`` / ``Dog``): a base schema
declares ``discriminator``, and each subtype is ``allOf: [{$ref: Pet}, {...its own properties}]``.
Wherever the document names the base (a property, an array's items, a body, a response), the value
may be any subtype, the one the discriminator's property names: a ``mapping`` value, else the
subtype's component name. openapi-python-client reads such a reference as the base alone, and a
subtype's own properties end in ``additional_properties``.

So each such reference is rewritten into the union the project already reads and writes well:
``oneOf`` the base and its subtypes, with the base's discriminator. The base comes first: a value
naming no subtype (a type the spec does not list yet) fits it, and is read as the base (be liberal
in what you accept), while a value naming a subtype is built as that subtype. The base keeps its
own class (callers may construct it, and send it). A reference is the base as a document writes
it: ``{$ref: Pet}`` (``nullable: true`` or words beside it), or ``allOf`` that reference alone and
words (``allOf: [{$ref: Pet}], description: ...``, OpenAPI 3.0's way to describe a reference). A
union of the base and ``null`` (``anyOf: [{$ref: Pet}, {type: 'null'}]``, OpenAPI 3.1's nullable
reference), or of the base and some of its subtypes, with no discriminator of its own, gets the
other subtypes beside the base, and its discriminator. What stays the base:

* a reference that is a part of an ``allOf`` with more to it (a subtype's ``allOf: [{$ref: Pet},
  ...]`` is the base's properties, not a choice; reading it as the union would make the subtype
  its own option), and a component that is ``allOf`` the base alone (a subtype, by its name);
* a reference that is an option of any other ``oneOf`` / ``anyOf`` (the union says its options).

The subtypes: the components the ``mapping`` names, then every component that ``allOf``-composes
the base, directly or through another subtype (OpenAPI's implicit mapping, by component name).
A base with no subtype is left as it is.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from attrs import frozen

from ._pointer import schema_key, schema_reference

__all__ = ["polymorphic"]

_UNIONS = ("oneOf", "anyOf")
_PARTS = ("allOf", *_UNIONS)
"""The lists whose references keep their meaning: a part of the base, an option named already."""
_WORDS = frozenset({"description", "title", "example", "examples", "deprecated", "readOnly", "writeOnly", "nullable"})
"""What a reference may have beside it and still name the base: words about it, and ``nullable``."""
_NULL = {"type": "null"}


@frozen
class _Family:
    """A base schema with a discriminator, and its subtypes' component keys (the base not among them)."""

    base: str
    discriminator: Mapping[str, Any]
    subtypes: tuple[str, ...]

    def union(self, beside: Mapping[str, Any]) -> dict[str, Any]:
        """The schema a reference to the base (with ``beside`` it: ``nullable``, a description)
        reads as: the base, or the subtype its discriminator names."""
        options = [{"$ref": schema_reference(key)} for key in (self.base, *self.subtypes)]
        return {**copy.deepcopy(dict(beside)), "oneOf": options, "discriminator": copy.deepcopy(self.discriminator)}


def polymorphic(document: dict[str, Any]) -> None:
    """Rewrite, in place, each reference to a base schema with a discriminator and subtypes into
    ``oneOf`` the base and its subtypes, picked by the base's discriminator."""
    schemas = (document.get("components") or {}).get("schemas")
    if not isinstance(schemas, dict):
        return
    families = {family.base: family for family in _families(schemas)}
    if families:
        _rewrite(document, families, {id(schema) for schema in schemas.values()}, kept=False)


def _families(schemas: Mapping[str, Any]) -> list[_Family]:
    """Each component that declares a discriminator (and is no union), with its subtypes."""
    children: dict[str, list[str]] = {}
    for key, schema in schemas.items():
        for part in (schema.get("allOf") if isinstance(schema, dict) else None) or ():
            parent = schema_key(part.get("$ref")) if isinstance(part, dict) else None
            if parent is not None and parent != key:
                children.setdefault(parent, []).append(key)
    found = []
    for key, schema in schemas.items():
        discriminator = schema.get("discriminator") if isinstance(schema, dict) else None
        if (
            not isinstance(discriminator, dict)
            or not isinstance(discriminator.get("propertyName"), str)
            or any(keyword in schema for keyword in ("oneOf", "anyOf"))  # (a union's own discriminator)
        ):
            continue
        mapping = discriminator.get("mapping")
        named = [_named(target) for target in (mapping.values() if isinstance(mapping, dict) else ())]
        subtypes = [
            subtype
            for subtype in dict.fromkeys([*named, *_descendants(key, children)])
            if subtype is not None and subtype != key and subtype in schemas
        ]
        if subtypes:
            found.append(_Family(key, discriminator, tuple(subtypes)))
    return found


def _named(target: object) -> str | None:
    """The component key a ``mapping`` value names: a reference, or (OpenAPI 3.0) a bare schema name."""
    if not isinstance(target, str):
        return None
    return schema_key(target) if target.startswith("#") else target


def _descendants(key: str, children: Mapping[str, list[str]]) -> list[str]:
    """The components that ``allOf``-compose ``key``, then theirs, breadth first (a cycle ends)."""
    found: list[str] = []
    queue = list(children.get(key, ()))
    while queue:
        child = queue.pop(0)
        if child != key and child not in found:
            found.append(child)
            queue.extend(children.get(child, ()))
    return found


def _rewrite(node: Any, families: Mapping[str, _Family], roots: set[int], *, kept: bool) -> Any:
    """``node`` with each reference to a base, unless ``kept`` (a part or an option), as its union."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            node[index] = _rewrite(item, families, roots, kept=kept)
        return node
    if not isinstance(node, dict):
        return node
    found = None if kept else _referenced(node, families, roots)
    if found is not None:
        family, beside = found
        return family.union(beside)
    for keyword in _UNIONS:
        _spliced(node, keyword, families)
    for key, value in node.items():
        if key != "discriminator":
            node[key] = _rewrite(value, families, roots, kept=key in _PARTS)
    return node


def _referenced(
    node: dict[str, Any], families: Mapping[str, _Family], roots: set[int]
) -> tuple[_Family, dict[str, Any]] | None:
    """The family whose base ``node`` names, and the words beside the reference: ``{$ref: Pet}``
    (``nullable: true`` beside it), or ``allOf`` that reference alone and words (``allOf: [{$ref:
    Pet}], description: ...``, how OpenAPI 3.0 describes a reference; not a component, which is a
    subtype of the base)."""
    family = families.get(schema_key(node.get("$ref")) or "")
    if family is not None:
        return family, {key: value for key, value in node.items() if key != "$ref"}
    members = node.get("allOf")
    if id(node) in roots or not isinstance(members, list) or set(node) - _WORDS - {"allOf"}:
        return None
    references = [member for member in members if isinstance(member, dict) and "$ref" in member]
    words = [member for member in members if isinstance(member, dict) and not set(member) - _WORDS]
    if len(references) != 1 or set(references[0]) != {"$ref"} or len(references) + len(words) != len(members):
        return None
    family = families.get(schema_key(references[0]["$ref"]) or "")
    beside = {key: value for key, value in node.items() if key != "allOf"}
    for member in words:
        beside = {**member, **beside}
    return (family, beside) if family is not None else None


def _spliced(node: dict[str, Any], keyword: str, families: Mapping[str, _Family]) -> None:
    """A union of a base and ``null`` (``anyOf: [{$ref: Pet}, {type: 'null'}]``, OpenAPI 3.1's
    nullable reference), or of a base and some of its subtypes, and no discriminator of its own: its
    base's subtypes added after the base, and the base's discriminator."""
    options = node.get(keyword)
    if not isinstance(options, list) or "discriminator" in node:
        return
    named = [schema_key(option.get("$ref")) if isinstance(option, dict) else None for option in options]
    bases = {key for key in named if key is not None and key in families}
    if len(bases) != 1:
        return
    family = families[bases.pop()]
    members = (family.base, *family.subtypes)
    if not all(key in members or option == _NULL for key, option in zip(named, options, strict=True)):
        return
    added = [{"$ref": schema_reference(key)} for key in family.subtypes if key not in named]
    index = named.index(family.base) + 1
    node[keyword] = [*options[:index], *added, *options[index:]]
    node["discriminator"] = copy.deepcopy(family.discriminator)
