"""The codec registry and round trips of every model in every media type it is documented in."""

from __future__ import annotations

import json

import pytest

from partner_center_auth import ApiFault, TokenRequest, TokenResponse, errors, media

REQUEST_MEDIA_TYPES = [
    "application/x-www-form-urlencoded",
    "application/json",
    "application/xml",
    "text/xml",
    "text/json",
]
RESPONSE_MEDIA_TYPES = ["application/json", "application/xml", "text/xml", "text/json"]
TEXT_ONLY = ("application/x-www-form-urlencoded", "application/xml", "text/xml")


def token_response() -> TokenResponse:
    token = TokenResponse(access_token="eyJ0eXAi.opaque", token_type="bearer", expires_in=3600, expires_on="1767225600")
    token.additional_properties = {"resource": "https://api.partnercenter.microsoft.com", "ext_expires_in": "3599"}
    return token


def api_fault() -> ApiFault:
    fault = ApiFault(
        code=3000,
        description="Partner Organization <tenant> & co could not be found",
        data=["first detail", {"field": "tenantId", "reason": "unknown"}],
        source="PartnerFD",
        is_retryable=False,
    )
    fault.additional_properties = {"traceId": "0HN7"}
    return fault


CASES = [
    *[pytest.param(TokenRequest(), media_type, id=f"TokenRequest-{media_type}") for media_type in REQUEST_MEDIA_TYPES],
    *[pytest.param(token_response(), t, id=f"TokenResponse-{t}") for t in RESPONSE_MEDIA_TYPES],
    *[pytest.param(api_fault(), t, id=f"ApiFault-{t}") for t in RESPONSE_MEDIA_TYPES],
]


@pytest.mark.parametrize(("value", "media_type"), CASES)
def test_round_trip(value: TokenRequest | TokenResponse | ApiFault, media_type: str) -> None:
    back = media.deserialize(type(value), media.serialize(value, media_type), media_type)

    if media_type in TEXT_ONLY:
        # Text carries no JSON types: "1767225600" reads as the union's first option, integer.
        assert back.to_dict() == json.loads(json.dumps(value.to_dict()).replace('"1767225600"', "1767225600"))
    else:
        assert back == value


@pytest.mark.parametrize("media_type", RESPONSE_MEDIA_TYPES)
@pytest.mark.parametrize("expires_in", [3600, "3600"])
def test_numeric_string_and_integer_expires_in_both_parse(media_type: str, expires_in: int | str) -> None:
    content = media.serialize(TokenResponse(access_token="a", expires_in=expires_in), media_type)

    token = media.deserialize(TokenResponse, content, media_type)

    assert token.expires_in in (3600, "3600")
    assert int(token.expires_in) == 3600


def test_xml_follows_the_spec_xml_objects() -> None:
    content = media.serialize(api_fault(), "application/xml")

    assert content == (
        b"<?xml version='1.0' encoding='utf-8'?>\n"
        b"<ApiFault><code>3000</code>"
        b"<description>Partner Organization &lt;tenant&gt; &amp; co could not be found</description>"
        b"<data><item>first detail</item><item><field>tenantId</field><reason>unknown</reason></item></data>"
        b"<source>PartnerFD</source><isRetryable>false</isRetryable><traceId>0HN7</traceId></ApiFault>"
    )


def test_form_is_what_real_callers_send() -> None:
    assert media.serialize(TokenRequest(), "application/x-www-form-urlencoded") == b"grant_type=jwt_token"


@pytest.mark.parametrize(
    "media_type",
    ["application/json; charset=UTF-8", "APPLICATION/JSON", "text/json;charset=utf-8", "application/vnd.ms+json"],
)
def test_the_registry_is_keyed_by_the_bare_media_type(media_type: str) -> None:
    assert media.deserialize(TokenRequest, b'{"grant_type":"jwt_token"}', media_type) == TokenRequest()


@pytest.mark.parametrize("media_type", ["text/plain", "text/html", "not a media type", ""])
def test_an_unknown_media_type_is_a_typed_error(media_type: str) -> None:
    with pytest.raises(errors.UnsupportedMediaType):
        media.serialize(TokenRequest(), media_type)


def test_objects_have_no_form_encoding() -> None:
    with pytest.raises(errors.SerializationError, match="data"):
        media.serialize(api_fault(), "application/x-www-form-urlencoded")


def test_text_xml_cannot_carry_is_refused_not_written() -> None:
    with pytest.raises(errors.SerializationError):
        media.serialize(TokenResponse(access_token="bell\x07"), "application/xml")


@pytest.mark.parametrize(
    ("content", "media_type"),
    [
        (b"grant_type=jwt_token&grant_type=jwt_token", "application/x-www-form-urlencoded"),
        (b"grant_type=%ZZ", "application/x-www-form-urlencoded"),
        (b"grant_type=jwt_token", "application/json"),
        (b'{"grant_type":"jwt_token","grant_type":"jwt_token"}', "application/json"),
        (
            b'<!DOCTYPE x [<!ENTITY e "jwt_token">]><TokenRequest><grant_type>&e;</grant_type></TokenRequest>',
            "text/xml",
        ),
        (b'<TokenRequest xmlns="urn:other"><grant_type>jwt_token</grant_type></TokenRequest>', "application/xml"),
        (b'<TokenRequest><x:grant_type xmlns:x="urn:o">jwt_token</x:grant_type></TokenRequest>', "application/xml"),
    ],
)
def test_malformed_bodies_are_typed_errors_keeping_the_bytes(content: bytes, media_type: str) -> None:
    with pytest.raises(errors.DeserializationError) as caught:
        media.deserialize(TokenRequest, content, media_type)

    assert caught.value.content == content
