"""A test's work run in a forked child of the test's process, as gunicorn or Celery fork theirs."""

from __future__ import annotations

import os
import signal
import time
import traceback
import warnings
from collections.abc import Callable

import pytest

__all__ = ["fork_only", "in_child"]

fork_only = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork() is POSIX")


def in_child(work: Callable[[], int], timeout: float = 30.0) -> int:
    """``work()``'s exit status in a forked child; -1 if it was still running after ``timeout``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # "multi-threaded fork" (3.12+): the very case
        pid = os.fork()
    if pid == 0:  # the child: never back into pytest
        code = 99
        try:
            code = work()
        except BaseException:
            traceback.print_exc()
            code = 98
        finally:
            os._exit(code)
    waited = time.monotonic() + timeout
    while time.monotonic() < waited:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return -1
