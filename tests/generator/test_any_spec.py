"""The generator serves any spec: the corpus generates, type-checks, imports, keeps stock's API and
every operation, and one of its packages is a golden record that shows every template change.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import golden_record
import pytest
import yaml

from conftest import CORPUS, METHODS, SPECS, generate, operations

FUNCTIONS = ("sync", "sync_detailed", "asyncio", "asyncio_detailed")


@pytest.mark.parametrize("spec", CORPUS)
def test_every_operation_of_the_spec_is_generated_with_all_four_functions(corpus: Path, spec: str) -> None:
    document = yaml.safe_load((SPECS / f"{spec}.yaml").read_text())
    documented = {(method, path) for path, item in document["paths"].items() for method in METHODS if method in item}

    modules = operations(CORPUS[spec])
    generated = {(module.OPERATION.method, module.OPERATION.path) for module in modules.values()}

    assert generated == documented
    for module in modules.values():
        assert all(callable(getattr(module, name)) for name in FUNCTIONS)


def test_the_corpus_passes_mypy_strict(corpus: Path) -> None:
    packages = [argument for package in CORPUS.values() for argument in ("-p", package)]
    environment = {**os.environ, "MYPYPATH": os.pathsep.join(str(corpus / spec) for spec in CORPUS)}
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *packages],
        capture_output=True,
        text=True,
        env=environment,
        cwd=corpus,
    )
    assert result.returncode == 0, result.stdout


# Stock openapi-python-client: what users would get without the overlays ------------------------


@pytest.fixture(scope="session")
def stock(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Stock openapi-python-client's output for every spec of the corpus (its warnings allowed)."""
    root = tmp_path_factory.mktemp("stock")
    for spec in CORPUS:
        subprocess.run(
            [
                str(Path(sys.executable).parent / "openapi-python-client"),
                "generate",
                f"--path={SPECS / f'{spec}.yaml'}",
                f"--config={SPECS / f'{spec}.config.yaml'}",
                f"--output-path={root / spec}",
                "--meta=none",
            ],
            capture_output=True,
        )
    return root


def signatures(package_dir: Path) -> dict[str, dict[str, list[tuple[str, str, str | None, str | None]]]]:
    """Each operation module's functions: (name, kind, annotation, default) of every parameter, from the source."""
    found: dict[str, dict[str, list[tuple[str, str, str | None, str | None]]]] = {}
    for path in sorted((package_dir / "api").rglob("*.py")):
        functions = {}
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in FUNCTIONS:
                arguments = node.args
                positional = arguments.args
                defaults = [None] * (len(positional) - len(arguments.defaults)) + list(arguments.defaults)
                described = [
                    (a.arg, "positional", ast.unparse(a.annotation) if a.annotation else None, _code(d))
                    for a, d in zip(positional, defaults, strict=True)
                ]
                described += [
                    (a.arg, "keyword", ast.unparse(a.annotation) if a.annotation else None, _code(d))
                    for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)
                ]
                functions[node.name] = described
        if functions:
            found[".".join(path.relative_to(package_dir / "api").with_suffix("").parts)] = functions
    return found


def _code(node: ast.expr | None) -> str | None:
    return ast.unparse(node) if node is not None else None


@pytest.mark.parametrize("spec", CORPUS)
def test_every_operation_keeps_stocks_module_functions_and_parameters(corpus: Path, stock: Path, spec: str) -> None:
    package = CORPUS[spec]
    ours = signatures(corpus / spec / package)
    theirs = signatures(stock / spec)
    assert theirs, "stock generated nothing"

    assert set(theirs) <= set(ours)  # stock's modules, plus those it drops for their media types
    for module, functions in theirs.items():
        for name, parameters in functions.items():
            mine = [p for p in ours[module][name] if p[0] not in ("content_type", "accept", "strict")]
            # Names, order and kinds exactly; types and defaults too, but for the body, which stock
            # types `| Unset = UNSET` even when required (its issue #1451).
            assert [p[:2] for p in mine] == [p[:2] for p in parameters], (module, name)
            assert [p for p in mine if p[0] != "body"] == [p for p in parameters if p[0] != "body"], (module, name)


