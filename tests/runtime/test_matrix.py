"""Both operations x every request media type x every response media type, over loopback."""

from __future__ import annotations

import json
import uuid
import warnings
from types import ModuleType
from typing import Any, get_args
from urllib.parse import parse_qsl

import pytest
from lxml import etree

from partner_center_auth import AuthenticatedClient, TokenRequest, TokenResponse
from partner_center_auth.api.authentication import generate_access_token, generate_access_token_legacy
from partner_center_auth.testing import StandInServer

OPERATIONS = [generate_access_token, generate_access_token_legacy]
MATRIX = [
    pytest.param(operation, content_type, accept, id=f"{operation.OPERATION.path}-{content_type}-{accept}")
    for operation in OPERATIONS
    for content_type in get_args(operation.RequestMediaType)
    for accept in get_args(operation.ResponseMediaType)
]


def decode_wire_body(body: bytes, content_type: str) -> dict[str, Any]:
    """Read a request body with plain stdlib/lxml tools, independently of the package's codecs."""
    if content_type.endswith("json"):
        decoded: dict[str, Any] = json.loads(body)
        return decoded
    if content_type.endswith("xml"):
        root = etree.fromstring(body)
        return {"<root>": root.tag, **{str(child.tag): child.text for child in root}}
    return dict(parse_qsl(body.decode("ascii"), strict_parsing=True))


def call(operation: ModuleType, **kwargs: Any) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return operation.sync_detailed(**kwargs)


def test_the_matrix_covers_both_operations_and_every_documented_media_type() -> None:
    assert len(MATRIX) == 40


@pytest.mark.parametrize(("operation", "content_type", "accept"), MATRIX)
def test_call(
    operation: ModuleType, content_type: str, accept: str, server: StandInServer, client: AuthenticatedClient
) -> None:
    response = call(operation, client=client, body=TokenRequest(), content_type=content_type, accept=accept)

    (sent,) = server.requests
    assert sent.method == "POST"
    assert sent.path == operation.OPERATION.path
    assert sent.headers["content-type"] == content_type
    assert sent.headers["accept"] == accept
    assert sent.headers["authorization"] == "Bearer entra-id-token-for-tests"
    wire = decode_wire_body(sent.body, content_type)
    assert wire["grant_type"] == "jwt_token"
    if content_type.endswith("xml"):
        assert wire["<root>"] == "TokenRequest"

    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == accept
    assert isinstance(response.parsed, TokenResponse)
    assert response.parsed.access_token == server.issued_tokens[-1]
    assert response.parsed.token_type == "bearer"
    assert response.parsed.expires_in == 3600


def test_default_media_types_are_the_first_documented_ones(server: StandInServer, client: AuthenticatedClient) -> None:
    token = generate_access_token.sync(client=client, body=TokenRequest())

    assert isinstance(token, TokenResponse)
    (sent,) = server.requests
    assert sent.headers["content-type"] == "application/x-www-form-urlencoded"
    assert sent.headers["accept"] == "application/json"
    assert sent.body == b"grant_type=jwt_token"


def test_fresh_correlation_and_request_ids_are_sent_and_echoed(
    server: StandInServer, client: AuthenticatedClient
) -> None:
    first = generate_access_token.sync_detailed(client=client, body=TokenRequest())
    second = generate_access_token.sync_detailed(client=client, body=TokenRequest())

    ids = [(r.headers["ms-correlationid"], r.headers["ms-requestid"]) for r in server.requests]
    for correlation_id, request_id in ids:
        assert uuid.UUID(correlation_id).version == 4
        assert uuid.UUID(request_id).version == 4
    assert len({value for pair in ids for value in pair}) == 4
    assert first.headers["MS-CorrelationId"] == ids[0][0]
    assert second.headers["MS-RequestId"] == ids[1][1]


def test_given_ids_are_sent_as_they_are(server: StandInServer, client: AuthenticatedClient) -> None:
    correlation_id, request_id = uuid.uuid4(), uuid.uuid4()

    response = generate_access_token.sync_detailed(
        client=client, body=TokenRequest(), ms_correlationid=correlation_id, ms_requestid=request_id
    )

    assert server.requests[0].headers["ms-correlationid"] == str(correlation_id)
    assert response.headers["MS-RequestId"] == str(request_id)


def test_the_legacy_operation_warns(client: AuthenticatedClient) -> None:
    with pytest.warns(DeprecationWarning, match="deprecated") as caught:
        token = generate_access_token_legacy.sync(client=client, body=TokenRequest())

    assert isinstance(token, TokenResponse)
    assert len(caught) == 1
    assert caught[0].filename == __file__  # attributed to the caller's line


def test_the_current_operation_does_not_warn(client: AuthenticatedClient) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        generate_access_token.sync(client=client, body=TokenRequest())


@pytest.mark.anyio
@pytest.mark.parametrize("content_type", ["application/xml", "text/json"])
async def test_async_functions_speak_the_same_media_types(
    server: StandInServer, content_type: generate_access_token.RequestMediaType
) -> None:
    async with AuthenticatedClient(base_url=server.base_url, token="async-token") as client:
        detailed = await generate_access_token.asyncio_detailed(
            client=client, body=TokenRequest(), content_type=content_type, accept="text/xml"
        )
        with pytest.warns(DeprecationWarning):
            parsed = await generate_access_token_legacy.asyncio(
                client=client, body=TokenRequest(), content_type=content_type, accept="application/xml"
            )

    assert isinstance(detailed.parsed, TokenResponse)
    assert isinstance(parsed, TokenResponse)
    assert [r.headers["content-type"] for r in server.requests] == [content_type, content_type]
    assert [r.headers["accept"] for r in server.requests] == ["text/xml", "application/xml"]
