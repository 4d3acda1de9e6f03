"""What both token providers share: their options, and the talk between a fetch and the schedule.

:class:`BaseTokenProvider` checks and keeps the options, makes the :class:`TokenSchedule` and
the Entra ID auth, and turns a fetch's answer into a cached token or a typed error. It sends
nothing: ``TokenProvider`` (``_provider.py``) and ``AsyncTokenProvider`` (``aio/_provider.py``)
do, each at its own I/O edge, and supply what differs between them as the abstract methods here.
"""

from __future__ import annotations

import logging
import math
import time
import uuid
import warnings
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar

import httpx

from .._cache.identity import cache_key as key_of
from .._cache.identity import identity_of
from .._cache.interface import CachedToken, TokenCache
from .._entra import AsyncEntraTokenSource, EntraBearer, EntraTokenSource, audience_problem, check_source
from .._retry import RetryPolicy
from .._token import PartnerCenterToken
from .._urls import check_base_url, shown
from ..client import AuthenticatedClient
from ..errors import InvalidArgument, NotAuthenticated
from ..models import TokenRequest
from ..types import Response
from .answers import token_from, typed_failures
from .schedule import TokenSchedule
from .sharing import Adopt, Sharing

if TYPE_CHECKING:
    # The operation modules (and the runtime that sends requests) are imported by the first
    # provider made, not with this module: importing TokenProvider stays cheap.
    from ..api.authentication import generate_access_token

    RequestMediaType: TypeAlias = generate_access_token.RequestMediaType
    ResponseMediaType: TypeAlias = generate_access_token.ResponseMediaType

__all__ = ["DEFAULT_BASE_URL", "BaseTokenProvider"]

# The package's logger, which every module of the package logs to: one name to configure.
logger = logging.getLogger(__name__.partition("._internal")[0])

DEFAULT_BASE_URL = "https://api.partnercenter.microsoft.com"

H = TypeVar("H", httpx.Client, httpx.AsyncClient)

HOLD_MARGIN = 1.0
"""Seconds a shared cache's lock outlives the retry policy's deadline, which ends its holder's fetch."""


def _checked_seconds(name: str, value: object, *, above_zero: bool) -> None:
    """Refuse an option that is not a finite number of seconds (None: the default or no limit)."""
    if value is None or isinstance(value, httpx.Timeout):  # httpx's own timeouts are httpx's to check
        return
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
        or (above_zero and value == 0)
    ):
        least = "above 0" if above_zero else "of at least 0"
        raise InvalidArgument(f"{name} must be a finite number of seconds {least}, or None; not {value!r}")


