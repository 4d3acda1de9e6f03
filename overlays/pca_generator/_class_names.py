"""Schemas of one class name, each generated: the parser is given a ``title`` that tells them apart.

openapi-python-client names a component schema's class by its ``title``, else its key: two
``title: Event`` (or the keys ``foo_bar`` and ``FooBar``) make one name, and it drops the second
schema ("Attempted to generate duplicate models with name ...", or "conflicting enums"), with every
operation that uses it. So does a component named like the class of an operation's inline schema
(``CreateThingBody``): components are named first, and the operation is dropped.

Each such component is given, in the parser's copy of the document only, a title of a free class
name: its key's when that differs (``OtherEvent`` for ``title: Event``), else the name followed by
the first free number (``FooBar2``). References resolve by place, not by name: each operation is
typed with its own model. A warning names both nodes and the name chosen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from openapi_python_client.config import Config
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.properties.schemas import Class

from ._dropped import OPERATION, place
from ._pointer import escape, resolve
from ._spec import family
from ._yaml import Notice

__all__ = ["Renamed"]

_TAKEN = re.compile(r'duplicate models with name "(?P<a>[^"]+)"|conflicting enums named (?P<b>\S+) with')
_COMPONENT = re.compile(r"Unable to parse schema /components/schemas/(?P<key>\S+)")
_POINTER = "#/components/schemas/{}"


class Renamed:
    """The component schemas to rename, found in the problems of a first parsing."""

    def __init__(self, document: Mapping[str, Any], config: Config) -> None:
        schemas = (document.get("components") or {}).get("schemas") or {}
        self._schemas: Mapping[str, Any] = schemas if isinstance(schemas, Mapping) else {}
        self._config = config
        self._names = {key: self._class(key) for key in self._schemas}
        self.titles: dict[str, str] = {}
        self.bodies: dict[tuple[str, str], str] = {}
        """The operations (method, path) whose inline bodies share a class name, and that name."""
        self.notices: list[Notice] = []

    def _class(self, key: str) -> str:
        schema = self._schemas[key]
        title = schema.get("title") if isinstance(schema, Mapping) else None
        return str(
            Class.from_string(string=title if isinstance(title, str) and title else key, config=self._config).name
        )

    def find(self, openapi: GeneratorData) -> bool:
        """Decide a title for each component dropped for its class name; whether any was found."""
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
                    self._rename(dropped, _POINTER.format(escape(other)))
                # else a class of a schema inside it (Clash's "12" and Clash1's "2"): left as stock leaves it
            elif holders:  # an operation's inline schema has the component's name: the component yields
                self._rename(holders[0], place(problem))
            elif (operation := OPERATION.search(str(problem.header))) is not None and name.endswith("Body"):
                # Two inline bodies of one operation, in media types the parser reads alike (a form
                # and JSON): each after the first is named after its media type's family.
                self.bodies[(operation["method"].lower(), operation["path"])] = name
        return bool(self.titles or self.bodies)

    def _rename(self, key: str, other: str) -> None:
        if key in self.titles:
            return
        taken = {*self._names.values(), *self.titles.values()}
        own = str(Class.from_string(string=key, config=self._config).name)
        chosen, count = (own, 1) if own not in taken else (self._names[key], 1)
        while chosen in taken:
            count += 1
            chosen = f"{self._names[key]}{count}"
        self.titles[key] = chosen
        self.notices.append(
            Notice(
                _POINTER.format(escape(key)),
                f"openapi-python-client would drop it: its class name {self._names[key]} is also that of {other}",
                f"generated as {chosen}",
            )
        )

    def document(self, document: dict[str, Any]) -> dict[str, Any]:
        """``document`` with the new titles (shallow copies along the way)."""
        if self.titles:
            components = document["components"]
            schemas = {**components["schemas"]}
            for key, title in self.titles.items():
                schemas[key] = {**schemas[key], "title": title}
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


def _problems(openapi: GeneratorData) -> Iterator[Any]:
    yield from openapi.errors
    for collection in openapi.endpoint_collections_by_tag.values():
        yield from collection.parse_errors
