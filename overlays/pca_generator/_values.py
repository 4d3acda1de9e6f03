"""What a value written in a spec is, as the JSON type its schema says: the conversions with one
meaning (``"false"`` for a boolean, ``"100"`` for an integer, ``100`` for a string), and how a
value is shown in a message (as JSON writes it, what the spec's author recognises)."""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

__all__ = ["NO_VALUE", "as_type", "in_format", "json_text", "kinds", "same_json", "shown", "types_of"]


def shown(value: object) -> str:
    """A value as JSON writes it (what a spec's author recognises), shortened."""
    try:
        text = json.dumps(value)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else f"{text[:60]}..."


def kinds(types: tuple[str, ...]) -> str:
    return " or ".join(f"an {kind}" if kind[0] in "aeiou" else f"a {kind}" for kind in types)


NO_VALUE = object()
_INTEGER = re.compile(r"[+-]?[0-9]+")
_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")


def types_of(schema: Mapping[str, Any]) -> tuple[str, ...]:
    declared = schema.get("type")
    if isinstance(declared, str):
        return (declared,)
    if isinstance(declared, list):
        return tuple(str(kind) for kind in declared if kind != "null")
    return ()


def as_type(value: object, types: tuple[str, ...]) -> object:
    """``value`` as the first of ``types`` it has one meaning in, or :data:`NO_VALUE`."""
    for kind in types:
        converted = _AS.get(kind, _unchanged)(value)
        if converted is not NO_VALUE:
            return converted
    return NO_VALUE


def _unchanged(value: object) -> object:
    return value


def _as_boolean(value: object) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return NO_VALUE


def _as_integer(value: object) -> object:
    if isinstance(value, bool):
        return NO_VALUE
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
        return int(value.strip())
    return NO_VALUE


def _as_number(value: object) -> object:
    if isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value)):
        return NO_VALUE
    if isinstance(value, int | float):
        return value
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        if _INTEGER.fullmatch(value.strip()):
            return int(value.strip())
        number = float(value.strip())
        return number if math.isfinite(number) else NO_VALUE  # "1e400" is no JSON number
    return NO_VALUE


def _as_string(value: object) -> object:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return json_text(value)
    return NO_VALUE


def _as_kind(kind: type) -> Callable[[object], object]:
    return lambda value: value if isinstance(value, kind) else NO_VALUE


_AS: dict[str, Callable[[object], object]] = {
    "boolean": _as_boolean,
    "integer": _as_integer,
    "number": _as_number,
    "string": _as_string,
    "array": _as_kind(list),
    "object": _as_kind(dict),
}


def json_text(value: object) -> str:
    """A scalar as text: a number as the spec wrote it (``1.10``, not ``1.1``), ``true`` not ``True``."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    return str(getattr(value, "source", None) or value)


_DATE = r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
_FORMATS: dict[str, Callable[[str], object]] = {
    "date": date.fromisoformat,
    # RFC 3339's, which Python's fromisoformat is not (a leap second, a lower-case t or z).
    "date-time": re.compile(
        _DATE + r"[Tt ]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])"
    ).fullmatch,
    "uuid": uuid.UUID,
}


def in_format(value: object, format_name: object) -> bool:
    """Whether a text ``value`` reads in its ``format`` (the formats the generated code parses);
    any other value or format is not this check's to judge."""
    reader = _FORMATS.get(str(format_name))
    if reader is None or not isinstance(value, str):
        return True
    try:
        if reader(value) is None:  # a pattern's fullmatch
            return False
    except ValueError:
        return False
    return True


def same_json(one: object, other: object) -> bool:
    """Equal as JSON values: ``1`` and ``1.0`` are one number; ``1`` and ``true`` two values (not to Python)."""
    numbers = (int, float)
    if isinstance(one, numbers) and isinstance(other, numbers) and not isinstance(one, bool):
        return not isinstance(other, bool) and one == other
    return type(one) is type(other) and one == other
