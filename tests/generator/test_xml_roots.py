"""XML roots and namespaces over loopback: tests/specs/edge/xml_roots.yaml, called both ways.

A request's root element is the one the spec names: the schema's ``xml.name``, or that of the
schema an ``allOf`` (or an inline body) refers to, else the component's name. A response is read
liberally: a root the spec names no element for under any name, elements qualified by a default
namespace or by a prefix bound to the namespace the spec declares (or the one their parent
arrived in) as the same elements, and, unless read strictly, elements in a namespace the spec
does not declare. The wire is read with the standard library, never with the package's codecs.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest
from generator.test_any_spec import _calls

from conftest import SPECS, generate
from wire import WireServer

XML = "application/xml"
BOOKING = {"id": 1, "guest": "Ann", "nights": 2}
RECEIPT = {"id": 7, "total": 9.5, "lines": ["a", "b"]}
RECEIPTS = "urn:example:receipts"


def edge_project(factory: pytest.TempPathFactory, spec: str) -> Path:
    """The project generated from ``specs/edge/<spec>.yaml``: a folder ``<spec>`` holding the
    package ``edge_<spec>`` (what :func:`call` imports)."""
    root = factory.mktemp(spec)
    config = root / "config.yaml"
    config.write_text(f"project_name_override: edge-{spec}\npackage_name_override: edge_{spec}\n")
    generate(SPECS / "edge" / f"{spec}.yaml", root / spec, config)
    return root / spec


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return edge_project(tmp_path_factory, "xml_roots")


CALLS = """
import json, sys
from {module} import Client, errors
from {module}.api.default import {operation}
from {module}.models import *

def plain(value):
    return [plain(item) for item in value] if isinstance(value, list) else value.to_dict()

outcomes = []
with Client(base_url={base_url!r}) as client:
    for strict in {modes!r}:
        try:
            outcomes.append(plain({operation}.sync(client=client, {arguments}strict=strict)))
        except errors.ResponseDecodeError as error:
            outcomes.append(type(error).__name__)
