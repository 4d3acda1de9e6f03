"""readOnly / writeOnly, and unions with a discriminator: two edge specs over loopback.

tests/specs/edge/read_write_only.yaml: a request never carries a ``readOnly`` property (even one
the model holds) and must carry a required ``writeOnly`` one; a response must carry a required
``readOnly`` property and need not carry a ``writeOnly`` one (kept when a server sends it). In
JSON, XML and forms, at any depth.

tests/specs/edge/discriminators.yaml: the discriminator's value picks the option (with a
``mapping``, without one, inherited through ``allOf``), in JSON and XML; a value naming no
option is read liberally (each option in turn) and refused strictly and on writing.

The wire is read with the standard library; the compiled checks are held to the reference's
verdicts by hypothesis, in both directions.
"""

from __future__ import annotations

import datetime
import importlib
import itertools
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import JSON_VALUES, values

from conftest import generate
from wire import WireServer, canonical

EDGE = Path(__file__).parent.parent / "specs" / "edge"
SPECS = ("read_write_only", "discriminators")


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("read_write_and_unions")
    for spec in SPECS:
        config = root / f"{spec}.config.yaml"
        config.write_text(f"project_name_override: edge-{spec}\npackage_name_override: edge_{spec}\n")
        generate(EDGE / f"{spec}.yaml", root / spec, config)
        sys.path.insert(0, str(root / spec))
    yield {spec: importlib.import_module(f"edge_{spec}") for spec in SPECS}
    for spec in SPECS:
        sys.path.remove(str(root / spec))


@pytest.fixture
def users(packages: dict[str, Any], wire: WireServer) -> Iterator[Any]:
    with packages["read_write_only"].Client(base_url=wire.base_url) as client:
        yield client


@pytest.fixture
def pets(packages: dict[str, Any], wire: WireServer) -> Iterator[Any]:
    with packages["discriminators"].Client(base_url=wire.base_url) as client:
        yield client


def op(spec: str, name: str) -> Any:
    return importlib.import_module(f"edge_{spec}.api.default.{name}")


def model(spec: str, name: str) -> Any:
    return getattr(importlib.import_module(f"edge_{spec}.models"), name)


def errors(spec: str) -> Any:
    return importlib.import_module(f"edge_{spec}.errors")


def unset() -> Any:
    return importlib.import_module("edge_read_write_only.types").UNSET


# readOnly and writeOnly


CREATED = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("media_type", "read"),
    [
        ("application/json", lambda seen: seen.json()),
        ("application/xml", lambda seen: seen.xml()),
        ("application/x-www-form-urlencoded", lambda seen: seen.form()),
        ("multipart/form-data", lambda seen: seen.multipart()),
    ],
)
def test_a_request_never_carries_a_read_only_property_even_one_the_model_holds(
    users: Any, wire: WireServer, media_type: str, read: Any
) -> None:
    user = model("read_write_only", "User")(name="Ann", password="s3cret", id=99, created=CREATED)
    wire.answer(201, "application/json", '{"id": 7, "name": "Ann"}')

    created = op("read_write_only", "create_user").sync(client=users, body=user, content_type=media_type)

    expected = {
        "application/json": {"name": "Ann", "password": "s3cret"},
        "application/xml": canonical("<user><name>Ann</name><password>s3cret</password></user>"),
        "application/x-www-form-urlencoded": {"name": ["Ann"], "password": ["s3cret"]},
        "multipart/form-data": {"name": (None, b"Ann"), "password": (None, b"s3cret")},
    }[media_type]
    assert read(wire.last) == expected
    assert created.id == 7  # the server's, read back
    assert user.id == 99 and user.to_dict()["id"] == 99  # the caller's model is left as it was


