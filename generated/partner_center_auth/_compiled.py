"""Schema descriptions compiled into Python: a check per schema and a builder per model, made once.

:mod:`._schema` interprets a description value by value, with messages that say where a value
went wrong; it is the reference. For the codecs' hot path each schema is compiled once into a
straight-line function (the way attrs writes ``__init__``): exact type tests, enum sets, bound
regular expressions, no message built, no exception raised on valid data. A compiled check
passes or raises :class:`Invalid`; the codecs then ask the reference for its verdict and its
words. So a compiled check may be stricter than the reference (exact types only) but is never
laxer.

A check also counts, at every depth, the member names and the string values in the value, in
one integer (:func:`counted`): the JSON codec compares them with the body to prove that no
member name was given twice (see ``media/_json.py``). It never counts more than there are.

A builder (:func:`builder_for`) is a model's ``from_dict`` for data a check has passed. A reader
(:func:`reader_for`) does both in one pass for a body of a model or a list of models: one
``dict.get`` per property, each value checked, counted and built, nested models' readers called
directly. A dumper (:func:`dumper_for`) is a model's ``to_dict`` checked as it writes. What a
reader or a dumper refuses goes to the two-pass path and the reference, which word every error.
All are one mechanism, code written from a description, so they share its pieces: the
source of every compiled function is kept in :mod:`linecache` under a name of its own, so that
tracebacks, :mod:`inspect` and debuggers show it as they show written code.
"""

from __future__ import annotations

import itertools
import linecache
import math
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

import attrs

from ._schema import (
    AnyValue,
    ArrayOf,
    Binary,
    EnumRef,
    Kept,
    M,
    ModelRef,
    ModelSchema,
    Null,
    OneOf,
    Property,
    Scalar,
    Schema,
)
from .types import UNSET

__all__ = ["Check", "Invalid", "Reader", "breaks", "builder_for", "check_for", "counted", "dumper_for", "reader_for"]

Check = Callable[[object], int]
"""A compiled check: the value's names and string values (see :func:`counted`), or :class:`Invalid`."""

NAME = 1 << 40
"""One member name in a count; string values count 1, and never reach 2**40 in one value."""


def counted(count: int) -> tuple[int, int]:
    """A check's result as (member names, string values)."""
    return count >> 40, count & (NAME - 1)


class Invalid(Exception):
    """The value fails its compiled check; the reference check (in ``_schema``) says why."""


_ATOMS = frozenset({int, bool, type(None)})
_TYPES = {"string": "str", "integer": "int", "boolean": "bool"}
_CHECKS: dict[Schema, Check] = {}


def check_for(schema: Schema) -> Check:
    """The compiled check of ``schema``, made on first use and kept."""
    check = _CHECKS.get(schema)
    if check is None:
        check = _CHECKS[schema] = _Compiler().compile(schema)
    return check


def breaks(schema: Schema, value: object, path: str = "$") -> Kept:
    """What ``value`` (data its relaxed schema took) breaks of ``schema``: its ``breaks``, each
    part the compiled check passes skipped at once. A long list with one loose item walks that
    item alone, where the reference walks every item."""
    try:
        check_for(schema)(value)
    except Invalid:
        return schema.breaks(value, path, breaks)  # each part is walked here again
    return []


def any_strings(value: object) -> int:
    """Names and string values in a value of an ``{}`` schema, which must be plain JSON."""
    kind = type(value)
    if kind is str:
        return 1
    if kind in _ATOMS:
        return 0
    if kind is dict:
        total = len(value) * NAME  # type: ignore[arg-type]
        for key, item in value.items():  # type: ignore[attr-defined]
            if type(key) is not str:
                raise Invalid
            total += any_strings(item)
        return total
    if kind is list:
        return sum(map(any_strings, value))  # type: ignore[call-overload]
    if kind is float and math.isfinite(value):  # type: ignore[arg-type]
        return 0
    raise Invalid  # NaN, infinities, tuples, bytes, dates...: the reference decides


