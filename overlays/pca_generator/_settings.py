"""The configuration file: openapi-python-client's own keys, and the keys only this generator reads."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from attrs import frozen
from openapi_python_client.config import ConfigFile

from ._errors import GenerationError
from ._yaml import YamlError, load


@frozen
class Layer:
    """An application layer: runtime modules layered into the package, and what it exports.

    ``layer.yaml`` beside the modules lists the public names the package re-exports (by module),
    console scripts, the dependencies its modules import beside the runtime's, and optional
    dependencies; the templates render them.
    """

    path: Path
    exports: Mapping[str, tuple[str, ...]]
    scripts: Mapping[str, str]
    dependencies: tuple[str, ...]
    optional_dependencies: Mapping[str, tuple[str, ...]]
    max_response_size: int | None = None
    """The clients' default limit on a response body, where the layer's operations want another
    than a generic client's (:data:`MAX_RESPONSE_SIZE`)."""

    @classmethod
    def load(cls, path: Path) -> Layer:
        data = _mapping(path / "layer.yaml", what="layer", hint="a layer is a folder of modules with a layer.yaml")
        return cls(
            path=path,
            exports={module: tuple(names) for module, names in (data.get("exports") or {}).items()},
            scripts=dict(data.get("scripts") or {}),
            dependencies=tuple(str(requirement) for requirement in data.get("dependencies") or ()),
            optional_dependencies={
                extra: tuple(requirements) for extra, requirements in (data.get("optional-dependencies") or {}).items()
            },
            max_response_size=_size(data.get("max_response_size"), path / "layer.yaml"),
        )


MAX_RESPONSE_SIZE = 64 * 1024 * 1024
"""A generic client's default limit on a response body: a list endpoint's 10 000 items fit (a few
megabytes), a server streaming without end does not."""


def _size(value: object, where: Path) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise GenerationError(f"{where}: max_response_size {value!r} is not a number of bytes above 0")
    return value


@frozen
class Settings:
    """What the generator reads from the configuration beside openapi-python-client's own keys
    (which it ignores): application ``layers``, ``fresh_uuid_headers``, ``strict`` and
    ``readme_intro``, the text that leads the package README (the package metadata is
    :class:`~pca_generator._metadata.Metadata`). Read once per generation."""

    layers: tuple[Layer, ...]
    fresh_uuid_headers: tuple[str, ...]
    readme_intro: str | None
    # Refuse a spec with any defect instead of repairing it (the command's --strict).
    strict: bool = False

    @property
    def max_response_size(self) -> int:
        """The clients' default limit on a response body: the smallest a layer asks for, else a
        generic client's."""
        sizes = [layer.max_response_size for layer in self.layers if layer.max_response_size is not None]
        return min(sizes, default=MAX_RESPONSE_SIZE)

    @property
    def max_response_size_shown(self) -> str:
        """:attr:`max_response_size` as a docstring says it (``1 MiB``, or bytes)."""
        size = self.max_response_size
        for unit, factor in (("MiB", 1024 * 1024), ("KiB", 1024)):
            if size % factor == 0:
                return f"{size // factor} {unit}"
        return f"{size} bytes"

    @classmethod
    def load(cls, config: Mapping[str, Any], folder: Path) -> Settings:
        """The settings of a configuration read from ``folder`` (paths in it are relative to it)."""
        return cls(
            layers=tuple(Layer.load((folder / entry).resolve()) for entry in config.get("layers") or ()),
            fresh_uuid_headers=tuple(str(name) for name in config.get("fresh_uuid_headers") or ()),
            readme_intro=_text(folder / str(config["readme_intro"])) if config.get("readme_intro") else None,
            strict=_boolean(config, "strict"),
        )


OWN_KEYS = (
    *("layers", "fresh_uuid_headers", "readme_intro", "strict"),
    *("license", "license_file", "authors", "project_urls", "development_status"),  # the package's metadata
)
"""The configuration keys only this generator reads (openapi-python-client ignores them)."""


def unknown_keys(config: Mapping[str, Any]) -> tuple[str, ...]:
    """Each key neither this generator nor openapi-python-client reads (a typo, most often: both
    ignore it), said with the known key it most resembles."""
    known = (*ConfigFile.model_fields, *OWN_KEYS)
    said = []
    for key in config:
        if key not in known:
            near = difflib.get_close_matches(str(key), known, n=1)
            said.append(f"{key!s}" + (f" (did you mean {near[0]}?)" if near else ""))
    return tuple(said)


def _boolean(config: Mapping[str, Any], key: str) -> bool:
    value = config.get(key, False)
    if not isinstance(value, bool):
        raise GenerationError(f"configuration key {key}: {value!r} is not true or false: write true or false")
    return value


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise GenerationError(f"readme_intro {path} is not a readable text file: name one, or remove the key") from None


def read_config(path: Path) -> dict[str, Any]:
    """The configuration file as a mapping, or a one-line refusal saying what is wrong with it."""
    return _mapping(path, what="configuration", hint="write one, with at least `package_name_override: my_client`")


def _mapping(path: Path, *, what: str, hint: str) -> dict[str, Any]:
    if not path.is_file():
        raise GenerationError(f"no {what} file {path}: {hint}")
    try:
        data, _ = load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise GenerationError(f"{what} file {path} is not UTF-8 text: save it as UTF-8") from None
    except YamlError as error:
        raise GenerationError(f"{what} file {path} is not valid YAML ({error}): fix it") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise GenerationError(
            f"{what} file {path} must be a YAML mapping of keys to values, not a {type(data).__name__}"
        )
    return data
