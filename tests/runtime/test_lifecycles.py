"""Processes, event loops and lifecycles: a provider or client keeps working across fork(), in
several event loops at once, and says what happened when used after (or closed during) a fetch."""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from forking import fork_only, in_child
from token_server import TokenServer

from partner_center_auth import (
    AsyncTokenProvider,
    AuthenticatedClient,
    RetryPolicy,
    TokenProvider,
    TokenRequest,
    errors,
)
from partner_center_auth.api.authentication import generate_access_token
from partner_center_auth.testing import StandInServer

ENTRA = "entra-id-token-for-lifecycles"
NO_RETRY = RetryPolicy(max_attempts=1)

# fork(): nothing shared, nothing waited for that is not there ---------------------------------


@fork_only
@pytest.mark.parametrize("slow", ["server", "entra-id-source"])
def test_a_child_forked_while_a_fetch_is_in_flight_fetches_its_own(server: StandInServer, slow: str) -> None:
    def entra() -> str:
        if slow == "entra-id-source" and os.getpid() == parent:
            time.sleep(2.0)
        return ENTRA

    parent = os.getpid()
    server.delay = 2.0 if slow == "server" else 0.0
    with TokenProvider(entra, base_url=server.base_url, retry=NO_RETRY) as provider:
        leader = threading.Thread(target=provider.get_token)
        leader.start()
        time.sleep(0.5)  # the parent's fetch is in flight

        def child() -> int:
            server.delay = 0.0  # (the child's copy: the server runs in the parent)
            started = time.monotonic()
            token = provider.get_token()
            return 0 if token.access_token and time.monotonic() - started < 10 else 1

        status = in_child(child)
        leader.join()

    assert status == 0


@fork_only
def test_a_forked_provider_and_its_parent_share_no_connection() -> None:
    with TokenServer() as tokens, TokenProvider(ENTRA, base_url=tokens.base_url, retry=NO_RETRY) as provider:
        first = provider.get_token()  # its connection is kept alive in the parent's pool
        provider.invalidate()

        assert in_child(lambda: 0 if provider.get_token() != first else 1) == 0
        provider.invalidate()
        provider.get_token()

    parent_first, child, parent_again = tokens.ports
    assert child != parent_first  # the child connected on its own
    assert parent_again == parent_first  # the parent's kept-alive connection is still its own, untouched


@fork_only
def test_a_forked_client_and_its_parent_share_no_connection() -> None:
    def call(client: AuthenticatedClient) -> int:
        return generate_access_token.sync_detailed(client=client, body=TokenRequest()).status_code

    with TokenServer() as tokens, AuthenticatedClient(base_url=tokens.base_url, token=ENTRA) as client:
        assert call(client) == 200
        assert in_child(lambda: 0 if call(client) == 200 else 1) == 0
        assert call(client) == 200

    parent_first, child, parent_again = tokens.ports
    assert child != parent_first and parent_again == parent_first


@fork_only
def test_a_forked_child_has_its_own_exchange_workers(server: StandInServer) -> None:
    # A client on httpx's own transport (here: its own limits) sends on worker threads.
    client = AuthenticatedClient(
        base_url=server.base_url, token=ENTRA, total_timeout=15, httpx_args={"limits": httpx.Limits()}
    )
    with client:
        generate_access_token.sync_detailed(client=client, body=TokenRequest())  # a worker, now idle

        def child() -> int:
            started = time.monotonic()
            response = generate_access_token.sync_detailed(client=client, body=TokenRequest())
            return 0 if response.status_code == 200 and time.monotonic() - started < 5 else 1

        assert in_child(child) == 0


@fork_only
def test_a_forked_async_provider_works_in_the_child_while_the_parent_fetches(server: StandInServer) -> None:
    server.delay = 2.0
    provider = AsyncTokenProvider(ENTRA, base_url=server.base_url, retry=NO_RETRY)
    leader = threading.Thread(target=asyncio.run, args=(provider.get_token(),))
    leader.start()
    time.sleep(0.5)

    def child() -> int:
        server.delay = 0.0
        return 0 if asyncio.run(provider.get_token()).access_token else 1

    status = in_child(child)
    leader.join()
    assert status == 0