class _OnFirstCall:
    """A function made when first called: models may refer to each other, or to themselves.

    Bound under ``name`` in a compiled function's ``namespace``, it puts the function it made
    there in its place: later calls go straight to it, not through this wrapper (one Python call
    less per nested model, per item of a list).
    """

    def __init__(self, make: Callable[[], Callable[[Any], Any]], namespace: dict[str, Any], name: str) -> None:
        self._make = make
        self._namespace = namespace
        self._name = name
        self._function: Callable[[Any], Any] | None = None

    def __call__(self, value: Any) -> Any:
        function = self._function
        if function is None:
            function = self._function = self._make()
            self._namespace[self._name] = function
        return function(value)


class _Compiler:
    """Writes one function's source for a schema; nested models and composite options are called."""

    def __init__(self) -> None:
        self._names = itertools.count()
        self.namespace: dict[str, Any] = {
            "Invalid": Invalid,
            "NAME": NAME,
            "_any": any_strings,
            "_isfinite": math.isfinite,
        }

    def compile(self, schema: Schema) -> Check:
        lines = ["def check(value):", "    n = 0", *self.emit(schema, "value", "    "), "    return n"]
        # The source is written here from a frozen description; every value from the spec (names,
        # enums, patterns) is bound in the namespace or written with repr(), never pasted as code.
        check: Check = _define("\n".join(lines), f"check for {_label(schema)}", self.namespace)["check"]
        return check

    def bind(self, value: object) -> str:
        name = f"_c{next(self._names)}"
        self.namespace[name] = value
        return name

    def local(self) -> str:
        return f"v{next(self._names)}"

    def _test(self, schema: Scalar | Null, var: str) -> str:
        """An expression, true when ``var`` is valid: no statement, no exception."""
        if isinstance(schema, Null):
            return f"{var} is None"
        if schema.type == "number":
            test = f"(type({var}) is int or (type({var}) is float and _isfinite({var})))"
        else:
            test = f"type({var}) is {_TYPES[schema.type]}"
        if schema.enum is not None:
            # The type test comes first, so 1 == True cannot let a boolean into an integer enum.
            test += f" and {var} in {self.bind(frozenset(schema.enum))}"
        if schema.regex is not None:
            test += f" and {self.bind(schema.regex.search)}({var}) is not None"
        if schema.bounded:  # lengths, bounds, format: rare, so the reference's own test
            test += f" and {self.bind(schema.within)}({var})"
        return test

    def emit(self, schema: Schema, var: str, pad: str) -> list[str]:
        """Lines that check ``var`` against ``schema`` and add its names and strings to ``n``."""
        if isinstance(schema, Scalar | Null):
            lines = [f"{pad}if not ({self._test(schema, var)}):", f"{pad}    raise Invalid"]
            if isinstance(schema, Scalar) and schema.type == "string":
                lines.append(f"{pad}n += 1")
            return lines
        if isinstance(schema, AnyValue):
            return [
                f"{pad}if type({var}) is str:",
                f"{pad}    n += 1",
                f"{pad}elif type({var}) is not int:",
                f"{pad}    n += _any({var})",
            ]
        if isinstance(schema, ArrayOf):
            item = self.local()
            return [
                *self.array_test(schema, var, pad),
                f"{pad}for {item} in {var}:",
                *self.emit(schema.items, item, pad + "    "),
            ]
        if isinstance(schema, OneOf):
            return self._one_of(schema, var, pad)
        if isinstance(schema, ModelRef):
            name = f"_c{next(self._names)}"
            self.namespace[name] = _OnFirstCall(lambda: check_for(schema.schema), self.namespace, name)
            return [f"{pad}n += {name}({var})"]
        if isinstance(schema, ModelSchema):
            return self._model(schema, var, pad)
        if isinstance(schema, Binary):  # JSON-shaped, it is base64 text (see Binary)
            return [f"{pad}if type({var}) is not str:", f"{pad}    raise Invalid"]
        raise TypeError(f"no compiled check for {schema!r}")  # a kind new to _schema belongs here

    def array_test(self, schema: ArrayOf, var: str, pad: str) -> list[str]:
        """Lines that refuse ``var`` unless it is a list within the array's bounds (its items aside)."""
        return [f"{pad}if type({var}) is not list:", f"{pad}    raise Invalid", *self.array_bounds(schema, var, pad)]

    def array_bounds(self, schema: ArrayOf, var: str, pad: str) -> list[str]:
        """Lines that refuse a list ``var`` outside the array's item count or uniqueness."""
        if not schema.bounded:
            return []
        return [f"{pad}if not {self.bind(schema.within)}({var}):", f"{pad}    raise Invalid"]

    def nested(self, ref: ModelRef) -> str:
        """The name under which a compiled function calls the one-pass reader of a nested model."""
        name = f"_c{next(self._names)}"
        self.namespace[name] = _OnFirstCall(partial(_model_reader, ref), self.namespace, name)
        return name

    def _one_of(self, schema: OneOf, var: str, pad: str) -> list[str]:
        # Scalar options are tested in one expression; the others are tried in order. Any option
        # that accepts will do: checking converts nothing, and every option counts alike. With a
        # discriminator, the options tried are the ones the reference's ``named`` gives.
        if schema.discriminator is not None:
            options, option = self.bind(partial(_named_checks, schema)), self.local()
            return [pad + line for line in _tried(f"{options}({var})", option, var)]
        simple = [option for option in schema.options if isinstance(option, Scalar | Null)]
        others = [option for option in schema.options if not isinstance(option, Scalar | Null)]
        lines = []
        if simple:
            tests = " or ".join(f"({self._test(option, var)})" for option in simple)
            lines += [f"{pad}if {tests}:", f"{pad}    n += type({var}) is str"]
        if not others:
            return [*lines, f"{pad}else:", f"{pad}    raise Invalid"]
        options, option = self.bind(tuple(map(check_for, others))), self.local()
        tried = _tried(options, option, var)
        if not simple:
            return [pad + line for line in tried]
        return [*lines, f"{pad}else:", *(f"{pad}    {line}" for line in tried)]

    def _model(self, schema: ModelSchema, var: str, pad: str) -> list[str]:
        found, item, missing = self.local(), self.local(), self.bind(object())
        lines = [
            f"{pad}if type({var}) is not dict:",
            f"{pad}    raise Invalid",
            f"{pad}n += len({var}) * NAME",
            f"{pad}{found} = 0",
        ]
        for prop in schema.properties:
            lines += [
                f"{pad}{item} = {var}.get({prop.name!r}, {missing})",
                f"{pad}if {item} is not {missing}:",
                f"{pad}    {found} += 1",
                *self.emit(prop.schema, item, pad + "    "),
            ]
            if prop.required:
                lines += [f"{pad}else:", f"{pad}    raise Invalid"]
        lines.append(f"{pad}if {found} != len({var}):")
        if schema.additional_properties is None:
            return [*lines, f"{pad}    raise Invalid"]
        known, key = self.bind(frozenset(schema.by_name)), self.local()
        return [
            *lines,
            f"{pad}    for {key}, {item} in {var}.items():",
            f"{pad}        if {key} in {known}:",
            f"{pad}            continue",
            f"{pad}        if type({key}) is not str:",
            f"{pad}            raise Invalid",
            *self.emit(schema.additional_properties, item, pad + "        "),
        ]


