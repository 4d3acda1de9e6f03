"""Hypothesis strategies for any generated model, built from its ``__openapi__`` schema.

``shape`` says what the media type can carry: "json" anything JSON can; "xml" and "form" only
text, so schemaless values are restricted to what those forms represent unambiguously (XML:
text and non-empty objects of text; forms: text), and arrays there are never empty.
"""

from __future__ import annotations

import math
import re
from typing import Any, Literal

from hypothesis import strategies as st

from partner_center_auth._schema import ArrayOf, ModelRef, ModelSchema, OneOf, Scalar, Schema

Shape = Literal["json", "xml", "form"]

XML_NAMES = st.from_regex(r"[A-Za-z_][A-Za-z0-9_.-]{0,11}", fullmatch=True).filter(
    lambda name: not name.lower().startswith("xml")
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
XML_VALUES = st.recursive(
    st.text(), lambda inner: st.dictionaries(XML_NAMES, inner, min_size=1, max_size=3), max_leaves=6
)


def values(schema: Any, shape: Shape) -> st.SearchStrategy[Any]:
    # By class name: every generated package has its own copy of the schema classes.
    kind = type(schema).__name__
    if kind == "Scalar":
        if schema.enum is not None:
            return st.sampled_from(schema.enum)
        scalars = {
            "string": st.from_regex(schema.pattern, fullmatch=True)
            if schema.pattern
            else _FORMATS.get(schema.format, st.text(max_size=schema.max_length)),
            "integer": _numbers(schema, st.integers),
            "number": _numbers(schema, lambda **bounds: st.floats(allow_nan=False, allow_infinity=False, **bounds))
            | _numbers(schema, st.integers),
            "boolean": st.booleans(),
        }[schema.type]
        return scalars.filter(schema.accepts) if schema.bounded else scalars
    if kind == "OneOf":
        return st.one_of([values(option, shape) for option in schema.options])
    if kind == "ArrayOf":
        smallest = max(schema.min_items or 0, 0 if shape == "json" else 1)
        largest = min(4, schema.max_items) if schema.max_items is not None else 4
        arrays = st.lists(
            values(schema.items, shape), min_size=smallest, max_size=max(smallest, largest), unique=schema.unique_items
        )
        return arrays.filter(schema.within) if schema.bounded else arrays
    if kind == "ModelRef":
        return objects(schema.schema, shape)
    if kind == "ModelSchema":
        return objects(schema, shape)
    if kind == "AnyValue":
        return {"json": JSON_VALUES, "xml": XML_VALUES, "form": st.text()}[shape]
    raise TypeError(schema)


_FORMATS = {
    "email": st.emails(),
    "hostname": st.just("example.com"),
    "ipv4": st.ip_addresses(v=4).map(str),
    "ipv6": st.ip_addresses(v=6).map(str),
    "uri": st.just("https://example.com/a?b=c"),
}


def _numbers(schema: Any, numbers: Any) -> st.SearchStrategy[Any]:
    """Numbers within the scalar's bounds: multiples of ``multipleOf`` when it has one."""
    low = schema.minimum if schema.minimum is not None else schema.exclusive_minimum
    high = schema.maximum if schema.maximum is not None else schema.exclusive_maximum
    if schema.multiple_of is not None:
        step = schema.multiple_of
        first = math.ceil(low / step) if low is not None else -1000
        last = math.floor(high / step) if high is not None else first + 2000
        return st.integers(first, last).map(lambda n: n * step)
    bounds = {"min_value": low, "max_value": high}
    if numbers is st.integers:
        bounds = {key: None if bound is None else int(bound) for key, bound in bounds.items()}
    strategy: st.SearchStrategy[Any] = numbers(**bounds)
    return strategy


def objects(schema: ModelSchema, shape: Shape) -> st.SearchStrategy[dict[str, Any]]:
    """JSON-shaped data for ``schema``: what ``Model.from_dict`` takes."""
    required = {prop.name: values(prop.schema, shape) for prop in schema.properties if prop.required}
    optional = {prop.name: values(prop.schema, shape) for prop in schema.properties if not prop.required}
    known = st.fixed_dictionaries(required, optional=optional)
    if schema.additional_properties is None:
        return known
    keys = (XML_NAMES if shape == "xml" else st.text(min_size=1, max_size=12)).filter(lambda k: k not in schema.by_name)
    extra = st.dictionaries(keys, values(schema.additional_properties, shape), max_size=3)
    return st.builds(lambda fixed, more: {**more, **fixed}, known, extra)


INTEGER_TEXT = re.compile(r"[+-]?[0-9]+")
NUMBER_TEXT = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")


def read_back_from_text(schema: Schema, value: Any) -> Any:
    """What a text-only media type gives back for ``value``: a union takes the first option that reads it."""
    if isinstance(schema, OneOf) and isinstance(value, str):
        kinds = [option.type for option in schema.options if isinstance(option, Scalar)]
        if kinds and kinds[0] == "integer" and INTEGER_TEXT.fullmatch(value):
            return int(value)
        if kinds and kinds[0] == "number" and NUMBER_TEXT.fullmatch(value):
            return int(value) if INTEGER_TEXT.fullmatch(value) else float(value)
    if isinstance(schema, ArrayOf):
        return [read_back_from_text(schema.items, item) for item in value]
    if isinstance(schema, ModelRef):
        return text_round_trip(schema.schema, value)
    return value


def text_round_trip(schema: ModelSchema, data: dict[str, Any]) -> dict[str, Any]:
    return {
        name: read_back_from_text(schema.by_name[name].schema, value) if name in schema.by_name else value
        for name, value in data.items()
    }


XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def has_xml_invalid_text(value: Any) -> bool:
    if isinstance(value, str):
        return bool(XML_INVALID.search(value))
    if isinstance(value, dict):
        return any(has_xml_invalid_text(key) or has_xml_invalid_text(item) for key, item in value.items())
    if isinstance(value, list):
        return any(has_xml_invalid_text(item) for item in value)
    return False
