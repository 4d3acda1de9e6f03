"""Call every operation of a generated package over loopback, in every documented media-type pair.

For each operation (its module's ``OPERATION``: parameters, request contents, documented
responses), every documented request media type is combined with every documented status and
response media type; each combination is one call of the generated ``sync_detailed`` against a
:class:`~wire.WireServer` scripted with an answer made from the response's schema. Then:

- the wire: method, path with its parameters, query, headers, cookies, Content-Type and Accept,
  and the body read by a parser this package does not own (``json``, ``urllib.parse``, ``lxml``)
  equal what the arguments say;
- the result: the parsed value's ``to_dict`` equals the answer (bytes and text as sent; no value
  for a status without content).

Values are made here, deterministically, from what the package declares: parameters from the
function's annotations, bodies from the ``__openapi__`` description of their schema, in the shape
the media type carries. Each failing call is collected (operation, media pair, error) rather than
raised, so that one run lists them all.
"""

from __future__ import annotations

import ast
import base64
import datetime
import enum
import importlib
import inspect
import io
import json
import pkgutil
import re
import textwrap
import types
import typing
import uuid
import warnings
from collections.abc import Iterator, Mapping
from functools import cache
from http.cookies import SimpleCookie
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode

from attrs import frozen
from hypothesis import Phase, find, settings
from hypothesis import strategies as st
from lxml import etree

from wire import WireServer

WHEN = datetime.datetime(2024, 5, 1, 10, 20, 30, tzinfo=datetime.UTC)
DAY = datetime.date(2024, 5, 1)
IDENTIFIER = uuid.UUID(int=0x1234)
RAW = b"\x00raw bytes\xff"
TEXT = "line one\nline two"
FORMATS = {
    "date-time": WHEN.isoformat(),
    "date": DAY.isoformat(),
    "uuid": str(IDENTIFIER),
    "email": "ada@example.com",
    "uri": "https://example.com/a",
    "url": "https://example.com/a",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
}
DEPTH = 3
"""How deep optional properties are filled: recursive schemas end there."""


@frozen
class Failure:
    operation: str
    pair: str
    error: str

    def __str__(self) -> str:
        return f"{self.operation} [{self.pair}]: {self.error}"


# Values from a schema description (the runtime's ``_schema`` classes, by name: each package has its own).


@cache
def _matching(pattern: str) -> str:
    """A text matching ``pattern``: hypothesis' first, derandomized (the same text every run), unshrunk (fast)."""
    once = settings(database=None, derandomize=True, phases=[Phase.generate], max_examples=10)
    return str(find(st.from_regex(pattern, fullmatch=True), lambda _: True, settings=once))


def _string(schema: Any, converted: str | None) -> str:
    if schema.pattern:
        return _matching(schema.pattern)
    text = FORMATS.get(converted or schema.format, "text 1")
    if schema.min_length is not None and len(text) < schema.min_length:
        text = text.ljust(schema.min_length, "x")
    if schema.max_length is not None:
        text = text[: schema.max_length]
    return text


def _number(schema: Any) -> int | float:
    low = schema.minimum if schema.minimum is not None else schema.exclusive_minimum
    high = schema.maximum if schema.maximum is not None else schema.exclusive_maximum
    step = schema.multiple_of
    candidates: list[int | float] = [7, 1, 0, 100]
    if low is not None:
        candidates = [low, low + (step or 1), *candidates]
    if high is not None:
        candidates = [*candidates, high, high - (step or 1)]
    if schema.type == "number" and step is None:
        candidates = [7.5, *candidates]
    for candidate in candidates:
        value = int(candidate) if schema.type == "integer" else candidate
        if step is not None:
            value = type(value)(round(value / step) * step)
        if schema.accepts(value):
            return value
    raise ValueError(f"no number found within the bounds of {schema!r}")


CONVERTED = {"datetime.datetime": "date-time", "datetime.date": "date", "UUID": "uuid"}


def _converted(annotation: Any) -> str | None:
    """The string format a model's attribute is converted from (``from_dict`` makes a date of it),
    which its schema description leaves out: it is no constraint. Read from the annotation's text:
    a model's annotations name classes imported only for type checkers."""
    text = annotation if isinstance(annotation, str) else str(annotation)
    return next((converted for name, converted in CONVERTED.items() if re.search(rf"\b{name}\b", text)), None)


