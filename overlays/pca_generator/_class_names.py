"""Schemas of one class name, each generated: the parser is given a ``title`` that tells them apart.

openapi-python-client names a component schema's class by its ``title``, else its key: two
``title: Event`` (or the keys ``foo_bar`` and ``FooBar``) make one name, and it drops the second
schema ("Attempted to generate duplicate models with name ...", or "conflicting enums"), with every
operation that uses it. So does a component named like the class of an operation's inline schema
(``CreateThingBody``): components are named first, and the operation is dropped. An inline model
of a component's union is named by its title too (two options ``title: Item``; an option titled
like a component): the parser is given those as components (:mod:`._union_models`), and they are
named here by the same rule, an inline schema yielding to a component. So is an inline enum or
model of a component's property, which the parser names after the component and the property
(``Output.status``: ``OutputStatus``): named like another component, it takes the first free
number (``OutputStatus2``), and the component keeps its name.

Each such schema is given, in the parser's copy of the document only, a title of a free class
name: its key's (an inline one's: its place's, ``ShelfNote``) when that differs (``OtherEvent``
for ``title: Event``), else the name followed by the first free number (``FooBar2``). A free name
is none the parser gives another class, an operation's inline body or response included.
References resolve by place, not by name: each operation is typed with its own model. A warning
names both nodes (an inline schema by its place in the spec) and the name chosen.

Inline models that are options of one union, titled alike (``oneOf: [{title: Shape, ...}, {title:
Shape, ...}]``), would be one class for two shapes wherever the union is: each after the first is
titled by the same rule before parsing (:func:`options_apart`), the name and the first free number
(``Shape2``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from openapi_python_client.config import Config
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.openapi import generate_operation_id
from openapi_python_client.parser.properties.schemas import Class
from openapi_python_client.schema.untrusted_string import UntrustedString
from openapi_python_client.strings import PythonIdentifier, get_content_type, pascal_case

from ._dropped import OPERATION, place
from ._pointer import escape, resolve
from ._spec import family
from ._union_models import class_name, makes_model
from ._union_walk import with_options
from ._yaml import Notice

__all__ = ["Renamed", "options_apart"]

_TAKEN = re.compile(r'duplicate models with name "(?P<a>[^"]+)"|conflicting enums named (?P<b>\S+) with')
_COMPONENT = re.compile(r"Unable to parse schema /components/schemas/(?P<key>.+)")
"""The component a problem's header names: its key is the rest of the line (a key the parser's
copy made from a title may hold spaces: ``BetaLocation_Approximate location``)."""
_PROCESSED = re.compile(r"Unable to process schema /components/schemas/(?P<key>.+?):?$")
"""A component the parser left out after naming its schemas: for a class of an inline schema inside it."""
_POINTER = "#/components/schemas/{}"


class Renamed:
    """The component schemas to rename, found in the problems of a first parsing."""

    def __init__(self, document: Mapping[str, Any], config: Config, origins: Mapping[str, str]) -> None:
        schemas = (document.get("components") or {}).get("schemas") or {}
        self._schemas: Mapping[str, Any] = schemas if isinstance(schemas, Mapping) else {}
        self._config = config
        self._origins = origins
        """The components of the parser's copy that are inline schemas of the spec: their place."""
        self._names = {key: self._class(key) for key in self._schemas}
        self._made = _operation_classes(document, config)
        """The classes of the operations' inline bodies and responses, and (once parsed) every class made."""
        self.titles: dict[str, str] = {}
        self.inline: dict[tuple[str, str], str] = {}
        """The inline schemas of components' properties (component, property) to title apart, and their titles."""
        self.bodies: dict[tuple[str, str], str] = {}
        """The operations (method, path) whose inline bodies share a class name, and that name."""
        self.notices: list[Notice] = []

    def _class(self, key: str) -> str:
        return class_name(self._config, key, self._schemas[key])

    def find(self, openapi: GeneratorData) -> bool:
        """Decide a title for each component dropped for its class name; whether any was found."""
        # A new name is none of the classes the parser made (an inline body's, a nested schema's).
        self._made |= {str(made.class_info.name) for made in (*openapi.models, *openapi.enums)}
        for problem in _problems(openapi):
            taken = _TAKEN.search(problem.detail or "")
            if taken is None:
                continue
            name = taken["a"] or taken["b"]
            component = _COMPONENT.search(str(problem.header))
            holders = [key for key, held in self._names.items() if held == name and key not in self.titles]
            if component is not None:
                dropped = component["key"]
                other = next((key for key in holders if key != dropped), None)
                if self._names.get(dropped) == name and other is not None:
                    # An inline schema of the spec yields to a component of its name, wherever dropped.
                    inline, held = (
                        (other, dropped)
                        if other in self._origins and dropped not in self._origins
                        else (dropped, other)
                    )
                    self._rename(inline, self._pointer(held))
                # else a class of a schema inside it (Clash's "12" and Clash1's "2"): left as stock leaves it
            elif holders and (inline := self._inline_of(problem, name)) is not None:
                # An inline schema of a component (a property's enum, named after the component and
                # the property) has the class name of another component: the inline schema yields.
                self._rename_inline(*inline, name, self._pointer(holders[0]))
            elif holders:  # an operation's inline schema has the component's name: the component yields
                self._rename(holders[0], place(problem))
            elif (operation := OPERATION.search(str(problem.header))) is not None and name.endswith("Body"):
                # Two inline bodies of one operation, in media types the parser reads alike (a form
                # and JSON): each after the first is named after its media type's family.
                self.bodies[(operation["method"].lower(), operation["path"])] = name
        return bool(self.titles or self.inline or self.bodies)

    def _rename(self, key: str, other: str) -> None:
        if key in self.titles:
            return
        taken = {*self._names.values(), *self.titles.values(), *self._made}
        own = str(Class.from_string(string=key, config=self._config).name)
        chosen, count = (own, 1) if own not in taken else (self._names[key], 1)
        while chosen in taken:
            count += 1
            chosen = f"{self._names[key]}{count}"
        self.titles[key] = chosen
        self.notices.append(
            Notice(
                self._pointer(key),
                f"openapi-python-client would drop it: its class name {self._names[key]} is also that of {other}",
                f"generated as {chosen}",
            )
        )

    def _inline_of(self, problem: Any, name: str) -> tuple[str, str] | None:
        """The component the parser left out for ``problem`` and its property whose inline schema
        it names ``name`` (the component's class and the property's title or key), if one is."""
        processed = _PROCESSED.search(str(problem.header))
        key = processed["key"] if processed is not None else None
        schema = self._schemas.get(key) if key is not None else None
        properties = schema.get("properties") if isinstance(schema, Mapping) else None
        for prop, value in properties.items() if isinstance(properties, Mapping) else ():
            if isinstance(value, Mapping) and "$ref" not in value and (makes_model(value) or "enum" in value):
                assert key is not None
                if self._property_class(key, value.get("title") or prop) == name:
                    return key, str(prop)
        return None

    def _property_class(self, key: str, title: object) -> str:
        """The class the parser gives an inline schema of a property of the component ``key``."""
        string = f"{pascal_case(self._names[key])}{pascal_case(str(title))}"
        return str(Class.from_string(string=string, config=self._config).name)

    def _rename_inline(self, key: str, prop: str, name: str, other: str) -> None:
        """Title the inline schema of ``prop`` in the component ``key`` apart: the name and the first free number."""
        if (key, prop) in self.inline:
            return
        title = self._schemas[key]["properties"][prop].get("title") or prop
        taken = {*self._names.values(), *self.titles.values(), *self._made}
        count = 2
        while self._property_class(key, f"{title}{count}") in taken:
            count += 1
        self.inline[(key, prop)] = f"{title}{count}"
        self._made.add(chosen := self._property_class(key, f"{title}{count}"))
        self.notices.append(
            Notice(
                f"{self._pointer(key)}/properties/{escape(prop)}",
                f"openapi-python-client would drop {self._pointer(key)}: the class name {name} of this "
                f"inline schema is also that of {other}",
                f"generated as {chosen}",
            )
        )

    def _pointer(self, key: str) -> str:
        """Where the component ``key`` of the parser's copy is in the spec."""
        return self._origins.get(key) or _POINTER.format(escape(key))

    def document(self, document: dict[str, Any]) -> dict[str, Any]:
        """``document`` with the new titles (shallow copies along the way)."""
        if self.titles or self.inline:
            components = document["components"]
            schemas = {**components["schemas"]}
            for key, title in self.titles.items():
                schemas[key] = {**schemas[key], "title": title}
            for (key, prop), title in self.inline.items():
                properties = {**schemas[key]["properties"]}
                properties[prop] = {**properties[prop], "title": title}
                schemas[key] = {**schemas[key], "properties": properties}
            document = {**document, "components": {**components, "schemas": schemas}}
        if self.bodies:
            paths = {**document["paths"]}
            for (method, path), name in sorted(self.bodies.items()):
                item = paths[path] = {**paths[path]}
                operation = item[method] = {**item[method]}
                operation["requestBody"] = self._titled_bodies(document, operation, method, path, name)
            document = {**document, "paths": paths}
        return document

    def _titled_bodies(
        self, document: Mapping[str, Any], operation: Mapping[str, Any], method: str, path: str, name: str
    ) -> Any:
        """An operation's request body whose inline schemas after the first each have a title of
        its media type's family (``form_body``: ``TranslateTextJsonFormBody``)."""
        body = operation.get("requestBody")
        while isinstance(body, Mapping) and isinstance(body.get("$ref"), str):
            body = resolve(document, body["$ref"])[1]
        if not isinstance(body, Mapping) or not isinstance(body.get("content"), Mapping):
            return operation.get("requestBody")
        content, used, first = {}, set(), None
        for media_type, media in body["content"].items():
            schema = media.get("schema") if isinstance(media, Mapping) else None
            inline = isinstance(schema, Mapping) and "$ref" not in schema and "title" not in schema
            if not inline or first is None:
                first = media_type if inline else first
                content[media_type] = media
                continue
            assert isinstance(schema, Mapping)
            title, count = f"{family(media_type)}_body", 1
            while title in used:
                count += 1
                title = f"{family(media_type)}{count}_body"
            used.add(title)
            content[media_type] = {**media, "schema": {**schema, "title": title}}
            chosen = name.removesuffix("Body") + str(Class.from_string(string=title, config=self._config).name)
            self.notices.append(
                Notice(
                    f"#/paths/{escape(path)}/{method}/requestBody/content/{escape(media_type)}/schema",
                    "openapi-python-client would drop it: "
                    f"its class name {name} is also that of the {first} body of {method.upper()} {path}",
                    f"generated as {chosen}",
                )
            )
        return {**body, "content": content}


