"""Malformed answers on every media type, and oversized ones: typed errors that lose nothing."""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator
from typing import get_args

import httpx
import pytest

from partner_center_auth import ApiFault, AuthenticatedClient, TokenRequest, TokenResponse, errors, media
from partner_center_auth.api.authentication import generate_access_token
from partner_center_auth.testing import StandInServer

MEDIA_TYPES = get_args(generate_access_token.ResponseMediaType)


def in_media_type(media_type: str, json_text: str, xml_text: str) -> bytes:
    return (xml_text if media_type.endswith("xml") else json_text).encode()


MALFORMED: dict[str, tuple[int, Callable[[str], bytes]]] = {
    "truncated": (200, lambda t: media.serialize(TokenResponse(access_token="a", expires_in=1), t)[:-9]),
    "empty body on 200": (200, lambda t: b""),
    "access_token a number": (
        200,
        lambda t: in_media_type(
            t, '{"access_token": 42}', "<TokenResponse><access_token><n>42</n></access_token></TokenResponse>"
        ),
    ),
    "access_token missing": (
        200,
        lambda t: in_media_type(
            t, '{"token_type": "bearer"}', "<TokenResponse><token_type>bearer</token_type></TokenResponse>"
        ),
    ),
    "a 200 whose body is an ApiFault": (200, lambda t: media.serialize(ApiFault(code=1, description="no"), t)),
    "data an object": (
        400,
        lambda t: in_media_type(t, '{"code": 1, "data": {"k": "v"}}', "<ApiFault><data>text</data></ApiFault>"),
    ),
    "duplicate elements": (
        200,
        lambda t: in_media_type(
            t,
            '{"access_token": "a", "access_token": "b"}',
            "<TokenResponse><access_token>a</access_token><access_token>b</access_token></TokenResponse>",
        ),
    ),
}


def answering(status: int, content: bytes, headers: dict[str, str], **options: int) -> AuthenticatedClient:
    client = AuthenticatedClient(base_url="https://partner.test", token="t", **options)  # type: ignore[arg-type]
    transport = httpx.MockTransport(lambda request: httpx.Response(status, content=content, headers=headers))
    return client.set_httpx_client(httpx.Client(base_url="https://partner.test", transport=transport))


@pytest.mark.parametrize("media_type", MEDIA_TYPES)
@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_malformed_bodies_are_typed_errors_keeping_everything(
    case: str, media_type: generate_access_token.ResponseMediaType
) -> None:
    status, build = MALFORMED[case]
    content = build(media_type)
    client = answering(status, content, {"Content-Type": f"{media_type}; charset=utf-8", "MS-CorrelationId": "c1"})

    with pytest.raises(errors.ResponseDecodeError) as caught:
        generate_access_token.sync_detailed(client=client, body=TokenRequest(), accept=media_type)

    assert (caught.value.status_code, caught.value.content) == (status, content)
    assert caught.value.headers["ms-correlationid"] == "c1"
    assert not isinstance(caught.value.__cause__, KeyError | TypeError)


@pytest.mark.parametrize("status", [502, 503])
def test_a_proxy_html_page_is_a_typed_error(status: int) -> None:
    page = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
    strict = AuthenticatedClient(base_url="https://partner.test", token="t", raise_on_unexpected_status=True)
    transport = httpx.MockTransport(
        lambda request: httpx.Response(status, content=page, headers={"Content-Type": "text/html"})
    )
    strict.set_httpx_client(httpx.Client(base_url="https://partner.test", transport=transport))

    with pytest.raises(errors.UnexpectedStatus) as caught:
        generate_access_token.sync(client=strict, body=TokenRequest())

    assert (caught.value.status_code, caught.value.content) == (status, page)


@pytest.mark.parametrize("content_type", [None, "", "text/html", "text/plain; charset=utf-8", "application/xml+evil"])
@pytest.mark.parametrize("status", [200, 400])
def test_a_missing_or_undocumented_content_type_is_a_typed_error(status: int, content_type: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type is not None else {}
    client = answering(status, b'{"access_token": "a"}', headers)

    with pytest.raises(errors.UndocumentedContentType) as caught:
        generate_access_token.sync(client=client, body=TokenRequest())

    assert caught.value.status_code == status


@pytest.mark.parametrize(
    "body",
    [b"grant_type=jwt_token&grant_type=jwt_token", b"grant_type=jwt%ZZtoken", b"gr%ant_type=jwt_token", b"=&&=x"],
)
def test_the_stand_in_refuses_repeated_or_percent_broken_form_keys(body: bytes, server: StandInServer) -> None:
    answer = httpx.post(
        f"{server.base_url}/v3/generatetoken",
        content=body,
        headers={"Authorization": "Bearer x", "Content-Type": "application/x-www-form-urlencoded"},
    )

    assert answer.status_code == 400
    assert media.deserialize(ApiFault, answer.content, answer.headers["content-type"]).code == 4000


class EndlessStream(httpx.SyncByteStream):
    """A body that never ends, as a broken or hostile server might send."""

    def __iter__(self) -> Iterator[bytes]:
        while True:
            yield b"[" * 65536


@pytest.mark.parametrize(
    ("content", "headers", "limit"),
    [
        (b"x" * (1024 * 1024 + 1), {}, None),
        (b'{"access_token": "' + b"a" * 5000 + b'"}', {}, 1000),
        (gzip.compress(b" " * (50 * 1024 * 1024)), {"Content-Encoding": "gzip"}, None),  # 50 MB of spaces, ~50 KB
    ],
    ids=["past 1 MiB", "past a configured limit", "a gzip bomb"],
)
def test_bodies_past_the_limit_are_refused_while_streaming(
    content: bytes, headers: dict[str, str], limit: int | None
) -> None:
    options = {} if limit is None else {"max_response_size": limit}
    client = answering(200, content, {"Content-Type": "application/json", **headers}, **options)

    with pytest.raises(errors.ResponseTooLarge) as caught:
        generate_access_token.sync(client=client, body=TokenRequest())

    assert caught.value.status_code == 200
    assert len(caught.value.content) == (limit or 1024 * 1024)


def test_an_endless_body_is_cut_off_not_buffered() -> None:
    endless = httpx.Response(200, headers={"Content-Type": "application/json"}, stream=EndlessStream())
    client = AuthenticatedClient(base_url="https://partner.test", token="t")
    client.set_httpx_client(
        httpx.Client(base_url="https://partner.test", transport=httpx.MockTransport(lambda r: endless))
    )

    with pytest.raises(errors.ResponseTooLarge):
        generate_access_token.sync(client=client, body=TokenRequest())
