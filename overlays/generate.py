"""Generate a client package: spec -> openapi-python-client + overlays -> a package folder.

    python overlays/generate.py [--spec openapi.yaml] [--config generator-config.yaml] [--output generated]

Steps, each failing loudly (non-zero exit, one clear message):

1. validate the spec with openapi-spec-validator;
2. run the pinned openapi-python-client through its Python API, with the configuration, the
   template overrides of ``overlays/templates`` and every warning counted as an error (a spec
   change can never silently drop an operation or a media type). Media types the generator
   cannot read are mapped, for its parser only, to one it can (see :func:`content_type_overrides`);
   the templates still see and serve the real ones;
3. layer the generic runtime (``overlays/runtime``) into the package, then each application
   layer the configuration names under ``layers:`` (Partner Center's is ``overlays/layers/partner_center``),
   and the project files of ``overlays/project`` (LICENSE) beside it;
4. replace the output folder as a whole, so files that are no longer generated disappear.

It refuses to run with a generator or ruff other than the versions pinned in
``requirements-dev.txt``: they decide the bytes of the output, which is byte-for-byte
reproducible (what ``make check-generated`` relies on).
"""

from __future__ import annotations

import argparse
import filecmp
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import typer
import yaml
from attrs import frozen
from normalize import normalize
from openapi_python_client import Project
from openapi_python_client import schema as oai
from openapi_python_client.cli import handle_errors
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import ErrorLevel
from openapi_python_client.parser.openapi import Endpoint
from openapi_python_client.schema.untrusted_string import UntrustedString
from openapi_python_client.strings import get_content_type

OVERLAYS = Path(__file__).resolve().parent
PROJECT = OVERLAYS.parent
RUNTIME = OVERLAYS / "runtime"
PINNED_TOOLS = ("openapi-python-client", "ruff")


class GenerationError(Exception):
    """Why a package cannot be generated: printed as one ``error:`` line."""


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


# Layers --------------------------------------------------------------------------------------


@frozen
class Layer:
    """An application layer: runtime modules layered into the package, and what it exports.

    ``layer.yaml`` beside the modules lists the public names the package re-exports (by module),
    console scripts and optional dependencies; the templates render them.
    """

    path: Path
    exports: Mapping[str, tuple[str, ...]]
    scripts: Mapping[str, str]
    optional_dependencies: Mapping[str, tuple[str, ...]]

    @classmethod
    def load(cls, path: Path) -> Layer:
        manifest = path / "layer.yaml"
        if not manifest.is_file():
            raise GenerationError(f"layer {path} has no layer.yaml")
        data = yaml.safe_load(manifest.read_text()) or {}
        return cls(
            path=path,
            exports={module: tuple(names) for module, names in (data.get("exports") or {}).items()},
            scripts=dict(data.get("scripts") or {}),
            optional_dependencies={
                extra: tuple(requirements) for extra, requirements in (data.get("optional-dependencies") or {}).items()
            },
        )


@frozen
class Settings:
    """What this script reads from the configuration beside openapi-python-client's own keys
    (which it ignores): application ``layers``, ``fresh_uuid_headers``, and the package metadata
    ``authors`` and ``project_urls``. Read once per generation."""

    layers: tuple[Layer, ...]
    fresh_uuid_headers: tuple[str, ...]
    authors: tuple[Mapping[str, str], ...]
    project_urls: Mapping[str, str]

    @classmethod
    def load(cls, config_path: Path) -> Settings:
        config = yaml.safe_load(config_path.read_text()) or {}
        return cls(
            layers=tuple(Layer.load((config_path.parent / entry).resolve()) for entry in config.get("layers") or ()),
            fresh_uuid_headers=tuple(str(name) for name in config.get("fresh_uuid_headers") or ()),
            authors=tuple({key: str(value) for key, value in author.items()} for author in config.get("authors") or ()),
            project_urls={str(name): str(url) for name, url in (config.get("project_urls") or {}).items()},
        )


# Running the generator -----------------------------------------------------------------------


def pinned_versions() -> dict[str, str]:
    """The versions ``requirements-dev.txt`` pins for the tools that decide the generated bytes."""
    pins = {}
    for line in (PROJECT / "requirements-dev.txt").read_text().splitlines():
        name, separator, version = line.partition("==")
        if separator and name.strip().lower() in PINNED_TOOLS:
            pins[name.strip().lower()] = version.strip()
    return pins


def running_versions() -> dict[str, str]:
    ruff = subprocess.run([_tool("ruff"), "--version"], capture_output=True, text=True, check=True)
    return {"openapi-python-client": metadata.version("openapi-python-client"), "ruff": ruff.stdout.split()[-1]}


