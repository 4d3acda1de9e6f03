"""An operation whose body is one model in JSON and another in multipart/form-data, answering
a model, ``null`` or text: tests/specs/edge/body_media_types.yaml, called over loopback.

The return annotation names each type once (``None`` last), and a model that only another
documented media type takes is refused before sending with the ``content_type=`` to pass: the
media type is the caller's to choose (the first documented is the default), never guessed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from generator.test_any_spec import _calls
from generator.test_xml_roots import edge_project

from wire import WireServer

ANNOTATIONS = """
import inspect, json
from edge_body_media_types.api.default import upload_dataset

# The annotations as written (Python folds a repeated member away when it evaluates a union).
print(json.dumps([inspect.getsource(function).partition(") -> ")[2].partition(":\\n")[0]
                  for function in (upload_dataset.sync, upload_dataset.sync_detailed)]))
"""

CALLS = """
import io, json, sys
from edge_body_media_types import Client, errors
from edge_body_media_types.api.default import upload_dataset
from edge_body_media_types.models import Files, Rows
from edge_body_media_types.types import File

outcomes = []
files = Files(name="d", file=File(payload=io.BytesIO(b"q,a"), file_name="d.csv", mime_type="text/csv"))
with Client(base_url=sys.argv[1]) as client:
    for arguments in ({"body": files}, {"body": Rows(name="d", inputs=["q"]), "content_type": "multipart/form-data"},
                      {"body": files, "content_type": "multipart/form-data"}):
        try:
            outcomes.append(repr(upload_dataset.sync(client=client, **arguments)))
        except errors.SerializationError as error:
            outcomes.append(f"{type(error).__name__}: {error}")
print(json.dumps(outcomes))
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return edge_project(tmp_path_factory, "body_media_types")


def test_a_response_union_with_null_beside_text_names_each_type_once(package: Path) -> None:
    run = _calls(package, ANNOTATIONS)
    assert run.returncode == 0, run.stderr

    assert json.loads(run.stdout) == ["Upload | str | None", "Response[Upload | str | None]"]


def test_a_model_of_another_media_type_is_refused_with_the_content_type_to_pass(
    package: Path, wire: WireServer
) -> None:
    wire.answer(200, "application/json", "null")
    before = len(wire.seen)
    run = _calls(package, CALLS, wire.base_url)
    assert run.returncode == 0, run.stderr
    files_as_json, rows_as_multipart, files_as_multipart = json.loads(run.stdout)

    assert files_as_json.startswith("SerializationError: cannot write Rows as JSON")
    assert files_as_json.endswith(
        "the body is a Files, which multipart/form-data takes: pass content_type='multipart/form-data'"
    )
    assert rows_as_multipart.endswith(
        "the body is a Rows, which application/json takes: pass content_type='application/json'"
    )
    # Nothing was sent for the refusals; the body in the media type it names goes as it should.
    assert files_as_multipart == "None"
    assert [seen.multipart()["file"] for seen in wire.seen[before:]] == [("d.csv", b"q,a")]
