"""What stock openapi-python-client promises its users, held by this generator's packages.

Stock's functional tests generate small specs and run the code; these do the same for the
behaviours we share, on two specs written here (one with ``literal_enums: true``), each generated
once for the module: models (arrays and ``prefixItems``, defaults, required and optional
properties through ``allOf``, scalars, string formats, chains of references, unions, enums,
``x-enum-varnames``, nullable enums, ``const``, docstrings) and operations (docstrings, path
parameters on the wire), and the refusals we share.

Where we differ from stock on purpose, each with its reason and the test that shows ours:

- **Operation docstrings say more.** ``Args`` ends with ``content_type`` (when the operation has a
  body) and ``accept`` (when it has response content): the keywords every operation adds to
  stock's signature, to choose the media type sent and asked for. ``Raises`` lists this package's
  typed errors (``errors.TransportTimeout`` where stock names ``httpx.TimeoutException``).
  :func:`test_operation_docstrings_say_description_arguments_and_returns`.
- **Requests go out by ``build_request`` and ``send``, not ``request``.** The package checks the
  built request before any I/O (no bearer token in clear to a non-loopback host, header values it
  can send) and streams the answer within the client's size and time limits; so a test watching
  ``httpx.Client.request`` (a ``MagicMock`` standing in for the client) sees no call, and a mock
  whose ``is_closed`` is a truthy mock is a closed client (:class:`ClientClosed`). The path
  parameters are encoded as stock encodes them, as the wire shows:
  :func:`test_path_parameters_are_percent_encoded_on_the_wire` and
  :func:`test_requests_go_through_the_callers_client_by_send`.
- **What has one reading is repaired, not dropped.** Where stock drops a schema with a warning
  (an unresolvable ``$ref``, references in a circle, a default that is not its ``const``, an enum
  value listed twice), we read it as its one meaning (any value; the default dropped; the value
  kept once), say so in a ``warning:`` line with its place, and keep the schema. What has none (a
  ``float`` enum, two inline enums of one name) is dropped as stock drops it, with a ``warning:``
  line naming it; ``--strict`` refuses both. Stock's own tests of these cases read its warning
  text, and so fail with ours.
  :func:`test_what_has_no_meaning_is_repaired_what_stock_drops_is_said_and_strict_refuses_both`,
  :func:`test_an_enum_listing_a_value_twice_keeps_each_value_once`.
- **An enum value the spec does not list is kept, not refused** (strict in what we send, liberal
  in what we read): a model's enum property is typed ``MyEnum | str`` (``| int`` for integers),
  so that ``mypy --strict`` makes callers handle a value a server added, and ``from_dict`` keeps
  it where stock raises ``ValueError``; ``strict=True`` on the client or per call refuses it.
  Stock's tests of enum annotations and of invalid values read its stricter behaviour.
  ``tests/generator/test_liberal_reading.py``.
- **Refusals are one line in our words.** A document that cannot be read is refused with one
  ``error:`` line saying what to do (not stock's "Failed to parse OpenAPI document" and pydantic's
  report; ``tests/generator/test_invalid_specs.py``).
- **A missing ``info.title`` is repaired, not refused**: read as empty, with a warning (the title
  only names what the configuration can name: set ``project_name_override``; without it, one
  ``error:`` line says so).
  :func:`test_a_missing_title_is_repaired_with_a_warning`.
"""

from __future__ import annotations

import datetime
import importlib
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import httpx
import pytest

from conftest import generate
from wire import WireServer