def test_a_read_only_property_is_skipped_at_any_depth(users: Any, wire: WireServer) -> None:
    User, Team = model("read_write_only", "User"), model("read_write_only", "Team")
    team = Team(id="t0", lead=User(name="Ann", password="a", id=1), members=[User(name="Bo", password="b", id=2)])
    wire.answer(201, "application/json", json.dumps({"id": "t1", "lead": {"id": 1, "name": "Ann"}}))

    op("read_write_only", "create_team").sync(client=users, body=team)

    assert wire.last.json() == {"lead": {"name": "Ann", "password": "a"}, "members": [{"name": "Bo", "password": "b"}]}


def test_a_model_for_a_request_is_built_without_the_server_assigned_properties(packages: dict[str, Any]) -> None:
    User = model("read_write_only", "User")
    user = User(name="Ann", password="s3cret")

    assert user.id is unset()
    assert "id" not in user.to_dict()


def test_a_request_without_its_required_write_only_property_is_refused_before_sending(
    users: Any, wire: WireServer
) -> None:
    before = len(wire.seen)

    with pytest.raises(errors("read_write_only").SerializationError, match="missing required property 'password'"):
        op("read_write_only", "create_user").sync(client=users, body=model("read_write_only", "User")(name="Ann"))

    assert len(wire.seen) == before


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize(
    ("media_type", "body"),
    [("application/json", '{"name": "Ann"}'), ("application/xml", "<user><name>Ann</name></user>")],
)
def test_a_response_must_carry_its_required_read_only_property(
    users: Any, wire: WireServer, media_type: str, body: str, strict: bool
) -> None:
    wire.answer(201, media_type, body)
    user = model("read_write_only", "User")(name="Ann", password="s3cret")

    with pytest.raises(errors("read_write_only").ResponseDecodeError, match="missing required property 'id'"):
        op("read_write_only", "create_user").sync(client=users, body=user, accept=media_type, strict=strict)


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize(
    ("media_type", "without", "with_it"),
    [
        ("application/json", '{"id": 7, "name": "Ann"}', '{"id": 7, "name": "Ann", "password": "back"}'),
        (
            "application/xml",
            '<user id="7"><name>Ann</name></user>',
            '<user id="7"><name>Ann</name><password>back</password></user>',
        ),
    ],
)
def test_a_response_need_not_carry_a_write_only_property_and_one_sent_is_kept(
    users: Any, wire: WireServer, media_type: str, without: str, with_it: str, strict: bool
) -> None:
    create = op("read_write_only", "create_user")
    user = model("read_write_only", "User")(name="Ann", password="s3cret")
    wire.answer(201, media_type, without)
    wire.answer(201, media_type, with_it)

    missing = create.sync(client=users, body=user, accept=media_type, strict=strict)
    kept = create.sync(client=users, body=user, accept=media_type, strict=strict)

    assert (missing.id, missing.name, missing.password) == (7, "Ann", unset())
    assert (kept.id, kept.password) == (7, "back")
    assert "back" not in repr(kept)  # format: password stays out of the repr


# Discriminators


def test_the_discriminator_picks_the_option_that_trying_each_in_turn_misses(pets: Any, wire: WireServer) -> None:
    Cat, Dog = model("discriminators", "Cat"), model("discriminators", "Dog")
    dog = {"petType": "dog", "name": "Rex", "bark": "woof"}
    assert isinstance(Cat.from_dict(dog), Cat)  # the first option builds from a dog's body: no help
    wire.answer(200, "application/json", json.dumps(dog))

    read = op("discriminators", "add_pet").sync(client=pets, body=Dog(pet_type="dog", name="Rex"))

    assert read == Dog(pet_type="dog", name="Rex", bark="woof")
    assert wire.last.json() == {"petType": "dog", "name": "Rex"}


