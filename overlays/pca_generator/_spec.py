"""Reading the spec: a file or a URL, validated, then said the way the generator reads it; and
what the generator parses and then drops (:class:`Wire`), which the views read."""

from __future__ import annotations

import contextlib
import importlib.util
import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
from attrs import evolve, field, frozen
from openapi_python_client import schema as oai

from ._beside import beside
from ._errors import GenerationError
from ._kinds import schema_kind
from ._pointer import unescape
from ._repair import repair
from ._resources import RUNTIME
from ._violations import violations
from ._yaml import Notice, YamlError, load, plain, positions
from .normalize import normalize

RANGES = ("*/*", "application/*")
"""Media ranges that admit a structured media type: a body documented by one with a schema of
objects or arrays is written as JSON, and an answer read by its actual Content-Type."""
SHAPED = ("model", "list", "union")
"""The kinds of value only a structured media type carries (a string or a file travels as it is)."""


def shaped(media_type: object, prop: Any) -> bool:
    """Whether ``media_type`` is a range whose value here is shaped by its schema (see ``RANGES``)."""
    return _untrusted(media_type).partition(";")[0].strip().lower() in RANGES and schema_kind(prop) in SHAPED


@frozen
class Spec:
    """An OpenAPI document as read: repaired and normalized, what was found wrong with it, and the
    line of each of its nodes in the text (so that what a later stage drops is said in place too)."""

    document: dict[str, Any]
    notices: tuple[Notice, ...]
    text: str = field(repr=False)

    def placed(self, notices: tuple[Notice, ...]) -> tuple[Notice, ...]:
        """Each notice with the line of its place (or of its nearest enclosing place) in the text;
        one the reader placed by line only (a tab, a key given twice) with the node of that line."""
        if not notices:
            return notices
        lines = positions(self.text)
        starts = sorted((line, pointer.count("/"), pointer) for pointer, line in lines.items())
        placed = []
        for notice in notices:
            if notice.line is not None:
                if notice.pointer == "#":
                    # The node that starts last at or before the line, the deepest of those on it.
                    at = bisect_right(starts, (notice.line, sys.maxsize, ""))
                    notice = evolve(notice, pointer=starts[at - 1][2]) if at else notice
                placed.append(notice)
                continue
            pointer = notice.pointer
            while pointer not in lines and "/" in pointer:
                pointer = pointer.rpartition("/")[0]
            placed.append(evolve(notice, line=lines.get(pointer)))
        return tuple(placed)


def read_spec(source: Path | str, *, strict: bool = False) -> Spec:
    """The OpenAPI document at ``source`` (a path, or an http(s) URL), repaired and normalized, and
    what was found wrong with it (each defect, where, and what was done).

    Only a document that cannot be read at all is refused; with ``strict``, any defect is.
    """
    return start_reading(source, strict=strict).finish()


BESIDE_FROM = 100_000
"""Characters of spec text from which validating in a process of its own pays (a fork costs a few
milliseconds, the validator some ten seconds a megabyte)."""


def start_reading(source: Path | str, *, strict: bool = False) -> Reading:
    """:func:`read_spec`, its document ready at once and its validation perhaps still running beside
    (see :func:`~._beside.beside`): :meth:`Reading.finish` waits for it."""
    text = _fetch(source) if isinstance(source, str) else _read(source)
    shown = shown_source(source)
    with not_too_deep(shown):
        try:
            document, notices = load(text)
        except YamlError as error:
            raise GenerationError(f"{shown} is neither YAML nor JSON ({error}): give an OpenAPI document") from None
        if not isinstance(document, dict):
            raise GenerationError(f"{shown} is not an OpenAPI document (not a mapping of keys to values)")
        _check_version(document, shown)
        notices += repair(document)
        plain(document)
        spec = Spec(document, notices, text)
        checked = beside(lambda: spec.placed(notices + violations(document)), worth_it=len(text) >= BESIDE_FROM)
        return Reading(evolve(spec, document=normalize(document), notices=()), checked, shown, strict)


