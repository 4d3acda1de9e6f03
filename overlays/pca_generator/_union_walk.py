"""Each union of a document, its options rewritten: copies along the way, the document unchanged."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ._pointer import escape

__all__ = ["with_options"]

_UNIONS = ("oneOf", "anyOf")


def with_options(document: dict[str, Any], rewrite: Callable[[list[Any], str], list[Any]]) -> dict[str, Any]:
    """``document`` with each ``oneOf`` / ``anyOf`` list as ``rewrite`` returns it, given the list
    and its pointer (inner unions first); ``rewrite`` returns the list itself to keep it. Only the
    nodes on the way to a changed list are copied: ``document`` itself when none is."""

    def walk(node: Any, pointer: str) -> Any:
        if isinstance(node, list):
            items = [walk(item, f"{pointer}/{index}") for index, item in enumerate(node)]
            return node if all(new is old for new, old in zip(items, node, strict=True)) else items
        if not isinstance(node, Mapping):
            return node
        values = {key: walk(value, f"{pointer}/{escape(str(key))}") for key, value in node.items()}
        for keyword in _UNIONS:
            if isinstance(values.get(keyword), list):
                values[keyword] = rewrite(values[keyword], f"{pointer}/{keyword}")
        changed = any(values[key] is not value for key, value in node.items())
        return values if changed else node

    walked: dict[str, Any] = walk(document, "#")
    return walked