def options_apart(document: dict[str, Any], config: Config) -> tuple[dict[str, Any], tuple[Notice, ...]]:
    """``document`` with each inline model option of a union titled apart from its siblings (see
    above; shallow copies along the way, ``document`` itself when none is), and the notices."""
    schemas = (document.get("components") or {}).get("schemas") or {}
    notices: list[Notice] = []

    @functools.cache
    def taken() -> set[str]:  # (only when two options are titled alike: most specs have none)
        return {class_name(config, str(key), schema) for key, schema in schemas.items()} | _operation_classes(
            document, config
        )

    def apart(options: list[Any], pointer: str) -> list[Any]:
        first: dict[str, str] = {}  # each class name, by the place of the option it came from first
        kept = []
        for index, option in enumerate(options):
            title = option.get("title") if makes_model(option) else None
            name = class_name(config, "", option) if isinstance(title, str) and title else None
            if name is not None and name in first:
                count = 2
                while (chosen := class_name(config, "", {"title": f"{title}{count}"})) in {*taken(), *first}:
                    count += 1
                notices.append(
                    Notice(
                        f"{pointer}/{index}",
                        f"openapi-python-client would drop it: its class name {name} is also that of {first[name]}",
                        f"generated titled {title}{count}",  # (prefixed by its place's, as the parser names it)
                    )
                )
                option, name = {**option, "title": f"{title}{count}"}, chosen
            if name is not None:
                first.setdefault(name, f"{pointer}/{index}")
            kept.append(option)
        return kept if any(new is not old for new, old in zip(kept, options, strict=True)) else options

    return with_options(document, apart), tuple(notices)