@frozen
class Reading:
    """A spec read, repaired and normalized, whose validation may still be running."""

    spec: Spec
    """Its notices are still to come: :meth:`finish`."""
    notices: Callable[[], tuple[Notice, ...]]
    """What waits for every notice, each placed on its line."""
    source: str
    strict: bool

    def finish(self) -> Spec:
        """The spec with its notices; with ``strict``, refused if it has any."""
        with not_too_deep(self.source):
            notices = self.notices()
        if self.strict and notices:
            raise GenerationError(
                f"{self.source} is not a valid OpenAPI document ({len(notices)} "
                f"problem{'s' if len(notices) > 1 else ''}, --strict): fix them, or "
                "generate without --strict to have them repaired or dropped",
                causes=tuple(str(notice) for notice in notices),
            )
        return evolve(self.spec, notices=notices)


@contextlib.contextmanager
def not_too_deep(shown: str) -> Iterator[None]:
    """Python's recursion limit, met by a schema nested hundreds deep, as one error line (whichever
    stage meets it: the YAML reader, a repair, or openapi-python-client)."""
    try:
        yield
    except RecursionError:
        raise GenerationError(
            f"{shown} is nested too deep to read (a schema inside hundreds of others): flatten it with $ref"
        ) from None


def shown_source(spec: Path | str) -> str:
    """Where the spec came from, as a message may say it: a URL without its user, password, query
    or fragment (they may hold credentials)."""
    if isinstance(spec, Path):
        return str(spec)
    parts = urlsplit(spec)
    host = f"[{parts.hostname}]" if parts.hostname and ":" in parts.hostname else parts.hostname or ""
    return urlunsplit((parts.scheme, f"{host}:{parts.port}" if parts.port else host, parts.path, "", ""))


def _check_version(document: dict[str, Any], source: Path | str) -> None:
    version = document.get("openapi")
    if version is None and "swagger" in document:
        raise GenerationError(
            f"{source} is a Swagger {document['swagger']} document, not OpenAPI 3: convert it (for example "
            "with swagger2openapi, or the Swagger Editor's Edit > Convert to OpenAPI 3) and generate from that"
        )
    if version is None:
        raise GenerationError(
            f"{source} has no `openapi` field, so it is not an OpenAPI document: give an OpenAPI 3.0 or 3.1 one"
        )
    if not str(version).startswith(("3.0", "3.1")):
        raise GenerationError(f"{source} is OpenAPI {version}: this generator reads OpenAPI 3.0 and 3.1")
    document["openapi"] = str(version)  # `openapi: 3.0` is a number to YAML


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GenerationError(f"no spec file {path}: give the path of an OpenAPI document with --spec") from None
    except (OSError, UnicodeDecodeError) as error:
        raise GenerationError(f"cannot read the spec {path}: {error}") from None


def _fetch(url: str) -> str:
    shown = shown_source(url)
    if not url.startswith(("http://", "https://")):
        raise GenerationError(f"--url {shown} is not an http(s) URL: give --spec for a file")
    try:
        response = httpx.get(url, follow_redirects=True, timeout=30)
    except httpx.HTTPError as error:
        raise GenerationError(f"cannot read the spec at {shown}: {type(error).__name__}") from None
    if not response.is_success:
        raise GenerationError(
            f"cannot read the spec at {shown}: HTTP {response.status_code} {response.reason_phrase}: check the URL"
        )
    return response.text


# Media families -----------------------------------------------------------------------------


def _runtime_families() -> Any:
    """The runtime's own table of media families (one source of truth), loaded without its package."""
    location = RUNTIME / "media" / "_families.py"
    module_spec = importlib.util.spec_from_file_location("_families", location)
    assert module_spec is not None and module_spec.loader is not None
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module


_FAMILIES = _runtime_families()
_family = _FAMILIES.family
STRUCTURED: frozenset[str] = _FAMILIES.STRUCTURED_FAMILIES
"""The media families written and read by schema; every other travels as bytes or text."""