def _tried(options: str, option: str, var: str) -> list[str]:
    """Lines that take the first of the checks ``options`` (an expression) that passes ``var``."""
    return [
        f"for {option} in {options}:",
        "    try:",
        f"        n += {option}({var})",
        "        break",
        "    except Invalid:",
        "        pass",
        "else:",
        "    raise Invalid",
    ]


def _named_checks(schema: OneOf, value: object) -> tuple[Check, ...]:
    """The compiled checks of the options the union tries for ``value`` (see ``OneOf.named``)."""
    return tuple(map(check_for, schema.named(value)))


_BUILDERS: dict[type[Any], Callable[[Mapping[str, Any]], Any]] = {}

Reader = Callable[[object], tuple[Any, int]]
"""A compiled reader: the typed value of JSON-shaped data and its count (as a check's), or :class:`Invalid`."""

_READERS: dict[tuple[type[Any], ModelSchema], Reader] = {}
"""One-pass readers by the model and its schema as the body travels (see ``ModelRef.schema``)."""
_BODY_READERS: dict[Schema, Reader | None] = {}


def builder_for(model: type[M]) -> Callable[[Mapping[str, Any]], M]:
    """The model's ``from_dict`` for data already checked against its schema, made on first use.

    Where every property is held as it is on the wire, or is a model (or a list of models) built
    the same way, the builder passes the values straight to ``__init__``: what ``from_dict``
    does, without its copy of the data. Any other model is built by its own ``from_dict``.
    """
    builder = _BUILDERS.get(model)
    if builder is None:
        builder = _BUILDERS[model] = _ModelCode(model, model.__openapi__, checking=False).define() or model.from_dict
    return builder


