"""Where the Entra ID token comes from, and how it reaches the token request.

A provider is given a *source*: the token itself (a str), a callable returning one (a coroutine
function too, for the async provider), or an azure-core ``TokenCredential`` (sync or async), asked
for :data:`ENTRA_ID_SCOPE`. :class:`EntraBearer` asks the source at each fetch and sends what it
gives as ``Authorization: Bearer ...``. Apart from the providers because it is the one place that
calls code of the caller's (a credential's own network calls) and must bound it: a source that
hangs cannot hold a fetch past its deadline, and whatever a source raises becomes
:class:`~partner_center_auth.errors.CredentialUnavailable`, its error the cause.

No error, message or frame local here ever holds the Entra ID token.
"""

from __future__ import annotations

import contextvars
import inspect
import re
import threading
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from concurrent.futures import Future
from concurrent.futures import wait as wait_for_future
from typing import Any, Protocol, TypeAlias

import httpx

from . import _fork
from ._jwt import claims
from ._token import is_bearer_token
from .errors import CredentialUnavailable, InvalidCredentials, PartnerCenterAuthError

__all__ = [
    "AsyncEntraTokenSource",
    "EntraBearer",
    "EntraTokenSource",
    "SupportsGetToken",
    "audience_problem",
    "check_source",
    "unavailable",
]

ENTRA_ID_SCOPE = "https://api.partnercenter.microsoft.com/.default"
"""The scope an Entra ID token must be issued for (audience: the Partner Center API)."""
PARTNER_CENTER_AUDIENCES = frozenset(
    {
        "https://api.partnercenter.microsoft.com",
        "https://api.partnercenter.microsoft.com/",
        "fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd",  # the Partner Center API's application id
    }
)
_NAMEABLE_AUDIENCE = re.compile(r"[A-Za-z0-9:/._~-]{1,200}")  # a URL or an id: nothing else is repeated


def audience_of(authorization: str) -> object:
    """The ``aud`` claim of the JWT in ``Bearer <JWT>`` (a str or a list), or None."""
    found = claims(authorization.removeprefix("Bearer "))
    return found.get("aud") if found is not None else None


def audience_problem(audience: object) -> str | None:
    """Why a token of ``audience`` is refused by Partner Center, or None when it is not that."""
    audiences = audience if isinstance(audience, list) else [audience]
    if audience is None or any(a in PARTNER_CENTER_AUDIENCES for a in audiences if isinstance(a, str)):
        return None
    named = [a for a in audiences if isinstance(a, str) and _NAMEABLE_AUDIENCE.fullmatch(a)]
    shown = f"the audience {', '.join(named)}" if named and len(named) == len(audiences) else "another audience"
    return (
        f"the Entra ID token was issued for {shown}, not https://api.partnercenter.microsoft.com: "
        f"ask Entra ID for a token of the scope {ENTRA_ID_SCOPE}"
    )


class SupportsGetToken(Protocol):
    """azure-core's ``TokenCredential``: anything with ``get_token(*scopes)`` returning ``.token``."""

    def get_token(self, *scopes: str, **kwargs: Any) -> Any: ...


EntraTokenSource: TypeAlias = str | Callable[[], str] | SupportsGetToken
AsyncEntraTokenSource: TypeAlias = str | Callable[[], Awaitable[str]] | SupportsGetToken


def check_source(source: object) -> None:
    """Refuse, when the provider is made, an Entra ID token source no fetch could ever use."""
    if isinstance(source, str) or callable(source) or callable(getattr(source, "get_token", None)):
        return
    hint = ": decode it to a str" if isinstance(source, bytes | bytearray) else ""
    raise InvalidCredentials(
        f"the Entra ID token source is a {type(source).__name__}, not a str, a callable returning one, "
        f"or a TokenCredential{hint}"
    )


