"""Servers that send back what they were sent, overrun their framing or stack compressions, over
real sockets: nothing they echo is repeated by the package, and their tricks end in typed errors."""

from __future__ import annotations

import gzip
import json
import logging
import os
import socket
import subprocess
import sys
import textwrap
import time
import traceback
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from rawhttp import header, read_request, serving

from partner_center_auth import AuthenticatedClient, TokenProvider, TokenRequest
from partner_center_auth.api.authentication import generate_access_token
from partner_center_auth.errors import (
    InvalidCredentials,
    PartnerCenterAuthError,
    ResponseDecodeError,
    TransportFailure,
    TransportTimeout,
    UndocumentedContentType,
)

# A realistic Entra ID token: a JWT-shaped kilobyte, nothing a message could carry by chance.
SECRET = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + "c2VjcmV0LXBheWxvYWQ" * 40 + ".c2lnbmF0dXJl"
TOKEN_JSON = b'{"access_token":"pc-token","token_type":"Bearer","expires_in":3600}'


def _answer(connection: socket.socket, head: list[str], body: bytes) -> None:
    lines = "\r\n".join([*head, f"Content-Length: {len(body)}", "", ""])
    connection.sendall(lines.encode("latin-1") + body)


def _echoing(where: str) -> Callable[[socket.socket], None]:
    """A token server that puts the request's Authorization header where it should never be."""

    def handle(connection: socket.socket) -> None:
        while request := read_request(connection):
            echoed = header(request, "authorization").decode("latin-1")
            head = ["HTTP/1.1 200 OK", "Content-Type: application/json"]
            if where == "x-echo":
                head.append(f"X-Echo: {echoed}")
            elif where == "content-type":
                head = ["HTTP/1.1 200 OK", f"Content-Type: application/{echoed.split()[-1]}"]
            elif where == "correlation":
                head.append(f"MS-CorrelationId: {echoed}")
                head[0] = "HTTP/1.1 400 Bad Request"
            elif where == "reason":
                head[0] = f"HTTP/1.1 200 {echoed}"
            _answer(connection, head, TOKEN_JSON)

    return handle


