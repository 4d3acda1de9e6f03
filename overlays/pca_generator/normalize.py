"""The spec, said the way openapi-python-client reads it: same meaning, no warning.

The generator warns, and drops what it warned about, on some valid documents. Each rewrite here
keeps the document's meaning and removes one such cause; what cannot be rewritten stays a
warning, and so a refusal:

* a ``$ref`` into a component (``#/components/schemas/Base/properties/id``) is replaced by what
  it points at: the generator follows references to whole components only;
* a reference to a base schema whose ``discriminator`` picks a subtype is the union of the base and
  its subtypes (:mod:`._polymorphism`): the generator reads it as the base alone;
* an array without ``items`` (nor ``prefixItems``) gets ``items: {}`` (any value), as JSON Schema
  reads it;
* header parameters named ``Accept``, ``Content-Type`` or ``Authorization`` are dropped: OpenAPI
  says they SHALL be ignored (the operations' ``accept`` and ``content_type`` and the client's
  credentials say these);
* an untyped ``enum`` whose values are of several JSON types (``[true, false, 0, 1]``) becomes an
  ``anyOf`` of one typed schema per type, which the generator can name;
* a ``oneOf`` / ``anyOf`` with an option that takes any value (``{}``, annotations only) takes
  any value: the union goes (the generator's union of "any" options is not Python);
* an inline enum inside ``oneOf`` / ``anyOf`` loses its ``title``: the generator names classes by
  title, and two such enums of one title would clash;
* a parameter given by ``content`` (one media type) instead of ``schema`` also gets that media
  type's schema (the generator would drop it); a callback given by ``$ref`` is inlined (the
  generator's document model takes none);
* an OpenAPI 3.1 document without ``paths`` (valid when it has ``components`` or ``webhooks``)
  gets ``paths: {}``: the generator's parser requires the field, as OpenAPI 3.0 did;
* OpenAPI 3.1's boolean schemas, where the generator wants objects: a property or ``items`` of
  ``true`` (anything) becomes ``{}``, a property of ``false`` (never present) is dropped;
* a ``$ref`` with ``nullable: true`` beside it (OpenAPI 3.0 ignores siblings of ``$ref``; specs
  mean a nullable reference, and servers send ``null``) is ``allOf`` of that reference, nullable;
* ``allOf`` (``oneOf``, ``anyOf``) of one reference to an object with keywords beside it that
  describe the value (``allOf: [{$ref: Response}], properties: ...``) is ``allOf`` of the reference
  and a part of those keywords, annotations and ``xml`` staying beside: the generator reads one
  reference there as that reference alone, and drops what is beside it without a word;
* ``allOf`` takes objects only, to the generator, or one reference alone: an ``allOf`` of one
  reference to a non-object and annotations (``allOf: [{$ref: Language}, {description: ...}]``,
  the way to describe a reference in 3.0) is that reference alone, the annotations beside it; with
  a part that says ``nullable: true`` beside a reference (``allOf: [{$ref: ToolChoice}, {nullable:
  true}]``, ``{type: object, nullable: true}`` the referenced object's own type, or a part with
  properties of its own) the whole takes null, as the document's version says it (3.0 ``nullable``,
  3.1 ``anyOf`` of it and ``type: 'null'``), the nullable reference itself when the rest is annotations;
* a property that ``allOf`` parts declare in ways the generator cannot merge (a union beside one of
  its options; enums neither of whose values holds the other's, one of them given by ``$ref``) is
  declared as their intersection (:mod:`._intersection`);
* a union's default that is an object or an array (``anyOf: [{type: object}, {type: 'null'}]``
  with ``default: {}``) goes: the generator takes only scalars there and drops the model, and a
  server applies its own default to a property a client leaves out;
* ``allOf`` of a union of objects and of other objects (``allOf: [{$ref: HitsInfo}, {properties:
  ...}]`` where ``HitsInfo`` is ``oneOf`` two objects) is the union of each option with the
  others (``oneOf: [allOf: [A, C], allOf: [B, C]]``), the same values: the generator merges
  objects only, and drops the operations that answer such an ``allOf``;
* an ``allOf`` part that refers to an object taking null too (``FileBase: {type: object, nullable:
  true}``) is given as its own parts, without its null: the generator reads it as a union and drops
  every model it is a part of; one that refers to an object that is a union (``type: object`` beside
  ``oneOf``) or to an object taking null, beside annotations only, is that reference alone (a part
  saying only a specification extension, ``x-...``, is an annotation);
* ``allOf`` of one inline part that is not an object (``allOf: [{type: string, enum: [...]}]``, a
  description beside it) is that part: the generator makes an empty model of it;
* a property that two inline parts of one ``allOf`` declare alike is declared once (the generator
  makes a class of each inline object declaration, of one name, and drops the model);
* a text enum whose values the generator names alike (``[ASC, DESC, asc, desc]``) names its members
  apart in ``x-enum-varnames`` (``ASC_2``, ``DESC_2``): it refuses the whole spec otherwise;
* a path parameter's schema loses its ``null`` option (``anyOf: [{type: string}, {type: 'null'}]``,
  as FastAPI writes it): a path parameter is always present, never null, and the generator drops
  an operation whose path parameter may be None.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from openapi_python_client.strings import snake_case

from ._intersection import enums_apart, intersection, is_union
from ._parameters import free_name
from ._pointer import resolve
from ._pointer import schema_key as _component
from ._pointer import schema_reference as _reference
from ._polymorphism import polymorphic

__all__ = ["normalize"]

_IGNORED_HEADERS = {"accept", "content-type", "authorization"}
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def normalize(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``document`` the generator reads without a warning it could avoid."""
    normalized: dict[str, Any] = _inline_deep_references(document, copy.deepcopy(document), ())
    _without_aliases(normalized)
    polymorphic(normalized)
    _rewrite_schemas(normalized)
    _AllOf(normalized).rewrite(normalized)
    if _paths_optional(normalized) and "paths" not in normalized:
        normalized["paths"] = {}
    for item in (normalized.get("paths") or {}).values():
        for owner in [item, *(item[method] for method in _METHODS if isinstance(item.get(method), dict))]:
            if isinstance(owner.get("parameters"), list):
                owner["parameters"] = [p for p in owner["parameters"] if not _ignored(normalized, p)]
                for parameter in owner["parameters"]:
                    _schema_of_content(parameter)
                    _path_parameter_not_null(parameter)
            _inline_callbacks(normalized, owner)
    for parameter in ((normalized.get("components") or {}).get("parameters") or {}).values():
        _schema_of_content(parameter)
        _path_parameter_not_null(parameter)
    return normalized


