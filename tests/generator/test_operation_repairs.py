"""Operations openapi-python-client would lose (tests/specs/edge/operation_repairs.yaml): a second
operation of one ``operationId`` (one module for both, the second replacing the first) is numbered
apart, and an operation without ``responses`` (OpenAPI 3.1 allows it) is generated; each said in a
warning where it is."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import SPECS, edge_package, generate
from wire import WireServer


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with edge_package(tmp_path_factory.mktemp("operation_repairs"), "operation_repairs") as package:
        yield package


@pytest.mark.parametrize(
    ("module", "path", "answer", "expected"), [("fetch", "/a", '"x"', "x"), ("fetch_2", "/b", "7", 7)]
)
def test_each_operation_of_one_operation_id_is_its_own(
    package: Any, wire: WireServer, module: str, path: str, answer: str, expected: object
) -> None:
    operation = importlib.import_module(f"operation_repairs.api.default.{module}")

    wire.answer(200, "application/json", answer)
    with package.Client(base_url=wire.base_url) as client:
        assert operation.sync(client=client) == expected

    assert wire.last.path == path


def test_an_operation_without_responses_is_generated(package: Any, wire: WireServer) -> None:
    notify = importlib.import_module("operation_repairs.api.default.notify")

    wire.answer(204)
    with package.Client(base_url=wire.base_url) as client:
        assert notify.sync_detailed(client=client).status_code == 204

    assert wire.last.path == "/c"


def test_both_repairs_are_said_where_they_are(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("project_name_override: operation-repairs\npackage_name_override: operation_repairs\n")

    said = generate(SPECS / "edge" / "operation_repairs.yaml", tmp_path / "out", config)

    assert '#/paths/~1b/get/operationId: "fetch" is also the operationId of GET /a: read as "fetch_2"' in said
    assert "#/paths/~1c/post: no responses: read as a default answer with no content documented" in said
