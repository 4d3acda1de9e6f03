"""The runtime's schema descriptions (the package's ``_schema.py``), written as Python source.

A generated module describes each body and each model to the media codecs: names, types,
``pattern``, ``enum`` and OpenAPI ``xml`` objects. The generator's parsed properties tell the
types; the raw OpenAPI schema they came from (which the generator drops) tells the rest. Every
attribute of either is read here, typed, so that a generator upgrade that renames one fails
generation instead of printing a description that quietly lacks it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from openapi_python_client.parser.properties import ModelProperty
from openapi_python_client.schema import openapi_schema_pydantic as oai
from openapi_python_client.schema.untrusted_string import UntrustedString
from openapi_python_client.strings import in_double_quote_literal

from ._kinds import schema_kind
from ._pointer import unescape
from ._spec import Resolver

_SCALAR_KINDS = {
    "string": "string",
    "date": "string",
    "datetime": "string",
    "uuid": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
}
_AS_IS_KINDS = ("string", "integer", "number", "boolean", "literal_enum", "const", "none", "any")
"""Kinds whose JSON value ``from_dict`` takes unchanged: stock's templates give them no converting ``construct``."""


def string_literal(value: str | UntrustedString) -> str:
    return f'"{in_double_quote_literal(value)}"'


def _value_literal(value: Any) -> str:
    return string_literal(value) if isinstance(value, str | UntrustedString) else str(value)


def _sorted(values: Iterable[Any]) -> list[Any]:
    """Sorted ignoring case, as earlier releases printed them (Jinja's ``sort``)."""
    return sorted(values, key=lambda value: value.lower() if isinstance(value, str) else value)


def _literal_type(value: object) -> str:
    """The JSON type of a ``const`` value."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return "number" if isinstance(value, float) else "string"


def xml_object(xml: oai.XML | None, default_name: str, *, given: bool = True) -> str:
    """An OpenAPI xml object, its name ``default_name`` when the spec gives none (``given``
    False: a root's default name, which a reader does not require)."""
    arguments = [string_literal(xml.name if xml is not None and xml.name else default_name)]
    if xml is not None:
        arguments += [f"namespace={string_literal(xml.namespace)}"] if xml.namespace else []
        arguments += [f"prefix={string_literal(xml.prefix)}"] if xml.prefix else []
        arguments += ["attribute=True"] if xml.attribute else []
        arguments += ["wrapped=True"] if xml.wrapped else []
    arguments += [] if given else ["given=False"]
    return f"_schema.Xml({', '.join(arguments)})"


def as_is(prop: Any) -> bool:
    """Whether ``from_dict`` takes the JSON value of ``prop`` unchanged, so that a compiled
    builder may pass it to the model's ``__init__`` as it is."""
    kind = schema_kind(prop)
    if kind == "list":
        return as_is(prop.inner_property)
    if kind == "union":
        return all(as_is(inner) for inner in prop.inner_properties)
    return kind in _AS_IS_KINDS


def _enum_class(prop: Any) -> list[str]:
    """The ``enum=`` line of a property that holds a member of a generated enum class: a compiled
    builder makes the member as ``from_dict`` does."""
    if schema_kind(prop) != "enum":
        return []
    info = prop.class_info
    return [f'            enum=_schema.EnumRef("models.{info.module_name}", "{info.name}"),']


def _encoding(encoding: Mapping[Any, oai.Encoding] | None) -> str:
    """The ``encoding=`` argument of a form's document: what the spec says of each property."""
    if not encoding:
        return ""
    fields = []
    for name, said in encoding.items():
        arguments = [string_literal(name)]
        arguments += [f"content_type={string_literal(said.contentType)}"] if said.contentType else []
        arguments += [f"style={string_literal(said.style)}"] if said.style else []
        arguments += [f"explode={said.explode}"] if "explode" in said.model_fields_set else []  # else by style
        fields.append(f"_schema.FieldEncoding({', '.join(arguments)})")
    return f", encoding=({', '.join(fields)},)"


_CONVERTED_FORMATS = frozenset({"binary", "byte", "password"})
"""String formats that are no constraint for the runtime: converted by the runtime, or only a hint.
Dates and UUIDs are converted by ``from_dict`` and checked all the same: a text that is none would
go out as it is, or fail to build with no place said."""


def _number(value: float) -> str:
    """A bound as Python source: an integral one as an integer (exact integer arithmetic at run time)."""
    return repr(int(value)) if float(value).is_integer() and abs(value) < 2**53 else repr(float(value))


def _of_json_type(value: object, json_type: str) -> bool:
    if json_type == "boolean":
        return isinstance(value, bool)
    if json_type in ("integer", "number"):
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, str)


