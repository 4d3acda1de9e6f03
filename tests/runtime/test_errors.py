"""Error statuses, undocumented answers and transport failures: typed, with nothing lost."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import get_args

import httpx
import pytest

from partner_center_auth import (
    ApiFault,
    AuthenticatedClient,
    RetryPolicy,
    TokenProvider,
    TokenRequest,
    TokenResponse,
    errors,
    media,
)
from partner_center_auth.api.authentication import generate_access_token
from partner_center_auth.testing import StandInServer
from wire import WireServer

ERROR_STATUSES = [400, 401, 403, 404, 500]
RESPONSE_MEDIA_TYPES = get_args(generate_access_token.ResponseMediaType)


@pytest.mark.parametrize("accept", RESPONSE_MEDIA_TYPES)
@pytest.mark.parametrize("status", ERROR_STATUSES)
def test_every_error_status_parses_into_an_api_fault(
    status: int, accept: generate_access_token.ResponseMediaType, server: StandInServer, client: AuthenticatedClient
) -> None:
    server.fail_next(status)

    response = generate_access_token.sync_detailed(client=client, body=TokenRequest(), accept=accept)

    assert response.status_code == status
    assert response.headers["content-type"].startswith(accept)
    assert response.parsed == _fault(code=status * 10, description=f"the stand-in was told to answer {status}")


def _fault(**values: object) -> ApiFault:
    return ApiFault(data=[], source="StandInServer", **values)  # type: ignore[arg-type]


@pytest.mark.parametrize("accept", RESPONSE_MEDIA_TYPES)
def test_a_missing_bearer_token_is_a_401_fault(
    accept: generate_access_token.ResponseMediaType, server: StandInServer
) -> None:
    with AuthenticatedClient(base_url=server.base_url, token="not-bearer", prefix="Basic") as client:
        response = generate_access_token.sync_detailed(client=client, body=TokenRequest(), accept=accept)

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("OAuth realm=")
    assert isinstance(response.parsed, ApiFault)
    assert response.parsed.code == 4010


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/x-www-form-urlencoded", b"grant_type=password"),
        ("application/x-www-form-urlencoded", b""),
        ("application/json", b'{"grant_type": 7}'),
        ("application/xml", b"<TokenRequest><grant_type>other</grant_type></TokenRequest>"),
        ("text/xml", b"<Wrong><grant_type>jwt_token</grant_type></Wrong>"),
        ("text/json", b"{"),
        ("text/plain", b"grant_type=jwt_token"),
    ],
)
def test_the_stand_in_rejects_bad_input_with_a_400_fault(content_type: str, body: bytes, server: StandInServer) -> None:
    answer = httpx.post(
        f"{server.base_url}/v3/generatetoken",
        content=body,
        headers={"Authorization": "Bearer x", "Content-Type": content_type, "Accept": "application/xml"},
    )

    assert answer.status_code == 400
    fault = media.deserialize(ApiFault, answer.content, answer.headers["content-type"])
    assert fault.code == 4000


def test_an_unknown_path_is_a_404_fault(server: StandInServer) -> None:
    answer = httpx.post(f"{server.base_url}/v1/nothing-here", headers={"Accept": "text/json"})

    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("text/json")
    assert media.deserialize(ApiFault, answer.content, answer.headers["content-type"]).code == 4040


def mocked(
    handler: Callable[[httpx.Request], httpx.Response], raise_on_unexpected_status: bool = False
) -> AuthenticatedClient:
    client = AuthenticatedClient(
        base_url="https://partner.test", token="t", raise_on_unexpected_status=raise_on_unexpected_status
    )
    return client.set_httpx_client(
        httpx.Client(base_url="https://partner.test", transport=httpx.MockTransport(handler))
    )


def answering(status: int, content: bytes, content_type: str | None) -> AuthenticatedClient:
    headers = {"Content-Type": content_type} if content_type else {}
    return mocked(lambda request: httpx.Response(status, content=content, headers=headers))


@pytest.mark.parametrize(
    ("status", "content", "content_type"),
    [
        (200, b"<html>bad gateway</html>", "text/html"),
        (200, b'{"access_token": "a"}', None),
        (400, b"{}", "application/problem+json"),
        (200, b'{"access_token": "a"}', "application json"),
    ],
)
def test_an_undocumented_content_type_is_a_typed_error_keeping_everything(
    status: int, content: bytes, content_type: str | None
) -> None:
    client = answering(status, content, content_type)

    with pytest.raises(errors.UndocumentedContentType) as caught:
        generate_access_token.sync(client=client, body=TokenRequest())

    assert isinstance(caught.value, errors.PartnerCenterAuthError)
    assert caught.value.status_code == status
    assert caught.value.content == content
    assert caught.value.headers.get("content-type") == content_type


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b'{"access_token": 42}', "application/json"),
        (b'{"token_type": "bearer"}', "text/json"),
        (b"", "application/json"),
        (b"[1, 2]", "application/json"),
        (b"<TokenResponse><access_token>a</access_token>", "application/xml"),
        (b"<ApiFault><code>1</code></ApiFault>", "text/xml"),
        (b"<TokenResponse><access_token>a</access_token><access_token>b</access_token></TokenResponse>", "text/xml"),
        (b"\xff\xfe{}", "application/json; charset=utf-8"),
    ],
)
def test_a_body_that_does_not_decode_is_a_typed_error_keeping_everything(content: bytes, content_type: str) -> None:
    client = answering(200, content, content_type)

    with pytest.raises(errors.ResponseDecodeError) as caught:
        generate_access_token.sync_detailed(client=client, body=TokenRequest())

    assert caught.value.status_code == 200
    assert caught.value.content == content
    assert caught.value.headers["content-type"] == content_type
    assert isinstance(caught.value.__cause__, errors.DeserializationError)


def test_a_malformed_fault_is_also_a_typed_error() -> None:
    client = answering(500, b'{"code": 1, "data": {"not": "an array"}}', "application/json")

    with pytest.raises(errors.ResponseDecodeError, match="500"):
        generate_access_token.sync(client=client, body=TokenRequest())


@pytest.mark.parametrize("status", [299, 418, 599])
def test_an_undocumented_status_is_returned_unparsed_or_raised(status: int) -> None:
    lenient = answering(status, b"teapot", "text/plain")
    strict = mocked(lambda request: httpx.Response(status, content=b"teapot"), raise_on_unexpected_status=True)

    response = generate_access_token.sync_detailed(client=lenient, body=TokenRequest())
    with pytest.raises(errors.UnexpectedStatus) as caught:
        generate_access_token.sync(client=strict, body=TokenRequest())

    assert (response.status_code, response.parsed, response.content) == (status, None, b"teapot")
    assert (caught.value.status_code, caught.value.content) == (status, b"teapot")


def test_a_charset_parameter_is_honoured() -> None:
    body = '<?xml version="1.0" encoding="utf-16"?><TokenResponse><access_token>é</access_token></TokenResponse>'
    client = answering(200, body.encode("utf-16"), "application/xml; charset=utf-16")

    token = generate_access_token.sync(client=client, body=TokenRequest(), accept="application/xml")

    assert token == TokenResponse(access_token="é")


def test_an_undocumented_request_media_type_is_refused_before_sending() -> None:
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200)

    client = mocked(record)

    with pytest.raises(errors.UnsupportedMediaType):
        generate_access_token.sync(client=client, body=TokenRequest(), content_type="text/plain")  # type: ignore[arg-type]
    with pytest.raises(errors.UnsupportedMediaType):
        generate_access_token.sync(client=client, body=TokenRequest(), accept="text/html")  # type: ignore[arg-type]
    assert sent == []


def test_transport_failures_are_typed() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    def stall(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    with pytest.raises(errors.TransportFailure) as refused:
        generate_access_token.sync(client=mocked(refuse), body=TokenRequest())
    with pytest.raises(errors.TransportTimeout):
        generate_access_token.sync(client=mocked(stall), body=TokenRequest())
    assert isinstance(refused.value.__cause__, httpx.ConnectError)


def test_reprs_never_show_the_token(server: StandInServer, client: AuthenticatedClient) -> None:
    token = generate_access_token.sync(client=client, body=TokenRequest())

    assert "entra-id-token-for-tests" not in repr(client)
    assert isinstance(token, TokenResponse)
    assert server.base_url in repr(client)


@pytest.mark.parametrize(("old", "new"), [("Timeout", "TransportTimeout"), ("TransportError", "TransportFailure")])
def test_an_old_name_still_works_for_one_release_and_warns(old: str, new: str) -> None:
    with pytest.warns(DeprecationWarning, match=f"errors.{old} is deprecated: use errors.{new}"):
        renamed = getattr(errors, old)

    assert renamed is getattr(errors, new)
    assert old not in errors.__all__  # importing both httpx's and ours by name no longer collides
    with pytest.raises(AttributeError, match=r"partner_center_auth\.errors' has no attribute 'Nothing'"):
        errors.Nothing  # noqa: B018


def test_unexpected_status_is_made_by_keyword_and_its_old_positional_form_warns() -> None:
    made = errors.UnexpectedStatus(status_code=599, headers={"x": "1"}, content=b"body")
    with pytest.warns(DeprecationWarning, match="pass status_code=, headers= and content= by keyword"):
        old = errors.UnexpectedStatus(599, b"body", {"x": "1"})

    for error in (made, old):
        assert (error.status_code, error.content, dict(error.headers)) == (599, b"body", {"x": "1"})
        assert str(error) == "Unexpected status code: 599 (4 bytes of content)"


SOON = b'{"access_token": "a", "expires_in": "soon"}'  # breaks the numeric string's pattern


def test_a_value_breaking_a_pattern_is_kept_by_the_operation_and_refused_when_strict(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.DEBUG, logger="partner_center_auth"):
        parsed = generate_access_token.sync(client=answering(200, SOON, "application/json"), body=TokenRequest())

    assert isinstance(parsed, TokenResponse) and parsed.expires_in == "soon"
    assert "generate_access_token answered 200 with $.expires_in breaking pattern" in caplog.text
    assert "soon" not in caplog.text
    with pytest.raises(errors.ResponseDecodeError) as caught:
        generate_access_token.sync(client=answering(200, SOON, "application/json"), body=TokenRequest(), strict=True)
    assert caught.value.status_code == 200 and caught.value.content == SOON


def test_the_token_provider_reads_strictly() -> None:

    with (
        WireServer() as wire,
        TokenProvider(lambda: "entra-id-token", base_url=wire.base_url, retry=RetryPolicy(max_attempts=1)) as provider,
    ):
        wire.answer(200, "application/json", SOON)
        with pytest.raises(errors.ResponseDecodeError):
            provider.get_token()
