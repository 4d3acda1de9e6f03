"""Two ``allOf`` shapes real specs use, read as their authors mean them:

* ``allOf`` of one reference with properties beside it (the OpenStreetMap API's answers) is the
  reference and those properties together: openapi-python-client read the reference alone and
  typed the answer by it, the properties left in ``additional_properties``
  (tests/specs/edge/allof_beside_one_reference.yaml);
* ``allOf`` of a reference and a part that says ``nullable: true`` beside the referenced schema's
  own type, annotations, or properties of its own (the Asana API's nullable references) takes null:
  a server's ``null`` was refused (tests/specs/edge/allof_nullable_typed.yaml, and its 3.1 copy).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any, get_type_hints

import pytest

from conftest import edge_package
from wire import WireServer, canonical

_NULLABLE = ("allof_nullable_typed", "allof_nullable_typed_31")


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with ExitStack() as stack:
        yield {
            spec: stack.enter_context(edge_package(tmp_path_factory.mktemp(spec), spec))
            for spec in ("allof_beside_one_reference", *_NULLABLE)
        }


@pytest.fixture
def beside(packages: dict[str, Any]) -> Any:
    return packages["allof_beside_one_reference"]


@pytest.fixture(params=_NULLABLE)
def nullable(packages: dict[str, Any], request: pytest.FixtureRequest) -> Any:
    """The package of the 3.0 spec, and of its 3.1 copy."""
    return packages[request.param]


def test_properties_beside_one_reference_are_the_model_s_with_the_reference_s(beside: Any) -> None:
    from allof_beside_one_reference.models import (  # type: ignore[import-not-found]
        CapabilitiesResponse,
        CapabilitiesResponseApi,
    )

    hints = get_type_hints(CapabilitiesResponse.__init__, {**vars(beside.types), **vars(beside.models)})

    assert hints["version"] is str and hints["api"] is CapabilitiesResponseApi  # both required
    assert hints["generator"] == str | beside.types.Unset
    assert CapabilitiesResponse.__doc__.startswith("The server's limits.")  # the description beside stays


@pytest.mark.parametrize(
    ("media_type", "body"),
    [
        ("application/json", '{"version": "0.6", "generator": "g", "api": {"area": 0.25, "status": "readonly"}}'),
        (
            "application/xml",
            '<osm version="0.6" generator="g"><api><area>0.25</area><status>readonly</status></api></osm>',
        ),
    ],
)
def test_an_answer_reads_the_referenced_and_the_sibling_properties(
    beside: Any, wire: WireServer, media_type: str, body: str
) -> None:
    from allof_beside_one_reference.api.default import get_capabilities  # type: ignore[import-not-found]
    from allof_beside_one_reference.models import CapabilitiesResponse, CapabilitiesResponseApiStatus

    wire.answer(200, media_type, body)
    with beside.Client(base_url=wire.base_url) as client:
        answer = get_capabilities.sync(client=client, accept=media_type, strict=True)

    assert isinstance(answer, CapabilitiesResponse)
    assert (answer.version, answer.generator) == ("0.6", "g")
    assert (answer.api.area, answer.api.status) == (0.25, CapabilitiesResponseApiStatus.READONLY)
    assert answer.additional_properties == {}


def test_a_body_beside_one_reference_is_sent_under_the_outer_xml_name(beside: Any, wire: WireServer) -> None:
    from allof_beside_one_reference.api.default import put_capabilities
    from allof_beside_one_reference.models import CapabilitiesResponse, CapabilitiesResponseApi

    wire.answer(204)
    with beside.Client(base_url=wire.base_url) as client:
        put_capabilities.sync_detailed(
            client=client, body=CapabilitiesResponse(version="0.6", api=CapabilitiesResponseApi(area=1.5))
        )

    assert wire.last.xml() == canonical('<osm version="0.6"><api><area>1.5</area></api></osm>')


def test_an_inline_answer_beside_one_reference_reads_both(beside: Any, wire: WireServer) -> None:
    from allof_beside_one_reference.api.default import get_permissions, get_versions

    wire.answer(200, "application/json", '{"version": "0.6", "permissions": ["allow_read_prefs"]}')
    wire.answer(200, "application/json", '{"version": "0.6", "versions": ["0.6"]}')  # (beside oneOf one reference)
    with beside.Client(base_url=wire.base_url) as client:
        permitted, versions = get_permissions.sync(client=client, strict=True), get_versions.sync(client=client)

    assert (permitted.version, permitted.permissions, permitted.additional_properties) == (
        "0.6",
        ["allow_read_prefs"],
        {},
    )
    assert (versions.version, versions.versions, versions.additional_properties) == ("0.6", ["0.6"], {})


@pytest.mark.parametrize("strict", [False, True])
def test_a_reference_a_part_makes_nullable_reads_null_and_the_model(
    nullable: Any, wire: WireServer, strict: bool
) -> None:
    get_goal = importlib.import_module(f"{nullable.__name__}.api.default.get_goal")
    Goal, GoalParentType0, User = nullable.models.Goal, nullable.models.GoalParentType0, nullable.models.User

    owner = {"gid": "u1", "name": "Ann"}
    wire.answer(200, "application/json", json.dumps({"gid": "g1", "owner": None, "reviewer": None, "parent": None}))
    wire.answer(
        200,
        "application/json",
        json.dumps({"gid": "g2", "owner": owner, "reviewer": owner, "parent": {"gid": "u2", "team": None}}),
    )
    with nullable.Client(base_url=wire.base_url) as client:
        empty, full = (
            get_goal.sync("g1", client=client, strict=strict),
            get_goal.sync("g2", client=client, strict=strict),
        )

    assert empty == Goal(gid="g1", owner=None, reviewer=None, parent=None)
    assert full.owner == User(gid="u1", name="Ann") and full.reviewer == User(gid="u1", name="Ann")
    assert isinstance(full.parent, GoalParentType0) and (full.parent.gid, full.parent.team) == ("u2", None)


def test_a_nullable_reference_still_refuses_what_is_neither(nullable: Any, wire: WireServer) -> None:
    get_goal = importlib.import_module(f"{nullable.__name__}.api.default.get_goal")

    wire.answer(200, "application/json", '{"gid": "g1", "owner": "Ann"}')
    with (
        nullable.Client(base_url=wire.base_url) as client,
        pytest.raises(nullable.errors.ResponseDecodeError) as raised,
    ):
        get_goal.sync("g1", client=client, strict=True)

    assert "$.owner" in str(raised.value)


def test_a_part_s_annotations_describe_the_nullable_reference(nullable: Any) -> None:
    Goal, User = nullable.models.Goal, nullable.models.User
    hints = get_type_hints(Goal.__init__, {**vars(nullable.types), **vars(nullable.models)})

    assert hints["owner"] == User | None | nullable.types.Unset
    assert "reviewer (None | Unset | User): The user who reviews the goal, or null." in Goal.__doc__
