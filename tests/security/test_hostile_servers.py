"""The Security promises under hostile servers, proxies and unlucky inputs: one test per case that broke them."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import threading
import time
import traceback
from collections.abc import Callable, Generator, Iterator

import httpx
import pytest

from partner_center_auth import (
    AsyncTokenProvider,
    AuthenticatedClient,
    PartnerCenterCredential,
    RetryPolicy,
    TokenProvider,
    TokenRequest,
    TokenResponse,
    errors,
    media,
)
from partner_center_auth.api.authentication import generate_access_token
from partner_center_auth.testing import StandInServer

ENTRA = "entra-SECRET-2c9d"
ACCESS = "access-SECRET-81ab"
NO_RETRY = RetryPolicy(max_attempts=1)


def answering(
    status: int, body: bytes | str, content_type: str | None = "application/json", **headers: str
) -> httpx.MockTransport:
    """A transport answering every request alike (and recording what it was sent)."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        all_headers = {
            name.encode(): value.encode()  # as bytes: a hostile server's value need not be ASCII
            for name, value in {**({"Content-Type": content_type} if content_type else {}), **headers}.items()
        }
        return httpx.Response(status, content=body.encode() if isinstance(body, str) else body, headers=all_headers)

    transport = httpx.MockTransport(answer)
    transport.sent = sent  # type: ignore[attr-defined]
    return transport


def fetch(transport: httpx.BaseTransport, retry: RetryPolicy = NO_RETRY) -> object:
    """One token from a provider that sends through ``transport``."""
    with TokenProvider(ENTRA, transport=transport, retry=retry) as provider:
        return provider.get_token()


def token_body(**fields: object) -> str:
    return json.dumps({"access_token": ACCESS, "token_type": "bearer", "expires_in": 3600, **fields})


# 1. A caller's http_client is never rewired -------------------------------------------------------


def test_a_callers_http_client_is_used_as_given_never_changed_nor_closed(server: StandInServer) -> None:
    with (
        httpx.Client(base_url="http://127.0.0.1:9", headers={"X-App": "mine"}) as shared,
        pytest.warns(DeprecationWarning, match="transport="),
    ):
        provider = TokenProvider(ENTRA, base_url=server.base_url, http_client=shared, retry=NO_RETRY)
        token = provider.get_token()
        provider.close()

        assert token.access_token == server.issued_tokens[0]
        assert (str(shared.base_url), shared.auth, shared.is_closed) == ("http://127.0.0.1:9", None, False)
        shared.get(f"{server.base_url}/an/unrelated/call")  # the application's own request

    assert server.requests[0].headers["authorization"] == f"Bearer {ENTRA}"
    assert "authorization" not in server.requests[1].headers


def test_the_timeout_is_honoured_with_a_transport_of_ones_own(server: StandInServer) -> None:
    server.break_next("stall-after-headers")
    started = time.perf_counter()

    with (
        TokenProvider(
            ENTRA, base_url=server.base_url, timeout=0.3, transport=httpx.HTTPTransport(), retry=NO_RETRY
        ) as provider,
        pytest.raises(errors.TransportTimeout),
    ):
        provider.get_token()

    assert time.perf_counter() - started < 3


# 2. Slow headers cannot hold a caller past its deadline -------------------------------------------


