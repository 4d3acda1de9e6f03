"""The OpenAPI schemas, as the codecs see them at run time.

Every generated model carries a :class:`ModelSchema` in ``__openapi__``, written by the model
template from ``openapi.yaml``: wire names, types, required properties and the OpenAPI ``xml``
objects. The codecs read only these descriptions, so a property added to the spec reaches every
media type after regeneration, with no hand-written field name anywhere.

Values here are the JSON-shaped ones of ``Model.to_dict()`` / ``Model.from_dict()``. A request
or response body is a :class:`Document`: any schema (a model, an array, a map, a scalar) and, for
XML, its root element.

One module, over 400 lines, for one concern: the descriptions are one closed union
(:data:`Schema`) whose kinds hold each other (an array its items, a union its options, a model
its properties and a body its schema), and each kind carries its reference check and its text
form as its own methods, attrs-style. Split by kind, each module would import the others; the
check and the text form apart from their kind would be one ``isinstance`` branch per kind.
"""

from __future__ import annotations

import base64
import builtins
import datetime
import importlib
import ipaddress
import math
import operator
import re
import uuid
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, ClassVar, Literal, Protocol, Self, TypeVar

import attrs
from attrs import field, frozen

__all__ = [
    "INTEGER_TEXT",
    "AnyValue",
    "ArrayOf",
    "Binary",
    "Document",
    "EnumRef",
    "FieldEncoding",
    "Kept",
    "M",
    "Model",
    "ModelRef",
    "ModelSchema",
    "Null",
    "OneOf",
    "Property",
    "Scalar",
    "Schema",
    "SchemaViolation",
    "Xml",
    "literal_member",
    "model_of",
]


class SchemaViolation(ValueError):
    """A value does not match its schema; ``path`` says where (``$.data[2]``)."""

    def __init__(self, path: str, problem: str, *, types: tuple[str, str] | None = None) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
        self.types = types
        """What the value was expected to be and the JSON type it has, when it is of another type
        than the schema's (a union's refusal prefers an option whose type the value has, or names
        every option's when it has none's: see ``_refusal``)."""

    @classmethod
    def wrong_type(cls, path: str, expected: str, got: str) -> SchemaViolation:
        """The value is a ``got`` (a JSON type) where ``expected`` is wanted."""
        return cls(path, f"expected {expected}, got {got}", types=(expected, got))

    def under(self, prefix: str) -> SchemaViolation:
        """The same violation seen from a parent: containers check children with a relative path
        (``""``) and prefix it only on failure, so valid data costs no path formatting."""
        return SchemaViolation(prefix + self.path, self.problem, types=self.types)


class Model(Protocol):
    """What the codecs need of a generated model class."""

    __openapi__: ClassVar[ModelSchema]

    def to_dict(self) -> dict[str, Any]: ...

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


M = TypeVar("M", bound=Model)
E = TypeVar("E", bound=Enum)

_PACKAGE = __name__.rpartition(".")[0]  # the generated package, wherever it is vendored


@frozen
class Xml:
    """An OpenAPI ``xml`` object, with ``name`` already resolved (property or schema name).

    ``given``: whether the spec names the element. A root (or an item of a root or wrapped
    array) the spec names no element for is written under a default name (the component's,
    ``items``, ``item``) and read under any name: the element's place tells what it is.
    """

    name: str
    namespace: str | None = None
    prefix: str | None = None
    attribute: bool = False
    wrapped: bool = False
    given: bool = True

    def tag(self, inherited_namespace: str | None) -> str:
        """The element's name in lxml's ``{namespace}local`` notation.

        An element without a namespace of its own sits in the default namespace declared by an
        ancestor (XML's scoping rule); attributes never take a default namespace.
        """
        namespace = self.namespace if self.namespace is not None or self.attribute else inherited_namespace
        return f"{{{namespace}}}{self.name}" if namespace else self.name

    def scope(self, inherited_namespace: str | None) -> str | None:
        """The default namespace this element passes to its children."""
        if self.namespace is not None and self.prefix is None:
            return self.namespace
        return inherited_namespace


_PYTHON_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
}
INTEGER_TEXT = re.compile(r"[+-]?[0-9]+")
"""Integer text, as :meth:`Scalar.from_text` reads it (and the XML fast reader with it)."""
_BOOLEANS = {"true": True, "false": False, "1": True, "0": False}


def _email(text: str) -> bool:
    local, at, domain = text.rpartition("@")
    return bool(at and local and domain) and not any(c.isspace() for c in text)


def _ip(version: int) -> Callable[[str], bool]:
    def valid(text: str) -> bool:
        try:
            return ipaddress.ip_address(text).version == version
        except ValueError:
            return False

    return valid


_HOSTNAME = re.compile(
    r"(?=.{1,253}\.?\Z)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?"
)
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S*")


def _built_by(build: Callable[[str], object]) -> Callable[[str], bool]:
    def valid(text: str) -> bool:
        try:
            build(text)
        except ValueError:
            return False
        return True

    return valid


def _rfc3339(name: str) -> Callable[[str], bool]:
    def valid(text: str) -> bool:
        return _RFC3339[name].fullmatch(text) is not None and _BUILT[name](text)

    return valid