def _checked_size(name: str, value: object) -> None:
    """Refuse a size that is not a whole number of bytes of at least 1."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidArgument(f"{name} must be a whole number of bytes of at least 1; not {value!r}")


class BaseTokenProvider(ABC, Generic[H]):
    """What both providers share: the options, the cache, the schedule and the operation they call.

    Args:
        entra_token: the Entra ID token: a string, a callable returning one, or an azure-core
            ``TokenCredential`` (asked for the Partner Center scope); for the async provider also a
            coroutine function or an async credential. Anything else is ``InvalidCredentials``
            here; whatever a source raises is ``CredentialUnavailable`` (its error the cause), and
            a source that does not answer within the fetch's deadline too.
        base_url: where Partner Center is.
        content_type: the request media type; accept: the response media type.
        legacy: call the deprecated operation (warns with DeprecationWarning).
        retry: the :class:`~partner_center_auth.RetryPolicy` of each fetch.
        refresh_ahead: seconds before expiry to refresh (default: min(5 minutes, lifetime / 10)).
        correlation_id: the ms-correlationid of every fetch (default: a fresh one per provider);
            each fetch has its own ms-requestid, reused by its retries.
        timeout: seconds for each step of an HTTP request (connect, each read, the Entra ID source).
        total_timeout: seconds for a whole response, body included.
        max_response_size: the most bytes of response body read.
        allow_insecure_http: send the Entra ID token over plain http to non-loopback hosts (tests only).
        transport: the ``httpx`` transport to send with (``httpx.HTTPTransport`` with its TLS and
            proxy settings, ``httpx.MockTransport`` in tests); the provider owns its client.
        http_client: deprecated, use ``transport``: an ``httpx`` client whose transport for the
            URL (its pool, proxies and TLS) sends. It is never changed (its base URL, auth, headers,
            cookies, event hooks and state stay its own) nor closed by the provider.
        cache: a :class:`TokenCache` shared with other providers, processes or hosts
            (``FileCache``, ``RedisCache``, ``MemoryCache``); None (the default): this provider's
            memory alone. A token due for refresh is looked for there first, and one fetch
            serves every provider sharing it.
        cache_key: who the token is for, as the cache keys it (with the base URL and the
            operation); default: the Entra ID token's tenant and application when it is a JWT,
            else a digest of the token. Give one for a source whose tokens do not say who they are.
        clock: epoch seconds (the wall clock, which ``expires_on`` is read on), for tests.
        monotonic: the clock lifetimes are measured on from the moment an answer arrived, for tests.

    Numbers of seconds that are negative, infinite or not numbers are ``InvalidArgument`` here.
    """

    def __init__(
        self,
        entra_token: EntraTokenSource | AsyncEntraTokenSource,
        *,
        base_url: str = DEFAULT_BASE_URL,
        content_type: RequestMediaType = "application/x-www-form-urlencoded",
        accept: ResponseMediaType = "application/json",
        legacy: bool = False,
        retry: RetryPolicy | None = None,
        refresh_ahead: float | None = None,
        correlation_id: uuid.UUID | None = None,
        timeout: float = 10.0,
        total_timeout: float = 30.0,
        max_response_size: int = 1024 * 1024,
        allow_insecure_http: bool = False,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
        http_client: H | None = None,
        cache: TokenCache | None = None,
        cache_key: str | None = None,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        check_source(entra_token)
        _checked_seconds("refresh_ahead", refresh_ahead, above_zero=False)
        _checked_seconds("timeout", timeout, above_zero=True)
        _checked_seconds("total_timeout", total_timeout, above_zero=True)
        _checked_size("max_response_size", max_response_size)
        if cache_key is not None and (not isinstance(cache_key, str) or not cache_key):
            raise InvalidArgument(f"cache_key must be a non-empty str, or None; not a {type(cache_key).__name__}")
        for method in ("read", "write", "lock", "unlock"):
            if cache is not None and not callable(getattr(cache, method, None)):
                raise InvalidArgument(
                    f"cache must be a TokenCache (read, write, lock, unlock); not a {type(cache).__name__}"
                )
        self.base_url = check_base_url(base_url)  # errors.InvalidBaseURL now, not at the first fetch
        self.content_type: RequestMediaType = content_type
        self.accept: ResponseMediaType = accept
        from ..api.authentication import generate_access_token, generate_access_token_legacy

        self.operation = generate_access_token_legacy if legacy else generate_access_token
        self._operation_id: str = self.operation.OPERATION.operation_id  # as errors name it
        self.retry = retry if retry is not None else RetryPolicy()
        self.correlation_id = correlation_id or uuid.uuid4()
        self._clock = clock
        self._monotonic = monotonic
        self._schedule = TokenSchedule(refresh_ahead=refresh_ahead, monotonic=monotonic, owner=type(self).__name__)
        self._sharing = Sharing(cache, clock=clock) if cache is not None else None
        # Who the token is for, as a digest: known now for a token given as a str, else asked of
        # the source at the first look into the cache.
        self._identity: str | None = cache_key
        if cache is not None and cache_key is None and isinstance(entra_token, str):
            self._identity = identity_of(entra_token.strip(" \t\r\n\v\f"))  # stripped as it is sent
        self._bearer = EntraBearer(entra_token)
        if http_client is not None:
            warnings.warn(
                "TokenProvider(http_client=...) is deprecated: pass transport=; "
                "the client is used as given, never changed",
                DeprecationWarning,
                stacklevel=3,
            )
            transport = self._through(http_client)
        # The provider's own clients: the caller's objects are never changed, only used.
        self._http_options: dict[str, Any] = {
            "base_url": base_url,
            "auth": self._bearer,
            "timeout": timeout,
            **({"transport": transport} if transport is not None else {}),
        }
        self._client_options: dict[str, Any] = {
            "base_url": base_url,
            "token": "",
            "max_response_size": max_response_size,
            "total_timeout": total_timeout,
            "allow_insecure_http": allow_insecure_http,
        }
        self._set_up()

    @abstractmethod
    def _through(self, http_client: H) -> httpx.BaseTransport | httpx.AsyncBaseTransport:
        """The transport that sends through ``http_client`` (the deprecated ``http_client=``)."""

    @abstractmethod
    def _set_up(self) -> None:
        """Make what the provider holds beyond its options (called last by ``__init__``)."""

    def _arguments(self, client: AuthenticatedClient) -> dict[str, Any]:
        """The operation's arguments for one fetch, the same for sync and async."""
        return {
            "client": client,
            "body": TokenRequest(),
            "content_type": self.content_type,
            "accept": self.accept,
            "ms_correlationid": self.correlation_id,
            # A token is read strictly: an expiry that breaks the spec's pattern is no expiry to trust.
            "strict": True,
        }

    def _accept(self, response: Response[Any], sent_at: float, sent: float) -> CachedToken:
        """The answer's token, cached, as a shared cache stores it. Its lifetime counts from when
        the request was sent (wall time ``sent_at``, monotonic ``sent``), and what is left of it
        from when the answer arrived: a token that expired in transit is refused, whatever the
        server's clock says."""
        arrived_at, arrived = self._clock(), self._monotonic()
        token = token_from(response, self._operation_id, sent_at, arrived_at)
        left, refresh_in = self._schedule.fetched(
            token, sent_at=sent_at, sent=sent, arrived_at=arrived_at, arrived=arrived
        )
        logger.debug("token cached: expires in %.0fs, refresh in %.0fs", left, refresh_in)
        return CachedToken(token=token, refresh_on=arrived_at + refresh_in)

    # A shared cache ----------------------------------------------------------------------

    @property
    def _lock_times(self) -> dict[str, float]:
        """How long a leader holds the lock of a shared cache at most, and waits for it: as long,
        so that a holder killed mid-fetch is taken over as its lock expires."""
        hold = self.retry.deadline + HOLD_MARGIN
        return {"wait": hold, "hold": hold}

    def _key(self, identity: str) -> str:
        self._identity = identity
        return key_of(self.base_url, self._operation_id, identity)

    def _adopt(self, claimed: Adopt) -> PartnerCenterToken:
        """The token a shared cache holds, cached here until it is due."""
        token, now = claimed.entry.token, self._clock()
        left = token.expires_on - now
        refresh_in = claimed.entry.refresh_on - now
        self._schedule.adopt(token, left=left, refresh_in=refresh_in)
        logger.debug("token taken from the shared cache: expires in %.0fs, refresh in %.0fs", left, refresh_in)
        return token

    @contextmanager
    def _failures(self) -> Iterator[None]:
        """The fetch's failures as this package's errors; a 401 says so when the Entra ID token
        was issued for another audience than Partner Center (named, never the token)."""
        try:
            with typed_failures(self._operation_id):
                yield
        except NotAuthenticated as error:
            problem = audience_problem(self._bearer.audience)
            if problem is None:
                raise
            raise NotAuthenticated(
                f"{error}: {problem}",
                status_code=error.status_code,
                headers=error.headers,
                content=error.content,
                fault=error.fault,
            ) from None

    def _fallback(self, error: BaseException) -> PartnerCenterToken:
        """After a failed fetch: the cached token if it is still valid (retried later), else the error."""
        served = self._schedule.failed()
        if served is None:
            raise error
        token, valid_for = served
        cause = f" from {type(error.__cause__).__name__}" if error.__cause__ is not None else ""
        logger.warning(
            "refresh failed (%s%s); serving the cached token, valid for %.0fs more",
            type(error).__name__,
            cause,
            valid_for,
        )
        return token

    def invalidate(self, token: PartnerCenterToken | None = None) -> None:
        """Drop the cached token (only if it is ``token``, when given): for callers that got a 401.
        A shared cache's entry holding it is not taken again: the next fetch replaces it."""
        dropped = token if token is not None else self._schedule.current()
        self._schedule.invalidate(token)
        if self._sharing is not None and dropped is not None:
            self._sharing.distrust(dropped.access_token)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={shown(self.base_url)!r})"
