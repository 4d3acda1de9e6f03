"""References openapi-python-client reads as something else, in a union or an ``allOf`` (Box's and
Dropbox Sign's specs have each), are generated, and the package always generates:

* a component's union left with one option, once a model the parser drops is left out of it, is
  that option, and the option's model is kept; an ``allOf`` of one inline enum is that enum, not an
  empty model (tests/specs/edge/union_left_one_option.yaml);
* an object that takes null too, and an object that is a union, as a part of an ``allOf``; a part
  saying only a specification extension (tests/specs/edge/allof_nullable_parts.yaml);
* a property declared alike in two parts, one of them a referenced part read as a copy
  (tests/specs/edge/allof_declared_twice.yaml);
* enum values the generator names alike (tests/specs/edge/enum_names_alike.yaml).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, get_type_hints

from conftest import SPECS, edge_package, generate
from wire import WireServer


def _hints(package: Any, model: Any) -> dict[str, Any]:
    return get_type_hints(model.__init__, {**vars(package.types), **vars(package.models)})


def test_a_union_left_with_one_option_is_that_option_and_keeps_its_model(tmp_path: Path, wire: WireServer) -> None:
    with edge_package(tmp_path, "union_left_one_option") as package:
        from union_left_one_option.api.default import get_folder, run_query, search  # type: ignore[import-not-found]
        from union_left_one_option.models import Folder, Link  # type: ignore[import-not-found]

        folder = {"id": "f1", "type": "folder", "name": "Docs", "sync_state": "synced"}
        link = {"id": "l1", "type": "web_link", "url": "https://example.org"}
        wire.answer(200, "application/json", json.dumps({"entries": [folder]}))
        wire.answer(200, "application/json", json.dumps({"entries": [folder, link]}))
        wire.answer(200, "application/json", json.dumps(folder))
        with package.Client(base_url=wire.base_url) as client:
            queried, searched, got = (
                run_query.sync(client=client),
                search.sync(client=client),
                get_folder.sync("f1", client=client),
            )

    assert [entry.name for entry in queried.entries] == ["Docs"]
    assert isinstance(queried.entries[0], Folder)
    assert [type(entry) for entry in searched.entries] == [Folder, Link]
    assert isinstance(got, Folder) and got.sync_state == "synced"  # (an allOf of one enum: was an empty model)
    assert not (tmp_path / "out" / "union_left_one_option" / "models" / "broken.py").exists()


def test_the_option_left_out_of_a_union_left_with_one_is_said(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("package_name_override: union_left_one_option\n")
    said = generate(SPECS / "edge" / "union_left_one_option.yaml", tmp_path / "out", config)

    assert "#/components/schemas/QueryItem/oneOf: its option #/components/schemas/Broken is a model" in said
    assert "#/components/schemas/Folder" not in said  # (kept: never said dropped)


def test_nullable_and_union_parts_of_an_allof_are_generated_and_called(tmp_path: Path, wire: WireServer) -> None:
    with edge_package(tmp_path, "allof_nullable_parts") as package:
        from allof_nullable_parts.api.default import ask, create_task, get_file, search  # type: ignore[import-not-found]
        from allof_nullable_parts.models import (  # type: ignore[import-not-found]
            AgentAsk,
            AgentReference,
            AskRequest,
            FileFull,
            FileMini,
            Filter,
            FilterFilters,
            Task,
        )

        assert set(_hints(package, FileFull)) >= {"id", "type_", "name", "size", "version_number"}
        assert _hints(package, AskRequest)["agent"] == AgentAsk | AgentReference | package.types.Unset
        wire.answer(
            200, "application/json", json.dumps({"id": "1", "type": "file", "name": "a", "version_number": "2"})
        )
        wire.answer(201, "application/json", json.dumps({"id": "t1", "item": None}))
        wire.answer(200, "application/json", json.dumps({"answer": "yes"}))
        wire.answer(204)
        with package.Client(base_url=wire.base_url) as client:
            file = get_file.sync("1", client=client)
            task = create_task.sync(client=client, body=Task(item=FileMini(id="1", type_="file", name="a")))
            sent_task = wire.last.json()
            answer = ask.sync(
                client=client, body=AskRequest(prompt="p", agent=AgentReference(type_="ai_agent_id", id="9"))
            )
            sent_ask = wire.last.json()
            filters = FilterFilters()
            filters.additional_properties.update({"category": "online", "size": 3})
            searched = search.sync_detailed(client=client, body=Filter(filters=filters))

    assert isinstance(file, FileFull)
    assert (file.id, file.name, file.version_number) == ("1", "a", "2")
    assert sent_task == {"item": {"id": "1", "type": "file", "name": "a"}}
    assert (task.id, task.item) == ("t1", None)
    assert sent_ask == {"prompt": "p", "agent": {"type": "ai_agent_id", "id": "9"}}
    assert answer.answer == "yes"
    assert searched.status_code == 204
    assert wire.last.json() == {"filters": {"category": "online", "size": 3}}


def test_a_property_declared_alike_in_two_parts_is_generated(tmp_path: Path, wire: WireServer) -> None:
    with edge_package(tmp_path, "allof_declared_twice") as package:
        from allof_declared_twice.api.default import get_job  # type: ignore[import-not-found]
        from allof_declared_twice.models import Job, JobRequest  # type: ignore[import-not-found]

        request = {"request_id": "r1", "job_id": "j1", "metadata": {"team": "a"}}
        wire.answer(200, "application/json", json.dumps({"requests": [request]}))
        with package.Client(base_url=wire.base_url) as client:
            job = get_job.sync("j1", client=client)

    assert isinstance(job, Job)
    assert isinstance(job.requests[0], JobRequest)
    assert (job.requests[0].job_id, job.requests[0].metadata.additional_properties) == ("j1", {"team": "a"})


def test_enum_values_named_alike_are_members_apart_keeping_their_values(tmp_path: Path, wire: WireServer) -> None:
    with edge_package(tmp_path, "enum_names_alike") as package:
        from enum_names_alike.api.default import run_query  # type: ignore[import-not-found]
        from enum_names_alike.models import Direction, Order  # type: ignore[import-not-found]

        assert {member.name: member.value for member in Direction} == {
            "ASC": "ASC",
            "DESC": "DESC",
            "ASC_2": "asc",
            "DESC_2": "desc",
        }
        wire.answer(200, "application/json", json.dumps({"field_key": "name", "direction": "desc"}))
        with package.Client(base_url=wire.base_url) as client:
            order = run_query.sync(
                client=client, body=Order(field_key="name", direction=Direction.ASC_2), direction=Direction.DESC
            )

    assert wire.last.json() == {"field_key": "name", "direction": "asc"}
    assert wire.last.query == "direction=DESC"
    assert order.direction == Direction.DESC_2
