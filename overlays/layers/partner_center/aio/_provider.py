""":class:`AsyncTokenProvider`: the token provider for asyncio, the async twin of ``_provider.py``.

    provider = AsyncTokenProvider(entra_id_token)   # also a coroutine function or an async credential
    token = await provider.get_token()

The same schedule, answers and Entra ID sources as the sync provider (``_internal/``,
``_entra.py``); what differs is the I/O edge: the fetch runs as a task of its own in the loop of
the caller that leads it, on an httpx client made for it alone, and callers of every event loop
wait for it. In a module of its own so that only async users import asyncio (about 20 to 40 ms
of start-up, measured on top of a provider already made).
"""

from __future__ import annotations

import asyncio
import functools
import threading
import time
from concurrent.futures import Future

import httpx

from .. import _fork
from .._cache.identity import identity_of
from .._cache.interface import CachedToken
from .._entra import unavailable
from .._internal.answers import status_decides
from .._internal.provider_base import BaseTokenProvider
from .._internal.schedule import Lead, Serve
from .._internal.sharing import Adopt, Fetch
from .._through import AsyncThrough
from .._token import PartnerCenterToken
from ..client import AuthenticatedClient
from ..errors import PartnerCenterAuthError, TransportFailure, UnexpectedResponse

__all__ = ["AsyncTokenProvider"]


class _Abandoned(Exception):
    """A fetch whose leader's event loop ended before the answer: a waiting task leads anew."""


