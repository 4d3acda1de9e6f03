"""Real specs are rarely valid: the generator repairs what has one meaning, drops what has none,
says each in a ``warning:`` line naming its place, and generates the rest whole; ``--strict``
refuses instead. ``tests/specs/defects/defects.yaml`` carries one of each defect class met in
public specs (each line marked with its class), and the client generated from it is called over
loopback."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from conftest import SPECS
from pca_generator import GenerationError
from pca_generator._spec import read_spec
from wire import WireServer

DEFECTS = SPECS / "defects" / "defects.yaml"
CONFIG = SPECS / "defects" / "defects.config.yaml"

# Each class of defect: the place its warning names and what it says was done.
CLASSES = {
    "tab-after-scalar": (
        "#/components/schemas/Thing/properties/colour/type",
        "tabs where YAML wants spaces: read as spaces",
    ),
    "number-key": (
        "#/paths/~1versions/get/responses/204",
        'a key that YAML read as a number or a boolean (a status code written 200, not "200"): read as text',
    ),
    "null-text": ("#/externalDocs/description", "null where a text is optional: read as absent"),
    "reference-as-text": (
        "#/tags/0/description",
        '{"$ref": "./tags/things.md"} where a text is written: documentation only: left out',
    ),
    "boolean-text-default": (
        "#/paths/~1things~1{id}/get/parameters/1/schema/default",
        '"false" written for a boolean: read as false',
    ),
    "integer-text-default": (
        "#/paths/~1things~1{id}/get/parameters/2/schema/default",
        '"100" written for an integer: read as 100',
    ),
    "default-of-no-meaning": (
        "#/paths/~1things~1{id}/get/parameters/3/schema/default",
        '"auto" cannot be a boolean: the default dropped',
    ),
    "parameter-twice": (
        "#/paths/~1things~1{id}/get/parameters/4",
        "parameter limit in query is listed twice: the first is kept",
    ),
    "default-outside-enum": (
        "#/paths/~1things~1{id}/get/parameters/5/schema/default",
        '"up" is not one of its enum: the default dropped',
    ),
    "number-name": ("#/paths/~1versions/get/parameters/0/name", 'the name 2024 is a number: read as the text "2024"'),
    "required-twice": ("#/components/schemas/Thing/required", "entries listed twice or not names: each name kept once"),
    "pattern-python-cannot-compile": (
        "#/components/schemas/Thing/properties/code/pattern",
        "a pattern Python cannot compile",
    ),
    "reference-to-nowhere": (
        "#/components/schemas/Thing/properties/owner/$ref",
        "a reference to nowhere (#/components/schemas/Nowhere): read as any value",
    ),
    "reference-cycle": (
        "#/components/schemas/Loop/$ref",
        "a cycle of references with no schema in it (#/components/schemas/Loop -> #/components/schemas/Loop): "
        "read as any value",
    ),
    "required-in-property": (
        "#/components/schemas/Thing/properties/size/required",
        "required: true inside a property: moved to its object's required",
    ),
}


def _command(output: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pca_generator", "generate", f"--spec={DEFECTS}", f"--config={CONFIG}"]
    return subprocess.run([*command, f"--output={output}", *extra], capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[subprocess.CompletedProcess[str]]:
    output = tmp_path_factory.mktemp("defects") / "defects"
    run = _command(output)
    sys.path.insert(0, str(output))
    yield run
    sys.path.remove(str(output))


def test_every_class_is_marked_in_the_spec_and_reported_with_its_line(
    generated: subprocess.CompletedProcess[str],
) -> None:
    assert generated.returncode == 0, generated.stderr
    lines = DEFECTS.read_text().splitlines()
    warnings = [line for line in generated.stderr.splitlines() if line.startswith("warning: ")]
    for defect, (pointer, said) in CLASSES.items():
        marked = next(number for number, line in enumerate(lines, 1) if line.endswith(f"# {defect}"))
        assert any(f"line {marked}: {pointer}: {said}" in warning for warning in warnings), defect
    assert len(warnings) == len(CLASSES), generated.stderr


def test_the_repaired_client_sends_the_repaired_defaults_and_reads_the_moved_required(
    generated: subprocess.CompletedProcess[str], wire: WireServer
) -> None:
    from defects_client import Client  # type: ignore[import-not-found, unused-ignore]
    from defects_client.api.default import get_thing, get_versions  # type: ignore[import-not-found, unused-ignore]

    errors = importlib.import_module("defects_client.errors")
    with Client(base_url=wire.base_url) as client:
        wire.answer(
            200, "application/json", '{"name": "n", "size": 3, "code": "NOT lower", "colour": "red", "owner": [1]}'
        )
        thing = get_thing.sync(7, client=client)

        assert wire.last.path == "/things/7" and wire.last.query == "verbose=false&limit=100"
        assert (thing.name, thing.size, thing.code, thing.colour, thing.owner) == ("n", 3, "NOT lower", "red", [1])
        wire.answer(200, "application/json", '{"name": "n"}')  # size is required now
        with pytest.raises(errors.ResponseDecodeError):
            get_thing.sync(7, client=client)
        wire.answer(204)  # no body, no Content-Type, though the spec documents content for it
        answered = get_versions.sync_detailed(client=client, field_2024="x")
        assert (answered.status_code, answered.parsed) == (204, None)
        assert wire.last.query == "2024=x"


def test_strict_refuses_the_spec_listing_every_defect(tmp_path: Path) -> None:
    run = _command(tmp_path / "out", "--strict")

    assert run.returncode == 1 and not (tmp_path / "out").exists()
    first, *causes = run.stderr.splitlines()
    assert re.fullmatch(
        rf"error: .*defects\.yaml is not a valid OpenAPI document \({len(CLASSES)} problems, --strict\): .*", first
    )
    assert len(causes) == len(CLASSES) and all(cause.startswith("  cause: line ") for cause in causes)


ONE_DEFECT = """
openapi: 3.0.3
info: {{title: One, version: "1"}}
paths:
  /things:
    get:
      parameters:
        - {{name: q, in: query, schema: {schema}}}
      responses:
        "200": {{description: OK}}