_BUILT: Mapping[str, Callable[[str], bool]] = {
    "date": _built_by(datetime.date.fromisoformat),
    "date-time": _built_by(datetime.datetime.fromisoformat),
    "uuid": _built_by(uuid.UUID),
}
"""The string formats ``from_dict`` converts, by the function it converts them with: a text it
could not convert breaks the typed result, so a liberal read keeps checking them (with the path of
the value, where building would only say that it failed)."""
_RFC3339 = {
    "date": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
    "date-time": re.compile(
        r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
    ),
}
"""What OpenAPI's ``date`` and ``date-time`` are (RFC 3339 ``full-date``, ``date-time``: with its
offset), where Python's ``fromisoformat`` builds more (``20240101``, a time without an offset):
what is sent, and read strictly, is the format; a liberal read keeps what builds."""
_FORMATS: Mapping[str, Callable[[str], bool]] = {
    "email": _email,
    "hostname": lambda text: _HOSTNAME.fullmatch(text) is not None,
    "ipv4": _ip(4),
    "ipv6": _ip(6),
    "uri": lambda text: _URI.fullmatch(text) is not None,
    **_BUILT,
    **{name: _rfc3339(name) for name in _RFC3339},
}
"""The string formats that constrain a value: checked as ``pattern`` is. Any other format is not
judged here."""
_FORMAT_HINTS = {
    "date": " (RFC 3339: YYYY-MM-DD)",
    "date-time": " (RFC 3339: a date, a time and its offset, Z or +01:00: a datetime needs its tzinfo)",
}

Constraint = Literal[
    "enum",
    "pattern",
    "format",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
    "discriminator",
]
"""What a value may break while the typed result still holds it: the JSON Schema keyword (or
OpenAPI's ``discriminator``, for a value that names no option of its union).
Requests are refused for any of them; responses keep the value unless read strictly."""

Kept = list[tuple[str, Constraint]]
"""Broken constraints a liberal read kept: (JSON path, keyword); never the value."""

Within = Callable[["Schema", object, str], Kept]
"""How a container's ``breaks`` walks each of its parts: the part's own ``breaks`` (the reference),
or the compiled check first (``_compiled.breaks``), which skips the parts it passes."""


def _each_part(schema: Schema, value: object, path: str) -> Kept:
    return schema.breaks(value, path)


Direction = Literal["request", "response"]
"""Which way a body travels: what ``readOnly`` and ``writeOnly`` properties depend on (see
:meth:`Property.toward`)."""


def _multiple(value: float, of: float) -> bool:
    """Whether ``value`` is a multiple of ``of``, in decimal (0.3 is a multiple of 0.1)."""
    if type(value) is int and type(of) is int:
        return value % of == 0
    from fractions import Fraction  # (with decimal: some 4 ms of every import, for a rare keyword)

    return Fraction(repr(value)) % Fraction(repr(of)) == 0


