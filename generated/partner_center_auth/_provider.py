"""Partner Center tokens that are always valid: fetched once, cached, refreshed ahead, shared.

    provider = TokenProvider(entra_id_token)      # a string, a callable or a TokenCredential
    token = provider.get_token()                  # PartnerCenterToken, cached until refresh time

The sync provider: thread-safe, its fetch sent on a kept-alive client of its own. When a token is
served, refreshed or fetched is the schedule's rule (``_internal/schedule.py``), what an answer
means is ``_internal/answers.py``'s, where the Entra ID token comes from is ``_entra.py``'s; this
module only sends. Its async twin is ``aio/_provider.py``.

A provider survives ``fork()``: the child keeps the cached token and gets its own connections,
lock and fetch (see ``_fork.py``); the parent's are never touched.

Given a shared cache (``cache=``), the leader of a fetch looks there first, and one fetch serves
every process sharing it (``_internal/sharing.py``).
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any

import httpx

from . import _fork
from ._cache.identity import identity_of
from ._cache.interface import CachedToken
from ._entra import SupportsGetToken
from ._internal.answers import status_decides
from ._internal.provider_base import BaseTokenProvider
from ._internal.schedule import Lead, Serve
from ._internal.sharing import Adopt
from ._through import Through
from ._token import PartnerCenterToken
from .client import AuthenticatedClient
from .errors import MissingExtra, UnexpectedResponse

__all__ = ["TokenProvider"]


class TokenProvider(BaseTokenProvider[httpx.Client]):
    """Thread-safe, cached Partner Center tokens from the v3 operation (or the legacy one).

    Takes the options documented on :class:`BaseTokenProvider`; ``http_client`` is an ``httpx.Client``.
    """

    def _through(self, http_client: httpx.Client) -> httpx.BaseTransport:
        return Through(http_client)

    def _set_up(self) -> None:
        self._renew()
        self._sending_client()
        _fork.renew_in_child(self, TokenProvider._renew)

    def _renew(self) -> None:
        """No client (the next fetch makes one): when made, and in a forked child, where the
        parent's pool (its kept-alive sockets) is the parent's."""
        self._client: AuthenticatedClient | None = None

    def _sending_client(self) -> AuthenticatedClient:
        if self._client is None:  # only the fetch's leader gets here: one at a time
            from ._transport import deadline_aware_client  # imports httpcore: with the first fetch

            self._client = AuthenticatedClient(**self._client_options)
            self._client.set_httpx_client(deadline_aware_client(**self._http_options))
        return self._client

    def _close_client(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.get_httpx_client().close()

    @classmethod
    def from_azure_identity(cls, credential: SupportsGetToken | None = None, **options: Any) -> TokenProvider:
        """A provider whose Entra ID token comes from azure-identity (the ``[azure]`` extra).

        ``credential`` defaults to ``DefaultAzureCredential()``; any ``TokenCredential`` works.
        """
        if credential is None:
            try:
                from azure.identity import DefaultAzureCredential  # type: ignore[import-not-found, import-untyped, unused-ignore]
            except ImportError as error:
                raise MissingExtra("azure-identity is missing: pip install 'partner-center-auth[azure]'") from error
            credential = DefaultAzureCredential()
        return cls(credential, **options)

    def get_token(self) -> PartnerCenterToken:
        """A valid Partner Center token, from the cache or, once for all callers, from upstream."""
        token = self._schedule.fresh()
        if token is not None:
            return token
        step = self._schedule.next_step()
        if isinstance(step, Serve):
            return step.token
        if isinstance(step, Lead):
            self._lead(step.flight)
        try:
            return step.flight.result()
        except Exception as error:  # any failure (an Entra outage too): a still-valid token is served
            return self._fallback(error)

    def _lead(self, flight: Future[PartnerCenterToken]) -> None:
        token, failure = None, None
        try:
            with self._failures():
                token = self._obtain()
        except BaseException as error:  # handed to every caller waiting, this one included
            failure = error
        if self._schedule.land(flight, token, failure):
            self._close_client()  # closed during the fetch: now that it is over

    def _obtain(self) -> PartnerCenterToken:
        """The token of a shared cache when it holds one, else a fetch (shared when it can be)."""
        if self._sharing is None:
            return self._fetch().token
        identity = self._identity or identity_of(self._bearer.current(self.retry.deadline))
        claimed = self._sharing.claim(self._key(identity), **self._lock_times)
        if isinstance(claimed, Adopt):
            return self._adopt(claimed)
        entry = None
        try:
            entry = self._fetch()
            return entry.token
        finally:
            self._sharing.settle(claimed, entry)

    def _fetch(self) -> CachedToken:
        sent_at, sent = self._clock(), self._monotonic()
        try:
            response = self.retry.call(self.operation.sync_detailed, **self._arguments(self._sending_client()))
        except UnexpectedResponse as error:
            raise status_decides(error, self._operation_id) from None
        return self._accept(response, sent_at, sent)

    def close(self) -> None:
        """Close its connections (after the fetch in flight, if any, which ends as it would have):
        a token still cached is served, a new fetch is :class:`ClientClosed`."""
        if self._schedule.close():
            self._close_client()

    def __enter__(self) -> TokenProvider:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
