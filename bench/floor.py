"""The floor: the least any code can do to write and read these bodies (no validation, no models)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode

from lxml import etree


def _text(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def serializer(family: str, root: str, data: dict[str, Any]) -> Callable[[], bytes]:
    if family == "json":
        return lambda: json.dumps(data).encode()
    if family == "form":
        return lambda: urlencode(data, doseq=True).encode()

    def build_xml() -> bytes:
        element = etree.Element(root)
        for key, value in data.items():
            child = etree.SubElement(element, key)
            if isinstance(value, list):
                for item in value:
                    etree.SubElement(child, "item").text = _text(item)
            else:
                child.text = _text(value)
        return etree.tostring(element)

    return build_xml


def deserializer(family: str, content: bytes) -> Callable[[], object]:
    if family == "json":
        return lambda: json.loads(content)
    if family == "form":
        return lambda: dict(parse_qsl(content.decode()))

    def read_xml() -> dict[str, Any]:
        return {
            str(child.tag): child.text if not len(child) else [item.text for item in child]
            for child in etree.fromstring(content)
        }

    return read_xml
