"""The xml object of a referenced schema over loopback: tests/specs/edge/xml_referenced.yaml.

OpenAPI: a schema's ``xml`` object describes its element (or attribute) wherever the schema is
used. A property that ``$ref``s ``Level`` (``xml: {attribute: true}``) is an attribute, written and
read as one (strictly too); an xml object beside the ``$ref`` wins key by key; the property names
the attribute or element, never the referenced schema. The wire is read with the standard
library, never with the package's codecs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from generator.test_xml_roots import call, edge_project, root_of

from wire import WireServer

STAMPS = "urn:example:stamps"
STATUS = {
    "database": "online",
    "api": "readonly",
    "gpx": "offline",
    "remark": "slow",
    "since": "online",
    "stamp": "t1",
    "zones": ["a", "b"],
}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return edge_project(tmp_path_factory, "xml_referenced")


def test_a_property_of_a_referenced_attribute_schema_is_sent_as_an_attribute(package: Path, wire: WireServer) -> None:
    arguments = (
        "body=Status(database=Level.ONLINE, api=Level.READONLY, gpx=Level.OFFLINE, remark='slow',"
        " since=Level.ONLINE, stamp='t1', zones=['a', 'b']), "
    )
    call(package, wire, "put_status", arguments, ("<status database='online'/>",))

    sent = root_of(wire.seen[-2].body)
    # Each property names its own attribute (``gpx`` by the xml name beside its $ref), not ``level``.
    assert sent.attrib == {"database": "online", "api": "readonly", "gpx-api": "offline", "since": "online"}
    # ``attribute: false`` beside the $ref keeps ``remark`` an element; ``Stamp``'s namespace qualifies its element.
    assert [(child.tag, child.text) for child in sent][:2] == [("remark", "slow"), (f"{{{STAMPS}}}stamp", "t1")]
    # Items named by the xml object beside their $ref.
    assert [item.tag for item in sent[2]] == ["zone", "zone"]


def test_a_property_of_a_referenced_attribute_schema_is_read_from_the_attribute(
    package: Path, wire: WireServer
) -> None:
    answer = (
        f'<status xmlns:s="{STAMPS}" database="online" api="readonly" gpx-api="offline" since="online">'
        "<remark>slow</remark><s:stamp>t1</s:stamp><zones><zone>a</zone><zone>b</zone></zones></status>"
    )
    outcomes = call(package, wire, "put_status", "body=Status(database=Level.ONLINE), ", (answer,))

    assert outcomes == [STATUS, STATUS]  # liberal and strict alike


def test_a_required_attribute_sent_as_an_element_is_missing(package: Path, wire: WireServer) -> None:
    # The spec says ``database`` is an attribute: an element of that name is not it.
    answer = "<status><database>online</database></status>"
    outcomes = call(package, wire, "put_status", "body=Status(database=Level.ONLINE), ", (answer,))

    assert outcomes == ["ResponseDecodeError"] * 2
