"""Generate a client package: spec -> openapi-python-client + overlays -> a package folder.

Steps, each failing with one clear ``error:`` line:

1. read the spec (a file or a URL) and validate it with openapi-spec-validator;
2. run the pinned openapi-python-client through its Python API, with the configuration, the
   template overrides of ``templates/`` and every warning counted as an error (a spec change can
   never silently drop an operation or a media type). Media types the generator cannot read are
   mapped, for its parser only, to one it can (see :func:`content_type_overrides`); the templates
   still see and serve the real ones;
3. layer the generic runtime (``runtime/``) into the package, then each application layer the
   configuration names under ``layers:``;
4. write the result into the output folder, replacing only files an earlier run wrote there
   (see :mod:`._output`).

It refuses to run with a generator or ruff other than the versions its distribution pins: they
decide the bytes of the output, which is byte-for-byte reproducible (what ``make
check-generated`` relies on).
"""

from __future__ import annotations

import contextlib
import filecmp
import importlib.util
import io
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from attrs import frozen
from openapi_python_client import Project
from openapi_python_client import schema as oai
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import ErrorLevel, GeneratorError
from openapi_python_client.parser.openapi import Endpoint
from openapi_python_client.schema.untrusted_string import UntrustedString
from openapi_python_client.strings import get_content_type

from . import _output, _tools
from ._errors import GenerationError
from ._metadata import Metadata
from ._resources import RUNTIME, TEMPLATES
from ._settings import Settings, read_config
from ._spec import read_spec

__all__ = ["GenerationError", "drift", "generate", "schema_kind"]


# Media families -----------------------------------------------------------------------------


def _runtime_families() -> Any:
    """The runtime's own table of media families (one source of truth), loaded without its package."""
    location = RUNTIME / "media" / "_families.py"
    module_spec = importlib.util.spec_from_file_location("_families", location)
    assert module_spec is not None and module_spec.loader is not None
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module


_family = _runtime_families().family


def family(media_type: object) -> str:
    """The ``media_family`` global: a media type's family, as the runtime's registry sees it."""
    return str(_family(_untrusted(media_type)))


def _untrusted(value: object) -> str:
    """Text from the spec (openapi-python-client wraps it so it cannot reach code by accident)."""
    return str(value.get_untrusted_value()) if hasattr(value, "get_untrusted_value") else str(value)


# What the generator itself parses: anything else it drops with a warning.
_STOCK_BODIES = (
    "application/json",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "application/octet-stream",
)


def _stock_reads(media_type: str, config: Config) -> bool:
    parsed = get_content_type(media_type, config)
    if parsed is None:
        return False
    return parsed in _STOCK_BODIES or parsed.endswith("+json")


def content_type_overrides(document: Mapping[str, Any], config: Config) -> dict[str, str]:
    """Map every media type of the spec that the generator cannot parse to one it can.

    Only the generator's parser sees the mapping: it makes it read the schema instead of dropping
    the body or response. JSON and XML families and forms become ``application/json`` (a
    structured body whose schema becomes models); every other type becomes
    ``application/octet-stream`` (bytes, ``File`` or ``str``). Overrides in the configuration win.
    """
    overrides: dict[str, str] = {}
    for media_type in sorted(_media_types(document)):
        if media_type in config.content_type_overrides or _stock_reads(media_type, config):
            continue
        structured = family(media_type) in ("json", "xml", "form")
        overrides[media_type] = "application/json" if structured else "application/octet-stream"
    return {**overrides, **config.content_type_overrides}


def _media_types(node: object) -> Iterator[str]:
    """Every key of every ``content`` map in the document."""
    if isinstance(node, Mapping):
        for key, value in node.items():
            if key == "content" and isinstance(value, Mapping):
                yield from (str(media_type) for media_type in value)
            yield from _media_types(value)
    elif isinstance(node, list):
        for item in node:
            yield from _media_types(item)


# What the templates read beyond the generator's own model ------------------------------------

_PATH_PARAMETER = re.compile(r"\{[^}]*\}")
_DEFAULT_STYLE = {"path": "simple", "query": "form", "header": "simple", "cookie": "form"}