@pytest.mark.parametrize("where", ["x-echo", "content-type", "correlation", "reason"])
def test_an_echoed_credential_reaches_no_log_record_and_no_message(
    where: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # httpx's and httpcore's records included
    with serving(_echoing(where)) as server:
        messages: list[str] = []
        httpx_args: dict[str, Any]
        for httpx_args in ({}, {"transport": httpx.HTTPTransport()}):  # the package's transport, and the caller's
            with AuthenticatedClient(base_url=server.base_url, token=SECRET, httpx_args=httpx_args) as client:
                try:
                    response = generate_access_token.sync_detailed(client=client, body=TokenRequest())
                    messages.append(repr(response))
                except PartnerCenterAuthError as error:
                    messages += [str(error), repr(error)]
        with TokenProvider(SECRET, base_url=server.base_url) as provider:
            try:
                provider.get_token()
            except PartnerCenterAuthError as error:
                messages += [str(error), repr(error)]
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert any("receive_response_headers.complete" in record.getMessage() for record in caplog.records)
    assert SECRET not in logged
    assert SECRET[40:80] not in logged
    assert not any(SECRET[40:80] in message for message in messages)


def test_an_echoed_content_type_is_not_quoted() -> None:
    with (
        serving(_echoing("content-type")) as server,
        AuthenticatedClient(base_url=server.base_url, token=SECRET) as client,
        pytest.raises(UndocumentedContentType) as raised,
    ):
        generate_access_token.sync(client=client, body=TokenRequest())
    assert SECRET[40:80] not in str(raised.value)
    assert "a Content-Type of its own" in str(raised.value)
    assert raised.value.headers["content-type"].endswith(SECRET)  # kept where the caller can look


def test_a_well_known_content_type_is_still_named() -> None:
    def handle(connection: socket.socket) -> None:
        read_request(connection)
        _answer(connection, ["HTTP/1.1 200 OK", "Content-Type: text/html; charset=utf-8"], b"<html></html>")

    with (
        serving(handle) as server,
        AuthenticatedClient(base_url=server.base_url, token=SECRET) as client,
        pytest.raises(UndocumentedContentType, match="'text/html'"),
    ):
        generate_access_token.sync(client=client, body=TokenRequest())


@pytest.mark.parametrize(
    "body",
    [
        b"<TokenResponse><access_token><![CDATA[" + SECRET.encode(),  # an unterminated CDATA
        b"<TokenResponse><" + SECRET.encode() + b">x</TokenResponse>",  # a mismatched tag
        b"<" + SECRET.encode() + b"><access_token>x</access_token></" + SECRET.encode() + b">",  # a root of its own
        b"<TokenResponse><" + SECRET.encode() + b">x</" + SECRET.encode() + b"></TokenResponse>",  # an unknown element
    ],
)
def test_what_the_parser_read_is_never_quoted(body: bytes) -> None:
    def handle(connection: socket.socket) -> None:
        read_request(connection)
        _answer(connection, ["HTTP/1.1 200 OK", "Content-Type: application/xml"], body)

    with (
        serving(handle) as server,
        AuthenticatedClient(base_url=server.base_url, token="t") as client,
        pytest.raises(ResponseDecodeError) as raised,
    ):
        generate_access_token.sync(client=client, body=TokenRequest(), accept="application/xml")
    assert SECRET[40:80] not in str(raised.value)
    assert "\n" not in str(raised.value)
    assert raised.value.content == body


@pytest.mark.parametrize(
    "body",
    [
        json.dumps({"access_token": "x", "token_type": "Bearer", SECRET: 1}).encode(),
        json.dumps({"access_token": "x", "token_type": "Bearer", "expires_in": SECRET}).encode(),
    ],
)
def test_json_members_a_server_chose_are_never_quoted(body: bytes) -> None:
    def handle(connection: socket.socket) -> None:
        read_request(connection)
        _answer(connection, ["HTTP/1.1 200 OK", f"Content-Type: application/json; charset={SECRET[:60]}"], body)

    with serving(handle) as server, AuthenticatedClient(base_url=server.base_url, token="t") as client:
        try:
            generate_access_token.sync(client=client, body=TokenRequest())
        except PartnerCenterAuthError as error:
            assert SECRET[:60] not in str(error)
            assert SECRET[40:80] not in str(error)


def test_the_cli_prints_one_line_and_nothing_echoed(tmp_path: Path) -> None:
    for where in ("x-echo", "content-type", "correlation", "reason"):
        with serving(_echoing(where)) as server:
            finished = subprocess.run(
                [sys.executable, "-m", "partner_center_auth", "-vv", "token", "--base-url", server.base_url],
                input=SECRET.encode(),
                capture_output=True,
                timeout=60,
                env={**os.environ, "NO_PROXY": "*"},
            )
        output = finished.stdout + finished.stderr
        assert SECRET[40:80].encode() not in output, where

    def cdata(connection: socket.socket) -> None:
        read_request(connection)
        body = b"<TokenResponse><access_token><![CDATA[" + SECRET.encode() + b"\nsecond line"
        _answer(connection, ["HTTP/1.1 200 OK", "Content-Type: application/xml"], body)

    with serving(cdata) as server:
        finished = subprocess.run(
            [
                sys.executable,
                "-m",
                "partner_center_auth",
                "token",
                "--base-url",
                server.base_url,
                "--accept",
                "application/xml",
            ],
            input=b"entra",
            capture_output=True,
            timeout=60,
        )
    assert finished.returncode == 5
    assert SECRET[40:80].encode() not in finished.stderr
    assert finished.stderr.decode().count("\n") == 1


@pytest.mark.parametrize(
    "token", ["\ufeffeyJ0eXAi.payload.sig", "eyJ0eXAi\x85payload", "caf\u00e9", "tab\tinside", " lead"]
)
def test_credentials_that_cannot_be_header_values_are_typed_and_unquoted(token: str) -> None:
    with serving(_echoing("x-echo")) as server:
        client = AuthenticatedClient(base_url=server.base_url, token=token)
        with pytest.raises(InvalidCredentials) as raised:
            generate_access_token.sync(client=client, body=TokenRequest())
        assert token.strip() not in str(raised.value) and token.strip() not in repr(raised.value.args)
        assert raised.value.__context__ is None and raised.value.__cause__ is None
        client = AuthenticatedClient(base_url=server.base_url, token="ok", headers={"X-Api-Key": token})
        with pytest.raises(InvalidCredentials, match="X-Api-Key"):
            generate_access_token.sync(client=client, body=TokenRequest())
        if token != token.strip():
            return  # the provider strips a file's whitespace: only the others are refused there
        with TokenProvider(token, base_url=server.base_url) as provider, pytest.raises(InvalidCredentials) as raised:
            provider.get_token()
        assert token not in repr(raised.value.args)


def test_the_callers_headers_are_not_changed() -> None:
    headers = {"X-Trace": "1"}
    with (
        serving(_echoing("none")) as server,
        AuthenticatedClient(base_url=server.base_url, token="t", headers=headers) as client,
    ):
        generate_access_token.sync(client=client, body=TokenRequest())
    assert headers == {"X-Trace": "1"}


def _bomb(layers: int, size: int) -> bytes:
    # Zeros compress about 1000:1 per gzip layer; the next layer compresses the previous one's repetition.
    body = b"\0" * size
    for _ in range(layers):
        body = gzip.compress(body, 9)
    return body


@pytest.mark.parametrize("layers", [1, 2, 3])
def test_stacked_compression_stays_within_a_small_multiple_of_the_limit(layers: int, tmp_path: Path) -> None:
    size = 400 * 1024 * 1024 if layers > 1 else 64 * 1024 * 1024
    bomb = _bomb(layers, size)
    (tmp_path / "bomb").write_bytes(bomb)
    script = textwrap.dedent(
        f"""
        import resource, socket, threading
        from partner_center_auth import AuthenticatedClient, TokenRequest
        from partner_center_auth.api.authentication import generate_access_token
        from partner_center_auth.errors import ResponseTooLarge
        bomb = open({str(tmp_path / "bomb")!r}, "rb").read()
        listener = socket.create_server(("127.0.0.1", 0))
        def serve():
            connection, _ = listener.accept()
            connection.recv(65536)
            head = ("HTTP/1.1 200 OK\\r\\nContent-Type: application/json\\r\\nContent-Encoding: "
                    + ", ".join(["gzip"] * {layers}) + f"\\r\\nContent-Length: {{len(bomb)}}\\r\\n\\r\\n")
            connection.sendall(head.encode() + bomb)
        threading.Thread(target=serve, daemon=True).start()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        base_url = "http://127.0.0.1:%d" % listener.getsockname()[1]
        with AuthenticatedClient(base_url=base_url, token="t") as client:
            try:
                generate_access_token.sync(client=client, body=TokenRequest())
            except ResponseTooLarge as error:
                assert len(error.content) == 1024 * 1024
            else:
                raise SystemExit("no ResponseTooLarge")
        print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
        """
    )
    finished = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120, text=True)
    assert finished.returncode == 0, finished.stderr[-2000:]
    grown_mib = int(finished.stdout.split()[-1])
    assert grown_mib < 16, f"peak memory grew {grown_mib} MiB for a 1 MiB limit"


