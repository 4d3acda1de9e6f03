"""Partner Center tokens that are always valid: fetched once, cached, refreshed ahead, shared.

    provider = TokenProvider(entra_id_token)      # a string, a callable or a TokenCredential
    token = provider.get_token()                  # PartnerCenterToken, cached until refresh time

Expiry comes from ``expires_on`` when the answer has it, else from ``expires_in`` counted from the
moment the answer arrived, else :data:`DEFAULT_LIFETIME` (5 minutes: short, so a token whose
lifetime we do not know is replaced early rather than served expired).

Refresh happens ahead of expiry: by default 5 minutes or a tenth of the lifetime, whichever is
smaller. If that refresh fails while the cached token is still valid, the cached token is served
and the refresh is tried again after :data:`FAILED_REFRESH_PAUSE`; an expired token is never served.

Single-flight: however many threads (or tasks, for :class:`AsyncTokenProvider`) ask at once,
one request goes upstream and all of them get its token, or all of them get its error. A failed
fetch is not cached.
"""

from __future__ import annotations

import importlib
import inspect
import logging
import threading
import time
import uuid
import warnings
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeAlias, TypeVar

import httpx
from attrs import field, frozen

from ._retry import RetryPolicy
from ._urls import check_base_url
from .client import AuthenticatedClient
from .errors import (
    ApiError,
    InvalidCredentials,
    MissingExtra,
    PartnerCenterAuthError,
    ResponseDecodeError,
    UnexpectedResponse,
    UnexpectedStatus,
)
from .models import TokenRequest, TokenResponse
from .types import Response

if TYPE_CHECKING:
    import asyncio

    # The operation modules (and the runtime that sends requests) are imported by the first
    # provider made, not with this module: importing TokenProvider stays cheap.
    from .api.authentication import generate_access_token

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_LIFETIME",
    "ENTRA_ID_SCOPE",
    "AsyncTokenProvider",
    "PartnerCenterToken",
    "TokenProvider",
]

logger = logging.getLogger(__package__)

DEFAULT_BASE_URL = "https://api.partnercenter.microsoft.com"
ENTRA_ID_SCOPE = "https://api.partnercenter.microsoft.com/.default"
"""The scope an Entra ID token must be issued for (audience: the Partner Center API)."""
DEFAULT_LIFETIME = 300.0
"""Seconds a token is taken to live when the answer has neither ``expires_on`` nor ``expires_in``."""
FAILED_REFRESH_PAUSE = 10.0
"""Seconds to serve a still-valid token after a failed refresh-ahead before trying again."""
MAX_REFRESH_AHEAD = 300.0
MAX_LIFETIME = 366 * 24 * 3600.0
"""A token claiming to live longer than a year is refused: its expiry is not believable."""

if TYPE_CHECKING:
    RequestMediaType: TypeAlias = generate_access_token.RequestMediaType
    ResponseMediaType: TypeAlias = generate_access_token.ResponseMediaType


class SupportsGetToken(Protocol):
    """azure-core's ``TokenCredential``: anything with ``get_token(*scopes)`` returning ``.token``."""

    def get_token(self, *scopes: str, **kwargs: Any) -> Any: ...


EntraTokenSource: TypeAlias = str | Callable[[], str] | SupportsGetToken
AsyncEntraTokenSource: TypeAlias = str | Callable[[], Awaitable[str]] | SupportsGetToken


