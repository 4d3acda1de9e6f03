"""Every operation of the OpenAPI Initiative's "petstore-expanded" example over loopback."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wire import WireServer


@pytest.fixture(scope="module")
def package(corpus: Path) -> Any:
    return importlib.import_module("petstore_expanded_client")


@pytest.fixture
def client(package: Any, wire: WireServer) -> Iterator[Any]:
    with package.Client(base_url=wire.base_url) as unauthenticated:
        yield unauthenticated


def op(name: str) -> Any:
    return importlib.import_module(f"petstore_expanded_client.api.default.{name}")


def test_find_pets_reads_an_array_of_all_of_models(package: Any, client: Any, wire: WireServer) -> None:
    wire.answer(200, "application/json", json.dumps([{"name": "rex", "tag": "dog", "id": 1}, {"name": "tom", "id": 2}]))

    parsed = op("find_pets").sync(client=client, tags=["dog", "cat"], limit=2)

    assert (wire.last.method, wire.last.target) == ("GET", "/pets?tags=dog&tags=cat&limit=2")
    assert parsed == [package.models.Pet(name="rex", tag="dog", id=1), package.models.Pet(name="tom", id=2)]


def test_an_error_status_parses_into_the_default_response(package: Any, client: Any, wire: WireServer) -> None:
    wire.answer(418, "application/json", '{"code": 418, "message": "teapot"}')

    response = op("find_pets").sync_detailed(client=client)

    assert wire.last.target == "/pets"
    assert response.status_code == 418
    assert response.parsed == package.models.Error(code=418, message="teapot")


def test_add_pet(package: Any, client: Any, wire: WireServer) -> None:
    wire.answer(200, "application/json", '{"name": "rex", "id": 3}')

    parsed = op("add_pet").sync(client=client, body=package.models.NewPet(name="rex"))

    assert (wire.last.method, wire.last.target, wire.last.json()) == ("POST", "/pets", {"name": "rex"})
    assert wire.last.headers["content-type"] == "application/json"
    assert parsed == package.models.Pet(name="rex", id=3)


def test_find_pet_by_id(package: Any, client: Any, wire: WireServer) -> None:
    wire.answer(200, "application/json", '{"name": "rex", "id": 3}')

    assert op("find_pet_by_id").sync(3, client=client) == package.models.Pet(name="rex", id=3)
    assert wire.last.target == "/pets/3"


def test_delete_pet_answers_204_without_a_body(client: Any, wire: WireServer) -> None:
    wire.answer(204)

    response = op("delete_pet").sync_detailed(3, client=client)

    assert (wire.last.method, wire.last.target) == ("DELETE", "/pets/3")
    assert (response.status_code, response.parsed, response.content) == (204, None, b"")