KITCHEN = """
openapi: 3.1.0
info: {title: Kitchen, version: 1.0.0}
tags: [{name: notes}]
paths:
  /notes:
    get:
      operationId: listNotes
      tags: [notes]
      description: Every note on the board.
      responses:
        "200":
          description: The notes.
          content:
            application/json: {schema: {$ref: "#/components/schemas/Board"}}
    post:
      operationId: pinNote
      tags: [notes]
      description: Pin a note.
      requestBody:
        content:
          application/json: {schema: {$ref: "#/components/schemas/Note"}}
      responses:
        "201":
          description: Pinned.
          content:
            application/json: {schema: {$ref: "#/components/schemas/Board"}}
        "409":
          description: No room.
          content:
            application/json: {schema: {$ref: "#/components/schemas/Refusal"}}
  /notes/{note_id}/lines/{line}:
    get:
      operationId: readLine
      tags: [notes]
      description: One line of a note.
      parameters:
        - {name: note_id, in: path, required: true, schema: {type: string, description: The note.}}
        - {name: line, in: path, required: true, schema: {type: integer}}
        - {name: trim, in: query, schema: {type: boolean, description: Strip the white space.}}
      responses:
        "200":
          description: The line.
          content:
            application/json: {schema: {$ref: "#/components/schemas/Board"}}
  /shelves/{shelf}/jars/{jar}:
    get:
      operationId: findJar
      tags: [notes]
      parameters:
        - {name: shelf, in: path, required: true, schema: {type: string}}
        - {name: jar, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: The jar.
          content:
            application/json: {schema: {$ref: "#/components/schemas/Label"}}
components:
  schemas:
    Board: {type: object}
    Refusal: {type: object}
    Note: {type: object, description: A note to pin.}
    Label:
      type: object
      properties:
        text: {type: string}
    Bag:
      type: object
      properties:
        anything: {type: array, items: {}}
        counts: {type: array, items: {type: integer}}
        labels: {type: array, items: {$ref: "#/components/schemas/Label"}}
        pair: {type: array, prefixItems: [{type: string}]}
        header: {type: array, prefixItems: [{$ref: "#/components/schemas/Label"}, {type: string}]}
        tail: {type: array, prefixItems: [{$ref: "#/components/schemas/Label"}], items: {type: string}}
    Settings:
      type: object
      properties:
        loud: {type: boolean, default: true}
        greeting: {type: string, default: hello}
        ratio: {type: number, default: 0.25}
        retries: {type: integer, default: 3}
        since: {type: string, format: date, default: "2023-05-06"}
        at: {type: string, format: date-time, default: "2023-05-06T07:08:09Z"}
        ident: {type: string, format: uuid, default: 2F1C5E3A-0B4D-4E6F-8A9B-0C1D2E3F4A5B}
        loose_text: {default: any}
        loose_number: {default: 9}
        yes_written: {type: boolean, default: "true"}
        no_written: {type: boolean, default: "False"}
        count_written: {type: integer, default: "12"}
        whole_number: {type: number, default: 4}
        number_written: {type: number, default: "2.5"}
        text_as_number: {type: string, default: 8}
        fixed: {type: string, const: same, default: same}
        flag_or_count: {anyOf: [{type: boolean}, {type: integer}], default: false}
        count_or_flag: {anyOf: [{type: boolean}, {type: integer}], default: 5}
        colour:
          allOf: [{$ref: "#/components/schemas/Colour"}]
          default: Green
    Person:
      type: object
      required: [name, email]
      properties:
        name: {type: string}
        email: {type: string}
        nickname: {type: string}
    Employee:
      allOf:
        - $ref: "#/components/schemas/Person"
        - type: object
          required: [badge]
          properties:
            badge: {type: string}
    Loose: {type: object}
    Scalars:
      type: object
      properties:
        flag: {type: boolean}
        word: {type: string}
        ratio: {type: number}
        count: {type: integer}
        loose: {$ref: "#/components/schemas/Loose"}
        nothing: {type: "null"}
        whatever: {}
    Formats:
      type: object
      properties:
        day: {type: string, format: date}
        moment: {type: string, format: date-time}
        ident: {type: string, format: uuid}
        odd: {type: string, format: no-such-format}
    Alias: {$ref: "#/components/schemas/Alias2"}
    Alias2: {$ref: "#/components/schemas/Target"}
    Target:
      type: object
      properties:
        done: {type: boolean}
    Holder:
      type: object
      properties:
        target: {$ref: "#/components/schemas/Alias"}
    Circle:
      type: object
      required: [radius]
      properties:
        radius: {type: number}
    Square:
      type: object
      required: [side]
      properties:
        side: {type: number}
    Shape:
      oneOf:
        - $ref: "#/components/schemas/Circle"
        - $ref: "#/components/schemas/Square"
    Drawing:
      type: object
      properties:
        id: {type: [string, integer]}
        shape: {$ref: "#/components/schemas/Shape"}
        shape_or_name:
          oneOf:
            - $ref: "#/components/schemas/Circle"
            - type: string
        shape_or_size:
          oneOf:
            - $ref: "#/components/schemas/Shape"
            - oneOf: [{type: string}, {type: number}]
        only_circle:
          oneOf: [{$ref: "#/components/schemas/Circle"}]
        must_circle:
          oneOf: [{$ref: "#/components/schemas/Circle"}]
      required: [must_circle]
    Framed:
      type: object
      required: [shape]
      properties:
        shape: {$ref: "#/components/schemas/Shape"}
    Colour:
      type: string
      enum: [red, Green, b2, "42", 9lives, light blue, ""]
    Mood:
      type: string
      enum: [h, s, m]
      x-enum-varnames: [Happy, So so, quite_mellow]
    Step:
      type: integer
      enum: [1, 5, -3]
    Gear:
      type: integer
      enum: [1, 2, -1]
      x-enum-varnames: [Low, High, Back up]
    Palette:
      type: object
      properties:
        colour: {$ref: "#/components/schemas/Colour"}
        shade: {type: string, enum: [dark, light]}
        step: {$ref: "#/components/schemas/Step"}
        notch: {type: integer, enum: [10, 20]}
    Swatch:
      type: object
      required: [colour, step]
      properties:
        colour: {$ref: "#/components/schemas/Colour"}
        step: {$ref: "#/components/schemas/Step"}
    Blank:
      type: [string, "null"]
      enum: [x, y, null]
    NothingAtAll:
      enum: [null]
    Maybe:
      type: object
      properties:
        colour:
          oneOf: [{$ref: "#/components/schemas/Colour"}, {type: "null"}]
        blank: {$ref: "#/components/schemas/Blank"}
        nothing: {$ref: "#/components/schemas/NothingAtAll"}
    Pinned:
      type: object
      properties:
        author: {const: Ada}
        answer: {const: 42}
    Recipe:
      type: object
      description: How to cook a thing.
      required: [title, serves]
      properties:
        title: {type: string, description: What it is called.}
        serves: {type: integer}
        notes: {type: string, description: Anything else.}
"""