@pytest.mark.parametrize(
    ("operation", "body", "expected"),
    [
        ("add_pet", {"petType": "cat", "name": "Tom", "lives": 9}, ("Cat", {"lives": 9})),  # mapping to a $ref
        ("add_pet", {"petType": "dog", "name": "Rex"}, ("Dog", {"name": "Rex"})),  # mapping to a schema name
        ("get_shape", {"kind": "Circle", "radius": 2}, ("Circle", {"radius": 2})),  # no mapping: the schema names
        ("get_shape", {"kind": "Square", "side": 3}, ("Square", {"side": 3})),
    ],
)
def test_the_value_names_the_option_with_or_without_a_mapping(
    pets: Any, wire: WireServer, operation: str, body: dict[str, Any], expected: tuple[str, dict[str, Any]]
) -> None:
    wire.answer(200, "application/json", json.dumps(body))
    Dog = model("discriminators", "Dog")
    arguments = {"body": Dog(pet_type="dog")} if operation == "add_pet" else {}

    read = op("discriminators", operation).sync(client=pets, **arguments)

    name, attributes = expected
    assert type(read).__name__ == name
    assert all(getattr(read, attribute) == value for attribute, value in attributes.items())


def test_a_discriminator_inherited_through_all_of_picks_the_child(pets: Any, wire: WireServer) -> None:
    animals = [{"species": "Fish", "fins": 2}, {"species": "bird", "wings": 2, "name": "Tweety"}]
    wire.answer(200, "application/json", json.dumps({"animals": animals}))

    zoo = op("discriminators", "list_animals").sync(client=pets)

    assert [type(animal).__name__ for animal in zoo.animals] == ["Fish", "Bird"]
    assert (zoo.animals[0].fins, zoo.animals[1].wings, zoo.animals[1].name) == (2, 2, "Tweety")


NIL = 'xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'


@pytest.mark.parametrize(
    ("media_type", "body", "expected"),
    [
        ("application/json", json.dumps({"pet": {"petType": "dog", "name": "Rex"}}), "Dog"),
        ("application/json", json.dumps({"pet": {"petType": "Cat", "name": "Tom"}}), "Cat"),
        ("application/json", json.dumps({"pet": None}), "NoneType"),
        ("application/xml", "<Owner><pet><petType>dog</petType><name>Rex</name></pet></Owner>", "Dog"),
        ("application/xml", "<Owner><pet><petType>Cat</petType><lives>2</lives></pet></Owner>", "Cat"),
        ("application/xml", f"<Owner><pet {NIL}/></Owner>", "NoneType"),
    ],
)
def test_a_nullable_union_property_with_a_discriminator_picks_the_option_or_none(
    pets: Any, wire: WireServer, media_type: str, body: str, expected: str
) -> None:
    wire.answer(200, media_type, body)

    owner = op("discriminators", "get_owner").sync(client=pets, accept=media_type)

    assert type(owner.pet).__name__ == expected


def test_a_parent_used_as_a_type_reads_the_child_its_discriminator_names(pets: Any, wire: WireServer) -> None:
    wire.answer(200, "application/json", '{"species": "bird", "name": "Tweety", "wings": 2}')

    animal = op("discriminators", "get_animal").sync(client=pets)

    assert type(animal).__name__ == "Bird"
    assert (animal.species, animal.name, animal.wings, animal.additional_properties) == ("bird", "Tweety", 2, {})


@pytest.mark.parametrize(
    ("operation", "body", "expected"),
    [
        ("add_pet", "<MappedPet><petType>dog</petType><name>Rex</name><bark>w</bark></MappedPet>", "Dog"),
        ("add_pet", "<pet><petType>cat</petType><lives>3</lives></pet>", "Cat"),
        ("get_shape", '<shape kind="Circle"><radius>2</radius></shape>', "Circle"),  # an attribute
        ("get_shape", '<shape kind="Square"><side>2</side></shape>', "Square"),
    ],
)
def test_xml_reads_the_option_its_discriminator_names(
    pets: Any, wire: WireServer, operation: str, body: str, expected: str
) -> None:
    wire.answer(200, "application/xml", body)
    arguments = {"body": model("discriminators", "Dog")(pet_type="dog")} if operation == "add_pet" else {}

    read = op("discriminators", operation).sync(client=pets, accept="application/xml", **arguments)

    assert type(read).__name__ == expected


