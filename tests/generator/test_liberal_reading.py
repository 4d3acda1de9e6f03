"""Strict in what we send, liberal in what we read: tests/specs/liberal.yaml over loopback.

A server's value that breaks a constraint of the spec (a pattern, a length, a numeric bound, a
format, an array's size or uniqueness, an enum value the spec does not list) is parsed and kept,
in JSON, XML and forms, with a DEBUG line that says where and which constraint, never the value.
``strict=True`` (on the client, or per call) refuses it as before. A wrong type, a missing
required property or a wrong structure is refused either way; a request is checked in full
before a byte is sent.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from wire import WireServer

VALID = {"id": 7, "name": "Rex", "status": "available", "size": 2, "weight": 4.5, "contact": "a@b.c", "tags": ["x"]}

# (what the server changes, the JSON path said in the log, the constraint said)
BROKEN = [
    ({"name": "rex"}, "$.name", "pattern"),
    ({"name": "Abcdefghijklmn"}, "$.name", "maxLength"),
    ({"id": 0}, "$.id", "minimum"),
    ({"status": "adopted"}, "$.status", "enum"),
    ({"size": 9}, "$.size", "enum"),
    ({"weight": 4.2}, "$.weight", "multipleOf"),
    ({"weight": 0}, "$.weight", "exclusiveMinimum"),
    ({"weight": 100.5}, "$.weight", "maximum"),
    ({"contact": "nobody"}, "$.contact", "format"),
    ({"tags": ["a", "b", "c"]}, "$.tags", "maxItems"),
    ({"tags": ["a", "a"]}, "$.tags", "uniqueItems"),
    ({"tags": ["toolong"]}, "$.tags[0]", "maxLength"),
]
TEXT = ("application/json", "application/xml", "application/x-www-form-urlencoded")
STRUCTURE = [  # refused in both modes: (what the server changes, in which media types; None: left out)
    ({"id": "seven"}, TEXT),
    ({"name": None}, TEXT),
    ({"weight": "heavy"}, TEXT),
    ({"tags": "x"}, ("application/json",)),  # (XML and forms carry no type: one text is a list of one)
    ({"status": 3}, ("application/json",)),
]


@pytest.fixture(scope="module")
def package(corpus: Path) -> Any:
    return importlib.import_module("kennel_client")


@pytest.fixture
def client(package: Any, wire: WireServer) -> Iterator[Any]:
    with package.Client(base_url=wire.base_url) as plain:
        yield plain


def op(name: str) -> Any:
    return importlib.import_module(f"kennel_client.api.default.{name}")


def pet(package: Any, **changes: Any) -> Any:
    models = package.models
    values: dict[str, Any] = {
        "id": 7,
        "name": "Rex",
        "status": models.Status.AVAILABLE,
        "size": models.Size.VALUE_2,
        "weight": 4.5,
        "contact": "a@b.c",
        "tags": ["x"],
    }
    return models.Pet(**{**values, **changes})


def xml_of(data: dict[str, Any]) -> str:
    children = "".join(
        "".join(f"<tags>{item}</tags>" for item in value) if isinstance(value, list) else f"<{name}>{value}</{name}>"
        for name, value in data.items()
    )
    return f"<pet>{children}</pet>"


def form_of(data: dict[str, Any]) -> str:
    return urlencode(list(data.items()), doseq=True)


ENCODERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "application/json": json.dumps,
    "application/xml": xml_of,
    "application/x-www-form-urlencoded": form_of,
}


def secret_free(records: list[logging.LogRecord], values: list[object]) -> bool:
    """Whether no log record says any of the server's text values (which may be secrets)."""
    said = " ".join(record.getMessage() for record in records)
    return not any(value in said for value in values if isinstance(value, str) and len(value) > 2)


@pytest.mark.parametrize("media_type", ENCODERS)
@pytest.mark.parametrize(("change", "path", "constraint"), BROKEN)
def test_a_broken_constraint_is_kept_and_logged_without_its_value(
    package: Any,
    client: Any,
    wire: WireServer,
    caplog: pytest.LogCaptureFixture,
    media_type: str,
    change: dict[str, Any],
    path: str,
    constraint: str,
) -> None:
    data = {**VALID, **change}
    wire.answer(201, media_type, ENCODERS[media_type](data))

    with caplog.at_level(logging.DEBUG, logger="kennel_client"):
        parsed = op("add_pet").sync(client=client, body=pet(package), accept=media_type)

    assert isinstance(parsed, package.models.Pet)
    name, value = next(iter(change.items()))
    kept = getattr(parsed, name)
    assert (kept.value if hasattr(kept, "value") else kept) == value
    lines = [record.getMessage() for record in caplog.records if "breaking" in record.getMessage()]
    assert lines == [f"add_pet answered 201 with {path} breaking {constraint}: kept (strict=True refuses it)"]
    assert all(record.levelno == logging.DEBUG for record in caplog.records)
    assert secret_free(caplog.records, value if isinstance(value, list) else [value])