@frozen(cache_hash=True)  # a key of the compiled checks' and readers' caches, looked up per call
class Scalar:
    """``string``, ``integer``, ``number`` or ``boolean``, with ``enum``/``const`` and the constraints.

    ``const``: the single value of ``enum`` is a ``const``, which tells the options of a union
    apart: part of the value's structure, kept in a liberal read, as is a ``format`` the typed
    result is built from (a date, a UUID). The other constraints (``enum``, ``pattern``, a
    constraining ``format``, lengths and bounds) are what :meth:`relaxed` drops.
    """

    type: Literal["string", "integer", "number", "boolean"]
    enum: tuple[str | int | float | bool, ...] | None = None
    pattern: str | None = None
    const: bool = False
    format: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    exclusive_minimum: int | float | None = None
    exclusive_maximum: int | float | None = None
    multiple_of: int | float | None = None
    built_only: bool = False
    """A liberal read's ``format``: only that the typed value builds from the text (a date-time
    without its offset is kept; see ``_RFC3339``)."""
    regex: re.Pattern[str] | None = field(init=False, eq=False, repr=False)
    """``pattern``, compiled once (None without one)."""
    bounded: bool = field(init=False, eq=False, repr=False)
    """Whether a constraint beyond the type, ``enum`` and ``pattern`` applies (see :meth:`within`)."""
    _python_type: builtins.type | tuple[builtins.type, ...] = field(init=False, eq=False, repr=False)
    _fast_type: builtins.type | None = field(init=False, eq=False, repr=False)

    @regex.default
    def _compile(self) -> re.Pattern[str] | None:
        return re.compile(self.pattern) if self.pattern is not None else None

    @bounded.default
    def _any_bound(self) -> bool:
        return (self.format in _FORMATS and self.type == "string") or any(
            bound is not None
            for bound in (
                self.min_length,
                self.max_length,
                self.minimum,
                self.maximum,
                self.exclusive_minimum,
                self.exclusive_maximum,
                self.multiple_of,
            )
        )

    @_python_type.default
    def _python_type_of(self) -> builtins.type | tuple[builtins.type, ...]:
        return _PYTHON_TYPES[self.type]

    @_fast_type.default
    def _fast_type_of(self) -> builtins.type | None:
        # With no constraint, a string, integer or boolean is valid as its exact type: one
        # comparison decides the common case. Numbers always take the full check (finite floats).
        if self.enum is not None or self.pattern is not None or self.bounded:
            return None
        return {"string": str, "integer": int, "boolean": bool}.get(self.type)

    def check(self, value: object, path: str) -> object:
        if type(value) is not self._fast_type and (failure := self._failure(value)) is not None:
            if failure == "type":
                raise SchemaViolation.wrong_type(path, self.type, _json_type(value))
            raise SchemaViolation(path, str(self.problem(value)))
        return value

    def accepts(self, value: object) -> bool:
        """Whether ``value`` is valid: the check without building a message, for unions to try."""
        return type(value) is self._fast_type or self._failure(value) is None

    def toward(self, direction: Direction) -> Self:
        return self

    def relaxed(self) -> Scalar:
        """This scalar as a liberal read checks it: its type (and ``const``, and a format the typed
        result is built from), no other constraint."""
        if self.const or (self.enum is None and self.pattern is None and not self.bounded):
            return self
        built = self.format in _BUILT
        relaxed = Scalar(self.type, format=self.format if built else None, built_only=built)
        return self if relaxed == self else relaxed

    def breaks(self, value: object, path: str, within: Within | None = None) -> Kept:
        """The constraints ``value`` (valid for :meth:`relaxed`) breaks, where: what a liberal read
        keeps. (``within``: how a container walks its parts; a scalar has none.)"""
        failure = self._failure(value)
        if failure is None or failure == "type" or failure == "finite":
            return []
        return [(path, failure)]

    def problem(self, value: object) -> str | None:
        """What is wrong with ``value``, or None."""
        failure = self._failure(value)
        if failure is None:
            return None
        if failure == "type":
            return f"expected {self.type}, got {_json_type(value)}"
        return {
            "finite": "expected a finite number",
            "enum": f"expected one of {list(self.enum or ())!r}",
            "pattern": f"does not match the pattern {self.pattern!r}",
            "format": f"is not a valid {self.format}{self._format_hint()}",
            "minLength": f"shorter than {self.min_length} characters",
            "maxLength": f"longer than {self.max_length} characters",
            "minimum": f"less than the minimum {self.minimum!r}",
            "maximum": f"greater than the maximum {self.maximum!r}",
            "exclusiveMinimum": f"not greater than the exclusive minimum {self.exclusive_minimum!r}",
            "exclusiveMaximum": f"not less than the exclusive maximum {self.exclusive_maximum!r}",
            "multipleOf": f"not a multiple of {self.multiple_of!r}",
        }[failure]

    def _format_hint(self) -> str:
        """What the format asks for where the text could build a value all the same."""
        return "" if self.built_only or self.format is None else _FORMAT_HINTS.get(self.format, "")

    def _failure(self, value: object) -> Literal["type", "finite"] | Constraint | None:
        if type(value) is self._fast_type:
            return None
        if not isinstance(value, self._python_type) or (isinstance(value, bool) and self.type != "boolean"):
            return "type"
        if self.type == "number" and not math.isfinite(value):  # type: ignore[arg-type]
            return "finite"
        if self.enum is not None and value not in self.enum:
            return "enum"
        if self.regex is not None and isinstance(value, str) and not self.regex.search(value):
            return "pattern"
        return self._bound(value) if self.bounded else None

    def within(self, value: object) -> bool:
        """Whether a value of the right type keeps the bounds and the format (compiled checks call it)."""
        return self._bound(value) is None

    def _bound(self, value: Any) -> Constraint | None:
        if isinstance(value, str):
            if self.min_length is not None and len(value) < self.min_length:
                return "minLength"
            if self.max_length is not None and len(value) > self.max_length:
                return "maxLength"
            valid = (_BUILT if self.built_only else _FORMATS).get(self.format or "")
            return "format" if valid is not None and not valid(value) else None
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        if self.minimum is not None and value < self.minimum:
            return "minimum"
        if self.maximum is not None and value > self.maximum:
            return "maximum"
        if self.exclusive_minimum is not None and value <= self.exclusive_minimum:
            return "exclusiveMinimum"
        if self.exclusive_maximum is not None and value >= self.exclusive_maximum:
            return "exclusiveMaximum"
        if self.multiple_of is not None and not _multiple(value, self.multiple_of):
            return "multipleOf"
        return None

    def from_text(self, text: str, path: str) -> object:
        """Read the value from XML text or a form field."""
        value: object
        if self.type == "string":
            value = text
        elif self.type == "integer":
            if not INTEGER_TEXT.fullmatch(text):
                raise SchemaViolation(path, "expected integer text")
            value = int(text)
        elif self.type == "number":
            try:
                value = int(text) if INTEGER_TEXT.fullmatch(text) else float(text)
            except ValueError:
                raise SchemaViolation(path, "expected number text") from None
        else:
            value = _BOOLEANS.get(text.strip())
            if value is None:
                raise SchemaViolation(path, "expected boolean text (true or false)")
        return self.check(value, path)

    def to_text(self, value: object, path: str) -> str:
        self.check(value, path)
        if isinstance(value, bool):
            return "true" if value else "false"
        return value if isinstance(value, str) else repr(value)


@frozen
class AnyValue:
    """A schema that allows anything (``{}``); in XML and forms it carries text or elements."""

    def check(self, value: object, path: str) -> object:
        return value

    def relaxed(self) -> Self:
        return self

    def toward(self, direction: Direction) -> Self:
        return self

    def breaks(self, value: object, path: str, within: Within | None = None) -> Kept:
        return []

    def from_text(self, text: str, path: str) -> object:
        return text

    def to_text(self, value: object, path: str) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, str):
            return value
        if isinstance(value, int | float):
            return repr(value)
        if value is None:
            return ""
        raise SchemaViolation(path, f"{_json_type(value)} values cannot be written as text")


@frozen
class Null:
    """``type: null`` (or the ``None`` option of a ``nullable`` value): empty text in XML and forms."""

    def check(self, value: object, path: str) -> object:
        if value is None:
            return value
        raise SchemaViolation.wrong_type(path, "null", _json_type(value))

    def relaxed(self) -> Self:
        return self

    def toward(self, direction: Direction) -> Self:
        return self

    def breaks(self, value: object, path: str, within: Within | None = None) -> Kept:
        return []

    def from_text(self, text: str, path: str) -> object:
        if text == "":
            return None
        raise SchemaViolation(path, "expected empty text for null")

    def to_text(self, value: object, path: str) -> str:
        self.check(value, path)
        return ""


