"""Real public specs that are not valid OpenAPI, each byte for byte as its vendor published it
(``tests/specs/invalid``; ``SOURCES.md`` says where from, under which licence, and what
openapi-spec-validator finds in each). Generated liberally, once each, every one must come out
whole: a module for every operation of the spec, every defect a ``warning:`` naming its place, a
package that imports and calls its server over loopback; and ``--strict`` must refuse every one
with a single ``error:`` line.

What the generator cannot yet do for a spec is a test marked ``xfail(strict=True)`` naming the
cause (in the ``CORPUS`` table), so that the fix turns it green.
"""

from __future__ import annotations

import enum
import hashlib
import importlib
import json
import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from attrs import field, frozen

from conftest import METHODS, SPECS, operations
from pca_generator._yaml import load
from wire import WireServer

INVALID = SPECS / "invalid"


@frozen
class Of:
    """A value of one of the package's classes (a model or an enum), made from its JSON form when the
    call is made: the package exists only once the module's fixture has generated it."""

    module: str
    name: str
    value: Any

    def make(self, package: str) -> Any:
        kind = getattr(importlib.import_module(f"{package}.models.{self.module}"), self.name)
        return kind(self.value) if issubclass(kind, enum.Enum) else kind.from_dict(self.value)


@frozen
class Call:
    """One operation called over loopback: what the test passes, what the server must receive, and
    the JSON it answers with (which the client must parse back to the same value)."""

    method: str
    path: str
    """The operation's path as the spec writes it: the module is found by its ``OPERATION``."""
    target: str
    """The request target the server must receive."""
    answer: str
    arguments: Mapping[str, Any] = field(factory=dict)
    sent: Any = None
    """The body the server must receive: its bytes, or its JSON value."""
    status: int = 200


@frozen
class Public:
    """A public spec of the corpus, and why some of its checks are expected to fail (each an
    ``xfail`` reason, by check: ``generates``, ``operations``, ``imports``, ``loopback``,
    ``places`` for the warnings' places, ``strict`` for the ``--strict`` refusal)."""

    file: str
    package: str
    call: Call
    xfail: Mapping[str, str] = field(factory=dict)

    @property
    def spec(self) -> Path:
        return INVALID / self.file

    @property
    def config(self) -> Path:
        return INVALID / f"{self.spec.stem}.config.yaml"


# Bodies that meet what the specs' invalid parts meant: a file name with an upper-case extension,
# where Adyen wrote the inline flag `(?i)` mid-pattern; a display name of Unicode letters, where
# STACKIT wrote `\p{L}`, which Python's `re` cannot compile (both constraints are dropped).
ATTACHMENT = {"attachmentType": "receipt", "content": "aGVsbG8=", "fileName": "RECEIPT.PDF"}
INTAKE_USER = {"displayName": "Größe 1", "password": "Aa1!aaaaaaaa"}
INTAKE_USER_ANSWER = {
    "id": "0d8f3d2c-6a0e-4f4e-9a55-3c1b2f7e9d01",
    "state": "active",
    "create_time": "2026-01-02T03:04:05+00:00",
    "user": "u",
    "type": "intake",
}
# The property whose `examples` is a map in the spec (3.1 wants a list).
MESSAGE = {
    "sg_message_id": "m-1",
    "from_email": "from@x.example",
    "to_email": "to@x.example",
    "subject": "s",
    "status": "delivered",
    "api_key_id": "k",
    "client_ip": "192.0.2.1",
    "events": [],
    "category": ["welcome", "promo"],
}