def family(media_type: object) -> str:
    """The ``media_family`` global: a media type's family, as the runtime's registry sees it."""
    return str(_family(_untrusted(media_type)))


def _untrusted(value: object) -> str:
    """Text from the spec (openapi-python-client wraps it so it cannot reach code by accident)."""
    return str(value.get_untrusted_value()) if hasattr(value, "get_untrusted_value") else str(value)


# What the templates read beyond the generator's own model ------------------------------------

_PATH_PARAMETER = re.compile(r"\{[^}]*\}")
_DEFAULT_STYLE = {"path": "simple", "query": "form", "header": "simple", "cookie": "form"}


@frozen
class Resolver:
    """Follows ``$ref`` to ``#/components/...`` until a real object (a cycle stops at its last ref).

    The views use it to read a referenced schema's ``xml`` object and ``pattern``.
    """

    document: oai.OpenAPI

    def __call__(self, node: object) -> Any:
        seen: set[str] = set()
        while isinstance(node, oai.Reference):
            reference = node.ref.get_untrusted_value()
            if reference in seen or not reference.startswith("#/components/"):
                return node
            seen.add(reference)
            _, kind, name = reference[len("#/") :].split("/", 2)
            node = (getattr(self.document.components, kind, None) or {}).get(unescape(name))
        return node


@frozen
class Wire:
    """The parts of one operation of the spec that the generator parses and then drops.

    :class:`~._views.EndpointView` reads it: the path as the spec writes it (the generator puts
    Python names in it), the raw operation (its request body with every media type's schema and
    ``xml`` objects), ``deprecated`` (openapi-python-client's issue #1412), and each parameter's
    ``style`` and ``explode`` with the spec's defaults.
    """

    path: str
    operation: oai.Operation
    resolve: Resolver
    raw_parameters: Mapping[tuple[str, str], Mapping[str, Any]]
    parameters: Mapping[tuple[str, str], oai.Parameter] = field(factory=dict)
    """The parsed parameters of the operation and its path, by location and name."""

    @property
    def deprecated(self) -> bool:
        return bool(self.operation.deprecated)

    def style(self, location: str, name: str) -> tuple[str, bool]:
        """``(style, explode)`` of a parameter: explode defaults to true only for ``form``."""
        raw = self.raw_parameters.get((location, name), {})
        style = str(raw.get("style") or _DEFAULT_STYLE[location])
        return style, bool(raw.get("explode", style == "form"))

    def parameter_schema(self, location: str, name: str) -> Any:
        """The schema of a parameter (``normalize`` gave one to a parameter given by ``content``)."""
        parameter = self.parameters.get((location, name))
        return parameter.param_schema if parameter is not None else None

    def content_type(self, location: str, name: str) -> str | None:
        """The media type of a parameter given by ``content`` (``normalize`` gave it its schema)."""
        content = self.raw_parameters.get((location, name), {}).get("content")
        return str(next(iter(content))) if isinstance(content, Mapping) and len(content) == 1 else None

    def request_media(self, media_type: object) -> Any:
        """The media type object of one request media type (its schema, a form's ``encoding``)."""
        body = self.resolve(self.operation.request_body)
        for key, content in ((body.content if body else None) or {}).items():
            if key.get_untrusted_value() == _untrusted(media_type):
                return content
        return None

    def request_schema(self, media_type: object) -> Any:
        """The raw schema of one request media type (its ``xml`` object names an XML root)."""
        media = self.request_media(media_type)
        return self.resolve(media.media_type_schema) if media is not None else None

    def response_contents(self, response: Any, own: Callable[[str], Any] | None = None) -> list[Content]:
        """Each media type of a generator ``Response``, in spec order.

        The generator parsed one schema per status, the first media type's (every media type has a
        parser, see :func:`content_type_overrides`); a media type with another schema has the
        property ``own`` gives it (see :mod:`._own_schemas`), or none.
        """
        contents = list((getattr(response.data, "content", None) or {}).items())
        parsed = contents[0][1].media_type_schema if contents else None
        described = []
        for key, media in contents:
            media_type, schema = key.get_untrusted_value(), media.media_type_schema
            prop = response.prop if schema is not None and schema == parsed else None
            if schema is not None and prop is None and own is not None:
                prop = own(media_type)
            described.append(Content(media_type, self.resolve(schema), prop, encoding=media.encoding))
        return described