def _path_parameter_not_null(parameter: object) -> None:
    """A path parameter's schema without its ``null`` option: OpenAPI requires every path parameter,
    and no URL carries a null, so the option only ever made the generator drop the operation."""
    if (
        not isinstance(parameter, dict)
        or parameter.get("in") != "path"
        or not isinstance(parameter.get("schema"), dict)
    ):
        return
    schema = parameter["schema"]
    if isinstance(schema.get("type"), list) and "null" in schema["type"]:
        types = [kind for kind in schema["type"] if kind != "null"]
        schema["type"] = types[0] if len(types) == 1 else types
    for key in ("anyOf", "oneOf"):
        options = schema.get(key)
        if not isinstance(options, list):
            continue
        kept = [option for option in options if option != {"type": "null"}]
        if len(kept) == 1 and isinstance(kept[0], dict):
            del schema[key]
            parameter["schema"] = {**schema, **kept[0]}
        elif kept:
            schema[key] = kept


def _schema_of_content(parameter: object) -> None:
    """A parameter given by ``content`` (one media type) also gets that media type's schema, which
    the generator types it by (without one, it drops the parameter without a word); the views read
    ``content`` to have the runtime write the value in its media type."""
    if not isinstance(parameter, dict) or "schema" in parameter or not isinstance(parameter.get("content"), dict):
        return
    media = [value for value in parameter["content"].values() if isinstance(value, dict)]
    if len(media) == 1 and isinstance(media[0].get("schema"), dict | bool):
        parameter["schema"] = copy.deepcopy(media[0]["schema"])