LETTERS = """
openapi: 3.1.0
info: {title: Letters, version: 1.0.0}
paths: {}
components:
  schemas:
    Letter:
      type: string
      enum: [x, X, y]
    Digit:
      type: integer
      enum: [1, 2, -7]
    Blank:
      type: [string, "null"]
      enum: [x, y, null]
    NothingAtAll:
      enum: [null]
    Word:
      type: object
      properties:
        letter: {$ref: "#/components/schemas/Letter"}
        inline: {type: string, enum: [p, q]}
        digit: {$ref: "#/components/schemas/Digit"}
        inline_digit: {type: integer, enum: [3, 4]}
        maybe: {oneOf: [{$ref: "#/components/schemas/Letter"}, {type: "null"}]}
        blank: {$ref: "#/components/schemas/Blank"}
        nothing: {$ref: "#/components/schemas/NothingAtAll"}
    Preset:
      type: object
      properties:
        letter:
          allOf: [{$ref: "#/components/schemas/Letter"}]
          default: X
    Spelled:
      type: object
      required: [letter]
      properties:
        letter: {$ref: "#/components/schemas/Letter"}
"""

PACKAGES = {"kitchen": (KITCHEN, ""), "letters": (LETTERS, "literal_enums: true\n")}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Both specs generated as a user would, importable as ``kitchen_client`` and ``letters_client``."""
    root = tmp_path_factory.mktemp("stock-behaviours")
    for name, (spec, config) in PACKAGES.items():
        (root / f"{name}.yaml").write_text(spec)
        (root / f"{name}.config.yaml").write_text(
            f"project_name_override: {name}-client\npackage_name_override: {name}_client\n{config}"
        )
        generate(root / f"{name}.yaml", root / name, root / f"{name}.config.yaml")
        sys.path.insert(0, str(root / name))
    yield root
    for name in PACKAGES:
        sys.path.remove(str(root / name))
        for module in [module for module in sys.modules if module.split(".")[0] == f"{name}_client"]:
            del sys.modules[module]


@pytest.fixture(scope="module")
def models(generated: Path) -> Any:
    return importlib.import_module("kitchen_client.models")


@pytest.fixture(scope="module")
def letters(generated: Path) -> Any:
    return importlib.import_module("letters_client.models")


def round_trips(model: Any, data: dict[str, Any], expected: Any) -> None:
    """``data`` reads as ``expected`` and writes back as itself."""
    read = model.from_dict(data)
    assert read == expected
    assert read.to_dict() == data


def hints(model: Any) -> dict[str, str]:
    """The annotations of a model's properties, as written in its module."""
    return {name: hint for name, hint in model.__annotations__.items() if not name.startswith("_")}


# Arrays ---------------------------------------------------------------------------------------


def test_arrays_of_anything_of_integers_and_of_models(models: Any) -> None:
    bag, label = models.Bag, models.Label

    round_trips(bag, {"anything": [1, "one", None]}, bag(anything=[1, "one", None]))
    round_trips(bag, {"counts": [3, 4]}, bag(counts=[3, 4]))
    round_trips(bag, {"labels": [{"text": "a"}, {}]}, bag(labels=[label(text="a"), label()]))
    assert hints(bag)["anything"] == "list[Any] | Unset"
    assert hints(bag)["counts"] == "list[int] | Unset"
    assert hints(bag)["labels"] == "list[Label] | Unset"