@frozen
class Content:
    """One media type of a response, as the endpoint template needs it."""

    media_type: str
    schema: Any
    prop: Any
    """The generator's property of its schema (what it parses into), or None: untyped."""
    encoding: Any = None
    """A form's ``encoding`` object: how each property is written."""

    @property
    def typed(self) -> bool:
        return self.prop is not None

    @property
    def structured(self) -> bool:
        """JSON, XML or a form: read into data, by the schema, or as any value without one
        (``application/json: {}`` is JSON of any shape, not bytes)."""
        return family(self.media_type) in STRUCTURED

    @property
    def as_file(self) -> bool:
        """A raw body the spec types ``format: binary``: a ``File``, as stock gives."""
        return self.typed and not self.structured and schema_kind(self.prop) == "file"

    @property
    def ranged(self) -> bool:
        """A range (``*/*``) documented with a schema of objects or arrays: the answer is parsed by its
        actual Content-Type when that is structured, else left as bytes."""
        return self.typed and self.schema is not None and shaped(self.media_type, self.prop)

    @property
    def python_type(self) -> str:
        """What this media type parses into."""
        if self.structured:
            return str(self.prop.get_type_string().as_unembedded_code()) if self.typed else "Any"
        if self.ranged:
            return f"{self.prop.get_type_string().as_unembedded_code()} | bytes"
        if self.as_file:
            return "File"
        return "str" if family(self.media_type) == "text" else "bytes"


def _wires(document: Mapping[str, Any], resolver: Resolver) -> dict[tuple[str, str], Wire]:
    """A :class:`Wire` per operation, keyed by method and path template (parameter names blanked)."""
    parsed = resolver.document
    wires: dict[tuple[str, str], Wire] = {}
    for path, item in (document.get("paths") or {}).items():
        for method in ("get", "put", "post", "delete", "options", "head", "patch", "trace"):
            if method not in item:
                continue
            raw_parameters: dict[tuple[str, str], Mapping[str, Any]] = {}
            for raw in [*item.get("parameters", ()), *item[method].get("parameters", ())]:
                raw = _resolve_raw(document, raw)
                raw_parameters[(raw.get("in", ""), raw.get("name", ""))] = raw
            operation = getattr(parsed.paths[path], method)
            parameters: dict[tuple[str, str], oai.Parameter] = {}
            for node in [*(parsed.paths[path].parameters or ()), *(operation.parameters or ())]:
                parameter = resolver(node)
                if isinstance(parameter, oai.Parameter):  # (the operation's own override the path's)
                    parameters[(str(parameter.param_in), _untrusted(parameter.name))] = parameter
            wires[(method, _PATH_PARAMETER.sub("{}", path))] = Wire(
                path, operation, resolver, raw_parameters, parameters
            )
    return wires


def _resolve_raw(document: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    seen: set[str] = set()
    while "$ref" in node and node["$ref"] not in seen and node["$ref"].startswith("#/"):
        seen.add(node["$ref"])
        target: Any = document
        for part in node["$ref"][2:].split("/"):
            target = target.get(unescape(part), {}) if isinstance(target, Mapping) else {}
        node = target
    return node


def wire_lookup(document: Mapping[str, Any], resolver: Resolver) -> Callable[[Any], Wire]:
    """The ``wire`` global: the :class:`Wire` of a generator ``Endpoint``."""
    wires = _wires(document, resolver)

    def wire(endpoint: Any) -> Wire:
        key = (endpoint.method, _PATH_PARAMETER.sub("{}", endpoint.path.get_untrusted_value()))
        return wires[key]

    return wire
