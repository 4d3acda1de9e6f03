"""A large spec is validated in a forked process while the package is generated: the warnings are
the ones the same validation gives in the generator's own process, in the same order and places,
and a child that dies or recurses too deep is said as one error, never a hang."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SPECS
from pca_generator import GenerationError, _beside, _spec
from pca_generator._spec import read_spec

LARGE = [SPECS / "invalid" / "deepgram.yaml", SPECS / "invalid" / "meilisearch.json"]


@pytest.fixture(autouse=True)
def _alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The generator forks only when it runs no other thread (its command never does); the test
    process may still hold idle threads of earlier tests (a watchdog, a worker), which hold no lock
    the child takes: these tests fork as the command does. (Without a fork, a child's work that ends
    its process would end the tests'.)"""
    monkeypatch.setattr(threading, "active_count", lambda: 1)


def _counting_forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    forks: list[int] = []
    fork = os.fork

    def counted() -> int:
        child = fork()
        if child:
            forks.append(child)
        return child

    monkeypatch.setattr(os, "fork", counted)
    return forks


@pytest.mark.parametrize("spec", LARGE, ids=lambda path: path.name)
def test_a_large_spec_validated_beside_warns_as_validated_here(spec: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert spec.stat().st_size >= _spec.BESIDE_FROM
    forks = _counting_forks(monkeypatch)

    beside = read_spec(spec)

    assert len(forks) == 1
    monkeypatch.setattr(_spec, "BESIDE_FROM", float("inf"))
    here = read_spec(spec)
    assert len(forks) == 1  # no second fork: validated in this process
    assert beside.notices == here.notices != ()
    assert beside.document == here.document


def test_strict_refuses_a_large_spec_validated_beside_with_every_defect(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = LARGE[0]
    beside_from = _spec.BESIDE_FROM
    monkeypatch.setattr(_spec, "BESIDE_FROM", float("inf"))
    with pytest.raises(GenerationError) as here:
        read_spec(spec, strict=True)
    monkeypatch.setattr(_spec, "BESIDE_FROM", beside_from)
    forks = _counting_forks(monkeypatch)

    with pytest.raises(GenerationError) as beside:
        read_spec(spec, strict=True)

    assert len(forks) == 1
    assert str(beside.value) == str(here.value) and beside.value.causes == here.value.causes


def _dies() -> int:
    os._exit(3)


def _recurses() -> int:
    raise RecursionError("maximum recursion depth exceeded")


@pytest.mark.parametrize(
    ("work", "raised", "said"),
    [
        (_dies, GenerationError, "ended without an answer"),
        (_recurses, RecursionError, "maximum recursion depth"),
    ],
)
def test_a_child_that_dies_or_recurses_is_one_error(
    work: Callable[[], int], raised: type[Exception], said: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    forks = _counting_forks(monkeypatch)
    wait = _beside.beside(work, worth_it=True)

    with pytest.raises(raised, match=said):
        wait()
    assert len(forks) == 1


def test_work_not_worth_a_process_is_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    forks = _counting_forks(monkeypatch)

    wait = _beside.beside(os.getpid, worth_it=False)

    assert wait() == os.getpid() and forks == []
    assert _beside.beside(os.getpid, worth_it=True)() != os.getpid() and len(forks) == 1
