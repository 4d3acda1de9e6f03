"""Property: for every model and media type, deserialize(serialize(x)) == x.

Models and media types come from the generated operations, values from the models' schemas.
`make test` runs a light profile; `make fuzz` runs 10 000 examples per model x media type.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import Shape, has_xml_invalid_text, objects, text_round_trip

from partner_center_auth import api, errors, media
from partner_center_auth._operation import Operation
from partner_center_auth._schema import Model, ModelRef


def documented() -> list[tuple[type[Model], str]]:
    pairs: dict[tuple[type[Model], str], None] = {}
    for module in pkgutil.walk_packages(api.__path__, f"{api.__name__}."):
        operation = getattr(importlib.import_module(module.name), "OPERATION", None)
        if isinstance(operation, Operation):
            if operation.request_model is not None:
                pairs.update(dict.fromkeys((operation.request_model, t) for t in operation.request_media_types))
            for answer in operation.responses:
                for content in answer.contents:
                    if content.document is not None and isinstance(content.document.schema, ModelRef):
                        pairs[(content.document.schema.model, content.media_type)] = None
    return list(pairs)


def shape_of(media_type: str) -> Shape:
    return "xml" if media_type.endswith("xml") else "json" if media_type.endswith("json") else "form"


@pytest.mark.parametrize(("model", "media_type"), documented(), ids=lambda p: getattr(p, "__name__", p))
def test_round_trip(model: type[Model], media_type: str) -> None:
    shape = shape_of(media_type)

    @given(objects(model.__openapi__, shape))
    def round_trip(data: dict[str, Any]) -> None:
        value = model.from_dict(data)
        if shape == "xml" and has_xml_invalid_text(data):
            with pytest.raises(errors.SerializationError):
                media.serialize(value, media_type)
            return
        content = media.serialize(value, media_type)
        back = media.deserialize(model, content, media_type)
        expected = data if shape == "json" else text_round_trip(model.__openapi__, data)
        assert back.to_dict() == expected

    round_trip()


def test_the_documented_pairs_cover_every_model_and_media_type() -> None:
    names = {(model.__name__, media_type) for model, media_type in documented()}

    assert len(names) == 13  # TokenRequest x 5, TokenResponse x 4, ApiFault x 4
    assert ("TokenRequest", "application/x-www-form-urlencoded") in names


@given(st.text())
def test_text_xml_cannot_carry_is_refused_never_written(text: str) -> None:
    from partner_center_auth import TokenResponse

    token = TokenResponse(access_token=text)
    if has_xml_invalid_text(text):
        with pytest.raises(errors.SerializationError):
            media.serialize(token, "application/xml")
    else:
        assert media.deserialize(TokenResponse, media.serialize(token, "application/xml"), "text/xml") == token


XML_PAIRS = [(model, media_type) for model, media_type in documented() if shape_of(media_type) == "xml"]


@pytest.mark.parametrize(("model", "media_type"), XML_PAIRS, ids=lambda p: getattr(p, "__name__", p))
@pytest.mark.parametrize("qualified_by", ["default-namespace", "prefix"])
def test_a_server_that_qualifies_every_element_is_read_liberally_and_refused_strictly(
    model: type[Model], media_type: str, qualified_by: str
) -> None:
    from lxml import etree

    @given(objects(model.__openapi__, "xml"))
    def qualified(data: dict[str, Any]) -> None:
        assume(not has_xml_invalid_text(data))
        content = media.serialize(model.from_dict(data), media_type)
        if qualified_by == "default-namespace":  # every unqualified element inherits it
            name = model.__openapi__.xml.name
            content = content.replace(f"<{name}".encode(), f'<{name} xmlns="urn:server"'.encode(), 1)
        else:
            root = etree.fromstring(content)
            for element in root.iter():
                if isinstance(element.tag, str) and not element.tag.startswith("{"):
                    element.tag = f"{{urn:server}}{element.tag}"
            content = etree.tostring(root)  # each element as s:name, bound on the root
        kept: list[Any] = []

        back = media.deserialize(model, content, media_type, kept=kept)

        assert back.to_dict() == text_round_trip(model.__openapi__, data)
        assert kept == []
        with pytest.raises(errors.DeserializationError):  # urn:server is no namespace of the spec
            media.deserialize(model, content, media_type)

    qualified()
