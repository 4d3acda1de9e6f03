"""A retry policy fills in the per-request identifiers an operation declares, and nothing else."""

from __future__ import annotations

import importlib
import sys
import textwrap
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import generate
from wire import WireServer

SPEC = """
openapi: 3.0.3
info: {title: Orders, version: 1.0.0}
paths:
  /orders:
    get:
      operationId: list_orders
      parameters:
        - {name: customer_id, in: query, required: false, schema: {type: string, format: uuid}}
        - {name: x-request-id, in: header, required: false, schema: {type: string, format: uuid}}
      responses:
        "200":
          description: the orders
          content:
            application/json:
              schema: {type: array, items: {type: string}}
"""

CONFIG = """
project_name_override: orders-client
package_name_override: orders_client
fresh_uuid_headers: [x-request-id]
post_hooks:
  - ruff check --fix-only --no-cache .
  - ruff format --no-cache .
"""


@pytest.fixture(scope="module")
def orders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    root = tmp_path_factory.mktemp("orders")
    (root / "orders.yaml").write_text(textwrap.dedent(SPEC))
    (root / "orders.config.yaml").write_text(textwrap.dedent(CONFIG))
    generate(root / "orders.yaml", root / "out", root / "orders.config.yaml")
    sys.path.insert(0, str(root / "out"))
    try:
        yield importlib.import_module("orders_client")
    finally:
        sys.path.remove(str(root / "out"))


def test_an_optional_uuid_filter_is_never_filled_in_and_the_declared_identifier_is_kept(
    orders: Any, wire: WireServer
) -> None:
    list_orders = importlib.import_module("orders_client.api.default.list_orders")
    retry_policy = importlib.import_module("orders_client").RetryPolicy
    wire.answer(503, "application/json", b"[]")
    wire.answer(200, "application/json", b'["o-1"]')
    with orders.Client(base_url=wire.base_url) as client:
        response = retry_policy(backoff=0, jitter=False).call(list_orders.sync_detailed, client=client)
    assert response.parsed == ["o-1"]
    first, second = wire.seen[-2:]
    assert first.query == second.query == ""  # no random customer_id: the caller gave none
    assert first.headers["x-request-id"] == second.headers["x-request-id"]
    uuid.UUID(first.headers["x-request-id"])


@pytest.mark.parametrize("anyio_backend", ["asyncio", "trio"])
@pytest.mark.anyio
async def test_async_retries_sleep_on_the_running_library(orders: Any, wire: WireServer, anyio_backend: str) -> None:
    list_orders = importlib.import_module("orders_client.api.default.list_orders")
    retry_policy = importlib.import_module("orders_client").RetryPolicy
    wire.answer(503, "application/json", b"[]")
    wire.answer(200, "application/json", b'["o-1"]')
    async with orders.Client(base_url=wire.base_url) as client:
        policy = retry_policy(backoff=0.01, jitter=False)
        response = await policy.call_async(list_orders.asyncio_detailed, client=client)
    assert response.parsed == ["o-1"]
    first, second = wire.seen[-2:]
    assert first.query == second.query == ""
    assert first.headers["x-request-id"] == second.headers["x-request-id"]


def test_the_partner_center_operation_declares_its_identifiers() -> None:
    from partner_center_auth.api.authentication import generate_access_token

    assert generate_access_token.OPERATION.request_ids == ("ms_correlationid", "ms_requestid")