@pytest.mark.parametrize("media_type", ENCODERS)
@pytest.mark.parametrize(("change", "path", "constraint"), BROKEN[:5])
def test_strict_refuses_it_on_the_client_and_per_call(
    package: Any, wire: WireServer, media_type: str, change: dict[str, Any], path: str, constraint: str
) -> None:
    body = ENCODERS[media_type]({**VALID, **change})

    with package.Client(base_url=wire.base_url, strict=True) as strict:
        wire.answer(201, media_type, body)
        with pytest.raises(package.errors.ResponseDecodeError) as on_client:
            op("add_pet").sync(client=strict, body=pet(package), accept=media_type)
        wire.answer(201, media_type, body)
        assert op("add_pet").sync(client=strict, body=pet(package), accept=media_type, strict=False) is not None
    with package.Client(base_url=wire.base_url) as liberal:
        wire.answer(201, media_type, body)
        with pytest.raises(package.errors.ResponseDecodeError) as per_call:
            op("add_pet").sync_detailed(client=liberal, body=pet(package), accept=media_type, strict=True)

    for caught in (on_client.value, per_call.value):
        assert caught.status_code == 201
        assert caught.content == body.encode()
        assert path in str(caught)


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize(
    ("media_type", "change"),
    [(media_type, change) for change, media_types in STRUCTURE for media_type in media_types],
)
def test_a_wrong_type_or_structure_is_refused_either_way(
    package: Any, client: Any, wire: WireServer, media_type: str, change: dict[str, Any], strict: bool
) -> None:
    data = {key: value for key, value in {**VALID, **change}.items() if value is not None}
    body = ENCODERS[media_type](data)
    wire.answer(201, media_type, body)

    with pytest.raises(package.errors.ResponseDecodeError) as caught:
        op("add_pet").sync(client=client, body=pet(package), accept=media_type, strict=strict)

    assert caught.value.status_code == 201
    assert caught.value.content == body.encode()


@pytest.mark.parametrize("media_type", ENCODERS)
@pytest.mark.parametrize(
    "changes",
    [{"name": "rex"}, {"id": 0}, {"status": "adopted"}, {"size": 9}, {"weight": 4.2}, {"tags": ["a", "a"]}],
)
def test_a_request_breaking_a_constraint_is_refused_before_sending(
    package: Any, client: Any, wire: WireServer, media_type: str, changes: dict[str, Any]
) -> None:
    before = len(wire.seen)

    with pytest.raises(package.errors.SerializationError):
        op("add_pet").sync(client=client, body=pet(package, **changes), content_type=media_type)

    assert len(wire.seen) == before


def test_a_list_keeps_unknown_enum_values_beside_members(
    package: Any, client: Any, wire: WireServer, caplog: pytest.LogCaptureFixture
) -> None:
    wire.answer(200, "application/json", json.dumps([VALID, {**VALID, "status": "adopted", "size": 4}]))

    with caplog.at_level(logging.DEBUG, logger="kennel_client"):
        pets = op("list_pets").sync(client=client)

    assert [item.status for item in pets] == [package.models.Status.AVAILABLE, "adopted"]
    assert [item.size for item in pets] == [package.models.Size.VALUE_2, 4]
    said = [record.getMessage() for record in caplog.records if "breaking" in record.getMessage()]
    assert sorted(said) == [
        "list_pets answered 200 with $[1].size breaking enum: kept (strict=True refuses it)",
        "list_pets answered 200 with $[1].status breaking enum: kept (strict=True refuses it)",
    ]
    assert pets[1].to_dict()["status"] == "adopted"  # written back as it came


def test_an_enum_response_keeps_an_unknown_value(package: Any, client: Any, wire: WireServer) -> None:
    wire.answer(200, "application/json", '"adopted"')
    assert op("get_pet_status").sync(1, client=client) == "adopted"

    wire.answer(200, "application/json", '"sold"')
    assert op("get_pet_status").sync(1, client=client) is package.models.Status.SOLD

    wire.answer(200, "application/json", '"adopted"')
    with pytest.raises(package.errors.ResponseDecodeError):
        op("get_pet_status").sync(1, client=client, strict=True)


def test_from_dict_keeps_an_unknown_enum_value(package: Any) -> None:
    parsed = package.models.Pet.from_dict({**VALID, "status": "adopted"})

    assert parsed.status == "adopted"
    assert parsed.to_dict()["status"] == "adopted"


CALLER = """
from kennel_client.models import Pet, Status
from kennel_client.types import Unset

def said(pet: Pet) -> str:
    if isinstance(pet.status, Unset):
        return ""
    return {handled}
"""


@pytest.mark.parametrize(
    ("handled", "complains"),
    [("pet.status.value", True), ("pet.status.value if isinstance(pet.status, Status) else pet.status", False)],
)
def test_mypy_makes_the_caller_handle_an_unknown_enum_value(
    corpus: Path, tmp_path: Path, handled: str, complains: bool
) -> None:
    caller = tmp_path / "caller.py"
    caller.write_text(CALLER.format(handled=handled))
    environment = {**os.environ, "MYPYPATH": str(corpus / "liberal")}

    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--follow-imports=silent", str(caller)],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
    )

    if complains:
        assert result.returncode == 1, result.stdout
        # (Status is a str enum: mypy folds ``Status | str`` into ``str``, which has no ``value``)
        assert 'has no attribute "value"' in result.stdout
    else:
        assert result.returncode == 0, result.stdout