def _inline_callbacks(document: dict[str, Any], operation: dict[str, Any]) -> None:
    """An operation's callback given by ``$ref`` (to ``#/components/callbacks/...``), as what it
    points at: the generator's document model takes callbacks inline only (a client sends none)."""
    callbacks = operation.get("callbacks")
    if not isinstance(callbacks, dict):
        return
    for name, callback in callbacks.items():
        if isinstance(callback, dict) and isinstance(callback.get("$ref"), str):
            target = resolve(document, callback["$ref"])[1]
            callbacks[name] = copy.deepcopy(target) if isinstance(target, dict) else {}


def _paths_optional(document: Mapping[str, Any]) -> bool:
    """OpenAPI 3.1 wants ``paths``, ``components`` or ``webhooks``; 3.0 always wants ``paths``."""
    return str(document.get("openapi")).startswith("3.1") and ("components" in document or "webhooks" in document)


def _inline_deep_references(document: dict[str, Any], node: Any, following: tuple[str, ...]) -> Any:
    if isinstance(node, dict):
        reference = node.get("$ref")
        if isinstance(reference, str) and _is_deep(reference) and reference not in following:
            target = resolve(document, reference)[1]
            if target is not None:
                return _inline_deep_references(document, copy.deepcopy(target), (*following, reference))
        return {key: _inline_deep_references(document, value, following) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline_deep_references(document, item, following) for item in node]
    return node


def _is_deep(reference: str) -> bool:
    """A reference below a component (``#/components/schemas/A/properties/b``), not to one."""
    parts = reference.removeprefix("#/").split("/")
    return reference.startswith("#/components/") and len(parts) > 3


def _without_aliases(document: dict[str, Any]) -> None:
    """Each component that is ``allOf`` one reference and nothing else (``Alias: {allOf: [{$ref: X}]}``)
    replaced by that reference wherever it is used, and gone: the same values. The generator reads
    such a component as a second copy of ``X`` (its inline models made twice, and ``X`` dropped
    with every operation using it). An alias with a word of its own (a ``title``, a
    ``description``, a ``nullable``) stays: the rewrite would lose it."""
    schemas = (document.get("components") or {}).get("schemas")
    if not isinstance(schemas, dict):
        return
    aliases = {
        key: target for key, schema in schemas.items() if (target := _aliased(schema)) is not None and target in schemas
    }

    def final(key: str, seen: tuple[str, ...] = ()) -> str:
        return final(aliases[key], (*seen, key)) if key in aliases and key not in seen else key

    targets = {key: final(key) for key in aliases}
    targets = {key: target for key, target in targets.items() if target not in aliases}  # (a cycle stays)
    if not targets:
        return

    def retarget(node: Any) -> None:
        if isinstance(node, dict):
            named = _component(node.get("$ref"))
            if named in targets:
                node["$ref"] = _reference(targets[named])
            mapping = node.get("mapping") if isinstance(node.get("propertyName"), str) else None
            if isinstance(mapping, dict):  # (a discriminator's: by reference, or by bare schema name)
                for value, target in mapping.items():
                    named = _component(target) if str(target).startswith("#") else target
                    if named in targets:
                        mapping[value] = _reference(targets[named]) if named != target else targets[named]
            for value in node.values():
                retarget(value)
        elif isinstance(node, list):
            for item in node:
                retarget(item)

    for key in targets:
        del schemas[key]
    retarget(document)


def _aliased(schema: object) -> str | None:
    """The key of the component ``schema`` is another name of: ``allOf`` its reference alone."""
    members = schema.get("allOf") if isinstance(schema, dict) and set(schema) == {"allOf"} else None
    if not isinstance(members, list) or len(members) != 1 or not isinstance(members[0], dict):
        return None
    return _component(members[0]["$ref"]) if set(members[0]) == {"$ref"} else None