@frozen
class Binary:
    """``format: binary``: bytes, which JSON, XML and forms carry as base64 text.

    Those media types write text (a form's fields too: servers read them as UTF-8), and JSON has
    no bytes at all, so the generated ``to_dict`` writes a ``File``'s bytes as base64 text
    (RFC 4648, the standard alphabet, padded: OpenAPI 3.0's ``format: byte``, 3.1's
    ``contentEncoding: base64``, and what APIs that take a file in JSON document) and
    ``from_dict`` reads that text back into a ``File``: the typed attribute is a ``File`` in every
    media type. A multipart part, and a whole body, carry the bytes themselves.
    """

    def check(self, value: object, path: str) -> object:
        if isinstance(value, str):
            return value
        raise SchemaViolation.wrong_type(path, "binary content as base64 text", _json_type(value))

    def relaxed(self) -> Self:
        return self

    def toward(self, direction: Direction) -> Self:
        return self

    def breaks(self, value: object, path: str, within: Within | None = None) -> Kept:
        return []

    def from_text(self, text: str, path: str) -> object:
        return text

    def to_text(self, value: object, path: str) -> str:
        return str(self.check(value, path))


def to_base64(file: Any) -> str:
    """The bytes of a ``File`` (or bytes) as base64 text, its payload left where it was."""
    payload = getattr(file, "payload", file)
    if isinstance(payload, bytes | bytearray | memoryview):
        content = bytes(payload)
    elif hasattr(payload, "getvalue"):  # BytesIO: its bytes, whatever its position
        content = bytes(payload.getvalue())
    else:  # a file: read whole, then back where it was (so that a retry sends it again)
        start = payload.tell() if payload.seekable() else None
        content = bytes(payload.read())
        if start is not None:
            payload.seek(start)
    return base64.b64encode(content).decode("ascii")


def from_base64(text: str) -> bytes:
    """The bytes of base64 text, read liberally: either alphabet (``+/`` or ``-_``), padding or
    none, whitespace ignored. Text that is no base64 at all is taken as the file's own text (its
    UTF-8 bytes): a server that sends a file's content as plain text loses nothing."""
    compact = "".join(text.split()).replace("-", "+").replace("_", "/")
    try:
        return base64.b64decode(compact + "=" * (-len(compact) % 4), validate=True)
    except ValueError:  # binascii.Error
        return text.encode("utf-8")


@frozen(cache_hash=True)  # a key of the compiled checks' and readers' caches, looked up per call
class ArrayOf:
    """``type: array``; ``item_xml`` is the ``xml`` object of ``items`` (None: the property's name)."""

    items: Schema
    item_xml: Xml | None = None
    min_items: int | None = None
    max_items: int | None = None
    unique_items: bool = False

    @property
    def bounded(self) -> bool:
        """Whether the array itself has a constraint (see :meth:`within`)."""
        return self.min_items is not None or self.max_items is not None or self.unique_items

    def check(self, value: object, path: str) -> object:
        if not isinstance(value, list):
            raise SchemaViolation.wrong_type(path, "array", _json_type(value))
        for index, item in enumerate(value):
            try:
                self.items.check(item, "")
            except SchemaViolation as violation:
                raise violation.under(f"{path}[{index}]") from None
        failure = self._bound(value) if self.bounded else None
        if failure is not None:
            raise SchemaViolation(path, _ARRAY_PROBLEMS[failure].format(self))
        return value

    def within(self, value: list[Any]) -> bool:
        """Whether a list keeps the array's item count and uniqueness (compiled checks call it)."""
        return self._bound(value) is None

    def _bound(self, value: list[Any]) -> Constraint | None:
        if self.min_items is not None and len(value) < self.min_items:
            return "minItems"
        if self.max_items is not None and len(value) > self.max_items:
            return "maxItems"
        if self.unique_items and len({_json_key(item) for item in value}) != len(value):
            return "uniqueItems"
        return None

    def relaxed(self) -> ArrayOf:
        items = self.items.relaxed()
        if items is self.items and not self.bounded:
            return self
        return ArrayOf(items, self.item_xml)

    def toward(self, direction: Direction) -> ArrayOf:
        items = self.items.toward(direction)
        return self if items is self.items else attrs.evolve(self, items=items)

    def breaks(self, value: object, path: str, within: Within = _each_part) -> Kept:
        if not isinstance(value, list):  # (a value the relaxed check passed is one)
            return []
        kept: Kept = []
        for index, item in enumerate(value):
            kept += within(self.items, item, f"{path}[{index}]")
        failure = self._bound(value) if self.bounded else None
        return [*kept, (path, failure)] if failure is not None else kept

    def from_text(self, text: str, path: str) -> object:
        raise SchemaViolation(path, "an array cannot be read from a single text value")

    def to_text(self, value: object, path: str) -> str:
        raise SchemaViolation(path, "an array cannot be written as a single text value")


_ARRAY_PROBLEMS = {
    "minItems": "fewer than {0.min_items} items",
    "maxItems": "more than {0.max_items} items",
    "uniqueItems": "items are not unique",
}


def _json_key(value: object) -> object:
    """A hashable key equal for equal JSON values (1 and 1.0 alike, true and 1 not)."""
    if isinstance(value, bool) or value is None:
        return (type(value), value)
    if isinstance(value, list):
        return (list, tuple(map(_json_key, value)))
    if isinstance(value, dict):
        return (dict, frozenset((key, _json_key(item)) for key, item in value.items()))
    return value if isinstance(value, int | float | str) else (type(value), repr(value))


