"""Every operation of the USPTO Data Set API (the OpenAPI Initiative's "uspto" example) over loopback."""

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
    return importlib.import_module("uspto_client")


@pytest.fixture
def client(package: Any, wire: WireServer) -> Iterator[Any]:
    with package.Client(base_url=wire.base_url) as unauthenticated:
        yield unauthenticated


def test_list_data_sets(package: Any, client: Any, wire: WireServer) -> None:
    api = {"apiKey": "oa_citations", "apiVersionNumber": "v1", "apiUrl": "https://example.org/fields"}
    wire.answer(200, "application/json", json.dumps({"total": 1, "apis": [api]}))

    parsed = importlib.import_module("uspto_client.api.metadata.list_data_sets").sync(client=client)

    assert (wire.last.method, wire.last.target) == ("GET", "/")
    assert parsed.total == 1
    assert parsed.apis[0].api_key == "oa_citations"
    assert parsed.apis[0].to_dict() == api


def test_list_searchable_fields_reads_a_json_string(client: Any, wire: WireServer) -> None:
    wire.answer(200, "application/json", '"field1 field2"')

    parsed = importlib.import_module("uspto_client.api.metadata.list_searchable_fields").sync(
        "oa_citations", "v1", client=client
    )

    assert wire.last.target == "/oa_citations/v1/fields"
    assert parsed == "field1 field2"


def test_perform_search_sends_a_form_and_reads_an_array_of_maps(package: Any, client: Any, wire: WireServer) -> None:
    wire.answer(200, "application/json", '[{"patent": {"id": "1"}}, {}]')
    body = package.models.PerformSearchBody(criteria="inventor:smith", start=0, rows=10)

    parsed = importlib.import_module("uspto_client.api.search.perform_search").sync(client=client, body=body)

    assert (wire.last.method, wire.last.target) == ("POST", "/oa_citations/v1/records")
    assert wire.last.headers["content-type"] == "application/x-www-form-urlencoded"
    assert wire.last.form() == {"criteria": ["inventor:smith"], "start": ["0"], "rows": ["10"]}
    assert [item.to_dict() for item in parsed] == [{"patent": {"id": "1"}}, {}]


def test_perform_search_404_has_no_body(client: Any, wire: WireServer) -> None:
    wire.answer(404)

    response = importlib.import_module("uspto_client.api.search.perform_search").sync_detailed(
        "cancer_moonshot", "v2", client=client
    )

    assert wire.last.target == "/cancer_moonshot/v2/records"
    assert wire.last.body == b""
    assert (response.status_code, response.parsed) == (404, None)
