"""Reading the spec: a file or a URL, validated, then said the way the generator reads it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import yaml

from ._errors import GenerationError
from .normalize import normalize


def read_spec(source: Path | str) -> dict[str, Any]:
    """The OpenAPI document at ``source`` (a path, or an http(s) URL), validated and normalized."""
    from openapi_spec_validator import validate

    text = _fetch(source) if isinstance(source, str) else _read(source)
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError:
        raise GenerationError(f"{source} is neither YAML nor JSON: give an OpenAPI document") from None
    if not isinstance(document, dict):
        raise GenerationError(f"{source} is not an OpenAPI document (not a mapping of keys to values)")
    try:
        validate(document)
    except Exception as error:  # the validator raises several unrelated types
        reason = " ".join(str(error).split("\n\n")[0].split())
        raise GenerationError(f"{source} is not a valid OpenAPI document: {reason}") from None
    return normalize(document)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GenerationError(f"no spec file {path}: give the path of an OpenAPI document with --spec") from None
    except (OSError, UnicodeDecodeError) as error:
        raise GenerationError(f"cannot read the spec {path}: {error}") from None


def _fetch(url: str) -> str:
    if not url.startswith(("http://", "https://")):
        raise GenerationError(f"--url {url} is not an http(s) URL: give --spec for a file")
    try:
        response = httpx.get(url, follow_redirects=True, timeout=30)
    except httpx.HTTPError as error:
        raise GenerationError(f"cannot read the spec at {url}: {type(error).__name__}: {error}") from None
    if not response.is_success:
        raise GenerationError(
            f"cannot read the spec at {url}: HTTP {response.status_code} {response.reason_phrase}: check the URL"
        )
    return response.text
