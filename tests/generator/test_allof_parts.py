"""A property declared in several parts of one ``allOf`` takes the values every declaration takes
(tests/specs/edge/allof_parts.yaml): where openapi-python-client cannot merge the declarations
(a union beside one of its options) and drops the model and its operation, the generator declares
their intersection."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, get_type_hints

import pytest

from conftest import edge_package
from wire import WireServer


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with edge_package(tmp_path_factory.mktemp("allof_parts"), "allof_parts") as package:
        yield package


@pytest.fixture
def client(package: Any, wire: WireServer) -> Iterator[Any]:
    with package.Client(base_url=wire.base_url) as client:
        yield client


def test_a_union_narrowed_to_one_option_is_that_option(package: Any, client: Any, wire: WireServer) -> None:
    from allof_parts.api.default import start_conversation  # type: ignore[import-not-found]
    from allof_parts.models import ConversationRequest  # type: ignore[import-not-found]

    hints = get_type_hints(ConversationRequest.__init__, vars(package.types))
    assert hints["stream"] == bool | package.types.Unset  # not bool | None: the later part narrows it
    assert hints["name"] == str | package.types.Unset
    assert hints["store"] == bool | None | package.types.Unset  # declared once: as it is

    wire.answer(200, "application/json", '{"inputs": "hi", "stream": false, "store": null}')
    result = start_conversation.sync(client=client, body=ConversationRequest(inputs="hi", stream=False, name="n"))

    assert wire.last.json() == {"inputs": "hi", "stream": False, "name": "n"}
    assert (result.inputs, result.stream, result.store) == ("hi", False, None)


def test_a_narrowed_property_refuses_what_the_narrowing_part_refuses(
    package: Any, client: Any, wire: WireServer
) -> None:
    from allof_parts.api.default import start_conversation
    from allof_parts.models import ConversationRequest

    before = len(wire.seen)
    with pytest.raises(package.errors.SerializationError):
        start_conversation.sync(client=client, body=ConversationRequest(inputs="hi", name=None))
    assert len(wire.seen) == before


@pytest.mark.parametrize(
    ("handle", "age"),
    [
        ("abcdefghi1", 30),  # longer than the later part's maxLength (8), within the base's (20)
        ("abc", 30),  # breaks the base's pattern (ends with a digit)
        ("1bc2", 30),  # breaks the later part's pattern (begins with a letter)
        ("abc2", 17),  # breaks the later part's exclusiveMinimum
        ("abc2", 201),  # breaks the base's maximum
    ],
)
def test_a_request_breaking_any_part_s_constraint_is_not_sent(
    package: Any, client: Any, wire: WireServer, handle: str, age: int
) -> None:
    from allof_parts.api.default import create_account
    from allof_parts.models import Account

    before = len(wire.seen)
    with pytest.raises(package.errors.SerializationError):
        create_account.sync(client=client, body=Account(handle=handle, age=age))
    assert len(wire.seen) == before


def test_a_property_read_only_in_any_part_is_read_only(package: Any, client: Any, wire: WireServer) -> None:
    from allof_parts.api.default import create_account
    from allof_parts.models import Account

    wire.answer(201, "application/json", '{"id": "a-1", "handle": "abc2", "age": 18}')
    created = create_account.sync(client=client, body=Account(handle="abc2", age=18, id="mine"))

    assert wire.last.json() == {"handle": "abc2", "age": 18}  # the id the later part makes readOnly: not sent
    assert (created.id, created.handle, created.age) == ("a-1", "abc2", 18)


def test_a_component_that_is_another_name_of_one_is_read_as_it(package: Any, client: Any, wire: WireServer) -> None:
    from allof_parts.api.default import get_pet
    from allof_parts.models import Pet, PetOwner

    wire.answer(200, "application/json", '{"name": "Rex", "owner": {"id": 7}}')
    pet = get_pet.sync(3, client=client)

    assert wire.last.path == "/pets/3"
    assert isinstance(pet, Pet) and isinstance(pet.owner, PetOwner)
    assert (pet.name, pet.owner.id) == ("Rex", 7)