def test_an_unknown_content_coding_is_a_typed_error() -> None:
    def handle(connection: socket.socket) -> None:
        read_request(connection)
        _answer(
            connection, ["HTTP/1.1 200 OK", "Content-Type: application/json", f"Content-Encoding: {SECRET[:50]}"], b"x"
        )

    with (
        serving(handle) as server,
        AuthenticatedClient(base_url=server.base_url, token="t") as client,
        pytest.raises(ResponseDecodeError) as raised,
    ):
        generate_access_token.sync(client=client, body=TokenRequest())
    assert SECRET[:50] not in str(raised.value)


def test_a_corrupt_compressed_body_is_a_typed_error() -> None:
    def handle(connection: socket.socket) -> None:
        read_request(connection)
        _answer(
            connection,
            ["HTTP/1.1 200 OK", "Content-Type: application/json", "Content-Encoding: gzip"],
            b"\x1f\x8bnot gzip",
        )

    with (
        serving(handle) as server,
        AuthenticatedClient(base_url=server.base_url, token="t") as client,
        pytest.raises(ResponseDecodeError),
    ):
        generate_access_token.sync(client=client, body=TokenRequest())


def test_deflate_with_and_without_its_zlib_wrapper_reads_as_httpx_reads_it() -> None:
    for compressed in (zlib.compress(TOKEN_JSON), zlib.compress(TOKEN_JSON)[2:-4]):

        def handle(connection: socket.socket, compressed: bytes = compressed) -> None:
            read_request(connection)
            _answer(
                connection,
                ["HTTP/1.1 200 OK", "Content-Type: application/json", "Content-Encoding: deflate"],
                compressed,
            )

        with serving(handle) as server, AuthenticatedClient(base_url=server.base_url, token="t") as client:
            assert generate_access_token.sync(client=client, body=TokenRequest()).access_token == "pc-token"  # type: ignore[union-attr]