def test_an_array_with_prefix_items_is_a_list_of_their_union(models: Any) -> None:
    bag, label = models.Bag, models.Label

    round_trips(bag, {"pair": ["left"]}, bag(pair=["left"]))
    round_trips(bag, {"header": [{"text": "a"}, "b"]}, bag(header=[label(text="a"), "b"]))
    round_trips(bag, {"tail": [{"text": "a"}, "b", "c"]}, bag(tail=[label(text="a"), "b", "c"]))
    # Not widened with Any: prefixItems are the array's items (their order is not checked, as in stock).
    assert hints(bag)["pair"] == "list[str] | Unset"
    assert hints(bag)["header"] == "list[Label | str] | Unset"
    assert hints(bag)["tail"] == "list[Label | str] | Unset"


# Defaults -------------------------------------------------------------------------------------


def test_defaults_fill_the_initializer_even_written_as_text(models: Any) -> None:
    settings = models.Settings()

    assert settings == models.Settings(
        loud=True,
        greeting="hello",
        ratio=0.25,
        retries=3,
        since=datetime.date(2023, 5, 6),
        at=datetime.datetime(2023, 5, 6, 7, 8, 9, tzinfo=datetime.UTC),
        ident=uuid.UUID("2f1c5e3a-0b4d-4e6f-8a9b-0c1d2e3f4a5b"),
        loose_text="any",
        loose_number=9,
        yes_written=True,
        no_written=False,
        count_written=12,
        whole_number=4,
        number_written=2.5,
        text_as_number="8",
        fixed="same",
        flag_or_count=False,
        count_or_flag=5,
        colour=models.Colour.GREEN,
    )
    assert type(settings.whole_number) is float and type(settings.flag_or_count) is bool


# Required and optional properties -------------------------------------------------------------


def test_required_properties_are_required_through_all_of(models: Any) -> None:
    person, employee = models.Person, models.Employee

    round_trips(person, {"name": "Ada", "email": "a@x"}, person(name="Ada", email="a@x"))
    round_trips(person, {"name": "Ada", "email": "a@x", "nickname": "A"}, person(name="Ada", email="a@x", nickname="A"))
    round_trips(
        employee,
        {"name": "Ada", "email": "a@x", "badge": "7", "nickname": "A"},
        employee(name="Ada", email="a@x", badge="7", nickname="A"),
    )
    for missing in ({"name": "Ada"}, {"email": "a@x"}):
        with pytest.raises(KeyError):
            person.from_dict(missing)
    with pytest.raises(KeyError):
        employee.from_dict({"name": "Ada", "email": "a@x"})
    assert hints(person) == {
        "name": "str",
        "email": "str",
        "nickname": "str | Unset",
        "additional_properties": "dict[str, Any]",
    }


# Scalars, formats and references --------------------------------------------------------------


def test_each_kind_of_property_reads_writes_and_is_hinted(models: Any) -> None:
    loose = models.Loose()
    loose.additional_properties = {"anything": [1]}
    data = {
        "flag": False,
        "word": "w",
        "ratio": 0.5,
        "count": 2,
        "loose": {"anything": [1]},
        "nothing": None,
        "whatever": {"k": "v"},
    }

    round_trips(
        models.Scalars,
        data,
        models.Scalars(flag=False, word="w", ratio=0.5, count=2, loose=loose, nothing=None, whatever={"k": "v"}),
    )
    assert hints(models.Scalars) == {
        "flag": "bool | Unset",
        "word": "str | Unset",
        "ratio": "float | Unset",
        "count": "int | Unset",
        "loose": "Loose | Unset",
        "nothing": "None | Unset",
        "whatever": "Any | Unset",
        "additional_properties": "dict[str, Any]",
    }


@pytest.mark.parametrize("data", ["text", True, 2, None, ["a"]])
def test_a_model_is_read_only_from_an_object(models: Any, data: Any) -> None:
    with pytest.raises((TypeError, AttributeError, ValueError)):
        models.Scalars.from_dict(data)


def test_string_formats_are_dates_date_times_and_uuids(models: Any) -> None:
    formats = models.Formats
    moment = datetime.datetime(2024, 2, 29, 23, 59, 58, 123456, tzinfo=datetime.UTC)
    ident = uuid.uuid4()

    round_trips(formats, {"day": "2024-02-29"}, formats(day=datetime.date(2024, 2, 29)))
    round_trips(formats, {"moment": moment.isoformat()}, formats(moment=moment))
    round_trips(formats, {"ident": str(ident)}, formats(ident=ident))
    round_trips(formats, {"odd": "as is"}, formats(odd="as is"))
    assert hints(formats) == {
        "day": "datetime.date | Unset",
        "moment": "datetime.datetime | Unset",
        "ident": "UUID | Unset",
        "odd": "str | Unset",
        "additional_properties": "dict[str, Any]",
    }


