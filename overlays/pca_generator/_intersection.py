"""The intersection of a property's declarations in the parts of one ``allOf``, as one schema.

JSON Schema's ``allOf`` is a conjunction: a property declared in two parts takes only the values
both declarations take. openapi-python-client merges two declarations of one type, and refuses
(dropping the model, and the operations that use it) a union beside anything but itself: a base's
``anyOf: [boolean, 'null']`` narrowed to ``boolean`` by a later part, a 3.0 ``nullable`` string
beside a string that is not. Their intersection is a schema it reads: each option of one
declaration met with each option of the other, the options that meet kept (``boolean``, here).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["enums_apart", "intersection", "is_union"]

_UNION_KEYWORDS = ("anyOf", "oneOf")
_NULL = {"type": "null"}
_NUMBERS = {"integer", "number"}


def is_union(schema: Mapping[str, Any]) -> bool:
    """Whether openapi-python-client reads ``schema`` as a union (which it merges with nothing else)."""
    kind = schema.get("type")
    return (
        any(isinstance(schema.get(keyword), list) for keyword in _UNION_KEYWORDS)
        or schema.get("nullable") is True
        or (isinstance(kind, list) and len(kind) > 1)
    )


def enums_apart(declarations: list[dict[str, Any]]) -> bool:
    """Whether two of ``declarations`` are enums neither of whose values holds the other's: the
    generator merges an enum into one of its supersets only, and drops the model otherwise."""
    values = [declaration["enum"] for declaration in declarations if isinstance(declaration.get("enum"), list)]
    return any(
        any(value not in theirs for value in mine) and any(value not in mine for value in theirs)
        for index, mine in enumerate(values)
        for theirs in values[index + 1 :]
    )


def intersection(declarations: list[dict[str, Any]]) -> dict[str, Any] | None:
    """One schema of the values every declaration takes, or None when this cannot say it exactly
    (declarations whose options meet in ways beyond one type's keywords: left as they are)."""
    options: list[dict[str, Any]] | None = _options(declarations[0])
    for declaration in declarations[1:]:
        if options is None:
            return None
        theirs = _options(declaration)
        if theirs is None:
            return None
        met = [_meet(mine, other) for mine in options for other in theirs]
        options = _distinct([option for option in met if option is not None])
    if not options:
        return None  # (no value fits every declaration: the spec's error, which the generator reports)
    outer = _outer(declarations, nullable=_NULL in options)
    if len(options) == 1:
        return {**outer, **options[0]}
    return {**outer, "anyOf": options}


def _options(schema: Mapping[str, Any]) -> list[dict[str, Any]] | None:
    """The options of a declaration: those of its union, one per type of its type list, the null of
    3.0 ``nullable``; the declaration itself (without its annotations) when it is one schema."""
    own = {key: value for key, value in schema.items() if key not in (*_UNION_KEYWORDS, *_OUTER, "nullable")}
    unions = [keyword for keyword in _UNION_KEYWORDS if isinstance(schema.get(keyword), list)]
    if unions:
        if len(unions) > 1 or own or not all(isinstance(option, dict) for option in schema[unions[0]]):
            return None  # (keywords beside the union constrain every option: not said here)
        options = [
            option for union in schema[unions[0]] for option in (_options(union) or [union]) if isinstance(option, dict)
        ]
    elif isinstance(own.get("type"), list):
        options = [{**own, "type": kind} if kind != "null" else dict(_NULL) for kind in own["type"]]
    else:
        options = [own]
    return [*options, dict(_NULL)] if schema.get("nullable") is True else options


def _meet(mine: dict[str, Any], other: dict[str, Any]) -> dict[str, Any] | None:
    """The values both options take, as one schema: one when they are alike, or of one type whose
    keywords do not disagree (``{type: boolean}`` and ``{type: boolean, enum: [false]}``); None
    when they take no common value, or when saying what they do share needs more than this."""
    if mine == other:
        return mine
    if "$ref" in mine or "$ref" in other or not mine or not other:
        return other if not mine else mine if not other else None  # (``{}`` takes any value)
    kinds = {mine.get("type"), other.get("type")}
    if None in kinds or (len(kinds) > 1 and kinds != _NUMBERS):
        return None  # (of two types, or untyped: disjoint, or beyond one type's keywords)
    shared = set(mine) & set(other) - {"type", "default", "enum", *_OUTER}
    if any(mine[key] != other[key] for key in shared):
        return None
    kind = "integer" if kinds == _NUMBERS else mine["type"]
    met = {**mine, **other, "type": kind}
    if isinstance(mine.get("enum"), list) and isinstance(other.get("enum"), list):
        met["enum"] = [value for value in mine["enum"] if value in other["enum"]]  # (the values both take)
        if not met["enum"]:
            return None
    return met


_OUTER = ("title", "description", "default", "example", "examples", "deprecated", "readOnly", "writeOnly")
"""Keywords of a declaration that are not its values' constraints: kept beside the intersection."""


def _outer(declarations: list[dict[str, Any]], *, nullable: bool) -> dict[str, Any]:
    """The declarations' annotations, later ones first (as openapi-python-client merges them), and
    ``readOnly``/``writeOnly`` if any says so; a ``default`` of null only where null is still taken."""
    outer: dict[str, Any] = {}
    for declaration in declarations:
        for key in _OUTER:
            if key in declaration and not (key in ("readOnly", "writeOnly") and outer.get(key) is True):
                outer[key] = declaration[key]
    if outer.get("default", 0) is None and not nullable:
        del outer["default"]
    return outer


def _distinct(options: list[dict[str, Any]]) -> list[dict[str, Any]]:
    kept: list[dict[str, Any]] = []
    for option in options:
        if option not in kept:
            kept.append(option)
    return kept
