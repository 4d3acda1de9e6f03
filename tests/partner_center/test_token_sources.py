"""The Entra ID token source: refused when made if no fetch could use it; whatever it raises, and a
source too slow for the fetch's deadline, is a PartnerCenterAuthError that keeps the cause."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from azure.core.exceptions import ClientAuthenticationError
from azure.identity import EnvironmentCredential

from partner_center_auth import AsyncTokenProvider, RetryPolicy, TokenProvider, errors
from partner_center_auth.testing import StandInServer

ENTRA = "entra-id-token-for-sources"
NO_RETRY = RetryPolicy(max_attempts=1)


# Made: a source no fetch could ever use is InvalidCredentials at once ---------------------------


@pytest.mark.parametrize("provider_class", [TokenProvider, AsyncTokenProvider])
@pytest.mark.parametrize("source", [None, ENTRA.encode(), bytearray(b"x"), 12345, 1.5, ["token"], {"token": ENTRA}])
def test_a_source_that_is_no_str_callable_or_credential_is_refused_when_made(
    provider_class: type[TokenProvider], source: object
) -> None:
    with pytest.raises(errors.InvalidCredentials) as refused:
        provider_class(source)  # type: ignore[arg-type]

    assert ENTRA not in str(refused.value) and type(source).__name__ in str(refused.value)


# Whatever a source raises is CredentialUnavailable, its error the cause ------------------------


class Boom(Exception):
    pass


RAISED = [
    ClientAuthenticationError("AADSTS7000215: invalid client secret"),
    ConnectionError("Entra ID is down"),
    OSError(5, "I/O error"),
    KeyError("ENTRA_ID_TOKEN"),
    RuntimeError("no"),
    TimeoutError("the source's own timeout"),
    Boom(),
]


def raising(error: Exception) -> Callable[[], str]:
    def source() -> str:
        raise error

    return source


class FailingCredential:
    """An azure-core TokenCredential whose get_token fails as azure-identity's do."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def get_token(self, *scopes: str, **kwargs: Any) -> Any:
        raise self.error


@pytest.mark.parametrize("error", RAISED, ids=lambda error: type(error).__name__)
@pytest.mark.parametrize("shape", ["callable", "credential"])
def test_whatever_a_source_raises_is_credential_unavailable(
    server: StandInServer, error: Exception, shape: str
) -> None:
    source = raising(error) if shape == "callable" else FailingCredential(error)
    with (
        TokenProvider(source, base_url=server.base_url, retry=NO_RETRY) as provider,
        pytest.raises(errors.CredentialUnavailable) as failed,
    ):
        provider.get_token()

    assert failed.value.__cause__ is error
    assert type(error).__name__ in str(failed.value) and (not str(error) or str(error) not in str(failed.value))
    assert server.call_count == 0


def test_azure_identitys_own_failure_is_credential_unavailable(
    server: StandInServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLIENT_SECRET", "AZURE_USERNAME", "AZURE_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    with (
        TokenProvider(EnvironmentCredential(), base_url=server.base_url, retry=NO_RETRY) as provider,
        pytest.raises(errors.CredentialUnavailable) as failed,
    ):
        provider.get_token()

    assert isinstance(failed.value.__cause__, ClientAuthenticationError)


@pytest.mark.parametrize("error", RAISED, ids=lambda error: type(error).__name__)
@pytest.mark.parametrize("shape", ["coroutine function", "sync callable", "async credential"])
def test_whatever_an_async_source_raises_is_credential_unavailable(
    server: StandInServer, error: Exception, shape: str
) -> None:
    async def coroutine() -> str:
        raise error

    class AsyncCredential:
        async def get_token(self, *scopes: str, **kwargs: Any) -> Any:
            raise error

    source: Any = {
        "coroutine function": coroutine,
        "sync callable": raising(error),
        "async credential": AsyncCredential(),
    }
    provider = AsyncTokenProvider(source[shape], base_url=server.base_url, retry=NO_RETRY)

    with pytest.raises(errors.CredentialUnavailable) as failed:
        asyncio.run(provider.get_token())

    assert failed.value.__cause__ is error and server.call_count == 0


# A slow source is bounded by the fetch's deadline ------------------------------------------------


BOUNDS = [{"total_timeout": 1.0}, {"timeout": 1.0}, {"retry": RetryPolicy(deadline=1.0)}]


@pytest.mark.parametrize("bound", BOUNDS, ids=lambda bound: next(iter(bound)))
def test_a_slow_source_is_bounded_by_the_fetchs_deadline(server: StandInServer, bound: dict[str, Any]) -> None:
    def slow() -> str:
        time.sleep(3.0)
        return ENTRA

    with TokenProvider(slow, base_url=server.base_url, **{"retry": NO_RETRY, **bound}) as provider:
        started = time.monotonic()
        with pytest.raises(errors.CredentialUnavailable, match="did not answer within"):
            provider.get_token()
        took = time.monotonic() - started

    assert took < 2.5 and server.call_count == 0


@pytest.mark.parametrize("bound", BOUNDS, ids=lambda bound: next(iter(bound)))
@pytest.mark.parametrize("shape", ["coroutine function", "sync callable"])
def test_a_slow_async_source_is_bounded_by_the_fetchs_deadline(
    server: StandInServer, bound: dict[str, Any], shape: str
) -> None:
    async def slow_coroutine() -> str:
        await asyncio.sleep(3.0)
        return ENTRA

    def slow_callable() -> str:
        time.sleep(3.0)
        return ENTRA

    source = slow_coroutine if shape == "coroutine function" else slow_callable
    ticks: list[float] = []

    async def main() -> None:
        async def tick() -> None:  # the loop stays free while the source works
            while True:
                ticks.append(time.monotonic())
                await asyncio.sleep(0.05)

        ticking = asyncio.ensure_future(tick())
        async with AsyncTokenProvider(source, base_url=server.base_url, **{"retry": NO_RETRY, **bound}) as provider:
            try:
                await provider.get_token()
            finally:
                ticking.cancel()

    started = time.monotonic()
    with pytest.raises(errors.CredentialUnavailable, match="did not answer within"):
        asyncio.run(main())

    assert time.monotonic() - started < 2.5 and server.call_count == 0
    assert len(ticks) > 5


def test_a_hung_source_holds_one_thread_however_many_fetches_wait_for_it(server: StandInServer) -> None:
    release = threading.Event()

    def hung() -> str:
        release.wait(30)
        return ENTRA

    with TokenProvider(hung, base_url=server.base_url, timeout=0.3, retry=NO_RETRY) as provider:
        before = threading.active_count()
        for _ in range(4):
            with pytest.raises(errors.CredentialUnavailable):
                provider.get_token()
        assert threading.active_count() <= before + 1
        release.set()
        time.sleep(0.1)
        assert provider.get_token().access_token == server.issued_tokens[0]  # the source answers again


def test_a_source_in_time_is_called_once_per_fetch_in_the_callers_context(server: StandInServer) -> None:
    import contextvars

    tenant = contextvars.ContextVar("tenant", default="none")
    seen: list[str] = []

    def source() -> str:
        seen.append(tenant.get())
        return ENTRA

    tenant.set("contoso")
    with TokenProvider(source, base_url=server.base_url, retry=NO_RETRY) as provider:
        provider.get_token()
        provider.invalidate()
        provider.get_token()

    assert seen == ["contoso", "contoso"]
