"""Faults over the wire: the right typed error, or recovery where the retry policy applies; no hangs."""

from __future__ import annotations

import asyncio
import socket
import struct
import time
from collections.abc import Iterator
from contextvars import ContextVar

import httpx
import pytest

from partner_center_auth import AuthenticatedClient, RetryPolicy, TokenProvider, TokenRequest, errors
from partner_center_auth.api.authentication import generate_access_token
from partner_center_auth.testing import Breakage, StandInServer

BEARER = {"Authorization": "Bearer entra"}
FORM = "application/x-www-form-urlencoded"

NO_RETRY = RetryPolicy(max_attempts=1)
RETRY = RetryPolicy(max_attempts=3, backoff=0.01)
BROKEN: list[Breakage] = ["drop", "reset-mid-body", "short-body", "stall-after-headers", "slow-drip"]


def provider(server: StandInServer, retry: RetryPolicy, *, timeout: float = 0.3, total: float = 1.0) -> TokenProvider:
    return TokenProvider("entra", base_url=server.base_url, retry=retry, timeout=timeout, total_timeout=total)


@pytest.mark.parametrize("breakage", BROKEN)
def test_each_broken_exchange_is_a_typed_error_within_the_timeouts(breakage: Breakage, server: StandInServer) -> None:
    server.drip_interval = 0.05  # a ~150-byte body takes ~7 s: past total_timeout
    server.break_next(breakage)
    started = time.monotonic()

    with provider(server, NO_RETRY) as tokens, pytest.raises(errors.TransportFailure) as caught:
        tokens.get_token()

    assert time.monotonic() - started < 2.0
    if breakage in ("stall-after-headers", "slow-drip"):
        assert isinstance(caught.value, errors.TransportTimeout)


@pytest.mark.parametrize("breakage", BROKEN)
def test_the_retry_policy_recovers_from_each(breakage: Breakage, server: StandInServer) -> None:
    server.break_next(breakage)
    started = time.monotonic()

    # Timeouts wide enough that the attempt after the breakage is never cut short on a busy
    # machine (the timeouts themselves are the test above).
    with provider(server, RETRY, timeout=1.0, total=2.0) as tokens:
        token = tokens.get_token()

    assert token.access_token == server.issued_tokens[-1]
    assert server.call_count == 2
    assert time.monotonic() - started < 6.0


@pytest.mark.parametrize("breakage", ["reset-mid-body", "short-body"])
@pytest.mark.parametrize("asynchronous", [False, True])
def test_a_body_cut_short_keeps_its_status_and_what_came(
    breakage: Breakage, asynchronous: bool, server: StandInServer
) -> None:
    server.break_next(breakage)
    client = AuthenticatedClient(base_url=server.base_url, token="t", timeout=httpx.Timeout(5.0))

    with pytest.raises(errors.ResponseIncomplete) as caught:
        if asynchronous:
            asyncio.run(generate_access_token.asyncio_detailed(client=client, body=TokenRequest()))
        else:
            generate_access_token.sync_detailed(client=client, body=TokenRequest())

    error = caught.value
    promised = int(error.headers["content-length"])
    assert error.status_code == 200 and 0 < len(error.content) < promised  # what came, kept
    assert isinstance(error, errors.TransportFailure)  # retried as one (the recovery test above)
    assert server.issued_tokens[-1] not in str(error)  # the message names sizes, never the body
    assert f"answered 200, and the connection ended after {len(error.content)} bytes" in str(error)


def test_a_500_burst_longer_than_the_attempts_ends_in_a_server_error(server: StandInServer) -> None:
    server.fail_next(500, times=10)

    with provider(server, RETRY) as tokens, pytest.raises(errors.ServerError):
        tokens.get_token()

    assert server.call_count == 3


def test_a_slow_drip_within_the_total_timeout_is_read(server: StandInServer) -> None:
    server.drip_interval = 0.001
    server.break_next("slow-drip")

    with AuthenticatedClient(base_url=server.base_url, token="t", timeout=None, total_timeout=5.0) as client:
        response = generate_access_token.sync_detailed(client=client, body=TokenRequest())

    assert response.status_code == 200


# The stand-in server itself, under unlucky clients --------------------------------------------------


def test_the_stand_in_answers_a_non_standard_status_instead_of_dropping_the_connection(server: StandInServer) -> None:
    server.fail_next(599)

    answer = httpx.post(f"{server.base_url}/v3/generatetoken", data={"grant_type": "jwt_token"}, headers=BEARER)

    assert answer.status_code == 599


def test_the_stand_in_reads_a_chunked_body_and_stays_in_step(server: StandInServer) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"grant_type="
        yield b"jwt_token"

    with httpx.Client(base_url=server.base_url, headers={**BEARER, "Content-Type": FORM}) as http:
        first = http.post("/v3/generatetoken", content=chunks())
        second = http.post("/v3/generatetoken", content=b"grant_type=jwt_token")  # the same connection

    assert (first.status_code, second.status_code) == (200, 200)
    assert server.requests[0].body == b"grant_type=jwt_token"


def test_the_stand_in_keeps_only_the_latest_requests() -> None:
    with StandInServer(max_recorded=3) as server:
        for _ in range(5):
            httpx.post(f"{server.base_url}/v3/generatetoken", data={"grant_type": "jwt_token"}, headers=BEARER)

        assert len(server.requests) == 3 and server.call_count == 3


def test_the_stand_in_closes_idle_connections_and_is_quiet_about_aborted_ones(
    capfd: pytest.CaptureFixture[str],
) -> None:
    with StandInServer(idle_timeout=0.2) as server:
        host, port = server.base_url.removeprefix("http://").split(":")
        idle = socket.create_connection((host, int(port)))
        idle.settimeout(5)
        started = time.perf_counter()
        assert idle.recv(1) == b""  # closed by the server
        idle.close()
        aborted = socket.create_connection((host, int(port)))
        aborted.sendall(b"POST /v3/generatetoken HTTP/1.1\r\nContent-Length: 100\r\n\r\ngrant")
        aborted.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        aborted.close()
        time.sleep(0.3)

    assert time.perf_counter() - started < 3
    assert "Traceback" not in capfd.readouterr().err


def test_the_callers_context_variables_reach_the_exchange() -> None:
    """Tracing spans live in context variables: the exchange's thread sees the caller's."""
    span: ContextVar[str | None] = ContextVar("span", default=None)
    seen: list[str | None] = []
    answer = httpx.MockTransport(lambda request: httpx.Response(200, json={"access_token": "a"}))
    hooks = {"request": [lambda request: seen.append(span.get())]}
    with AuthenticatedClient(
        base_url="https://partner.test", token="t", httpx_args={"transport": answer, "event_hooks": hooks}
    ) as client:
        span.set("span-1")
        generate_access_token.sync(client=client, body=TokenRequest())

    assert seen == ["span-1"]