SMUGGLED = b'{"access_token":"smuggled","token_type":"Bearer","expires_in":3600}'


def _overrunning(connection: socket.socket) -> None:
    sent_extra = False
    while read_request(connection):
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(TOKEN_JSON)
        smuggled = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(SMUGGLED)
        extra = b"" if sent_extra else smuggled + SMUGGLED
        sent_extra = True
        connection.sendall(head + TOKEN_JSON + extra)  # one segment: the leftover is buffered with the answer


def test_a_body_longer_than_its_content_length_never_answers_the_next_call() -> None:
    with serving(_overrunning) as server:
        total_timeout: float | None
        for total_timeout in (60.0, None):
            with AuthenticatedClient(base_url=server.base_url, token="t", total_timeout=total_timeout) as client:
                first = generate_access_token.sync(client=client, body=TokenRequest())
                assert first.access_token == "pc-token"  # type: ignore[union-attr]
                try:
                    second = generate_access_token.sync(client=client, body=TokenRequest())
                except TransportFailure:
                    second = None
                assert second is None or second.access_token == "pc-token"  # type: ignore[union-attr]
                third = generate_access_token.sync(client=client, body=TokenRequest())
                assert third.access_token == "pc-token"  # type: ignore[union-attr]


def _dripping_headers(connection: socket.socket) -> None:
    read_request(connection)
    _dripping_headers_after(connection)


def test_a_deadline_ends_the_exchange_on_a_transport_of_the_callers() -> None:
    with serving(_dripping_headers) as server:
        clients = [
            AuthenticatedClient(
                base_url=server.base_url, token="t", total_timeout=0.5, httpx_args={"transport": httpx.HTTPTransport()}
            )
            for _ in range(5)
        ]
        for client in clients:
            with pytest.raises(TransportTimeout):
                generate_access_token.sync(client=client, body=TokenRequest())
        ended = time.monotonic() + 5
        while server.open and time.monotonic() < ended:
            time.sleep(0.05)
        assert server.accepted == 5
        assert server.open == 0, f"{server.open} of 5 exchanges still hold their connection"
        for client in clients:
            client.get_httpx_client().close()


def test_a_deadline_ends_the_exchange_on_a_kept_client_of_the_callers_too() -> None:
    calls = []

    def first_answers_then_drips(connection: socket.socket) -> None:
        while request := read_request(connection):
            calls.append(request)
            if len(calls) > 1:
                _dripping_headers_after(connection)
                return
            _answer(connection, ["HTTP/1.1 200 OK", "Content-Type: application/json"], TOKEN_JSON)

    with serving(first_answers_then_drips) as server:
        client = AuthenticatedClient(
            base_url=server.base_url, token="t", total_timeout=0.5, httpx_args={"transport": httpx.HTTPTransport()}
        )
        assert generate_access_token.sync(client=client, body=TokenRequest()) is not None
        with pytest.raises(TransportTimeout):
            generate_access_token.sync(client=client, body=TokenRequest())
        ended = time.monotonic() + 5
        while server.open and time.monotonic() < ended:
            time.sleep(0.05)
        assert server.open == 0
        client.get_httpx_client().close()


def _dripping_headers_after(connection: socket.socket) -> None:
    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: " + b"a" * 10_000:
        connection.sendall(bytes([byte]))
        time.sleep(0.05)


@pytest.mark.anyio
async def test_async_clients_never_take_another_requests_answer_either() -> None:
    with serving(_overrunning) as server:
        async with AuthenticatedClient(base_url=server.base_url, token="t") as client:
            first = await generate_access_token.asyncio(client=client, body=TokenRequest())
            assert first.access_token == "pc-token"  # type: ignore[union-attr]
            try:
                second = await generate_access_token.asyncio(client=client, body=TokenRequest())
            except TransportFailure:
                second = None
            assert second is None or second.access_token == "pc-token"  # type: ignore[union-attr]
            third = await generate_access_token.asyncio(client=client, body=TokenRequest())
            assert third.access_token == "pc-token"  # type: ignore[union-attr]


def _malformed(where: str) -> Callable[[socket.socket], None]:
    """A server that echoes the Authorization header into bytes the HTTP parser refuses."""

    def handle(connection: socket.socket) -> None:
        request = read_request(connection)
        echoed = header(request, "authorization")
        answers = {
            "status line": b"HTTP/1.1 2x0 " + echoed + b"\r\nContent-Length: 0\r\n\r\n",
            "header line": b"HTTP/1.1 200 OK\r\n" + echoed + b"\r\nContent-Length: 0\r\n\r\n",
            "chunk size": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + echoed + b"\r\n",
            "header name": b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-"
            + echoed.split()[-1]
            + b": 1\r\nContent-Length: %d\r\n\r\n" % len(TOKEN_JSON)
            + TOKEN_JSON,
        }
        connection.sendall(answers[where])

    return handle


