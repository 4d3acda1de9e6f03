"""The watchdog that ends exchanges still running at their deadlines on a caller's transport: each
deadline ends its exchange once, a finished exchange is never ended and leaves the heap, the thread
ends when nothing is watched, and a forked child starts with no watch and no thread of the parent's.

Each test has a watchdog of its own (the class the package's one is), with a short idle time.
"""

from __future__ import annotations

import threading
import time

from forking import fork_only, in_child

from partner_center_auth._watchdog import _Watchdog

_PATIENCE = 30.0  # seconds to wait for what must happen, on a loaded machine


class _Ends:
    """The ``end`` of each watch, counting its calls."""

    def __init__(self) -> None:
        self.calls: dict[int, int] = {}
        self._lock = threading.Lock()
        self.all_ended = threading.Event()
        self.expected = 0

    def of(self, key: int) -> _End:
        return _End(self, key)

    def called(self, key: int) -> None:
        with self._lock:
            self.calls[key] = self.calls.get(key, 0) + 1
            if len(self.calls) >= self.expected:
                self.all_ended.set()


class _End:
    def __init__(self, ends: _Ends, key: int) -> None:
        self._ends = ends
        self._key = key

    def __call__(self) -> None:
        self._ends.called(self._key)


def test_each_deadline_ends_its_exchange_once() -> None:
    watchdog = _Watchdog(idle=0.05)
    ends = _Ends()
    ends.expected = 50
    now = time.perf_counter()
    watches = [watchdog.watch(now + 0.01 * (key % 5), ends.of(key)) for key in range(50)]

    assert ends.all_ended.wait(_PATIENCE)
    for watched in watches:  # the exchanges return after their ends: nothing more is called
        with watched:
            pass
    # A later deadline fires too: the thread went past the fired ones again.
    later = threading.Event()
    with watchdog.watch(time.perf_counter() + 0.01, later.set):
        assert later.wait(_PATIENCE)

    assert ends.calls == dict.fromkeys(range(50), 1)
    assert all(watched.fired for watched in watches)


def test_a_finished_exchange_is_never_ended() -> None:
    watchdog = _Watchdog(idle=0.05)
    ends = _Ends()
    for key in range(20):
        with watchdog.watch(time.perf_counter() + 0.02, ends.of(key)) as watched:
            pass
        assert not watched.fired
    # Past all their deadlines: a later watch fires, the finished ones did not.
    later = threading.Event()
    with watchdog.watch(time.perf_counter() + 0.05, later.set):
        assert later.wait(_PATIENCE)
    assert ends.calls == {}


def test_finished_watches_leave_the_heap() -> None:
    watchdog = _Watchdog(idle=0.05)
    ends = _Ends()
    far = time.perf_counter() + 3600.0  # never reached: only finishing takes these out
    sizes = []
    for key in range(20_000):
        with watchdog.watch(far + key, ends.of(key)):
            pass
        sizes.append(len(watchdog._heap))
    assert max(sizes) <= 2 * 65  # bounded by the compaction, not by the number of calls
    # Unfinished watches stay, however many finished ones leave around them.
    pending = [watchdog.watch(far, ends.of(-key)) for key in range(1, 101)]
    for key in range(1_000):
        with watchdog.watch(far + key, ends.of(key)):
            pass
    assert sum(not entry[2].done for entry in watchdog._heap) == 100
    for watched in pending:
        with watched:
            pass
    assert len(watchdog._heap) <= 2 * 65
    assert ends.calls == {}


def test_the_thread_ends_when_nothing_is_watched_and_comes_back_with_a_watch() -> None:
    watchdog = _Watchdog(idle=0.05)
    with watchdog.watch(time.perf_counter() + 0.05, lambda: None):
        thread = watchdog._thread
        assert thread is not None and thread.is_alive() and thread.daemon
    thread.join(_PATIENCE)
    assert not thread.is_alive()
    assert watchdog._thread is None

    fired = threading.Event()
    with watchdog.watch(time.perf_counter() + 0.01, fired.set):
        assert fired.wait(_PATIENCE)
    assert watchdog._thread is not None and watchdog._thread is not thread


@fork_only
def test_a_forked_child_starts_with_no_watch_and_no_thread() -> None:
    watchdog = _Watchdog(idle=60.0)
    parents_end = threading.Event()
    parents = watchdog.watch(time.perf_counter() + 3600.0, parents_end.set)  # under way as the process forks
    assert watchdog._thread is not None

    def child() -> int:
        if watchdog._heap or watchdog._thread is not None:
            return 1
        fired = threading.Event()
        with watchdog.watch(time.perf_counter() + 0.01, fired.set):  # the child's own thread ends it
            if not fired.wait(_PATIENCE):
                return 2
        return 3 if parents_end.is_set() else 0

    try:
        assert in_child(child) == 0
    finally:
        with parents:
            pass
    assert not parents_end.is_set()
    assert [entry[2] for entry in watchdog._heap] in ([], [parents])
