"""An inline enum of a component that openapi-python-client names like another component
(tests/specs/edge/inline_enum_yields.yaml: ``Output.status`` and ``OutputStatus``): the inline enum
yields, as every inline schema does to a component; the component keeps its name, the enum takes
the first free number, and both operations read their answers."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import edge_package
from wire import WireServer


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with edge_package(tmp_path_factory.mktemp("inline_enum_yields"), "inline_enum_yields") as package:
        yield package


def test_the_component_keeps_its_name_and_the_inline_enum_takes_a_number(package: Any) -> None:
    from inline_enum_yields import models  # type: ignore[import-not-found]

    assert {member.value for member in models.OutputStatus} == {"in_progress", "completed", "incomplete"}
    assert {member.value for member in models.OutputStatus2} == {"running", "done"}


@pytest.mark.parametrize(
    ("operation", "answer", "read", "expected"),
    [
        ("get_status", '"completed"', lambda result: result.value, "completed"),
        ("list_outputs", '{"status": "done"}', lambda result: result.status.value, "done"),
    ],
)
def test_each_operation_reads_its_own_enum(
    package: Any, wire: WireServer, operation: str, answer: str, read: Any, expected: str
) -> None:
    module = importlib.import_module(f"inline_enum_yields.api.default.{operation}")

    wire.answer(200, "application/json", answer)
    with package.Client(base_url=wire.base_url) as client:
        result = module.sync(client=client)

    assert read(result) == expected