@frozen
class Discriminator:
    """OpenAPI's ``discriminator`` of a union: the property whose value names the option.

    ``options`` maps each value to its option's index in the union: the spec's ``mapping``, and
    the schema names of the options it does not map (OpenAPI's implicit values). ``closed``: a
    value that names no option is refused (requests, and responses read strictly); else the
    options are tried in turn, as without a discriminator (a liberal read).
    """

    property: str
    options: tuple[tuple[str, int], ...]
    closed: bool = True
    by_value: Mapping[str, int] = field(init=False, eq=False, repr=False)

    @by_value.default
    def _index(self) -> Mapping[str, int]:
        return dict(self.options)

    def pick(self, value: object) -> int | None:
        """The index of the option ``value`` names; None where it names none (not an object, no
        text under the property, or a value the mapping does not know)."""
        if type(value) is not dict:
            return None
        named = value.get(self.property)
        return self.by_value.get(named) if type(named) is str else None

    def unknown(self, value: object) -> bool:
        """Whether ``value`` names, as text under the property, an option the union does not have."""
        if type(value) is not dict:
            return False
        named = value.get(self.property)
        return type(named) is str and named not in self.by_value


@frozen(cache_hash=True)  # a key of the compiled checks' and readers' caches, looked up per call
class OneOf:
    """``oneOf``/``anyOf``: the option the discriminator names, else the first option that accepts
    the value (be liberal in what you accept)."""

    options: tuple[Schema, ...]
    discriminator: Discriminator | None = None

    def named(self, value: object) -> tuple[Schema, ...]:
        """The options to try for ``value``, in order: the one its discriminator names alone; none
        for a value naming an unknown option when the discriminator is closed; else all of them."""
        discriminator = self.discriminator
        if discriminator is None:
            return self.options
        index = discriminator.pick(value)
        if index is not None:
            return (self.options[index],)
        return () if discriminator.closed and discriminator.unknown(value) else self.options

    def check(self, value: object, path: str) -> object:
        options = self.named(value)
        for option in options:  # the happy path: a scalar option that takes the value, no raising
            if isinstance(option, Scalar) and option.accepts(value):
                return value
        return self.first(lambda option: option.check(value, path), path, options)

    def from_text(self, text: str, path: str) -> object:
        return self.first(lambda option: option.from_text(text, path), path, self.options)

    def to_text(self, value: object, path: str) -> str:
        return self.option_for(value, path).to_text(value, path)

    def option_for(self, value: object, path: str) -> Schema:
        """The option that accepts ``value``, for writers that need its shape (XML elements)."""
        options = self.named(value)
        for candidate in options:  # scalars first, without raising
            if isinstance(candidate, Scalar) and candidate.accepts(value):
                return candidate

        def accepting(option: Schema) -> Schema:
            option.check(value, path)
            return option

        chosen: Schema = self.first(accepting, path, options)
        return chosen

    def relaxed(self) -> OneOf:
        options = tuple(option.relaxed() for option in self.options)
        discriminator = self.discriminator
        if discriminator is not None and discriminator.closed:
            discriminator = attrs.evolve(discriminator, closed=False)
        if discriminator is self.discriminator and all(map(operator.is_, options, self.options)):
            return self
        return OneOf(options, discriminator)

    def toward(self, direction: Direction) -> OneOf:
        options = tuple(option.toward(direction) for option in self.options)
        return self if all(map(operator.is_, options, self.options)) else attrs.evolve(self, options=options)

    def breaks(self, value: object, path: str, within: Within = _each_part) -> Kept:
        # No kept violation when an option takes the value as it is; else the first option whose
        # structure takes it (as the relaxed union chose it) says what the value breaks. A value
        # naming no option is kept too, said at the discriminator's property.
        discriminator = self.discriminator
        unknown: Kept = []
        if discriminator is not None and discriminator.unknown(value):
            unknown = [(f"{path}.{discriminator.property}", "discriminator")]
        options = self.named(value) or self.options
        if not unknown and any(_valid(option, value) for option in options):
            return []
        for option in options:
            if _valid(option.relaxed(), value):
                return [*unknown, *within(option, value, path)]
        return unknown

    def first(self, attempt: Callable[[Schema], Any], path: str, options: tuple[Schema, ...]) -> Any:
        """What ``attempt`` makes of the first of ``options`` (some of this union's: see
        :meth:`named`) it does not raise for; its readers use it as :meth:`check` does."""
        if not options:
            assert self.discriminator is not None  # (only a closed discriminator leaves no option)
            raise SchemaViolation(
                f"{path}.{self.discriminator.property}", "names none of the options the discriminator maps"
            )
        if options is not self.options:  # the discriminator named it: its own words, where it failed
            return attempt(options[0])
        violations = []
        for option in options:
            try:
                return attempt(option)
            except SchemaViolation as violation:
                violations.append(violation)
        raise _refusal(path, options, violations)


def _refusal(path: str, options: tuple[Schema, ...], violations: list[SchemaViolation]) -> SchemaViolation:
    """A union's refusal, said where the option that matched furthest (its violation the deepest;
    at the union's own place, one whose type the value has; the first of those) fails and why, then each other
    option briefly, at its place under the union's: the place matters most when the value is a
    large object. Like every violation, it names constraints, never the value (which may be a secret)."""
    kinds = [violation.types for violation in violations if violation.types and violation.path == path]
    if len(kinds) == len(violations) and kinds:  # of none of their types: any of them was wanted
        expected = " or ".join(dict.fromkeys(expected for expected, _ in kinds))
        return SchemaViolation.wrong_type(path, expected, kinds[0][1])
    closest = max(
        range(len(violations)),
        key=lambda index: (_depth(violations[index].path), not _of_another_type(violations[index], path)),
    )
    others = "; ".join(
        f"{_option_name(option)}{violation.path[len(path) :] if violation.path.startswith(path) else ''}: "
        f"{violation.problem}"
        for index, (option, violation) in enumerate(zip(options, violations, strict=True))
        if index != closest
    )
    said = f"as {_option_name(options[closest])}, the closest of the union's {len(options)} options"
    return SchemaViolation(
        violations[closest].path, f"{violations[closest].problem} ({said}{'; ' + others if others else ''})"
    )


