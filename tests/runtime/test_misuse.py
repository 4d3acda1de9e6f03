"""What a caller gets wrong ends in a typed error that says what to do, and shows no secret."""

from __future__ import annotations

import asyncio
import logging
import socket
import subprocess
import sys
import time

import pytest
import trio

from partner_center_auth import AsyncTokenProvider, AuthenticatedClient, TokenProvider, TokenRequest
from partner_center_auth.api.authentication import generate_access_token
from partner_center_auth.errors import ClientClosed, CredentialUnavailable, InvalidArgument, TransportFailure
from partner_center_auth.testing import StandInServer


def test_a_client_used_after_its_with_block_is_client_closed(server: StandInServer) -> None:
    with AuthenticatedClient(base_url=server.base_url, token="t") as client:
        generate_access_token.sync(client=client, body=TokenRequest())
    with pytest.raises(ClientClosed):
        generate_access_token.sync(client=client, body=TokenRequest())


def test_an_async_client_used_after_its_with_block_is_client_closed(server: StandInServer) -> None:
    async def main() -> None:
        async with AuthenticatedClient(base_url=server.base_url, token="t") as client:
            await generate_access_token.asyncio(client=client, body=TokenRequest())
        with pytest.raises(ClientClosed):
            await generate_access_token.asyncio(client=client, body=TokenRequest())

    asyncio.run(main())


def test_a_password_in_the_base_url_stays_out_of_reprs_and_logs(
    server: StandInServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    base_url = server.base_url.replace("http://", "http://svc:hunter2@")
    with AuthenticatedClient(base_url=base_url, token="t") as client:
        generate_access_token.sync(client=client, body=TokenRequest())
        shown = repr(client)
    with TokenProvider("entra", base_url=base_url) as provider:
        provider.get_token()
        shown += repr(provider)
    assert "hunter2" not in shown
    assert "hunter2" not in "\n".join(record.getMessage() for record in caplog.records)


def test_the_async_provider_under_trio_is_a_typed_error_saying_why(server: StandInServer) -> None:
    async def main() -> None:
        async with AsyncTokenProvider("entra", base_url=server.base_url) as provider:
            await provider.get_token()

    with pytest.raises(TransportFailure, match="asyncio"):
        trio.run(main)


def test_an_async_source_raising_cancelled_error_is_credential_unavailable(server: StandInServer) -> None:
    calls = 0

    async def source() -> str:
        nonlocal calls
        calls += 1
        raise asyncio.CancelledError

    async def main() -> None:
        async with AsyncTokenProvider(source, base_url=server.base_url) as provider:
            with pytest.raises(CredentialUnavailable):
                await asyncio.wait_for(provider.get_token(), 10)

    asyncio.run(main())
    assert calls == 1


def test_a_fetch_whose_loop_was_closed_unfinished_is_taken_over_at_once(server: StandInServer) -> None:
    async def slow_source() -> str:
        await asyncio.sleep(0.5)
        return "entra"

    provider = AsyncTokenProvider(slow_source, base_url=server.base_url)

    def get_token_sync(limit: float) -> object:
        loop = asyncio.new_event_loop()
        try:
            return loop.run_until_complete(asyncio.wait_for(provider.get_token(), limit))
        finally:
            loop.close()

    with pytest.raises(TimeoutError):
        get_token_sync(0.1)  # gives up, and closes its loop with the fetch unfinished
    started = time.monotonic()
    assert get_token_sync(15) is not None
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("size", [0, -1, True, 1.5, "x", None])
def test_a_size_that_is_no_number_of_bytes_is_refused_when_made(size: object) -> None:
    with pytest.raises(InvalidArgument, match="max_response_size"):
        TokenProvider("entra", max_response_size=size)  # type: ignore[arg-type]


def _raw(server: StandInServer, request: bytes) -> bytes:
    with socket.create_connection((server.host, int(server.base_url.rsplit(":", 1)[1]))) as connection:
        connection.settimeout(5)
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
        return answer


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"POST /v3/generatetoken HTTP/1.0\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n"
        b"0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n",
        b"POST /v3/generatetoken HTTP/1.1\r\nHost: x\r\nContent-Length : 20\r\n\r\nGET /smuggled HTTP/1.1\r\n\r\n",
        b"POST /v3/generatetoken HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
        b"POST /v3/generatetoken HTTP/1.1\r\nHost: a\r\nHost: b\r\nContent-Length: 0\r\n\r\n",
    ],
)
def test_the_stand_in_refuses_framing_and_hosts_rfc_9112_refuses(server: StandInServer, request_bytes: bytes) -> None:
    answer = _raw(server, request_bytes)
    assert answer.startswith(b"HTTP/1.") and b" 400 " in answer.split(b"\r\n", 1)[0]
    assert not any(request.path == "/smuggled" for request in server.requests)