def _check_tools() -> None:
    pinned, running = pinned_versions(), running_versions()
    for tool in PINNED_TOOLS:
        if running[tool] != pinned.get(tool):
            raise GenerationError(
                f"{tool} {running[tool]} is running but {pinned.get(tool)} is pinned: run `make venv`"
            )


def _tool(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def _load_spec(spec: Path) -> dict[str, Any]:
    from openapi_spec_validator import validate

    try:
        document = yaml.safe_load(spec.read_text())
        validate(document)
    except Exception as error:  # the reader and the validator raise several unrelated types
        raise GenerationError(f"{spec} is not a valid OpenAPI document: {error}") from None
    if not isinstance(document, dict):
        raise GenerationError(f"{spec} is not a valid OpenAPI document")
    return normalize(document)


def _project(document: dict[str, Any], spec: Path, config_path: Path, settings: Settings, output: Path) -> Project:
    config = Config.from_sources(
        ConfigFile.load_from_path(config_path),
        MetaType.UV,
        document_source=spec,
        file_encoding="utf-8",
        overwrite=True,
        output_path=output,
    )
    config.content_type_overrides = content_type_overrides(document, config)
    try:
        openapi = GeneratorData.from_dict(document, config=config)
    except ValueError as error:  # the generator raises on some specs instead of reporting them
        raise GenerationError(f"openapi-python-client cannot read {spec}: {error}") from None
    if not isinstance(openapi, GeneratorData):
        raise GenerationError(f"openapi-python-client cannot read {spec}: {openapi.header}\n{openapi.detail or ''}")
    _free_keywords(openapi, config)
    _free_model_members(openapi, config)
    project = Project(openapi=openapi, config=config, custom_template_path=OVERLAYS / "templates")
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


def generate(spec: Path, config_path: Path, output: Path, *, report: bool = False) -> None:
    """Generate the package of ``spec`` into ``output``; ``report``: print what changed for its callers."""
    _check_tools()
    document = _load_spec(spec)
    settings = Settings.load(config_path)
    # The post-hooks must run the ruff pinned beside this interpreter, whatever PATH says.
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    with tempfile.TemporaryDirectory() as scratch:
        project_dir = Path(scratch) / "project"
        project = _project(document, spec, config_path, settings, project_dir)
        # Warnings count as errors: a spec must never lose an operation or a media type quietly.
        problems = project.build()
        if any(problem.level == ErrorLevel.ERROR for problem in problems):
            handle_errors(problems)
            raise GenerationError("openapi-python-client could not generate the package: see the messages above")
        handle_errors(problems, fail_on_warning=True)
        _layer(RUNTIME, project.package_dir)
        for layer in settings.layers:
            _layer(layer.path, project.package_dir)
        _layer(OVERLAYS / "project", project_dir)
        if report:
            _report(
                output / project.package_name, project.package_dir, changed=any(drift(output, project_dir).values())
            )
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(project_dir, output)


def _report(old: Path, new: Path, *, changed: bool) -> None:
    import api_changes

    if not old.is_dir():
        print(f"API changes for callers: a new package ({new.name})")
        return
    changes = api_changes.compare(api_changes.describe(old), api_changes.describe(new))
    print(api_changes.report(changes, bytes_changed=changed))


def _files(root: Path) -> set[Path]:
    if not root.is_dir():
        return set()
    return {path.relative_to(root) for path in root.rglob("*") if path.is_file() and "__pycache__" not in path.parts}


def drift(committed: Path, regenerated: Path) -> dict[str, list[Path]]:
    """The files that differ between two generated trees, by kind of difference."""
    old, new = _files(committed), _files(regenerated)
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


def main() -> None:
    arguments = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    arguments.add_argument("--spec", type=Path, default=PROJECT / "openapi.yaml")
    arguments.add_argument("--config", type=Path, default=PROJECT / "generator-config.yaml")
    arguments.add_argument("--output", type=Path, default=PROJECT / "generated")
    arguments.add_argument(
        "--report", action="store_true", help="print what changed in the public API, and the version bump it implies"
    )
    options = arguments.parse_args()
    try:
        generate(options.spec.resolve(), options.config.resolve(), options.output.resolve(), report=options.report)
    except GenerationError as error:
        sys.exit(f"error: {error}")
    except typer.Exit:  # handle_errors printed the generator's warnings
        sys.exit("error: openapi-python-client refused the spec (warnings count as errors): see the messages above")


if __name__ == "__main__":
    main()