def _rewrite_schemas(node: Any) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str) and node.get("nullable") is True:
            # OpenAPI 3.0's nullable reference, as real specs write it: the generator reads siblings
            # of $ref as nothing, and the same words under allOf as they mean.
            node["allOf"] = [{"$ref": node.pop("$ref")}]
        # An array with ``prefixItems`` has items: the generator types it by them.
        if node.get("type") == "array" and "items" not in node and "prefixItems" not in node:
            node["items"] = {}
        if node.get("items") is True:
            node["items"] = {}
        if isinstance(node.get("properties"), dict):
            kept = {name: schema for name, schema in node["properties"].items() if schema is not False}
            node["properties"] = {name: {} if schema is True else schema for name, schema in kept.items()}
        if isinstance(node.get("type"), list) and isinstance(node.get("enum"), list) and node["enum"]:
            # An enum names its values, and so their types: a list of types beside it adds only
            # the parser's union of one enum per type, each with every value (Lago's `type: [string,
            # null]` with `enum: [AD, ..., null]`: three enum classes alike). The types its values
            # have: one and null is that type, its enum keeping null (the parser's nullable enum,
            # named as it named the first of the three); several, an enum of each (below).
            kinds = {_json_type(value) for value in node["enum"]}
            if kinds <= {*node["type"], *(("integer",) if "number" in node["type"] else ())}:
                del node["type"]
                if len(others := kinds - {"null"}) == 1:
                    node["type"] = others.pop()
        if isinstance(node.get("enum"), list) and "type" not in node and len({_json_type(v) for v in node["enum"]}) > 1:
            node["anyOf"] = _typed_enums(node.pop("enum"))
        if isinstance(node.get("enum"), list):
            _member_names_apart(node)
        for key in ("oneOf", "anyOf"):
            if isinstance(node.get(key), list) and any(_is_any(option) for option in node[key]):
                del node[key]  # one option takes any value, so the union does
        if (node.get("oneOf") or node.get("anyOf")) and isinstance(node.get("default"), dict | list):
            # The generator takes no object or array as a union's default, and drops the model
            # with it; a server applies its own default to what a client leaves out.
            del node["default"]
        for key in ("oneOf", "anyOf"):
            for option in node.get(key) or ():
                if isinstance(option, dict) and "enum" in option and "$ref" not in option:
                    option.pop("title", None)
        for value in node.values():
            _rewrite_schemas(value)
    elif isinstance(node, list):
        for item in node:
            _rewrite_schemas(item)


def _member_names_apart(schema: dict[str, Any]) -> None:
    """A text enum two of whose values the generator names alike (``[ASC, DESC, asc, desc]``: ``ASC``
    twice) names its members apart (``ASC, DESC, ASC_2, DESC_2``), in the generator's own extension
    ``x-enum-varnames``: it refuses the whole spec otherwise (or, for names alike once made
    identifiers, ``a-b`` and ``a_b``, keeps one member only). The values are kept as written."""
    values = [value for value in schema["enum"] if value is not None]
    if not values or not all(isinstance(value, str) for value in values):
        return
    if isinstance(schema.get("x-enum-varnames"), list) and len(schema["x-enum-varnames"]) == len(values):
        return  # (the spec's own names)
    names = [
        snake_case(value.upper() if value[:1].isalpha() else f"VALUE_{index}").upper()
        for index, value in enumerate(values)
    ]
    if len(set(names)) == len(names):
        return
    taken: set[str] = set()
    for index, name in enumerate(names):
        names[index] = free_name(name, taken)
        taken.add(names[index])
    schema["x-enum-varnames"] = names


_ANNOTATIONS = {"description", "title", "example", "examples", "deprecated", "readOnly", "writeOnly", "externalDocs"}


def _is_any(schema: object) -> bool:
    """A schema that takes any value: ``{}``, ``true``, or annotations only (a specification
    extension, ``x-...``, is one: it constrains no value)."""
    return schema is True or (
        isinstance(schema, dict) and not {key for key in schema if not str(key).startswith("x-")} - _ANNOTATIONS
    )


