"""The floors: the least any code can do to write and read these bodies.

For JSON and forms, no validation and no models (the typed JSON peers are msgspec and pydantic,
see ``typed_json.py``); for XML, lxml and a hand-written walk into the same attrs models.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode

from lxml import etree

from partner_center_auth import ApiFault, TokenRequest, TokenResponse
from partner_center_auth.types import UNSET, Unset


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


# The typed XML floor: lxml and a hand-written walk per model into the same attrs models, with
# every check the spec asks for (root name, known and required elements, one element per
# property, integer and pattern rules, booleans), and the same safe parser settings. No
# description is read: what a person would write by hand for these three schemas.
_NUMERIC = re.compile(r"^[0-9]+$")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_BOOLEANS = {"true": True, "false": False, "1": True, "0": False}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _number_or_numeric(text: str) -> int | str:
    if _INTEGER.fullmatch(text):
        return int(text)
    if _NUMERIC.search(text):
        return text
    raise ValueError("expected an integer or a numeric string")


def _children(content: bytes, root_name: str) -> dict[str, Any]:
    root = etree.fromstring(content, _PARSER)
    if root.tag != root_name:
        raise ValueError("wrong root")
    children: dict[str, Any] = {}
    for child in root:
        if child.tag in children:
            raise ValueError("an element given twice")
        children[str(child.tag)] = child
    return children


def _text_of(element: Any) -> str:
    if len(element):
        raise ValueError("expected text")
    return str(element.text or "")


def _read_token_request(content: bytes) -> TokenRequest:
    children = _children(content, "TokenRequest")
    if children.keys() - {"grant_type"}:
        raise ValueError("unknown element")
    grant_type = _text_of(children["grant_type"]) if "grant_type" in children else "jwt_token"
    if grant_type != "jwt_token":
        raise ValueError("grant_type not in the enum")
    return TokenRequest(grant_type=grant_type)


def _read_token_response(content: bytes) -> TokenResponse:
    children = _children(content, "TokenResponse")
    token = TokenResponse(
        access_token=_text_of(children.pop("access_token")),
        token_type=_text_of(children.pop("token_type")) if "token_type" in children else UNSET,
        expires_in=_number_or_numeric(_text_of(children.pop("expires_in"))) if "expires_in" in children else UNSET,
        expires_on=_number_or_numeric(_text_of(children.pop("expires_on"))) if "expires_on" in children else UNSET,
    )
    token.additional_properties = {name: _text_of(element) for name, element in children.items()}
    return token


def _read_api_fault(content: bytes) -> ApiFault:
    children = _children(content, "ApiFault")
    code: int | str | Unset = UNSET
    if "code" in children:
        text = _text_of(children.pop("code"))
        code = int(text) if _INTEGER.fullmatch(text) else text
    description = _text_of(children.pop("description")) if "description" in children else UNSET
    if not isinstance(description, Unset) and len(description) > 1024:
        raise ValueError("description too long")
    data: list[Any] | Unset = UNSET
    if "data" in children:
        data = [_text_of(item) for item in children.pop("data") if item.tag == "item"]
    retryable: bool | Unset = UNSET
    if "isRetryable" in children:
        retryable = _BOOLEANS[_text_of(children.pop("isRetryable")).strip()]
    fault = ApiFault(
        code=code,
        description=description,
        data=data,
        source=_text_of(children.pop("source")) if "source" in children else UNSET,
        is_retryable=retryable,
    )
    fault.additional_properties = {name: _text_of(element) for name, element in children.items()}
    return fault


def _write(root_name: str, fields: list[tuple[str, Any]]) -> bytes:
    root = etree.Element(root_name)
    for name, value in fields:
        if isinstance(value, Unset):
            continue
        child = etree.SubElement(root, name)
        if isinstance(value, list):
            for item in value:
                if not isinstance(item, str | int | float | bool):
                    raise TypeError("not text")
                etree.SubElement(child, "item").text = _text(item)
        elif isinstance(value, str | int | float | bool):
            child.text = _text(value)
        else:
            raise TypeError("not text")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))


def _write_model(value: Any) -> bytes:
    if isinstance(value, TokenRequest):
        if value.grant_type != "jwt_token":
            raise ValueError("grant_type not in the enum")
        return _write("TokenRequest", [("grant_type", value.grant_type)])
    if isinstance(value, TokenResponse):
        for number in (value.expires_in, value.expires_on):
            if isinstance(number, str) and not _NUMERIC.search(number):
                raise ValueError("not numeric")
        known: list[tuple[str, Any]] = [
            ("access_token", value.access_token),
            ("token_type", value.token_type),
            ("expires_in", value.expires_in),
            ("expires_on", value.expires_on),
        ]
        return _write("TokenResponse", known + list(value.additional_properties.items()))
    fault: ApiFault = value
    if isinstance(fault.description, str) and len(fault.description) > 1024:
        raise ValueError("description too long")
    known = [
        ("code", fault.code),
        ("description", fault.description),
        ("data", fault.data),
        ("source", fault.source),
        ("isRetryable", fault.is_retryable),
    ]
    return _write("ApiFault", known + list(fault.additional_properties.items()))


TYPED_XML_READERS: dict[str, Callable[[bytes], object]] = {
    "TokenRequest": _read_token_request,
    "TokenResponse": _read_token_response,
    "ApiFault": _read_api_fault,
}


def typed_xml_reader(name: str, content: bytes) -> Callable[[], object]:
    read = TYPED_XML_READERS[name]
    return lambda: read(content)


def typed_xml_writer(value: Any) -> Callable[[], bytes]:
    return lambda: _write_model(value)