# One AsyncTokenProvider, several event loops -----------------------------------------------------


def in_threads(count: int, main: Callable[[], Any]) -> list[BaseException]:
    """Run ``asyncio.run(main())`` in ``count`` threads at once; what each raised."""
    failures: list[BaseException] = []
    start = threading.Barrier(count)

    def run() -> None:
        start.wait()
        try:
            asyncio.run(main())
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not any(thread.is_alive() for thread in threads)
    return failures


def test_one_async_provider_serves_several_event_loops_at_once(server: StandInServer) -> None:
    server.delay = 0.02
    provider = AsyncTokenProvider(ENTRA, base_url=server.base_url, retry=NO_RETRY)
    seen: list[str] = []

    async def main() -> None:
        for _ in range(15):
            token = await provider.get_token()
            seen.append(token.access_token)
            provider.invalidate(token)  # the next call fetches: loops lead and follow each other

    assert in_threads(6, main) == []
    assert len(seen) == 90 and set(seen) <= set(server.issued_tokens)


def test_tasks_of_several_event_loops_share_one_fetch(server: StandInServer) -> None:
    server.delay = 0.5
    provider = AsyncTokenProvider(ENTRA, base_url=server.base_url, retry=NO_RETRY)
    tokens: list[str] = []

    async def main() -> None:
        tokens.extend(token.access_token for token in await asyncio.gather(*(provider.get_token() for _ in range(20))))

    assert in_threads(5, main) == []
    assert server.call_count == 1 and set(tokens) == {server.issued_tokens[0]}


def test_a_fetch_whose_event_loop_ends_is_taken_over_by_another_loop(server: StandInServer) -> None:
    server.delay = 1.0
    provider = AsyncTokenProvider(ENTRA, base_url=server.base_url, retry=NO_RETRY)

    async def leave_early() -> None:
        leading = asyncio.ensure_future(provider.get_token())  # leads the fetch...
        await asyncio.sleep(0.3)  # ...and asyncio.run ends, cancelling it, before the answer
        assert not leading.done()

    async def wait() -> str:
        await asyncio.sleep(0.1)  # follows the fetch the other loop leads
        return (await provider.get_token()).access_token

    leaver = threading.Thread(target=asyncio.run, args=(leave_early(),))
    leaver.start()
    token = asyncio.run(asyncio.wait_for(wait(), 30))
    leaver.join()

    assert token in server.issued_tokens


