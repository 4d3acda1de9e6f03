"""JSON pointers (RFC 6901) into a spec: how a key is written as one step, and what a local
reference (``#/components/schemas/Pet``) points at."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, unquote

__all__ = ["escape", "resolve", "schema_key", "schema_reference", "unescape"]

_SCHEMAS = "#/components/schemas/"


def escape(key: str) -> str:
    """A key as one step of a pointer."""
    return key.replace("~", "~0").replace("/", "~1")


def unescape(step: str) -> str:
    """One step of a pointer (in a URI fragment, so percent-encoded too) as the key it names."""
    return unquote(step).replace("~1", "/").replace("~0", "~")


def resolve(document: Mapping[str, Any], reference: str) -> tuple[bool, Any]:
    """Whether the local ``reference`` points at something in ``document``, and what."""
    node: Any = document
    for step in reference.removeprefix("#").split("/")[1:]:
        step = unescape(step)
        if isinstance(node, Mapping) and step in node:
            node = node[step]
        elif isinstance(node, list) and step.isdigit() and int(step) < len(node):
            node = node[int(step)]
        else:
            return False, None
    return True, node


def schema_reference(key: str) -> str:
    """A reference to the component schema ``key``, in a URI fragment (``My Pet``: ``My%20Pet``)."""
    return _SCHEMAS + quote(escape(key), safe="~")


def schema_key(reference: object) -> str | None:
    """The key of the component schema ``reference`` points at (itself, not a schema inside it)."""
    if not isinstance(reference, str) or not reference.startswith(_SCHEMAS) or "/" in reference[len(_SCHEMAS) :]:
        return None
    return unescape(reference[len(_SCHEMAS) :])
