"""OpenAPI's inheritance (tests/specs/edge/inheritance.yaml): a base schema declares the
discriminator, each subtype is ``allOf`` the base and its own properties. Wherever the spec names
the base (a response, a body, a property, an array's items, a nullable reference), a value is read
as the subtype its discriminator names (by the mapping, else by component name), and a value
naming none as the base; a subtype is sent as itself and the base is still accepted. In JSON and
XML, over loopback, and typed so that mypy sees the choice."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import GenericAlias
from typing import Any, get_type_hints

import pytest

from conftest import edge_package
from wire import WireServer, canonical

SPEC = "inheritance"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with edge_package(tmp_path_factory.mktemp(SPEC), SPEC) as package:
        yield package


@pytest.fixture
def client(package: Any, wire: WireServer) -> Iterator[Any]:
    with package.Client(base_url=wire.base_url) as client:
        yield client


def model(name: str) -> Any:
    return getattr(importlib.import_module(f"{SPEC}.models"), name)


def operation(name: str) -> Any:
    return importlib.import_module(f"{SPEC}.api.default.{name}")


def kinds(values: list[Any]) -> list[str]:
    return [type(value).__name__ for value in values]


OWNER = {
    "pet": {"petType": "cat", "name": "Tom", "lives": 9, "rival": {"petType": "dog", "bark": "woof"}},
    "pets": [{"petType": "dog", "bark": "w"}, {"petType": "hamster", "name": "Hammy", "wheel": True}],
    "formerPet": {"petType": "dog", "bark": "grr"},
    "shape": {"kind": "Circle", "radius": 2},
}
OWNER_XML = (
    "<Owner><pet><petType>cat</petType><name>Tom</name><lives>9</lives>"
    "<rival><petType>dog</petType><bark>woof</bark></rival></pet>"
    "<pets><petType>dog</petType><bark>w</bark></pets><pets><petType>hamster</petType><name>Hammy</name></pets>"
    "<formerPet><petType>dog</petType><bark>grr</bark></formerPet>"
    "<shape><kind>Circle</kind><radius>2</radius></shape></Owner>"
)


@pytest.mark.parametrize(
    ("media_type", "body"), [("application/json", json.dumps(OWNER)), ("application/xml", OWNER_XML)]
)
def test_each_reference_to_the_base_reads_the_subtype_its_discriminator_names(
    client: Any, wire: WireServer, media_type: str, body: str
) -> None:
    wire.answer(200, media_type, body)

    owner = operation("get_owner").sync(client=client, accept=media_type)

    # A property (by reference in the mapping), inside a subtype (its own property naming the base),
    # array items (by bare name in the mapping; a type the spec does not list: the base), a nullable
    # reference, and a base without a mapping (by component name).
    assert kinds([owner.pet, owner.pet.rival, *owner.pets, owner.former_pet, owner.shape]) == [
        "Cat", "Dog", "Dog", "Pet", "Dog", "Circle"
    ]  # fmt: skip
    assert (owner.pet.name, owner.pet.lives, owner.pet.rival.bark, owner.pets[0].bark) == ("Tom", 9, "woof", "w")
    assert (owner.pets[1].pet_type, owner.pets[1].name, owner.shape.radius) == ("hamster", "Hammy", 2)
    assert owner.pet.additional_properties == {}  # (nothing of the subtype's left over)


@pytest.mark.parametrize(
    ("media_type", "body"),
    [
        ("application/json", '{"petType": "cat", "lives": 7}'),
        ("application/xml", "<Cat><petType>cat</petType><lives>7</lives></Cat>"),
    ],
)
def test_a_subtype_s_properties_are_its_own_not_left_over(
    client: Any, wire: WireServer, media_type: str, body: str
) -> None:
    """Before, the base read a cat, its ``lives`` left in ``additional_properties``."""
    wire.answer(200, media_type, body)

    pet = operation("add_pet").sync(client=client, body=model("Pet")(pet_type="Pet"), accept=media_type)

    assert (type(pet).__name__, pet.lives, pet.additional_properties) == ("Cat", 7, {})


def test_a_type_the_spec_does_not_list_reads_as_the_base_keeping_the_rest(client: Any, wire: WireServer) -> None:
    wire.answer(200, "application/json", '{"petType": "parrot", "name": "Polly", "words": 12}')

    pet = operation("add_pet").sync(client=client, body=model("Pet")(pet_type="Pet"))

    assert (type(pet).__name__, pet.pet_type, pet.name, pet.additional_properties) == (
        "Pet", "parrot", "Polly", {"words": 12}
    )  # fmt: skip


def test_a_response_array_of_a_base_without_mapping_reads_each_by_component_name(client: Any, wire: WireServer) -> None:
    shapes = [{"kind": "Square", "side": 1}, {"kind": "Circle", "radius": 2}, {"kind": "Hexagon"}]
    wire.answer(200, "application/json", json.dumps(shapes))

    read = operation("list_shapes").sync(client=client)

    assert kinds(read) == ["Square", "Circle", "Shape"]
    assert (read[0].side, read[1].radius, read[2].kind) == (1, 2, "Hexagon")


@pytest.mark.parametrize(
    ("body", "json_sent", "xml_sent"),
    [
        (
            lambda: model("Dog")(pet_type="dog", bark="woof", name="Rex"),
            {"petType": "dog", "bark": "woof", "name": "Rex"},
            "<Pet><petType>dog</petType><bark>woof</bark><name>Rex</name></Pet>",
        ),
        (
            lambda: model("Cat")(pet_type="cat", lives=3, rival=model("Dog")(pet_type="dog", bark="x")),
            {"petType": "cat", "lives": 3, "rival": {"petType": "dog", "bark": "x"}},
            "<Pet><petType>cat</petType><lives>3</lives><rival><petType>dog</petType><bark>x</bark></rival></Pet>",
        ),
        (lambda: model("Pet")(pet_type="Pet", name="P"), {"petType": "Pet", "name": "P"}, None),
    ],
    ids=["dog", "cat-with-a-dog-rival", "the-base"],
)
def test_a_subtype_is_sent_as_itself_and_the_base_still_is(
    client: Any, wire: WireServer, body: Any, json_sent: dict[str, Any], xml_sent: str | None
) -> None:
    for media_type in ("application/json", "application/xml"):
        wire.answer(200, "application/json", json.dumps(json_sent))

        read = operation("add_pet").sync(client=client, body=body(), content_type=media_type)

        if media_type == "application/json":
            assert wire.last.json() == json_sent
        elif xml_sent is not None:  # the base's element, as the body was before it took a subtype
            assert wire.last.xml() == canonical(xml_sent)
        assert read == body()


def test_a_subtype_breaking_its_own_schema_is_not_sent(package: Any, client: Any, wire: WireServer) -> None:
    """The discriminator names the Dog, whose ``bark`` is required: the base would take the body,
    the Dog decides alone."""
    before = len(wire.seen)

    with pytest.raises(package.errors.SerializationError, match="bark"):
        operation("add_pet").sync(client=client, body=model("Pet")(pet_type="dog", name="Rex"))

    assert len(wire.seen) == before


def test_a_subtype_s_all_of_part_stays_the_base(package: Any) -> None:
    """The subtype is the base's properties and its own (not a choice among the subtypes: no recursion);
    every place that names the base is typed as the choice."""
    Pet, Cat, Dog = model("Pet"), model("Cat"), model("Dog")
    unset, names = package.types.Unset, {**vars(package.types), **vars(package.models)}

    cat = get_type_hints(Cat.__init__, names)
    assert (set(cat), cat["rival"]) == ({"pet_type", "name", "lives", "rival", "return"}, Pet | Cat | Dog | unset)
    hints, choice = get_type_hints(model("Owner").__init__, names), Pet | Cat | Dog
    assert (hints["pet"], hints["pets"], hints["former_pet"]) == (
        choice | unset, GenericAlias(list, choice) | unset, choice | None | unset
    )  # fmt: skip


CALLER = """
from inheritance.models import Dog, Owner

