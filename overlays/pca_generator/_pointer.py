"""JSON pointers (RFC 6901) into a spec: how a key is written as one step, and what a local
reference (``#/components/schemas/Pet``) points at."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

__all__ = ["escape", "resolve", "unescape"]


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
