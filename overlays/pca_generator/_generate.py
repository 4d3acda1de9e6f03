"""Generate a client package: spec -> openapi-python-client + overlays -> a package folder.

Steps, each failing with one clear ``error:`` line:

1. read the spec (a file or a URL, YAML 1.2 or JSON), repair what has one meaning and drop what
   has none, each defect a ``warning:`` line naming its place (``--strict`` refuses instead), and
   report what openapi-spec-validator still finds;
2. run the pinned openapi-python-client through its Python API, with the configuration and the
   template overrides of ``templates/``; what it drops with a warning is said as a ``warning:``
   line (``--strict``, or ``strict: true``, makes it an error: a spec change can then never drop
   an operation or a media type). What it drops for a class name or a parameter is kept instead:
   the spec is parsed a second time, from a copy that tells them apart (:mod:`._class_names`,
   :mod:`._parameters`). Media types the generator cannot read are
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
import io
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError, Undefined
from jinja2.environment import TemplateModule
from jinja2.utils import missing
from openapi_python_client import Project
from openapi_python_client import schema as oai
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import ErrorLevel, GeneratorError
from openapi_python_client.parser.openapi import Endpoint
from openapi_python_client.parser.properties import ModelProperty
from openapi_python_client.schema.untrusted_string import UntrustedString
from openapi_python_client.strings import get_content_type

from . import _output, _tools
from ._class_names import Renamed, options_apart
from ._dangling import check_names, without_removed
from ._drift import drift
from ._dropped import dropped, said
from ._errors import GenerationError
from ._kinds import schema_kind
from ._metadata import Metadata
from ._open_enums import open_enums
from ._own_schemas import OwnSchemas
from ._parameters import Aliases, free_name, pushed_down, refused
from ._parsed import Parsed
from ._resources import RUNTIME, TEMPLATES
from ._schemas import Describer
from ._settings import Settings, read_config, unknown_keys
from ._shared_models import models_shared
from ._spec import (
    RANGES,
    STRUCTURED,
    Resolver,
    Spec,
    family,
    not_too_deep,
    shown_source,
    start_reading,
    wire_lookup,
)
from ._union_models import hoisted
from ._views import KEYWORDS, EndpointView, ModelView
from ._yaml import Notice

__all__ = ["GenerationError", "drift", "generate", "schema_kind"]


# What the generator itself parses: anything else it drops with a warning (forms it parses in
# request bodies only: they are mapped like JSON, for responses too).
_STOCK_BODIES = (
    "application/json",
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
    structured body whose schema becomes models), and so do the ranges that admit them (``*/*``,
    ``application/*``: the views decide by the schema what travels); every other type becomes
    ``application/octet-stream`` (bytes, ``File`` or ``str``). Overrides in the configuration win.
    """
    overrides: dict[str, str] = {}
    for media_type in sorted(_media_types(document)):
        if media_type in config.content_type_overrides or _stock_reads(media_type, config):
            continue
        structured = family(media_type) in STRUCTURED or media_type.partition(";")[0].strip().lower() in RANGES
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


def _project(
    document: dict[str, Any], spec: Path | str, config_file: ConfigFile, settings: Settings, output: Path
) -> tuple[Project, tuple[Notice, ...]]:
    """The generator's project of ``document``, and what was done to keep what its parser drops."""
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
    openapi, own, notices = _parsed_whole(document, config, spec)
    _free_keywords(openapi, config)
    _free_model_members(openapi, config)
    open_enums(openapi)
    project = Project(openapi=openapi, config=config, custom_template_path=TEMPLATES)
    project.env.undefined = _undefined  # type: ignore[assignment]
    # The templates do not change while a run prints: each is loaded once, not checked on disk at
    # every use (a model's property templates are imported once per property: 120,000 stat calls
    # for a spec of 1,800 models).
    project.env.auto_reload = False
    resolver = Resolver(oai.OpenAPI.model_validate(document))
    wire = wire_lookup(document, resolver)

    describe = Describer(resolver)
    describe.free_one_way(openapi.models)

    def endpoint_view(endpoint: Endpoint) -> EndpointView:
        return EndpointView.of(
            endpoint,
            wire(endpoint),
            describe.document,
            settings.fresh_uuid_headers,
            schema=describe.schema,
            own=partial(own.of, endpoint),
        )

    def model_view(model: ModelProperty) -> ModelView:
        return ModelView.of(model, describe)

    modules: dict[str, TemplateModule] = {}

    def property_template(prop: Any) -> TemplateModule:
        # What `{% import "property_templates/" + prop.template %}` gives (every template sees the
        # same globals: the module made once), without comparing the globals at each import: a
        # property's template is imported in several macros, 40,000 times for a spec of 1,800 models.
        if (module := modules.get(prop.template)) is None:
            module = modules[prop.template] = project.env.get_template(f"property_templates/{prop.template}").module
        return module

    project.env.globals.update(
        property_template=property_template,
        endpoint_view=endpoint_view,
        model_view=model_view,
        discriminator_of=describe.discriminator_of,
        strict_fit=describe.strict_fit,
        layers=settings.layers,
        settings=settings,
    )
    return project, notices