def unavailable(error: BaseException) -> CredentialUnavailable:
    """``CredentialUnavailable`` caused by ``error``, as ``raise ... from error`` makes it."""
    try:
        raise CredentialUnavailable(f"the Entra ID token source failed: {type(error).__name__}") from error
    except CredentialUnavailable as failure:
        return failure


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


def _is_async(source: object) -> bool:
    """Whether the source is a coroutine function, or a credential whose ``get_token`` is one."""
    get_token = getattr(source, "get_token", None)
    target = get_token if callable(get_token) else source
    call = type(target).__call__ if not inspect.isroutine(target) else None  # an object with `async def __call__`
    return inspect.iscoroutinefunction(target) or inspect.iscoroutinefunction(call)


_ASCII_WHITESPACE = " \t\r\n\v\f"


def _authorization(value: object) -> str:
    """``Bearer <the Entra ID token a source gave>``, stripped; InvalidCredentials if unusable.

    The error never quotes the token, and is raised once the frame's locals no longer hold it
    (tracebacks with locals, error trackers).
    """
    token = getattr(value, "token", value)  # a credential's AccessToken holds the string in .token
    # A token read from a file ends with a newline: ASCII whitespace is stripped, never more
    # (str.strip would take U+0085 or U+00A0 too, and send a token other than the one given).
    if isinstance(token, str) and is_bearer_token(token.strip(_ASCII_WHITESPACE)):
        return f"Bearer {token.strip(_ASCII_WHITESPACE)}"
    problem = (
        f"the Entra ID token source gave a {type(token).__name__}, not a str"
        if not isinstance(token, str)
        else "the Entra ID token is empty or holds whitespace or control characters"
    )
    del value, token
    raise InvalidCredentials(problem)


def _time_for(request: httpx.Request) -> float | None:
    """Seconds the Entra ID source may take for ``request``: as long as one wait of its exchange
    (the pool timeout, cut to what is left of the exchange's deadline: see ``DeadlineTimeouts``)."""
    timeouts = request.extensions.get("timeout")
    try:
        return None if timeouts is None else timeouts["pool"]
    except (KeyError, TypeError):
        return None


class EntraBearer(httpx.Auth):
    """Sends the Entra ID token, taken from its source at each request, as a Bearer token.

    A source that is not a coroutine runs on a thread of its own, which the request waits for as
    long as one of its waits may last: a source that hangs (a credential's own network calls)
    cannot hold the caller past the deadline, and holds one thread, not one per request (the call
    still running is waited for again, not made again). Whatever a source raises becomes
    :class:`CredentialUnavailable`, with its error as the cause.
    """

    audience: object = None
    """The ``aud`` claim of the last token sent (when it is a JWT): named when Partner Center refuses it."""

    def __init__(self, source: EntraTokenSource | AsyncEntraTokenSource) -> None:
        self._source = source
        self._forget_calls()
        _fork.renew_in_child(self, EntraBearer._forget_calls)

    def _forget_calls(self) -> None:
        # In a forked child too: the thread of a call in progress is not there.
        self._lock = threading.Lock()
        self._call: Future[object] | None = None

    # No local holds the token: a failure's traceback with locals shows none.
    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = _authorization(_synchronous(self._wait(_time_for(request))))
        self.audience = audience_of(request.headers["Authorization"])
        yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        request.headers["Authorization"] = _authorization(await self._wait_async(_time_for(request)))
        self.audience = audience_of(request.headers["Authorization"])
        yield request

    def current(self, timeout: float) -> str:
        """The Entra ID token the source gives now (waited for up to ``timeout`` seconds)."""
        return _authorization(_synchronous(self._wait(timeout))).removeprefix("Bearer ")

    async def current_async(self, timeout: float) -> str:
        """The Entra ID token the source gives now, for the async provider."""
        return _authorization(await self._wait_async(timeout)).removeprefix("Bearer ")

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
        # Here, not with the module: the sync provider uses this class too, and never loads asyncio.
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
            raise unavailable(error) from error

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
        raise unavailable(error) from error

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