def value(schema: Any, shape: str, depth: int = 0, converted: str | None = None) -> Any:
    """A JSON-shaped value of ``schema`` that ``shape`` ("json", "xml", "form") carries."""
    kind = type(schema).__name__
    if kind == "Scalar":
        if schema.enum:
            return schema.enum[0]
        if schema.type == "string":
            return _string(schema, converted)
        if schema.type == "boolean":
            return True
        return _number(schema)
    if kind == "Null":
        return None
    if kind == "AnyValue":
        return {"any": ["value", 1]} if shape == "json" else "any value"
    if kind == "Binary":  # as JSON, XML and forms carry bytes: base64 text
        return base64.b64encode(RAW).decode("ascii")
    if kind == "ArrayOf":
        count = max(schema.min_items or 0, 1)
        if schema.unique_items and count > 1:
            raise ValueError("unique items: more than one needed")
        return [value(schema.items, shape, depth + 1, converted) for _ in range(count)]
    if kind == "OneOf":
        options = [option for option in schema.options if type(option).__name__ != "Null"]
        return value((options or schema.options)[0], shape, depth, converted)
    if kind == "ModelRef":
        return obj(schema.schema, shape, depth, schema.model)
    if kind == "ModelSchema":
        return obj(schema, shape, depth)
    raise TypeError(f"no value for {schema!r}")


def _carried(schema: Any, shape: str) -> bool:
    """Whether an optional property of this schema is filled in: XML and forms carry text, not everything."""
    kind = type(schema).__name__
    if shape == "json":
        return kind != "Null"
    if kind in ("Scalar", "Binary"):
        return True
    if kind == "ArrayOf":
        return type(schema.items).__name__ == "Scalar" or (shape == "xml" and _carried(schema.items, shape))
    if kind in ("ModelRef", "ModelSchema"):
        return shape == "xml"
    return False


def obj(schema: Any, shape: str, depth: int = 0, model: Any = None) -> dict[str, Any]:
    hints = inspect.get_annotations(model) if model is not None else {}
    data = {}
    for prop in schema.properties:
        if prop.required or (depth < DEPTH and _carried(prop.schema, shape)):
            data[prop.name] = value(prop.schema, shape, depth + 1, _converted(hints.get(prop.attribute)))
    return data


# Parameters, by the generated function's annotations.


def _options(annotation: Any) -> list[Any]:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return [option for option in typing.get_args(annotation) if option is not type(None)]
    return [annotation]


def argument(annotation: Any, package: Any, schema: Any = None) -> tuple[Any, Any]:
    """A Python argument of ``annotation`` and its JSON-shaped value (what travels); a text within
    the constraints of the parameter's ``schema`` description, if it has one."""
    options = [option for option in _options(annotation) if getattr(option, "__name__", "") != "Unset"]
    chosen: Any = options[0]
    origin = typing.get_origin(chosen)
    if origin is typing.Literal:
        literal = typing.get_args(chosen)[0]
        return literal, literal
    if origin is list:
        item, sent = argument(typing.get_args(chosen)[0], package)
        return [item, item], [sent, sent]
    if origin is dict or chosen is dict:
        return {"k": "v"}, {"k": "v"}
    if isinstance(chosen, type):
        if issubclass(chosen, enum.Enum):
            member = next(iter(chosen))
            return member, member.value
        if hasattr(chosen, "__openapi__"):
            model: Any = chosen
            data = obj(model.__openapi__, "json", model=model)
            return model.from_dict(data), data
        if issubclass(chosen, bool):
            return True, True
        if issubclass(chosen, int):
            return 7, 7
        if issubclass(chosen, float):
            return 2.5, 2.5
        if issubclass(chosen, datetime.datetime):
            return WHEN, WHEN.isoformat()
        if issubclass(chosen, datetime.date):
            return DAY, DAY.isoformat()
        if issubclass(chosen, uuid.UUID):
            return IDENTIFIER, str(IDENTIFIER)
        if issubclass(chosen, str):
            text = _parameter_text(schema)
            return text, text
    if chosen is Any:
        return "a b", "a b"
    raise TypeError(f"no argument for {annotation!r}")


def _parameter_text(schema: Any) -> str:
    """A text for a parameter of ``schema``: within its constraints (its own, or its text option's)."""
    options = getattr(schema, "options", None) or (schema,)
    scalar = next((option for option in options if getattr(option, "type", None) == "string"), None)
    constrained = scalar is not None and scalar.enum is None and (scalar.pattern is not None or scalar.bounded)
    return _string(scalar, None) if constrained else "a b"


