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

A builder (:func:`builder_for`) is a model's ``from_dict`` for data a check has passed. Checks
and builders are one mechanism, code written from a description, so they share its pieces: the
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

from ._schema import AnyValue, ArrayOf, Binary, EnumRef, M, ModelRef, ModelSchema, Null, OneOf, Scalar, Schema
from .types import UNSET

__all__ = ["Check", "Invalid", "builder_for", "check_for", "counted"]

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
        lines = ["def check(value):", "    n = 0", *self._emit(schema, "value", "    "), "    return n"]
        # The source is written here from a frozen description; every value from the spec (names,
        # enums, patterns) is bound in the namespace or written with repr(), never pasted as code.
        check: Check = _define("\n".join(lines), f"check for {_label(schema)}", self.namespace)["check"]
        return check

    def _bind(self, value: object) -> str:
        name = f"_c{next(self._names)}"
        self.namespace[name] = value
        return name

    def _local(self) -> str:
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
            test += f" and {var} in {self._bind(frozenset(schema.enum))}"
        if schema.regex is not None:
            test += f" and {self._bind(schema.regex.search)}({var}) is not None"
        if schema.bounded:  # lengths, bounds, format: rare, so the reference's own test
            test += f" and {self._bind(schema.within)}({var})"
        return test

    def _emit(self, schema: Schema, var: str, pad: str) -> list[str]:
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
            item = self._local()
            bounds = [f"{pad}if not {self._bind(schema.within)}({var}):", f"{pad}    raise Invalid"]
            return [
                f"{pad}if type({var}) is not list:",
                f"{pad}    raise Invalid",
                *(bounds if schema.bounded else []),
                f"{pad}for {item} in {var}:",
                *self._emit(schema.items, item, pad + "    "),
            ]
        if isinstance(schema, OneOf):
            return self._one_of(schema, var, pad)
        if isinstance(schema, ModelRef):
            name = f"_c{next(self._names)}"
            self.namespace[name] = _OnFirstCall(lambda: check_for(schema.schema), self.namespace, name)
            return [f"{pad}n += {name}({var})"]
        if isinstance(schema, ModelSchema):
            return self._model(schema, var, pad)
        if isinstance(schema, Binary):  # no JSON-shaped value is binary: the reference decides
            return [f"{pad}raise Invalid"]
        raise TypeError(f"no compiled check for {schema!r}")  # a kind new to _schema belongs here

    def _one_of(self, schema: OneOf, var: str, pad: str) -> list[str]:
        # Scalar options are tested in one expression; the others are tried in order. Any option
        # that accepts will do: checking converts nothing, and every option counts alike. With a
        # discriminator, the options tried are the ones the reference's ``named`` gives.
        if schema.discriminator is not None:
            options, option = self._bind(partial(_named_checks, schema)), self._local()
            return [pad + line for line in _tried(f"{options}({var})", option, var)]
        simple = [option for option in schema.options if isinstance(option, Scalar | Null)]
        others = [option for option in schema.options if not isinstance(option, Scalar | Null)]
        lines = []
        if simple:
            tests = " or ".join(f"({self._test(option, var)})" for option in simple)
            lines += [f"{pad}if {tests}:", f"{pad}    n += type({var}) is str"]
        if not others:
            return [*lines, f"{pad}else:", f"{pad}    raise Invalid"]
        options, option = self._bind(tuple(map(check_for, others))), self._local()
        tried = _tried(options, option, var)
        if not simple:
            return [pad + line for line in tried]
        return [*lines, f"{pad}else:", *(f"{pad}    {line}" for line in tried)]

    def _model(self, schema: ModelSchema, var: str, pad: str) -> list[str]:
        found, item, missing = self._local(), self._local(), self._bind(object())
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
                *self._emit(prop.schema, item, pad + "    "),
            ]
            if prop.required:
                lines += [f"{pad}else:", f"{pad}    raise Invalid"]
        lines.append(f"{pad}if {found} != len({var}):")
        if schema.additional_properties is None:
            return [*lines, f"{pad}    raise Invalid"]
        known, key = self._bind(frozenset(schema.by_name)), self._local()
        return [
            *lines,
            f"{pad}    for {key}, {item} in {var}.items():",
            f"{pad}        if {key} in {known}:",
            f"{pad}            continue",
            f"{pad}        if type({key}) is not str:",
            f"{pad}            raise Invalid",
            *self._emit(schema.additional_properties, item, pad + "        "),
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


def builder_for(model: type[M]) -> Callable[[Mapping[str, Any]], M]:
    """The model's ``from_dict`` for data already checked against its schema, made on first use.

    Where every property is held as it is on the wire, or is a model (or a list of models) built
    the same way, the builder passes the values straight to ``__init__``: what ``from_dict``
    does, without its copy of the data. Any other model is built by its own ``from_dict``.
    """
    builder = _BUILDERS.get(model)
    if builder is None:
        builder = _BUILDERS[model] = _builder(model)
    return builder


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


def _builder(model: type[M]) -> Callable[[Mapping[str, Any]], M]:
    schema = model.__openapi__
    aliases = {field.name: field.alias for field in attrs.fields(model)}  # type: ignore[arg-type]
    plain = schema.additional_properties is None or isinstance(schema.additional_properties, AnyValue)
    if not plain or not all(
        prop.attribute in aliases and (prop.as_is or prop.enum is not None or _nested(prop.schema) is not None)
        for prop in schema.properties
    ):
        return model.from_dict
    namespace: dict[str, Any] = {"model": model, "UNSET": UNSET, "known": frozenset(schema.by_name)}
    lines, arguments, optional = ["def build(data):"], [], []
    for index, prop in enumerate(schema.properties):
        value = f"a{index}"
        read = f"data[{prop.name!r}]" if prop.always_set else f"data.get({prop.name!r}, UNSET)"
        lines.append(f"    {value} = {read}")
        nested = _nested(prop.schema)
        made = None
        if not prop.as_is and prop.enum is not None:  # a value the enum does not list is kept as it is
            namespace[f"e{index}"] = _members(prop.enum).get
            made = f"e{index}({value}, {value})"
        elif not prop.as_is and nested is not None:  # a model, or a list of models: built by theirs
            namespace[f"b{index}"] = _OnFirstCall(partial(_model_builder, nested), namespace, f"b{index}")
            made = (
                f"b{index}({value})" if isinstance(prop.schema, ModelRef) else f"[b{index}(item) for item in {value}]"
            )
        if made is not None:
            lines.append(
                f"    {value} = {made}" if prop.always_set else f"    {value} = {value} if {value} is UNSET else {made}"
            )
        arguments.append(f"{aliases[prop.attribute]}={value}")
        if not prop.always_set:
            optional.append(f"({value} is not UNSET)")
    present = " + ".join([str(sum(prop.always_set for prop in schema.properties)), *optional])
    lines += [
        f"    instance = model({', '.join(arguments)})",
        f"    if len(data) != {present}:",
        "        instance.additional_properties = {key: item for key, item in data.items() if key not in known}",
        "    return instance",
    ]
    source = "\n".join(lines)
    build: Callable[[Mapping[str, Any]], M] = _define(source, f"builder for {schema.name}", namespace)["build"]
    return build


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