@pytest.fixture
def dripping_server() -> Iterator[str]:
    """Answers with a status line and headers one byte every 0.1 s (a thousand header lines)."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        connection, _ = listener.accept()
        connection.recv(65536)
        head = b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-Slow-%d: x\r\n" % i for i in range(1000))
        for byte in head:
            if stop.wait(0.1):
                break
            try:
                connection.sendall(bytes([byte]))
            except OSError:
                break
        connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()
    thread.join(timeout=5)


def test_a_server_dripping_its_headers_cannot_hold_a_call_past_total_timeout(dripping_server: str) -> None:
    started = time.perf_counter()

    with (
        AuthenticatedClient(base_url=dripping_server, token=ENTRA, total_timeout=1.0) as client,
        pytest.raises(errors.TransportTimeout),
    ):
        generate_access_token.sync(client=client, body=TokenRequest())

    assert time.perf_counter() - started < 2.5


def test_a_provider_fetch_ends_by_its_deadline_for_every_waiting_caller(dripping_server: str) -> None:
    results: list[BaseException] = []
    with TokenProvider(ENTRA, base_url=dripping_server, total_timeout=1.0, retry=NO_RETRY) as provider:

        def ask() -> None:
            try:
                provider.get_token()
            except errors.PartnerCenterAuthError as error:
                results.append(error)

        started = time.perf_counter()
        callers = [threading.Thread(target=ask) for _ in range(20)]
        for caller in callers:
            caller.start()
        for caller in callers:
            caller.join(timeout=10)

    assert time.perf_counter() - started < 2.5
    assert len(results) == 20 and all(isinstance(error, errors.TransportTimeout) for error in results)


# 3. The clear-text rule is about where the bytes go -----------------------------------------------


@pytest.mark.parametrize("base_url", ["ws://partner.test", "http://partner.test"])
def test_websocket_and_plain_http_beyond_loopback_are_refused(base_url: str) -> None:
    transport = answering(200, token_body())
    with (
        AuthenticatedClient(base_url=base_url, token=ENTRA, httpx_args={"transport": transport}) as client,
        pytest.raises(errors.InsecureTransport),
    ):
        generate_access_token.sync(client=client, body=TokenRequest())

    assert transport.sent == []  # type: ignore[attr-defined]


def test_a_plain_proxy_beyond_loopback_is_refused_even_for_a_loopback_target(
    server: StandInServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", "http://proxy.example:3128")

    with (
        TokenProvider(ENTRA, base_url=server.base_url, retry=NO_RETRY) as provider,
        pytest.raises(errors.InsecureTransport, match="proxy"),
    ):
        provider.get_token()
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with TokenProvider(ENTRA, base_url=server.base_url, retry=NO_RETRY) as provider:
        assert provider.get_token().access_token == server.issued_tokens[0]

    assert len(server.requests) == 1


# 4. Tokens leak through none of these paths (the secrets test covers them too) ----------------------


def test_an_entra_token_read_from_a_file_is_stripped(server: StandInServer) -> None:
    with TokenProvider(f"{ENTRA}\n", base_url=server.base_url) as provider:
        provider.get_token()

    assert server.requests[0].headers["authorization"] == f"Bearer {ENTRA}"


@pytest.mark.parametrize("token", [f"{ENTRA}\r\nX-Injected: 1", f"{ENTRA}\x00", "", 12345])
def test_an_unusable_entra_token_is_refused_unquoted_and_never_retried(server: StandInServer, token: object) -> None:
    with (
        TokenProvider(lambda: token, base_url=server.base_url) as provider,  # type: ignore[arg-type]
        pytest.raises(errors.InvalidCredentials) as refused,
    ):
        provider.get_token()

    assert ENTRA not in str(refused.value)
    assert server.call_count == 0


def test_a_server_token_with_cr_lf_is_a_typed_error_that_does_not_quote_it() -> None:
    transport = answering(200, token_body(access_token=f"{ACCESS}\r\nX-Injected: 1"))
    with pytest.raises(errors.ResponseDecodeError) as refused:
        fetch(transport)

    assert ACCESS not in str(refused.value)


def test_a_schema_failure_leaves_no_decoded_token_in_traceback_locals() -> None:
    transport = answering(200, token_body(expires_in=[3600]))  # a list: not a number
    with pytest.raises(errors.ResponseDecodeError) as failed:
        fetch(transport)

    printed = "".join(traceback.TracebackException.from_exception(failed.value, capture_locals=True).format())
    assert "expires_in" in str(failed.value.__cause__ or failed.value) or "decode" in printed
    assert ACCESS not in printed.replace(repr(failed.value.content), "")  # only inside the raw bytes' repr, if anywhere
    assert ACCESS.encode() in failed.value.content


def test_an_error_message_never_quotes_the_servers_description() -> None:
    transport = answering(401, json.dumps({"code": 401, "description": f"bad token {ENTRA}"}))
    with pytest.raises(errors.NotAuthenticated) as refused:
        fetch(transport)

    assert ENTRA not in str(refused.value)
    assert refused.value.fault.description == f"bad token {ENTRA}"  # type: ignore[attr-defined]


def test_unknown_properties_stay_out_of_model_reprs() -> None:
    parsed = TokenResponse.from_dict(
        {"access_token": ACCESS, "refresh_token": "refresh-SECRET", "id_token": "id-SECRET"}
    )

    assert "SECRET" not in repr(parsed)
    assert parsed.additional_properties["refresh_token"] == "refresh-SECRET"


# 5. Server input never raises a bare Python error -------------------------------------------------


@pytest.mark.parametrize("charset", ["rot13", "base64", "hex", "zlib", "no-such-charset"])
def test_a_charset_that_is_not_a_text_encoding_is_a_typed_error(charset: str) -> None:
    transport = answering(200, token_body(), content_type=f"application/json; charset={charset}")
    with pytest.raises(errors.ResponseDecodeError):
        fetch(transport)


@pytest.mark.parametrize("retry_after", ["²", "1e400", "Fri, 31 Dec 99999 23:59:59 GMT", "-1"])
def test_a_strange_retry_after_is_ignored_not_raised(retry_after: str) -> None:
    transport = answering(503, "{}", **{"Retry-After": retry_after})
    policy = RetryPolicy(max_attempts=2, backoff=0.01, jitter=False)
    with TokenProvider(ENTRA, transport=transport, retry=policy) as provider, pytest.raises(errors.ServerError):
        provider.get_token()

    assert len(transport.sent) == 2  # type: ignore[attr-defined]


@pytest.mark.parametrize("field", ["expires_in", "expires_on"])
def test_a_400_digit_expiry_is_a_typed_error(field: str) -> None:
    transport = answering(200, token_body(**{field: "9" * 400}))
    with pytest.raises(errors.ResponseDecodeError, match="lifetime"):
        fetch(transport)


# 6. An expired token is never served -------------------------------------------------------------


@pytest.mark.parametrize("fields", [{"expires_in": 0}, {"expires_in": "0"}, {"expires_on": 1_000_000_000}])
def test_an_already_expired_token_is_a_typed_error_and_is_not_cached(fields: dict[str, object]) -> None:
    transport = answering(200, token_body(**fields))
    with TokenProvider(ENTRA, transport=transport, retry=NO_RETRY) as provider:
        for _ in range(2):
            with pytest.raises(errors.ResponseDecodeError, match="expired"):
                provider.get_token()

    assert len(transport.sent) == 2  # type: ignore[attr-defined]


# 7. Any refresh failure while the cached token is valid serves it --------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def test_an_entra_outage_during_refresh_serves_the_still_valid_token(
    server: StandInServer, caplog: pytest.LogCaptureFixture
) -> None:
    clock, outage = Clock(), {"on": False}

    def entra() -> str:
        if outage["on"]:
            raise ConnectionError("Entra ID is down")
        return ENTRA

    with TokenProvider(entra, base_url=server.base_url, clock=clock, monotonic=clock, retry=NO_RETRY) as provider:
        first = provider.get_token()
        clock.now += 3400  # inside the refresh window, still valid
        outage["on"] = True
        with caplog.at_level(logging.WARNING):
            served = provider.get_token()
        clock.now += 300  # expired now: the outage reaches the caller
        with pytest.raises(errors.CredentialUnavailable) as failed:
            provider.get_token()

    assert served is first and isinstance(failed.value.__cause__, ConnectionError)
    assert any("refresh failed (CredentialUnavailable from ConnectionError)" in r.getMessage() for r in caplog.records)
    assert ENTRA not in caplog.text and first.access_token not in caplog.text


# 8. The retry deadline bounds total time; a 500 is retried whatever its body -----------------------


def test_the_retry_deadline_clips_each_attempt(dripping_server: str) -> None:
    policy = RetryPolicy(max_attempts=5, deadline=1.0, backoff=0.01)
    started = time.perf_counter()

    with (
        TokenProvider(ENTRA, base_url=dripping_server, total_timeout=60, retry=policy) as provider,
        pytest.raises(errors.TransportTimeout),
    ):
        provider.get_token()

    assert time.perf_counter() - started < 2.5


@pytest.mark.parametrize(
    ("body", "content_type"), [("<html>busy</html>", "text/html"), ('{"code": 5', "application/json")]
)
def test_a_500_with_an_unparseable_body_is_retried(server: StandInServer, body: str, content_type: str) -> None:
    calls: list[int] = []

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            return httpx.Response(500, content=body.encode(), headers={"Content-Type": content_type})
        return httpx.Response(200, content=token_body().encode(), headers={"Content-Type": "application/json"})

    policy = RetryPolicy(max_attempts=3, backoff=0.01)
    with TokenProvider(ENTRA, transport=httpx.MockTransport(answer), retry=policy) as provider:
        assert provider.get_token().access_token == ACCESS

    assert len(calls) == 2


# 9. The status decides the error class, whatever the body ----------------------------------------


@pytest.mark.parametrize(
    ("status", "error", "content_type"),
    [(401, errors.NotAuthenticated, "text/html"), (403, errors.Forbidden, None), (401, errors.NotAuthenticated, None)],
)
def test_a_gateways_401_or_403_is_the_error_its_status_means(
    status: int, error: type[errors.ApiError], content_type: str | None
) -> None:
    transport = answering(status, "<html>denied</html>", content_type=content_type)
    with TokenProvider(ENTRA, transport=transport, retry=NO_RETRY) as provider, pytest.raises(error) as refused:
        provider.get_token()

    assert refused.value.content == b"<html>denied</html>"


# Should fix ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, 12345])
def test_an_async_source_giving_a_non_string_is_a_typed_error(server: StandInServer, value: object) -> None:
    async def source() -> object:
        return value

    async def main() -> None:
        async with AsyncTokenProvider(source, base_url=server.base_url) as provider:  # type: ignore[arg-type]
            await provider.get_token()

    with pytest.raises(errors.InvalidCredentials):
        asyncio.run(main())
    assert server.call_count == 0


def test_a_sync_provider_given_an_async_source_says_so(server: StandInServer) -> None:
    async def source() -> str:
        return ENTRA

    with (
        TokenProvider(source, base_url=server.base_url) as provider,
        pytest.raises(errors.InvalidCredentials, match="AsyncTokenProvider"),
    ):
        provider.get_token()


def test_an_async_provider_works_under_a_second_asyncio_run(server: StandInServer) -> None:
    provider = AsyncTokenProvider(ENTRA, base_url=server.base_url, refresh_ahead=3600)

    first = asyncio.run(provider.get_token())
    second = asyncio.run(provider.get_token())  # due for refresh at once: a new fetch on a new loop

    assert (first.access_token, second.access_token) == tuple(server.issued_tokens[:2])
    asyncio.run(provider.aclose())


def test_the_credential_refuses_an_async_provider_at_once(server: StandInServer) -> None:
    with pytest.raises(TypeError, match="TokenProvider"):
        PartnerCenterCredential(AsyncTokenProvider(ENTRA, base_url=server.base_url))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "arguments", [{"max_attempts": 0}, {"max_attempts": 1.5}, {"backoff": -1}, {"deadline": float("nan")}]
)
def test_retry_policy_arguments_are_validated(arguments: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=next(iter(arguments))):
        RetryPolicy(**arguments)  # type: ignore[arg-type]


def test_a_charset_that_is_not_a_text_encoding_is_typed_in_the_codecs_too() -> None:
    for charset in ("rot13", "base64", "hex", "zlib"):
        with pytest.raises(errors.DeserializationError):
            media.deserialize(TokenResponse, token_body().encode(), f"application/json; charset={charset}")


_: Callable[..., object] = answering


def test_a_wall_clock_jumping_back_cannot_stretch_a_lifetime(server: StandInServer) -> None:
    wall, monotonic = Clock(), Clock()
    with TokenProvider(ENTRA, base_url=server.base_url, clock=wall, monotonic=monotonic, retry=NO_RETRY) as provider:
        first = provider.get_token()
        wall.now -= 7200  # the system clock jumps back two hours
        monotonic.now += 3600  # while an hour really passes: the token has expired
        second = provider.get_token()

    assert second is not first
    assert server.call_count == 2


def test_a_client_of_the_callers_own_ends_by_the_deadline_too(dripping_server: str) -> None:
    started = time.perf_counter()

    with AuthenticatedClient(base_url=dripping_server, token=ENTRA, total_timeout=1.0) as client:
        client.set_httpx_client(httpx.Client(base_url=dripping_server, headers={"Authorization": f"Bearer {ENTRA}"}))
        with pytest.raises(errors.TransportTimeout):
            generate_access_token.sync(client=client, body=TokenRequest())

    assert time.perf_counter() - started < 2.5


class _Rebuilding(httpx.BaseTransport):
    """A caller's wrapper (logging, metrics) that sends a request of its own making: httpcore's
    trace of the original goes with it, so no watch sees the sockets it opens."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        rebuilt = httpx.Request(request.method, request.url, headers=request.headers, content=request.read())
        return self.inner.handle_request(rebuilt)

    def close(self) -> None:
        self.inner.close()


class _FetchingFirst(httpx.Auth):
    """A caller's auth flow that fetches something first, by a request of its own making."""

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        yield httpx.Request("GET", request.url.copy_with(path="/challenge"))
        yield request


@pytest.mark.parametrize(
    "options",
    [
        lambda: {"transport": httpx.HTTPTransport()},
        lambda: {"transport": _Rebuilding()},
        lambda: {"transport": httpx.HTTPTransport(), "auth": _FetchingFirst()},
        lambda: {"transport": httpx.HTTPTransport(), "auth": httpx.DigestAuth("user", "secret")},
    ],
    ids=["httpx's own", "a wrapper", "an auth flow of its own requests", "httpx's digest auth"],
)
def test_a_transport_of_the_callers_own_ends_by_the_deadline_whatever_it_does_with_the_request(
    dripping_server: str, options: Callable[[], dict[str, object]]
) -> None:
    started = time.perf_counter()

    with (
        AuthenticatedClient(base_url=dripping_server, token=ENTRA, total_timeout=1.0, httpx_args=options()) as client,
        pytest.raises(errors.TransportTimeout),
    ):
        generate_access_token.sync(client=client, body=TokenRequest())

    assert time.perf_counter() - started < 2.5