def test_a_chain_of_references_is_the_model_it_ends_at(models: Any) -> None:
    round_trips(models.Holder, {"target": {"done": True}}, models.Holder(target=models.Alias(done=True)))
    # The first name of the chain is a model of its own, with the properties of the one it ends at.
    assert hints(models.Holder)["target"] == "Alias | Unset"
    assert hints(models.Alias) == hints(models.Target)


# Unions ---------------------------------------------------------------------------------------


def test_a_union_reads_as_the_variant_the_data_fits(models: Any) -> None:
    drawing, circle, square = models.Drawing, models.Circle, models.Square
    must = {"must_circle": {"radius": 1.0}}
    base = {"must_circle": circle(radius=1.0)}

    round_trips(drawing, {**must, "id": "a"}, drawing(**base, id="a"))
    round_trips(drawing, {**must, "id": 1}, drawing(**base, id=1))
    # Two models: told apart by their required properties.
    round_trips(drawing, {**must, "shape": {"radius": 2.0}}, drawing(**base, shape=circle(radius=2.0)))
    round_trips(drawing, {**must, "shape": {"side": 3.0}}, drawing(**base, shape=square(side=3.0)))
    # A model or a string.
    round_trips(drawing, {**must, "shape_or_name": {"radius": 2.0}}, drawing(**base, shape_or_name=circle(radius=2.0)))
    round_trips(drawing, {**must, "shape_or_name": "dot"}, drawing(**base, shape_or_name="dot"))
    # A union of unions.
    round_trips(drawing, {**must, "shape_or_size": {"side": 1.0}}, drawing(**base, shape_or_size=square(side=1.0)))
    round_trips(drawing, {**must, "shape_or_size": 4.5}, drawing(**base, shape_or_size=4.5))
    round_trips(drawing, {**must, "shape_or_size": "big"}, drawing(**base, shape_or_size="big"))


def test_union_hints_name_each_variant_once(models: Any) -> None:
    drawing = hints(models.Drawing)

    assert drawing["id"] == "int | str | Unset"
    assert drawing["shape"] == "Circle | Square | Unset"
    assert drawing["only_circle"] == "Circle | Unset"
    assert drawing["must_circle"] == "Circle"
    assert hints(models.Framed)["shape"] == "Circle | Square"


# Enums and constants --------------------------------------------------------------------------


def test_enum_members_are_named_after_their_values(models: Any) -> None:
    names = {member.name: member.value for member in models.Colour}

    assert names == {
        "RED": "red",
        "GREEN": "Green",
        "B2": "b2",
        "VALUE_3": "42",
        "VALUE_4": "9lives",
        "LIGHT_BLUE": "light blue",
        "VALUE_6": "",
    }
    assert {member.name: member.value for member in models.Step} == {
        "VALUE_1": 1,
        "VALUE_5": 5,
        "VALUE_NEGATIVE_3": -3,
    }


def test_x_enum_varnames_name_the_members(models: Any) -> None:
    assert {member.name: member.value for member in models.Mood} == {"HAPPY": "h", "SO_SO": "s", "QUITE_MELLOW": "m"}
    assert {member.name: member.value for member in models.Gear} == {"LOW": 1, "HIGH": 2, "BACK_UP": -1}


def test_enum_properties_read_their_members_keep_other_values_and_refuse_other_types(models: Any) -> None:
    """Stock refuses a value its enum does not list; we keep it, as what it is (liberal reading:
    a server adds a value before the spec does), and refuse a value of another type as stock does."""
    palette = models.Palette

    round_trips(palette, {"colour": "Green"}, palette(colour=models.Colour.GREEN))
    round_trips(palette, {"shade": "dark"}, palette(shade=models.PaletteShade.DARK))
    round_trips(palette, {"step": -3}, palette(step=models.Step.VALUE_NEGATIVE_3))
    round_trips(palette, {"notch": 20}, palette(notch=models.PaletteNotch.VALUE_20))
    round_trips(palette, {"colour": "blue", "step": 2}, palette(colour="blue", step=2))
    for wrong in ({"colour": 1}, {"step": "1"}, {"step": 2.5}):
        with pytest.raises(ValueError):
            palette.from_dict(wrong)
    assert hints(palette)["colour"] == "Colour | str | Unset"
    assert hints(models.Swatch)["colour"] == "Colour | str"
    assert hints(models.Swatch)["step"] == "Step | int"


