"""Inline models of a component's union, given to openapi-python-client's parser as components.

Its parser reads a component schema without processing the properties of its models (that waits
until every component is known), except for a union's options: they are built whole, properties
and all, and queued to be processed again like any model. The second pass makes the classes of
the inline schemas inside the option once more, which now collide with those of the first pass
(``FailedExecutionErrorsItemType1``), and the option, its union and every operation that uses them
are dropped ("Attempted to generate duplicate models with name ...", said as "Invalid property in
union"). So is an option whose ``allOf`` names a component (not processed yet when it is built).
An option that ``$ref``\\ s a component is built once.

So each inline model that is an option of a union met from a component's root, through unions and
array items (a ``oneOf`` / ``anyOf`` option, and the ``object`` of a type list: ``[object, 'null']``,
OpenAPI 3.0's ``nullable: true``), and that the parser would drop, is moved, in the parser's copy
of the document only, into a component of the key the parser names it by
(``ExecuteResponse_FailedExecution``): the same class, the same names inside it, built once. One
that would be dropped for its class name (another schema's: a component's, another option's) is
moved too, and named as any component of a taken name is (:mod:`._class_names`). The others stay
where they are (the generated code keeps its names), and everything else reads the spec as written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from attrs import frozen
from openapi_python_client.config import Config
from openapi_python_client.parser.properties.schemas import Class

from ._pointer import escape

__all__ = ["Hoisted", "class_name", "hoisted", "makes_model"]

_POINTER = "#/components/schemas/{}"


@frozen
class Hoisted:
    """The parser's copy of a document, and the place in the spec of each component it adds."""

    document: dict[str, Any]
    origins: Mapping[str, str]


def hoisted(document: dict[str, Any], config: Config) -> Hoisted:
    """``document`` with the inline models of its components' unions that the parser would drop
    as components of their own (shallow copies along the way; ``document`` itself when there is none)."""
    components = document.get("components")
    schemas = components.get("schemas") if isinstance(components, Mapping) else None
    if not isinstance(components, Mapping) or not isinstance(schemas, Mapping):
        return Hoisted(document, {})
    inline: list[tuple[str, Mapping[str, Any]]] = []

    def seen(name: str, pointer: str, node: Mapping[str, Any]) -> bool:
        inline.append((name, node))
        return False

    for key, schema in schemas.items():
        _Walk(seen).node(schema, str(key), _POINTER.format(escape(str(key))), in_union=False)
    held = Counter(class_name(config, str(key), schema) for key, schema in schemas.items())
    held.update(class_name(config, name, node) for name, node in inline)
    origins: dict[str, str] = {}

    def moved(name: str, pointer: str, node: Mapping[str, Any]) -> bool:
        if name in schemas or name in origins or not (_built_twice(node) or held[class_name(config, name, node)] > 1):
            return False
        origins[name] = pointer
        return True

    rewritten: dict[str, Any] = {}
    for key, schema in schemas.items():
        new = _Walk(moved, rewritten).node(schema, str(key), _POINTER.format(escape(str(key))), in_union=False)
        rewritten[key] = new  # after the models moved out: the parser makes their classes first, as it did inline
    if not origins:
        return Hoisted(document, {})
    return Hoisted({**document, "components": {**components, "schemas": rewritten}}, origins)


def class_name(config: Config, name: str, schema: object) -> str:
    """The class name the parser gives a component of key ``name`` (or an inline model it names so)."""
    title = schema.get("title") if isinstance(schema, Mapping) else None
    return str(Class.from_string(string=title if isinstance(title, str) and title else name, config=config).name)


