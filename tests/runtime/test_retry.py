"""RetryPolicy over loopback: what is retried, with which ids, for how long."""

from __future__ import annotations

import time

import pytest

from partner_center_auth import AuthenticatedClient, RetryPolicy, TokenProvider, TokenRequest, TokenResponse, errors
from partner_center_auth.api.authentication import generate_access_token
from partner_center_auth.testing import StandInServer

FAST = RetryPolicy(max_attempts=4, backoff=0.01, jitter=False)


def test_a_500_burst_is_retried_with_the_same_request_and_correlation_ids(server: StandInServer) -> None:
    server.fail_next(500, times=2)

    with TokenProvider("entra", base_url=server.base_url, retry=FAST) as provider:
        provider.get_token()

    assert server.call_count == 3
    assert len({r.headers["ms-requestid"] for r in server.requests}) == 1
    assert len({r.headers["ms-correlationid"] for r in server.requests}) == 1


def test_a_dropped_connection_is_retried(server: StandInServer) -> None:
    server.drop_next(2)

    with TokenProvider("entra", base_url=server.base_url, retry=FAST) as provider:
        provider.get_token()

    assert server.call_count == 3
    assert len({r.headers["ms-requestid"] for r in server.requests}) == 1


def test_each_fetch_has_its_own_request_id(server: StandInServer) -> None:
    with TokenProvider("entra", base_url=server.base_url, retry=FAST) as provider:
        provider.get_token()
        provider.invalidate()
        provider.get_token()

    assert len({r.headers["ms-requestid"] for r in server.requests}) == 2
    assert len({r.headers["ms-correlationid"] for r in server.requests}) == 1


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, errors.BadRequest),
        (401, errors.NotAuthenticated),
        (403, errors.Forbidden),
        (404, errors.NotFound),
    ],
)
def test_client_errors_are_never_retried(status: int, error: type[errors.ApiError], server: StandInServer) -> None:
    server.fail_next(status, times=5)

    with TokenProvider("entra", base_url=server.base_url, retry=FAST) as provider, pytest.raises(error) as caught:
        provider.get_token()

    assert server.call_count == 1
    assert caught.value.status_code == status
    assert caught.value.fault.code == status * 10  # type: ignore[attr-defined]


def test_retries_stop_at_the_deadline(server: StandInServer) -> None:
    server.fail_next(500, times=100, retry_after=0.2)
    policy = RetryPolicy(max_attempts=100, backoff=0.01, deadline=0.5)
    started = time.monotonic()

    with TokenProvider("entra", base_url=server.base_url, retry=policy) as provider, pytest.raises(errors.ServerError):
        provider.get_token()

    assert time.monotonic() - started < 1.5
    assert 2 <= server.call_count <= 4  # waits of 0.2 s each, none started past 0.5 s


def test_retry_after_is_honoured_also_on_429() -> None:
    waits: list[float] = []
    policy = RetryPolicy(max_attempts=3, backoff=0.01, jitter=False, sleep=waits.append)

    with StandInServer() as server, AuthenticatedClient(base_url=server.base_url, token="t") as client:
        server.fail_next(429, times=2, retry_after=2)
        response = policy.call(generate_access_token.sync_detailed, client=client, body=TokenRequest())

    assert isinstance(response.parsed, TokenResponse)
    assert waits == [2.0, 2.0]


def test_the_policy_works_on_the_plain_operations_and_fixes_their_ids(server: StandInServer) -> None:
    server.fail_next(503, times=1)

    with AuthenticatedClient(base_url=server.base_url, token="t") as client:
        response = FAST.call(generate_access_token.sync_detailed, client=client, body=TokenRequest(), accept="text/xml")

    assert isinstance(response.parsed, TokenResponse)
    assert server.call_count == 2
    first, second = server.requests
    assert first.headers["ms-requestid"] == second.headers["ms-requestid"]
    assert first.headers["ms-correlationid"] == second.headers["ms-correlationid"]


def test_transport_failures_end_as_typed_errors_when_attempts_run_out() -> None:
    with StandInServer() as server:
        base_url = server.base_url  # nothing listens there once the server stops

    with TokenProvider("entra", base_url=base_url, retry=FAST) as provider, pytest.raises(errors.TransportFailure):
        provider.get_token()


@pytest.mark.anyio
async def test_async_retries_reuse_the_request_id(server: StandInServer) -> None:
    from partner_center_auth import AsyncTokenProvider

    server.fail_next(500, times=2)
    async with AsyncTokenProvider("entra", base_url=server.base_url, retry=FAST) as provider:
        await provider.get_token()

    assert server.call_count == 3
    assert len({r.headers["ms-requestid"] for r in server.requests}) == 1