def _operation_classes(document: Mapping[str, Any], config: Config) -> set[str]:
    """The class names the parser gives the inline models of the operations' request bodies and
    responses (``CreateThingBody``, ``CreateThingResponse200``): its own rules, so that a component
    given a new name never takes one (the operation would be dropped in its stead)."""
    found = set()
    for path, item in (document.get("paths") or {}).items():
        for method, operation in item.items() if isinstance(item, Mapping) else ():
            if method not in _METHODS or not isinstance(operation, Mapping):
                continue
            operation_id = operation.get("operationId")
            endpoint = (
                PythonIdentifier(operation_id, prefix=config.field_prefix)
                if isinstance(operation_id, str)
                else generate_operation_id(path=UntrustedString(path), method=method, prefix=config.field_prefix)
            )
            body = operation.get("requestBody")
            contents = body.get("content") if isinstance(body, Mapping) else None
            contents = contents if isinstance(contents, Mapping) else {}
            for media_type, media in contents.items():
                kind = get_content_type(str(media_type), config)
                parent = f"{endpoint}_{_BODY_TYPES.get(kind or '', 'json')}" if len(contents) > 1 else endpoint
                found |= _model_class(media, "body", parent, config)
            responses = operation.get("responses")
            for status, response in responses.items() if isinstance(responses, Mapping) else ():
                for media in ((response.get("content") or {}) if isinstance(response, Mapping) else {}).values():
                    found |= _model_class(media, f"response_{status}", endpoint, config)
    return found


_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_BODY_TYPES = {"application/x-www-form-urlencoded": "data", "multipart/form-data": "files"}
"""The body type the parser names a body's class after, by its media type (else ``json``; a
body it reads as bytes is no model)."""


def _model_class(media: object, name: str, parent: str, config: Config) -> set[str]:
    """The class of the inline model of a media type object, named as the parser names it (none if it makes none)."""
    schema = media.get("schema") if isinstance(media, Mapping) else None
    if not makes_model(schema):
        return set()
    assert isinstance(schema, Mapping)
    title = schema.get("title")
    if not config.use_path_prefixes_for_title_model_names and isinstance(title, str) and title:
        string = title
    else:
        string = f"{pascal_case(parent)}{pascal_case(title if isinstance(title, str) and title else name)}"
    return {str(Class.from_string(string=string, config=config).name)}


def _problems(openapi: GeneratorData) -> Iterator[Any]:
    yield from openapi.errors
    for collection in openapi.endpoint_collections_by_tag.values():
        yield from collection.parse_errors