def test_a_fetch_whose_event_loop_stopped_running_is_taken_over(
    server: StandInServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.delay = 0.5
    provider = AsyncTokenProvider(ENTRA, base_url=server.base_url, retry=RetryPolicy(max_attempts=1, deadline=1.0))
    leading: list[asyncio.Future[object]] = []

    async def start() -> None:
        leading.append(asyncio.ensure_future(provider.get_token()))  # leads the fetch...
        await asyncio.sleep(0.2)  # ...and the loop stops, neither run again nor closed

    stalled = asyncio.new_event_loop()
    stalled.run_until_complete(start())
    token = asyncio.run(asyncio.wait_for(provider.get_token(), 30))

    assert token.access_token in server.issued_tokens
    # The stalled loop's fetch and socket cannot end without it: asyncio says so when they go.
    monkeypatch.setattr(sys, "unraisablehook", lambda unraisable: None)
    stalled.close()
    leading.clear()
    gc.collect()


def test_several_event_loops_one_after_another(server: StandInServer) -> None:
    provider = AsyncTokenProvider(ENTRA, base_url=server.base_url, retry=NO_RETRY)
    for _ in range(3):
        token = asyncio.run(provider.get_token())
        provider.invalidate(token)
    assert server.call_count == 3


# close(): typed, always --------------------------------------------------------------------------


def test_a_fetch_after_close_is_client_closed(server: StandInServer) -> None:
    provider = TokenProvider(ENTRA, base_url=server.base_url)
    provider.close()

    with pytest.raises(errors.ClientClosed):
        provider.get_token()
    assert server.call_count == 0


def test_a_token_cached_before_close_is_still_served(server: StandInServer) -> None:
    with TokenProvider(ENTRA, base_url=server.base_url) as provider:
        token = provider.get_token()
    assert provider.get_token() is token
    provider.invalidate()
    with pytest.raises(errors.ClientClosed):
        provider.get_token()


def test_an_async_fetch_after_aclose_is_client_closed(server: StandInServer) -> None:
    async def main() -> None:
        async with AsyncTokenProvider(ENTRA, base_url=server.base_url) as provider:
            pass
        await provider.get_token()

    with pytest.raises(errors.ClientClosed):
        asyncio.run(main())


@pytest.mark.parametrize("after", [0.0, 0.05, 0.3, 1.2])
def test_close_during_a_fetch_ends_it_with_a_token_or_a_typed_error(server: StandInServer, after: float) -> None:
    server.delay = 1.0
    provider = TokenProvider(ENTRA, base_url=server.base_url, retry=NO_RETRY, total_timeout=5)
    outcomes: list[object] = []

    def fetch() -> None:
        try:
            outcomes.append(provider.get_token())
        except BaseException as error:
            outcomes.append(error)

    fetchers = [threading.Thread(target=fetch) for _ in range(3)]
    for fetcher in fetchers:
        fetcher.start()
    time.sleep(after)
    provider.close()
    for fetcher in fetchers:
        fetcher.join(10)

    assert len(outcomes) == 3
    for outcome in outcomes:
        assert not isinstance(outcome, BaseException) or isinstance(outcome, errors.PartnerCenterAuthError), outcome


@pytest.mark.parametrize("after", [0.0, 0.3])
def test_aclose_during_a_fetch_ends_it_with_a_token_or_a_typed_error(server: StandInServer, after: float) -> None:
    server.delay = 1.0

    async def main() -> list[object]:
        provider = AsyncTokenProvider(ENTRA, base_url=server.base_url, retry=NO_RETRY)
        fetches = [asyncio.ensure_future(provider.get_token()) for _ in range(3)]
        await asyncio.sleep(after)
        await provider.aclose()
        return list(await asyncio.gather(*fetches, return_exceptions=True))

    for outcome in asyncio.run(main()):
        assert not isinstance(outcome, BaseException) or isinstance(outcome, errors.PartnerCenterAuthError), outcome


def test_a_transport_of_yours_used_from_another_event_loop_is_refused_saying_why(
    server: StandInServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    provider = AsyncTokenProvider(ENTRA, base_url=server.base_url, retry=NO_RETRY, transport=httpx.AsyncHTTPTransport())
    provider.invalidate(asyncio.run(provider.get_token()))  # its kept-alive connection: this loop's

    with pytest.raises(errors.TransportFailure, match="other than the one it was first used in") as refused:
        asyncio.run(provider.get_token())
    assert isinstance(refused.value.__cause__, RuntimeError)

    # That connection cannot be closed without its loop, which has ended: asyncio says so when it goes.
    monkeypatch.setattr(sys, "unraisablehook", lambda unraisable: None)
    del provider, refused
    gc.collect()


def test_a_mock_transport_serves_any_event_loop() -> None:
    answer = {"access_token": "access", "expires_in": 3600}
    provider = AsyncTokenProvider(ENTRA, transport=httpx.MockTransport(lambda _: httpx.Response(200, json=answer)))
    assert in_threads(3, provider.get_token) == []


def test_a_token_due_for_refresh_but_valid_is_served_after_close(server: StandInServer) -> None:
    class Clock:
        now = 1_800_000_000.0

        def __call__(self) -> float:
            return self.now

    clock = Clock()
    with TokenProvider(ENTRA, base_url=server.base_url, clock=clock, monotonic=clock) as provider:
        token = provider.get_token()
    clock.now += 3500  # inside the refresh window, still valid: no fetch, the token is served
    assert provider.get_token() is token
    clock.now += 100  # expired
    with pytest.raises(errors.ClientClosed):
        provider.get_token()
    assert server.call_count == 1
