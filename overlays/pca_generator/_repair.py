"""Real specs are rarely valid: repair what has one meaning, drop what has none, and say so.

Each defect found is a :class:`~._yaml.Notice` naming its place and what was done:

* repaired, the meaning being plain: a boolean default written ``"false"``, a numeric default
  written ``"100"``, a string default written ``100``; ``required: true`` inside a property
  (Swagger 2's habit), moved to its object's ``required``; duplicate ``required`` entries; a
  ``null`` where a text is optional (``description``, ``summary``, ``title``), and a number or a
  boolean there (its text); a parameter name
  or a mapping key YAML read as a number (a status code written ``200``); a parameter listed
  twice (the first is kept, as OpenAPI's uniqueness rule implies); a path parameter named as a
  variable of its path but for case (``orgID`` for ``{orgId}``), read as that variable; a
  parameter's ``content`` of several media types, of which the first is kept;
* dropped, the meaning being lost: documentation given as something other than a text (a tag's
  ``description: {$ref: ./tags/files.md}``, a file beside the spec), a default that cannot be its
  type, a default outside its ``enum``, a ``pattern`` Python cannot compile, an ``enum`` of no
  value. The constraint goes, never the property nor the operation.

Only the places of the document that are schemas are read as schemas: an ``example`` that looks
like a schema is left alone. What remains invalid after the repairs is left as is, and
reported (``_violations``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ._pointer import escape, resolve
from ._values import NO_VALUE, as_type, in_format, json_text, kinds, same_json, shown, types_of
from ._yaml import Notice

__all__ = ["repair"]

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_OPTIONAL_TEXTS = ("description", "summary", "title")
_TEMPLATE = re.compile(r"\{([^{}]+)\}")
"""A variable of a path template: ``{orgId}``."""
_SUBSCHEMA = ("items", "not", "additionalProperties", "contains", "if", "then", "else", "propertyNames")
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_JSON_TYPES = ("string", "number", "integer", "boolean", "array", "object", "null")
_TYPE_NAMES = {
    **{kind: kind for kind in _JSON_TYPES},
    **{"int": "integer", "long": "integer", "float": "number", "double": "number", "bool": "boolean"},
    **{"str": "string", "dict": "object", "map": "object", "list": "array"},
}
"""What a ``type`` written with another language's name means in JSON Schema."""
_SUBSCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")


def repair(document: dict[str, Any]) -> tuple[Notice, ...]:
    """Repair ``document`` in place; what was found and done, in document order."""
    notices: list[Notice] = []
    numbers = _text_keys(document, "#")
    if numbers:
        first, count = numbers[0], len(numbers)
        notices.append(
            Notice(
                first,
                f"{'a key' if count == 1 else f'{count} keys, the first here,'} that YAML read as a number "
                'or a boolean (a status code written 200, not "200")',
                "read as text",
            )
        )
    _Walk(notices.append, document).document(document)
    return tuple(notices)