print(json.dumps(outcomes))
"""


def call(
    package: Path,
    wire: WireServer,
    operation: str,
    arguments: str = "",
    answers: tuple[str, ...] = (),
    status: int = 200,
) -> list[Any]:
    """Call ``operation`` once per answer (liberally) and once more strictly, as a user's program
    does; what each call returned (as JSON data) or the error it raised."""
    modes = [False, True] * len(answers) if answers else [False]
    for body in answers:
        wire.answer(status, XML, body)
        wire.answer(status, XML, body)
    # (the package of an edge spec's folder ``x`` is ``edge_x``: see edge_project)
    module = f"edge_{package.name}"
    code = CALLS.format(module=module, operation=operation, base_url=wire.base_url, modes=modes, arguments=arguments)
    run = _calls(package, code)
    assert run.returncode == 0, run.stderr
    outcomes: list[Any] = json.loads(run.stdout)
    return outcomes


def root_of(body: bytes) -> ElementTree.Element:
    return ElementTree.fromstring(body)


# Writing: the request's root is the element the spec names -------------------------------------


def test_a_booking_is_sent_as_the_element_its_xml_name_gives(package: Path, wire: WireServer) -> None:
    answer = "<booking><id>1</id><guest>Ann</guest><nights>2</nights><created>now</created></booking>"
    outcomes = call(package, wire, "create_booking", "body=Booking(guest='Ann', id=1, nights=2), ", (answer,), 201)

    sent = root_of(wire.seen[-2].body)
    assert (sent.tag, [child.tag for child in sent]) == ("booking", ["id", "guest", "nights"])
    assert outcomes == [{**BOOKING, "created": "now"}] * 2


def test_an_allof_body_is_sent_as_the_element_of_the_schema_it_refers_to(package: Path, wire: WireServer) -> None:
    arguments = "body=DraftBookingBody(guest='Ann', note='late'), "
    call(package, wire, "draft_booking", arguments, ("<state/>",))

    sent = root_of(wire.seen[-2].body)
    assert (sent.tag, [(child.tag, child.text) for child in sent]) == ("booking", [("guest", "Ann"), ("note", "late")])


def test_a_namespaced_schema_is_sent_in_its_namespace_with_its_prefix(package: Path, wire: WireServer) -> None:
    call(package, wire, "file_receipt", "body=Receipt(id=7, total=9.5, lines=['a', 'b']), ", ("<receipt/>",))

    body = wire.seen[-2].body
    sent = root_of(body)
    assert sent.tag == "{urn:example:receipts}receipt"  # as a server's namespace-aware parser sees it
    assert sent.attrib == {"id": "7"}
    assert [child.tag for child in sent] == ["total", "lines"]  # OpenAPI: a prefix qualifies only its element
    assert wire.seen[-2].xml() == (
        '<r:receipt xmlns:r="urn:example:receipts" id="7"><total>9.5</total>'
        "<lines><line>a</line><line>b</line></lines></r:receipt>"
    )


def test_a_schema_that_names_no_element_is_sent_under_its_component_name(package: Path, wire: WireServer) -> None:
    call(package, wire, "add_note", "body=Note(text='hi'), ", ("<notes/>",))

    assert root_of(wire.seen[-2].body).tag == "Note"


# Reading: the same elements, however the server names and qualifies them -----------------------


@pytest.mark.parametrize(
    "answer",
    [
        "<booking><id>1</id><guest>Ann</guest><nights>2</nights><created>now</created></booking>",
        # a server that qualifies its elements in the namespace of its parent, by prefix
        '<b:booking xmlns:b="urn:b"><b:id>1</b:id><b:guest>Ann</b:guest><b:nights>2</b:nights>'
        "<b:created>now</b:created></b:booking>",
    ],
    ids=["as-written", "prefixed"],
)
def test_an_allof_response_is_read_from_the_referenced_element(package: Path, wire: WireServer, answer: str) -> None:
    outcomes = call(package, wire, "create_booking", "body=Booking(guest='Ann'), ", (answer,), status=201)

    liberal, strict = outcomes
    assert liberal == {**BOOKING, "created": "now"}
    # The root is in a namespace the spec does not declare: only a strict read refuses it.
    assert strict == (liberal if answer.startswith("<booking>") else "ResponseDecodeError")


def test_a_root_in_a_default_namespace_is_read_as_the_same_elements(package: Path, wire: WireServer) -> None:
    answer = '<booking xmlns="urn:x"><id>1</id><guest>Ann</guest><created>now</created></booking>'
    liberal, strict = call(package, wire, "create_booking", "body=Booking(guest='Ann'), ", (answer,), status=201)

    assert liberal == {"id": 1, "guest": "Ann", "created": "now"}
    assert strict == "ResponseDecodeError"


def test_a_named_root_of_another_name_is_refused_either_way(package: Path, wire: WireServer) -> None:
    answer = "<invoice><id>1</id><guest>Ann</guest></invoice>"
    outcomes = call(package, wire, "create_booking", "body=Booking(guest='Ann'), ", (answer,), status=201)

    assert outcomes == ["ResponseDecodeError"] * 2


@pytest.mark.parametrize(
    "answer",
    [
        "<response_200><id>3</id><state>draft</state></response_200>",
        "<draft><id>3</id><state>draft</state></draft>",
        '<d:draft xmlns:d="urn:d"><d:id>3</d:id><d:state>draft</d:state></d:draft>',
        '<draft xmlns="urn:d"><id>3</id><state>draft</state></draft>',
    ],
)
def test_an_inline_response_names_no_element_and_is_read_under_any_name(
    package: Path, wire: WireServer, answer: str
) -> None:
    outcomes = call(package, wire, "draft_booking", "body=DraftBookingBody(guest='Ann'), ", (answer,))

    assert outcomes == [{"id": 3, "state": "draft"}] * 2  # strict too: the spec names no root


def test_a_root_array_the_spec_names_no_element_for_reads_any_names(package: Path, wire: WireServer) -> None:
    answer = '<notes xmlns="urn:n"><note><text>a</text></note><Note><text>b</text></Note><n><text>c</text></n></notes>'
    outcomes = call(package, wire, "add_note", "body=Note(), ", (answer,))

    assert outcomes == [[{"text": "a"}, {"text": "b"}, {"text": "c"}]] * 2


def test_a_named_root_array_reads_its_items_by_name(package: Path, wire: WireServer) -> None:
    answers = (
        "<bookings><booking><guest>Ann</guest></booking><booking><guest>Bo</guest></booking></bookings>",
        '<bookings xmlns="urn:b"><booking><guest>Ann</guest></booking><booking><guest>Bo</guest></booking></bookings>',
        "<bookings><booking><guest>Ann</guest></booking><guest>Bo</guest></bookings>",
    )
    outcomes = call(package, wire, "list_bookings", "", answers)

    both = [{"guest": "Ann"}, {"guest": "Bo"}]
    assert outcomes[:2] == [both, both]
    assert outcomes[2:4] == [both, "ResponseDecodeError"]  # the namespace is the server's own
    assert outcomes[4:] == ["ResponseDecodeError"] * 2  # an element that is no booking


RECEIPT_ANSWERS = {
    "as-written": f'<r:receipt xmlns:r="{RECEIPTS}" id="7"><total>9.5</total>'
    "<lines><line>a</line><line>b</line></lines></r:receipt>",
    "default-namespace": f'<receipt xmlns="{RECEIPTS}" id="7"><total>9.5</total>'
    "<lines><line>a</line><line>b</line></lines></receipt>",
    "prefix-everywhere": f'<p:receipt xmlns:p="{RECEIPTS}" id="7"><p:total>9.5</p:total>'
    "<p:lines><p:line>a</p:line><p:line>b</p:line></p:lines></p:receipt>",
}


@pytest.mark.parametrize("answer", RECEIPT_ANSWERS.values(), ids=RECEIPT_ANSWERS.keys())
def test_elements_qualified_in_the_declared_namespace_are_the_same_elements(
    package: Path, wire: WireServer, answer: str
) -> None:
    outcomes = call(package, wire, "file_receipt", "body=Receipt(), ", (answer,))

    assert outcomes == [RECEIPT] * 2  # strict too: the namespace is the one the spec declares


def test_an_element_in_a_namespace_the_spec_does_not_declare_is_read_only_liberally(
    package: Path, wire: WireServer
) -> None:
    answer = f'<receipt xmlns="{RECEIPTS}" xmlns:o="urn:other" id="7"><o:total>9.5</o:total></receipt>'
    outcomes = call(package, wire, "file_receipt", "body=Receipt(), ", (answer,))

    assert outcomes == [{"id": 7, "total": 9.5}, "ResponseDecodeError"]