def _nullable_object(schema: Mapping[str, Any]) -> bool:
    """An object schema that takes null too (3.0 ``nullable``, 3.1 ``type: [object, 'null']``): the
    generator reads it as a union of a model and None, which ``allOf`` does not take."""
    kind = schema.get("type")
    if isinstance(kind, list):
        return "null" in kind and "object" in kind
    return schema.get("nullable") is True and (kind == "object" or "properties" in schema or "allOf" in schema)


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return "null" if value is None else "string"


def _typed_enums(values: list[Any]) -> list[dict[str, Any]]:
    """One schema per JSON type of ``values``: both booleans are just ``boolean``."""
    by_type: dict[str, list[Any]] = {}
    for value in values:
        by_type.setdefault(_json_type(value), []).append(value)
    options: list[dict[str, Any]] = []
    for json_type, typed in by_type.items():
        if json_type == "boolean" and set(typed) == {True, False}:
            options.append({"type": "boolean"})
        elif json_type == "null":
            options.append({"type": "null"} if len(by_type) else {})
        else:
            options.append({"type": json_type, "enum": typed})
    return options


def _union_keywords(schema: Mapping[str, Any]) -> bool:
    return any(isinstance(schema.get(keyword), list) for keyword in ("oneOf", "anyOf"))


_OF_THE_WHOLE = {"nullable", "xml", "default", "discriminator", "type"}
"""Keywords beside ``allOf`` that say something of the whole (besides annotations): kept there when
the others go into a part of it."""

_BESIDE_A_UNION = {*_ANNOTATIONS, "nullable"}
"""Keywords beside a union that say something of it without constraining its options' values."""


def _union_of(schema: Mapping[str, Any]) -> str | None:
    """``oneOf`` or ``anyOf``, when ``schema`` is that union of schemas and nothing else of substance."""
    keywords = [keyword for keyword in ("oneOf", "anyOf") if isinstance(schema.get(keyword), list)]
    substance = set(schema) - {*keywords, *_BESIDE_A_UNION}
    return keywords[0] if len(keywords) == 1 and not substance else None


def _ignored(document: Mapping[str, Any], parameter: Any) -> bool:
    referenced = isinstance(parameter, dict) and "$ref" in parameter
    resolved = resolve(document, parameter["$ref"])[1] if referenced else parameter
    return (
        isinstance(resolved, Mapping)
        and resolved.get("in") == "header"
        and str(resolved.get("name", "")).lower() in _IGNORED_HEADERS
    )


def _declared_once(members: list[dict[str, Any]]) -> None:
    """A property declared alike in two inline parts of one ``allOf`` (one a copy of a referenced
    part, see ``_AllOf._narrowed``) declared in the first only: the same values. The generator
    makes a class of each inline object declaration, of one name, and drops the model."""
    seen: dict[str, Any] = {}
    for index, member in enumerate(members):
        properties = member.get("properties")
        if "$ref" in member or not isinstance(properties, dict):
            continue
        kept = {name: value for name, value in properties.items() if name not in seen or seen[name] != value}
        seen.update((name, value) for name, value in properties.items() if name not in seen)
        if len(kept) != len(properties):
            members[index] = {**member, "properties": kept}


