"""Daemon threads that run a sync exchange a caller waits for only until its deadline.

On a transport of the caller's, nothing of the package can cut httpcore's waits to the deadline:
the exchange runs on a worker thread instead, and the caller's thread stops waiting for it at the
deadline (the exchange module then ends it). Apart from the exchange because it is a thread pool,
with its own rules of life: kept threads, forked children.
"""

from __future__ import annotations

import contextvars
import queue
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from . import _fork

__all__ = ["Task", "run"]

T = TypeVar("T")


class Task(Generic[T]):
    """One call for a worker thread, and what became of it."""

    __slots__ = ("_context", "_done", "_error", "_result", "_work")

    def __init__(self, work: Callable[[], T]) -> None:
        self._work: Callable[[], T] | None = work
        # The caller's context variables (tracing spans, a retry's deadline) go with the call.
        self._context = contextvars.copy_context()
        self._done = threading.Event()
        self._result: T | None = None
        self._error: BaseException | None = None

    def run(self) -> None:
        work, self._work = self._work, None  # the task keeps nothing of the call (a request, a body)
        try:
            assert work is not None, "a task runs once"
            self._result = self._context.run(work)
        except BaseException as error:  # handed over, and raised in the caller's thread
            self._error = error
        finally:
            self._done.set()

    def wait(self, timeout: float) -> bool:
        """Whether the call ended within ``timeout`` seconds."""
        return self._done.wait(timeout)

    def outcome(self) -> T:
        """What the call returned, or the error it raised, raised here (once it ended)."""
        if self._error is not None:
            raise self._error
        return self._result  # type: ignore[return-value]  # set: the call returned


class _Workers:
    """Daemon threads kept for calls: a thread per call would cost more than the call itself.

    A thread idle for a minute ends; a hung call holds only its own thread. A forked child starts
    with none (its parent's threads are not copied), and so with no idle one to count on.
    """

    def __init__(self) -> None:
        self._forget_threads()
        _fork.renew_in_child(self, _Workers._forget_threads)

    def _forget_threads(self) -> None:
        # In a forked child too: the tasks queued in the parent have no caller here, and its lock
        # may have been held by a thread that is not here.
        self._tasks: queue.SimpleQueue[Task[Any]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._idle = 0

    def run(self, task: Task[Any]) -> None:
        with self._lock:
            if self._idle:
                self._idle -= 1
            else:
                threading.Thread(target=self._serve, name="exchange", daemon=True).start()
        self._tasks.put(task)

    def _serve(self) -> None:
        while True:
            try:
                task = self._tasks.get(timeout=60.0)
            except queue.Empty:
                with self._lock:
                    if self._idle and self._tasks.empty():
                        self._idle -= 1
                        return
                continue
            task.run()
            with self._lock:
                self._idle += 1


_WORKERS = _Workers()


def run(task: Task[T], timeout: float) -> bool:
    """Run ``task`` on a worker thread; whether it ended within ``timeout`` seconds (if not, it
    runs on, on its thread, and the caller may end it by its own means)."""
    _WORKERS.run(task)
    return task.wait(timeout)
