"""The constraints a spec puts on a nullable value (OpenAPI 3.0 ``nullable``), a boolean's enum, a UUID's format,
and those on a property an answer merges through ``allOf`` are described, so they hold as every other constraint does:
requests refuse a value that breaks them, responses keep it (a DEBUG line says where) unless read
strictly (tests/specs/edge/constraints_kept.yaml)."""

from __future__ import annotations

import datetime
import logging
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import edge_package
from wire import WireServer


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with edge_package(tmp_path_factory.mktemp("constraints_kept"), "constraints_kept") as package:
        yield package


@pytest.fixture
def client(package: Any, wire: WireServer) -> Iterator[Any]:
    with package.Client(base_url=wire.base_url) as client:
        yield client


@pytest.mark.parametrize(
    "breaking",
    # the pattern; the length; the enum; the format (a text where the model says UUID: mypy's to catch, and ours)
    [
        {"sid": "XX12"},
        {"sid": "CR12345678901"},
        {"confirmed": False},
        {"ref": "not-a-uuid"},
        {"at": datetime.datetime(2024, 1, 1)},  # no offset: not RFC 3339's date-time
        {"code": uuid.UUID("01890a5d-ac96-774b-bcce-b302099a8057")},  # a UUID, but not the pattern's version 4
    ],
)
def test_a_value_that_breaks_its_constraints_is_not_sent(
    package: Any, client: Any, wire: WireServer, breaking: dict[str, Any]
) -> None:
    from constraints_kept.api.default import pay  # type: ignore[import-not-found]
    from constraints_kept.models import Payment  # type: ignore[import-not-found]

    before = len(wire.seen)
    with pytest.raises(package.errors.SerializationError):
        pay.sync(client=client, body=Payment(amount=1, **breaking))
    assert len(wire.seen) == before
    wire.answer(200, "application/json", '{"amount": 1}')
    assert pay.sync(client=client, body=Payment(amount=1, sid=None)).amount == 1  # null: no constraint applies
    wire.answer(200, "application/json", '{"amount": 1}')
    assert pay.sync(client=client, body=Payment(amount=1, ref=uuid.uuid4())).amount == 1  # a UUID is sent
    wire.answer(200, "application/json", '{"amount": 1}')
    at = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    assert pay.sync(client=client, body=Payment(amount=1, at=at, code=uuid.uuid4())).amount == 1
    assert wire.last.json()["at"] == "2024-01-01T00:00:00+00:00"


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize(("answer", "where"), [('"ref": "not-a-uuid"', "$.ref"), ('"due": "2024-13-45"', "$.due")])
def test_an_answer_whose_date_or_uuid_cannot_be_built_says_where_read_liberally_or_not(
    package: Any, client: Any, wire: WireServer, answer: str, where: str, strict: bool
) -> None:
    from constraints_kept.api.default import pay
    from constraints_kept.models import Payment

    wire.answer(200, "application/json", f'{{"amount": 1, {answer}}}')
    with pytest.raises(package.errors.ResponseDecodeError) as refused:
        pay.sync(client=client, body=Payment(amount=1), strict=strict)
    assert f"{where}: is not a valid" in str(refused.value)  # the place, not only that building failed
    assert refused.value.status_code == 200


@pytest.mark.parametrize(
    ("answer", "where"),
    [
        ('{"amount": -5}', "$.amount"),  # merged through allOf: its exclusiveMinimum holds
        ('{"amount": 1, "sid": "ZZ"}', "$.sid"),  # nullable: its pattern holds
        ('{"amount": 1, "confirmed": false}', "$.confirmed"),  # a boolean's enum
        ('{"amount": 1, "at": "2024-01-01T00:00:00"}', "$.at"),  # a date-time without its offset: built
        ('{"amount": 1, "code": "01890a5d-ac96-774b-bcce-b302099a8057"}', "$.code"),  # a UUID's pattern
    ],
)
def test_an_answer_breaking_them_is_kept_liberally_and_refused_strictly(
    package: Any, client: Any, wire: WireServer, caplog: pytest.LogCaptureFixture, answer: str, where: str
) -> None:
    from constraints_kept.api.default import pay
    from constraints_kept.models import Payment

    wire.answer(200, "application/json", answer)
    with caplog.at_level(logging.DEBUG):
        kept = pay.sync(client=client, body=Payment(amount=1))
    assert kept is not None and any(where in record.getMessage() for record in caplog.records)

    wire.answer(200, "application/json", answer)
    with pytest.raises(package.errors.ResponseDecodeError):
        pay.sync(client=client, body=Payment(amount=1), strict=True)


def test_a_datetime_without_its_offset_is_refused_saying_what_it_lacks(package: Any, client: Any) -> None:
    from constraints_kept.api.default import pay
    from constraints_kept.models import Payment

    with pytest.raises(package.errors.SerializationError) as refused:
        pay.sync(client=client, body=Payment(amount=1, at=datetime.datetime(2024, 1, 1)))

    assert "$.at: is not a valid date-time (RFC 3339: a date, a time and its offset" in str(refused.value)
    assert "a datetime needs its tzinfo" in str(refused.value)
