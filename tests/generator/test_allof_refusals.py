"""What openapi-python-client refuses in an ``allOf`` (OpenAI's spec has each) is generated, and what
it still drops never leaves a package that fails to import:

* a union option naming a model the parser drops is left out of the union, with a warning
  (tests/specs/edge/union_of_dropped.yaml), and a package naming a module it lacks is refused;
* enums of one property, in two parts, neither holding the other's values, take the values both
  take (tests/specs/edge/allof_enums.yaml);
* ``allOf: [{$ref: <a union or an object>}, {nullable: true}]`` is the nullable reference, in
  OpenAPI 3.1 and 3.0 (tests/specs/edge/allof_nullable_union*.yaml);
* inline options titled alike in two components' unions each have a class (one's component key,
  made from its title, holds a space: tests/specs/edge/option_titles_across_unions.yaml).
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_type_hints

import pytest

from conftest import SPECS, edge_package
from pca_generator._dangling import check_names
from pca_generator._errors import GenerationError
from wire import WireServer


@pytest.fixture(scope="module")
def dropped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with edge_package(tmp_path_factory.mktemp("union_of_dropped"), "union_of_dropped") as package:
        yield package


@pytest.fixture(scope="module")
def enums(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with edge_package(tmp_path_factory.mktemp("allof_enums"), "allof_enums") as package:
        yield package


def test_every_module_of_a_package_whose_union_named_a_dropped_model_imports(dropped: Any) -> None:
    modules = [info.name for info in pkgutil.walk_packages(dropped.__path__, "union_of_dropped.")]

    for name in modules:
        importlib.import_module(name)  # (raised ModuleNotFoundError: ...models.broken)
    assert "union_of_dropped.api.default.get_item" in modules
    assert not (Path(dropped.__path__[0]) / "models" / "broken.py").exists()


def test_a_union_without_its_dropped_option_reads_its_other_options(dropped: Any, wire: WireServer) -> None:
    from union_of_dropped.api.default import get_item, list_items  # type: ignore[import-not-found]
    from union_of_dropped.models import ItemList, Message  # type: ignore[import-not-found]

    message = {"type": "message", "text": "hi"}
    wire.answer(200, "application/json", json.dumps(message))
    wire.answer(200, "application/json", json.dumps({"data": [message, message], "first": message}))
    with dropped.Client(base_url=wire.base_url) as client:
        item = get_item.sync("a", client=client)
        listed = list_items.sync(client=client)

    assert isinstance(item, Message)
    assert item.text == "hi"
    assert isinstance(listed, ItemList)
    assert [entry.text for entry in listed.data] == ["hi", "hi"]
    assert get_type_hints(ItemList.__init__, {**vars(dropped.types), **vars(dropped.models)})["data"] == list[Message]


def test_the_option_left_out_is_said_with_its_place(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("package_name_override: union_of_dropped\n")
    spec = SPECS / "edge" / "union_of_dropped.yaml"
    command = [sys.executable, "-m", "pca_generator", "generate", f"--spec={spec}", f"--config={config}"]
    run = subprocess.run([*command, f"--output={tmp_path / 'out'}"], capture_output=True, text=True)

    assert run.returncode == 0, run.stderr
    assert (
        f"warning: {spec}: line 39: #/components/schemas/Item/oneOf: its option #/components/schemas/Broken is a "
        "model openapi-python-client drops (said below): generated without that option"
    ) in run.stderr.splitlines()
    assert "#/components/schemas/Broken: openapi-python-client dropped a part" in run.stderr


def test_the_names_check_refuses_only_what_is_missing(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "models").mkdir(parents=True)
    (package / "__init__.py").write_text("from . import models\nfrom .models.here import Here\n")
    (package / "models" / "__init__.py").write_text("from .here import Here\n")
    (package / "models" / "here.py").write_text('Here = 1\nDESCRIBED = \'_schema.EnumRef("models.here", "Here")\'\n')
    check_names(package)  # everything it names exists

    (package / "api").mkdir()
    (package / "api" / "__init__.py").write_text("")
    (package / "api" / "get.py").write_text(
        '    from ..models.gone import Gone\nX = _schema.ModelRef("models.away", "Away")\n'
    )
    with pytest.raises(GenerationError) as refused:
        check_names(package)

    said = str(refused.value)
    assert "models.gone (named in api/get.py)" in said
    assert "models.away (named in api/get.py)" in said
    assert "a defect of the generator" in said


def test_enums_of_one_property_with_values_apart_take_the_values_both_take(enums: Any, wire: WireServer) -> None:
    from allof_enums.api.default import get_item, put_output  # type: ignore[import-not-found]
    from allof_enums.models import OutputResource, OutputResourceStatus  # type: ignore[import-not-found]

    hints = get_type_hints(OutputResource.__init__, {**vars(enums.types), **vars(enums.models)})
    assert OutputResourceStatus in hints["status"].__args__
    assert sorted(member.value for member in OutputResourceStatus) == ["completed", "incomplete"]
    status = OutputResourceStatus

    wire.answer(200, "application/json", json.dumps({"type": "output", "id": "o1", "status": "completed"}))
    wire.answer(204)
    with enums.Client(base_url=wire.base_url) as client:
        item = get_item.sync("o1", client=client)
        body = OutputResource(type_=item.type_, id="o1", status=status("incomplete"))
        put_output.sync_detailed("o1", client=client, body=body)

    assert isinstance(item, OutputResource)
    assert (item.id, item.status) == ("o1", status.COMPLETED)
    assert wire.last.json() == {"type": "output", "id": "o1", "status": "incomplete"}


@pytest.mark.parametrize("spec", ["allof_nullable_union", "allof_nullable_union_30"])
def test_a_reference_made_nullable_by_a_part_of_an_allof_takes_null_and_what_it_names(
    spec: str, tmp_path: Path, wire: WireServer
) -> None:
    with edge_package(tmp_path, spec) as package:
        create_run = importlib.import_module(f"{spec}.api.default.create_run")
        models = importlib.import_module(f"{spec}.models")
        answers = [
            {"id": "r1", "tool_choice": None, "truncation": None},
            {"id": "r2", "tool_choice": {"name": "search"}, "truncation": {"type": "auto"}},
            {"id": "r3", "tool_choice": "auto", "truncation": None},
        ]
        for answer in answers:
            wire.answer(200, "application/json", json.dumps(answer))
        body = models.Run(id="r", tool_choice=None, truncation=None)
        with package.Client(base_url=wire.base_url) as client:
            runs = [create_run.sync(client=client, body=body) for _ in answers]

        assert wire.last.json() == {"id": "r", "tool_choice": None, "truncation": None}
        assert [run.tool_choice for run in runs] == [None, models.NamedTool(name="search"), "auto"]
        assert [run.truncation for run in runs] == [None, models.Truncation(type_="auto"), None]


def test_inline_options_titled_alike_in_two_unions_each_have_their_class(tmp_path: Path, wire: WireServer) -> None:
    with edge_package(tmp_path, "option_titles_across_unions") as package:
        from option_titles_across_unions.api.default import get_a, get_b  # type: ignore[import-not-found]
        from option_titles_across_unions.models import (  # type: ignore[import-not-found]
            ApproximateLocation,
            BetaHolder,
            BetaLocationApproximateLocation,
        )

        wire.answer(200, "application/json", json.dumps({"location": {"city": "Oslo"}}))
        wire.answer(200, "application/json", json.dumps({"location": {"city": None}}))
        with package.Client(base_url=wire.base_url) as client:
            a, b = get_a.sync(client=client), get_b.sync(client=client)

    assert isinstance(a.location, ApproximateLocation)
    assert a.location.city == "Oslo"
    assert isinstance(b, BetaHolder)
    assert isinstance(b.location, BetaLocationApproximateLocation)
    assert b.location.city is None
