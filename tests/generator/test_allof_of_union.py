"""``allOf`` of a union of objects and further properties (tests/specs/edge/allof_of_union.yaml):
generated as the union of each option with the rest, the same values, where openapi-python-client
drops the operation; each answer reads as the option it matches, with the shared properties."""

from __future__ import annotations

import importlib
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


@pytest.fixture(scope="module", params=["allof_of_union", "allof_of_union_31"])
def either(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The spec in OpenAPI 3.0 (``nullable: true`` beside the reference) and 3.1 (``anyOf`` it and null)."""
    with edge_package(tmp_path_factory.mktemp(request.param), request.param) as package:
        yield package


@pytest.mark.parametrize(
    ("answer", "last", "page"),
    [
        ('{"last": null, "page": {"page": 1, "totalPages": 2, "hits": [], "took": 3}}', None, {"page": 1, "took": 3}),
        ('{"last": {"offset": 5, "hits": ["a"]}, "page": {"offset": 0, "hits": []}}', {"offset": 5}, {"offset": 0}),
    ],
)
def test_a_nullable_reference_and_an_allof_written_before_the_union_read_as_its_options(
    either: Any, wire: WireServer, answer: str, last: dict[str, Any] | None, page: dict[str, Any]
) -> None:
    get_page = importlib.import_module(f"{either.__name__}.api.default.get_page")

    wire.answer(200, "application/json", answer)
    with either.Client(base_url=wire.base_url) as client:
        result = get_page.sync(client=client)

    assert (result.last if last is None else {name: getattr(result.last, name) for name in last}) == last
    assert {name: getattr(result.page, name) for name in page} == page


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
