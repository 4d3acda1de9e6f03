"""Strict in what we send, parameters too: a path, query, header or cookie value that breaks its
schema (a pattern, a length, a bound, an enum, an array's size) is a ``SerializationError`` before a
byte is sent, naming the parameter and never quoting the value (tests/specs/edge/parameter_checks.yaml)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conftest import edge_package
from wire import WireServer

SID = "CR" + "0" * 32


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with edge_package(tmp_path_factory.mktemp("parameter_checks"), "parameter_checks") as package:
        yield package


@pytest.fixture
def client(package: Any, wire: WireServer) -> Iterator[Any]:
    with package.Client(base_url=wire.base_url) as client:
        yield client


def _call(client: Any, sid: str = SID, **arguments: Any) -> Any:
    from parameter_checks.api.default import get_credential  # type: ignore[import-not-found]

    return get_credential.sync_detailed(sid, client=client, **arguments)


def test_values_within_their_schemas_are_sent(client: Any, wire: WireServer) -> None:
    from parameter_checks.models import Filter, GetCredentialTagsItem  # type: ignore[import-not-found]

    wire.answer(204)
    _call(
        client,
        page_size=1000,
        tags=[GetCredentialTagsItem.A],
        x_trace="abcdefgh",
        session="abc",
        filter_=Filter(q="x"),  # its required readOnly id is the server's
    )

    seen = wire.last
    assert (seen.path, seen.query) == (f"/credentials/{SID}", "PageSize=1000&tags=a&filter%5Bq%5D=x")
    assert seen.headers["x-trace"] == "abcdefgh" and seen.headers["cookie"] == "session=abc"


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"sid": "XX1"}, "parameter sid: $: "),  # the pattern and the length of a Twilio-like Sid
        ({"sid": "CR" + "g" * 32}, "parameter sid: $: "),
        ({"page_size": 5000}, "parameter PageSize: $: "),  # above the maximum
        ({"page_size": 0}, "parameter PageSize: $: "),
        ({"tags": ["a", "b", "a"]}, "parameter tags: $: "),  # more items than maxItems
        ({"tags": ["c"]}, "parameter tags: $[0]: "),  # not in the enum
        ({"x_trace": "longer than eight"}, "parameter X-Trace: $: "),
        ({"session": "NOT lower"}, "parameter session: $: "),
    ],
)
def test_a_value_that_breaks_its_schema_is_refused_before_sending(
    package: Any, client: Any, wire: WireServer, arguments: dict[str, Any], named: str
) -> None:
    before = len(wire.seen)
    with pytest.raises(package.errors.SerializationError) as refused:
        _call(client, **arguments)

    assert str(refused.value).startswith(named)
    assert all(str(value) not in str(refused.value) for value in arguments.values())  # never quoted
    assert len(wire.seen) == before  # nothing sent