class AsyncTokenProvider(BaseTokenProvider[httpx.AsyncClient]):
    """:class:`TokenProvider` for asyncio: the same rules, single-flight across tasks.

    ``entra_token`` may also be a coroutine function or an async ``TokenCredential``;
    ``http_client`` is an ``httpx.AsyncClient``.

    One provider serves any number of event loops (threads each running ``asyncio.run``, or one
    after another): each fetch runs in the loop of the task that leads it, on an httpx client made
    for it alone (an httpx client belongs to one loop), and tasks of every loop wait for it. A
    transport or client you give belongs to the loop it was first used in, as httpx has it.
    """

    _transport_loop: object = None
    """The event loop a transport of yours was first used in."""

    def _through(self, http_client: httpx.AsyncClient) -> httpx.AsyncBaseTransport:
        return AsyncThrough(http_client)

    def _set_up(self) -> None:
        self._renew()
        _fork.renew_in_child(self, AsyncTokenProvider._renew)

    def _renew(self) -> None:
        # When made, and in a forked child: the parent's tasks and loops are the parent's.
        self._leaders: set[asyncio.Task[None]] = set()  # kept from the garbage collector while they run
        self._leader_loop: asyncio.AbstractEventLoop | None = None  # the loop the fetch in flight runs on

    async def get_token(self) -> PartnerCenterToken:
        """A valid Partner Center token, from the cache or, once for all tasks, from upstream."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # trio, or no loop: asyncio's futures would fail with a bare TypeError
            raise TransportFailure(
                "AsyncTokenProvider runs on asyncio; under trio, call the generated asyncio functions with an "
                "AuthenticatedClient, or run the sync TokenProvider in a thread"
            ) from None
        while True:
            token = self._schedule.fresh()
            if token is not None:
                return token
            step = self._schedule.next_step()  # tasks of other loops (threads) share the flight
            if isinstance(step, Serve):
                return step.token
            if isinstance(step, Lead):
                # A task of its own: a caller cancelled does not cancel the fetch others wait for.
                self._leader_loop = asyncio.get_running_loop()
                task = asyncio.ensure_future(self._lead(step.flight))
                self._leaders.add(task)
                task.add_done_callback(self._leaders.discard)
            try:
                return await self._landed(step.flight)
            except _Abandoned:
                continue  # its leader's loop ended first: this task leads (or follows) a new fetch
            except TimeoutError:  # (a fetch's own failures are this package's errors, never this)
                self._schedule.abandon(step.flight)
                continue
            except Exception as error:  # any failure (an Entra outage too): a still-valid token is served
                return self._fallback(error)

    async def _landed(self, flight: Future[PartnerCenterToken]) -> PartnerCenterToken:
        """The token ``flight`` lands; TimeoutError once its leader can no longer land it.

        A leader's loop that was closed without running it to the end (a sync wrapper that gave
        up and closed its loop) is seen within a quarter of a second; one that stopped for good
        (neither run again nor closed), once the retry policy's deadline is long past.
        """
        give_up = time.monotonic() + self.retry.deadline + 5.0
        waited = asyncio.wrap_future(flight)
        while True:
            done, _ = await asyncio.wait({waited}, timeout=0.25)
            if done:
                return waited.result()
            leader = self._leader_loop
            if (leader is not None and leader.is_closed()) or time.monotonic() > give_up:
                raise TimeoutError

    async def _lead(self, flight: Future[PartnerCenterToken]) -> None:
        try:
            with self._failures():
                token = await self._obtain()
        except asyncio.CancelledError as error:
            task = asyncio.current_task()
            if task is None or task.cancelling():  # its loop is ending, or the fetch was cancelled
                self._schedule.land(flight, None, _Abandoned())
                raise
            # Raised by the Entra ID source itself, not a cancellation: a failure like any other.
            closed = self._schedule.land(flight, None, unavailable(error))
        except GeneratorExit:  # dropped with its loop
            self._schedule.land(flight, None, _Abandoned())
            raise
        except Exception as error:
            closed = self._schedule.land(flight, None, error)
        except BaseException as error:
            self._schedule.land(flight, None, error)
            raise
        else:
            closed = self._schedule.land(flight, token, None)
        if closed:
            await self._close_transport()  # closed during the fetch: now that it is over

    async def _obtain(self) -> PartnerCenterToken:
        """The token of a shared cache when it holds one, else a fetch (shared when it can be).
        The cache's calls block (a file lock, a Redis round trip): they run on a worker thread."""
        if self._sharing is None:
            return (await self._fetch()).token
        identity = self._identity or identity_of(await self._bearer.current_async(self.retry.deadline))
        claimed = await self._claimed(self._key(identity))
        if isinstance(claimed, Adopt):
            return self._adopt(claimed)
        entry = None
        try:
            entry = await self._fetch()
            return entry.token
        finally:  # shielded: a caller cancelled meanwhile does not leave the lock held
            settled = asyncio.get_running_loop().run_in_executor(None, self._sharing.settle, claimed, entry)
            await asyncio.shield(settled)

    async def _claimed(self, key: str) -> Adopt | Fetch:
        sharing = self._sharing
        assert sharing is not None
        claim = functools.partial(sharing.claim, key, **self._lock_times)
        future = asyncio.get_running_loop().run_in_executor(None, claim)
        try:
            return await asyncio.shield(future)
        except asyncio.CancelledError:
            # Cancelled while the worker waits for the lock: a lock it takes after all is released.
            def release(done: asyncio.Future[Adopt | Fetch]) -> None:
                if not done.cancelled() and done.exception() is None and isinstance(done.result(), Fetch):
                    threading.Thread(target=sharing.settle, args=(done.result(), None), daemon=True).start()

            future.add_done_callback(release)
            raise

    async def _fetch(self) -> CachedToken:
        # No connection outlives the fetch: none is left bound to a loop that ends. A transport
        # of yours is closed only by aclose(), like the sync provider's.
        owned = "transport" not in self._http_options
        loop = asyncio.get_running_loop()
        if not owned and self._transport_loop is None:
            self._transport_loop = loop
        limits = httpx.Limits(max_keepalive_connections=0)
        http = httpx.AsyncClient(**self._http_options, limits=limits)
        client = AuthenticatedClient(**self._client_options).set_async_httpx_client(http)
        try:
            sent_at, sent = self._clock(), self._monotonic()
            try:
                response = await self.retry.call_async(self.operation.asyncio_detailed, **self._arguments(client))
            except UnexpectedResponse as error:
                raise status_decides(error, self._operation_id) from None
            return self._accept(response, sent_at, sent)
        except Exception as error:
            if owned or loop is self._transport_loop or isinstance(error, PartnerCenterAuthError):
                raise
            raise TransportFailure(
                f"{self._operation_id}: the transport you gave raised {type(error).__name__} in "
                "an event loop other than the one it was first used in (an httpx transport's connections belong "
                "to the loop that opened them): give each loop a provider with a transport of its own, or let "
                "the provider make its own"
            ) from error
        finally:
            if owned:
                await http.aclose()

    async def aclose(self) -> None:
        """Close a transport you gave (after the fetch in flight, if any, which ends as it would
        have): a token still cached is served, a new fetch is :class:`ClientClosed`."""
        if self._schedule.close():
            await self._close_transport()

    async def _close_transport(self) -> None:
        transport = self._http_options.get("transport")
        if isinstance(transport, httpx.AsyncBaseTransport):
            await transport.aclose()

    async def __aenter__(self) -> AsyncTokenProvider:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