def reader_for(schema: Schema) -> Reader | None:
    """Check and build a response body in one pass: for a body that is a model or a list of
    models (what the generated loaders build with :func:`builder_for` and :func:`build_each`),
    else None.

    The reader gives what the compiled check and then the loader would: the same verdict (it
    refuses all the check refuses, and the reference then words the error), the same count, the
    same value; one ``dict.get`` per property and one call per model instead of two of each.
    """
    try:
        return _BODY_READERS[schema]  # (one dictionary read per call: the schemas cache their hash)
    except KeyError:
        reader = _BODY_READERS[schema] = _body_reader(schema)
        return reader


def _body_reader(schema: Schema) -> Reader | None:
    if isinstance(schema, ModelRef) and not schema.relaxing:
        return _model_reader(schema)
    if not (isinstance(schema, ArrayOf) and isinstance(schema.items, ModelRef) and not schema.items.relaxing):
        return None
    # The list is the codec's own, decoded for this read: each item's data is freed as its model
    # is made (see build_each).
    compiler = _Compiler()
    lines = [
        "def read(value):",
        *compiler.array_test(schema, "value", "    "),
        "    n = 0",
        "    for index, item in enumerate(value):",
        f"        value[index], c = {compiler.nested(schema.items)}(item)",
        "        n += c",
        "    return value, n",
    ]
    read: Reader = _define("\n".join(lines), f"reader for {_label(schema)}", compiler.namespace)["read"]
    return read


def _model_reader(ref: ModelRef) -> Reader:
    schema = ref.schema  # the model's view for the way the body travels (a response's: writeOnly optional)
    key = (ref.model, schema)  # two models may be described alike (two inline bodies of one shape)
    reader = _READERS.get(key)
    if reader is None:
        code = _ModelCode(ref.model, schema, checking=True)
        reader = _READERS[key] = code.define() or _checked_then_built(ref.model, schema)
    return reader


def _checked_then_built(model: type[Any], schema: ModelSchema) -> Reader:
    """A model the compiled code does not build (a date, a union of models): its check, then its
    ``from_dict``, in two passes."""
    check, build = check_for(schema), builder_for(model)

    def read(value: object) -> tuple[Any, int]:
        count = check(value)
        return build(value), count  # type: ignore[arg-type]

    return read


def build_each(model: type[M], items: list[Any]) -> list[M]:
    """Checked data of a list of models as the models, made in the list itself.

    The list is the codec's own, decoded for this read: each item's data is freed as its model is
    made, so the decoded data and the models of a long list are never alive together (the peak of
    a read is the larger of the two, not their sum).
    """
    build = builder_for(model)
    for index, item in enumerate(items):
        items[index] = build(item)
    return items


def _carried(schema: ModelSchema) -> tuple[Property, ...]:
    """The properties a body of this view carries: all but those it skips (a request's
    ``readOnly`` ones, which a dumper leaves out as ``Document.outgoing`` does)."""
    return tuple(prop for prop in schema.properties if not prop.skip)


def _plain(schema: ModelSchema, aliases: Mapping[str, str]) -> bool:
    """Whether compiled code handles the model: every property held as it is on the wire, a
    generated enum, or a model (or a list of models) handled the same way, and unknown properties
    kept as they are. Any other model is built by its ``from_dict`` and written by its ``to_dict``."""
    extra = schema.additional_properties
    return (extra is None or isinstance(extra, AnyValue)) and all(
        prop.attribute in aliases and (prop.as_is or prop.enum is not None or _nested(prop.schema) is not None)
        for prop in _carried(schema)
    )