def _scalar_constraints(raw: oai.Schema, kind: str) -> str:
    """The keyword arguments of a scalar's constraints: requests are refused for breaking one,
    responses keep the value (unless read strictly)."""
    arguments = []
    # An enum the generator leaves as a plain scalar (a boolean's, a number's) is a constraint all
    # the same: only the values it lists are sent.
    if raw.enum and (listed := [value for value in raw.enum if _of_json_type(value, _SCALAR_KINDS[kind])]):
        arguments.append(f"enum=({''.join(f'{_value_literal(value)}, ' for value in listed)})")
    if _SCALAR_KINDS[kind] == "string" and raw.pattern:  # a date's, a UUID's pattern too (on its text)
        arguments.append(f"pattern={string_literal(raw.pattern)}")
    if _SCALAR_KINDS[kind] == "string" and raw.schema_format and raw.schema_format not in _CONVERTED_FORMATS:
        arguments.append(f"format={string_literal(raw.schema_format)}")
    if _SCALAR_KINDS[kind] == "string":
        arguments += [f"min_length={raw.minLength}"] if raw.minLength is not None else []
        arguments += [f"max_length={raw.maxLength}"] if raw.maxLength is not None else []
    elif _SCALAR_KINDS[kind] in ("integer", "number"):
        # OpenAPI 3.0 says ``exclusiveMinimum: true`` beside ``minimum``; 3.1, ``exclusiveMinimum: 3``.
        for bound, exclusive, name in (
            (raw.minimum, raw.exclusiveMinimum, "minimum"),
            (raw.maximum, raw.exclusiveMaximum, "maximum"),
        ):
            if exclusive is True and bound is not None:
                arguments.append(f"exclusive_{name}={_number(bound)}")
            elif bound is not None:
                arguments.append(f"{name}={_number(bound)}")
            if not isinstance(exclusive, bool) and exclusive is not None:
                arguments.append(f"exclusive_{name}={_number(exclusive)}")
        arguments += [f"multiple_of={_number(raw.multipleOf)}"] if raw.multipleOf else []
    return "".join(f", {argument}" for argument in arguments)


def _array_constraints(raw: oai.Schema) -> str:
    arguments = [f"min_items={raw.minItems}"] if raw.minItems is not None else []
    arguments += [f"max_items={raw.maxItems}"] if raw.maxItems is not None else []
    arguments += ["unique_items=True"] if raw.uniqueItems else []
    return "".join(f", {argument}" for argument in arguments)


def _text(value: str | UntrustedString) -> str:
    return value.get_untrusted_value() if isinstance(value, UntrustedString) else value


def _own_xml(node: object) -> oai.XML | None:
    """The xml object written on a schema itself, or beside its ``$ref`` (read as OpenAPI 3.1
    reads siblings of a reference, in a 3.0 document too: the spec's author means it)."""
    if isinstance(node, oai.Schema):
        return node.xml
    beside = (node.model_extra or {}).get("xml") if isinstance(node, oai.Reference) else None
    if isinstance(beside, oai.XML):
        return beside
    try:
        return oai.XML.model_validate(beside) if isinstance(beside, dict) else None
    except ValueError:  # (pydantic's ValidationError: an xml object the generator cannot read is none)
        return None