def _of_another_type(violation: SchemaViolation, path: str) -> bool:
    """Whether the union's value itself is of another type than the option's (deeper, an option
    whose type the value has may fail by its parts' types as well as any other)."""
    return violation.types is not None and violation.path == path


def _depth(path: str) -> int:
    return path.count(".") + path.count("[")


def _option_name(option: Schema) -> str:
    """How a refusal names a union's option: its model or enum, else its JSON type."""
    name = getattr(option, "name", None)
    if isinstance(name, str):
        return name
    if isinstance(option, Scalar):
        return option.type
    return {ArrayOf: "array", Null: "null", Binary: "binary", OneOf: "union"}.get(type(option), "value")


def _valid(schema: Schema, value: object) -> bool:
    try:
        schema.check(value, "")
    except SchemaViolation:
        return False
    return True


_CLASSES: dict[tuple[str, str], Any] = {}
"""The generated classes found by :func:`_generated_class`: one dictionary read each time after the first."""


def _generated_class(module: str, name: str) -> Any:
    """The class ``name`` of the package's module ``module`` (``models.pet``), imported on first use.

    Readers ask for a model per element of a body: ``import_module`` alone would cost an import
    lock and a path join each time, where a kept reference costs one dictionary read.
    """
    found = _CLASSES.get((module, name))
    if found is None:
        found = _CLASSES[module, name] = getattr(importlib.import_module(f".{module}", _PACKAGE), name)
    return found


@frozen(cache_hash=True)  # a key of the compiled checks' and readers' caches, looked up per call
class ModelRef:
    """A schema that is a generated model, imported when first needed (models may refer to each other).

    ``module`` is relative to the package root (``models.pet``), so a vendored copy resolves too.
    """

    module: str
    name: str
    relaxing: bool = False
    """Whether this reference stands for the model's :meth:`ModelSchema.relaxed` schema."""
    direction: Direction | None = None
    """The way the body travels, when it matters: the model's :meth:`ModelSchema.toward` schema."""

    @property
    def model(self) -> type[Model]:
        model: type[Model] = _generated_class(self.module, self.name)
        return model

    @property
    def schema(self) -> ModelSchema:
        schema = self.model.__openapi__
        if self.direction is not None:
            schema = schema.toward(self.direction)
        return schema.relaxed() if self.relaxing else schema

    def check(self, value: object, path: str) -> object:
        return self.schema.check(value, path)

    # Views are resolved when first used, as the reference itself: models may refer to each other.
    def relaxed(self) -> ModelRef:
        return self if self.relaxing else attrs.evolve(self, relaxing=True)

    def toward(self, direction: Direction) -> ModelRef:
        return self if self.direction == direction else attrs.evolve(self, direction=direction)

    def breaks(self, value: object, path: str, within: Within = _each_part) -> Kept:
        return self.schema.breaks(value, path, within)

    def from_text(self, text: str, path: str) -> object:
        raise SchemaViolation(path, f"a {self.name} cannot be read from a single text value")

    def to_text(self, value: object, path: str) -> str:
        raise SchemaViolation(path, f"a {self.name} cannot be written as a single text value")


@frozen
class EnumRef:
    """The generated enum class a property's value becomes (``models.pet_status``, ``PetStatus``).

    Not a schema (the property's schema is its :class:`Scalar` with the ``enum``): what a compiled
    builder needs to make of a checked value what ``from_dict`` makes of it, ``PetStatus(value)``.
    """

    module: str
    name: str

    @property
    def enum(self) -> type[Enum]:
        enum: type[Enum] = _generated_class(self.module, self.name)
        return enum


@frozen
class Property:
    """One property of a model: its wire name, schema, whether it is required, and its ``xml``.

    ``attribute`` is the model's Python attribute; ``as_is`` says that the model holds the
    JSON-shaped value unchanged (no enum class, date, nested model or file is made of it);
    ``enum``, that it holds a member of that generated enum class. ``required`` is the spec's;
    ``read_only`` and ``write_only`` its ``readOnly`` / ``writeOnly``, which :meth:`toward`
    applies; ``skip``, that a body of this view never carries it (a ``readOnly`` property, in
    the request view).
    """

    name: str
    schema: Schema
    required: bool
    xml: Xml
    attribute: str
    as_is: bool
    enum: EnumRef | None = None
    read_only: bool = False
    write_only: bool = False
    skip: bool = False

    @property
    def always_set(self) -> bool:
        """Whether the model always holds a value: required both ways. A required ``readOnly``
        (``writeOnly``) property is ``UNSET`` in the model a caller builds for a request (that a
        server answers), so its attribute is optional."""
        return self.required and not (self.read_only or self.write_only)

    def toward(self, direction: Direction) -> Property:
        """The property as a body going ``direction`` holds it.

        Strict in what we send: a request never carries a ``readOnly`` property (the server
        assigns it): skipped, whatever the model holds, so neither required nor checked. Liberal
        in what we read: a response need not carry a ``writeOnly`` property (not required), and
        one a server sends anyway is read and kept, as any value the spec describes.
        """
        if direction == "request" and self.read_only:
            return attrs.evolve(self, schema=AnyValue(), required=False, skip=True)
        schema = self.schema.toward(direction)
        required = self.required and not (direction == "response" and self.write_only)
        if schema is self.schema and required == self.required:
            return self
        return attrs.evolve(self, schema=schema, required=required)