def test_nullable_enums_read_null_as_none(models: Any) -> None:
    maybe = models.Maybe
    # Stock names the enum of a [string, null] type after its first type (its own naming, kept).
    blank = models.BlankType1

    round_trips(maybe, {"colour": "red"}, maybe(colour=models.Colour.RED))
    round_trips(maybe, {"colour": None}, maybe(colour=None))
    round_trips(maybe, {"blank": "y"}, maybe(blank=blank.Y))
    round_trips(maybe, {"blank": None}, maybe(blank=None))
    round_trips(maybe, {"nothing": None}, maybe(nothing=None))
    assert hints(maybe)["colour"] == "Colour | str | None | Unset"


def test_const_properties_take_their_value_only(models: Any) -> None:
    pinned = models.Pinned

    round_trips(pinned, {"author": "Ada", "answer": 42}, pinned(author="Ada", answer=42))
    for wrong in ({"author": "Bob"}, {"answer": 41}):
        with pytest.raises(ValueError):
            pinned.from_dict(wrong)


# Literal enums (literal_enums: true) ------------------------------------------------------------


def test_literal_enums_are_literals_that_keep_other_values_and_refuse_other_types(letters: Any) -> None:
    word = letters.Word

    assert letters.Letter == Literal["x", "X", "y"]
    assert letters.Digit == Literal[1, 2, -7]
    round_trips(word, {"letter": "X"}, word(letter="X"))
    round_trips(word, {"inline": "q", "digit": -7, "inline_digit": 3}, word(inline="q", digit=-7, inline_digit=3))
    round_trips(word, {"letter": "z", "digit": 3}, word(letter="z", digit=3))
    for wrong in ({"letter": 1}, {"digit": "1"}):
        with pytest.raises(TypeError):
            word.from_dict(wrong)
    assert hints(word)["letter"] == "Letter | str | Unset"
    assert hints(letters.Spelled)["letter"] == "Letter | str"


def test_literal_enums_take_defaults_and_null(letters: Any) -> None:
    word = letters.Word

    assert letters.Preset().letter == "X"
    round_trips(word, {"maybe": "y"}, word(maybe="y"))
    round_trips(word, {"maybe": None}, word(maybe=None))
    round_trips(word, {"blank": "x"}, word(blank="x"))
    round_trips(word, {"blank": None}, word(blank=None))
    round_trips(word, {"nothing": None}, word(nothing=None))


# Docstrings -----------------------------------------------------------------------------------


def lines(documented: Any) -> list[str]:
    return [line.strip() for line in documented.__doc__.splitlines()]


def section(documented: Any, title: str) -> list[str]:
    """The lines of one docstring section (``Args:``, ``Returns:``...), up to the blank line after it."""
    text = lines(documented)
    rest = text[text.index(title) + 1 :]
    return rest[: rest.index("")]


def test_a_model_docstring_has_its_description_and_its_attributes(models: Any) -> None:
    assert lines(models.Recipe)[0] == "How to cook a thing."
    assert set(section(models.Recipe, "Attributes:")) == {
        "title (str): What it is called.",
        "serves (int):",
        "notes (str | Unset): Anything else.",
    }


def test_operation_docstrings_say_description_arguments_and_returns(generated: Path) -> None:
    notes = "kitchen_client.api.notes"
    list_notes = importlib.import_module(f"{notes}.list_notes")
    pin_note = importlib.import_module(f"{notes}.pin_note")
    read_line = importlib.import_module(f"{notes}.read_line")
    accept = "accept (ResponseMediaType): The media type asked for (Accept)."
    strict = [
        "strict (bool | None): Refuse a response whose values break a constraint of the spec "
        "(errors.ResponseDecodeError);",
        "False keeps them (logged at DEBUG); None: the client's ``strict``.",
        "max_response_size (int | None): The most bytes of (decoded) response body read, past which",
        "errors.ResponseTooLarge; None: the client's ``max_response_size``.",
    ]

    for function in (list_notes.sync, list_notes.asyncio_detailed):
        assert lines(function)[0] == "Every note on the board."
    assert section(list_notes.sync, "Returns:") == ["Board"]
    assert section(list_notes.sync_detailed, "Returns:") == ["Response[Board]"]
    assert section(pin_note.sync, "Returns:") == ["Board | Refusal"]
    # The body is optional: its docstring says so, as its annotation does.
    assert section(pin_note.sync, "Args:") == [
        "body (Note | Unset): A note to pin.",
        "content_type (RequestMediaType): The media type the body is sent in (Content-Type).",
        accept,
        *strict,
    ]
    assert (
        "body: Note | Unset = UNSET"
        in (generated / "kitchen" / "kitchen_client" / "api" / "notes" / "pin_note.py").read_text()
    )
    assert section(read_line.sync, "Args:") == [
        "note_id (str): The note.",
        "line (int):",
        "trim (bool | Unset): Strip the white space.",
        accept,
        *strict,
    ]