@frozen
class PartnerCenterToken:
    """A Partner Center access token and when it expires (epoch seconds). Its repr hides the token."""

    access_token: str = field(repr=False)
    token_type: str
    expires_on: float

    @classmethod
    def from_response(cls, parsed: TokenResponse, received_at: float) -> PartnerCenterToken:
        """The token of an answer, or ValueError (never quoting it) for one no caller can use."""
        if not _is_bearer_token(parsed.access_token):
            raise ValueError("its access_token is empty or holds whitespace or control characters")
        expires_on, expires_in = _seconds(parsed.expires_on), _seconds(parsed.expires_in)
        if expires_on is None:
            expires_on = received_at + (expires_in if expires_in is not None else DEFAULT_LIFETIME)
        lifetime = expires_on - received_at
        if lifetime <= 0:
            raise ValueError("its token is already expired")
        if lifetime > MAX_LIFETIME:
            raise ValueError(f"its token claims a lifetime of more than {MAX_LIFETIME:.0f} seconds")
        token_type = parsed.token_type if isinstance(parsed.token_type, str) else "bearer"
        return cls(access_token=parsed.access_token, token_type=token_type, expires_on=expires_on)


def _seconds(value: object) -> float | None:
    """An integer or numeric-string number of seconds, as real services send both (huge ones: inf)."""
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value) if value < 10**15 else float("inf")  # no OverflowError, and inf is refused
    return None


def _synchronous(fetched: object) -> object:
    if inspect.isawaitable(fetched):
        close = getattr(fetched, "close", None)
        if close is not None:
            close()  # never awaited: say so instead of leaving a warning behind
        del fetched
        raise InvalidCredentials("the Entra ID token source is async: use AsyncTokenProvider")
    return fetched


async def _awaited(fetched: object) -> object:
    return await fetched if inspect.isawaitable(fetched) else fetched


_ASCII_WHITESPACE = " \t\r\n\v\f"


def _is_bearer_token(token: object) -> bool:
    return isinstance(token, str) and bool(token) and all(32 < ord(c) < 127 for c in token)


def _authorization(value: object) -> str:
    """``Bearer <the Entra ID token a source gave>``, stripped; InvalidCredentials if unusable.

    The error never quotes the token, and is raised once the frame's locals no longer hold it
    (tracebacks with locals, error trackers).
    """
    token = getattr(value, "token", value)  # a credential's AccessToken holds the string in .token
    # A token read from a file ends with a newline: ASCII whitespace is stripped, never more
    # (str.strip would take U+0085 or U+00A0 too, and send a token other than the one given).
    if isinstance(token, str) and _is_bearer_token(token.strip(_ASCII_WHITESPACE)):
        return f"Bearer {token.strip(_ASCII_WHITESPACE)}"
    problem = (
        f"the Entra ID token source gave a {type(token).__name__}, not a str"
        if not isinstance(token, str)
        else "the Entra ID token is empty or holds whitespace or control characters"
    )
    del value, token
    raise InvalidCredentials(problem)


@frozen
class _Entry:
    """The cached token, when to refresh it and when it expires, on the monotonic clock (a wall
    clock that jumps back cannot stretch a lifetime); swapped as one value so readers need no lock."""

    token: PartnerCenterToken
    refresh_at: float
    expires_at: float


H = TypeVar("H", httpx.Client, httpx.AsyncClient)