@pytest.mark.parametrize("spec", CORPUS)
def test_content_type_and_accept_are_literals_of_the_documented_media_types(corpus: Path, spec: str) -> None:
    for module in operations(CORPUS[spec]).values():
        keywords = {p[0]: p for p in signatures(corpus / spec / CORPUS[spec])[_dotted(module, CORPUS[spec])]["sync"]}
        operation = module.OPERATION
        if operation.request_contents:
            assert keywords["content_type"][2] == "RequestMediaType"
            assert ast.literal_eval(keywords["content_type"][3] or "") == operation.request_media_types[0]
        else:
            assert "content_type" not in keywords
        if operation.response_media_types:
            assert keywords["accept"][2] == "ResponseMediaType"
            assert ast.literal_eval(keywords["accept"][3] or "") == operation.response_media_types[0]
        else:
            assert "accept" not in keywords


def _dotted(module: Any, package: str) -> str:
    return str(module.__name__).removeprefix(f"{package}.api.")


# Golden record ------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "package"), golden_record.RECORDS.items())
def test_the_golden_records_match_what_the_templates_write(corpus: Path, name: str, package: str) -> None:
    differences = golden_record.differences(golden_record.GOLDEN / name, corpus / name, package)

    assert not any(differences.values()), f"regenerate the golden records with `make golden`: {differences}"


@pytest.mark.parametrize(("name", "package"), golden_record.RECORDS.items())
def test_the_runtime_is_layered_into_a_package_verbatim(corpus: Path, name: str, package: str) -> None:
    assert golden_record.runtime_differences(corpus / name, package) == []


# OpenAPI 3.0 `nullable` and `anyOf`, which the 3.1 features spec writes as type arrays and oneOf -----

NULLABLE_30 = """
openapi: 3.0.3
info: {title: Things, version: "1"}
paths:
  /things:
    post:
      operationId: makeThing
      requestBody:
        required: true
        content:
          application/json: {schema: {$ref: "#/components/schemas/Thing"}}
          application/xml: {schema: {$ref: "#/components/schemas/Thing"}}
      responses:
        "200":
          description: The thing.
          content:
            application/json: {schema: {$ref: "#/components/schemas/Thing"}}
components:
  schemas:
    Thing:
      type: object
      properties:
        note: {type: string, nullable: true}
        size:
          anyOf:
            - {type: integer}
            - {type: string, format: date}
        shade: {type: string, enum: [light, dark], nullable: true}
      xml: {name: thing}
"""

ROUND_TRIP_30 = """
import datetime, json
from things_client import media
from things_client.models import Thing, ThingShade
results = []
for value in (Thing(note=None, size=3), Thing(note="n", size=datetime.date(2024, 1, 2), shade=ThingShade.DARK)):
    for media_type in ("application/json", "application/xml"):
        content = media.serialize(value, media_type)
        results.append([media_type, content.decode(), media.deserialize(Thing, content, media_type) == value])
print(json.dumps(results))
"""


def test_nullable_and_any_of_in_openapi_3_0(tmp_path: Path) -> None:
    (tmp_path / "things.yaml").write_text(NULLABLE_30)
    (tmp_path / "config.yaml").write_text(
        "project_name_override: things-client\npackage_name_override: things_client\n"
    )
    generate(tmp_path / "things.yaml", tmp_path / "out", tmp_path / "config.yaml")
    run = subprocess.run(
        [sys.executable, "-c", ROUND_TRIP_30],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "out")},
    )
    results = json.loads(run.stdout)

    assert results[0] == ["application/json", '{"note":null,"size":3}', True]
    assert results[1] == [  # XML has no null: XML Schema's xsi:nil carries it
        "application/xml",
        "<?xml version='1.0' encoding='utf-8'?>\n<thing><note xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        'xsi:nil="true"/><size>3</size></thing>',
        True,
    ]
    assert results[2] == ["application/json", '{"note":"n","size":"2024-01-02","shade":"dark"}', True]
    assert results[3] == [
        "application/xml",
        "<?xml version='1.0' encoding='utf-8'?>\n"
        "<thing><note>n</note><size>2024-01-02</size><shade>dark</shade></thing>",
        True,
    ]


# Edge cases from real specs (tests/specs/edge): each generates, imports and type-checks -----------