def test_serve_on_a_scoped_address_of_no_interface_is_a_usage_error() -> None:
    finished = subprocess.run(
        [sys.executable, "-m", "partner_center_auth", "serve", "--host", "fe80::1%lo", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 2, finished.stderr
    assert finished.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("template", "values"),
    [
        ("/users/{a}/files", {"a": ".."}),
        ("/users/{a}{b}/files", {"a": ".", "b": "."}),
        ("/users/{a}.{b}/files", {"a": "", "b": ""}),
        ("/users/{a}", {"a": ""}),
    ],
)
def test_path_parameters_that_would_make_an_empty_or_dot_segment_are_refused(
    template: str, values: dict[str, str]
) -> None:
    from partner_center_auth._params import Parameter, expand_path

    parameters = {name: Parameter(name, "path", "simple", False) for name in values}

    with pytest.raises(InvalidArgument, match="would change which resource the path names"):
        expand_path(template, parameters, values)
    assert expand_path(template, parameters, dict.fromkeys(values, "...")).startswith("/users/...")


def test_a_parameter_given_by_content_is_one_text_of_its_media_type_or_a_serialization_error() -> None:
    from partner_center_auth._params import Parameter, cookie_header, expand_path, header_value, query_string
    from partner_center_auth.errors import SerializationError

    as_json = Parameter("q", "query", "form", True, media_type="application/json")
    as_text = Parameter("t", "header", "simple", False, media_type="text/plain")

    assert query_string({"q": as_json}, {"q": {"a": [1, "x y"]}}) == "q=%7B%22a%22%3A%5B1%2C%22x%20y%22%5D%7D"
    assert expand_path("/f/{q}", {"q": as_json}, {"q": ["/"]}) == "/f/%5B%22%2F%22%5D"
    assert cookie_header({"q": as_json}, {"q": True}) == "q=true"
    assert header_value(as_text, 12) == "12"
    with pytest.raises(SerializationError, match="a text/plain value is one text"):
        header_value(as_text, ["a", "b"])
    with pytest.raises(SerializationError, match="cannot be written as JSON"):
        query_string({"q": as_json}, {"q": float("nan")})


@pytest.mark.parametrize("content_type", ["application/json", "application/xml", "application/x-www-form-urlencoded"])
@pytest.mark.parametrize("body", [{"grant_type": "jwt_token"}, "grant_type=jwt_token", None])
def test_a_body_that_is_not_the_operations_model_is_refused_as_what_it_is(
    server: StandInServer, content_type: str, body: object
) -> None:
    from partner_center_auth.errors import SerializationError

    with (
        AuthenticatedClient(base_url=server.base_url, token="an-entra-id-token") as client,
        pytest.raises(SerializationError, match=f"as {content_type}: the body is a TokenRequest") as raised,
    ):
        generate_access_token.sync(client=client, body=body, content_type=content_type)  # type: ignore[arg-type]

    assert ("TokenRequest.from_dict" in str(raised.value)) is isinstance(body, dict)
    assert raised.value.__cause__ is None and raised.value.__suppress_context__
    assert server.call_count == 0  # nothing sent