@pytest.mark.parametrize("where", ["status line", "header line", "chunk size", "header name"])
def test_bytes_the_parser_refuses_reach_no_traceback_and_no_log(where: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    printed = ""
    with serving(_malformed(where)) as server, AuthenticatedClient(base_url=server.base_url, token=SECRET) as client:
        try:
            generate_access_token.sync(client=client, body=TokenRequest())
        except PartnerCenterAuthError as error:
            printed = "".join(traceback.format_exception(error))
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert SECRET[40:80] not in printed
    assert SECRET[40:80] not in logged


def test_a_redirect_to_an_echoed_location_is_not_repeated(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)

    def handle(connection: socket.socket) -> None:
        while request := read_request(connection):
            target = request.split(b" ", 2)[1]
            if target.startswith(b"/v3/"):
                echoed = header(request, "authorization").split()[-1]
                _answer(connection, ["HTTP/1.1 307 Temporary Redirect", f"Location: /{echoed.decode()}"], b"")
            else:
                _answer(connection, ["HTTP/1.1 200 OK", "Content-Type: application/json"], TOKEN_JSON)

    messages = []
    with serving(handle) as server:
        with AuthenticatedClient(base_url=server.base_url, token=SECRET, follow_redirects=True) as client:
            response = generate_access_token.sync_detailed(client=client, body=TokenRequest())
            messages.append(repr(response))

        def scheme(connection: socket.socket) -> None:
            read_request(connection)
            _answer(connection, ["HTTP/1.1 307 Temporary Redirect", f"Location: {SECRET[40:80].lower()}://x/"], b"")

    with (
        serving(scheme) as server,
        AuthenticatedClient(base_url=server.base_url, token=SECRET, follow_redirects=True) as client,
    ):
        try:
            generate_access_token.sync(client=client, body=TokenRequest())
        except PartnerCenterAuthError as error:
            messages.append("".join(traceback.format_exception(error)))
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert SECRET[40:80] not in logged
    assert not any(SECRET[40:80].lower() in message for message in messages)


def test_a_thousand_codings_are_a_typed_error() -> None:
    def handle(connection: socket.socket) -> None:
        read_request(connection)
        codings = ",".join(["gzip"] * 1000)
        _answer(connection, ["HTTP/1.1 200 OK", "Content-Type: application/json", f"Content-Encoding: {codings}"], b"x")

    with (
        serving(handle) as server,
        AuthenticatedClient(base_url=server.base_url, token="t") as client,
        pytest.raises(ResponseDecodeError, match="at most 8"),
    ):
        generate_access_token.sync(client=client, body=TokenRequest())


@pytest.mark.parametrize(
    "options",
    [
        {"auth_header_name": "Authorizati\u00f6n"},
        {"auth_header_name": "Authorization\n"},
        {"auth_header_name": "X Auth"},
        {"headers": {"X-K\u00e9y": "v"}},
        {"headers": {"X-Key:": "v"}},
    ],
)
def test_header_names_that_cannot_be_sent_are_typed(options: dict[str, Any]) -> None:
    with serving(_echoing("none")) as server:
        client = AuthenticatedClient(base_url=server.base_url, token="t", **options)
        with pytest.raises(InvalidCredentials):
            generate_access_token.sync(client=client, body=TokenRequest())


@pytest.mark.parametrize("end", ["\x85", "\u00a0", "\u2028"])
def test_the_provider_strips_ascii_whitespace_only(end: str) -> None:
    with (
        serving(_echoing("none")) as server,
        TokenProvider("token" + end, base_url=server.base_url) as provider,
        pytest.raises(InvalidCredentials),
    ):
        provider.get_token()


@pytest.mark.parametrize("proxy", ["http://[::1", "socks9://secret@x:1", "http://:1", "ftp://secret@x:1"])
def test_a_malformed_environment_proxy_is_a_typed_error(proxy: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy)
    with pytest.raises(TransportFailure, match="HTTP_PROXY") as raised:
        TokenProvider("t", base_url="http://127.0.0.1:9").get_token()
    assert proxy not in str(raised.value)