def _text_keys(node: object, pointer: str) -> list[str]:
    """Every key of every mapping as text, as JSON has them; the places of those that were not."""
    changed = []
    if isinstance(node, dict):
        for key in list(node):
            if not isinstance(key, str):
                text = json_text(key)
                changed.append(f"{pointer}/{escape(text)}")
                node[text] = node.pop(key)
        for key, value in node.items():
            changed += _text_keys(value, f"{pointer}/{escape(key)}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            changed += _text_keys(item, f"{pointer}/{index}")
    return changed


class _Walk:
    """Visits the objects of an OpenAPI document that hold schemas, parameters and texts."""

    def __init__(self, notice: Callable[[Notice], None], document: Mapping[str, Any]) -> None:
        self._notice = notice
        self._document = document
        self._operation_ids: dict[str, str] = {}
        """Each operationId met, and the operation (method and path) it names."""

    def _say(self, pointer: str, problem: str, action: str) -> None:
        self._notice(Notice(pointer, problem, action))

    def document(self, document: dict[str, Any]) -> None:
        self._info(document)
        self._texts(document.get("info"), "#/info")
        for index, tag in _items(document.get("tags")):
            self._texts(tag, f"#/tags/{index}")
            self._texts(_mapping(tag, "externalDocs"), f"#/tags/{index}/externalDocs")
        self._texts(document.get("externalDocs"), "#/externalDocs")
        for key in ("paths", "webhooks"):
            for name, item in _entries(document.get(key)):
                self._path_item(item, f"#/{key}/{escape(name)}", name if key == "paths" else "")
        components = document.get("components")
        if not isinstance(components, dict):
            return
        for name, _ in _entries(components.get("schemas")):
            self._schema_in(components["schemas"], name, f"#/components/schemas/{escape(name)}")
        for name, parameter in _entries(components.get("parameters")):
            self._parameter(parameter, f"#/components/parameters/{escape(name)}")
        for name, header in _entries(components.get("headers")):
            self._parameter(header, f"#/components/headers/{escape(name)}")
        for name, body in _entries(components.get("requestBodies")):
            self._content_holder(body, f"#/components/requestBodies/{escape(name)}")
        for name, response in _entries(components.get("responses")):
            self._content_holder(response, f"#/components/responses/{escape(name)}")
        for name, item in _entries(components.get("pathItems")):
            self._path_item(item, f"#/components/pathItems/{escape(name)}")

    def _info(self, document: dict[str, Any]) -> None:
        """``info.title`` and ``info.version`` as texts: the package's names and version may come
        from the configuration instead, so a missing one is no reason to refuse the document."""
        info = document.get("info")
        if not isinstance(info, dict):
            info = document["info"] = {}
            self._say("#/info", "missing", "read as empty")
        for key in ("title", "version"):
            value = info.get(key)
            if value is None:
                info[key] = ""
                self._say(f"#/info/{key}", "missing", "read as empty")
            elif not isinstance(value, str):
                info[key] = json_text(value)
                self._say(f"#/info/{key}", f"{shown(value)} is not a text", f"read as {shown(info[key])}")

    def _path_item(self, item: object, pointer: str, path: str = "") -> None:
        if not isinstance(item, dict):
            return
        self._texts(item, pointer)
        self._parameters(item, pointer)
        for method in _METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            here = f"{pointer}/{method}"
            self._texts(operation, here)
            if path:
                self._operation_id(operation, here, f"{method.upper()} {path}")
            if "responses" not in operation:  # (OpenAPI 3.1 allows it; openapi-python-client does not)
                operation["responses"] = {"default": {"description": ""}}
                self._say(here, "no responses", "read as a default answer with no content documented")
            self._texts(_mapping(operation, "externalDocs"), f"{here}/externalDocs")
            self._parameters(operation, here)
            self._path_names(path, [(item, pointer), (operation, here)])
            self._content_holder(operation.get("requestBody"), f"{here}/requestBody")
            for status, response in _entries(operation.get("responses")):
                self._content_holder(response, f"{here}/responses/{escape(status)}")

    def _operation_id(self, operation: dict[str, Any], pointer: str, named: str) -> None:
        """An ``operationId`` another operation has already is numbered apart (``dup_2``): the
        generator makes one module of each, and the second would replace the first."""
        given = operation.get("operationId")
        if not isinstance(given, str):
            return
        if given in self._operation_ids:
            free = next(
                f"{given}_{number}" for number in itertools.count(2) if f"{given}_{number}" not in self._operation_ids
            )
            self._say(
                f"{pointer}/operationId",
                f"{shown(given)} is also the operationId of {self._operation_ids[given]}",
                f"read as {shown(free)}",
            )
            operation["operationId"] = given = free
        self._operation_ids[given] = named

    def _parameters(self, owner: dict[str, Any], pointer: str) -> None:
        parameters = owner.get("parameters")
        if not isinstance(parameters, list):
            return
        seen: set[tuple[str, object]] = set()
        kept = []
        for index, parameter in enumerate(parameters):
            here = f"{pointer}/parameters/{index}"
            self._parameter(parameter, here)
            key = (
                ("$ref", parameter["$ref"])
                if isinstance(parameter, dict) and "$ref" in parameter
                else (json_text(_mapping(parameter, "in")), json_text(_mapping(parameter, "name")))
            )
            if key in seen:
                self._say(here, f"parameter {key[1]} in {key[0]} is listed twice", "the first is kept")
                continue
            seen.add(key)
            kept.append(parameter)
        owner["parameters"] = kept

    def _path_names(self, path: str, owners: list[tuple[dict[str, Any], str]]) -> None:
        """A path parameter named as its template but for case (``orgID`` for ``{orgId}``) is that
        template's: a path has one variable of each name, and a parameter no template names would
        never be sent (openapi-python-client drops the operation)."""
        templates = set(_TEMPLATE.findall(path))
        declared = [
            (parameter, f"{pointer}/parameters/{index}")
            for owner, pointer in owners
            for index, parameter in enumerate(owner.get("parameters") or ())
            if isinstance(parameter, dict) and parameter.get("in") == "path" and isinstance(parameter.get("name"), str)
        ]
        named = {parameter["name"] for parameter, _ in declared}
        for parameter, pointer in declared:
            name = parameter["name"]
            matching = [template for template in templates - named if template.lower() == name.lower()]
            if name not in templates and len(matching) == 1:
                parameter["name"] = matching[0]
                named.add(matching[0])  # a second one of another case is left as written, and said
                self._say(
                    f"{pointer}/name",
                    f"{name} is not a variable of the path, {{{matching[0]}}} is",
                    f"read as {matching[0]}",
                )

    def _parameter(self, parameter: object, pointer: str) -> None:
        if not isinstance(parameter, dict) or "$ref" in parameter:
            return
        self._texts(parameter, pointer)
        name = parameter.get("name")
        if isinstance(name, int | float) and not isinstance(name, bool):
            parameter["name"] = json_text(name)
            self._say(
                f"{pointer}/name",
                f"the name {json_text(name)} is a number",
                f"read as the text {shown(json_text(name))}",
            )
        if "schema" in parameter:
            self._schema_in(parameter, "schema", f"{pointer}/schema")
        content = parameter.get("content")
        if isinstance(content, dict) and len(content) > 1:
            first = next(iter(content))
            parameter["content"] = {first: content[first]}
            self._say(
                f"{pointer}/content",
                f"{len(content)} media types, where a parameter has one",
                f"the first, {first}, kept",
            )
        self._content(parameter, pointer)

    def _content_holder(self, holder: object, pointer: str) -> None:
        """A request body or a response: texts, content and (responses) headers."""
        if not isinstance(holder, dict) or "$ref" in holder:
            return
        self._texts(holder, pointer)
        self._content(holder, pointer)
        for name, header in _entries(holder.get("headers")):
            self._parameter(header, f"{pointer}/headers/{escape(name)}")

    def _content(self, holder: dict[str, Any], pointer: str) -> None:
        for media_type, content in _entries(holder.get("content")):
            if isinstance(content, dict) and "schema" in content:
                self._schema_in(content, "schema", f"{pointer}/content/{escape(media_type)}/schema")

    def _texts(self, node: object, pointer: str) -> None:
        """An optional text given as ``null``: absent, as the document meant. One given as a number
        or a boolean is its text; one given as anything else (a ``$ref`` to a Markdown file beside
        the spec, ``{$ref: ./tags/files.md}``) is documentation only, which no code reads: absent."""
        if not isinstance(node, dict):
            return
        for key in _OPTIONAL_TEXTS:
            value = node.get(key, "")
            if value is None:
                del node[key]
                self._say(f"{pointer}/{key}", "null where a text is optional", "read as absent")
            elif isinstance(value, dict | list):
                del node[key]
                self._say(f"{pointer}/{key}", f"{shown(value)} where a text is written", "documentation only: left out")
            elif not isinstance(value, str):
                node[key] = json_text(value)
                self._say(f"{pointer}/{key}", f"{shown(value)} is not a text", f"read as {shown(node[key])}")

    def schema(self, schema: object, pointer: str, *, property_of: tuple[dict[str, Any], str] | None = None) -> None:
        if not isinstance(schema, dict):
            return
        if "$ref" in schema:
            self._reference(schema, pointer)
            return
        self._texts(schema, pointer)
        self._type(schema, pointer)
        self._required(schema, pointer, property_of)
        self._pattern(schema, pointer)
        self._enum(schema, pointer)
        self._default(schema, pointer)
        for key in _SUBSCHEMA:
            if key in schema and not isinstance(schema[key], bool | list):  # true and false are schemas too
                self._schema_in(schema, key, f"{pointer}/{key}")
        if schema.get("items") is False:
            schema["items"] = {}
            self._say(f"{pointer}/items", "items: false (no item allowed)", "the constraint dropped")
        for key in _SUBSCHEMA_LISTS:
            for index, _ in _items(schema.get(key)):
                self._schema_in(schema[key], index, f"{pointer}/{key}/{index}")
        if isinstance(schema.get("items"), list):  # OpenAPI 3.0 readers meet Swagger's tuple form too
            for index, _ in enumerate(schema["items"]):
                self._schema_in(schema["items"], index, f"{pointer}/items/{index}")
        for key in _SUBSCHEMA_MAPS:
            for name, _ in _entries(schema.get(key)):
                owner = (schema, name) if key == "properties" else None
                self._schema_in(schema[key], name, f"{pointer}/{key}/{escape(name)}", property_of=owner)

    def _schema_in(
        self,
        container: Any,
        key: str | int,
        pointer: str,
        *,
        property_of: tuple[dict[str, Any], str] | None = None,
    ) -> None:
        """The schema at ``container[key]``: a value that is not one is read as the schema it names."""
        value = container[key]
        if not isinstance(value, dict | bool):
            named = _TYPE_NAMES.get(value) if isinstance(value, str) else None
            container[key] = {"type": named} if named else {}
            read = f"read as {{type: {named}}}" if named else "read as any value"
            self._say(pointer, f"{shown(value)} where a schema is wanted", read)
        self.schema(container[key], pointer, property_of=property_of)

    def _type(self, schema: dict[str, Any], pointer: str) -> None:
        """``type`` names a JSON type (or several, in 3.1); a common other name has one reading."""
        declared = schema.get("type")
        if declared is None or declared in _JSON_TYPES:
            return
        if isinstance(declared, list) and all(kind in _JSON_TYPES for kind in declared):
            return
        named = _TYPE_NAMES.get(declared) if isinstance(declared, str) else None
        if named:
            schema["type"] = named
            self._say(f"{pointer}/type", f"{shown(declared)} is not a JSON type", f"read as {shown(named)}")
        else:
            del schema["type"]
            self._say(f"{pointer}/type", f"{shown(declared)} is not a JSON type", "dropped (any type)")

    def _reference(self, schema: dict[str, Any], pointer: str) -> None:
        """A reference to nowhere, or a cycle of references with no schema in it, has no meaning but
        "some value": the reference that points nowhere, or the one that closes the cycle, is read
        as ``{}`` (any value); every other reference stays, and so does every property."""
        seen: list[str] = []
        holder, where = schema, pointer
        while isinstance(holder.get("$ref"), str):
            reference = holder["$ref"]
            if not reference.startswith("#"):
                return  # another document's: not this reader's to judge
            if reference in seen:
                problem = f"a cycle of references with no schema in it ({' -> '.join([*seen, reference])})"
                break
            seen.append(reference)
            found, target = resolve(self._document, reference)
            if not found:
                problem = f"a reference to nowhere ({reference})"
                break
            if not isinstance(target, dict):
                return
            holder, where = target, reference
        else:
            return
        holder.clear()
        self._say(f"{where}/$ref", problem, "read as any value")

    def _required(self, schema: dict[str, Any], pointer: str, property_of: tuple[dict[str, Any], str] | None) -> None:
        required = schema.get("required")
        if isinstance(required, bool):
            del schema["required"]
            if property_of is None:
                self._say(f"{pointer}/required", f"required: {str(required).lower()} outside a property", "dropped")
            elif required:
                parent, name = property_of
                listed = parent.setdefault("required", [])
                if isinstance(listed, list) and name not in listed:
                    listed.append(name)
                self._say(f"{pointer}/required", "required: true inside a property", "moved to its object's required")
            else:
                self._say(f"{pointer}/required", "required: false inside a property", "dropped (the default)")
        elif isinstance(required, list):
            unique = list(dict.fromkeys(json_text(name) for name in required if isinstance(name, str | int | float)))
            if unique != required:
                schema["required"] = unique
                self._say(f"{pointer}/required", "entries listed twice or not names", "each name kept once")

    def _pattern(self, schema: dict[str, Any], pointer: str) -> None:
        pattern = schema.get("pattern")
        if pattern is None:
            return
        try:
            re.compile(str(pattern))
        except re.error as error:
            del schema["pattern"]
            self._say(f"{pointer}/pattern", f"a pattern Python cannot compile ({error})", "the constraint dropped")

    def _enum(self, schema: dict[str, Any], pointer: str) -> None:
        enum = schema.get("enum")
        if enum == []:  # no value is allowed: a schema no data could ever meet has no use but to fail
            del schema["enum"]
            self._say(f"{pointer}/enum", "an enum of no value", "the constraint dropped")
            return
        if not isinstance(enum, list):
            return
        unique: list[Any] = []
        for value in enum:
            if not any(same_json(value, kept) for kept in unique):
                unique.append(value)
        if len(unique) < len(enum):
            schema["enum"] = unique
            self._say(f"{pointer}/enum", "values listed twice", "each value kept once")

    def _default(self, schema: dict[str, Any], pointer: str) -> None:
        if "default" not in schema:
            return
        default = schema["default"]
        types = types_of(schema)
        if default is None and _nullable(schema):
            return
        converted = as_type(default, types) if types else default
        if any(as_type(default, (kind,)) is default for kind in types):
            converted = default  # valid as it is for one of its types (3.1's type lists)
        if converted is NO_VALUE:
            del schema["default"]
            self._say(f"{pointer}/default", f"{shown(default)} cannot be {kinds(types)}", "the default dropped")
            return
        enum = schema.get("enum")
        problem = (
            "is not one of its enum"
            if isinstance(enum, list) and converted not in enum
            else "is not its const"
            if "const" in schema and converted != schema["const"]
            else f"is not a {schema['format']}"
            if not in_format(converted, schema.get("format"))
            else None
        )
        if problem is None and not self._among_options(converted, schema):
            problem = "is not a value its options list"
        if problem is not None:
            del schema["default"]
            self._say(f"{pointer}/default", f"{shown(default)} {problem}", "the default dropped")
            return
        if converted != default or type(converted) is not type(default):
            schema["default"] = converted
            self._say(
                f"{pointer}/default", f"{shown(default)} written for {kinds(types)}", f"read as {shown(converted)}"
            )

    def _among_options(self, value: object, schema: Mapping[str, Any]) -> bool:
        """Whether ``value`` may be the default of a ``oneOf`` / ``anyOf`` / ``allOf`` whose options
        each list their values (an ``enum``, a ``const``, by reference too): one of them lists it
        (``allOf``: each); True where an option lists none (its other keywords are not judged here)."""
        for keyword, needed in (("oneOf", any), ("anyOf", any), ("allOf", all)):
            options = schema.get(keyword)
            if not isinstance(options, list) or not options:
                continue
            listed = [self._listed(option) for option in options]
            if any(values is None for values in listed):
                continue
            if not needed(value in values for values in listed if values is not None):
                return False
        return True

    def _listed(self, option: object, seen: tuple[str, ...] = ()) -> list[Any] | None:
        """The values an option lists (its ``enum``, or its ``const``), its reference followed; None:
        it lists none."""
        if not isinstance(option, dict):
            return None
        reference = option.get("$ref")
        if isinstance(reference, str) and reference.startswith("#/") and reference not in seen:
            found, target = resolve(self._document, reference)
            return self._listed(target, (*seen, reference)) if found else None
        listed = list(option["enum"]) if isinstance(option.get("enum"), list) else None
        listed = [option["const"]] if listed is None and "const" in option else listed
        # A nullable option (3.0's nullable enum) takes null beside the values it lists.
        return [*listed, None] if listed is not None and _nullable(option) else listed


def _nullable(schema: Mapping[str, Any]) -> bool:
    """Whether null is a value of ``schema`` by its type: ``type: 'null'``, a type list with it, 3.0's ``nullable``."""
    declared = schema.get("type")
    return declared == "null" or (isinstance(declared, list) and "null" in declared) or schema.get("nullable") is True


def _entries(node: object) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in list(node.items()):
            yield str(key), value


def _items(node: object) -> Iterator[tuple[int, Any]]:
    if isinstance(node, list):
        yield from enumerate(node)


def _mapping(node: object, key: str) -> Any:
    return node.get(key) if isinstance(node, dict) else None
