"""Retries with exponential backoff, jitter, a deadline and ``Retry-After``.

    policy = RetryPolicy(max_attempts=5)
    response = policy.call(generate_access_token.sync_detailed, client=client, body=TokenRequest())

A retry repeats the *same* logical request: the per-request identifiers the operation declares
(``Operation.request_ids``: the configuration's ``fresh_uuid_headers``, ``ms-requestid`` the
idempotency key among them) are fixed once before the first attempt, so every attempt sends the
same values. No other parameter is ever filled in.
"""

from __future__ import annotations

import email.utils
import inspect
import logging
import random
import re
import time
import uuid
from collections.abc import Awaitable, Callable
from functools import lru_cache
from typing import Any, ParamSpec, TypeVar

from attrs import field, frozen

from ._deadline import CALLER_DEADLINE, until
from ._errors import ResponseError, TransportFailure
from .types import Response, Unset

__all__ = ["RetryPolicy"]

logger = logging.getLogger(__package__)

P = ParamSpec("P")
R = TypeVar("R", bound=Response[Any])


async def _sleep(seconds: float) -> None:
    import anyio  # httpx's own dependency, here so that sync users never pay for it

    await anyio.sleep(seconds)  # on the running library: asyncio or trio, as the exchange itself


@frozen
class RetryPolicy:
    """When and how long to wait before sending a request again.

    Defaults: 3 attempts, backoff 0.5 s doubling up to 8 s with jitter, all within 30 s; retry on
    transport failures (connect errors, timeouts, resets) and on 429, 500, 502, 503 and 504.
    Never on other statuses (400, 401, 403 and 404 above all). ``Retry-After`` is honoured, and
    a wait that would pass the deadline is not started.
    """

    max_attempts: int = 3
    backoff: float = 0.5
    max_backoff: float = 8.0
    deadline: float = 30.0
    retry_statuses: frozenset[int] = frozenset({429, 500, 502, 503, 504})
    jitter: bool = True
    clock: Callable[[], float] = field(default=time.monotonic, eq=False, repr=False)
    sleep: Callable[[float], None] = field(default=time.sleep, eq=False, repr=False)
    async_sleep: Callable[[float], Awaitable[None]] = field(default=_sleep, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # Refused here, in a sentence, rather than as a surprise at the first call.
        if isinstance(self.max_attempts, bool) or not isinstance(self.max_attempts, int) or self.max_attempts < 1:
            raise ValueError(f"max_attempts must be an integer of at least 1, not {self.max_attempts!r}")
        for name in ("backoff", "max_backoff", "deadline"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
                raise ValueError(f"{name} must be a number of seconds of at least 0, not {value!r}")

    def call(self, send: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
        """Call ``send`` (a generated ``*_detailed`` function) until it succeeds or the policy gives up.

        Each attempt is bounded by what is left of the deadline, not only by its own timeouts.
        """
        _fix_request_ids(send, kwargs)
        started = self.clock()
        with until(CALLER_DEADLINE, time.perf_counter() + self.deadline):
            for attempt in range(1, self.max_attempts + 1):
                try:
                    response = send(*args, **kwargs)
                except (TransportFailure, ResponseError) as error:
                    delay = self._delay(attempt, started, None, error)
                    if delay is None:
                        raise
                else:
                    delay = self._delay(attempt, started, response, None)
                    if delay is None:
                        return response
                self.sleep(delay)
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def call_async(self, send: Callable[P, Awaitable[R]], /, *args: P.args, **kwargs: P.kwargs) -> R:
        """Await ``send`` (a generated ``asyncio_detailed`` function) with the same rules as :meth:`call`."""
        _fix_request_ids(send, kwargs)
        started = self.clock()
        with until(CALLER_DEADLINE, time.perf_counter() + self.deadline):
            for attempt in range(1, self.max_attempts + 1):
                try:
                    response = await send(*args, **kwargs)
                except (TransportFailure, ResponseError) as error:
                    delay = self._delay(attempt, started, None, error)
                    if delay is None:
                        raise
                else:
                    delay = self._delay(attempt, started, response, None)
                    if delay is None:
                        return response
                await self.async_sleep(delay)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _delay(
        self,
        attempt: int,
        started: float,
        response: Response[Any] | None,
        error: TransportFailure | ResponseError | None,
    ) -> float | None:
        """Seconds to wait before the next attempt, or None to stop here.

        The status decides, whatever the body: a 503 whose body is an HTML page (a
        ResponseError from parsing) is retried like one with the documented body.
        """
        status = int(response.status_code) if response is not None else getattr(error, "status_code", None)
        # A transport failure is retried whatever status it came with (a body cut short).
        if status is not None and status not in self.retry_statuses and not isinstance(error, TransportFailure):
            return None
        headers = response.headers if response is not None else getattr(error, "headers", {})
        outcome = f"status {status}" if status is not None else type(error).__name__
        if attempt >= self.max_attempts:
            logger.debug("attempt %d failed (%s): no attempts left", attempt, outcome)
            return None
        delay: float = min(self.max_backoff, self.backoff * 2.0 ** (attempt - 1))
        if self.jitter:
            delay *= 0.5 + random.random() / 2  # "equal jitter": spread retries, keep a floor
        retry_after = _retry_after(str(headers.get("retry-after", "")))
        if retry_after is not None:
            delay = max(delay, retry_after)
        if self.clock() + delay > started + self.deadline:
            logger.debug("attempt %d failed (%s): waiting %.2fs would pass the deadline", attempt, outcome, delay)
            return None
        logger.debug("attempt %d failed (%s): retrying in %.2fs", attempt, outcome, delay)
        return delay


_SECONDS = re.compile(r"[0-9]{1,10}(\.[0-9]+)?")


def _retry_after(value: str | None) -> float | None:
    """``Retry-After`` as seconds: a number of seconds or an HTTP date (RFC 9110 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if _SECONDS.fullmatch(value):  # ASCII digits only: "²" is a digit to str.isdigit, not to HTTP
        return min(float(value), 86400.0)
    if not value.isascii():
        return None
    try:
        return min(max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - time.time()), 86400.0)
    except (TypeError, ValueError, OverflowError):
        return None


def _fix_request_ids(send: Callable[..., Any], kwargs: dict[str, Any]) -> None:
    for name in _request_ids(send):
        if isinstance(kwargs.get(name, Unset()), Unset):
            kwargs[name] = uuid.uuid4()


@lru_cache(maxsize=64)
def _request_ids(send: Callable[..., Any]) -> tuple[str, ...]:
    """The per-request identifiers the operation behind ``send`` (a generated function) declares.

    None for any other callable: an optional ``UUID`` parameter that is not declared (a filter
    such as ``customer_id``) is the caller's to give, and a random one would ask for another thing.
    """
    ids = getattr(getattr(inspect.getmodule(send), "OPERATION", None), "request_ids", ())
    return tuple(name for name in ids if isinstance(name, str)) if isinstance(ids, tuple) else ()