"""


@pytest.mark.parametrize(
    ("schema", "said"),
    [
        ('{type: boolean, default: "false"}', "read as false"),
        ('{type: integer, default: "100"}', "read as 100"),
        ("{type: number, default: 2.5e1x}", "the default dropped"),
        ("{type: string, default: 100}", 'read as "100"'),
        ("{type: string, enum: [a], default: b}", "the default dropped"),
        ('{type: string, pattern: "a(?i)"}', "the constraint dropped"),
        ("{type: object, properties: {a: {type: string, required: true}}}", "moved to its object's required"),
        ("{type: object, required: [a, a]}", "each name kept once"),
        ("{type: array, items: string}", "where a schema is wanted: read as {type: string}"),
        ("{type: array, items: 3}", "where a schema is wanted: read as any value"),
        ("{type: array, items: false}", "items: false (no item allowed): the constraint dropped"),
        ("{type: int}", 'is not a JSON type: read as "integer"'),
        ("{type: {}}", "is not a JSON type: dropped (any type)"),
        ("{type: string, format: date, default: 2024-13-45}", "is not a date: the default dropped"),
        ("{type: string, enum: [a, a]}", "values listed twice: each value kept once"),
        ("{type: number, enum: [1, 1.0, 2]}", "values listed twice: each value kept once"),
    ],
)
def test_each_schema_defect_is_one_notice_and_strict_refuses_it(tmp_path: Path, schema: str, said: str) -> None:
    spec = tmp_path / "one.yaml"
    spec.write_text(ONE_DEFECT.format(schema=schema))

    notices = read_spec(spec).notices
    assert [notice.action for notice in notices if said in str(notice)] and len(notices) == 1, notices
    with pytest.raises(GenerationError, match=r"1 problem, --strict") as refused:
        read_spec(spec, strict=True)
    assert refused.value.causes == (str(notices[0]),)


def test_blank_lines_holding_spaces_before_a_block_of_text_are_read_as_empty(tmp_path: Path) -> None:
    spec = tmp_path / "blank.yaml"
    spec.write_text(
        'openapi: 3.0.3\ninfo:\n  title: Blank\n  version: "1"\n  description: >\n'
        "       \n    Text after a blank line.\npaths: {}\n"
    )

    read = read_spec(spec)

    document, notices = read.document, read.notices

    assert document["info"]["description"] == "\nText after a blank line.\n"
    assert [str(notice) for notice in notices] == [
        "line 6: #/info/description: blank lines holding spaces in a block of text: read as empty"
    ]


@pytest.mark.parametrize(
    "schema",
    [
        '{type: [integer, string], default: "5"}',  # valid as a string: 3.1's type lists
        "{type: [string, 'null'], default: null}",
        "{type: string, format: date-time, default: '2016-12-31T23:59:60Z'}",  # RFC 3339's leap second
        "{type: string, format: date-time, default: '2020-01-01t00:00:00z'}",
        "{type: string, format: date, default: 2020-01-01}",  # text in YAML 1.2
    ],
)
def test_a_valid_default_is_left_as_it_is(tmp_path: Path, schema: str) -> None:
    spec = tmp_path / "valid.yaml"
    spec.write_text(ONE_DEFECT.format(schema=schema).replace("openapi: 3.0.3", "openapi: 3.1.0"))
    written = yaml.safe_load(ONE_DEFECT.format(schema=schema.replace("2020-01-01}", "'2020-01-01'}")))

    read = read_spec(spec)

    document, notices = read.document, read.notices

    parameter = document["paths"]["/things"]["get"]["parameters"][0]
    assert parameter["schema"]["default"] == written["paths"]["/things"]["get"]["parameters"][0]["schema"]["default"]
    # (openapi-spec-validator itself refuses RFC 3339's leap second: its notice leaves the value as is)
    assert all(notice.action == "left as is" for notice in notices), notices


def test_numbers_read_as_text_keep_what_was_written(tmp_path: Path) -> None:
    spec = tmp_path / "numbers.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: Numbers, version: 1.10}\npaths:\n  /things:\n    get:\n      parameters:\n"
        "        - {name: q, in: query, schema: {type: string, default: 010}}\n"
        "        - {name: r, in: query, schema: {type: number, default: '1e400'}}\n"
        "      responses:\n        '200': {description: OK}\n"
    )

    read = read_spec(spec)

    document, notices = read.document, read.notices

    assert document["info"]["version"] == "1.10"
    q, r = document["paths"]["/things"]["get"]["parameters"]
    assert q["schema"]["default"] == "010" and "default" not in r["schema"]  # no JSON number is infinite
    assert [notice.action for notice in notices] == ['read as "1.10"', 'read as "010"', "the default dropped"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("a: &a [*a]\n", "nested too deep, or an anchor that holds itself"),
        ("a: &a\n  b: *a\n", "nested too deep, or an anchor that holds itself"),  # (YAML 1.1's would too)
        ('{"a": ' * 100_000 + "1" + "}" * 100_000, "nested too deep"),
        (
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Deep: "
            + "{type: object, properties: {a: " * 400
            + "{type: string}"
            + "}}" * 400,
            "nested too deep",
        ),
        (
            "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 10)}]\n" for n in range(8)),
            "its aliases expand beyond any spec's size",
        ),
    ],
)
def test_a_document_that_holds_itself_or_explodes_is_one_error_line(tmp_path: Path, text: str, said: str) -> None:
    spec = tmp_path / "bomb.yaml"
    spec.write_text(text)

    with pytest.raises(GenerationError, match=re.escape(said)):
        read_spec(spec)


def test_a_key_given_twice_is_said_and_the_first_kept_in_yaml_and_json(tmp_path: Path) -> None:
    body = ONE_DEFECT.format(schema="{type: string}").replace("openapi: 3.0.3", "openapi: 3.0.3\nopenapi: 3.1.0")
    (tmp_path / "twice.yaml").write_text(body)
    (tmp_path / "twice.json").write_text(
        '{"openapi": "3.0.3", "openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}'
    )

    for name in ("twice.yaml", "twice.json"):
        read = read_spec(tmp_path / name)
        document, notices = read.document, read.notices
        assert document["openapi"] == "3.0.3" and "given twice" in str(notices[0]), notices
        with pytest.raises(GenerationError, match="--strict"):
            read_spec(tmp_path / name, strict=True)


def test_a_percent_encoded_reference_is_followed(tmp_path: Path) -> None:
    spec = tmp_path / "percent.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    My Thing: {type: integer}\n    Other: {$ref: '#/components/schemas/My%20Thing'}\n"
    )

    read = read_spec(spec, strict=True)

    document, notices = read.document, read.notices

    assert notices == () and document["components"]["schemas"]["Other"] == {"$ref": "#/components/schemas/My%20Thing"}


def test_yaml_is_read_as_yaml_1_2(tmp_path: Path) -> None:
    spec = tmp_path / "words.yaml"
    spec.write_text(ONE_DEFECT.format(schema="{type: string, enum: [on, off, yes, no]}"))

    read = read_spec(spec)

    document, notices = read.document, read.notices

    assert notices == ()
    parameter = document["paths"]["/things"]["get"]["parameters"][0]
    assert parameter["schema"]["enum"] == ["on", "off", "yes", "no"]  # YAML 1.1 read four booleans
    spec.write_text(ONE_DEFECT.format(schema="{type: string, format: date, default: 2024-01-02}"))
    read = read_spec(spec)
    document, notices = read.document, read.notices
    assert notices == ()
    assert document["paths"]["/things"]["get"]["parameters"][0]["schema"]["default"] == "2024-01-02"  # not a date


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("{not json", "neither YAML nor JSON (line 1, column"),
        ("openapi: [unclosed", "neither YAML nor JSON"),
        ("- a list", "not an OpenAPI document (not a mapping"),
        ("info: {title: t}", "has no `openapi` field, so it is not an OpenAPI document"),
        ('swagger: "2.0"\ninfo: {title: t}', "is a Swagger 2.0 document, not OpenAPI 3: convert it"),
        ("openapi: 2.5.0", "is OpenAPI 2.5.0: this generator reads OpenAPI 3.0 and 3.1"),
    ],
)
def test_only_an_unreadable_document_is_refused_with_one_line(tmp_path: Path, text: str, said: str) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text(text)

    with pytest.raises(GenerationError, match=re.escape(said)) as refused:
        read_spec(spec)
    assert "\n" not in str(refused.value)


def test_a_path_parameter_named_as_its_variable_but_for_case_is_that_variable(tmp_path: Path) -> None:
    spec = tmp_path / "case.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /orgs/{orgId}/users:\n    get:\n"
        "      parameters:\n        - {in: path, name: orgID, required: true, schema: {type: string}}\n"
        "      responses: {'204': {description: none}}\n"
    )

    read = read_spec(spec)

    assert read.document["paths"]["/orgs/{orgId}/users"]["get"]["parameters"][0]["name"] == "orgId"
    assert [str(notice) for notice in read.notices] == [
        "line 7: #/paths/~1orgs~1{orgId}~1users/get/parameters/0/name: orgID is not a variable of the path, "
        "{orgId} is: read as orgId"
    ]


def test_all_of_one_reference_to_a_non_object_and_a_description_is_that_reference(tmp_path: Path) -> None:
    """The 3.0 way to describe a reference; openapi-python-client takes ``allOf`` of objects only."""
    spec = tmp_path / "described.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    Language: {type: string, enum: [de, en]}\n"
        "    Job:\n      type: object\n      properties:\n"
        "        source: {allOf: [{$ref: '#/components/schemas/Language'}, {description: The source.}]}\n"
    )

    read = read_spec(spec, strict=True)

    assert read.notices == ()
    assert read.document["components"]["schemas"]["Job"]["properties"]["source"] == {
        "allOf": [{"$ref": "#/components/schemas/Language"}],
        "description": "The source.",
    }


def test_a_parameter_content_of_two_media_types_keeps_the_first_and_a_second_case_variant_stays(
    tmp_path: Path,
) -> None:
    spec = tmp_path / "two.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /items/{itemId}:\n    get:\n      parameters:\n"
        "        - {in: path, name: ItemId, required: true, schema: {type: string}}\n"
        "        - {in: path, name: ITEMID, required: true, schema: {type: string}}\n"
        "        - name: filter\n          in: query\n          content:\n"
        "            application/json: {schema: {type: object}}\n            text/plain: {schema: {type: string}}\n"
        "      responses: {'204': {description: none}}\n"
    )

    read = read_spec(spec)

    parameters = read.document["paths"]["/items/{itemId}"]["get"]["parameters"]
    assert [parameter["name"] for parameter in parameters] == ["itemId", "ITEMID", "filter"]
    assert list(parameters[2]["content"]) == ["application/json"] and "schema" in parameters[2]
    said = [str(notice) for notice in read.notices]
    assert said[:2] == [
        "line 11: #/paths/~1items~1{itemId}/get/parameters/2/content: 2 media types, where a parameter has one: "
        "the first, application/json, kept",
        "line 7: #/paths/~1items~1{itemId}/get/parameters/0/name: ItemId is not a variable of the path, "
        "{itemId} is: read as itemId",
    ]
    assert "'ITEMID'" in said[2]  # left as written, and said by the validator