CORPUS = (
    Public(
        "adyen-disputes.yaml",
        "adyen_disputes_client",
        Call(
            "post",
            "/disputes/{disputeId}/attachments",
            "/disputes/d-1/attachments",
            '{"attachmentId": "a-1"}',
            {"dispute_id": "d-1", "body": Of("dispute_attachment", "DisputeAttachment", ATTACHMENT)},
            sent=ATTACHMENT,
        ),
    ),
    Public(
        "sendgrid-email-logs.yaml",
        "sendgrid_email_logs_client",
        Call(
            "get",
            "/v3/logs/{sg_message_id}",
            "/v3/logs/m-1",
            json.dumps(MESSAGE),
            {"sg_message_id": "m-1"},
        ),
    ),
    Public(
        "jupyterhub.yaml",
        "jupyterhub_client",
        Call("get", "/", "/", '{"version": "5.3.0"}'),
    ),
    Public(
        "stackit-intake.json",
        "stackit_intake_client",
        Call(
            "post",
            "/v1beta/projects/{projectId}/regions/{regionId}/intakes/{intakeId}/users",
            "/v1beta/projects/5f3c4c1e-2a52-4a3a-9f0e-6b7d1d4e8a10/regions/eu01/intakes/1b4e28ba-2fa1-41d2-883f-0016d3cca427/users",
            json.dumps({**INTAKE_USER_ANSWER, "displayName": INTAKE_USER["displayName"]}),
            {
                "project_id": UUID("5f3c4c1e-2a52-4a3a-9f0e-6b7d1d4e8a10"),
                "region_id": Of("create_intake_user_region_id", "CreateIntakeUserRegionId", "eu01"),
                "intake_id": UUID("1b4e28ba-2fa1-41d2-883f-0016d3cca427"),  # the spec's format: uuid
                "body": Of("create_intake_user_payload", "CreateIntakeUserPayload", INTAKE_USER),
            },
            sent=INTAKE_USER,
            status=201,
        ),
    ),
    Public(
        "neon-compute.yaml",
        "neon_compute_client",
        Call("get", "/status", "/status", '{"start_time": "2022-10-12T07:20:50.52Z", "status": "running"}'),
    ),
    Public(
        "electric.yaml",
        "electric_client",
        Call(
            "get",
            "/v1/shape",
            "/v1/shape?table=issues&offset=-1&log=full",  # log's default, sent
            '[{"headers": {"control": "up-to-date"}}]',
            {"table": "issues", "offset": "-1"},
        ),
    ),
    Public(
        "manticore.yaml",
        "manticore_client",
        Call(
            "post",
            "/sql",
            "/sql?raw_response=true",
            '[{"columns": [], "data": [], "total": 0}]',
            {"body": "SHOW TABLES"},
            sent=b"SHOW TABLES",
        ),
    ),
    Public(
        "meilisearch.json",
        "meilisearch_client",
        Call("get", "/version", "/version", '{"commitSha": "b4", "commitDate": "2021-07-08", "pkgVersion": "1.15.2"}'),
    ),
    Public(
        "deepgram.yaml",
        "deepgram_client",
        Call("get", "/v1/projects", "/v1/projects", '{"projects": [{"project_id": "p-1", "name": "n"}]}'),
    ),
    Public(
        "influxdata-quartz-oem.yaml",
        "influxdata_quartz_oem_client",
        Call(
            "get",
            "/orgs/{orgId}/users",
            "/orgs/o-1/users",
            '[{"email": "e@x.example", "firstName": "f", "id": "u-1", "lastName": "l"}]',
            {"org_id": "o-1"},
        ),
    ),
    Public(
        "influxdata-unity.yaml",
        "influxdata_unity_client",
        Call(
            "get",
            "/operator/orgs",
            "/operator/orgs?providers=aws",
            "[]",
            {"providers": ["aws"]},
        ),
    ),
    Public(
        "pingone-metrics.yaml",
        "pingone_metrics_client",
        Call(
            "get",
            "/environments/{environmentID}/totalIdentities",
            "/environments/6a2f8e0c-3b1d-4c5e-8f7a-9b0c1d2e3f40/totalIdentities",
            '{"_embedded": {"totalIdentities": []}, "count": 0, "size": 0}',
            {"environment_id": UUID("6a2f8e0c-3b1d-4c5e-8f7a-9b0c1d2e3f40")},
        ),
    ),
    Public(
        "deepl.yaml",
        "deepl_client",
        Call("get", "/v2/usage", "/v2/usage", '{"character_count": 180118, "character_limit": 1250000}'),
    ),
)


def _cases(check: str) -> list[Any]:
    return [
        pytest.param(
            public,
            id=public.spec.stem,
            marks=[pytest.mark.xfail(strict=True, reason=public.xfail[check])] if check in public.xfail else [],
        )
        for public in CORPUS
    ]


def _generate(public: Public, output: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pca_generator", "generate", f"--spec={public.spec}", f"--config={public.config}"]
    return subprocess.run([*command, f"--output={output}", *extra], capture_output=True, text=True, check=False)


@frozen
class Generated:
    """Every spec generated once, liberally, each into its own folder under ``root``."""

    root: Path
    runs: Mapping[str, subprocess.CompletedProcess[str]]

    def __getitem__(self, public: Public) -> subprocess.CompletedProcess[str]:
        return self.runs[public.file]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Generated]:
    """Each spec generated once, liberally; each output folder importable."""
    root = tmp_path_factory.mktemp("invalid")
    runs = {public.file: _generate(public, root / public.spec.stem) for public in CORPUS}
    sys.path[:0] = [str(root / public.spec.stem) for public in CORPUS]
    yield Generated(root, runs)
    for public in CORPUS:
        sys.path.remove(str(root / public.spec.stem))


def _document(public: Public) -> Any:
    """The spec as the generator's YAML 1.2 reader reads it (JSON is YAML 1.2; its tabs as spaces)."""
    return load(public.spec.read_text(encoding="utf-8"))[0]  # the generator's reader: YAML 1.2, its tabs too


def _warnings(run: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in run.stderr.splitlines() if line.startswith("warning: ")]


@pytest.mark.parametrize("public", _cases("generates"))
def test_the_spec_generates_whole(generated: Generated, public: Public) -> None:
    run = generated[public]

    assert run.returncode == 0, run.stderr
    assert not [line for line in run.stderr.splitlines() if not line.startswith("warning: ")], run.stderr