def wire_names(module: Any) -> dict[str, str]:
    """Which Python argument each parameter (by its wire name) of ``_get_kwargs`` is made from."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(module._get_kwargs)))
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    arguments = {a.arg for a in [*function.args.args, *function.args.kwonlyargs]}
    made_of: dict[str, set[str]] = {}

    def flows(targets: list[ast.expr], sources: list[ast.expr]) -> None:
        names = {n.id for source in sources for n in ast.walk(source) if isinstance(n, ast.Name)}
        for target in targets:
            for name in ast.walk(target):
                if isinstance(name, ast.Name):
                    made_of.setdefault(name.id, set()).update(names)

    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            flows(node.targets, [node.value])
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            flows([node.target], [node.value])
        elif isinstance(node, ast.For):  # an item of a list: made of the list
            flows([node.target], [node.iter])
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):  # json_x.append(item)
            flows([node.func.value], node.args)

    def sources(name: str, seen: frozenset[str] = frozenset()) -> set[str]:
        if name in arguments:
            return {name}
        return {found for inner in made_of.get(name, set()) - seen for found in sources(inner, seen | {name})}

    found = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Dict):
            for key, item in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    names = {n.id for n in ast.walk(item) if isinstance(n, ast.Name)}
                    python = {source for name in names for source in sources(name)}
                    if len(python) == 1:
                        found[key.value] = python.pop()
    return found


def _text(item: Any) -> str:
    if isinstance(item, bool):
        return "true" if item else "false"
    if item is None:
        return ""
    return str(item)


def _content_text(parameter: Any, sent: Any) -> Any:
    if parameter.media_type is not None and parameter.media_type.split(";")[0].strip().endswith("json"):
        return json.dumps(sent, separators=(",", ":"))
    return sent


def _simple(parameter: Any, sent: Any) -> str:
    if isinstance(sent, list):
        return ",".join(_text(item) for item in sent)
    if isinstance(sent, dict):
        join = "=" if parameter.explode else ","
        return ",".join(f"{key}{join}{_text(item)}" for key, item in sent.items())
    return _text(sent)


def expected_query(parameter: Any, sent: Any) -> dict[str, list[str]]:
    sent = _content_text(parameter, sent)
    name = parameter.name
    if isinstance(sent, dict):
        if parameter.style == "deepObject":
            return {f"{name}[{key}]": [_text(item)] for key, item in sent.items()}
        if parameter.explode:
            return {key: [_text(item)] for key, item in sent.items()}
        return {name: [",".join(f"{key},{_text(item)}" for key, item in sent.items())]}
    if isinstance(sent, list):
        if parameter.explode and parameter.style == "form":
            return {name: [_text(item) for item in sent]}
        separator = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(parameter.style, ",")
        return {name: [separator.join(_text(item) for item in sent)]}
    return {name: [_text(sent)]}


def expected_segment(parameter: Any, sent: Any) -> str:
    sent = _content_text(parameter, sent)
    if parameter.style == "label":
        return "." + _simple(parameter, sent).replace(",", "." if parameter.explode else ",")
    if parameter.style == "matrix":
        if isinstance(sent, list) and parameter.explode:
            return "".join(f";{parameter.name}={_text(item)}" for item in sent)
        return f";{parameter.name}={_simple(parameter, sent)}"
    return _simple(parameter, sent)


# Bodies: what each media family puts on the wire, read independently.


def family(media_type: str) -> str:
    essence = media_type.split(";")[0].strip().lower()
    if essence.endswith(("/json", "+json")) or essence == "*/*":
        return "json"
    if essence.endswith(("/xml", "+xml")):
        return "xml"
    if essence == "application/x-www-form-urlencoded":
        return "form"
    if essence.startswith("multipart/"):
        return "multipart"
    return "text" if essence.startswith("text/") else "raw"


def expected_form(data: Mapping[str, Any]) -> dict[str, list[str]]:
    """OpenAPI's default form encoding: scalars as text, arrays exploded, objects as JSON text."""
    form: dict[str, list[str]] = {}
    for name, item in data.items():
        items = item if isinstance(item, list) else [item]
        form[name] = [
            json.dumps(one, separators=(",", ":"))
            if isinstance(one, dict | list)
            else one.decode("latin-1")
            if isinstance(one, bytes)
            else _text(one)
            for one in items
        ]
    return form


