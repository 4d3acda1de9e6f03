"""One daemon thread that ends, at their deadlines, the exchanges still running on a caller's transport.

On a transport of the caller's, nothing of the package can cut httpcore's waits to the deadline as
they happen (each phase starts cut to it, see ``DeadlineTimeouts``, but a server dripping its
headers a byte at a time resets the read timeout with every byte). The exchange runs in the
caller's thread all the same, and registers here what would end it (shutting down the sockets it
opened): if it is still running at its deadline, this thread does that, and the caller's blocked
read returns at once. A hop to a worker thread for every exchange did the same, at some 0.2 ms a
call; a registration is a heap push under a lock, and the thread wakes only at deadlines.

What no thread of the package can end is a transport that blocks in its own code, on no socket
httpcore opened (a handler that sleeps): that exchange ends when the transport returns, and an
answer past the deadline is then refused (:class:`TransportTimeout`).
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Callable
from types import TracebackType

from . import _fork

__all__ = ["watch"]


class Watch:
    """One exchange on the watch: ``with`` it around the exchange; ``fired`` once its deadline ended it."""

    __slots__ = ("_end", "_watchdog", "deadline", "done", "fired")

    def __init__(self, deadline: float, end: Callable[[], None], watchdog: _Watchdog) -> None:
        self.deadline = deadline
        self._end: Callable[[], None] | None = end
        self._watchdog = watchdog
        self.done = False
        self.fired = False

    def __enter__(self) -> Watch:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._watchdog.finished(self)

    def fire(self) -> Callable[[], None] | None:
        """What ends the exchange, taken once (called under the watchdog's lock)."""
        self.fired = True
        end, self._end = self._end, None
        return end


class _Watchdog:
    """The watched exchanges by deadline, and the thread that ends those still running at theirs.

    Finished exchanges leave the heap when they reach its top, or all at once when they are most
    of it. A thread idle for ``idle`` seconds ends; a forked child starts with none, and no watch.
    """

    def __init__(self, idle: float = 60.0) -> None:
        self._idle = idle
        self._forget()
        _fork.renew_in_child(self, _Watchdog._forget)

    def _forget(self) -> None:
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._heap: list[tuple[float, int, Watch]] = []
        self._order = itertools.count()
        self._finished = 0
        self._thread: threading.Thread | None = None  # while one serves

    def watch(self, deadline: float, end: Callable[[], None]) -> Watch:
        watched = Watch(deadline, end, self)
        with self._lock:
            heapq.heappush(self._heap, (deadline, next(self._order), watched))
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, name="exchange-watchdog", daemon=True)
                self._thread.start()
            elif self._heap[0][2] is watched:  # nearer than what the thread sleeps until
                self._wake.notify()
        return watched

    def finished(self, watched: Watch) -> None:
        with self._lock:
            watched.done = True
            self._finished += 1
            if self._finished > 64 and 2 * self._finished > len(self._heap):
                self._heap = [entry for entry in self._heap if not entry[2].done]
                heapq.heapify(self._heap)
                self._finished = 0

    def _serve(self) -> None:
        while True:
            end = None
            with self._lock:
                heap = self._heap
                while heap and heap[0][2].done:
                    heapq.heappop(heap)
                    self._finished = max(0, self._finished - 1)
                if not heap:
                    self._wake.wait(self._idle)
                    if not self._heap:
                        self._thread = None
                        return
                    continue
                left = heap[0][0] - time.perf_counter()
                if left > 0:
                    self._wake.wait(left)
                    continue
                end = heapq.heappop(heap)[2].fire()
            if end is not None:
                end()  # outside the lock: shutting sockets down never waits for the exchange


_WATCHDOG = _Watchdog()


def watch(deadline: float, end: Callable[[], None]) -> Watch:
    """Call ``end`` at ``deadline`` (``time.perf_counter()``) unless the returned watch's block ended."""
    return _WATCHDOG.watch(deadline, end)