# Operations on the wire -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shelf", "jar", "target"),
    [
        ("top", "jam7", "/shelves/top/jars/jam7"),
        ("a/b", "q?x=1&y", "/shelves/a%2Fb/jars/q%3Fx%3D1%26y"),
        ("left side", "x y", "/shelves/left%20side/jars/x%20y"),
        ("h#1", "j#2", "/shelves/h%231/jars/j%232"),
        ("né", "100%", "/shelves/n%C3%A9/jars/100%25"),
    ],
)
def test_path_parameters_are_percent_encoded_on_the_wire(generated: Path, shelf: str, jar: str, target: str) -> None:
    client_module = importlib.import_module("kitchen_client")
    find_jar = importlib.import_module("kitchen_client.api.notes.find_jar")

    with WireServer() as wire, client_module.Client(base_url=wire.base_url) as client:
        wire.answer(200, "application/json", '{"text": "plum"}')
        parsed = find_jar.sync(shelf, jar, client=client)

    assert wire.last.method == "GET" and wire.last.target == target
    assert parsed == importlib.import_module("kitchen_client.models").Label(text="plum")


class _Watched(httpx.Client):
    """An httpx client of the caller's that counts how it is asked to send."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.calls: list[str] = []

    def request(self, *args: Any, **kwargs: Any) -> httpx.Response:
        self.calls.append("request")
        return super().request(*args, **kwargs)

    def send(self, *args: Any, **kwargs: Any) -> httpx.Response:
        self.calls.append("send")
        return super().send(*args, **kwargs)


def test_requests_go_through_the_callers_client_by_send(generated: Path) -> None:
    client_module = importlib.import_module("kitchen_client")
    find_jar = importlib.import_module("kitchen_client.api.notes.find_jar")

    with WireServer() as wire, _Watched(base_url=wire.base_url) as http:
        client = client_module.Client(base_url=wire.base_url)
        client.set_httpx_client(http)
        wire.answer(200, "application/json", '{"text": "fig"}')
        response = find_jar.sync_detailed("a b", "c", client=client)

    assert http.calls == ["send"]
    assert wire.last.target == "/shelves/a%20b/jars/c"
    assert response.status_code == 200 and response.parsed is not None and response.parsed.text == "fig"


# Refusals -------------------------------------------------------------------------------------

STOCK_DROPS = """
openapi: 3.1.0
info: {title: Drops, version: 1.0.0}
paths: {}
components:
  schemas:
    Dangling:
      type: array
      items: {$ref: "#/components/schemas/Nowhere"}
    Ring:
      type: object
      properties:
        next: {$ref: "#/components/schemas/RingA"}
    RingA: {$ref: "#/components/schemas/RingB"}
    RingB: {$ref: "#/components/schemas/RingA"}
    Fractions:
      enum: [0.5, 1.5]
    Pinned:
      const: yes
      default: no
    Clash:
      type: object
      properties:
        "12": {enum: [a, b]}
    Clash1:
      type: object
      properties:
        "2": {enum: [c, d]}
    Fine:
      type: object
      properties:
        name: {type: string}
