"""The stand-in's service answers alike through ``httpx.MockTransport`` and over the server's sockets."""

from __future__ import annotations

import httpx
import pytest
from attrs import frozen

from partner_center_auth import RetryPolicy, TokenProvider, TokenRequest, errors, media
from partner_center_auth.testing import StandInServer, StandInService

ENTRA = "entra-id-token"
BEARER = {"Authorization": f"Bearer {ENTRA}"}
IDS = {
    "ms-correlationid": "0f8fad5b-d9cb-469f-a165-70867728950e",
    "ms-requestid": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
}
VOLATILE = {"date", "server", "ms-cv"}  # the server's clock and name, and a fresh value per answer
FORM, JSON = "application/x-www-form-urlencoded", "application/json"


@frozen
class Case:
    method: str
    path: str
    fields: dict[str, str]
    body: bytes
    status: int  # what both answer
    told: int | None = None  # the status both were told to answer next


def sent(media_type: str) -> bytes:
    return media.serialize(TokenRequest(), media_type)


CASES = {
    "v3, form, a JSON answer": Case(
        "POST", "/v3/generatetoken", {**BEARER, "Content-Type": FORM, "Accept": JSON}, sent(FORM), 200
    ),
    "v3, JSON, an XML answer": Case(
        "POST",
        "/v3/generatetoken",
        {**BEARER, "Content-Type": JSON, "Accept": "application/xml;q=0.9, application/json;q=0.1"},
        sent(JSON),
        200,
    ),
    "legacy, text/xml, a text/json answer": Case(
        "POST", "/generatetoken", {**BEARER, "Content-Type": "text/xml", "Accept": "text/json"}, sent("text/xml"), 200
    ),
    "no Bearer token": Case("POST", "/v3/generatetoken", {"Content-Type": JSON}, sent(JSON), 401),
    "an undocumented Content-Type": Case(
        "POST", "/v3/generatetoken", {**BEARER, "Content-Type": "text/plain"}, sent(FORM), 400
    ),
    "a bad body": Case("POST", "/v3/generatetoken", {**BEARER, "Content-Type": FORM}, b"grant_type=password", 400),
    "an unknown path": Case("GET", "/v1/customers?size=1", BEARER, b"", 404),
    "told to fail": Case("POST", "/v3/generatetoken", {**BEARER, "Content-Type": JSON}, sent(JSON), 503, told=503),
}


def seen(response: httpx.Response, service: StandInService) -> tuple[int, dict[str, str], bytes]:
    """What a client sees, with the token issued and the volatile fields aside."""
    content = response.content
    for token in service.issued_tokens:
        content = content.replace(token.encode(), b"<token>")
    headers = {name: value for name, value in response.headers.items() if name not in VOLATILE}
    return response.status_code, headers, content


@pytest.mark.parametrize("name", CASES)
def test_the_service_answers_through_a_mock_transport_as_the_server_does(name: str) -> None:
    case = CASES[name]
    service = StandInService()
    with StandInServer() as server, httpx.Client() as over_sockets:
        if case.told is not None:
            server.fail_next(case.told, retry_after=1.5)
            service.fail_next(case.told, retry_after=1.5)
        fields = {**case.fields, **IDS}
        by_server = over_sockets.request(case.method, server.base_url + case.path, headers=fields, content=case.body)
        with httpx.Client(transport=httpx.MockTransport(service)) as mocked:
            by_service = mocked.request(case.method, f"http://127.0.0.1{case.path}", headers=fields, content=case.body)

    assert seen(by_service, service) == seen(by_server, server.service)
    assert by_service.status_code == case.status
    assert (by_service.headers.get("retry-after"), len(service.issued_tokens)) == (
        ("1.5", 0) if case.told else (None, int(case.status == 200))
    )
    for recorded in (service.requests, server.requests):
        assert [(r.method, r.path, r.body, r.headers["ms-requestid"]) for r in recorded] == [
            (case.method, case.path, case.body, IDS["ms-requestid"])
        ]


def test_a_provider_gets_its_tokens_and_errors_from_the_service_through_a_mock_transport() -> None:
    service = StandInService()
    no_retry = RetryPolicy(max_attempts=1)
    transport = httpx.MockTransport(service)
    with TokenProvider(ENTRA, base_url="http://127.0.0.1:9", transport=transport, retry=no_retry) as provider:
        token = provider.get_token()
        service.fail_next(500)
        provider.invalidate()
        with pytest.raises(errors.ServerError) as caught:
            provider.get_token()

    assert token.access_token == service.issued_tokens[0]
    assert service.requests[0].headers["authorization"] == f"Bearer {ENTRA}"
    assert (caught.value.status_code, service.call_count) == (500, 2)
