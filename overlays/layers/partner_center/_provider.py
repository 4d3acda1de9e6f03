"""Partner Center tokens that are always valid: fetched once, cached, refreshed ahead, shared.

    provider = TokenProvider(entra_id_token)      # a string, a callable or a TokenCredential
    token = provider.get_token()                  # PartnerCenterToken, cached until refresh time

Expiry comes from ``expires_on`` when the answer has it, else from ``expires_in`` counted from the
moment the request was sent (never later than the token was made), else :data:`DEFAULT_LIFETIME`
(5 minutes: short, so a token whose lifetime we do not know is replaced early rather than served
expired). A token whose expiry passed while its answer was in transit is refused.

Refresh happens ahead of expiry: by default 5 minutes or a tenth of the lifetime, whichever is
smaller. If that refresh fails while the cached token is still valid, the cached token is served
and the refresh is tried again after :data:`FAILED_REFRESH_PAUSE`; an expired token is never served.

Single-flight: however many threads (or tasks, for :class:`AsyncTokenProvider`, in any number of
event loops) ask at once, one request goes upstream and all of them get its token, or all of them
get its error. A failed fetch is not cached.

A provider survives ``fork()``: the child keeps the cached token and gets its own connections,
lock and fetch (see ``_fork.py``); the parent's are never touched.
"""

from __future__ import annotations

import contextvars
import importlib
import inspect
import logging
import math
import re
import threading
import time
import uuid
import warnings
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator, Iterator
from concurrent.futures import Future
from concurrent.futures import wait as wait_for_future
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeAlias, TypeVar

import httpx
from attrs import field, frozen

from . import _fork
from ._retry import RetryPolicy
from ._urls import check_base_url, shown
from .client import AuthenticatedClient
from .errors import (
    ApiError,
    ClientClosed,
    CredentialUnavailable,
    InvalidArgument,
    InvalidCredentials,
    MissingExtra,
    PartnerCenterAuthError,
    ResponseDecodeError,
    TransportError,
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
    def from_response(
        cls, parsed: TokenResponse, received_at: float, arrived_at: float | None = None
    ) -> PartnerCenterToken:
        """The token of an answer, or ValueError (never quoting it) for one no caller can use.

        ``expires_in`` counts from ``received_at`` (epoch seconds): the moment the request was
        sent, which is never later than the token was made. The token must still be valid at
        ``arrived_at``, when the answer arrived (by default ``received_at``).
        """
        if not _is_bearer_token(parsed.access_token):
            raise ValueError("its access_token is empty or holds whitespace or control characters")
        expires_on, expires_in = _seconds(parsed.expires_on), _seconds(parsed.expires_in)
        if expires_on is None:
            expires_on = received_at + (expires_in if expires_in is not None else DEFAULT_LIFETIME)
        lifetime = expires_on - (received_at if arrived_at is None else arrived_at)
        if lifetime <= 0:
            raise ValueError("its token is already expired")
        if lifetime > MAX_LIFETIME:
            raise ValueError(f"its token claims a lifetime of more than {MAX_LIFETIME:.0f} seconds")
        token_type = parsed.token_type if isinstance(parsed.token_type, str) else "bearer"
        return cls(access_token=parsed.access_token, token_type=token_type, expires_on=expires_on)


def _seconds(value: object) -> float | None:
    """A number of seconds, as a JSON number (``3600``, ``3600.0``) or a numeric string, as real
    services send them all (huge ones: inf, refused); None for anything else."""
    if isinstance(value, str) and _NUMERIC.fullmatch(value.strip()):
        whole, _, fraction = value.strip().partition(".")
        if len(whole) > 15:
            return float("inf")  # refused; int() of thousands of digits would be a ValueError of its own
        return float(int(whole)) if not fraction else float(f"{whole}.{fraction}")
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value) if value < 10**15 else float("inf")  # no OverflowError, and inf is refused
    if isinstance(value, float):
        if math.isnan(value):
            raise ValueError("its expiry is not a number")
        return value
    return None


_NUMERIC = re.compile(r"[0-9]+(\.[0-9]+)?")  # ASCII digits only: "²" is a digit to str.isdigit


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