class BaseTokenProvider(Generic[H]):
    """What both providers share: the options, the cache, the schedule and the operation they call.

    Args:
        entra_token: the Entra ID token: a string, a callable returning one, or an azure-core
            ``TokenCredential`` (asked for :data:`ENTRA_ID_SCOPE`); for the async provider also a
            coroutine function or an async credential.
        base_url: where Partner Center is.
        content_type: the request media type; accept: the response media type.
        legacy: call the deprecated operation (warns with DeprecationWarning).
        retry: the :class:`~partner_center_auth.RetryPolicy` of each fetch.
        refresh_ahead: seconds before expiry to refresh (default: min(5 minutes, lifetime / 10)).
        correlation_id: the ms-correlationid of every fetch (default: a fresh one per provider);
            each fetch has its own ms-requestid, reused by its retries.
        timeout: seconds for each step of an HTTP request (connect, each read).
        total_timeout: seconds for a whole response, body included.
        max_response_size: the most bytes of response body read.
        allow_insecure_http: send the Entra ID token over plain http to non-loopback hosts (tests only).
        transport: the ``httpx`` transport to send with (``httpx.HTTPTransport`` with its TLS and
            proxy settings, ``httpx.MockTransport`` in tests); the provider owns its client.
        http_client: deprecated, use ``transport``: an ``httpx`` client whose transport for the
            URL (its pool, proxies and TLS) sends. It is never changed (its base URL, auth, headers,
            cookies, event hooks and state stay its own) nor closed by the provider.
        clock: epoch seconds (the wall clock, which ``expires_on`` is read on), for tests.
        monotonic: the clock lifetimes are measured on from the moment an answer arrived, for tests.
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
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.base_url = check_base_url(base_url)  # errors.InvalidBaseURL now, not at the first fetch
        self.content_type: RequestMediaType = content_type
        self.accept: ResponseMediaType = accept
        from .api.authentication import generate_access_token, generate_access_token_legacy

        self.operation = generate_access_token_legacy if legacy else generate_access_token
        self.retry = retry if retry is not None else RetryPolicy()
        self.correlation_id = correlation_id or uuid.uuid4()
        self._refresh_ahead = refresh_ahead
        self._clock = clock
        self._monotonic = monotonic
        self._entry: _Entry | None = None
        if http_client is not None:
            warnings.warn(
                "TokenProvider(http_client=...) is deprecated: pass transport=; "
                "the client is used as given, never changed",
                DeprecationWarning,
                stacklevel=3,
            )
            transport = self._through(http_client)
        # The provider's own client: the caller's objects are never changed, only used.
        self._http_options: dict[str, Any] = {
            "base_url": base_url,
            "auth": _EntraBearer(entra_token),
            "timeout": timeout,
            **({"transport": transport} if transport is not None else {}),
        }
        self._client = AuthenticatedClient(
            base_url=base_url,
            token="",
            max_response_size=max_response_size,
            total_timeout=total_timeout,
            allow_insecure_http=allow_insecure_http,
        )
        self._attach()

    def _through(self, http_client: H) -> httpx.BaseTransport | httpx.AsyncBaseTransport:
        raise NotImplementedError

    def _attach(self) -> None:
        raise NotImplementedError

    def _arguments(self) -> dict[str, Any]:
        """The operation's arguments for one fetch, the same for sync and async."""
        return {
            "client": self._client,
            "body": TokenRequest(),
            "content_type": self.content_type,
            "accept": self.accept,
            "ms_correlationid": self.correlation_id,
        }

    def _cached(self, now: float) -> PartnerCenterToken | None:
        """The cached token if it is not yet due for refresh."""
        entry = self._entry
        return entry.token if entry is not None and now < entry.refresh_at else None

    def _store(self, token: PartnerCenterToken, received_at: float, arrived: float) -> PartnerCenterToken:
        """Cache ``token``, received at wall time ``received_at`` and monotonic time ``arrived``."""
        lifetime = max(0.0, token.expires_on - received_at)
        ahead = self._refresh_ahead if self._refresh_ahead is not None else min(MAX_REFRESH_AHEAD, lifetime / 10)
        self._entry = _Entry(token, arrived + lifetime - ahead, arrived + lifetime)
        logger.debug("token cached: expires in %.0fs, refresh in %.0fs", lifetime, lifetime - ahead)
        return token

    def _fallback(self, error: BaseException) -> PartnerCenterToken:
        """After a failed fetch: the cached token if it is still valid (retried later), else the error."""
        entry, now = self._entry, self._monotonic()
        if entry is None or now >= entry.expires_at:
            raise error
        self._entry = _Entry(entry.token, min(entry.expires_at, now + FAILED_REFRESH_PAUSE), entry.expires_at)
        logger.warning(
            "refresh failed (%s); serving the cached token, valid for %.0fs more",
            type(error).__name__,
            entry.expires_at - now,
        )
        return entry.token

    def invalidate(self, token: PartnerCenterToken | None = None) -> None:
        """Drop the cached token (only if it is ``token``, when given): for callers that got a 401."""
        entry = self._entry
        if entry is not None and (token is None or entry.token == token):
            self._entry = None

    def _token_from(self, response: Response[Any], received_at: float) -> PartnerCenterToken:
        parsed, status = response.parsed, int(response.status_code)
        if isinstance(parsed, TokenResponse):
            try:
                return PartnerCenterToken.from_response(parsed, received_at)
            except ValueError as error:
                problem = str(error)  # names the problem, never a value
            del parsed  # out of the frame the error is raised from
            raise ResponseDecodeError(
                f"{self.operation.OPERATION.operation_id} answered {status} with a token no caller can use: {problem}",
                status_code=status,
                headers=response.headers,
                content=response.content,
            )
        if parsed is None and status < 400:
            raise UnexpectedStatus(status, response.content, response.headers)
        # The server's description may echo a token: it stays on `fault`, out of the message and
        # of the frame's locals.
        del parsed
        raise ApiError.class_for(status)(
            f"{self.operation.OPERATION.operation_id} answered {status}",
            status_code=status,
            headers=response.headers,
            content=response.content,
            fault=response.parsed,
        )

    def _status_decides(self, error: UnexpectedResponse) -> PartnerCenterAuthError:
        """An error answer whose body is not the documented one (a gateway's HTML 401) is still
        the error its status means; the body stays on it."""
        if error.status_code < 400:
            return error
        return ApiError.class_for(error.status_code)(
            f"{self.operation.OPERATION.operation_id} answered {error.status_code} (with an undocumented body)",
            status_code=error.status_code,
            headers=error.headers,
            content=error.content,
            fault=None,
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"


class _EntraBearer(httpx.Auth):
    """Sends the Entra ID token, taken from its source at each request, as a Bearer token."""

    def __init__(self, source: EntraTokenSource | AsyncEntraTokenSource) -> None:
        self._source = source

    # No local holds the token: a failure's traceback with locals shows none.
    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = _authorization(_synchronous(self._fetch()))
        yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        request.headers["Authorization"] = _authorization(await _awaited(self._fetch()))
        yield request

    def _fetch(self) -> object:
        source: Any = self._source
        if isinstance(source, str):
            return source
        if callable(getattr(source, "get_token", None)):
            return source.get_token(ENTRA_ID_SCOPE)
        return source()


class _Through(httpx.BaseTransport):
    """Sends with the transport a caller's ``httpx.Client`` would choose for the URL (its pool,
    proxies and TLS), and with nothing else of it: never with its ``send``, which would keep the
    token server's cookies in its jar and mark it opened (``with client:`` would then fail). Its
    headers, auth, cookies and event hooks are its own; it is never changed, never closed.
    """

    def __init__(self, client: httpx.Client) -> None:
        self._client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._client.is_closed:
            raise httpx.ConnectError("the http_client given is closed", request=request)
        # httpx (the declared 0.27 and 0.28) has no public name for it; called, nothing written.
        transport: httpx.BaseTransport = self._client._transport_for_url(request.url)
        return transport.handle_request(request)


class _AsyncThrough(httpx.AsyncBaseTransport):
    """:class:`_Through` for an ``httpx.AsyncClient``."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._client.is_closed:
            raise httpx.ConnectError("the http_client given is closed", request=request)
        transport: httpx.AsyncBaseTransport = self._client._transport_for_url(request.url)
        return await transport.handle_async_request(request)


class TokenProvider(BaseTokenProvider[httpx.Client]):
    """Thread-safe, cached Partner Center tokens from the v3 operation (or the legacy one).

    Takes the options documented on :class:`BaseTokenProvider`; ``http_client`` is an ``httpx.Client``.
    """

    _lock: threading.Lock
    _flight: Future[PartnerCenterToken] | None = None

    def _through(self, http_client: httpx.Client) -> httpx.BaseTransport:
        return _Through(http_client)

    def _attach(self) -> None:
        self._lock = threading.Lock()
        from ._transport import deadline_aware_client  # imports httpcore: with the first call

        self._client.set_httpx_client(deadline_aware_client(**self._http_options))

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
        token = self._cached(self._monotonic())
        if token is not None:
            return token
        with self._lock:
            token = self._cached(self._monotonic())
            if token is not None:
                return token
            flight, leader = self._flight, self._flight is None
            if flight is None:
                flight = self._flight = Future()
        if leader:
            self._lead(flight)
        try:
            return flight.result()
        except Exception as error:  # any failure (an Entra outage too): a still-valid token is served
            return self._fallback(error)

    def _lead(self, flight: Future[PartnerCenterToken]) -> None:
        try:
            received_at, arrived = self._clock(), self._monotonic()
            try:
                response = self.retry.call(self.operation.sync_detailed, **self._arguments())
            except UnexpectedResponse as error:
                raise self._status_decides(error) from None
            token = self._store(self._token_from(response, received_at), received_at, arrived)
        except BaseException as error:
            with self._lock:
                self._flight = None
            flight.set_exception(error)
        else:
            with self._lock:
                self._flight = None
            flight.set_result(token)

    def close(self) -> None:
        self._client.get_httpx_client().close()

    def __enter__(self) -> TokenProvider:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncTokenProvider(BaseTokenProvider[httpx.AsyncClient]):
    """:class:`TokenProvider` for asyncio: the same rules, single-flight across tasks.

    ``entra_token`` may also be a coroutine function or an async ``TokenCredential``;
    ``http_client`` is an ``httpx.AsyncClient``.
    """

    _flight: asyncio.Task[PartnerCenterToken] | None = None

    _loop: object = None

    def _through(self, http_client: httpx.AsyncClient) -> httpx.AsyncBaseTransport:
        return _AsyncThrough(http_client)

    def _attach(self) -> None:
        self._asyncio = importlib.import_module("asyncio")  # only async users pay for its import

    def _bind_to_running_loop(self) -> None:
        """An httpx.AsyncClient belongs to one event loop: a provider reused under a new
        ``asyncio.run`` gets a new one (the old one's connections died with their loop)."""
        loop = self._asyncio.get_running_loop()
        if loop is not self._loop:
            self._loop, self._flight = loop, None
            # No connection outlives a fetch (fetches are minutes apart): none is left bound to a
            # loop that ends, to be found unclosed later.
            limits = httpx.Limits(max_keepalive_connections=0)
            self._client.set_async_httpx_client(httpx.AsyncClient(**self._http_options, limits=limits))

    async def get_token(self) -> PartnerCenterToken:
        """A valid Partner Center token, from the cache or, once for all tasks, from upstream."""
        token = self._cached(self._monotonic())
        if token is not None:
            return token
        self._bind_to_running_loop()
        if self._flight is None:
            self._flight = self._asyncio.ensure_future(self._lead())
        try:
            fetched: PartnerCenterToken = await self._asyncio.shield(self._flight)
            return fetched
        except Exception as error:  # any failure (an Entra outage too): a still-valid token is served
            return self._fallback(error)

    async def _lead(self) -> PartnerCenterToken:
        try:
            received_at, arrived = self._clock(), self._monotonic()
            try:
                response = await self.retry.call_async(self.operation.asyncio_detailed, **self._arguments())
            except UnexpectedResponse as error:
                raise self._status_decides(error) from None
            return self._store(self._token_from(response, received_at), received_at, arrived)
        finally:
            self._flight = None

    async def aclose(self) -> None:
        # A client of a loop that has ended has nothing left to close (its connections died with it).
        if self._loop is not None and self._loop is self._asyncio.get_running_loop():
            await self._client.get_async_httpx_client().aclose()
        self._loop = None

    async def __aenter__(self) -> AsyncTokenProvider:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