def _parsed_whole(
    document: dict[str, Any], config: Config, spec: Path | str
) -> tuple[Parsed, OwnSchemas, tuple[Notice, ...]]:
    """The generator's reading of ``document``, with what its parser drops for a class name or a
    parameter kept (see :mod:`._class_names` and :mod:`._parameters`), and what that took. The
    parser reads the inline models of the components' unions as components (:mod:`._union_models`);
    a response media type with a schema of its own is typed by it (:mod:`._own_schemas`)."""
    document, apart = options_apart(document, config)
    parsed = hoisted(document, config)
    document = parsed.document
    openapi = _parsed(document, config, spec)
    renamed = Renamed(document, config, parsed.origins)
    operations = refused(openapi)
    if not renamed.find(openapi) and not operations:
        openapi, document, left_out = _without_removed(openapi, document, config, spec, parsed.origins)
        return openapi, OwnSchemas.parse(openapi, config), (*apart, *left_out)  # most specs: read once
    del openapi  # the second reading replaces the first: never both held at once (the peak memory)
    aliases = Aliases.of(renamed.document(document), operations, config)
    openapi = _parsed(aliases.document, config, spec)
    openapi, document, left_out = _without_removed(openapi, aliases.document, config, spec, parsed.origins)
    own = OwnSchemas.parse(openapi, config)
    return openapi, own, (*apart, *renamed.notices, *aliases.restore(openapi, config), *left_out)


def _without_removed(
    openapi: Parsed, document: dict[str, Any], config: Config, spec: Path | str, origins: Mapping[str, str]
) -> tuple[Parsed, dict[str, Any], tuple[Notice, ...]]:
    """The reading of ``document`` with the union options naming a model the parser removed left
    out (:mod:`._dangling`): read again when there is one."""
    return without_removed(openapi, document, partial(_parsed, config=config, spec=spec), origins)


def _parsed(document: dict[str, Any], config: Config, spec: Path | str) -> Parsed:
    try:
        with models_shared():
            openapi = Parsed.read(pushed_down(document), config=config)
    except Exception as error:  # the generator raises (even crashes) on some specs instead of reporting them
        said = " ".join(str(error).split())
        raise GenerationError(f"openapi-python-client cannot read {spec} ({type(error).__name__}: {said})") from None
    if not isinstance(openapi, Parsed):
        raise GenerationError(f"openapi-python-client cannot read {spec}: {openapi.header}\n{openapi.detail or ''}")
    return openapi


def _undefined(hint: str | None = None, obj: Any = missing, name: str | None = None, **kwargs: Any) -> Undefined:
    """What a template gets for a name or attribute that does not exist.

    A variable or an attribute of the generator's objects fails generation, loudly, instead of
    printing nothing: a generator upgrade that renames one cannot change the output unseen. A
    property template's optional macro (``transform``, ``construct``...) is the exception: stock's
    templates test for one by reading it, so a missing macro is a plain, false Undefined.
    """
    if isinstance(obj, TemplateModule):
        return Undefined(hint, obj, name, **kwargs)
    return StrictUndefined(hint, obj, name, **kwargs)


def _free_keywords(openapi: GeneratorData, config: Config) -> None:
    """A spec parameter whose Python name is one of :data:`KEYWORDS` (or ``body``, in an operation
    with one) takes its location as a suffix, numbered if another parameter has that name.

    The same rule the generator applies to two parameters of one name (``accept_query``), through
    its public ``set_python_name``.
    """
    for collection in openapi.endpoint_collections_by_tag.values():
        for endpoint in collection.endpoints:
            own = {*KEYWORDS, *(("body",) if endpoint.bodies else ())}
            parameters = list(endpoint.iter_all_parameters())
            taken = {str(parameter.python_name) for _, parameter in parameters} | own
            for location, parameter in parameters:
                if parameter.python_name in own:
                    renamed = free_name(f"{parameter.python_name}_{location}", taken)
                    taken.add(renamed)
                    parameter.set_python_name(new_name=UntrustedString(renamed), config=config)


MODEL_MEMBERS = ("to_dict", "from_dict", "to_multipart", "additional_properties", "additional_keys", "src_dict")
"""What every generated model defines (and from_dict's parameter): a property of one of these names would hide it."""


def _free_model_members(openapi: GeneratorData, config: Config) -> None:
    """A property named like a member of the model class takes a trailing underscore (as a
    Python keyword does), or a number when another property has that name, through the
    generator's public ``set_python_name``."""
    for model in openapi.models:
        properties = [*(model.required_properties or ()), *(model.optional_properties or ())]
        taken = {str(prop.python_name) for prop in properties} | set(MODEL_MEMBERS)
        for prop in properties:
            if prop.python_name in MODEL_MEMBERS:
                renamed = f"{prop.python_name}_"
                if renamed in taken:  # (a property of that name too)
                    renamed = free_name(str(prop.python_name), taken)
                taken.add(renamed)
                prop.set_python_name(new_name=UntrustedString(renamed), config=config, skip_snake_case=True)