def _checked_source(source: object) -> None:
    """Refuse, when the provider is made, an Entra ID token source no fetch could ever use."""
    if isinstance(source, str) or callable(source) or callable(getattr(source, "get_token", None)):
        return
    hint = ": decode it to a str" if isinstance(source, bytes | bytearray) else ""
    raise InvalidCredentials(
        f"the Entra ID token source is a {type(source).__name__}, not a str, a callable returning one, "
        f"or a TokenCredential{hint}"
    )


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


def _unavailable(error: BaseException) -> CredentialUnavailable:
    """``CredentialUnavailable`` caused by ``error``, as ``raise ... from error`` makes it."""
    try:
        raise CredentialUnavailable(f"the Entra ID token source failed: {type(error).__name__}") from error
    except CredentialUnavailable as failure:
        return failure


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


class _Abandoned(Exception):
    """A fetch whose leader's event loop ended before the answer: a waiting task leads anew."""


H = TypeVar("H", httpx.Client, httpx.AsyncClient)


class BaseTokenProvider(Generic[H]):
    """What both providers share: the options, the cache, the schedule and the operation they call.

    Args:
        entra_token: the Entra ID token: a string, a callable returning one, or an azure-core
            ``TokenCredential`` (asked for :data:`ENTRA_ID_SCOPE`); for the async provider also a
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
        clock: epoch seconds (the wall clock, which ``expires_on`` is read on), for tests.
        monotonic: the clock lifetimes are measured on from the moment an answer arrived, for tests.

    Numbers of seconds that are negative, infinite or not numbers are ``InvalidArgument`` here.
    """

    _closed = False

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
        _checked_source(entra_token)
        _checked_seconds("refresh_ahead", refresh_ahead, above_zero=False)
        _checked_seconds("timeout", timeout, above_zero=True)
        _checked_seconds("total_timeout", total_timeout, above_zero=True)
        _checked_size("max_response_size", max_response_size)
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
        # The provider's own clients: the caller's objects are never changed, only used.
        self._http_options: dict[str, Any] = {
            "base_url": base_url,
            "auth": _EntraBearer(entra_token),
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
        self._attach()

    def _through(self, http_client: H) -> httpx.BaseTransport | httpx.AsyncBaseTransport:
        raise NotImplementedError

    def _attach(self) -> None:
        raise NotImplementedError

    def _arguments(self, client: AuthenticatedClient) -> dict[str, Any]:
        """The operation's arguments for one fetch, the same for sync and async."""
        return {
            "client": client,
            "body": TokenRequest(),
            "content_type": self.content_type,
            "accept": self.accept,
            "ms_correlationid": self.correlation_id,
        }

    def _flight_to_join(self) -> tuple[Future[PartnerCenterToken] | PartnerCenterToken, bool]:
        """The token if cached by now, else the fetch in flight (and False), else a new one to lead
        (and True). ClientClosed once closed: a closed provider starts no fetch."""
        with self._lock:  # held for no I/O and no await: any thread (or loop) may wait for it
            token = self._cached(self._monotonic())
            if token is not None:
                return token, False
            if self._flight is not None:
                return self._flight, False
            entry = self._entry
            if self._closed and entry is not None and self._monotonic() < entry.expires_at:
                return entry.token, False  # due for refresh, still valid: served, as after a failed refresh
            if self._closed:
                raise ClientClosed(
                    f"this {type(self).__name__} was closed, and its token needs a fetch: make a new one"
                )
            self._flight = Future()
            return self._flight, True

    def _closing(self) -> bool:
        """Closed from now on; whether the caller closes the connections now, or (when a fetch is in
        flight) the fetch does as it lands: a pool is never closed under an exchange in progress."""
        with self._lock:
            self._closed = True
            return self._flight is None

    def _cached(self, now: float) -> PartnerCenterToken | None:
        """The cached token if it is not yet due for refresh."""
        entry = self._entry
        return entry.token if entry is not None and now < entry.refresh_at else None

    def _accept(self, response: Response[Any], sent_at: float, sent: float) -> PartnerCenterToken:
        """The answer's token, cached. Its lifetime counts from when the request was sent (wall
        time ``sent_at``, monotonic ``sent``), and what is left of it from when the answer arrived:
        a token that expired in transit is refused, whatever the server's clock says."""
        arrived_at, arrived = self._clock(), self._monotonic()
        token = self._token_from(response, sent_at, arrived_at)
        left = min(token.expires_on - arrived_at, token.expires_on - sent_at - (arrived - sent))
        ahead = self._refresh_ahead if self._refresh_ahead is not None else min(MAX_REFRESH_AHEAD, left / 10)
        self._entry = _Entry(token, arrived + left - ahead, arrived + left)
        logger.debug("token cached: expires in %.0fs, refresh in %.0fs", left, left - ahead)
        return token

    def _fallback(self, error: BaseException) -> PartnerCenterToken:
        """After a failed fetch: the cached token if it is still valid (retried later), else the error."""
        entry, now = self._entry, self._monotonic()
        if entry is None or now >= entry.expires_at:
            raise error
        self._entry = _Entry(entry.token, min(entry.expires_at, now + FAILED_REFRESH_PAUSE), entry.expires_at)
        cause = f" from {type(error.__cause__).__name__}" if error.__cause__ is not None else ""
        logger.warning(
            "refresh failed (%s%s); serving the cached token, valid for %.0fs more",
            type(error).__name__,
            cause,
            entry.expires_at - now,
        )
        return entry.token

    @contextmanager
    def _typed_failures(self) -> Iterator[None]:
        """This package's errors as they are; anything else (a transport of yours raising its own
        error) a :class:`TransportError` whose cause it is."""
        try:
            yield
        except PartnerCenterAuthError:
            raise
        except Exception as error:
            raise TransportError(
                f"{self.operation.OPERATION.operation_id}: the transport raised {type(error).__name__}"
            ) from error

    def _land(
        self, flight: Future[PartnerCenterToken], token: PartnerCenterToken | None, error: BaseException | None
    ) -> bool:
        """End a fetch: no longer in flight (unless a forked child started its own), then its
        outcome. Whether the provider was closed meanwhile, and its connections are to be closed."""
        with self._lock:
            if self._flight is flight:
                self._flight = None
            closed = self._closed
        if error is not None:
            flight.set_exception(error)
        else:
            flight.set_result(token)  # type: ignore[arg-type]
        return closed

    _lock: threading.Lock
    _flight: Future[PartnerCenterToken] | None = None

    def invalidate(self, token: PartnerCenterToken | None = None) -> None:
        """Drop the cached token (only if it is ``token``, when given): for callers that got a 401."""
        entry = self._entry
        if entry is not None and (token is None or entry.token == token):
            self._entry = None

    def _token_from(self, response: Response[Any], sent_at: float, arrived_at: float) -> PartnerCenterToken:
        parsed, status = response.parsed, int(response.status_code)
        if isinstance(parsed, TokenResponse):
            try:
                return PartnerCenterToken.from_response(parsed, sent_at, arrived_at)
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
        return f"{type(self).__name__}(base_url={shown(self.base_url)!r})"


def _time_for(request: httpx.Request) -> float | None:
    """Seconds the Entra ID source may take for ``request``: as long as one wait of its exchange
    (the pool timeout, cut to what is left of the exchange's deadline: see ``DeadlineTimeouts``)."""
    timeouts = request.extensions.get("timeout")
    try:
        return None if timeouts is None else timeouts["pool"]
    except (KeyError, TypeError):
        return None


def _is_async(source: object) -> bool:
    """Whether the source is a coroutine function, or a credential whose ``get_token`` is one."""
    get_token = getattr(source, "get_token", None)
    target = get_token if callable(get_token) else source
    call = type(target).__call__ if not inspect.isroutine(target) else None  # an object with `async def __call__`
    return inspect.iscoroutinefunction(target) or inspect.iscoroutinefunction(call)


class _EntraBearer(httpx.Auth):
    """Sends the Entra ID token, taken from its source at each request, as a Bearer token.

    A source that is not a coroutine runs on a thread of its own, which the request waits for as
    long as one of its waits may last: a source that hangs (a credential's own network calls)
    cannot hold the caller past the deadline, and holds one thread, not one per request (the call
    still running is waited for again, not made again). Whatever a source raises becomes
    :class:`CredentialUnavailable`, with its error as the cause.
    """

    def __init__(self, source: EntraTokenSource | AsyncEntraTokenSource) -> None:
        self._source = source
        self._forget_calls()
        _fork.renew_in_child(self, _EntraBearer._forget_calls)

    def _forget_calls(self) -> None:
        # In a forked child too: the thread of a call in progress is not there.
        self._lock = threading.Lock()
        self._call: Future[object] | None = None

    # No local holds the token: a failure's traceback with locals shows none.
    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = _authorization(_synchronous(self._wait(_time_for(request))))
        yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        request.headers["Authorization"] = _authorization(await self._wait_async(_time_for(request)))
        yield request

    def _wait(self, timeout: float | None) -> object:
        if isinstance(self._source, str):
            return self._source
        call = self._started()
        if not wait_for_future([call], timeout).done:
            raise self._late(timeout)
        return self._outcome(call)

    async def _wait_async(self, timeout: float | None) -> object:
        if isinstance(self._source, str):
            return self._source
        import asyncio

        limit = asyncio.timeout(timeout)
        try:
            async with limit:
                if _is_async(self._source):
                    return await _awaited(self._fetch())
                call = self._started()
                try:
                    await asyncio.wrap_future(call)
                except BaseException:
                    if not call.done():  # cancelled, or out of time
                        raise
                return await _awaited(self._outcome(call))  # the source's own error, not asyncio's copy
        except TimeoutError as error:
            if limit.expired():
                raise self._late(timeout) from None
            raise CredentialUnavailable("the Entra ID token source failed: TimeoutError") from error
        except PartnerCenterAuthError:
            raise
        except Exception as error:
            raise CredentialUnavailable(f"the Entra ID token source failed: {type(error).__name__}") from error

    def _started(self) -> Future[object]:
        """The source's call still in progress, else a new one on a thread of its own."""
        with self._lock:
            call = self._call
            if call is None or call.done():
                call = self._call = Future()
                call.set_running_or_notify_cancel()  # a waiter that gives up cannot cancel it for the others
                context = contextvars.copy_context()  # the caller's context variables go with the call
                thread = threading.Thread(target=context.run, args=(self._run, call), name="entra-id-source")
                thread.daemon = True
                thread.start()
        return call

    def _run(self, call: Future[object]) -> None:
        try:
            call.set_result(self._fetch())
        except BaseException as error:  # handed over, and raised in the waiting request's thread
            call.set_exception(error)

    @staticmethod
    def _outcome(call: Future[object]) -> object:
        error = call.exception()
        if error is None:
            return call.result()
        if isinstance(error, PartnerCenterAuthError) or not isinstance(error, Exception):
            raise error
        raise CredentialUnavailable(f"the Entra ID token source failed: {type(error).__name__}") from error

    @staticmethod
    def _late(timeout: float | None) -> CredentialUnavailable:
        return CredentialUnavailable(f"the Entra ID token source did not answer within {timeout:.3g} s")

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

    def _through(self, http_client: httpx.Client) -> httpx.BaseTransport:
        return _Through(http_client)

    def _attach(self) -> None:
        self._renew()
        self._sending_client()
        _fork.renew_in_child(self, TokenProvider._renew)

    def _renew(self) -> None:
        """A lock, no fetch in flight and no client (the next fetch makes one): in a forked child,
        where the parent's pool (its kept-alive sockets), lock and fetch in flight are the parent's.
        The cached token stays: it is valid in both."""
        self._lock = threading.Lock()
        self._flight = None
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
        token = self._cached(self._monotonic())
        if token is not None:
            return token
        flight, leader = self._flight_to_join()
        if isinstance(flight, PartnerCenterToken):
            return flight
        if leader:
            self._lead(flight)
        try:
            return flight.result()
        except Exception as error:  # any failure (an Entra outage too): a still-valid token is served
            return self._fallback(error)

    def _lead(self, flight: Future[PartnerCenterToken]) -> None:
        token, failure = None, None
        try:
            with self._typed_failures():
                sent_at, sent = self._clock(), self._monotonic()
                try:
                    response = self.retry.call(self.operation.sync_detailed, **self._arguments(self._sending_client()))
                except UnexpectedResponse as error:
                    raise self._status_decides(error) from None
                token = self._accept(response, sent_at, sent)
        except BaseException as error:  # handed to every caller waiting, this one included
            failure = error
        if self._land(flight, token, failure):
            self._close_client()  # closed during the fetch: now that it is over

    def close(self) -> None:
        """Close its connections (after the fetch in flight, if any, which ends as it would have):
        a token still cached is served, a new fetch is :class:`ClientClosed`."""
        if self._closing():
            self._close_client()

    def __enter__(self) -> TokenProvider:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


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
        return _AsyncThrough(http_client)

    def _attach(self) -> None:
        self._asyncio = importlib.import_module("asyncio")  # only async users pay for its import
        self._renew()
        _fork.renew_in_child(self, AsyncTokenProvider._renew)

    def _renew(self) -> None:
        # When made, and in a forked child: the parent's lock and fetch in flight are the parent's.
        self._lock = threading.Lock()
        self._flight = None
        self._leaders: set[asyncio.Task[None]] = set()  # kept from the garbage collector while they run
        self._leader_loop: asyncio.AbstractEventLoop | None = None  # the loop the fetch in flight runs on

    async def get_token(self) -> PartnerCenterToken:
        """A valid Partner Center token, from the cache or, once for all tasks, from upstream."""
        try:
            self._asyncio.get_running_loop()
        except RuntimeError:  # trio, or no loop: asyncio's futures would fail with a bare TypeError
            raise TransportError(
                "AsyncTokenProvider runs on asyncio; under trio, call the generated asyncio functions with an "
                "AuthenticatedClient, or run the sync TokenProvider in a thread"
            ) from None
        while True:
            token = self._cached(self._monotonic())
            if token is not None:
                return token
            flight, leader = self._flight_to_join()  # tasks of other loops (threads) share the flight
            if isinstance(flight, PartnerCenterToken):
                return flight
            if leader:
                # A task of its own: a caller cancelled does not cancel the fetch others wait for.
                self._leader_loop = self._asyncio.get_running_loop()
                task = self._asyncio.ensure_future(self._lead(flight))
                self._leaders.add(task)
                task.add_done_callback(self._leaders.discard)
            try:
                return await self._landed(flight)
            except _Abandoned:
                continue  # its leader's loop ended first: this task leads (or follows) a new fetch
            except TimeoutError:  # (a fetch's own failures are this package's errors, never this)
                with self._lock:
                    if self._flight is flight:
                        self._flight = None
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
        waited = self._asyncio.wrap_future(flight)
        while True:
            done, _ = await self._asyncio.wait({waited}, timeout=0.25)
            if done:
                token: PartnerCenterToken = waited.result()
                return token
            leader = self._leader_loop
            if (leader is not None and leader.is_closed()) or time.monotonic() > give_up:
                raise TimeoutError

    async def _lead(self, flight: Future[PartnerCenterToken]) -> None:
        try:
            with self._typed_failures():
                token = await self._fetch()
        except self._asyncio.CancelledError as error:
            task = self._asyncio.current_task()
            if task is None or task.cancelling():  # its loop is ending, or the fetch was cancelled
                self._land(flight, None, _Abandoned())
                raise
            # Raised by the Entra ID source itself, not a cancellation: a failure like any other.
            closed = self._land(flight, None, _unavailable(error))
        except GeneratorExit:  # dropped with its loop
            self._land(flight, None, _Abandoned())
            raise
        except Exception as error:
            closed = self._land(flight, None, error)
        except BaseException as error:
            self._land(flight, None, error)
            raise
        else:
            closed = self._land(flight, token, None)
        if closed:
            await self._close_transport()  # closed during the fetch: now that it is over

    async def _fetch(self) -> PartnerCenterToken:
        # No connection outlives the fetch: none is left bound to a loop that ends. A transport
        # of yours is closed only by aclose(), like the sync provider's.
        owned = "transport" not in self._http_options
        loop = self._asyncio.get_running_loop()
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
                raise self._status_decides(error) from None
            return self._accept(response, sent_at, sent)
        except Exception as error:
            if owned or loop is self._transport_loop or isinstance(error, PartnerCenterAuthError):
                raise
            raise TransportError(
                f"{self.operation.OPERATION.operation_id}: the transport you gave raised {type(error).__name__} in "
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
        if self._closing():
            await self._close_transport()

    async def _close_transport(self) -> None:
        transport = self._http_options.get("transport")
        if isinstance(transport, httpx.AsyncBaseTransport):
            await transport.aclose()

    async def __aenter__(self) -> AsyncTokenProvider:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