class _Walk:
    """The nodes of one component that the parser builds with their properties: each inline model
    ``move`` says yes to becomes a reference to a component of its name, written into ``out``."""

    def __init__(self, move: Callable[[str, str, Mapping[str, Any]], bool], out: dict[str, Any] | None = None) -> None:
        self._move = move
        self._out = out if out is not None else {}

    def node(self, node: Any, name: str, pointer: str, *, in_union: bool) -> Any:
        """``node`` (at ``pointer``, named ``name`` by the parser), its union models moved out."""
        if not isinstance(node, Mapping) or "$ref" in node:
            return node
        stock = _Stock(node)
        if stock.kind == "model":
            if not in_union or not self._move(name, pointer, node):
                return node
            self._out[name] = {key: value for key, value in node.items() if key != "nullable"}
            return {"$ref": _POINTER.format(name)}
        if stock.kind == "array":
            new = self.node(node["items"], f"{name}_item", f"{pointer}/items", in_union=in_union)
            return node if new is node["items"] else {**node, "items": new}
        if stock.kind != "union":
            return node
        options = [
            self.node(option, f"{name}_{_subscript(option, node, index)}", f"{pointer}{place}", in_union=True)
            for index, (option, place) in enumerate(zip(stock.options, stock.places, strict=True))
        ]
        if all(new is old for new, old in zip(options, stock.options, strict=True)):
            return node
        # The options in the parser's order (anyOf, oneOf, then one per type of a type list): a
        # type list's are written out as oneOf options, each with the node's title as stock's copies.
        kept = {key: value for key, value in node.items() if key not in stock.replaced}
        any_of = options[: len(stock.any_of)]
        return {**kept, **({"anyOf": any_of} if any_of else {}), "oneOf": options[len(stock.any_of) :]}


def makes_model(node: object) -> bool:
    """Whether the parser makes a model class of the schema ``node`` (neither a reference nor a union)."""
    return isinstance(node, Mapping) and "$ref" not in node and _Stock(node).kind == "model"


def _built_twice(model: Mapping[str, Any]) -> bool:
    """Whether building an option's model twice fails: it has inline models inside (made twice),
    or an ``allOf`` (whose components are not processed yet). Any other is left where it is, as
    the parser names it there (its union's variables in the generated code keep their names)."""
    return bool(model.get("allOf")) or any(_has_model(value) for value in model.values())


def _has_model(node: Any) -> bool:
    if isinstance(node, list):
        return any(_has_model(item) for item in node)
    if not isinstance(node, Mapping) or "$ref" in node:
        return False
    return makes_model(node) or any(_has_model(value) for value in node.values())


def _subscript(option: Any, union: Mapping[str, Any], index: int) -> str:
    """What the parser appends to a union's name to name its option: the option's own title, else its index."""
    title = option.get("title") if isinstance(option, Mapping) else None
    return str(title) if isinstance(title, str) and title != union.get("title") else f"type_{index}"


class _Stock:
    """A schema as openapi-python-client's parser sees it: OpenAPI 3.0's ``nullable`` made 3.1's
    ``null`` as its document model does, then the kind of property it builds."""

    def __init__(self, node: Mapping[str, Any]) -> None:
        types = node.get("type")
        self.any_of = list(node.get("anyOf") or ())
        one_of = list(node.get("oneOf") or ())
        all_of = list(node.get("allOf") or ())
        self.replaced = {"type", "nullable", "anyOf", "oneOf"}
        if node.get("nullable") is True:
            if isinstance(types, str):
                types = [types, "null"]
            elif isinstance(types, list):
                types = types if "null" in types else [*types, "null"]
            elif one_of:
                one_of.append({"type": "null"})
            elif self.any_of:
                self.any_of.append({"type": "null"})
            elif all_of:  # (its document model's "nullable allOf is oneOf [null, allOf]")
                one_of, all_of = [{"type": "null"}, {"allOf": all_of}], []
                self.replaced.add("allOf")
        copies = [
            {**{key: value for key, value in node.items() if key not in self.replaced | {"default"}}, "type": kind}
            for kind in (types if isinstance(types, list) else ())
        ]
        self.options = [*self.any_of, *one_of, *copies]
        """The options, in the order the parser builds them; ``places``: where each is, below the node."""
        self.places = [
            *(f"/anyOf/{index}" for index in range(len(node.get("anyOf") or ()))),
            *(f"/oneOf/{index}" for index in range(len(node.get("oneOf") or ()))),
        ]
        self.places += [""] * (len(self.options) - len(self.places))
        self.kind = self._kind(node, types, [*all_of, *self.any_of, *one_of])

    def _kind(self, node: Mapping[str, Any], types: Any, members: list[Any]) -> str:
        """The parser's order of tests (``property_from_data``), for the kinds that matter here."""
        if len(members) == 1 and isinstance(members[0], Mapping) and "$ref" in members[0]:
            return "reference"  # (what it refers to, not a class of its own)
        if types == "boolean" or node.get("enum"):
            return "other"
        if self.options:
            return "union"
        if node.get("const") is not None:
            return "other"
        if types == "array":
            return "array" if "prefixItems" not in node and isinstance(node.get("items"), Mapping) else "other"
        if types == "object" or members or (types is None and node.get("properties")):
            return "model"
        return "other"
