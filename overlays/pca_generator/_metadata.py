"""The package's metadata (pyproject.toml): what the user configured, else what their spec says,
else nothing. Nothing of this project is stamped on another's package.

* version: ``package_version_override``, else the spec's ``info.version`` when it is a valid
  Python version (PEP 440); otherwise generation stops, naming ``package_version_override``;
* licence: ``license`` (an SPDX expression), else the spec's ``info.license``: its SPDX
  ``identifier``, else its ``name`` (an SPDX expression when it is one, free text otherwise);
  the licence file only when ``license_file`` names one;
* authors: ``authors``, else the spec's ``info.contact``; project URLs: ``project_urls``, else the
  contact's URL and ``externalDocs``;
* the ``Development Status`` classifier only when ``development_status`` is configured.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from attrs import frozen
from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression
from packaging.version import InvalidVersion, Version

from ._errors import GenerationError

DEVELOPMENT_STATUSES = (
    "1 - Planning",
    "2 - Pre-Alpha",
    "3 - Alpha",
    "4 - Beta",
    "5 - Production/Stable",
    "6 - Mature",
    "7 - Inactive",
)


@frozen
class Metadata:
    version: str
    license_expression: str | None
    license_text: str | None
    license_file: Path | None
    authors: tuple[Mapping[str, str], ...]
    urls: Mapping[str, str]
    development_status: str | None

    @classmethod
    def read(cls, config: Mapping[str, Any], folder: Path, document: Mapping[str, Any]) -> Metadata:
        """The metadata of the package of ``document``, configured by ``config`` (read from ``folder``)."""
        info = document.get("info") or {}
        _check_name(config, info)
        expression, text = _license(config, info)
        return cls(
            version=_version(config, info),
            license_expression=expression,
            license_text=text,
            license_file=_license_file(config, folder),
            authors=_authors(config, info),
            urls=_urls(config, info, document),
            development_status=_development_status(config),
        )


def _check_name(config: Mapping[str, Any], info: Mapping[str, Any]) -> None:
    """openapi-python-client names the project after ``info.title``: without one (or one of no
    letters or digits), only the configuration can name it."""
    if config.get("project_name_override") is None and not any(c.isalnum() for c in str(info.get("title") or "")):
        raise GenerationError(
            "the spec gives no info.title to name the package after: set project_name_override and "
            "package_name_override in the configuration (say my-client and my_client)"
        )


def _version(config: Mapping[str, Any], info: Mapping[str, Any]) -> str:
    configured = config.get("package_version_override")
    if configured is None and info.get("version") in (None, ""):
        raise GenerationError(
            "the spec gives no info.version to take the package version from: set package_version_override "
            "in the configuration (say 1.0.0)"
        )
    version = str(configured if configured is not None else info["version"])
    try:
        Version(version)
    except InvalidVersion:
        where = "package_version_override" if configured is not None else "the spec's info.version"
        raise GenerationError(
            f"{where} {version!r} is not a valid Python package version (PEP 440): set package_version_override "
            "in the configuration to one (say 1.0.0, or 1.0.0.dev0 for a snapshot)"
        ) from None
    return version


def _license(config: Mapping[str, Any], info: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The licence as an SPDX expression, or else as free text (one of the two, or neither)."""
    if config.get("license") is not None:
        return _spdx(str(config["license"]), "the configuration's license"), None
    license_object = info.get("license") or {}
    if license_object.get("identifier"):
        return _spdx(str(license_object["identifier"]), "the spec's info.license.identifier"), None
    name = license_object.get("name")
    if not name:
        return None, None
    try:
        return canonicalize_license_expression(str(name)), None
    except InvalidLicenseExpression:
        return None, str(name)


def _spdx(expression: str, where: str) -> str:
    try:
        return canonicalize_license_expression(expression)
    except InvalidLicenseExpression:
        raise GenerationError(
            f"{where} {expression!r} is not an SPDX licence expression: write one (say MIT, or Apache-2.0)"
        ) from None


def _license_file(config: Mapping[str, Any], folder: Path) -> Path | None:
    if not config.get("license_file"):
        return None
    path = (folder / str(config["license_file"])).resolve()
    if not path.is_file():
        raise GenerationError(f"license_file {path} is not a file: name the licence text to ship, or remove the key")
    return path


def _authors(config: Mapping[str, Any], info: Mapping[str, Any]) -> tuple[Mapping[str, str], ...]:
    configured = config.get("authors") or ()
    if configured:
        return tuple({str(key): str(value) for key, value in author.items() if value} for author in configured)
    contact = info.get("contact") or {}
    author = {key: str(contact[key]) for key in ("name", "email") if contact.get(key)}
    return (author,) if author else ()


def _urls(config: Mapping[str, Any], info: Mapping[str, Any], document: Mapping[str, Any]) -> Mapping[str, str]:
    urls = {str(name): str(url) for name, url in (config.get("project_urls") or {}).items()}
    contact_url = (info.get("contact") or {}).get("url")
    if not urls and contact_url:
        urls["Homepage"] = str(contact_url)
    documentation = (document.get("externalDocs") or {}).get("url")
    if documentation and "Documentation" not in urls:
        urls["Documentation"] = str(documentation)
    return dict(sorted(urls.items()))


def _development_status(config: Mapping[str, Any]) -> str | None:
    status = config.get("development_status")
    if status is None:
        return None
    if str(status) not in DEVELOPMENT_STATUSES:
        raise GenerationError(
            f"development_status {status!r} is not one of the classifiers': {', '.join(DEVELOPMENT_STATUSES)}"
        )
    return str(status)
