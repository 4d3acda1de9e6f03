"""Real public specs (``tests/specs/public``, sources and licences in its ``SOURCES.md``), each
generated once as its user would, with every operation kept, and every operation called over
loopback in every documented media-type pair with the wire checked (``tests/corpus/calls.py``).

What the generator cannot yet do for a spec is listed in ``PUBLIC`` with its cause, and tested
``xfail(strict=True)``, so that the fix turns it green.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from attrs import field, frozen
from ruamel.yaml import YAML

from conftest import METHODS, SPECS, generate
from corpus.calls import Failure, call_every_operation
from wire import WireServer

PUBLIC_SPECS = SPECS / "public"


@frozen
class Public:
    """A public spec, and the operations the generator cannot yet call (by module, the cause)."""

    name: str
    known: Mapping[str, str] = field(factory=dict)
    dropped: Mapping[tuple[str, str], str] = field(factory=dict)
    """Operations (method, path) the generator does not yet generate, and why."""

    @property
    def spec(self) -> Path:
        return PUBLIC_SPECS / f"{self.name}.yaml"

    @property
    def package(self) -> str:
        return self.name.replace("-", "_") + "_client"


PUBLIC = [
    Public("xero-webhooks"),
    Public("resend"),
    Public("together"),
    Public("discourse"),
    Public("influxdb-legacy"),
    Public("neon-endpoint-storage"),
    Public("frigate"),
    Public("nginx-unit"),
    Public("mistral"),
]
BY_NAME = {public.name: public for public in PUBLIC}


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every public spec generated with its config (two at a time), each importable by its package name."""
    root = tmp_path_factory.mktemp("public")

    def one(spec: Public) -> None:
        generate(spec.spec, root / spec.name, PUBLIC_SPECS / f"{spec.name}.config.yaml")

    with ThreadPoolExecutor(2) as pool:
        list(pool.map(one, PUBLIC))
    sys.path[:0] = [str(root / spec.name) for spec in PUBLIC]
    yield root
    for spec in PUBLIC:
        sys.path.remove(str(root / spec.name))


@pytest.fixture(scope="module")
def called(public: Path, wire_server: WireServer) -> dict[str, tuple[int, list[Failure]]]:
    """Every operation of every spec called once in every media-type pair: the calls made and the failures."""
    return {spec.name: call_every_operation(spec.package, wire_server) for spec in PUBLIC}


def operations_of(spec: Path) -> set[tuple[str, str]]:
    """Every path and method of the spec, read with a YAML 1.2 reader (as the generator reads it)."""
    document = YAML(typ="safe", pure=True).load(spec.read_text(encoding="utf-8"))
    return {
        (method, path) for path, item in (document.get("paths") or {}).items() for method in item if method in METHODS
    }


def generated_operations(package_dir: Path) -> set[tuple[str, str]]:
    """The method and path of every operation module, read from its source (a module that does not
    import is still counted here: it was generated)."""
    found = set()
    for module in (package_dir / "api").rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "Operation":
                keywords = {k.arg: k.value for k in node.keywords if isinstance(k.value, ast.Constant)}
                found.add((str(keywords["method"].value), str(keywords["path"].value)))
    return found


@pytest.mark.parametrize("name", [spec.name for spec in PUBLIC])
def test_every_path_and_method_of_the_spec_has_its_module(public: Path, name: str) -> None:
    spec = BY_NAME[name]

    generated = generated_operations(public / name / spec.package)

    assert generated == operations_of(spec.spec) - set(spec.dropped)


def _dropped_cases() -> Iterator[object]:
    for spec in PUBLIC:
        for (method, path), reason in spec.dropped.items():
            yield pytest.param(spec.name, method, path, marks=pytest.mark.xfail(strict=True, reason=reason))


@pytest.mark.parametrize(("name", "method", "path"), list(_dropped_cases()))
def test_what_the_generator_cannot_yet_generate(public: Path, name: str, method: str, path: str) -> None:
    assert (method, path) in generated_operations(public / name / BY_NAME[name].package)


def _known_cases() -> Iterator[object]:
    for spec in PUBLIC:
        for operation, reason in spec.known.items():
            yield pytest.param(spec.name, operation, marks=pytest.mark.xfail(strict=True, reason=reason))


@pytest.mark.parametrize("name", [spec.name for spec in PUBLIC])
def test_every_operation_is_called_in_every_documented_media_type_pair(
    called: dict[str, tuple[int, list[Failure]]], name: str
) -> None:
    calls, failures = called[name]
    operations = len(operations_of(BY_NAME[name].spec))

    unexpected = [str(failure) for failure in failures if failure.operation not in BY_NAME[name].known]

    assert unexpected == []
    assert calls >= operations - len(BY_NAME[name].known)


@pytest.mark.parametrize(("name", "operation"), list(_known_cases()))
def test_what_the_generator_cannot_yet_call(
    called: dict[str, tuple[int, list[Failure]]], name: str, operation: str
) -> None:
    _, failures = called[name]

    assert [str(failure) for failure in failures if failure.operation == operation] == []
