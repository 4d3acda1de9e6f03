"""The token schedule: when the cached token is served, when it is fetched anew, and who fetches.

A provider asks :meth:`TokenSchedule.next_step` what to do (serve a token, wait for the fetch in
flight, or lead a new one), and tells the schedule what happened (:meth:`~TokenSchedule.fetched`,
:meth:`~TokenSchedule.failed`, :meth:`~TokenSchedule.land`). The schedule does no I/O and knows
nothing of threads or event loops beyond one lock held for no I/O and no await, and a
``concurrent.futures.Future`` that threads and event loops alike can wait for: both providers use
it as it is. A cache shared across processes sits behind the leader of a fetch
(``sharing.py``): a token taken from it is cached here with :meth:`~TokenSchedule.adopt`.

Refresh happens ahead of expiry: by default 5 minutes or a tenth of the lifetime, whichever is
smaller. If that refresh fails while the cached token is still valid, the cached token is served
and the refresh is tried again after :data:`FAILED_REFRESH_PAUSE`; an expired token is never served.

Single-flight: however many callers ask at once, one leads the fetch and all of them get its
token, or all of them get its error. A failed fetch is not cached. Times are on the monotonic
clock: a wall clock that jumps back cannot stretch a lifetime.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future

from attrs import frozen

from .. import _fork
from .._token import PartnerCenterToken
from ..errors import ClientClosed

__all__ = ["Lead", "Serve", "TokenSchedule"]

FAILED_REFRESH_PAUSE = 10.0
"""Seconds to serve a still-valid token after a failed refresh-ahead before trying again."""
MAX_REFRESH_AHEAD = 300.0
"""The most seconds ahead of expiry a token is refreshed by default."""


@frozen
class _Entry:
    """The cached token, when to refresh it and when it expires (monotonic seconds); swapped as
    one value, so that readers need no lock."""

    token: PartnerCenterToken
    refresh_at: float
    expires_at: float


@frozen
class Serve:
    """Serve this token: cached and not due for refresh, or (once closed) still valid."""

    token: PartnerCenterToken


@frozen
class Join:
    """Wait for the fetch in flight: ``flight`` gets its token or its error."""

    flight: Future[PartnerCenterToken]


@frozen
class Lead:
    """Fetch, then :meth:`TokenSchedule.land` the outcome on ``flight``, which every caller
    waits for (this one too)."""

    flight: Future[PartnerCenterToken]


class TokenSchedule:
    """The cache, the refresh schedule and the fetch in flight of one provider.

    Args:
        refresh_ahead: seconds before expiry to refresh (None: min(5 minutes, lifetime / 10)).
        monotonic: the clock lifetimes are measured on.
        owner: the provider's name, for the error of a fetch asked of it once closed.
    """

    def __init__(self, *, refresh_ahead: float | None, monotonic: Callable[[], float], owner: str) -> None:
        self._refresh_ahead = refresh_ahead
        self._monotonic = monotonic
        self._owner = owner
        self._entry: _Entry | None = None
        self._closed = False
        self._renew()
        _fork.renew_in_child(self, TokenSchedule._renew)

    def _renew(self) -> None:
        """A lock and no fetch in flight: when made, and in a forked child, where the parent's lock
        and fetch are the parent's. The cached token stays: it is valid in both."""
        self._lock = threading.Lock()
        self._flight: Future[PartnerCenterToken] | None = None

    # What to do ---------------------------------------------------------------------------

    def fresh(self) -> PartnerCenterToken | None:
        """The cached token if it is not yet due for refresh (no lock: the hot path)."""
        entry = self._entry
        return entry.token if entry is not None and self._monotonic() < entry.refresh_at else None

    def next_step(self) -> Serve | Join | Lead:
        """Serve the token if cached by now, else join the fetch in flight, else lead a new one.
        ClientClosed once closed: a closed provider starts no fetch."""
        with self._lock:  # held for no I/O and no await: any thread (or loop) may wait for it
            token = self.fresh()
            if token is not None:
                return Serve(token)
            if self._flight is not None:
                return Join(self._flight)
            entry = self._entry
            if self._closed and entry is not None and self._monotonic() < entry.expires_at:
                return Serve(entry.token)  # due for refresh, still valid: served, as after a failed refresh
            if self._closed:
                raise ClientClosed(f"this {self._owner} was closed, and its token needs a fetch: make a new one")
            self._flight = Future()
            return Lead(self._flight)

    # What happened ------------------------------------------------------------------------

    def fetched(
        self, token: PartnerCenterToken, *, sent_at: float, sent: float, arrived_at: float, arrived: float
    ) -> tuple[float, float]:
        """Cache ``token``; the seconds until it expires and until it is refreshed.

        Its lifetime counts from when the request was sent (wall time ``sent_at``, monotonic
        ``sent``), and what is left of it from when the answer arrived (``arrived_at``,
        ``arrived``), whatever the server's clock says.
        """
        left = min(token.expires_on - arrived_at, token.expires_on - sent_at - (arrived - sent))
        ahead = self._refresh_ahead if self._refresh_ahead is not None else min(MAX_REFRESH_AHEAD, left / 10)
        self._entry = _Entry(token, arrived + left - ahead, arrived + left)
        return left, left - ahead

    def adopt(self, token: PartnerCenterToken, *, left: float, refresh_in: float) -> None:
        """Cache ``token``, taken from a shared cache: it expires in ``left`` seconds, and is due
        again in ``refresh_in`` (as its writer scheduled, or sooner)."""
        now = self._monotonic()
        self._entry = _Entry(token, now + min(refresh_in, left), now + left)

    def current(self) -> PartnerCenterToken | None:
        """The cached token, due or not."""
        entry = self._entry
        return entry.token if entry is not None else None

    def failed(self) -> tuple[PartnerCenterToken, float] | None:
        """After a failed fetch: the cached token if it is still valid, and for how many seconds
        (its refresh is tried again after :data:`FAILED_REFRESH_PAUSE`); None if there is none."""
        entry, now = self._entry, self._monotonic()
        if entry is None or now >= entry.expires_at:
            return None
        self._entry = _Entry(entry.token, min(entry.expires_at, now + FAILED_REFRESH_PAUSE), entry.expires_at)
        return entry.token, entry.expires_at - now

    def land(
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

    def abandon(self, flight: Future[PartnerCenterToken]) -> None:
        """Forget ``flight``, whose leader can no longer land it: the next caller leads anew."""
        with self._lock:
            if self._flight is flight:
                self._flight = None

    def invalidate(self, token: PartnerCenterToken | None = None) -> None:
        """Drop the cached token (only if it is ``token``, when given)."""
        entry = self._entry
        if entry is not None and (token is None or entry.token == token):
            self._entry = None

    def close(self) -> bool:
        """Closed from now on; whether the caller closes the connections now, or (when a fetch is in
        flight) the fetch does as it lands: a pool is never closed under an exchange in progress."""
        with self._lock:
            self._closed = True
            return self._flight is None