def bark(owner: Owner) -> str:
    pet = owner.pet
    return {said}
"""


@pytest.mark.parametrize(
    ("said", "complains"), [("pet.bark", True), ('pet.bark if isinstance(pet, Dog) else ""', False)]
)
def test_mypy_makes_the_caller_tell_the_subtypes_apart(
    package: Any, tmp_path: Path, said: str, complains: bool
) -> None:
    caller = tmp_path / "caller.py"
    caller.write_text(CALLER.format(said=said))

    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--follow-imports=silent", str(caller)],
        capture_output=True,
        text=True,
        env={**os.environ, "MYPYPATH": str(Path(package.__file__).parent.parent)},
        cwd=tmp_path,
    )

    if complains:
        assert result.returncode == 1, result.stdout
        assert 'Item "Pet" of "Cat | Dog | Pet | Unset" has no attribute "bark"' in result.stdout
        assert 'Item "Cat" of "Cat | Dog | Pet | Unset" has no attribute "bark"' in result.stdout
    else:
        assert result.returncode == 0, result.stdout


@pytest.fixture(scope="module")
def package_31(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with edge_package(tmp_path_factory.mktemp(f"{SPEC}_31"), f"{SPEC}_31") as package:
        yield package


@pytest.mark.parametrize(
    ("garden", "expected"),
    [
        (
            {
                "best": {"kind": "tree", "height": 3},
                "described": {"kind": "Rose", "color": "red"},
                "noted": {"kind": "Rose"},
            },
            ["Tree", "Rose", "Rose"],
        ),
        (
            {"best": None, "described": {"kind": "tree"}, "noted": {"kind": "fern", "fronds": 9}},
            ["NoneType", "Tree", "Plant"],
        ),
    ],
)
def test_a_nullable_or_described_reference_to_the_base_reads_the_subtype(
    package_31: Any, wire: WireServer, garden: dict[str, Any], expected: list[str]
) -> None:
    wire.answer(200, "application/json", json.dumps(garden))

    with package_31.Client(base_url=wire.base_url) as client:
        read = importlib.import_module(f"{SPEC}_31.api.default.get_garden").sync(client=client)

    assert kinds([read.best, read.described, read.noted]) == expected
    models = importlib.import_module(f"{SPEC}_31.models")
    choice = models.Plant | models.Tree | models.Rose
    hints = get_type_hints(models.Garden.__init__, {**vars(package_31.types), **vars(models)})
    unset = package_31.types.Unset
    assert (hints["best"], hints["described"], hints["noted"]) == (
        choice | None | unset,
        choice | unset,
        choice | unset,
    )
