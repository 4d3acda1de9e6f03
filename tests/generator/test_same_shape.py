"""Models described alike stay models of their own: two operations whose inline bodies have one
shape (tests/specs/edge/same_shape.yaml) each read and write their own class, in one pass and in two
(a cache keyed by the description alone would hand the first class built to both)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conftest import edge_package
from wire import WireServer


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with edge_package(tmp_path_factory.mktemp("same_shape"), "same_shape") as package:
        yield package


@pytest.mark.parametrize("order", [("stations", "trips"), ("trips", "stations")])
def test_each_operation_answers_with_its_own_model(package: Any, wire: WireServer, order: tuple[str, str]) -> None:
    from same_shape.api.default import add_stations, add_trips  # type: ignore[import-not-found]
    from same_shape.models import (  # type: ignore[import-not-found]
        AddStationsBody,
        AddStationsResponse200,
        AddTripsBody,
        AddTripsResponse200,
    )

    assert AddStationsResponse200.__openapi__ == AddTripsResponse200.__openapi__  # described alike
    calls = {
        "stations": (add_stations, AddStationsBody, AddStationsResponse200),
        "trips": (add_trips, AddTripsBody, AddTripsResponse200),
    }
    with package.Client(base_url=wire.base_url) as client:
        for name in order:
            module, body, answer = calls[name]
            wire.answer(200, "application/json", '{"data": ["a", "b"]}')
            got = module.sync(client=client, body=body(data=[name]))
            assert type(got) is answer and got.data == ["a", "b"]
            assert wire.last.json() == {"data": [name]}