class _AllOf:
    """An ``allOf`` shape the generator refuses although its meaning has a form it reads."""

    def __init__(self, document: dict[str, Any]) -> None:
        self._document = document
        self._done: dict[int, Any] = {}
        self._made: set[int] = set()
        """The ``allOf`` nodes a distribution made: not distributed again (an option may lead back
        to the schema it came from, and would be distributed without end)."""

    def rewrite(self, node: Any) -> None:
        """Rewrite ``node`` after its children (post-order), and the schemas it refers to before it:
        a union an ``allOf`` distributes is already what the spec's order of keys would make it."""
        if isinstance(node, list):
            for item in node:
                self.rewrite(item)
        if not isinstance(node, dict) or id(node) in self._done:
            return
        self._done[id(node)] = node  # (kept: an id is unique only while its object lives)
        for value in list(node.values()):
            self.rewrite(value)
        self._siblings_as_part(node)
        members = node.get("allOf")
        if isinstance(members, list) and all(isinstance(member, dict) for member in members):
            if self._one_inline(node, members):
                return
            self._one_reference(node, members)
            self._nullable_parts_opened(members)
            self._narrowed(members)
            _declared_once(members)
            for made in self._distributed(node, members):
                self.rewrite(made)

    def _siblings_as_part(self, node: dict[str, Any]) -> None:
        """``allOf`` (or ``oneOf``, ``anyOf``) of one reference to an object, with keywords beside it
        that describe the value (``allOf: [{$ref: Response}], properties: {...}``), as ``allOf`` of
        the reference and a part of those keywords (its ``type`` too): JSON Schema reads them
        together, and the generator reads one reference there as that reference alone, dropping
        what is beside it without a word. What says something of the whole (annotations, ``xml``,
        ``nullable``) stays beside. (Beside a reference to a string or a number, what is beside
        stays: the generator merges objects only, and would refuse that ``allOf``.)"""
        keywords = [keyword for keyword in ("allOf", "oneOf", "anyOf") if keyword in node]
        members = node.get(keywords[0]) if len(keywords) == 1 else None
        if not isinstance(members, list) or len(members) != 1 or not isinstance(members[0], dict):
            return
        if not isinstance(members[0].get("$ref"), str) or not self._is_object(members[0]):
            return
        beside = {
            key: value
            for key, value in node.items()
            if key not in (*keywords, *_ANNOTATIONS, *_OF_THE_WHOLE) and not str(key).startswith("x-")
        }
        if not beside:
            return
        for key in (*beside, keywords[0]):
            del node[key]
        kind = {"type": node["type"]} if isinstance(node.get("type"), str) else {}
        node["allOf"] = [members[0], {**kind, **beside}]

    def _resolved(self, reference: str) -> Any:
        """What ``reference`` points at, rewritten."""
        target = resolve(self._document, reference)[1]
        self.rewrite(target)
        return target

    def _one_inline(self, node: dict[str, Any], members: list[dict[str, Any]]) -> bool:
        """``allOf: [{type: string, enum: [...]}]`` (one inline part, not an object, and annotations
        beside it) as that part, the annotations beside it kept: the same values. The generator
        makes a model of every ``allOf``, an empty one here, which a string never fits."""
        if len(members) != 1 or "$ref" in members[0] or self._is_object(members[0]):
            return False
        if set(node) - {"allOf", *_BESIDE_A_UNION} or _is_any(members[0]):
            return False
        del node["allOf"]
        for key, value in members[0].items():
            node.setdefault(key, value)
        return True

    def _one_reference(self, node: dict[str, Any], members: list[dict[str, Any]]) -> None:
        """``allOf: [{$ref: X}, {description: ...}]`` of a non-object ``X`` as ``allOf: [{$ref: X}]``
        (which the generator reads as ``X``), the annotations moved beside it. A part that says
        ``nullable: true`` beside a reference (:meth:`_nullable_said`) makes the whole the nullable
        value the document's version reads: ``nullable`` beside it in 3.0, ``anyOf`` of it and
        ``type: 'null'`` in 3.1; the nullable reference itself, when the rest is annotations."""
        nullable = self._nullable_said(members)
        (kept, *more) = [member for member in members if not _is_any(member)] or [{}]
        if more or len(members) == 1 or set(kept) != {"$ref"} or (self._is_model(kept) and not nullable):
            if nullable:  # (a part that says more than null: an object of its own properties, say)
                self._taking_null(node)
            return  # (the generator merges a model and annotations itself, but drops ``nullable``)
        node["allOf"] = [kept]
        for member in members:
            if member is not kept:
                for key, value in member.items():
                    node.setdefault(key, value)
        if nullable:
            self._taking_null(node)

    def _nullable_said(self, members: list[dict[str, Any]]) -> bool:
        """Whether an inline part says ``nullable: true`` beside a reference (``allOf: [{$ref: User},
        {type: object, nullable: true}]``), each such part left without it, and without the type
        the referenced schemas already have. OpenAPI 3.0 reads nothing beside ``$ref``, so a
        nullable reference is written this way; read strictly, a part's ``nullable`` adds null to
        its own type only, and no value but the reference's would be null, which is never what the
        spec means (its servers send null)."""
        targets = [self._target(member) for member in members if "$ref" in member]
        said = False
        for index, member in enumerate(members):
            if not targets or "$ref" in member or member.get("nullable") is not True:
                continue
            said = True
            members[index] = {
                key: value
                for key, value in member.items()
                if key != "nullable" and not (key == "type" and all(self._of_type(t, value) for t in targets))
            }
        return said

    def _of_type(self, schema: Any, kind: Any) -> bool:
        return isinstance(schema, dict) and (
            schema.get("type") == kind or (kind == "object" and self._is_object(schema))
        )

    def _taking_null(self, node: dict[str, Any]) -> None:
        """``node``, an ``allOf``, taking null too, in the words of the document's version: an
        ``allOf`` of objects is an object that takes null (its inline model named as any such)."""
        members = node["allOf"]
        openapi_30 = str(self._document.get("openapi", "")).startswith("3.0")
        if len(members) > 1 and all(self._is_object(member) for member in members):
            node["type"] = "object" if openapi_30 else ["object", "null"]
        if openapi_30:
            node["nullable"] = True
        elif not isinstance(node.get("type"), list):
            node.pop("type", None)  # (said by the option)
            del node["allOf"]
            node["anyOf"] = [members[0] if len(members) == 1 else {"allOf": members}, {"type": "null"}]

    def _nullable_parts_opened(self, members: list[dict[str, Any]]) -> None:
        """Each part referring to an object that also takes null (``allOf: [{$ref: FileBase}, {properties:
        ...}]``, ``FileBase`` nullable) given as its own parts: its ``allOf`` parts and the rest of it
        as one inline object, without its null. The generator reads such an object as a union and
        drops every model of which it is a part (and every model of which those are parts); the
        ``allOf`` takes null only where each part does, and its other parts, or its own ``type``, say
        whether it does."""
        if sum(not _is_any(member) for member in members) < 2:
            return  # (one reference and annotations: the reference alone, see _one_reference)
        opened: list[dict[str, Any]] = []
        for member in members:
            target = self._target(member) if "$ref" in member else None
            if not isinstance(target, dict) or not _nullable_object(target) or _union_keywords(target):
                opened.append(member)
                continue
            parts: list[Any] = target["allOf"] if isinstance(target.get("allOf"), list) else []
            own = {key: value for key, value in target.items() if key not in ("allOf", "nullable", "title")}
            kind = own.get("type")
            own["type"] = "object" if isinstance(kind, list) or kind is None else kind
            opened.extend(copy.deepcopy([*parts, own]))
        members[:] = opened

    def _narrowed(self, members: list[dict[str, Any]]) -> None:
        """Each property that parts declare in ways the generator cannot merge (a union beside one of
        its options, a nullable beside the same type not nullable) declared as their intersection
        in every part that declares it (a referenced part inlined, the component itself unchanged):
        the values ``allOf`` takes, which the generator merges (it drops the model otherwise)."""
        names = {name for member in members for name in self._declared(member, ())}
        for name in sorted(names):
            declarations = [found for member in members for found in self._declared(member, ()).get(name, ())]
            said = [self._enum_read(declaration) for declaration in declarations if not _is_any(declaration)]
            if len(said) < 2 or all(declaration == said[0] for declaration in said):
                continue
            if not any(is_union(declaration) for declaration in said) and not enums_apart(said):
                continue  # (the generator merges these itself)
            narrowed = intersection(said)
            if narrowed is not None:
                members[:] = [self._declaring(member, name, narrowed, ()) for member in members]

    def _enum_read(self, declaration: dict[str, Any]) -> dict[str, Any]:
        """A reference to an enum as the enum it names (its title left: the inline intersection
        is not that class), to be met with another declaration; any other declaration as it is."""
        target = self._target(declaration)
        if declaration is target or not isinstance(target, dict) or not isinstance(target.get("enum"), list):
            return declaration
        return {key: value for key, value in target.items() if key != "title"}

    def _declared(self, schema: dict[str, Any], seen: tuple[str, ...]) -> dict[str, list[dict[str, Any]]]:
        """The declarations of each property of an object schema, its ``allOf`` parts' included."""
        reference = schema.get("$ref")
        if isinstance(reference, str):
            target = self._resolved(reference) if reference not in seen else None
            return self._declared(target, (*seen, reference)) if isinstance(target, dict) else {}
        found: dict[str, list[dict[str, Any]]] = {}
        for name, declaration in (schema.get("properties") or {}).items():
            if isinstance(declaration, dict):
                found.setdefault(name, []).append(declaration)
        for part in schema.get("allOf") or ():
            if isinstance(part, dict):
                for name, declarations in self._declared(part, seen).items():
                    found.setdefault(name, []).extend(declarations)
        return found

    def _declaring(self, schema: dict[str, Any], name: str, declaration: dict[str, Any], seen: tuple[str, ...]) -> Any:
        """``schema`` with its declaration of ``name`` (in it or in its parts) as ``declaration``; a
        reference that leads to one, as a copy of what it points at."""
        reference = schema.get("$ref")
        if isinstance(reference, str):
            if reference in seen or name not in self._declared(schema, ()):
                return schema
            target = self._resolved(reference)
            return self._declaring(copy.deepcopy(target), name, declaration, (*seen, reference))
        if isinstance(schema.get("properties"), dict) and name in schema["properties"]:
            schema["properties"][name] = copy.deepcopy(declaration)
        if isinstance(schema.get("allOf"), list):
            schema["allOf"] = [
                self._declaring(part, name, declaration, seen) if isinstance(part, dict) else part
                for part in schema["allOf"]
            ]
        return schema

    def _distributed(self, node: dict[str, Any], members: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``allOf: [oneOf: [A, B], C]`` of objects as ``oneOf: [allOf: [A, C], allOf: [B, C]]``: the same
        values (``C`` holds for each option), in a form the generator reads (it merges objects only,
        and drops the operations that answer an ``allOf`` of a union). Its ``nullable`` stays beside
        the union it becomes: null, or one of the options. The options made, to be rewritten in turn."""
        if id(node) in self._made or set(node) - {"allOf", *_BESIDE_A_UNION}:  # (keywords of its own
            return []  # would have to go into every option)
        unions = [(member, self._target(member)) for member in members]
        unions = [(member, target) for member, target in unions if isinstance(target, dict) and _union_of(target)]
        if len(unions) != 1:
            return []
        member, union = unions[0]
        keyword = _union_of(union)
        assert keyword is not None  # (a union: see above)
        options = union[keyword]
        others = [other for other in members if other is not member]
        if "discriminator" in union or not all(  # (a discriminator names the options by their references)
            isinstance(option, dict) and self._is_object(option) for option in [*options, *others]
        ):
            return []
        del node["allOf"]
        # An option that is itself an allOf (one a distribution made) gives its parts: the generator
        # merges no allOf inside an allOf.
        node[keyword] = [
            {
                "allOf": [
                    *(copy.deepcopy(option["allOf"]) if set(option) == {"allOf"} else [option]),
                    *copy.deepcopy(others),
                ]
            }
            for option in options
        ]
        self._made.update(id(made) for made in node[keyword])
        return list(node[keyword])

    def _is_model(self, schema: Any) -> bool:
        """Whether the generator makes ``schema`` (its references followed) one model class, which an
        ``allOf`` takes as a part: an object that is neither a union nor nullable."""
        target = self._target(schema)
        return self._is_object(target) and not _nullable_object(target) and not _union_keywords(target)

    def _is_object(self, schema: Any) -> bool:
        target = self._target(schema)
        return isinstance(target, dict) and (
            target.get("type") == "object" or "properties" in target or "allOf" in target
        )

    def _target(self, schema: Any, seen: tuple[str, ...] = ()) -> Any:
        """What ``schema`` is, its references followed (a cycle stops where it closes)."""
        reference = schema.get("$ref") if isinstance(schema, dict) else None
        if not isinstance(reference, str) or reference in seen:
            return schema
        return self._target(self._resolved(reference), (*seen, reference))