"""


def run(spec: Path, config: Path, output: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pca_generator", "generate", f"--spec={spec}", f"--config={config}"]
    return subprocess.run([*command, f"--output={output}", *options], capture_output=True, text=True)


def test_what_has_no_meaning_is_repaired_what_stock_drops_is_said_and_strict_refuses_both(tmp_path: Path) -> None:
    (tmp_path / "drops.yaml").write_text(STOCK_DROPS)
    (tmp_path / "config.yaml").write_text("package_name_override: drops_client\n")

    result = run(tmp_path / "drops.yaml", tmp_path / "config.yaml", tmp_path / "out")
    strict = run(tmp_path / "drops.yaml", tmp_path / "config.yaml", tmp_path / "strict", "--strict")

    assert result.returncode == 0, result.stderr
    warnings = "\n".join(line for line in result.stderr.splitlines() if line.startswith("warning: "))
    for repaired in (
        "#/components/schemas/Dangling/items/$ref: a reference to nowhere",
        "#/components/schemas/RingB/$ref: a cycle of references with no schema in it",
        '#/components/schemas/Pinned/default: "no" is not its const: the default dropped',
    ):
        assert repaired in warnings
    for dropped in (
        "Unable to parse schema /components/schemas/Fractions: Unsupported enum type",
        "Unable to process schema /components/schemas/Clash1:: Found conflicting enums named Clash12",
    ):
        assert f"openapi-python-client dropped a part: {dropped}" in warnings
    models = {path.stem for path in (tmp_path / "out" / "drops_client" / "models").glob("*.py")}
    assert models == {"__init__", "clash", "clash_12", "fine", "ring"}  # all but what stock dropped
    assert "Traceback" not in result.stderr
    assert strict.returncode == 1 and strict.stderr.startswith("error: ") and not (tmp_path / "strict").exists()


def test_an_enum_listing_a_value_twice_keeps_each_value_once(tmp_path: Path) -> None:
    (tmp_path / "twice.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: Twice, version: 1.0.0}\npaths: {}\n"
        "components:\n  schemas:\n    Twice: {type: string, enum: [x, x]}\n"
    )
    (tmp_path / "config.yaml").write_text("package_name_override: twice_client\n")

    result = run(tmp_path / "twice.yaml", tmp_path / "config.yaml", tmp_path / "out")

    assert result.returncode == 0, result.stderr
    assert "#/components/schemas/Twice/enum: values listed twice: each value kept once" in result.stderr
    assert 'X = "x"' in (tmp_path / "out" / "twice_client" / "models" / "twice.py").read_text()


def test_an_openapi_3_1_document_of_components_only_generates(tmp_path: Path) -> None:
    # Valid OpenAPI 3.1 (paths are optional there); stock's parser wants the field.
    (tmp_path / "parts.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: Parts, version: 1.0.0}\n"
        "components:\n  schemas:\n    Part: {type: object, properties: {name: {type: string}}}\n"
    )
    (tmp_path / "config.yaml").write_text("package_name_override: parts_client\n")

    result = run(tmp_path / "parts.yaml", tmp_path / "config.yaml", tmp_path / "out")
    imported = subprocess.run(
        [sys.executable, "-c", "from parts_client.models import Part; print(Part.from_dict({'name': 'cog'}))"],
        capture_output=True,
        text=True,
        cwd=tmp_path / "out",
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert imported.stdout.strip() == "Part(name='cog')"


def test_a_document_of_webhooks_only_says_why_its_package_has_no_operation(tmp_path: Path) -> None:
    (tmp_path / "hooks.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: Hooks, version: 1.0.0}\nwebhooks:\n  newPart:\n    post:\n"
        "      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Part'}}}}\n"
        "      responses: {'200': {description: Taken.}}\n"
        "components:\n  schemas:\n    Part: {type: object, properties: {name: {type: string}}}\n"
    )
    (tmp_path / "config.yaml").write_text("package_name_override: hooks_client\n")

    result = run(tmp_path / "hooks.yaml", tmp_path / "config.yaml", tmp_path / "out")

    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"warning: {tmp_path / 'hooks.yaml'}: webhooks only: they are requests its server sends, not operations "
        "a client calls: the package has their models, and no operation"
    ]
    assert (tmp_path / "out" / "hooks_client" / "models" / "part.py").is_file()
    operations = [path for path in (tmp_path / "out" / "hooks_client").glob("api/*/*.py") if path.stem != "__init__"]
    assert operations == []


def test_a_missing_title_is_repaired_with_a_warning(tmp_path: Path) -> None:
    # Stock refuses the document; the title only names things the configuration can name.
    (tmp_path / "untitled.yaml").write_text("openapi: 3.1.0\ninfo:\n  version: 1.0.0\npaths: {}\n")
    (tmp_path / "config.yaml").write_text("project_name_override: untitled-client\npackage_name_override: untitled\n")
    (tmp_path / "package-only.yaml").write_text("package_name_override: untitled\n")

    result = run(tmp_path / "untitled.yaml", tmp_path / "config.yaml", tmp_path / "out")

    assert result.returncode == 0, result.stderr
    [warning] = result.stderr.splitlines()
    assert re.fullmatch(r"warning: .*untitled\.yaml: line \d+: #/info/title: missing: read as empty", warning)
    nameless = run(tmp_path / "untitled.yaml", tmp_path / "package-only.yaml", tmp_path / "nameless")
    pyproject = (tmp_path / "out" / "pyproject.toml").read_text()
    assert 'name = "untitled-client"' in pyproject
    assert 'description = "A typed client for every documented media type"' in pyproject
    readme = (tmp_path / "out" / "README.md").read_text()
    assert "A typed Python client for an untitled API (API version\n1.0.0)" in readme and "****" not in readme
    # Without a name from the configuration, one line says what to set (not a package named "-client").
    assert nameless.returncode == 1 and not (tmp_path / "nameless").exists()
    assert "gives no info.title to name the package after: set project_name_override" in nameless.stderr