def test_xml_writes_the_option_the_discriminator_names(pets: Any, wire: WireServer) -> None:
    wire.answer(200, "application/json", '{"petType": "dog"}')
    dog = model("discriminators", "Dog")(pet_type="dog", name="Rex", bark="woof")

    op("discriminators", "add_pet").sync(client=pets, body=dog, content_type="application/xml")

    assert wire.last.xml() == canonical("<value><petType>dog</petType><name>Rex</name><bark>woof</bark></value>")


def test_the_named_option_decides_alone(pets: Any, wire: WireServer) -> None:
    """A dog's body the Dog refuses is refused, though the Cat (tried in turn) would take it."""
    wire.answer(200, "application/json", '{"petType": "dog", "bark": 3}')

    with pytest.raises(errors("discriminators").ResponseDecodeError, match=r"\$\.bark: expected string"):
        op("discriminators", "add_pet").sync(client=pets, body=model("discriminators", "Dog")(pet_type="dog"))


@pytest.mark.parametrize(
    ("media_type", "body"),
    [
        ("application/json", '{"petType": "hamster", "name": "Ham"}'),
        ("application/xml", "<pet><petType>hamster</petType><name>Ham</name></pet>"),
    ],
)
def test_a_value_naming_no_option_is_read_liberally_and_refused_strictly(
    pets: Any, wire: WireServer, media_type: str, body: str, caplog: pytest.LogCaptureFixture
) -> None:
    add_pet, dog = op("discriminators", "add_pet"), model("discriminators", "Dog")(pet_type="dog")
    wire.answer(200, media_type, body)
    wire.answer(200, media_type, body)

    with caplog.at_level(logging.DEBUG):
        liberal = add_pet.sync(client=pets, body=dog, accept=media_type)
    with pytest.raises(errors("discriminators").ResponseDecodeError, match="names none of the options"):
        add_pet.sync(client=pets, body=dog, accept=media_type, strict=True)

    assert type(liberal).__name__ == "Cat" and liberal.pet_type == "hamster"  # each option in turn
    assert "$.petType" in caplog.text and "discriminator" in caplog.text
    assert "hamster" not in caplog.text  # the log names the place, never the value


@pytest.mark.parametrize("media_type", ["application/json", "application/xml"])
def test_a_body_naming_no_option_is_refused_before_sending(pets: Any, wire: WireServer, media_type: str) -> None:
    before = len(wire.seen)
    hamster = model("discriminators", "Dog")(pet_type="hamster")

    with pytest.raises(errors("discriminators").SerializationError, match="names none of the options"):
        op("discriminators", "add_pet").sync(client=pets, body=hamster, content_type=media_type)

    assert len(wire.seen) == before


# The oracle: compiled checks agree with the reference, in every view of every schema here.


def _views() -> list[Any]:
    """Every body here, as each direction sees it, strict and relaxed."""
    bodies = [
        model("read_write_only", "User").__openapi__.document,
        model("read_write_only", "Team").__openapi__.document,
        op("discriminators", "add_pet")._DOCUMENT_1,
        op("discriminators", "get_shape")._DOCUMENT_1,
        model("discriminators", "Zoo").__openapi__.document,
    ]
    views = []
    for body in bodies:
        for direction in ("request", "response"):
            directed = body.toward(direction)
            views += [directed.schema, directed.relaxed().schema]
    return views


def _compiled(schema: Any) -> Any:
    return importlib.import_module(f"{type(schema).__module__.rpartition('.')[0]}._compiled")


NAMES = ("cat", "dog", "Dog", "Circle", "Square", "bird", "Fish", "Bird")
"""Discriminator values, some that name an option, some that do not (drawn text rarely does)."""


def _naming(value: Any, names: Any) -> Any:
    """``value`` with each discriminator property's text replaced by the next of ``names``."""
    if isinstance(value, list):
        return [_naming(item, names) for item in value]
    if isinstance(value, dict):
        return {
            key: next(names) if key in ("petType", "kind", "species") else _naming(item, names)
            for key, item in value.items()
        }
    return value


