"""Faults over the wire: the right typed error, or recovery where the retry policy applies; no hangs."""

from __future__ import annotations

import time

import pytest

from partner_center_auth import AuthenticatedClient, RetryPolicy, TokenProvider, TokenRequest, errors
from partner_center_auth.api.authentication import generate_access_token
from partner_center_auth.testing import Breakage, StandInServer

NO_RETRY = RetryPolicy(max_attempts=1)
RETRY = RetryPolicy(max_attempts=3, backoff=0.01)
BROKEN: list[Breakage] = ["drop", "reset-mid-body", "short-body", "stall-after-headers", "slow-drip"]


def provider(server: StandInServer, retry: RetryPolicy) -> TokenProvider:
    return TokenProvider("entra", base_url=server.base_url, retry=retry, timeout=0.3, total_timeout=1.0)


@pytest.mark.parametrize("breakage", BROKEN)
def test_each_broken_exchange_is_a_typed_error_within_the_timeouts(breakage: Breakage, server: StandInServer) -> None:
    server.drip_interval = 0.05  # a ~150-byte body takes ~7 s: past total_timeout
    server.break_next(breakage)
    started = time.monotonic()

    with provider(server, NO_RETRY) as tokens, pytest.raises(errors.TransportError) as caught:
        tokens.get_token()

    assert time.monotonic() - started < 2.0
    if breakage in ("stall-after-headers", "slow-drip"):
        assert isinstance(caught.value, errors.TransportTimeout)


@pytest.mark.parametrize("breakage", BROKEN)
def test_the_retry_policy_recovers_from_each(breakage: Breakage, server: StandInServer) -> None:
    server.break_next(breakage)
    started = time.monotonic()

    with provider(server, RETRY) as tokens:
        token = tokens.get_token()

    assert token.access_token == server.issued_tokens[-1]
    assert server.call_count == 2
    assert time.monotonic() - started < 3.0


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