class _ModelCode:
    """The source of a model's builder (``checking=False``: data a check has passed) or of its
    one-pass reader (``checking``: each property checked, counted and built as it is read), from
    ``schema``: the model's description, or its view for the way a body travels (``toward``).

    :meth:`define` gives None for a model that is not plain (see :func:`_plain`).
    """

    def __init__(self, model: type[Any], schema: ModelSchema, *, checking: bool) -> None:
        self.model, self.schema, self.checking = model, schema, checking
        self.compiler = _Compiler()
        self.aliases = {field.name: field.alias for field in attrs.fields(model)}

    def define(self) -> Any:
        if not _plain(self.schema, self.aliases):
            return None
        namespace = self.compiler.namespace
        namespace.update(model=self.model, UNSET=UNSET, known=frozenset(self.schema.by_name))
        data = "value" if self.checking else "data"
        lines = [f"def {'read' if self.checking else 'build'}({data}):"]
        if self.checking:
            lines += [
                "    if type(value) is not dict:",
                "        raise Invalid",
                "    size = len(value)",
                "    n = size * NAME",
            ]
        arguments, optional = [], []
        required = 0
        for index, prop in enumerate(self.schema.properties):  # (a response's view skips none)
            lines += self._property(prop, f"a{index}", data)
            arguments.append(f"{self.aliases[prop.attribute]}=a{index}")
            # A required readOnly or writeOnly property is UNSET in the model of one direction.
            if prop.always_set:
                required += 1
            else:
                optional.append(f"(a{index} is not UNSET)")
        present = " + ".join([str(required), *optional])
        size = "size" if self.checking else f"len({data})"
        lines += [f"    instance = model({', '.join(arguments)})", f"    if {size} != {present}:"]
        lines += self._unknown(data)
        lines.append("    return instance, n" if self.checking else "    return instance")
        what = f"{'reader' if self.checking else 'builder'} for {self.schema.name}"
        return _define("\n".join(lines), what, namespace)["read" if self.checking else "build"]

    def _property(self, prop: Property, var: str, data: str) -> list[str]:
        if not self.checking:  # (data a response's check passed: a writeOnly property may be missing)
            read = f"{data}[{prop.name!r}]" if prop.always_set else f"{data}.get({prop.name!r}, UNSET)"
            made = self._made(prop, var)
            if made is None:
                return [f"    {var} = {read}"]
            if prop.always_set:
                return [f"    {var} = {read}", f"    {var} = {made}"]
            return [f"    {var} = {read}", f"    if {var} is not UNSET:", f"        {var} = {made}"]
        if prop.required:  # missing: a KeyError, which the codec takes as it takes Invalid
            return [f"    {var} = {data}[{prop.name!r}]", *self._checked(prop, var, "    ")]
        return [
            f"    {var} = {data}.get({prop.name!r}, UNSET)",
            f"    if {var} is not UNSET:",
            *self._checked(prop, var, "        "),
        ]

    def _checked(self, prop: Property, var: str, pad: str) -> list[str]:
        """Lines that check, count and build one property's value, present in ``var``."""
        schema, compiler = prop.schema, self.compiler
        if prop.as_is:
            return compiler.emit(schema, var, pad)
        if prop.enum is not None:  # checked against the enum's values, then its member
            return [*compiler.emit(schema, var, pad), f"{pad}{var} = {self._made(prop, var)}"]
        if isinstance(schema, ModelRef):
            return [f"{pad}{var}, c = {compiler.nested(schema)}({var})", f"{pad}n += c"]
        assert isinstance(schema, ArrayOf) and isinstance(schema.items, ModelRef)  # (plain: see _nested)
        items, item, made = compiler.local(), compiler.local(), compiler.local()
        return [
            *compiler.array_test(schema, var, pad),
            f"{pad}{items} = []",
            f"{pad}for {item} in {var}:",
            f"{pad}    {made}, c = {compiler.nested(schema.items)}({item})",
            f"{pad}    n += c",
            f"{pad}    {items}.append({made})",
            f"{pad}{var} = {items}",
        ]

    def _made(self, prop: Property, var: str) -> str | None:
        """What the builder makes of a property's checked value: its enum member (a value the enum
        does not list is kept as it is), its model or list of models; None: the value as it is."""
        if prop.as_is:
            return None
        name = self.compiler.bind(None)
        if prop.enum is not None:
            self.compiler.namespace[name] = _members(prop.enum).get
            return f"{name}({var}, {var})"
        nested = _nested(prop.schema)
        assert nested is not None  # (plain)
        self.compiler.namespace[name] = _OnFirstCall(partial(_model_builder, nested), self.compiler.namespace, name)
        return f"{name}({var})" if isinstance(prop.schema, ModelRef) else f"[{name}(item) for item in {var}]"

    def _unknown(self, data: str) -> list[str]:
        """Lines that keep the properties the schema does not declare (checked and counted, when reading)."""
        if not self.checking:
            return [
                "        instance.additional_properties = "
                f"{{key: item for key, item in {data}.items() if key not in known}}"
            ]
        extra = self.schema.additional_properties
        if extra is None:
            return ["        raise Invalid"]
        return [
            "        extra = {}",
            f"        for key, item in {data}.items():",
            "            if key in known:",
            "                continue",
            "            if type(key) is not str:",
            "                raise Invalid",
            *self.compiler.emit(extra, "item", "            "),
            "            extra[key] = item",
            "        instance.additional_properties = extra",
        ]


