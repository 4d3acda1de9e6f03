"""TokenProvider and AsyncTokenProvider against the stand-in: cache, refresh-ahead, single-flight."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from partner_center_auth import AsyncTokenProvider, PartnerCenterToken, RetryPolicy, TokenProvider, errors
from partner_center_auth.testing import StandInServer

NO_RETRY = RetryPolicy(max_attempts=1)


class FakeClock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def provider(server: StandInServer, clock: FakeClock) -> Iterator[TokenProvider]:
    with TokenProvider(
        "entra", base_url=server.base_url, clock=clock, monotonic=clock, retry=NO_RETRY
    ) as token_provider:
        yield token_provider


def test_the_token_is_fetched_once_and_cached(server: StandInServer, provider: TokenProvider, clock: FakeClock) -> None:
    first = provider.get_token()
    second = provider.get_token()

    assert first is second
    assert server.call_count == 1
    assert first.access_token == server.issued_tokens[0]
    assert first.expires_on == clock.now + 3600
    assert first.access_token not in repr(first) and first.access_token not in str(first)


@pytest.mark.parametrize(("expires_in", "lifetime"), [(3600, 3600), ("3600", 3600), (600, 600)])
def test_expiry_comes_from_integer_or_numeric_string_expires_in(
    server: StandInServer, provider: TokenProvider, clock: FakeClock, expires_in: int | str, lifetime: int
) -> None:
    server.expires_in = expires_in

    assert provider.get_token().expires_on == clock.now + lifetime


def test_refresh_ahead_by_default_is_the_smaller_of_five_minutes_and_a_tenth_of_the_lifetime(
    server: StandInServer, provider: TokenProvider, clock: FakeClock
) -> None:
    server.expires_in = 600  # a tenth: 60 s
    first = provider.get_token()

    clock.now += 539
    assert provider.get_token() is first
    clock.now += 1
    second = provider.get_token()

    assert second is not first
    assert server.call_count == 2


def test_refresh_ahead_is_configurable(server: StandInServer, clock: FakeClock) -> None:
    with TokenProvider(
        "e", base_url=server.base_url, clock=clock, monotonic=clock, refresh_ahead=1000, retry=NO_RETRY
    ) as provider:
        first = provider.get_token()
        clock.now += 2599
        assert provider.get_token() is first
        clock.now += 1
        assert provider.get_token() is not first


def test_a_failed_refresh_ahead_serves_the_still_valid_token_and_retries_later(
    server: StandInServer, provider: TokenProvider, clock: FakeClock
) -> None:
    first = provider.get_token()
    clock.now += 3400  # inside the 300 s refresh window, still valid
    server.fail_next(500, times=2)

    assert provider.get_token() is first
    assert provider.get_token() is first  # paused: no second upstream call at once
    assert server.call_count == 2
    clock.now += 11
    assert provider.get_token() is first  # tried again, failed again (the second forced 500)
    clock.now += 11
    assert provider.get_token() is not first
    assert server.call_count == 4


def test_an_expired_token_is_never_served(server: StandInServer, provider: TokenProvider, clock: FakeClock) -> None:
    provider.get_token()
    clock.now += 3600
    server.fail_next(500)

    with pytest.raises(errors.ServerError):
        provider.get_token()


def test_invalidate_forces_a_new_fetch(server: StandInServer, provider: TokenProvider) -> None:
    first = provider.get_token()
    provider.invalidate(PartnerCenterToken(access_token="another", token_type="bearer", expires_on=0))
    assert provider.get_token() is first

    provider.invalidate(first)

    assert provider.get_token() is not first
    assert server.call_count == 2


def test_a_thousand_threads_on_a_cold_cache_make_one_upstream_call(server: StandInServer) -> None:
    server.delay = 0.3
    start = threading.Barrier(1000)

    def get(provider: TokenProvider) -> PartnerCenterToken:
        start.wait()
        return provider.get_token()

    with TokenProvider("entra", base_url=server.base_url) as provider, ThreadPoolExecutor(1000) as pool:
        tokens = list(pool.map(get, [provider] * 1000))

    assert server.call_count == 1
    assert len({id(token) for token in tokens}) == 1


def test_a_failed_fetch_reaches_every_waiter_and_is_not_cached(server: StandInServer) -> None:
    server.delay = 0.3
    server.fail_next(403)
    start = threading.Barrier(200)

    def get(provider: TokenProvider) -> object:
        start.wait()
        try:
            return provider.get_token()
        except errors.Forbidden as error:
            return error

    with TokenProvider("entra", base_url=server.base_url, retry=NO_RETRY) as provider, ThreadPoolExecutor(200) as pool:
        outcomes = list(pool.map(get, [provider] * 200))
        assert server.call_count == 1
        assert all(isinstance(outcome, errors.Forbidden) for outcome in outcomes)
        server.delay = 0
        assert isinstance(provider.get_token(), PartnerCenterToken)
    assert server.call_count == 2


@pytest.mark.anyio
async def test_a_thousand_tasks_on_a_cold_cache_make_one_upstream_call(server: StandInServer) -> None:
    server.delay = 0.2
    async with AsyncTokenProvider("entra", base_url=server.base_url) as provider:
        tokens = await asyncio.gather(*(provider.get_token() for _ in range(1000)))

    assert server.call_count == 1
    assert len({id(token) for token in tokens}) == 1


@pytest.mark.anyio
async def test_async_failures_reach_every_task_and_async_sources_work(server: StandInServer) -> None:
    async def entra_token() -> str:
        return "from-a-coroutine"

    server.fail_next(401)
    async with AsyncTokenProvider(entra_token, base_url=server.base_url, retry=NO_RETRY) as provider:
        outcomes = await asyncio.gather(*(provider.get_token() for _ in range(100)), return_exceptions=True)
        token = await provider.get_token()

    assert all(isinstance(outcome, errors.NotAuthenticated) for outcome in outcomes)
    assert isinstance(token, PartnerCenterToken)
    assert server.requests[-1].headers["authorization"] == "Bearer from-a-coroutine"


class FakeCredential:
    """An azure-core TokenCredential look-alike."""

    def __init__(self) -> None:
        self.scopes: list[tuple[str, ...]] = []

    class _AccessToken:
        token = "from-a-credential"
        expires_on = 0

    def get_token(self, *scopes: str, **kwargs: object) -> _AccessToken:
        self.scopes.append(scopes)
        return self._AccessToken()


def test_an_azure_credential_is_asked_for_the_partner_center_scope(server: StandInServer) -> None:
    credential = FakeCredential()

    with TokenProvider.from_azure_identity(credential, base_url=server.base_url) as provider:
        provider.get_token()

    assert credential.scopes == [("https://api.partnercenter.microsoft.com/.default",)]
    assert server.requests[0].headers["authorization"] == "Bearer from-a-credential"


def test_a_callable_source_is_called_for_each_fetch(server: StandInServer, clock: FakeClock) -> None:
    tokens = iter(["first-entra", "second-entra"])
    with TokenProvider(lambda: next(tokens), base_url=server.base_url, clock=clock, monotonic=clock) as provider:
        provider.get_token()
        clock.now += 3600
        provider.get_token()

    assert [r.headers["authorization"] for r in server.requests] == ["Bearer first-entra", "Bearer second-entra"]


@pytest.mark.parametrize("content_type", ["application/xml", "text/json"])
def test_media_types_and_the_legacy_operation_stay_selectable(server: StandInServer, content_type: str) -> None:
    with (
        pytest.warns(DeprecationWarning),
        TokenProvider(
            "e",
            base_url=server.base_url,
            legacy=True,
            content_type=content_type,  # type: ignore[arg-type]
            accept="text/xml",
        ) as provider,
    ):
        provider.get_token()

    (sent,) = server.requests
    assert (sent.path, sent.headers["content-type"], sent.headers["accept"]) == (
        "/generatetoken",
        content_type,
        "text/xml",
    )