def _first_reference(node: object) -> oai.Reference | None:
    """The first ``allOf`` part of a schema that is a reference (OpenAPI 3.0's way to describe a
    reference: ``allOf: [$ref: Level]`` beside a ``description``)."""
    parts = node.allOf or () if isinstance(node, oai.Schema) else ()
    return next((part for part in parts if isinstance(part, oai.Reference)), None)


def _reference(node: object) -> str | None:
    return node.ref.get_untrusted_value() if isinstance(node, oai.Reference) else None


def _names(reference: str, target: str) -> bool:
    """Whether a discriminator ``mapping`` value (a ``$ref``, or a bare schema name) is ``reference``."""
    return target == reference or ("/" not in target and reference.rpartition("/")[2] == target)


def _own_types(raw: Any, inner_properties: list[Any]) -> list[Any]:
    """The raw schema of each option of a union made of the schema's own types: the schema itself
    (its constraints apply to the options of their type), None for null."""
    return [None if schema_kind(inner) == "none" else raw for inner in inner_properties]


def _paired(options: list[Any], inner_properties: list[Any]) -> list[Any] | None:
    """The raw option of each of a union's parsed options, in their order (None for the ``None``
    openapi-python-client adds for ``nullable``); None when they cannot be told apart."""
    if len(options) == len(inner_properties):
        return list(options)
    kinds = [schema_kind(inner) for inner in inner_properties]
    if len(options) + 1 != len(inner_properties) or kinds.count("none") != 1:
        return None
    raw = iter(options)
    return [None if kind == "none" else next(raw) for kind in kinds]


