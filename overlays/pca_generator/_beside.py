"""Work done in a forked process while this one goes on: :func:`beside`.

Validating a large spec (openapi-spec-validator) is the largest part of reading it, and nothing the
generator does next depends on it: a child forked after the spec is read validates the document
as it was then, and places each notice on its line, while the parent generates, on a second core
where there is one. The child's memory (the validator keeps every validator it made; placing a
notice reads the text again) is never the parent's.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

from ._errors import GenerationError

__all__ = ["beside"]

T = TypeVar("T")


def beside(work: Callable[[], T], *, worth_it: bool) -> Callable[[], T]:
    """Start ``work`` in a forked process and return what waits for its result (picklable).

    Where forking is unsafe or does not pay (no ``fork``, another thread running, not ``worth_it``),
    the work is done here, now. A ``RecursionError`` of the work is raised by the waiting, as if
    the work had run here (the caller says it as for any stage).
    """
    if not worth_it or threading.active_count() > 1 or not hasattr(os, "fork"):
        done = work()
        return lambda: done
    sys.stdout.flush()  # else the child would write this process's buffered lines a second time
    sys.stderr.flush()
    receiving, sending = os.pipe()
    child = os.fork()
    if child == 0:  # the child: work, answer, and leave without running any more of the parent's code
        try:
            os.close(receiving)
            with os.fdopen(sending, "wb") as answer:
                try:
                    pickle.dump((True, work()), answer)
                except RecursionError as error:
                    pickle.dump((False, str(error)), answer)
        finally:
            os._exit(0)
    os.close(sending)

    def wait() -> T:
        with os.fdopen(receiving, "rb") as answer:
            said = answer.read()
        os.waitpid(child, 0)
        if not said:  # killed, or out of memory: its input is not kept here to do the work again
            raise GenerationError("the spec's validation ended without an answer (killed?): generate again")
        done, value = pickle.loads(said)
        if not done:
            raise RecursionError(value)
        return value  # type: ignore[no-any-return]

    return wait