@frozen(cache_hash=True)  # codecs cache per-model work keyed by the schema
class ModelSchema:
    """One object schema of the spec: what ``__openapi__`` holds on every generated model."""

    name: str
    xml: Xml
    properties: tuple[Property, ...]
    additional_properties: Schema | None = None
    by_name: Mapping[str, Property] = field(init=False, eq=False, repr=False)
    _checks: tuple[tuple[str, Callable[[object, str], object], bool], ...] = field(init=False, eq=False, repr=False)

    document: Document = field(init=False, eq=False, repr=False)
    """The body that holds just this model: what ``media.serialize`` / ``deserialize`` use."""

    @document.default
    def _as_document(self) -> Document:
        return Document(self)

    @by_name.default
    def _index(self) -> Mapping[str, Property]:
        return {prop.name: prop for prop in self.properties}

    @_checks.default
    def _bind_checks(self) -> tuple[tuple[str, Callable[[object, str], object], bool], ...]:
        return tuple((prop.name, prop.schema.check, prop.required) for prop in self.properties)

    def check(self, value: object, path: str = "$") -> dict[str, Any]:
        """Check JSON-shaped data against the schema before ``from_dict`` sees it."""
        if not isinstance(value, dict):
            raise SchemaViolation.wrong_type(path, f"{self.name} object", _json_type(value))
        for name, check, required in self._checks:
            if name in value:
                try:
                    check(value[name], "")
                except SchemaViolation as violation:
                    raise violation.under(f"{path}.{name}") from None
            elif required:
                raise SchemaViolation(path, f"missing required property {name!r}")
        unknown = value.keys() - self.by_name.keys()
        if unknown:
            extra = self.additional_properties
            for key in unknown:
                if extra is None:
                    raise SchemaViolation(path, "a property the schema does not declare")
                try:
                    extra.check(value[key], "")
                except SchemaViolation as violation:  # (the key is the sender's text: never quoted)
                    raise violation.under(f"{path}.*") from None
        return value

    def toward(self, direction: Direction) -> ModelSchema:
        """The schema of a body going ``direction`` (see :meth:`Property.toward`); itself when no
        property of it reads or writes differently."""
        key = (self, direction)
        view = _TOWARD.get(key)
        if view is None:
            properties = tuple(prop.toward(direction) for prop in self.properties)
            extra = self.additional_properties
            directed = extra.toward(direction) if extra is not None else None
            changed = directed is not extra or any(map(operator.is_not, properties, self.properties))
            view = _TOWARD[key] = ModelSchema(self.name, self.xml, properties, directed) if changed else self
        return view

    def skipped(self) -> frozenset[str]:
        """The names of the properties a body of this view never carries."""
        return frozenset(prop.name for prop in self.properties if prop.skip)

    def relaxed(self) -> ModelSchema:
        """The schema a liberal read checks a response against: every property's structure and
        type, and none of the constraints a server's value may break and still be kept."""
        relaxed = _RELAXED.get(self)
        if relaxed is None:
            properties = tuple(attrs.evolve(prop, schema=prop.schema.relaxed()) for prop in self.properties)
            extra = self.additional_properties.relaxed() if self.additional_properties is not None else None
            changed = extra is not self.additional_properties or any(
                new.schema is not old.schema for new, old in zip(properties, self.properties, strict=True)
            )
            relaxed = _RELAXED[self] = ModelSchema(self.name, self.xml, properties, extra) if changed else self
        return relaxed

    def breaks(self, value: object, path: str = "$", within: Within = _each_part) -> Kept:
        if not isinstance(value, dict):  # (a value the relaxed check passed is one)
            return []
        kept: Kept = []
        for prop in self.properties:
            if prop.name in value:
                kept += within(prop.schema, value[prop.name], f"{path}.{prop.name}")
        extra = self.additional_properties
        if extra is not None:
            for key in value.keys() - self.by_name.keys():
                kept += within(extra, value[key], f"{path}.*")  # the key is the sender's text
        return kept

    def from_text(self, text: str, path: str) -> object:
        raise SchemaViolation(path, f"a {self.name} cannot be read from a single text value")

    def to_text(self, value: object, path: str) -> str:
        raise SchemaViolation(path, f"a {self.name} cannot be written as a single text value")


Schema = Scalar | AnyValue | Null | Binary | ArrayOf | OneOf | ModelRef | ModelSchema

_RELAXED: dict[ModelSchema, ModelSchema] = {}
"""Each model's relaxed schema, made when a liberal read first needs it."""
_TOWARD: dict[tuple[ModelSchema, Direction], ModelSchema] = {}
"""Each model's schema per direction, made when first needed."""


def model_of(schema: Schema) -> ModelSchema | None:
    """The object schema behind ``schema`` when it is a model (by reference or itself), else None."""
    if isinstance(schema, ModelRef):
        return schema.schema
    return schema if isinstance(schema, ModelSchema) else None


@frozen
class FieldEncoding:
    """How a form writes one property: OpenAPI's ``encoding`` object, as the spec gives it (None:
    the default, by the property's schema)."""

    name: str
    content_type: str | None = None
    style: str | None = None
    explode: bool | None = None