class Describer:
    """Writes the descriptions of one spec; ``resolve`` follows its ``$ref``\\ s.

    It also keeps what the templates print beside the descriptions: the discriminator of each
    union property it described (:meth:`discriminator_of`), and the properties whose ``required``
    holds one way only (:meth:`free_one_way`).
    """

    def __init__(self, resolve: Resolver) -> None:
        self._resolve = resolve
        self._discriminators: dict[int, tuple[Any, str]] = {}
        self._one_way: set[tuple[str, str]] = set()

    def _schema_object(self, node: object) -> oai.Schema | None:
        resolved = self._resolve(node)
        return resolved if isinstance(resolved, oai.Schema) else None

    def schema(self, prop: Any, raw: object) -> str:
        """The description of one property; ``raw`` is its OpenAPI schema when there is one."""
        kind = schema_kind(prop)
        raw_schema = self._schema_object(raw)
        if kind in _SCALAR_KINDS:
            constraints = _scalar_constraints(raw_schema, kind) if raw_schema is not None else ""
            return f'_schema.Scalar("{_SCALAR_KINDS[kind]}"{constraints})'
        if kind in ("literal_enum", "enum"):
            values = prop.values if kind == "literal_enum" else prop.values.values()
            json_type = "integer" if prop.value_type is int else "string"
            return f'_schema.Scalar("{json_type}", enum=({"".join(f"{_value_literal(v)}, " for v in _sorted(values))}))'
        if kind == "const":
            code = prop.value.python_code.as_unembedded_code()
            return f'_schema.Scalar("{_literal_type(prop.value.raw_value)}", enum=({code},), const=True)'
        if kind == "list":
            items = raw_schema.items if raw_schema is not None else None
            # Only the items' own xml object (inline, or beside their $ref) names their element
            # here: a referenced model names its own.
            item_xml = _own_xml(items)
            extra = f", item_xml={xml_object(item_xml, prop.name)}" if item_xml is not None and item_xml.name else ""
            extra += _array_constraints(raw_schema) if raw_schema is not None else ""
            return f"_schema.ArrayOf({self.schema(prop.inner_property, items)}{extra})"
        if kind == "union":
            options = (raw_schema.oneOf or raw_schema.anyOf or []) if raw_schema is not None else []
            # A union of the schema's own types (OpenAPI 3.0 `nullable`, a 3.1 type array): each option
            # is the schema itself for its type, constraints included.
            own = not options and raw_schema is not None
            paired = _own_types(raw_schema, prop.inner_properties) if own else _paired(options, prop.inner_properties)
            inner = "".join(
                f"{self.schema(option, paired[index] if paired else None)}, "
                for index, option in enumerate(prop.inner_properties)
            )
            discriminator = (
                self._discriminator(raw_schema, paired) if raw_schema is not None and options and paired else None
            )
            if discriminator is None:
                return f"_schema.OneOf(({inner}))"
            self._discriminators[id(prop)] = (prop, discriminator)
            return f"_schema.OneOf(({inner}), discriminator={discriminator})"
        if kind == "model":
            return f'_schema.ModelRef("models.{prop.class_info.module_name}", "{prop.class_info.name}")'
        if kind == "file":
            return "_schema.Binary()"
        return "_schema.Null()" if kind == "none" else "_schema.AnyValue()"

    def _discriminator(self, raw: oai.Schema, options: list[Any]) -> str | None:
        """The ``_schema.Discriminator`` of a union: its own ``discriminator``, else the one its
        options inherit through ``allOf`` from a common parent (OpenAPI's inheritance pattern).
        Values: the ``mapping`` first, then the schema name of each option it does not map."""
        said = raw.discriminator or self._inherited_discriminator(options)
        if said is None:
            return None
        references = [_reference(option) for option in options]
        pairs: dict[str, int] = {}
        for value, target in (said.mapping or {}).items():
            for index, reference in enumerate(references):
                if reference is not None and _names(reference, _text(target)):
                    pairs.setdefault(_text(value), index)
        mapped = set(pairs.values())
        for index, reference in enumerate(references):
            if index not in mapped:
                if reference is not None:
                    pairs.setdefault(reference.rpartition("/")[2], index)
                # The values the option itself allows for the property also name it: a spec that
                # writes ``type: {enum: [text]}`` in each option, and no mapping, means them (the
                # schema name is a value the option would refuse; an inline option has none).
                for allowed in self._fixed_values(options[index], _text(said.propertyName)):
                    pairs.setdefault(allowed, index)
        values = "".join(f"({string_literal(value)}, {index}), " for value, index in pairs.items())
        return f"_schema.Discriminator({string_literal(said.propertyName)}, ({values}))"

    def _fixed_values(self, option: object, name: str) -> list[str]:
        """The text values an option's schema allows for its property ``name`` (``enum``, ``const``), if it says."""
        prop = self._schema_object(self._raw_property(self._schema_object(option), name))
        if prop is None:
            return []
        values = [prop.const] if prop.const is not None else (prop.enum or [])
        return [_text(value) for value in values if isinstance(value, str | UntrustedString)]

    def _inherited_discriminator(self, options: list[Any]) -> oai.Discriminator | None:
        """The discriminator every option's ``allOf`` parents declare, when it is one."""
        found = None
        for option in options:
            if option is None:  # (the null of a nullable union)
                continue
            schema = self._schema_object(option)
            parents = [self._schema_object(part) for part in (schema.allOf or [])] if schema is not None else []
            said = next((parent.discriminator for parent in parents if parent and parent.discriminator), None)
            if said is None or (found is not None and said != found):
                return None
            found = said
        return found

    @staticmethod
    def strict_fit(prop: Any, source: str) -> str | None:
        """The test that ``source`` is an option ``prop`` of a union as a strict read takes it, for
        the options a liberal read builds from any value of their type (enums, models): a union
        builds the first option its value fits before trying each in turn."""
        kind = schema_kind(prop)
        if kind == "enum":
            return f"_schema.is_member({prop.class_info.name}, {source})"
        if kind == "literal_enum":
            return f"{source} in ({''.join(f'{_value_literal(value)}, ' for value in _sorted(prop.values))})"
        if kind == "model":
            return f"_schema.fits({prop.class_info.name}, {source})"
        return None

    def discriminator_of(self, prop: Any) -> str | None:
        """The ``_schema.Discriminator`` expression of a union property described before, if any:
        its ``from_dict`` builds the option the value names (not the first one that builds)."""
        found = self._discriminators.get(id(prop))
        return found[1] if found is not None and found[0] is prop else None

    def _declarations(self, schema: oai.Schema | None, name: object, depth: int = 0) -> list[Any]:
        """Each raw declaration of a property in an object schema: its own, then those of the
        ``allOf`` parts it merges, in order."""
        if schema is None or depth > 32:  # (a cycle of allOf is the spec's error, not a hang)
            return []
        own = (schema.properties or {}).get(name)  # type: ignore[call-overload]
        found = [own] if own is not None else []
        for part in schema.allOf or ():
            found += self._declarations(self._schema_object(part), name, depth + 1)
        return found

    def _raw_property(self, schema: oai.Schema | None, name: object) -> Any:
        """A property's raw schema in an object schema or the ``allOf`` parts it merges: where
        several declare it, each declaration holds (``allOf`` is a conjunction), so the first one
        with the constraints of all (see :func:`_conjunction`)."""
        declarations = self._declarations(schema, name)
        if len(declarations) < 2:
            return declarations[0] if declarations else None
        resolved = [self._schema_object(declaration) for declaration in declarations]
        schemas = [declared for declared in resolved if declared is not None]
        if len(schemas) < len(resolved) or all(declared == schemas[0] for declared in schemas):
            return declarations[0]
        # (the first declaration's xml object describes the property's element: see property_xml)
        xml = self.property_xml(declarations[0])
        return _conjunction(schemas).model_copy(update={"xml": xml})

    def access(self, model: ModelProperty, prop: Any) -> tuple[bool, bool]:
        """Whether the property is ``readOnly``, and ``writeOnly``, in the spec."""
        raw = self._schema_object(self._raw_property(model.data, prop.name))
        return (bool(raw.readOnly), bool(raw.writeOnly)) if raw is not None else (False, False)

    def read_only_attributes(self, model: ModelProperty) -> frozenset[str]:
        """The Python names of the model's ``readOnly`` properties."""
        return frozenset(prop.python_name for prop in _all_properties(model) if self.access(model, prop)[0])

    def free_one_way(self, models: Iterable[ModelProperty]) -> None:
        """Make optional in Python each required ``readOnly`` or ``writeOnly`` property.

        A caller builds a request without the server-assigned ``id`` (``readOnly``), and a server
        answers without the ``password`` (``writeOnly``): the attribute is ``X | Unset``. The
        description keeps ``required`` (:meth:`model`), and the runtime requires the property
        in the direction it travels (a response's ``id``, a request's ``password``).
        """
        for model in models:
            moved = [prop for prop in model.required_properties or () if any(self.access(model, prop))]
            if not moved:
                continue
            model.required_properties = [prop for prop in model.required_properties or () if prop not in moved]
            model.optional_properties = [
                *(model.optional_properties or ()),
                *(attrs.evolve(prop, required=False) for prop in moved),
            ]
            self._one_way.update((model.class_info.name, prop.python_name) for prop in moved)

    def document(self, prop: Any, raw: object, encoding: Mapping[Any, oai.Encoding] | None = None) -> str:
        """A whole body: its description and, when its schema names its element, its root element
        (a model's is its own: see :meth:`root_xml`); for a form, the ``encoding`` of its properties."""
        raw_schema = self._schema_object(raw)
        named = self._named_xml(raw_schema) if schema_kind(prop) != "model" and raw_schema is not None else None
        root = f", xml={xml_object(named, 'items')}" if named is not None else self._base_root(raw_schema)
        return f"_schema.Document({self.schema(prop, raw)}{root}{_encoding(encoding)})"

    def _base_root(self, schema: oai.Schema | None) -> str:
        """The root element of a body that is a base schema or one of its subtypes (a union of
        options one of which declares the union's discriminator itself: see :mod:`._polymorphism`):
        the base's, as the body was written before it read the subtypes; none for another union."""
        if schema is None or schema.discriminator is None:
            return ""
        for option in schema.oneOf or ():
            base = self._schema_object(option)
            reference = _reference(option)
            if base is not None and reference is not None and base.discriminator == schema.discriminator:
                return f", xml={self.root_xml(base, unescape(reference.rpartition('/')[2]))}"
        return ""

    def root_xml(self, schema: oai.Schema, default_name: str) -> str:
        """The element of a schema at the root of a body: the one it names, else its
        ``default_name``, which the spec does not give (a reader takes any root name)."""
        named = self._named_xml(schema)
        return xml_object(schema.xml, default_name, given=False) if named is None else xml_object(named, default_name)

    def _named_xml(self, schema: oai.Schema, seen: frozenset[int] = frozenset()) -> oai.XML | None:
        """The xml object that names a schema's element: its own, else that of the first schema
        its ``allOf`` refers to that names one (an inline or composed ``Booking`` is ``<booking>``)."""
        if schema.xml is not None and schema.xml.name:
            return schema.xml
        for member in schema.allOf or ():
            resolved = self._schema_object(member)
            if resolved is not None and id(resolved) not in seen:  # (an allOf cycle names nothing)
                named = self._named_xml(resolved, seen | {id(schema)})
                if named is not None:
                    return named
        return None

    def property_xml(self, node: object, seen: frozenset[int] = frozenset()) -> oai.XML | None:
        """The xml object of a property's element: the one the schema it refers to gives (by
        ``$ref``, or by an ``allOf`` part that is one), wherever it is used, under the property's
        own (beside the ``$ref`` in OpenAPI 3.1), key by key.

        The property names its element (its own ``xml.name``, else its name), never the schema
        it refers to: a component's ``xml.name`` is its element at the root of a body (see
        :meth:`root_xml`), and one component (``Status``, ``attribute: true``) may describe
        several properties of a model, each an attribute of its own name.
        """
        own = _own_xml(node)
        reference = node if isinstance(node, oai.Reference) else _first_reference(node)
        target = self._schema_object(reference) if reference is not None else None
        if target is None or id(target) in seen:  # (a reference cycle gives nothing more)
            return own
        referred = self.property_xml(target, seen | {id(target)})
        if referred is None:
            return own
        inherited = referred.model_copy(update={"name": None})
        return inherited if own is None else inherited.model_copy(update=own.model_dump(exclude_unset=True))

    def model(self, model: ModelProperty) -> str:
        """The ``__openapi__`` class attribute of a generated model."""
        raw_properties = _properties(model)
        component_name = _component_name(model)
        lines = [
            "_schema.ModelSchema(",
            f"    name={string_literal(component_name)},",
            f"    xml={self.root_xml(model.data, component_name)},",
            "    properties=(",
        ]
        for prop in _in_spec_order(model, raw_properties):
            # Its own, or as an `allOf` part declares it (the constraints of a merged property).
            raw = raw_properties.get(prop.name) or self._raw_property(model.data, prop.name)
            read_only, write_only = self.access(model, prop)
            required = prop.required or (model.class_info.name, prop.python_name) in self._one_way
            lines += [
                "        _schema.Property(",
                f"            {string_literal(prop.name)},",
                f"            {self.schema(prop, raw)},",
                f"            required={required},",
                f"            xml={xml_object(self.property_xml(raw), prop.name)},",
                f"            attribute={string_literal(prop.python_name)},",
                f"            as_is={as_is(prop)},",
                *_enum_class(prop),
                *(["            read_only=True,"] if read_only else []),
                *(["            write_only=True,"] if write_only else []),
                "        ),",
            ]
        lines.append("    ),")
        if model.additional_properties is not None:
            additional = self.schema(model.additional_properties, model.data.additionalProperties)
            lines.append(f"    additional_properties={additional},")
        lines.append(")")
        return "\n".join(lines)


