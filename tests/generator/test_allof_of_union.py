"""``allOf`` of a union of objects and further properties (tests/specs/edge/allof_of_union.yaml):
generated as the union of each option with the rest, the same values, where openapi-python-client
drops the operation; each answer reads as the option it matches, with the shared properties."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conftest import edge_package
from wire import WireServer


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with edge_package(tmp_path_factory.mktemp("allof_of_union"), "allof_of_union") as package:
        yield package


@pytest.mark.parametrize(
    ("answer", "fields"),
    [
        ('{"page": 2, "totalPages": 5, "hits": ["a"]}', {"page": 2, "total_pages": 5, "hits": ["a"]}),
        ('{"offset": 20, "hits": []}', {"offset": 20, "hits": []}),
    ],
)
def test_each_answer_reads_as_the_option_it_matches_with_the_shared_properties(
    package: Any, wire: WireServer, answer: str, fields: dict[str, Any]
) -> None:
    from allof_of_union.api.default import search  # type: ignore[import-not-found]

    wire.answer(200, "application/json", answer)
    with package.Client(base_url=wire.base_url) as client:
        result = search.sync(client=client)

    assert {name: getattr(result, name) for name in fields} == fields


def test_an_answer_missing_the_shared_properties_is_refused(package: Any, wire: WireServer) -> None:
    from allof_of_union.api.default import search

    wire.answer(200, "application/json", '{"offset": 20}')  # hits is required by the allOf's other part
    with package.Client(base_url=wire.base_url) as client, pytest.raises(package.errors.ResponseDecodeError):
        search.sync(client=client)


def test_a_union_that_leads_back_to_its_allof_is_distributed_once() -> None:
    from pca_generator.normalize import normalize

    document: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "V": {"allOf": [{"$ref": "#/components/schemas/U"}, {"type": "object", "properties": {"c": {}}}]},
                "U": {"oneOf": [{"$ref": "#/components/schemas/V"}, {"type": "object", "properties": {"b": {}}}]},
            }
        },
    }

    options = normalize(document)["components"]["schemas"]["V"]["oneOf"]  # no RecursionError

    assert [option["allOf"][0] for option in options] == document["components"]["schemas"]["U"]["oneOf"]