@frozen(cache_hash=True)  # a key of the codecs' caches, as ModelSchema
class Document:
    """What one request or response body holds: a schema and, for XML, its root element; for a
    form, how its properties are written (``encoding``).

    ``xml`` is the OpenAPI ``xml`` object of the body's own schema. Without one, a model's root
    is the model's element (read under any name where the spec names none: ``Xml.given``); an
    array or a scalar root is written as ``<items>`` / ``<value>`` and read under any root name.

    ``liberal``: the body is read as :meth:`relaxed` reads it, liberally (a response, unless read
    strictly).
    """

    schema: Schema
    xml: Xml | None = None
    encoding: tuple[FieldEncoding, ...] = ()
    liberal: bool = False

    def encoding_of(self, name: str) -> FieldEncoding | None:
        return next((encoding for encoding in self.encoding if encoding.name == name), None)

    def relaxed(self) -> Document:
        """The body as a liberal read checks it: its schema without the constraints a server's
        value may break and still be kept (see :meth:`ModelSchema.relaxed`), and XML elements
        taken by their names in a namespace the spec does not declare."""
        return self if self.liberal else attrs.evolve(self, schema=self.schema.relaxed(), liberal=True)

    def toward(self, direction: Direction) -> Document:
        """The body as it travels ``direction``: requests skip ``readOnly`` properties, responses
        need not carry ``writeOnly`` ones (see :meth:`Property.toward`)."""
        schema = self.schema.toward(direction)
        return self if schema is self.schema else attrs.evolve(self, schema=schema)

    def outgoing(self, data: object) -> object:
        """``data`` as this body carries it: without the properties its view skips, at any depth.

        The caller's data is never changed: a body that skips a property anywhere is copied; any
        other is ``data`` itself, at the cost of one dictionary read.
        """
        return _outgoing(self.schema, data) if self.skips() else data

    def skips(self) -> bool:
        """Whether a body of this view leaves out a property at any depth (a request's ``readOnly``)."""
        skips = _SKIPS.get(self)  # (keyed by the document, whose hash is cached: the common case is one read)
        if skips is None:
            skips = _SKIPS[self] = _skips(self.schema, set())
        return skips

    def root(self) -> Xml:
        """The root element's ``xml`` (``given`` False: a reader takes a root of any name)."""
        if self.xml is not None:
            return self.xml
        model = model_of(self.schema)
        if model is not None:
            return model.xml
        return Xml("items" if isinstance(self.schema, ArrayOf) else "value", given=False)

    @property
    def name(self) -> str:
        """The schema's name for messages: the model's, else what kind of value it is."""
        model = model_of(self.schema)
        if model is not None:
            return model.name
        return "array" if isinstance(self.schema, ArrayOf) else "value"


_SKIPS: dict[Document, bool] = {}
"""Per body: whether a property is skipped anywhere in it (see :meth:`Document.outgoing`)."""


def _skips(schema: Schema, seen: set[Schema]) -> bool:
    """Whether ``schema`` skips a property at any depth; ``seen``: the schemas already looked into
    (models may hold each other)."""
    if schema in seen:
        return False
    seen.add(schema)
    model = model_of(schema)
    if model is not None:
        extra = () if model.additional_properties is None else (model.additional_properties,)
        return bool(model.skipped()) or any(
            _skips(child, seen) for child in (*(prop.schema for prop in model.properties), *extra)
        )
    if isinstance(schema, ArrayOf):
        return _skips(schema.items, seen)
    return isinstance(schema, OneOf) and any(_skips(option, seen) for option in schema.options)


def _outgoing(schema: Schema, value: object) -> object:
    """``value`` without the properties ``schema`` skips, at any depth, in new containers."""
    model = model_of(schema)
    if model is not None:
        if not isinstance(value, dict):
            return value
        skipped, extra = model.skipped(), model.additional_properties
        kept = {}
        for key, item in value.items():
            prop = model.by_name.get(key)
            if key not in skipped:
                child = prop.schema if prop is not None else extra
                kept[key] = item if child is None else _outgoing(child, item)
        return kept
    if isinstance(schema, ArrayOf):
        return [_outgoing(schema.items, item) for item in value] if isinstance(value, list) else value
    if isinstance(schema, OneOf):
        for option in schema.named(value):  # the option that takes the value once skipped
            written = _outgoing(option, value)
            if _valid(option, written):
                return written
    return value


def fits(model: type[Model], value: object) -> bool:  # taken by the unions of generated models
    """Whether ``value`` is a ``model`` as a strict read of a response takes it.

    A union builds the first option its value fits this way before trying each in turn as a
    liberal read does: an enum property keeps any text of its type, so trying in turn alone builds
    the first option whatever the value (a ``Circle`` from a square).
    """
    return _valid(model.__openapi__.toward("response"), value)


def is_member(enum: type[Enum], value: object) -> bool:  # taken by the unions of generated enums
    """Whether ``enum`` lists ``value`` (of its own type: ``True`` is no member of an integer enum)."""
    return any(type(member.value) is type(value) and member.value == value for member in enum)


def enum_member(enum: type[E], value: Any) -> E | Any:  # taken by the models of enum classes
    """The member of ``enum`` for ``value``; a value the enum does not list, as it is.

    What ``from_dict`` makes of an enum property: a liberal read keeps a value the spec does not
    list, and its type (``PetStatus | str``) makes the caller handle it.
    """
    try:
        return enum(value)
    except ValueError:
        _of_the_kind(value, [member.value for member in enum], enum.__name__, ValueError)
        return value


def literal_member(value: Any, values: tuple[Any, ...], name: str) -> Any:
    """``value`` of a literal enum (``Literal["jwt_token"]``): one it does not list, kept as it is."""
    if value not in values:
        _of_the_kind(value, values, name, TypeError)
    return value


def _of_the_kind(value: Any, values: Any, name: str, error: type[Exception]) -> None:
    """Refuse a value of another JSON type than the enum's (``1`` for a text enum): what a liberal
    read keeps is an unknown value of the enum's own type, which its annotation (``| str``) says."""
    if not any(type(value) is type(listed) for listed in values):
        raise error(f"{value!r} is not a {name} value, nor one of its type")


def _json_type(value: object) -> str:
    names = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array", dict: "object"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
