"""Time: a token's lifetime is counted so that it is never served expired, whatever its answer says,
however long the answer took, and whatever number of seconds the caller configured."""

from __future__ import annotations

import asyncio
import json
import math
import time
from typing import Any

import pytest
from token_server import TokenServer

from partner_center_auth import AsyncTokenProvider, RetryPolicy, TokenProvider, errors
from partner_center_auth.testing import StandInServer
from wire import serving

ENTRA = "entra-id-token-for-time"
NO_RETRY = RetryPolicy(max_attempts=1)


# An answer whose expiry passes while it is in transit is never served --------------------------


def test_a_token_whose_expires_in_passes_in_transit_is_refused() -> None:
    with (
        StandInServer(expires_in=1, delay=2.0) as server,
        TokenProvider(ENTRA, base_url=server.base_url, retry=NO_RETRY) as provider,
        pytest.raises(errors.ResponseDecodeError, match="already expired"),
    ):
        provider.get_token()


def test_a_token_whose_expires_on_passes_in_transit_is_refused() -> None:
    def expiring_in_a_second() -> dict[str, Any]:  # written when the request arrives
        return {"access_token": "access", "token_type": "bearer", "expires_on": int(time.time()) + 1}

    with (
        TokenServer(expiring_in_a_second, delay=2.5) as server,
        TokenProvider(ENTRA, base_url=server.base_url, retry=NO_RETRY) as provider,
        pytest.raises(errors.ResponseDecodeError, match="already expired"),
    ):
        provider.get_token()


def test_async_a_token_that_expires_in_transit_is_refused() -> None:
    async def fetch(base_url: str) -> None:
        async with AsyncTokenProvider(ENTRA, base_url=base_url, retry=NO_RETRY) as provider:
            await provider.get_token()

    with StandInServer(expires_in=1, delay=2.0) as server, pytest.raises(errors.ResponseDecodeError):
        asyncio.run(fetch(server.base_url))


def test_a_slow_answer_shortens_the_tokens_life_by_its_transit() -> None:
    with (
        StandInServer(expires_in=60, delay=3.0) as server,
        TokenProvider(ENTRA, base_url=server.base_url, retry=NO_RETRY) as provider,
    ):
        sent = time.time()
        token = provider.get_token()

    # Counted from the moment the request was sent, never from the answer's arrival 3 s later.
    assert sent <= token.expires_on - 60 <= sent + 2.0


# expires_in and expires_on: any JSON number, or a numeric string ----------------------------------


@pytest.mark.parametrize(
    ("accept", "body", "lifetime"),
    [
        ("application/json", '{"access_token": "a", "expires_in": 3600.0}', 3600),
        ("application/json", '{"access_token": "a", "expires_in": 3.6e3}', 3600),
        ("application/json", '{"access_token": "a", "expires_in": 1799.5}', 1799.5),
        ("text/json", '{"access_token": "a", "expires_in": "3600.0"}', 3600),
        (
            "application/xml",
            "<TokenResponse><access_token>a</access_token><expires_in>3600.0</expires_in></TokenResponse>",
            3600,
        ),
        ("text/xml", "<TokenResponse><access_token>a</access_token><expires_in>600</expires_in></TokenResponse>", 600),
    ],
)
def test_expires_in_is_any_number_of_seconds(accept: str, body: str, lifetime: float) -> None:
    with serving() as wire, TokenProvider(ENTRA, base_url=wire.base_url, accept=accept, retry=NO_RETRY) as provider:  # type: ignore[arg-type]
        wire.answer(200, accept, body)
        sent = time.time()
        token = provider.get_token()

    assert sent <= token.expires_on - lifetime <= time.time()


def test_expires_on_may_be_a_fractional_number() -> None:
    expires_on = time.time() + 1200.25
    with serving() as wire, TokenProvider(ENTRA, base_url=wire.base_url, retry=NO_RETRY) as provider:
        wire.answer(200, "application/json", json.dumps({"access_token": "a", "expires_on": expires_on}))
        assert provider.get_token().expires_on == expires_on


@pytest.mark.parametrize("expires_in", ["-5", "1e3", "3600 seconds", "", "0x10", [3600], True, {"s": 1}])
def test_an_expires_in_that_is_not_a_number_of_seconds_is_refused(expires_in: object) -> None:
    with serving() as wire, TokenProvider(ENTRA, base_url=wire.base_url, retry=NO_RETRY) as provider:
        wire.answer(200, "application/json", json.dumps({"access_token": "a", "expires_in": expires_in}))
        with pytest.raises(errors.ResponseDecodeError):
            provider.get_token()


@pytest.mark.parametrize("expires_in", [-5, -0.5, 0, 0.0])
def test_a_token_already_expired_by_its_own_account_is_refused(expires_in: float) -> None:
    with serving() as wire, TokenProvider(ENTRA, base_url=wire.base_url, retry=NO_RETRY) as provider:
        wire.answer(200, "application/json", json.dumps({"access_token": "a", "expires_in": expires_in}))
        with pytest.raises(errors.ResponseDecodeError, match="already expired"):
            provider.get_token()


# Seconds the caller configures: refused when no call could work with them ----------------------


BAD_SECONDS = [-5, -0.001, math.nan, math.inf, -math.inf, True, "5", b"5"]


@pytest.mark.parametrize("provider_class", [TokenProvider, AsyncTokenProvider])
@pytest.mark.parametrize("option", ["refresh_ahead", "timeout", "total_timeout"])
@pytest.mark.parametrize("value", BAD_SECONDS, ids=repr)
def test_seconds_no_call_can_work_with_are_refused_when_given(
    provider_class: type[TokenProvider], option: str, value: object
) -> None:
    with pytest.raises(errors.InvalidArgument, match=option) as refused:
        provider_class(ENTRA, **{option: value})  # type: ignore[arg-type]

    assert isinstance(refused.value, ValueError)  # what a caller validating arguments catches


@pytest.mark.parametrize("option", ["timeout", "total_timeout"])
def test_a_timeout_of_zero_is_refused(option: str) -> None:
    with pytest.raises(errors.InvalidArgument):
        TokenProvider(ENTRA, **{option: 0})  # type: ignore[arg-type]


def test_a_refresh_ahead_of_zero_refreshes_at_expiry_and_never_later() -> None:
    class Clock:
        now = 1_800_000_000.0

        def __call__(self) -> float:
            return self.now

    clock = Clock()
    with (
        StandInServer(expires_in=600) as server,
        TokenProvider(ENTRA, base_url=server.base_url, refresh_ahead=0, clock=clock, monotonic=clock) as provider,
    ):
        first = provider.get_token()
        clock.now += 599.9
        assert provider.get_token() is first
        clock.now += 0.1  # expired: never served
        assert provider.get_token() is not first
        assert server.call_count == 2