def generate(
    spec: Path | str,
    config_path: Path,
    output: Path,
    *,
    overwrite: bool = False,
    report: bool = False,
    strict: bool = False,
) -> None:
    """Generate the package of ``spec`` (a path, or the URL of a document) into the folder ``output``.

    ``overwrite``: write into a folder that is not empty, replacing only what an earlier run wrote
    there; ``report``: print what changed for the package's callers; ``strict`` (or the
    configuration's ``strict: true``): refuse a spec with any defect instead of repairing it.
    """
    output = Path(output).absolute().resolve()
    _output.check_writable(output, overwrite=overwrite)
    _tools.check_tools()
    config_data = read_config(config_path)
    for key in unknown_keys(config_data):
        print(f"warning: {config_path}: the key {key} is read by no one: ignored", file=sys.stderr)
    settings = Settings.load(config_data, config_path.parent)
    strict = strict or settings.strict
    shown = shown_source(spec)
    reading = start_reading(spec, strict=strict)
    document = reading.spec.document
    with tempfile.TemporaryDirectory() as scratch:
        project_dir = Path(scratch) / "project"
        # The package is made while the spec is validated beside (see start_reading); the spec's
        # warnings come first all the same, and --strict refuses before anything is written.
        try:
            metadata = Metadata.read(config_data, config_path.parent, document)
            config_file = _config_file(config_data, config_path)
            with not_too_deep(shown):
                project, kept = _project(document, spec, config_file, settings, project_dir)
            project.env.globals["metadata"] = metadata
            problems = _build(project)
        except BaseException:
            _say(reading.finish(), shown)
            raise
        _say(read := reading.finish(), shown)
        # Placed at once: placing reads the whole text again (a second of a large spec).
        placed = read.placed((*kept, *(dropped(problem) for problem in problems)))
        for notice in placed[: len(kept)]:
            print(f"warning: {shown}: {notice}", file=sys.stderr)
        fatal = any(problem.level == ErrorLevel.ERROR for problem in problems)
        if fatal or (problems and strict):
            raise GenerationError(
                "openapi-python-client could not generate the package: fix what the causes below say"
                if fatal
                else "openapi-python-client would drop part of the spec (--strict): fix the spec where the "
                "causes below say",
                causes=tuple(said(problem) for problem in problems),
            )
        # What the generator drops is said, loudly, and the rest is generated (--strict refuses).
        for notice in placed[len(kept) :]:
            print(f"warning: {shown}: {notice}", file=sys.stderr)
        _layer(RUNTIME, project.package_dir)
        for layer in settings.layers:
            _layer(layer.path, project.package_dir)
        check_names(project.package_dir)
        if metadata.license_file is not None:
            shutil.copyfile(metadata.license_file, project_dir / metadata.license_file.name)
        if report:
            _report(
                output / project.package_name, project.package_dir, changed=any(drift(output, project_dir).values())
            )
        protected = [config_path] if isinstance(spec, str) else [spec, config_path]
        _output.install(project_dir, output, protected=protected)
    print(f"Generated {project.project_name} ({project.package_name}) into {output}")


def _build(project: Project) -> Sequence[GeneratorError]:
    """Write the package; what openapi-python-client drops is returned (said, or refused with --strict)."""
    with contextlib.redirect_stdout(io.StringIO()):  # it prints the scratch folder's name
        try:
            return project.build()
        except TemplateError as error:
            raise GenerationError(
                f"a template of this generator cannot print this spec ({error}): a defect of the "
                "generator, not of the spec; report it with the spec, or pin the versions its "
                "distribution declares"
            ) from None


def _say(read: Spec, shown: str) -> None:
    """The spec's warnings: each defect, where it is and what was done."""
    for notice in read.notices:
        print(f"warning: {shown}: {notice}", file=sys.stderr)
    if read.document.get("webhooks") and not read.document.get("paths"):  # else its user would look for them
        print(
            f"warning: {shown}: webhooks only: they are requests its server sends, not operations a client "
            "calls: the package has their models, and no operation",
            file=sys.stderr,
        )


def _config_file(data: Mapping[str, Any], path: Path) -> ConfigFile:
    """openapi-python-client's view of the configuration (it ignores the keys it does not know)."""
    try:
        return ConfigFile(**data)
    except ValueError as error:  # pydantic's ValidationError: one line per key, the first is enough
        errors: list[dict[str, Any]] = getattr(error, "errors", list)()
        where = ".".join(str(part) for part in errors[0]["loc"]) if errors else "?"
        message = errors[0]["msg"] if errors else str(error)
        raise GenerationError(f"configuration file {path}: {where}: {message}: fix that key") from None


def _report(old: Path, new: Path, *, changed: bool) -> None:
    from . import api_changes

    if not old.is_dir():
        print(f"API changes for callers: a new package ({new.name})")
        return
    changes = api_changes.compare(api_changes.describe(old), api_changes.describe(new))
    print(api_changes.report(changes, bytes_changed=changed))


def _layer(source_dir: Path, target_dir: Path) -> None:
    for source in sorted(source_dir.rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts and source.name != "layer.yaml":
            target = target_dir / source.relative_to(source_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