_BODY_DUMPERS: dict[Schema, Callable[[Any], dict[str, Any]] | None] = {}
"""Each request body's dumper, or None: one dictionary read per call."""
_DUMPERS: dict[tuple[type[Any], ModelSchema], Callable[[Any], dict[str, Any]]] = {}
"""Dumpers by the model's schema as a request carries it (see ``ModelRef.schema``)."""


def dumper_for(schema: Schema) -> Callable[[Any], dict[str, Any]] | None:
    """A request body's ``to_dict`` checked as it writes, for a body that is a model (what the
    generated dumpers write with ``to_dict``), else None.

    The dumper gives what ``to_dict`` gives, key for key in the same order, for a value of the
    model's own class that the compiled check would pass; for anything else (another class, a
    value the check refuses, unknown properties, whose order ``to_dict`` decides) it raises
    :class:`Invalid`, and the codec writes by ``to_dict`` and the reference check, which words
    every refusal.
    """
    try:
        return _BODY_DUMPERS[schema]
    except KeyError:
        dumper = _BODY_DUMPERS[schema] = (
            _model_dumper(schema) if isinstance(schema, ModelRef) and not schema.relaxing else None
        )
        return dumper


def _model_dumper(ref: ModelRef) -> Callable[[Any], dict[str, Any]]:
    schema = ref.schema  # the model's view for the way the body travels (a request's: readOnly skipped)
    key = (ref.model, schema)  # (as for readers)
    dumper = _DUMPERS.get(key)
    if dumper is None:
        dumper = _DUMPERS[key] = _DumpCode(ref.model, schema).define() or _dumped_then_checked(ref.model, schema)
    return dumper


def _dumped_then_checked(model: type[Any], schema: ModelSchema) -> Callable[[Any], dict[str, Any]]:
    """A model the compiled code does not write (a date, a union of models): ``to_dict``, then its
    check; a view that skips a property at any depth goes to the two-pass path, which leaves it out."""
    if schema.document.skips():
        return _undecided
    check = check_for(schema)

    def dump(value: Any) -> dict[str, Any]:
        if type(value) is not model:
            raise Invalid
        data: dict[str, Any] = value.to_dict()
        check(data)
        return data

    return dump


def _undecided(value: Any) -> dict[str, Any]:
    raise Invalid


def _written_rank(prop: Property) -> int:
    return 0 if prop.always_set else 2 if prop.required else 1