def _plain(result: Any) -> Any:
    """A parsed value as JSON-shaped data."""
    if hasattr(result, "to_dict"):
        return _plain(result.to_dict())
    if isinstance(result, list):
        return [_plain(item) for item in result]
    if isinstance(result, dict):
        return {key: _plain(item) for key, item in result.items()}
    if isinstance(result, tuple) and len(result) == 3:  # a File's tuple (name, payload, type)
        payload = result[1]
        return payload.getvalue() if hasattr(payload, "getvalue") else payload
    if isinstance(result, enum.Enum):
        return result.value
    if isinstance(result, datetime.datetime | datetime.date):
        return result.isoformat()
    return result


def _comparable(data: Any) -> Any:
    """JSON data as a JSON parser gives it back (bytes are no JSON value: as text)."""
    return json.loads(json.dumps(data, default=lambda raw: raw.decode("latin-1")))


@frozen
class Pair:
    request: Any  # RequestContent | None
    status: str
    response: Any  # ResponseContent | None

    def __str__(self) -> str:
        sent = self.request.media_type if self.request is not None else "no body"
        answered = self.response.media_type if self.response is not None else "no content"
        return f"{sent} -> {self.status} {answered}"


def pairs(operation: Any) -> Iterator[Pair]:
    """Every documented request media type (or none) with every documented status and response
    media type (or none). Not 1XX: an interim answer (101 switches to another protocol) ends no exchange."""
    requests = operation.request_contents or (None,)
    # An operation whose every response openapi-python-client dropped (a warning) documents none:
    # called once all the same, answered 200.
    responses = operation.responses or (SimpleNamespace(status="200", contents=()),)
    for request in requests:
        for documented in responses:
            if documented.status.startswith("1"):
                continue
            for response in documented.contents or (None,):
                yield Pair(request, documented.status, response)


def status_code(status: str, operation: Any) -> int:
    if status.isdigit():
        return int(status)
    exact = {int(documented.status) for documented in operation.responses if documented.status.isdigit()}
    first = {"DEFAULT": 200}.get(status.upper(), int(status[0]) * 100 if status[0].isdigit() else 200)
    candidates = range(first, first + 100) if status.upper() != "DEFAULT" else (*range(200, 300), 599)
    return next(code for code in candidates if code not in exact)


def concrete(media_type: str, has_schema: bool) -> str:
    if "*" not in media_type:
        return media_type
    kind = media_type.split("/")[0]
    if kind == "*":
        return "application/json" if has_schema else "application/octet-stream"
    return {"text": "text/plain", "image": "image/png", "application": "application/octet-stream"}.get(
        kind, f"{kind}/x-any"
    )


def modules(package: str) -> tuple[dict[str, Any], dict[str, str]]:
    """Every operation module of ``package`` by its dotted path under ``api``, and the error of
    each that does not import (one module's error does not hide the others)."""
    api = importlib.import_module(f"{package}.api")
    found, unimported = {}, {}
    for info in pkgutil.walk_packages(api.__path__, f"{api.__name__}."):
        name = info.name.removeprefix(f"{package}.api.")
        try:
            module = importlib.import_module(info.name)
        except ImportError as error:
            unimported[name] = f"{type(error).__name__}: {error}"
            continue
        if hasattr(module, "OPERATION"):
            found[name] = module
    return found, unimported