@frozen
class Resolver:
    """Follows ``$ref`` to ``#/components/...`` until a real object (a cycle stops at its last ref).

    Templates reach it as ``wire_resolve(node)``, to read a referenced schema's ``xml`` object.
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
            node = (getattr(self.document.components, kind, None) or {}).get(_unescape(name))
        return node


@frozen
class Wire:
    """The parts of one operation of the spec that the generator parses and then drops.

    Templates reach it as ``wire(endpoint)``: the path as the spec writes it (the generator puts
    Python names in it), the raw operation (its request body with every media type's schema and
    ``xml`` objects), ``deprecated`` (openapi-python-client's issue #1412), and each parameter's
    ``style`` and ``explode`` with the spec's defaults.
    """

    path: str
    operation: oai.Operation
    resolve: Resolver
    raw_parameters: Mapping[tuple[str, str], Mapping[str, Any]]

    @property
    def deprecated(self) -> bool:
        return bool(self.operation.deprecated)

    def style(self, location: str, name: str) -> tuple[str, bool]:
        """``(style, explode)`` of a parameter: explode defaults to true only for ``form``."""
        raw = self.raw_parameters.get((location, name), {})
        style = str(raw.get("style") or _DEFAULT_STYLE[location])
        return style, bool(raw.get("explode", style == "form"))

    def request_schema(self, media_type: object) -> Any:
        """The raw schema of one request media type (its ``xml`` object names an XML root)."""
        body = self.resolve(self.operation.request_body)
        for key, content in ((body.content if body else None) or {}).items():
            if key.get_untrusted_value() == _untrusted(media_type):
                return self.resolve(content.media_type_schema)
        return None

    def response_contents(self, response: Any) -> list[Content]:
        """Each media type of a generator ``Response``, in spec order.

        The generator parsed one schema per status, the first media type's (every media type has a
        parser, see :func:`content_type_overrides`): ``typed`` says whether a media type shares it.
        """
        contents = list((getattr(response.data, "content", None) or {}).items())
        parsed = contents[0][1].media_type_schema if contents else None
        return [
            Content(
                key.get_untrusted_value(),
                self.resolve(media.media_type_schema),
                typed=media.media_type_schema is not None and media.media_type_schema == parsed,
            )
            for key, media in contents
        ]

    def typed_response(self, response: Any) -> bool:
        """Whether some structured media type of the response parses into the generator's type."""
        return any(content.structured and content.typed for content in self.response_contents(response))


@frozen
class Content:
    """One media type of a response, as the endpoint template needs it."""

    media_type: str
    schema: Any
    typed: bool

    @property
    def structured(self) -> bool:
        return self.schema is not None and family(self.media_type) in ("json", "xml", "form")

    def as_file(self, prop: Any) -> bool:
        """A raw body the spec types ``format: binary``: a ``File``, as stock gives."""
        return self.typed and not self.structured and schema_kind(prop) == "file"

    def python_type(self, prop: Any) -> str:
        """What this media type parses into."""
        if self.structured:
            return str(prop.get_type_string().as_unembedded_code()) if self.typed else "Any"
        if self.as_file(prop):
            return "File"
        return "str" if family(self.media_type) == "text" else "bytes"


def _unescape(pointer_part: str) -> str:
    return pointer_part.replace("~1", "/").replace("~0", "~")


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
            wires[(method, _PATH_PARAMETER.sub("{}", path))] = Wire(path, operation, resolver, raw_parameters)
    return wires