class _DumpCode:
    """The source of a model's dumper: attribute reads, exact type tests, nested dumpers called
    directly; keys in ``to_dict``'s order (the required properties, then the others), without the
    properties the view skips."""

    def __init__(self, model: type[Any], schema: ModelSchema) -> None:
        self.model, self.schema = model, schema
        self.compiler = _Compiler()
        self.aliases = {field.name: field.alias for field in attrs.fields(model)}

    def define(self) -> Callable[[Any], dict[str, Any]] | None:
        if not _plain(self.schema, self.aliases):
            return None
        self.compiler.namespace.update(model=self.model, UNSET=UNSET)
        lines = [
            "def dump(value):",
            "    if type(value) is not model or value.additional_properties:",
            "        raise Invalid",
            "    n = 0",  # (the checks count: a write has no use for it)
            "    data = {}",
        ]
        # to_dict's order: what the model always holds, then its optional properties, then the
        # required one-way ones (the generator moves those last among the optional attributes).
        ordered = sorted(_carried(self.schema), key=_written_rank)  # (a stable sort: spec order within a rank)
        for index, prop in enumerate(ordered):
            var = f"a{index}"
            lines.append(f"    {var} = value.{prop.attribute}")
            pad = "    "
            if not prop.required:
                lines.append(f"    if {var} is not UNSET:")
                pad = "        "
            lines += [*self._written(prop, var, pad), f"{pad}data[{prop.name!r}] = {var}"]
        lines.append("    return data")
        dump: Callable[[Any], dict[str, Any]] = _define(
            "\n".join(lines), f"dumper for {self.schema.name}", self.compiler.namespace
        )["dump"]
        return dump

    def _written(self, prop: Property, var: str, pad: str) -> list[str]:
        """Lines that make and check one property's JSON-shaped value in ``var``."""
        schema, compiler = prop.schema, self.compiler
        if prop.as_is:
            return compiler.emit(schema, var, pad)
        if prop.enum is not None:  # a member is written as its value; any other value as it is, checked
            enum = compiler.bind(prop.enum.enum)
            return [
                f"{pad}if type({var}) is {enum}:",
                f"{pad}    {var} = {var}._value_",
                *compiler.emit(schema, var, pad),
            ]
        if isinstance(schema, ModelRef):
            return [f"{pad}{var} = {self._nested(schema)}({var})"]
        assert isinstance(schema, ArrayOf) and isinstance(schema.items, ModelRef)  # (plain: see _nested)
        return [
            f"{pad}if type({var}) is not list:",
            f"{pad}    raise Invalid",
            f"{pad}{var} = [{self._nested(schema.items)}(item) for item in {var}]",
            *compiler.array_bounds(schema, var, pad),  # on the written items, as the check sees them
        ]

    def _nested(self, ref: ModelRef) -> str:
        name = self.compiler.bind(None)
        self.compiler.namespace[name] = _OnFirstCall(partial(_model_dumper, ref), self.compiler.namespace, name)
        return name


def _members(ref: EnumRef) -> Mapping[object, Any]:
    """The enum's members by value: what calling the class returns for a value it lists."""
    return {member.value: member for member in ref.enum}


def _model_builder(ref: ModelRef) -> Callable[[Mapping[str, Any]], Any]:
    return builder_for(ref.model)


def _nested(schema: Schema) -> ModelRef | None:
    """The model a property holds, itself or as the items of a list."""
    if isinstance(schema, ArrayOf):
        schema = schema.items
    return schema if isinstance(schema, ModelRef) else None


def _label(schema: Schema) -> str:
    """What a compiled function's filename says it checks: ``Pet``, ``array of Pet``, ``string``."""
    if isinstance(schema, ModelSchema | ModelRef):
        return schema.name
    if isinstance(schema, ArrayOf):
        return f"array of {_label(schema.items)}"
    return schema.type if isinstance(schema, Scalar) else type(schema).__name__


_PACKAGE = __name__.rpartition(".")[0]  # the generated package, wherever it is vendored


def _define(source: str, what: str, namespace: dict[str, Any]) -> dict[str, Any]:
    """Run ``source`` in ``namespace`` (which then holds what it defines), its lines kept in
    :mod:`linecache` as attrs keeps the methods it writes: tracebacks, :mod:`inspect` and
    debuggers show the generated code. Each function has a filename of its own (in a package
    ``acme_client``, ``<acme_client compiled check for Pet>``); another source under a name
    already taken (two unions of other options, say) gets ``-1``, ``-2``... instead of hiding
    the first.
    """
    base = f"<{_PACKAGE} compiled {what}>"
    filename, lines = base, source.splitlines(keepends=True)
    for count in itertools.count(1):
        # mtime None: linecache.checkcache() keeps the entry, as it keeps attrs' entries.
        entry = (len(source), None, lines, filename)
        if linecache.cache.setdefault(filename, entry) == entry:
            break
        filename = f"{base[:-1]}-{count}>"
    namespace.setdefault("__name__", __name__)  # the functions' __module__: this module
    exec(compile(source, filename, "exec"), namespace)
    return namespace
