"""Inline models of one union titled alike (tests/specs/edge/union_titles.yaml): each option is a
class of its own, where openapi-python-client makes one class of the two and drops the operations
answering it; each answer reads as the option it matches."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import edge_package
from wire import WireServer


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with edge_package(tmp_path_factory.mktemp("union_titles"), "union_titles") as package:
        yield package


@pytest.mark.parametrize(
    ("operation", "answer", "read"),
    [
        ("get_c", '{"a": 1}', lambda result: result.a),  # a component's union
        ("get_c", '{"b": "x"}', lambda result: result.b),
        ("get_a", '{"payload": {"a": 1}}', lambda result: result.payload.a),  # a property's union
        ("get_a", '{"payload": {"b": "x"}}', lambda result: result.payload.b),
        ("get_b", '{"x": 1}', lambda result: result.x),  # an operation's inline answer
        ("get_b", '{"y": "x"}', lambda result: result.y),
    ],
)
def test_each_option_titled_alike_is_a_class_of_its_own(
    package: Any, wire: WireServer, operation: str, answer: str, read: Any
) -> None:
    module = importlib.import_module(f"union_titles.api.default.{operation}")

    wire.answer(200, "application/json", answer)
    with package.Client(base_url=wire.base_url) as client:
        result = module.sync(client=client)

    assert read(result) in (1, "x")


def test_the_two_options_are_two_classes(package: Any) -> None:
    from union_titles import models  # type: ignore[import-not-found]

    assert (models.Part.from_dict({"a": 1}).a, models.Part2.from_dict({"b": "x"}).b) == (1, "x")
    assert models.Part is not models.Part2
