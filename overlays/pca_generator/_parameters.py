"""Parameters openapi-python-client drops an operation for, kept: given to its parser under aliases.

Its parser refuses an operation whole for one of its parameters in two cases a valid spec meets:

* a header parameter of a type it allows only elsewhere (an array, an object, a date, a union:
  ``list[str] is not allowed in header``), although OpenAPI writes each of them in a header
  (``simple`` style, as the runtime's ``_params`` does);
* parameters whose Python names it cannot tell apart (``start-time`` and ``start.time``; a path
  ``id``, a query ``id`` and a query ``id_query``: ``Parameters with same Python identifier``).

Such an operation is parsed a second time from a copy of the document where each of its query,
header and cookie parameters is a query parameter of a made-up, distinct name (every type is
allowed there, no two names meet): each is then typed by its schema, as any parameter is. The
parsed parameters are put back under their own names and locations (:meth:`Aliases.restore`), and
given distinct Python names by one rule, said in a warning where it differs from the plain one:

1. the name in snake case (what the generator gives any parameter);
2. shared by parameters of different locations, or one of ``client`` and ``url``: each takes its
   location as a suffix (``id_path``, ``id_query``; the generator's own rule);
3. still shared: in document order, the first keeps it, the next take ``_2``, ``_3``...

Path parameters keep their names and place (the path template names them): the generator
refuses none of them for its type.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

from attrs import evolve, frozen
from openapi_python_client.config import Config
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import ParseError
from openapi_python_client.schema.untrusted_string import UntrustedString
from openapi_python_client.strings import PythonIdentifier

from ._dropped import OPERATION
from ._pointer import escape, resolve
from ._yaml import Notice

__all__ = ["Aliases", "free_name", "pushed_down", "refused"]

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_FOR_PARAMETERS = ("is not allowed in", "Parameters with same Python identifier")
_TEMPLATE = re.compile(r"\{[^}]*\}")
_RESERVED = ("client", "url")
"""Python names the generated functions use themselves (the generator's list)."""
_ALIAS = "pca_parameter_{}"

Key = tuple[str, str]
"""An operation: its method (lower case) and its path with every variable written ``{}``."""


def refused(openapi: GeneratorData) -> set[tuple[str, str]]:
    """The operations (method, path as the spec writes it) the generator dropped for a parameter."""
    found = set()
    for collection in openapi.endpoint_collections_by_tag.values():
        for error in collection.parse_errors:
            operation = OPERATION.search(str(error.header))
            if operation is not None and isinstance(error, ParseError) and _for_parameters(error.detail):
                found.add((operation["method"].lower(), operation["path"]))
    return found


def _for_parameters(detail: str | None) -> bool:
    return detail is not None and any(reason in detail for reason in _FOR_PARAMETERS)


@frozen
class _Aliased:
    """One parameter as the parser saw it (``alias``, in the query) and as the spec gives it."""

    alias: str
    name: str
    location: str
    pointer: str


@frozen
class Aliases:
    """A copy of the document for the parser, and what each of its aliases stands for."""

    document: dict[str, Any]
    by_operation: Mapping[Key, tuple[_Aliased, ...]]

    @classmethod
    def of(cls, document: Mapping[str, Any], operations: Iterable[tuple[str, str]], config: Config) -> Aliases:
        """The document with the parameters of ``operations`` aliased (shallow copies along the way:
        the rest of the document is shared, not copied)."""
        prefixed = config.use_path_prefixes_for_title_model_names
        paths = dict(document.get("paths") or {})
        by_operation: dict[Key, tuple[_Aliased, ...]] = {}
        counter = iter(range(1_000_000))
        for method, path in sorted(operations):
            item = paths.get(path)
            if not isinstance(item, Mapping) or not isinstance(item.get(method), Mapping):
                continue
            item = paths[path] = _pushed_down(document, item)
            operation = item[method] = dict(item[method])
            parameters, aliased = [], []
            for index, parameter in enumerate(operation.get("parameters") or ()):
                pointer, given = _resolved(document, parameter, f"#/paths/{escape(path)}/{method}/parameters/{index}")
                if not isinstance(given, Mapping) or given.get("in") not in ("query", "header", "cookie"):
                    parameters.append(parameter)
                    continue
                alias = _ALIAS.format(next(counter))
                aliased.append(_Aliased(alias, str(given.get("name")), str(given["in"]), pointer))
                parameters.append(
                    {
                        **{key: value for key, value in given.items() if key not in _STYLE},
                        "name": alias,
                        "in": "query",
                        **_named_schema(given, prefixed),
                    }
                )
            operation["parameters"] = parameters
            by_operation[(method, _TEMPLATE.sub("{}", path))] = tuple(aliased)
        return cls({**document, "paths": paths}, by_operation)

    def restore(self, openapi: GeneratorData, config: Config) -> tuple[Notice, ...]:
        """Put each aliased parameter of ``openapi`` back under its name and location, with its Python
        name (see the module's rule); what was named otherwise than plainly, said."""
        notices: list[Notice] = []
        done: set[int] = set()
        for collection in openapi.endpoint_collections_by_tag.values():
            for endpoint in collection.endpoints:
                aliased = self.by_operation.get(
                    (endpoint.method, _TEMPLATE.sub("{}", endpoint.path.get_untrusted_value()))
                )
                if aliased is None or id(endpoint) in done:
                    continue
                done.add(id(endpoint))
                notices += _restore(endpoint, {alias.alias: alias for alias in aliased}, config)
        return tuple(notices)


_STYLE = ("style", "explode", "allowReserved", "allowEmptyValue", "$ref")
"""How a parameter is written: the runtime reads it from the spec itself, the parser needs none."""


def _named_schema(parameter: Mapping[str, Any], prefixed: bool) -> dict[str, Any]:
    """An inline schema's model or enum is named after its parameter (``ListEventsMode``): the
    alias's is named the same, by a ``title`` of the parameter's name (the generator prefixes a
    title as it does a name, unless configured not to)."""
    schema = parameter.get("schema")
    if not prefixed or not isinstance(schema, Mapping) or "$ref" in schema or "title" in schema:
        return {}
    return {"schema": {**schema, "title": parameter.get("name")}}


def pushed_down(document: Mapping[str, Any]) -> dict[str, Any]:
    """The document with each path item's parameters in its operations (:func:`_pushed_down`;
    shallow copies along the way), the same operations to the parser.

    The parser deep-copies an operation, with every model its bodies and responses reach, for
    each list of parameters it adds after them: a path item's list is one more copy per operation
    (on a spec of a few hundred operations and large models, half of its parse).
    """
    paths = document.get("paths")
    if not isinstance(paths, Mapping):
        return dict(document)
    return {
        **document,
        "paths": {path: _pushed_down(document, item) if _pushable(item) else item for path, item in paths.items()},
    }


def _pushable(item: object) -> bool:
    """Whether the path item's parameters and its operations' are lists (else the parser says what is wrong)."""
    if not isinstance(item, Mapping) or not isinstance(item.get("parameters"), list):
        return False
    operations = [item[method] for method in _METHODS if method in item]
    return all(isinstance(operation, Mapping) for operation in operations) and all(
        isinstance(operation.get("parameters", []), list) for operation in operations
    )


def _pushed_down(document: Mapping[str, Any], item: Mapping[str, Any]) -> dict[str, Any]:
    """A path item whose own parameters are each operation's, but for those an operation redefines
    (OpenAPI's rule): an operation's parameters are then all in one list."""
    shared = item.get("parameters")
    if not shared:
        return dict(item)
    pushed = {key: value for key, value in item.items() if key != "parameters"}
    for method in _METHODS:
        operation = item.get(method)
        if isinstance(operation, Mapping):
            own = list(operation.get("parameters") or ())
            redefined = {_place(document, parameter) for parameter in own}
            kept = [parameter for parameter in shared if _place(document, parameter) not in redefined]
            pushed[method] = {**operation, "parameters": [*own, *kept]}
    return pushed


def _place(document: Mapping[str, Any], parameter: Any) -> tuple[str, str] | None:
    """What identifies a parameter: its location and name."""
    _, given = _resolved(document, parameter, "")
    return (str(given.get("in")), str(given.get("name"))) if isinstance(given, Mapping) else None


def _resolved(document: Mapping[str, Any], parameter: Any, pointer: str) -> tuple[str, Any]:
    """A parameter and its place, through a ``$ref`` to ``components``."""
    while isinstance(parameter, Mapping) and isinstance(parameter.get("$ref"), str):
        pointer = parameter["$ref"]
        found, parameter = resolve(document, pointer)
        if not found:
            return pointer, None
    return pointer, parameter


def _restore(endpoint: Any, aliases: Mapping[str, _Aliased], config: Config) -> Iterator[Notice]:
    query = [p for p in endpoint.query_parameters if p.name.get_untrusted_value() not in aliases]
    lists: dict[str, list[Any]] = {"query": query, "header": [], "cookie": []}
    for parameter in endpoint.query_parameters:
        alias = aliases.get(parameter.name.get_untrusted_value())
        if alias is not None:
            lists[alias.location].append(evolve(parameter, name=UntrustedString(alias.name)))
    endpoint.query_parameters[:] = lists["query"]
    endpoint.header_parameters[:] = lists["header"]
    endpoint.cookie_parameters[:] = lists["cookie"]
    pointers = {(alias.location, alias.name): alias.pointer for alias in aliases.values()}
    located = list(endpoint.iter_all_parameters())
    for (location, parameter), name in zip(located, python_names(located, config), strict=True):
        plain = PythonIdentifier(parameter.name, prefix=config.field_prefix)
        parameter.set_python_name(new_name=UntrustedString(name), config=config, skip_snake_case=True)
        wire_name = parameter.name.get_untrusted_value()
        if name != plain and (location, wire_name) in pointers:
            yield Notice(
                pointers[(location, wire_name)],
                f"openapi-python-client would drop the operation: the {location} parameter {wire_name} has the "
                f"Python name {plain} of another parameter",
                f"its argument is {name}",
            )


def python_names(located: list[tuple[str, Any]], config: Config) -> list[str]:
    """Distinct Python names for the ``(location, parameter)`` pairs of one operation (the module's rule)."""
    plain = [str(PythonIdentifier(parameter.name, prefix=config.field_prefix)) for _, parameter in located]
    locations: dict[str, set[str]] = {}
    for name, (location, _) in zip(plain, located, strict=True):
        locations.setdefault(name, set()).add(location)
    names = [
        f"{name}_{location}" if len(locations[name]) > 1 or name in _RESERVED else name
        for name, (location, _) in zip(plain, located, strict=True)
    ]
    taken: set[str] = set()
    distinct = []
    for name in names:
        # A numbered name is also kept from the names yet to come (they keep their own).
        chosen = name if name not in taken else free_name(name, taken | set(names))
        taken.add(chosen)
        distinct.append(chosen)
    return distinct


def free_name(name: str, taken: Collection[str]) -> str:
    """``name``, else ``name_2``, ``name_3``...: the first that ``taken`` does not hold."""
    chosen, count = name, 1
    while chosen in taken:
        count += 1
        chosen = f"{name}_{count}"
    return chosen