def _conjunction(schemas: list[oai.Schema]) -> oai.Schema:
    """The first schema with the constraints of every one (their ``allOf``): the tightest bound
    and length of each kind, every pattern, the values every ``enum`` lists; ``readOnly`` or
    ``writeOnly`` if any says so."""

    def said(key: str) -> list[Any]:
        return [value for schema in schemas if (value := getattr(schema, key)) is not None]

    # OpenAPI 3.0 says an exclusive bound as ``exclusiveMinimum: true`` beside ``minimum``; 3.1 (which
    # the description prints) as ``exclusiveMinimum: 3``.
    def bounds(bound: str, exclusive: str) -> tuple[list[Any], list[Any]]:
        inclusive = [
            getattr(s, bound) for s in schemas if getattr(s, bound) is not None and getattr(s, exclusive) is not True
        ]
        strict = [getattr(s, bound) for s in schemas if getattr(s, bound) is not None and getattr(s, exclusive) is True]
        strict += [value for value in said(exclusive) if not isinstance(value, bool)]
        return inclusive, strict

    lows, strict_lows = bounds("minimum", "exclusiveMinimum")
    highs, strict_highs = bounds("maximum", "exclusiveMaximum")
    patterns = list(dict.fromkeys(_text(pattern) for pattern in said("pattern")))
    enums = said("enum")
    update: dict[str, Any] = {
        "minimum": max(lows, default=None),
        "exclusiveMinimum": max(strict_lows, default=None),
        "maximum": min(highs, default=None),
        "exclusiveMaximum": min(strict_highs, default=None),
        "minLength": max(said("minLength"), default=None),
        "maxLength": min(said("maxLength"), default=None),
        "minItems": max(said("minItems"), default=None),
        "maxItems": min(said("maxItems"), default=None),
        "uniqueItems": any(said("uniqueItems")) or None,
        # Each pattern is searched for anywhere in the text: all of them, as lookaheads from its start.
        "pattern": patterns[0] if len(patterns) == 1 else "".join(f"(?=[\\s\\S]*?(?:{p}))" for p in patterns) or None,
        "enum": [value for value in enums[0] if all(value in other for other in enums[1:])] if enums else None,
        "readOnly": any(said("readOnly")) or None,
        "writeOnly": any(said("writeOnly")) or None,
    }
    return schemas[0].model_copy(update=update)