@given(data=st.data())
def test_compiled_checks_agree_with_the_reference_in_both_directions(packages: dict[str, Any], data: Any) -> None:
    schema = data.draw(st.sampled_from(_views()))
    value = data.draw(values(schema, "json") | JSON_VALUES)
    value = _naming(value, itertools.cycle(data.draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=8))))
    compiled = _compiled(schema)

    try:
        schema.check(value, "$")
    except ValueError:  # SchemaViolation: the compiled check refuses it too
        with pytest.raises(compiled.Invalid):
            compiled.check_for(schema)(value)
    else:  # never laxer, and here as lax: exact JSON types only
        compiled.check_for(schema)(value)


@given(data=st.data())
def test_a_request_body_never_carries_a_read_only_property(packages: dict[str, Any], data: Any) -> None:
    Team = model("read_write_only", "Team")
    document = Team.__openapi__.document.toward("response")
    value = data.draw(values(document.schema, "json"))
    before = json.dumps(value, sort_keys=True)

    sent = Team.__openapi__.document.toward("request").outgoing(value)

    assert "id" not in sent and "id" not in sent["lead"]
    assert all("id" not in member for member in sent.get("members", []))
    assert json.dumps(value, sort_keys=True) == before  # the caller's data is not changed


# The one-pass paths (compiled reader and dumper) read and write one-way models from the model's
# view for the way the body travels, and answer as the two-pass reference does.


def _runtime(name: str) -> Any:
    return importlib.import_module(f"edge_read_write_only.{name}")


@given(data=st.data())
def test_a_one_way_model_is_written_in_one_pass_as_the_reference_writes_it(packages: dict[str, Any], data: Any) -> None:
    Badge = model("read_write_only", "Badge")
    request = op("read_write_only", "create_badge")._DOCUMENT_1.toward("request")  # as the operation sends it
    media, compiled = _runtime("media"), _runtime("_compiled")
    # Any badge a caller may hold: one read from a server (with its ids) or built without a pin.
    badge = Badge.from_dict(data.draw(values(Badge.__openapi__, "json")))
    if data.draw(st.booleans()):
        badge.pin = unset()
    holders = [badge.owner, *(badge.holders or ())] if badge.owner is not unset() else list(badge.holders or ())
    for held in (badge, *holders):  # (a dumper leaves models with unknown properties to to_dict's order)
        held.additional_properties = {}

    try:
        expected: object = media.encode(badge.to_dict(), request, "application/json")
    except _runtime("errors").SerializationError as error:
        expected = str(error)
    try:
        written: object = media.write(badge, request, "application/json", Badge.to_dict)
    except _runtime("errors").SerializationError as error:
        written = str(error)
    assert written == expected

    dump = compiled.dumper_for(request.schema)
    if badge.pin is unset():  # required both ways: the reference words the refusal
        with pytest.raises(compiled.Invalid):
            dump(badge)
    else:  # the one pass takes it, writing what the reference writes, key for key in order
        assert list(dump(badge).items()) == list(request.outgoing(badge.to_dict()).items())
        assert json.loads(written) == request.outgoing(badge.to_dict())  # type: ignore[arg-type]


@given(data=st.data())
def test_a_one_way_model_is_read_in_one_pass_as_the_reference_reads_it(packages: dict[str, Any], data: Any) -> None:
    Badge = model("read_write_only", "Badge")
    response = op("read_write_only", "create_badge")._DOCUMENT_1.toward("response")  # as the operation reads it
    media, compiled = _runtime("media"), _runtime("_compiled")
    value = data.draw(values(response.schema, "json"))  # a pin (writeOnly) or not, ids (readOnly) always
    content = json.dumps(value).encode()

    read, _ = compiled.reader_for(response.schema)(json.loads(content))  # taken in one pass: no Invalid
    reference = Badge.from_dict(media.decode(content, response, "application/json"))
    assert read == reference
    assert media.read(content, response, "application/json", Badge.from_dict) == reference
