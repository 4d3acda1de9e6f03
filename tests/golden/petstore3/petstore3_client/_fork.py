"""What a child of ``fork()`` must not inherit: connection pools, locks, the parent's threads' work.

A forked child (gunicorn, Celery, ``multiprocessing``) starts as a copy of the parent with only the
thread that forked: a kept-alive socket it would share with the parent (each reading the other's
answers), a lock another thread held, a future whose thread is not there. Objects holding such
things register here, and in the child each is renewed before the child's own code runs
(``os.register_at_fork``). The parent is never touched.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["forget_in_child", "renew_in_child"]

T = TypeVar("T")

# By id, with a weak reference: the owners (attrs classes with eq) need not be hashable, and are
# never kept alive by being registered. Plain dict operations: no lock that a fork could catch held.
_OWNERS: dict[int, tuple[weakref.ref[Any], list[Callable[[Any], None]]]] = {}


def renew_in_child(owner: T, renew: Callable[[T], None]) -> None:
    """Call ``renew(owner)`` in the child of every ``fork()``, for as long as ``owner`` lives.

    ``renew`` must not refer to ``owner`` itself (a function or an unbound method): it is kept
    as long as ``owner`` is.
    """
    key = id(owner)
    entry = _OWNERS.get(key)
    if entry is None or entry[0]() is not owner:

        def forget(_: object, key: int = key) -> None:
            _OWNERS.pop(key, None)

        entry = _OWNERS[key] = (weakref.ref(owner, forget), [])
    entry[1].append(renew)


def forget_in_child(owner: object, attribute: str) -> None:
    """In a forked child, set ``owner.<attribute>`` to None (made again when next needed) if it
    still holds the object it holds now; one set since (a caller's own client) is left alone."""
    held = weakref.ref(getattr(owner, attribute))

    def forget(owner: object) -> None:
        current = getattr(owner, attribute, None)
        if current is not None and current is held():
            setattr(owner, attribute, None)

    renew_in_child(owner, forget)


def _renew_all() -> None:
    for reference, renewals in list(_OWNERS.values()):
        owner = reference()
        if owner is not None:
            for renew in renewals:
                renew(owner)


if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork()
    os.register_at_fork(after_in_child=_renew_all)