def _resolve_raw(document: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    seen: set[str] = set()
    while "$ref" in node and node["$ref"] not in seen and node["$ref"].startswith("#/"):
        seen.add(node["$ref"])
        target: Any = document
        for part in node["$ref"][2:].split("/"):
            target = target.get(_unescape(part), {}) if isinstance(target, Mapping) else {}
        node = target
    return node


def _wire_lookup(wires: Mapping[tuple[str, str], Wire]) -> Any:
    def wire(endpoint: Endpoint) -> Wire:
        key = (endpoint.method, _PATH_PARAMETER.sub("{}", endpoint.path.get_untrusted_value()))
        return wires[key]

    return wire


# Which kind of property the generator made, told from what it documents for templates: the
# property template it renders with and, for the plain ones sharing the default template, the
# Python type. A generator upgrade that adds a kind fails generation here, loudly.
_KIND_BY_TEMPLATE = {
    "boolean_property.py.jinja": "boolean",
    "const_property.py.jinja": "const",
    "date_property.py.jinja": "date",
    "datetime_property.py.jinja": "datetime",
    "enum_property.py.jinja": "enum",
    "file_property.py.jinja": "file",
    "float_property.py.jinja": "number",
    "int_property.py.jinja": "integer",
    "list_property.py.jinja": "list",
    "literal_enum_property.py.jinja": "literal_enum",
    "model_property.py.jinja": "model",
    "union_property.py.jinja": "union",
    "uuid_property.py.jinja": "uuid",
}
_KIND_BY_TYPE = {"str": "string", "Any": "any", "None": "none"}


def schema_kind(prop: Any) -> str:
    """The ``schema_kind`` filter: the kind of a generator property, or a loud failure."""
    kind = _KIND_BY_TEMPLATE.get(prop.template)
    if kind is None and prop.template == "any_property.py.jinja":
        kind = _KIND_BY_TYPE.get(prop.get_base_type_string().as_unembedded_code())
    if kind is None:
        raise GenerationError(
            f"property {prop.name!s} is of a kind the templates do not know "
            f"(template {prop.template}, type {prop.get_base_type_string().as_unembedded_code()})"
        )
    return kind


def fail(message: str) -> None:
    """Templates call ``fail(...)`` on a spec they cannot turn into correct code."""
    raise GenerationError(message)


def _project(
    document: dict[str, Any], spec: Path | str, config_file: ConfigFile, settings: Settings, output: Path
) -> Project:
    config = Config.from_sources(
        config_file,
        MetaType.UV,
        document_source=spec,
        file_encoding="utf-8",
        overwrite=True,
        output_path=output,
    )
    config.content_type_overrides = content_type_overrides(document, config)
    config.post_hooks = _tools.with_pinned_ruff(config.post_hooks)
    try:
        openapi = GeneratorData.from_dict(document, config=config)
    except ValueError as error:  # the generator raises on some specs instead of reporting them
        raise GenerationError(f"openapi-python-client cannot read {spec}: {error}") from None
    if not isinstance(openapi, GeneratorData):
        raise GenerationError(f"openapi-python-client cannot read {spec}: {openapi.header}\n{openapi.detail or ''}")
    _free_keywords(openapi, config)
    _free_model_members(openapi, config)
    project = Project(openapi=openapi, config=config, custom_template_path=TEMPLATES)
    resolver = Resolver(oai.OpenAPI.model_validate(document))
    project.env.filters["schema_kind"] = schema_kind
    project.env.globals.update(
        wire=_wire_lookup(_wires(document, resolver)),
        wire_resolve=resolver,
        media_family=family,
        fail=fail,
        layers=settings.layers,
        fresh_uuid_headers=settings.fresh_uuid_headers,
        settings=settings,
        spec=document,
    )
    return project


KEYWORDS = ("content_type", "accept")
"""The keyword parameters this package adds to every operation that has a body or response content."""


def _free_keywords(openapi: GeneratorData, config: Config) -> None:
    """A spec parameter whose Python name is one of :data:`KEYWORDS` takes its location as a suffix.

    The same rule the generator applies to two parameters of one name (``accept_query``), through
    its public ``set_python_name``.
    """
    for collection in openapi.endpoint_collections_by_tag.values():
        for endpoint in collection.endpoints:
            for location, parameter in endpoint.iter_all_parameters():
                if parameter.python_name in KEYWORDS:
                    renamed = UntrustedString(f"{parameter.python_name}_{location}")
                    parameter.set_python_name(new_name=renamed, config=config)


MODEL_MEMBERS = ("to_dict", "from_dict", "to_multipart", "additional_properties", "additional_keys", "src_dict")
"""What every generated model defines (and from_dict's parameter): a property of one of these names would hide it."""


def _free_model_members(openapi: GeneratorData, config: Config) -> None:
    """A property named like a member of the model class takes a trailing underscore (as a
    Python keyword does), through the generator's public ``set_python_name``."""
    for model in openapi.models:
        for prop in [*(model.required_properties or ()), *(model.optional_properties or ())]:
            if prop.python_name in MODEL_MEMBERS:
                renamed = UntrustedString(f"{prop.python_name}_")
                prop.set_python_name(new_name=renamed, config=config, skip_snake_case=True)


def generate(
    spec: Path | str, config_path: Path, output: Path, *, overwrite: bool = False, report: bool = False
) -> None:
    """Generate the package of ``spec`` (a path, or the URL of a document) into the folder ``output``.

    ``overwrite``: write into a folder that is not empty, replacing only what an earlier run wrote
    there; ``report``: print what changed for the package's callers.
    """
    output = Path(output).absolute().resolve()
    _output.check_writable(output, overwrite=overwrite)
    _tools.check_tools()
    document = read_spec(spec)
    config_data = read_config(config_path)
    settings = Settings.load(config_data, config_path.parent)
    metadata = Metadata.read(config_data, config_path.parent, document)
    with tempfile.TemporaryDirectory() as scratch:
        project_dir = Path(scratch) / "project"
        project = _project(document, spec, _config_file(config_data, config_path), settings, project_dir)
        project.env.globals["metadata"] = metadata
        # Warnings count as errors: a spec must never lose an operation or a media type quietly.
        with contextlib.redirect_stdout(io.StringIO()):  # it prints the scratch folder's name
            problems = project.build()
        if problems:
            fatal = any(problem.level == ErrorLevel.ERROR for problem in problems)
            raise GenerationError(
                "openapi-python-client could not generate the package"
                if fatal
                else "openapi-python-client would drop part of the spec (warnings count as errors): "
                "fix the spec where the causes below say",
                causes=tuple(_cause(problem) for problem in problems),
            )
        _layer(RUNTIME, project.package_dir)
        for layer in settings.layers:
            _layer(layer.path, project.package_dir)
        if metadata.license_file is not None:
            shutil.copyfile(metadata.license_file, project_dir / metadata.license_file.name)
        if report:
            _report(
                output / project.package_name, project.package_dir, changed=any(drift(output, project_dir).values())
            )
        protected = [config_path] if isinstance(spec, str) else [spec, config_path]
        _output.install(project_dir, output, protected=protected)
    print(f"Generated {project.project_name} ({project.package_name}) into {output}")


def _config_file(data: Mapping[str, Any], path: Path) -> ConfigFile:
    """openapi-python-client's view of the configuration (it ignores the keys it does not know)."""
    try:
        return ConfigFile(**data)
    except ValueError as error:  # pydantic's ValidationError: one line per key, the first is enough
        errors: list[dict[str, Any]] = getattr(error, "errors", list)()
        where = ".".join(str(part) for part in errors[0]["loc"]) if errors else "?"
        message = errors[0]["msg"] if errors else str(error)
        raise GenerationError(f"configuration file {path}: {where}: {message}: fix that key") from None


def _cause(problem: GeneratorError) -> str:
    """One of openapi-python-client's problems, as one line."""
    detail = " ".join((problem.detail or "").split())
    return f"{problem.header}: {detail}" if detail else str(problem.header)


def _report(old: Path, new: Path, *, changed: bool) -> None:
    from . import api_changes

    if not old.is_dir():
        print(f"API changes for callers: a new package ({new.name})")
        return
    changes = api_changes.compare(api_changes.describe(old), api_changes.describe(new))
    print(api_changes.report(changes, bytes_changed=changed))


def drift(committed: Path, regenerated: Path) -> dict[str, list[Path]]:
    """The files that differ between two generated trees, by kind of difference."""
    old, new = _output.files(committed), _output.files(regenerated)
    changed = [
        path for path in sorted(old & new) if not filecmp.cmp(committed / path, regenerated / path, shallow=False)
    ]
    return {"added": sorted(new - old), "removed": sorted(old - new), "changed": changed}


def _layer(source_dir: Path, target_dir: Path) -> None:
    for source in sorted(source_dir.rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts and source.name != "layer.yaml":
            target = target_dir / source.relative_to(source_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