@pytest.mark.parametrize("public", _cases("operations"))
def test_every_operation_of_the_spec_has_its_module(generated: Generated, public: Public) -> None:
    document = _document(public)
    documented = {(method, path) for path, item in document["paths"].items() for method in METHODS if method in item}

    modules = operations(public.package)

    assert sorted((module.OPERATION.method, module.OPERATION.path) for module in modules.values()) == sorted(documented)


@pytest.mark.parametrize("public", _cases("places"))
def test_every_warning_names_a_place_of_the_spec(generated: Generated, public: Public) -> None:
    """Each ``warning:`` says ``line N: #/json/pointer: problem: action`` (what openapi-python-client
    drops too): the pointer leads to a node of the document as published, below its root, and the
    line is one of the document's. The spec is invalid, so there is at least one."""
    document, lines = _document(public), public.spec.read_text(encoding="utf-8").count("\n") + 1
    warnings = _warnings(generated[public])

    assert warnings
    for warning in warnings:
        found = re.fullmatch(rf"warning: {re.escape(str(public.spec))}: line (\d+): (#.*?): .+: .+", warning)
        assert found is not None, warning
        assert 1 <= int(found[1]) <= lines, warning
        assert _resolves(document, found[2]), warning
        assert found[2] != "#", warning
        assert " object at 0x" not in warning, warning  # a value of the spec, never a Python address


def _resolves(document: Any, pointer: str) -> bool:
    """Whether a JSON pointer leads to a node; a key YAML read as a number or boolean is its JSON text."""
    node = document
    for escaped in pointer.removeprefix("#").split("/")[1:]:
        step = escaped.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict):
            keys = {json.dumps(key) if not isinstance(key, str) else key: key for key in node}
            if step not in keys:
                return False
            node = node[keys[step]]
        elif isinstance(node, list) and step.isdigit() and int(step) < len(node):
            node = node[int(step)]
        else:
            return False
    return True


@pytest.mark.parametrize("public", _cases("imports"))
def test_the_package_imports(generated: Generated, public: Public) -> None:
    package = importlib.import_module(public.package)

    assert package.__file__ is not None and Path(package.__file__).is_relative_to(generated.root)
    for name in ("client", "errors", "types", "models"):
        importlib.import_module(f"{public.package}.{name}")


@pytest.mark.parametrize("public", _cases("loopback"))
def test_one_operation_over_loopback(generated: Generated, public: Public, wire: WireServer) -> None:
    call = public.call
    (module,) = [
        module
        for module in operations(public.package).values()
        if (module.OPERATION.method, module.OPERATION.path) == (call.method, call.path)
    ]
    client_module = importlib.import_module(f"{public.package}.client")
    arguments = {
        name: value.make(public.package) if isinstance(value, Of) else value for name, value in call.arguments.items()
    }

    wire.answer(call.status, "application/json", call.answer)
    with client_module.Client(base_url=wire.base_url) as client:
        response = module.sync_detailed(client=client, **arguments)

    assert (wire.last.method, wire.last.target) == (call.method.upper(), call.target)
    if isinstance(call.sent, bytes):
        assert wire.last.body == call.sent
    elif call.sent is not None:
        assert wire.last.json() == call.sent
    assert response.status_code == call.status
    assert _plain(response.parsed) == json.loads(call.answer)


def _plain(value: Any) -> Any:
    """A parsed value as JSON would hold it."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, enum.Enum):
        return value.value
    return value


@pytest.mark.parametrize("public", _cases("strict"))
def test_strict_refuses_the_spec_with_one_error_line(generated: Generated, public: Public, tmp_path: Path) -> None:
    # The spec's own defects (what openapi-python-client would drop is said after them, once read)
    warnings = [
        line
        for line in _warnings(generated[public])
        if "openapi-python-client dropped a part" not in line and "openapi-python-client would drop" not in line
    ]

    run = _generate(public, tmp_path / "out", "--strict")

    assert run.returncode == 1 and not (tmp_path / "out").exists()
    first, *causes = run.stderr.splitlines()
    count = f"{len(warnings)} problem{'s' if len(warnings) > 1 else ''}"
    assert first.startswith("error: ") and f"is not a valid OpenAPI document ({count}, --strict)" in first, first
    assert causes == [f"  cause: {warning.removeprefix(f'warning: {public.spec}: ')}" for warning in warnings]


def test_each_spec_is_the_published_one_byte_for_byte() -> None:
    """SOURCES.md records each file's SHA-256 as published: an editor that trims a trailing tab or
    space, or ends a file with a newline, would repair the very defects these specs are here for."""
    recorded = dict(re.findall(r"`([\w.-]+)` SHA-256 `([0-9a-f]{64})`", (INVALID / "SOURCES.md").read_text()))

    assert sorted(recorded) == sorted(public.file for public in CORPUS)
    for public in CORPUS:
        assert hashlib.sha256(public.spec.read_bytes()).hexdigest() == recorded[public.file], public.file