EDGE = sorted((SPECS / "edge").glob("*.yaml"))


@pytest.fixture(scope="module")
def edge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("edge")
    for spec in EDGE:
        config = root / f"{spec.stem}.config.yaml"
        config.write_text(f"project_name_override: edge-{spec.stem}\npackage_name_override: edge_{spec.stem}\n")
        generate(spec, root / spec.stem, config)
    return root


def test_every_edge_spec_generates_imports_and_passes_mypy_strict(edge: Path) -> None:
    packages = [f"edge_{spec.stem}" for spec in EDGE]
    environment = {**os.environ, "MYPYPATH": os.pathsep.join(str(edge / spec.stem) for spec in EDGE)}
    imports = "import importlib, pkgutil, sys\nfor name in sys.argv[1:]:\n" + (
        "    package = importlib.import_module(name + '.api')\n"
        "    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
    )

    imported = subprocess.run(
        [sys.executable, "-c", imports, *packages],
        capture_output=True,
        text=True,
        env={**environment, "PYTHONPATH": environment["MYPYPATH"]},
    )
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *[a for p in packages for a in ("-p", p)]],
        capture_output=True,
        text=True,
        env=environment,
        cwd=edge,
    )

    assert len(EDGE) >= 10
    assert imported.returncode == 0, imported.stderr
    assert checked.returncode == 0, checked.stdout


def test_a_parameter_named_like_a_keyword_of_this_package_takes_its_location(edge: Path) -> None:
    module = (
        edge / "param_named_accept" / "edge_param_named_accept" / "api" / "default" / "create_thing.py"
    ).read_text()

    assert "accept_query: str | Unset = UNSET" in module
    assert 'accept: ResponseMediaType = "application/json"' in module


RAW_CALLS = """
import httpx
from edge_raw_body_with_object_schema import Client
from edge_raw_body_with_object_schema.api.default import post_token, put_count

sent = []
def handler(request):
    sent.append([request.headers["content-type"], request.content.decode()])
    return httpx.Response(204)
with Client(base_url="http://127.0.0.1:9", httpx_args={"transport": httpx.MockTransport(handler)}) as client:
    post_token.sync_detailed(client=client, body=b"eyJhbGciOi.e30.sig")
    put_count.sync_detailed(client=client, body="12")
print(sent)
"""


def test_a_body_carried_as_it_is_is_typed_as_what_the_runtime_sends(edge: Path) -> None:
    api = edge / "raw_body_with_object_schema" / "edge_raw_body_with_object_schema" / "api" / "default"

    assert "    body: File | bytes | str,\n" in (api / "post_token.py").read_text()
    assert "    body: File | bytes | str | Unset = UNSET,\n" in (api / "put_count.py").read_text()
    run = subprocess.run(
        [sys.executable, "-c", RAW_CALLS],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(edge / "raw_body_with_object_schema")},
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[['application/jwt', 'eyJhbGciOi.e30.sig'], ['text/plain', '12']]"


def test_header_parameters_openapi_ignores_are_ignored(edge: Path) -> None:
    module = (edge / "header_accept" / "edge_header_accept" / "api" / "default" / "create_thing.py").read_text()

    assert '"header"' not in module  # no Accept / Content-Type header parameter left
    assert 'content_type: RequestMediaType = "application/json"' in module


def test_properties_named_like_the_models_own_names_keep_both(edge: Path) -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "from edge_property_named_d.models import Node\n"
            "from edge_member_names.models import M\n"
            "node = Node.from_dict({'d': 'x', 'node': 'n', 'extra': 1})\n"
            "m = M.from_dict({'to_dict': 't', 'cls': 'c', 'src_dict': 2, 'additional_properties': 'a', 'more': 3})\n"
            "print(node.additional_properties, node.to_dict(), m.to_dict_, m.src_dict_, m.additional_properties)\n",
        ],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join(str(edge / name) for name in ("property_named_d", "member_names")),
        },
    )

    assert run.returncode == 0, run.stderr
    assert run.stdout.split(" {")[0] == "{'extra': 1}"
    assert "'d': 'x'" in run.stdout and "t 2 {'more': 3}" in run.stdout
