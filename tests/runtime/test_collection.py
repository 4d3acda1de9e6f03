"""The cyclic collector's hold while bodies are read: shared by concurrent reads, never for as long
as the load lasts, and never turning on a collector the program turned off.

Real threads in a relay: each read enters the hold only once the previous one is inside it, and
leaves only once the next one is inside, so at every moment some read is under way, as in a server
whose threads always have one. A reader count alone kept the collector off for the whole relay.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from functools import partial

import pytest
from forking import fork_only, in_child

from partner_center_auth._collection import HOLD_FROM, held_off

_PATIENCE = 60.0  # seconds a thread of the relay waits for another before the test gives up
_STEPS = 20_000  # reads a relay makes at most: a collector never given back would let it run on


class _Relay:
    """``threads`` threads reading in turn, each read overlapping the one before and the one after."""

    def __init__(self, threads: int, done: Callable[[_Relay], bool]) -> None:
        self._threads = threads
        self._done = done
        self._turn = threading.Condition()
        self._entered = -1  # the last step whose read is inside its hold
        self.inside = 0  # reads inside their holds now: never 0 once the relay started, until it stops
        self._stop = False
        self.finished = False  # ``done`` said so before the relay's last step
        self.enabled_inside: list[bool] = []  # gc.isenabled() seen inside each step's read
        self.failure: BaseException | None = None

    def run(self) -> None:
        workers = [threading.Thread(target=self._work, args=(first,)) for first in range(self._threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        if self.failure is not None:
            raise self.failure

    def _work(self, first: int) -> None:
        try:
            for step in self._steps(first):
                with self._turn:
                    if not self._turn.wait_for(partial(self._has_entered, step - 1), _PATIENCE):
                        raise TimeoutError("the previous read never entered")
                    if self._stop or step >= _STEPS:
                        self._stop = True
                        self._turn.notify_all()
                        return
                with held_off(HOLD_FROM):
                    _make_cycles(100)  # garbage only the collector frees: its count grows past its threshold
                    with self._turn:
                        self.enabled_inside.append(gc.isenabled())
                        self.inside += 1
                        self._entered = step
                        if self._done(self):
                            self.finished = self._stop = True
                        self._turn.notify_all()
                        if not self._turn.wait_for(partial(self._has_entered, step + 1), _PATIENCE):
                            raise TimeoutError("the next read never entered")
                        self.inside -= 1
        except BaseException as error:  # handed to the test's thread
            with self._turn:
                self.failure = self.failure or error
                self._stop = True
                self._turn.notify_all()

    def _has_entered(self, step: int) -> bool:
        return self._stop or self._entered >= step

    def _steps(self, first: int) -> Iterator[int]:
        step = first
        while True:
            yield step
            step += self._threads


def _make_cycles(count: int) -> None:
    for _ in range(count):
        cycle: list[object] = []
        cycle.append(cycle)


@pytest.mark.parametrize("threads", [2, 16])
def test_the_collector_runs_while_reads_overlap_without_end(threads: int) -> None:
    assert gc.isenabled()
    reads_inside_at_collections: list[int] = []
    cycles_collected: list[int] = []
    relay = _Relay(threads, lambda relay: len(reads_inside_at_collections) >= 5)

    def collecting(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            reads_inside_at_collections.append(relay.inside)
        else:
            cycles_collected.append(info["collected"])

    gc.callbacks.append(collecting)
    try:
        relay.run()
    finally:
        gc.callbacks.remove(collecting)

    # Collections ran (automatically: the test calls none) and freed the reads' cycles while some
    # read was always under way, between holds: the relay's reads were held too.
    assert relay.finished
    assert len(reads_inside_at_collections) >= 5
    assert all(inside >= 1 for inside in reads_inside_at_collections[:5])
    assert sum(cycles_collected) >= 100
    assert False in relay.enabled_inside
    assert gc.isenabled()


def test_a_collector_the_program_turned_off_stays_off() -> None:
    gc.disable()
    try:
        relay = _Relay(4, lambda relay: len(relay.enabled_inside) >= 400)
        relay.run()
        assert relay.finished
        assert relay.enabled_inside == [False] * len(relay.enabled_inside)
        assert not gc.isenabled()
        with held_off(HOLD_FROM):
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_read_alone_holds_the_collector_and_gives_it_back() -> None:
    assert gc.isenabled()
    gc.collect()  # nothing due: the read may hold the collector
    with held_off(HOLD_FROM):
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_small_body_is_read_without_a_hold() -> None:
    gc.collect()
    with held_off(HOLD_FROM - 1):
        assert gc.isenabled()


@fork_only
def test_a_child_forked_during_a_hold_starts_with_the_collector_on() -> None:
    gc.collect()
    reading, done = threading.Event(), threading.Event()

    def read() -> None:
        with held_off(HOLD_FROM):
            reading.set()
            done.wait(_PATIENCE)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        assert reading.wait(_PATIENCE)
        assert not gc.isenabled()  # the other thread's hold

        def child() -> int:
            if not gc.isenabled():
                return 1
            with held_off(HOLD_FROM):  # the child's own reads hold it, and give it back
                if gc.isenabled():
                    return 2
            return 0 if gc.isenabled() else 3

        assert in_child(child) == 0
    finally:
        done.set()
        reader.join()
    assert gc.isenabled()