class Caller:
    """Calls the operations of one generated package against ``wire``."""

    def __init__(self, package_name: str, wire: WireServer) -> None:
        self.package = importlib.import_module(package_name)
        self.media = importlib.import_module(f"{package_name}.media")
        self.file = importlib.import_module(f"{package_name}.types").File
        self.wire = wire
        self.modules, self.unimported = modules(package_name)
        client_class = getattr(self.package, "AuthenticatedClient", None) or self.package.Client
        arguments = {"base_url": wire.base_url}
        if client_class.__name__ == "AuthenticatedClient":
            arguments["token"] = "corpus-token"
        self.client = client_class(**arguments)

    def run(self) -> tuple[int, list[Failure]]:
        failures = [Failure(name, "import", error) for name, error in self.unimported.items()]
        calls = 0
        with self.client, warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # deprecated operations are called too
            for name, module in sorted(self.modules.items()):
                for pair in pairs(module.OPERATION):
                    calls += 1
                    try:
                        self.call(module, pair)
                    except Exception as error:  # every failure is collected and listed
                        failures.append(Failure(name, str(pair), f"{type(error).__name__}: {error}"[:600]))
                    finally:
                        self.wire.unscript()
        return calls, failures

    # One call.

    def call(self, module: Any, pair: Pair) -> None:
        operation = module.OPERATION
        function = module.sync_detailed
        hints, signature, by_python = _described(module)
        parameters = {(p.location, p.name): p for p in operation.parameters}
        kwargs: dict[str, Any] = {"client": self.client}
        sent: dict[tuple[str, str], Any] = {}
        for python in signature.parameters:
            if python in ("client", "body", "content_type", "accept", "strict", "max_response_size"):
                continue
            wire_name = by_python.get(python)
            found = [key for key in parameters if key[1] == wire_name]
            if not found:
                raise AssertionError(f"argument {python} is no parameter of the operation")
            argument_value, json_value = argument(hints[python], self.package, parameters[found[0]].schema)
            kwargs[python] = argument_value
            sent[found[0]] = json_value
        body_expected: Any = None
        if pair.request is not None:
            body, body_expected = self.body(pair.request, hints.get("body"))
            kwargs["body"] = body
            if "content_type" in signature.parameters:
                kwargs["content_type"] = pair.request.media_type
        code = status_code(pair.status, operation)
        answer_data: Any = None
        if pair.response is not None:
            kwargs["accept"] = pair.response.media_type
            content_type, payload, answer_data = self.answer(pair.response)
            self.wire.answer(code, content_type, payload)
        else:
            self.wire.answer(code)
        before = len(self.wire.seen)
        response = function(**kwargs)
        assert len(self.wire.seen) == before + 1, "not exactly one request sent"
        seen = self.wire.last
        self.check_request(operation, seen, parameters, sent, pair, body_expected)
        assert int(response.status_code) == code, f"status {response.status_code}, answered {code}"
        if pair.response is None or (code in (204, 205, 304)):
            assert response.parsed is None, f"parsed {response.parsed!r} from no content"
        else:
            self.check_result(pair.response, response.parsed, answer_data)

    def body(self, content: Any, annotation: Any) -> tuple[Any, Any]:
        """The body argument for ``content``, and what the server must receive (data or bytes)."""
        kind = family(content.media_type)
        document = content.document
        if kind == "multipart":
            model: Any = next(
                option
                for option in _options(annotation)
                if isinstance(option, type) and hasattr(option, "to_multipart")
            )
            data = obj(model.__openapi__, "form", model=model)
            return model.from_dict(data), data
        if document is None:
            names = {getattr(option, "__name__", "") for option in _options(annotation)}
            if "File" in names:
                return self.package.types.File(payload=io.BytesIO(RAW), file_name="a.bin"), RAW
            if "bytes" in names:
                return RAW, RAW
            return TEXT, TEXT.encode()
        shape = kind if kind in ("json", "xml", "form") else "json"
        data = value(document.schema, shape)
        return self.argument_of(document.schema, data), data

    def argument_of(self, schema: Any, data: Any) -> Any:
        """The Python value of ``data`` (made by :func:`value` for ``schema``): models for objects."""
        kind = type(schema).__name__
        if kind == "ModelRef":
            return schema.model.from_dict(data)
        if kind == "ArrayOf":
            return [self.argument_of(schema.items, item) for item in data]
        if kind == "OneOf":
            options = [option for option in schema.options if type(option).__name__ != "Null"]
            return self.argument_of((options or schema.options)[0], data)
        return data

    def answer(self, content: Any) -> tuple[str, bytes, Any]:
        """The Content-Type, bytes and data of a scripted answer for ``content``."""
        media_type = concrete(content.media_type, content.document is not None)
        kind = family(media_type)
        if content.document is None or kind not in ("json", "xml", "form"):
            if kind == "text":
                return media_type, TEXT.encode(), TEXT
            return media_type, RAW, RAW
        data = value(content.document.schema, kind)
        if kind == "json":
            return media_type, json.dumps(data).encode(), data
        if kind == "form":
            return media_type, urlencode(expected_form(data), doseq=True).encode(), data
        # XML the package writes itself (the request's check reads it independently).
        return media_type, self.media.encode(data, content.document, media_type), data

    # Checks.

    def check_request(
        self,
        operation: Any,
        seen: Any,
        parameters: Mapping[tuple[str, str], Any],
        sent: Mapping[tuple[str, str], Any],
        pair: Pair,
        body_expected: Any,
    ) -> None:
        assert seen.method == operation.method.upper(), f"method {seen.method}"
        # (a ``#fragment`` tells apart two operations of one path and method: no URL sends it)
        template = re.escape(operation.path.partition("#")[0])
        segments: list[str] = []
        for match in re.finditer(r"\\\{([^}]+)\\\}", template):
            segments.append(match.group(1).replace("\\", ""))
        pattern = re.sub(r"\\\{[^}]+\\\}", "([^/]*)", template)
        found = re.fullmatch(pattern, seen.path)
        assert found is not None, f"path {seen.path} is not {operation.path}"
        for name, segment in zip(segments, found.groups(), strict=True):
            parameter = parameters[("path", name)]
            expected = expected_segment(parameter, sent[("path", name)])
            assert unquote(segment) == expected, f"path parameter {name}: {unquote(segment)!r}, not {expected!r}"
        query: dict[str, list[str]] = {}
        for (location, _), parameter in parameters.items():
            if location == "query" and (location, parameter.name) in sent:
                query.update(expected_query(parameter, sent[(location, parameter.name)]))
        received = parse_qs(seen.query, keep_blank_values=True)
        assert received == query, f"query {received}, not {query}"
        for (location, name), json_value in sent.items():
            parameter = parameters[(location, name)]
            if location == "header":
                got = seen.headers.get(name.lower())
                assert got == _simple(parameter, _content_text(parameter, json_value)), f"header {name}: {got!r}"
            elif location == "cookie":
                cookie = SimpleCookie(seen.headers.get("cookie", ""))
                assert name in cookie, f"no cookie {name}"
        if pair.response is not None:
            assert seen.headers.get("accept") == pair.response.media_type, f"Accept {seen.headers.get('accept')!r}"
        if pair.request is None:
            assert seen.body == b"", "a body sent where none is documented"
            return
        self.check_body(pair.request, seen, body_expected)

    def check_body(self, content: Any, seen: Any, expected: Any) -> None:
        media_type = content.media_type
        received_type = seen.headers.get("content-type", "")
        kind = family(media_type)
        if kind != "multipart":
            wanted = concrete(media_type, content.document is not None)
            if "*" in media_type and content.document is None:
                wanted = "application/octet-stream" if isinstance(expected, bytes) and expected == RAW else wanted
            assert received_type.split(";")[0] == wanted.split(";")[0], f"Content-Type {received_type!r}"
        if isinstance(expected, bytes):
            assert seen.body == expected, f"body {seen.body[:80]!r}"
        elif kind == "json":
            assert seen.json() == _comparable(expected), f"JSON body {seen.body[:300]!r}"
        elif kind == "form":
            assert seen.form() == expected_form(expected), f"form body {seen.body[:300]!r}"
        elif kind == "xml":
            root = etree.fromstring(seen.body)
            element, exact = content.document.root()
            if exact:
                assert etree.QName(root).localname == element.name, (
                    f"root <{etree.QName(root).localname}>, not <{element.name}>"
                )
            read = self.media.decode(seen.body, content.document, received_type)
            assert read == expected, f"XML body {seen.body[:300]!r} reads as {read!r}"
        elif kind == "multipart":
            parts = seen.multipart()
            assert set(parts) == set(expected), f"multipart fields {sorted(parts)}, not {sorted(expected)}"

    def check_result(self, content: Any, parsed: Any, answer: Any) -> None:
        if isinstance(parsed, self.file):  # what was sent, as bytes
            payload = parsed.payload.read()
            assert payload == (answer.encode() if isinstance(answer, str) else answer), f"parsed {payload!r:.200}"
        elif isinstance(answer, bytes | str) and content.document is None:
            assert parsed == answer, f"parsed {parsed!r:.200}"
        else:
            assert _comparable(_plain(parsed)) == _comparable(answer), (
                f"parsed {_plain(parsed)!r:.300}, answered {answer!r:.300}"
            )


@cache
def _described(module: Any) -> tuple[dict[str, Any], inspect.Signature, dict[str, str]]:
    """The generated function's annotations and signature, and the wire name of each parameter argument."""
    function = module.sync_detailed
    by_python = {python: wire for wire, python in wire_names(module).items()}
    return typing.get_type_hints(function), inspect.signature(function), by_python


def call_every_operation(package: str, wire: WireServer) -> tuple[int, list[Failure]]:
    """Call every operation of ``package`` in every media-type pair; the number of calls and the failures."""
    return Caller(package, wire).run()