def secret_attributes(model: ModelProperty) -> frozenset[str]:
    """The Python names of the model's ``format: password`` properties: kept out of its repr."""
    raw_properties = _properties(model)
    return frozenset(
        prop.python_name
        for prop in _all_properties(model)
        if isinstance(raw := raw_properties.get(prop.name), oai.Schema) and raw.schema_format == "password"
    )


def _properties(model: ModelProperty) -> Mapping[UntrustedString, oai.Schema | oai.Reference]:
    return model.data.properties or {}


def _all_properties(model: ModelProperty) -> list[Any]:
    return [*(model.required_properties or ()), *(model.optional_properties or ())]


def _in_spec_order(model: ModelProperty, raw_properties: Mapping[UntrustedString, object]) -> list[Any]:
    """In the spec's order (XML writes elements in it), then the properties ``allOf`` merged in."""
    all_props = _all_properties(model)
    ordered = [prop for name in raw_properties for prop in all_props if prop.name == name]
    return ordered + [prop for prop in all_props if prop not in ordered]


def _component_name(model: ModelProperty) -> str:
    """The name the spec gives a model's schema, without its reference path.

    A model that is a multipart body is openapi-python-client's copy of it renamed ``body`` (the
    one that writes parts): its component's reference path is still among its roots.
    """
    name = model.name.get_untrusted_value()
    if model.is_multipart_body and "/" not in name:
        paths = [root.get_untrusted_value() for root in model.roots if isinstance(root, UntrustedString)]
        name = next((path for path in paths if "/" in path), name)
    return name.rpartition("/")[2]
