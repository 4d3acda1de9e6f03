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
from urllib.parse import parse_qsl

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
            mine = [
                p for p in ours[module][name] if p[0] not in ("content_type", "accept", "strict", "max_response_size")
            ]
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


def _calls(package: Path, code: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    """``code`` run by a fresh interpreter that imports the generated package of ``package`` (``sys.argv[1:]``:
    ``arguments``, a loopback server's URL)."""
    return subprocess.run(
        [sys.executable, "-c", code, *arguments],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(package)},
    )


def _generated(tmp_path: Path, spec: str, package: str) -> subprocess.CompletedProcess[str]:
    """The generator run on ``edge/<spec>.yaml`` as its user runs it, into ``tmp_path / "out" / package``."""
    config = tmp_path / "config.yaml"
    config.write_text(f"package_name_override: {package}\n")
    command = [sys.executable, "-m", "pca_generator", "generate", f"--spec={SPECS / 'edge' / f'{spec}.yaml'}"]
    return subprocess.run(
        [*command, f"--config={config}", f"--output={tmp_path / 'out'}"], capture_output=True, text=True
    )


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
    run = _calls(edge / "raw_body_with_object_schema", RAW_CALLS)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[['application/jwt', 'eyJhbGciOi.e30.sig'], ['text/plain', '12']]"


CONTENT_CALLS = """
import httpx
from edge_content_parameters import Client
from edge_content_parameters.api.default import find_things
from edge_content_parameters.models import FindThingsFilter, FindThingsTrace

sent = []
def handler(request):
    sent.append([request.url.query.decode(), request.headers["x-tenant"]])
    return httpx.Response(200, json=[{"name": "n", "kind": "any"}])
with Client(base_url="http://127.0.0.1:9", httpx_args={"transport": httpx.MockTransport(handler)}) as client:
    found = find_things.sync(
        client=client,
        filter_=FindThingsFilter(size=3, tags=["a b", "ü"]),
        trace=FindThingsTrace(id="t-1"),
        x_tenant="ü",
    )
print(sent, [thing.to_dict() for thing in found])
"""


def test_a_parameter_given_by_content_is_typed_by_its_schema_and_written_in_its_media_type(edge: Path) -> None:
    run = _calls(edge / "content_parameters", CONTENT_CALLS)

    assert run.returncode == 0, run.stderr
    query = (
        "filter=%7B%22size%22%3A3%2C%22tags%22%3A%5B%22a%20b%22%2C%22%5Cu00fc%22%5D%7D"  # {"size":3,...}: JSON
        "&trace=%7B%22id%22%3A%22t-1%22%7D"
    )
    assert run.stdout.strip() == rf"""[['{query}', '"\\u00fc"']] [{{'name': 'n', 'kind': 'any'}}]"""


FORM_CALLS = """
import httpx
from urllib.parse import parse_qsl
from edge_form_encoding import Client
from edge_form_encoding.api.default import place_order
from edge_form_encoding.models import Filter, Line, Order

sent = []
def handler(request):
    sent.append(request.content.decode())
    return httpx.Response(200, headers={"content-type": "application/x-www-form-urlencoded"}, content=request.content)
order = Order(
    id=7,
    filter_=Filter(size=3, colour="red"),
    tags=["a b", "c"],
    notes=["n1", "n2"],
    lines=[Line(sku="s1", count=1), Line(sku="s2", count=2)],
    shipping=Line(sku="post"),
)
with Client(base_url="http://127.0.0.1:9", httpx_args={"transport": httpx.MockTransport(handler)}) as client:
    answered = place_order.sync(client=client, body=order)
print(parse_qsl(sent[0]))
print(answered == order)
"""


def test_a_form_follows_its_encoding_object_and_the_defaults_both_ways(edge: Path) -> None:
    run = _calls(edge / "form_encoding", FORM_CALLS)

    assert run.returncode == 0, run.stderr
    fields, equal = run.stdout.splitlines()
    assert ast.literal_eval(fields) == [
        ("id", "7"),
        ("filter[size]", "3"),  # style: deepObject
        ("filter[colour]", "red"),
        ("tags", "a b|c"),  # style: pipeDelimited, explode: false
        ("notes", '["n1","n2"]'),  # contentType: application/json
        ("lines", '{"sku":"s1","count":1}'),  # by default, an object is JSON text: each of an array too
        ("lines", '{"sku":"s2","count":2}'),
        ("shipping", '{"sku":"post"}'),
    ]
    assert equal == "True"  # the same form, answered, reads back into the same order


FORM_EDGE_CALLS = """
import httpx
from edge_form_encoding import Client, errors
from edge_form_encoding.api.default import place_order
from edge_form_encoding.models import Order

answers = [
    b"id=1&filter%5Bsize%5D=1&tags=a%7Cb|c&note=toolong",  # a note longer than its maxLength
    b"id=1&tags=a%7Cb%7Cc",  # a sender that encodes each field whole, delimiters too
    b"id=1&lines=" + b"%5B" * 100_000,  # JSON text nested deeper than Python reads
]
sent = []
def handler(request):
    sent.append(request.content)
    return httpx.Response(200, headers={"content-type": "application/x-www-form-urlencoded"}, content=answers.pop(0))
with Client(base_url="http://127.0.0.1:9", httpx_args={"transport": httpx.MockTransport(handler)}) as client:
    liberal = place_order.sync(client=client, body=Order(id=1, tags=["a|b", "c"]))
    print(sent[0].decode())
    print(liberal.filter_.size, liberal.tags, liberal.note)
    print(place_order.sync(client=client, body=Order(id=1)).tags)
    try:
        place_order.sync(client=client, body=Order(id=1))
    except errors.ResponseDecodeError as error:
        print(type(error).__name__, error.status_code)
    try:
        place_order.sync(client=client, body=Order(id=1, tags=[""]))
    except errors.SerializationError as error:
        print(type(error).__name__)
"""


def test_a_delimited_form_field_keeps_items_holding_its_delimiter_and_a_liberal_read_its_encoding(
    edge: Path,
) -> None:
    run = _calls(edge / "form_encoding", FORM_EDGE_CALLS)

    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "id=1&tags=a%7Cb|c",  # the delimiter as it is, each item percent-encoded (RFC 6570)
        "1 ['a|b', 'c'] toolong",  # kept (liberal), the deepObject and the delimited field still read
        "['a', 'b', 'c']",
        "ResponseDecodeError 200",  # typed, never a bare RecursionError
        "SerializationError",  # one empty item would read back as none: refused before sending
    ]


FORM_ECHO = """
import httpx
from urllib.parse import parse_qsl
from edge_form_encoding import Client, errors

sent = []
answers = []
def handler(request):
    sent.append(request.content.decode())
    content = answers.pop(0) if answers else request.content
    return httpx.Response(200, headers={"content-type": "application/x-www-form-urlencoded"}, content=content)
"""
"""A form server that answers the form it was sent, or the next of ``answers``; ``sent`` keeps each."""


SPREAD_CALLS = (
    FORM_ECHO
    + """
from edge_form_encoding.api.default import search
from edge_form_encoding.models import Point, Search

made = Search(q="x", near=Point(lat=1.5, lon=2.5), box=Point(lat=0.5, lon=-1.5), area=Point(lat=3.5, lon=4.5))
with Client(base_url="http://127.0.0.1:9", httpx_args={"transport": httpx.MockTransport(handler)}) as client:
    answered = search.sync(client=client, body=made)
    print(parse_qsl(sent[0]))
    print(answered == made)
    odd = Point(lat=1.5)
    odd["q"] = "y"  # an extra property, spread among the form's fields, would read back as the form's q
    try:
        search.sync(client=client, body=Search(near=odd))
    except errors.SerializationError as error:
        print(type(error).__name__, "$.near.q" in str(error))
    answers.append(b"box=lat,1.5,lon")
    try:
        search.sync(client=client, body=Search())
    except errors.ResponseDecodeError as error:
        print(type(error).__name__, error.status_code)
"""
)


def test_an_object_whose_style_is_given_travels_as_fields_both_ways(edge: Path) -> None:
    run = _calls(edge / "form_encoding", SPREAD_CALLS)

    assert run.returncode == 0, run.stderr
    fields, equal, refused, unread = run.stdout.splitlines()
    assert ast.literal_eval(fields) == [
        ("q", "x"),
        ("lat", "1.5"),  # style: form, explode: true: the object's properties among the form's own
        ("lon", "2.5"),  # (its contentType: application/json is ignored: a style given wins)
        ("box", "lat,0.5,lon,-1.5"),  # explode: false: names and values in one field
        ("area", "lat|3.5|lon|4.5"),  # pipeDelimited
    ]
    assert equal == "True"  # read back into the same search
    assert refused == "SerializationError True"  # what could not be read back is refused, by its place
    assert unread == "ResponseDecodeError 200"  # a name without its value: a typed error


UNION_FORM_CALLS = (
    FORM_ECHO
    + """
from edge_form_encoding.api.default import log_in
from edge_form_encoding.models import CodeLogin, PasswordLogin

with Client(base_url="http://127.0.0.1:9", httpx_args={"transport": httpx.MockTransport(handler)}) as client:
    logins = (PasswordLogin(method="password", identifier="ada", password="pw", remember=True),
              CodeLogin(method="code", code=1))
    for login in logins:
        answered = log_in.sync(client=client, body=login)
        print(parse_qsl(sent[-1]), type(answered).__name__, answered == login)
    answers.append(b"method=code&code=abc")  # the option its discriminator names, and a code that is no integer
    try:
        log_in.sync(client=client, body=CodeLogin(method="code", code=1))
    except errors.ResponseDecodeError as error:
        print(type(error).__name__, error.status_code)
"""
)


def test_a_form_of_one_of_several_shapes_is_written_and_read_by_its_own(edge: Path) -> None:
    run = _calls(edge / "form_encoding", UNION_FORM_CALLS)

    assert run.returncode == 0, run.stderr
    password, code, refused = run.stdout.splitlines()
    fields = "[('method', 'password'), ('identifier', 'ada'), ('password', 'pw'), ('remember', 'true')]"
    assert password == f"{fields} PasswordLogin True"
    assert code == "[('method', 'code'), ('code', '1')] CodeLogin True"
    assert refused == "ResponseDecodeError 200"


MULTIPART_CALLS = """
import datetime, email, email.policy, io, sys
import httpx
from edge_multipart_checks import Client, errors
from edge_multipart_checks.api.default import upload
from edge_multipart_checks.models import Meta, MetaSource, Upload, UploadKind
from edge_multipart_checks.types import File

sent = []
def handler(request):
    sent.append(request.read())
    return httpx.Response(201, json={"id": "u1"})

class Unread(io.BytesIO):
    def read(self, *size):
        sys.exit("a file part was read to be checked")

def parts(content):  # read by the standard library's MIME parser, as a server would
    boundary = content.split(b"\\r\\n", 1)[0][2:]
    head = b"Content-Type: multipart/form-data; boundary=" + boundary + b"\\r\\n\\r\\n"
    message = email.message_from_bytes(head + content, policy=email.policy.HTTP)
    named = ((part.get_param("name", header="content-disposition"), part) for part in message.iter_parts())
    return [(name, part.get_payload(decode=True)) for name, part in named]

with Client(base_url="http://127.0.0.1:9", httpx_args={"transport": httpx.MockTransport(handler)}) as client:
    photo = File(payload=io.BytesIO(b"\\x89PNG"), file_name="sea.png", mime_type="image/png")
    good = Upload(file=photo, title="Sea view", copies=2, kind=UploadKind.PHOTO, tags=["sea", "blue"],
                  taken=datetime.date(2024, 5, 1), meta=Meta(source=MetaSource.CAMERA, width=640), note=None)
    print(upload.sync(client=client, body=good))
    print(parts(sent[0]))
    wrong = [("title", "Sea view 2"), ("copies", 9), ("tags", ["a", "b", "c", "d"]), ("tags", ["toolong"]),
             ("meta", Meta(source=MetaSource.CAMERA, width=0)), ("kind", "video"), ("taken", "yesterday")]
    for name, value in wrong:
        body = Upload(file=File(payload=Unread(b"x"), file_name="a.png"), title="Ok")
        setattr(body, name, value)
        try:
            upload.sync(client=client, body=body)
        except errors.SerializationError as error:
            print(error)
    print(len(sent))
"""


def test_a_multipart_body_is_checked_against_its_schema_before_it_is_sent(edge: Path) -> None:
    run = _calls(edge / "multipart_checks", MULTIPART_CALLS)

    assert run.returncode == 0, run.stderr
    stored, wire, *refused, count = run.stdout.splitlines()
    assert stored == "Stored(id='u1')"
    assert ast.literal_eval(wire) == [
        ("file", b"\x89PNG"),
        ("title", b"Sea view"),
        ("copies", b"2"),
        ("kind", b"photo"),
        ("tags", b"sea"),
        ("tags", b"blue"),
        ("taken", b"2024-05-01"),
        ("meta", b'{"source": "camera", "width": 640}'),
        ("note", b""),  # a null is an empty part (as a form's empty field), not the text "None"
    ]
    prefix = "cannot write Upload as multipart/form-data: "
    assert refused == [
        prefix + "$.title: does not match the pattern '^[A-Za-z ]+$'",
        prefix + "$.copies: greater than the maximum 5",
        prefix + "$.tags: more than 3 items",
        prefix + "$.tags[0]: longer than 5 characters",
        prefix + "$.meta.width: less than the minimum 1",
        prefix + "$.kind: expected one of ['photo', 'scan']",
        prefix + "a property holds a value of another type (AttributeError)",  # mypy --strict says so first
    ]
    assert count == "1"  # nothing refused was sent, and no file part was read to be checked


RANGE_CALLS = """
import io
import httpx
from edge_media_ranges import Client, errors
from edge_media_ranges.api.default import app, upload
from edge_media_ranges.models import Thing
from edge_media_ranges.types import File

answers = [
    ("application/json", b'{"name": "j"}'),
    ("application/xml", b"<Thing><name>x</name></Thing>"),
    ("image/png", b"PNG"),
    ("application/x-www-form-urlencoded", b"name=f"),
    ("text/plain", b"plain"),
    ("", b"untyped"),  # no Content-Type: octets (RFC 9110 8.3), within */*
]
sent = []
def handler(request):
    sent.append((request.headers.get("content-type"), request.content))
    kind, body = answers[len(sent) - 1] if request.url.path == "/upload" else (None, b"")
    return httpx.Response(204 if kind is None else 200, headers={"content-type": kind} if kind else {}, content=body)
with Client(base_url="http://127.0.0.1:9", httpx_args={"transport": httpx.MockTransport(handler)}) as client:
    got = [
        upload.sync(client=client, body=Thing(name="a")),
        upload.sync(client=client, body=b"bytes"),
        upload.sync(client=client, body=File(payload=io.BytesIO(b"gif"), mime_type="image/gif")),
        upload.sync(client=client, body="text"),
        upload.sync(client=client, body="more"),
        upload.sync(client=client, body="none"),
    ]
    app.sync_detailed(client=client, body="text")
    try:
        app.sync_detailed(client=client, body=File(payload=io.BytesIO(b"png"), mime_type="image/png"))
    except errors.SerializationError as error:
        print(error)
print(repr(sent))
print(repr(got))
"""


def test_a_range_with_a_schema_sends_json_for_a_model_and_reads_by_the_actual_type(edge: Path) -> None:
    module = (edge / "media_ranges" / "edge_media_ranges" / "api" / "default" / "upload.py").read_text()
    run = _calls(edge / "media_ranges", RANGE_CALLS)

    assert "    body: Thing | File | bytes | str,\n" in module and "-> Response[Thing | bytes]:" in module
    assert run.returncode == 0, run.stderr
    refused, sent, got = run.stdout.splitlines()
    assert refused.startswith("a body of image/png is not within application/*")  # nothing sent
    assert ast.literal_eval(sent) == [
        ("application/json", b'{"name":"a"}'),
        ("application/octet-stream", b"bytes"),
        ("image/gif", b"gif"),
        ("text/plain; charset=utf-8", b"text"),
        ("text/plain; charset=utf-8", b"more"),
        ("text/plain; charset=utf-8", b"none"),
        ("application/octet-stream", b"text"),  # within application/*: text as octets
    ]
    # bytes, as typed; an answer without a Content-Type is octets, which */* holds
    assert got == "[Thing(name='j'), Thing(name='x'), b'PNG', Thing(name='f'), b'plain', b'untyped']"


OCTETS_CALLS = """
import httpx
from edge_media_ranges import Client, errors
from edge_media_ranges.api.default import speech

answers = [("audio/mpeg", b"ID3mp3"), ("application/zip", b"PK"), ("text/plain", b"rate limited"),
           ("application/json", b'{"error": "quota"}')]
def handler(request):
    kind, body = answers.pop(0)
    return httpx.Response(200, headers={"content-type": kind}, content=body)
with Client(base_url="http://127.0.0.1:9", httpx_args={"transport": httpx.MockTransport(handler)}) as client:
    for _ in range(len(answers)):
        try:
            answered = speech.sync(client=client)
            print(answered.payload.read(), answered.mime_type)
        except errors.UndocumentedContentType as error:
            print(type(error).__name__, error.status_code, error.content)
"""


def test_binary_content_in_a_type_of_its_own_is_read_where_octets_are_documented(edge: Path) -> None:
    run = _calls(edge / "media_ranges", OCTETS_CALLS)

    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "b'ID3mp3' audio/mpeg",  # bytes, as application/octet-stream (any bytes) documents, in their own type
        "b'PK' application/zip",
        "UndocumentedContentType 200 b'rate limited'",  # text is no binary content: more likely a message
        'UndocumentedContentType 200 b\'{"error": "quota"}\'',
    ]


SHAPELESS_CALLS = """
import httpx
from edge_shapeless_json import Client, errors
from edge_shapeless_json.api.default import cancel

answers = [("application/json", b'{"ok": true}'), (None, b""), ("application/json", b""), ("application/json", b"{")]
def handler(request):
    kind, body = answers.pop(0)
    return httpx.Response(200, headers={"content-type": kind} if kind else {}, content=body)
with Client(base_url="http://127.0.0.1:9", httpx_args={"transport": httpx.MockTransport(handler)}) as client:
    for _ in range(len(answers)):
        try:
            print(repr(cancel.sync("r1", client=client)))
        except errors.ResponseDecodeError as error:
            print(type(error).__name__, error.status_code, error.content)
"""


def test_a_json_answer_documented_without_a_schema_is_data_of_any_shape(edge: Path) -> None:
    module = (edge / "shapeless_json" / "edge_shapeless_json" / "api" / "default" / "cancel.py").read_text()
    run = _calls(edge / "shapeless_json", SHAPELESS_CALLS)

    assert "-> Response[Any | Problem]:" in module
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "{'ok': True}",  # JSON, read into data (it was its bytes)
        "None",  # nothing came, without a Content-Type: no value (it was UndocumentedContentType)
        "None",  # nor with one
        "ResponseDecodeError 200 b'{'",  # JSON it is not: a typed error
    ]


EMPTY_CONTENT_TYPE_CALLS = """
import sys
from edge_media_ranges import Client
from edge_media_ranges.api.default import upload
from edge_media_ranges.models import Thing

with Client(base_url=sys.argv[1]) as client:
    print(repr([upload.sync(client=client, body=Thing(name="a")) for _ in range(2)]))
"""


def test_an_answer_with_an_empty_content_type_is_octets_as_one_without(edge: Path, wire: Any) -> None:
    wire.answer(200, "", b"empty")  # `Content-Type: ` on the wire: present, naming no media type
    wire.answer(200, None, b"none")
    run = _calls(edge / "media_ranges", EMPTY_CONTENT_TYPE_CALLS, wire.base_url)

    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["[b'empty', b'none']"]  # */* holds octets


SCHEMA_PER_MEDIA_TYPE_CALLS = """
import sys
from edge_schema_per_media_type import Client
from edge_schema_per_media_type.api.default import get_owner, get_pet, get_thing

with Client(base_url=sys.argv[1]) as client:
    print(repr(get_pet.sync(1, client=client)))
    print(repr(get_pet.sync(2, client=client, accept="application/xml")))
    print(repr(get_owner.sync(3, client=client)))
    print(repr(get_owner.sync(4, client=client, accept="text/xml")))
    print(repr(get_thing.sync(client=client, accept="application/xml")))
    print(repr(get_thing.sync(client=client, accept="text/xml")))
"""


def test_an_answer_reads_into_the_model_of_its_own_media_types_schema(edge: Path, wire: Any) -> None:
    wire.answer(200, "application/json", '{"name": "Rex", "kind": "dog"}')
    wire.answer(200, "application/xml", '<pet name="Rex"><kind>dog</kind></pet>')
    wire.answer(200, "application/json", '{"name": "Ann"}')
    wire.answer(
        200, "text/xml", '<owner id="7"><pets><pet name="Rex"/><pet name="Tom"><kind>cat</kind></pet></pets></owner>'
    )
    wire.answer(200, "application/xml", '<pet name="Rex"><kind>dog</kind></pet>')
    wire.answer(200, "text/xml", '<pets><pet name="Rex"/><pet name="Tom"/></pets>')
    package = edge / "schema_per_media_type"
    api = package / "edge_schema_per_media_type" / "api" / "default"
    run = _calls(package, SCHEMA_PER_MEDIA_TYPE_CALLS, wire.base_url)

    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "Pet(name='Rex', kind='dog')",
        "PetXml(name='Rex', kind='dog')",  # a $ref of its own: that model, not a dict
        "Owner(name='Ann')",
        # an inline object: a model of its own, named after the operation, status and media type
        "GetOwnerResponse200Xml(id=7, pets=[PetXml(name='Rex', kind=UNSET), PetXml(name='Tom', kind='cat')])",
        "PetXml(name='Rex', kind='dog')",  # a union's option
        "[PetXml(name='Rex', kind=UNSET), PetXml(name='Tom', kind=UNSET)]",  # a list
    ]
    assert [seen.headers["accept"] for seen in wire.seen[-6:]] == [
        "application/json",
        "application/xml",
        "application/json",
        "text/xml",
        "application/xml",
        "text/xml",
    ]
    assert ") -> Pet | PetXml | None:" in (api / "get_pet.py").read_text()
    assert ") -> GetOwnerResponse200Xml | Owner | None:" in (api / "get_owner.py").read_text()
    assert ") -> list[PetXml] | Owner | PetXml | Pet | None:" in (api / "get_thing.py").read_text()


UNION_REFUSAL_CALLS = """
import sys
from edge_union_refusals import Client, errors
from edge_union_refusals.api.default import list_pets

with Client(base_url=sys.argv[1]) as client:
    for strict in (False, True):
        try:
            list_pets.sync(client=client, strict=strict)
        except errors.ResponseDecodeError as error:
            print(error)
"""


def test_a_union_that_refuses_an_item_says_where_its_closest_option_fails(edge: Path, wire: Any) -> None:
    pets = [{"kind": "dog", "name": "a"}, {"kind": "cat", "lives": 9}, {"kind": "dog", "name": {"token": "s3cr3t"}}]
    for _ in range(2):
        wire.answer(200, "application/json", json.dumps({"pets": pets}))
    run = _calls(edge / "union_refusals", UNION_REFUSAL_CALLS, wire.base_url)

    assert run.returncode == 0, run.stderr
    said = "list_pets answered 200 with a body that does not decode as documented: JSON does not match response_200: "
    assert run.stdout.splitlines() == [
        # a liberal read takes any kind: Cat then lacks `lives`
        f"{said}$.pets[2].name: expected string, got object "
        "(as Dog, the closest of the union's 2 options; Cat: missing required property 'lives')",
        # a strict one refuses Cat's kind first
        f"{said}$.pets[2].name: expected string, got object "
        "(as Dog, the closest of the union's 2 options; Cat.kind: expected one of ['cat'])",
    ]
    assert "s3cr3t" not in run.stdout


NULLABLE_CALLS = """
import httpx
from edge_nullable_ref import Client
from edge_nullable_ref.api.default import get_pet
from edge_nullable_ref.models import Owner, Pet

answers = [{"owner": None, "previous": None}, {"owner": {"name": "a"}, "previous": {"name": "b"}}]
def handler(request):
    return httpx.Response(200, json=answers.pop(0))
with Client(base_url="http://127.0.0.1:9", httpx_args={"transport": httpx.MockTransport(handler)}) as client:
    print(get_pet.sync(1, client=client), get_pet.sync(2, client=client))
print(Pet(owner=None, previous=None).to_dict())
"""


def test_a_nullable_reference_reads_and_writes_null(edge: Path) -> None:
    run = _calls(edge / "nullable_ref", NULLABLE_CALLS)

    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "Pet(owner=None, previous=None) Pet(owner=Owner(name='a'), previous=Owner(name='b'))",
        "{'owner': None, 'previous': None}",
    ]


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


# What stock openapi-python-client drops with a warning, generated whole (edge/stock_drops.yaml) --------

DROPS_PARAMETERS = """
import datetime, sys
from edge_stock_drops import Client, errors
from edge_stock_drops.api.default import list_events
from edge_stock_drops.models import ListEventsMode, Range

with Client(base_url=sys.argv[1]) as client:
    event = list_events.sync(
        5,
        client=client,
        start_time="a",
        start_time_2="b",
        start_time_3="c",
        start_time_4="d",
        id_query="e",
        id_query_2="f",
        id_header="g",
        x_tags=["t1", "t2"],
        x_range=Range(low=1, high=2),
        x_range_exploded=Range(low=3, high=4),
        x_since=datetime.date(2024, 1, 2),
        ids=[1, 2],
        verbose=True,
        mode=ListEventsMode.ON,
    )
    print(event)
    for tags in (["a,b"], ["a\\r\\nX-Evil: 1"]):  # checked before sending: neither reaches the server
        try:
            list_events.sync(5, client=client, x_tags=tags)
        except errors.SerializationError as error:  # a parameter that cannot be written, as documented
            print(type(error).__name__, "X-Evil" in str(error))
"""


def test_parameters_stock_drops_are_each_sent_under_their_own_name_and_style(edge: Path, wire: Any) -> None:
    wire.answer(200, "application/json", '{"name": "n"}')
    run = _calls(edge / "stock_drops", DROPS_PARAMETERS, wire.base_url)

    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["Event(name='n')", "SerializationError False", "SerializationError False"]
    seen = wire.last
    assert seen.path == "/events/5"
    assert parse_qsl(seen.query) == [
        ("StartTime", "a"),  # four names of one Python name (start_time), each sent as its own
        ("startTime", "b"),
        ("start-time", "c"),
        ("start.time", "d"),
        ("id_query", "e"),
        ("verbose", "true"),  # its default `auto` dropped, the parameter kept
        ("mode", "on"),  # `on` is YAML 1.2 text, not a boolean
        ("id", "f"),  # the path item's query `id`, beside the path's and the header's
    ]
    assert seen.headers["id"] == "g"
    assert seen.headers["x-tags"] == "t1,t2"  # an array in a header: simple style
    assert seen.headers["x-range"] == "low,1,high,2"  # an object: simple style
    assert seen.headers["x-range-exploded"] == "low=3,high=4"  # explode: true
    assert seen.headers["x-since"] == "2024-01-02"  # a date
    assert seen.headers["cookie"] == "ids=1,2"  # an array in a cookie: form style, explode: false


DROPS_MODELS = """
import sys
from edge_stock_drops import Client
from edge_stock_drops.api.default import create_thing, post_other, put_bars, submit_form
from edge_stock_drops.models import CreateThingBody, FooBar, OtherEvent, SubmitFormJsonFormBody

with Client(base_url=sys.argv[1]) as client:
    print(repr(post_other.sync(client=client, body=OtherEvent(code=3))))
    print(repr(put_bars.sync(client=client, body=FooBar(lower="l"))))
    print(repr(create_thing.sync(client=client, body=CreateThingBody(size=1))))
    form = SubmitFormJsonFormBody(text="t", lang="de")
    sent = submit_form.sync_detailed(client=client, body=form, content_type="application/x-www-form-urlencoded")
    print(sent.status_code)
"""


def test_schemas_of_one_class_name_are_each_generated_and_each_operation_typed_with_its_own(
    edge: Path, wire: Any
) -> None:
    for answer in ('{"code": 4}', '{"upper": "u"}', '{"label": "x"}'):
        wire.answer(200, "application/json", answer)
    wire.answer(204)
    run = _calls(edge / "stock_drops", DROPS_MODELS, wire.base_url)

    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "OtherEvent(code=4)",  # `title: Event` of the second Event: its key's name
        "FooBar2(upper='u')",  # the keys foo_bar and FooBar: the second numbered
        "CreateThingBody2(label='x')",  # the component named like createThing's inline body
        "204",  # a form body beside a JSON one, each inline: named after its family
    ]
    assert [seen.json() for seen in wire.seen[-4:-1]] == [{"code": 3}, {"lower": "l"}, {"size": 1}]
    assert wire.last.form() == {"text": ["t"], "lang": ["de"]}


def test_what_stock_would_drop_is_generated_and_each_choice_said_in_a_warning(tmp_path: Path) -> None:
    run = _generated(tmp_path, "stock_drops", "drops")

    assert run.returncode == 0, run.stderr
    warnings = [line.split(": ", 2)[2] for line in run.stderr.splitlines()]  # (the spec's path aside)
    assert not [warning for warning in warnings if "dropped" in warning.replace("the default dropped", "")]
    assert (
        "line 117: #/components/schemas/OtherEvent: openapi-python-client would drop it: its class name Event is "
        "also that of #/components/schemas/Event: generated as OtherEvent" in warnings
    )
    assert (
        "line 127: #/components/schemas/FooBar: openapi-python-client would drop it: its class name FooBar is "
        "also that of #/components/schemas/foo_bar: generated as FooBar2" in warnings
    )
    assert (  # the class of an operation's inline body: named by its pointer, on one line
        "line 131: #/components/schemas/CreateThingBody: openapi-python-client would drop it: its class name "
        "CreateThingBody is also that of #/paths/~1things/post: generated as CreateThingBody2" in warnings
    )
    assert (
        "line 20: #/paths/~1events~1{id}/get/parameters/3: openapi-python-client would drop the operation: "
        "the query parameter start.time has the Python name "
        "start_time of another parameter: its argument is start_time_4" in warnings
    )
    assert (
        'line 28: #/paths/~1events~1{id}/get/parameters/11/schema/default: "auto" cannot be a boolean: '
        "the default dropped" in warnings
    )
    # Another operation of the path keeps its own `id` query parameter, of its own type.
    deleting = (tmp_path / "out" / "drops" / "api" / "default" / "delete_event.py").read_text()
    assert "    id_path: int,\n" in deleting and "    id_query: int | Unset = UNSET,\n" in deleting


DROPS_SIZE = """
import asyncio, sys
from edge_stock_drops import Client, errors
from edge_stock_drops.api.default import post_other
from edge_stock_drops.models import OtherEvent

def outcome(call):
    try:
        return repr(call())
    except (errors.ResponseTooLarge, errors.InvalidArgument) as error:
        return type(error).__name__ + " " + repr(getattr(error, "content", None))

with Client(base_url=sys.argv[1], max_response_size=10) as client:
    body = OtherEvent(code=1)
    print(outcome(lambda: post_other.sync(client=client, body=body)))  # the client's 10 bytes
    print(outcome(lambda: post_other.sync(client=client, body=body, max_response_size=100)))
    print(outcome(lambda: post_other.sync(client=client, body=body, max_response_size=12)))
    print(outcome(lambda: asyncio.run(post_other.asyncio(client=client, body=body, max_response_size=100))))
    print(outcome(lambda: post_other.sync(client=client, body=body, max_response_size=0)))
"""


def test_max_response_size_per_call_is_honoured_over_and_under_the_limit(edge: Path, wire: Any) -> None:
    answer = '{"code": 1234567}'  # 17 bytes
    for _ in range(4):
        wire.answer(200, "application/json", answer)
    sent = len(wire.seen)
    run = _calls(edge / "stock_drops", DROPS_SIZE, wire.base_url)

    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "ResponseTooLarge b'{\"code\": 1'",  # None: the client's limit, 10 bytes
        "OtherEvent(code=1234567)",  # the call's limit, over the client's
        "ResponseTooLarge b'{\"code\": 123'",  # the call's limit, under the body
        "OtherEvent(code=1234567)",  # async too
        "InvalidArgument None",  # no size: refused before a byte is sent
    ]
    assert len(wire.seen) - sent == 4


UNION_OF_ENUMS_CALLS = """
import httpx
from edge_union_of_enums import Client
from edge_union_of_enums.api.default import get_shape

fitting = {"shape": {"kind": "square", "side": 2}, "level": "h1"}
fitting_none = {"shape": {"kind": "hexagon"}, "level": "x9"}  # no option lists these values
for answer, strict in ((fitting, False), (fitting, True), (fitting_none, False)):
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=answer))
    with Client(base_url="http://127.0.0.1:9", httpx_args={"transport": transport}) as client:
        drawing = get_shape.sync(client=client, strict=strict)
        print(type(drawing.shape).__name__, repr(drawing.shape.kind), repr(drawing.level))
"""


def test_a_union_builds_the_option_its_value_fits_not_the_first_a_liberal_read_takes(edge: Path) -> None:
    run = _calls(edge / "union_of_enums", UNION_OF_ENUMS_CALLS)

    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "Square <SquareKind.SQUARE: 'square'> <High.H1: 'h1'>",
        "Square <SquareKind.SQUARE: 'square'> <High.H1: 'h1'>",  # strict=True alike
        "Circle 'hexagon' 'x9'",  # fits none: the first option that builds, the values kept (liberal)
    ]


RENAMED_CALLS = """
import httpx
from edge_renamed_twice import Client
from edge_renamed_twice.api.default import make
from edge_renamed_twice.models import Thing

sent = []
def handler(request):
    sent.append((str(request.url.query, "ascii"), request.content))
    return httpx.Response(200, json={"to_dict": "c", "to_dict_": "d"})
with Client(base_url="http://127.0.0.1:9", httpx_args={"transport": httpx.MockTransport(handler)}) as client:
    got = make.sync(
        client=client, body=Thing(to_dict_2="a", to_dict_="b"), strict_query_2=True, strict_query="s", body_query="q"
    )
print(sent)
print(got.to_dict())
"""


def test_a_renamed_argument_or_attribute_never_takes_a_name_another_has(edge: Path) -> None:
    run = _calls(edge / "renamed_twice", RENAMED_CALLS)

    assert run.returncode == 0, run.stderr
    sent, got = run.stdout.splitlines()
    assert ast.literal_eval(sent) == [("strict=true&strict_query=s&body=q", b'{"to_dict":"a","to_dict_":"b"}')]
    assert ast.literal_eval(got) == {"to_dict": "c", "to_dict_": "d"}


# Inline models of components' unions, which stock builds twice and drops (edge/union_models.yaml) ---

UNION_MODELS_CALLS = """
import sys
from edge_union_models import Client, errors
from edge_union_models.api.default import get_owner, run
from edge_union_models.models import Failed, FailedErrorsItemType1, PartsItemType1, PartsItemType1Image, Succeeded

with Client(base_url=sys.argv[1]) as client:
    failed = run.sync(client=client, body=[PartsItemType1(image=PartsItemType1Image(url="u"))])
    print(type(failed).__name__, failed.data, failed.errors[0], type(failed.errors[1]).__name__, failed.errors[1].line)
    succeeded = run.sync(client=client, body=[])
    print(type(succeeded).__name__, succeeded.errors, succeeded.data.session)
    owner = get_owner.sync(client=client)
    print(type(owner).__name__, owner.address.city)
    print(get_owner.sync(client=client))
    try:  # a `type: 'null'` property holds None only
        run.sync(client=client, body=[])
    except errors.ResponseDecodeError as error:
        print(type(error).__name__, "expected null, got integer" in str(error))
"""


def test_inline_models_of_a_components_union_are_generated_with_their_null_properties(edge: Path, wire: Any) -> None:
    wire.answer(200, "application/json", '{"data": null, "errors": ["boom", {"line": 3}]}')
    wire.answer(200, "application/json", '{"errors": null, "data": {"session": "s1"}}')
    wire.answer(200, "application/json", '{"address": {"city": "Oslo"}}')
    wire.answer(200, "application/json", "null")
    wire.answer(200, "application/json", '{"data": 1, "errors": null}')
    start = len(wire.seen)
    run = _calls(edge / "union_models", UNION_MODELS_CALLS, wire.base_url)

    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "Failed None boom FailedErrorsItemType1 3",
        "Succeeded None s1",
        "OwnerType0 Oslo",
        "None",
        "ResponseDecodeError True",  # `data: 1` is neither option's: not null, not an object
    ]
    assert wire.seen[start].json() == [{"image": {"url": "u"}}]


def test_what_stock_builds_twice_is_generated_under_the_class_name_it_would_have_had(tmp_path: Path) -> None:
    run = _generated(tmp_path, "union_models", "unions")

    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    models = {path.stem for path in (tmp_path / "out" / "unions" / "models").glob("*.py")}
    assert models == {
        "__init__",
        "succeeded",
        "succeeded_data",
        "failed",
        "failed_errors_item_type_1",
        "owner_type_0",
        "owner_type_0_address",
        "parts_item_type_0",
        "parts_item_type_1",
        "parts_item_type_1_image",
    }


# Schemas stock names alike, each with a class of its own (edge/class_names.yaml) -------------------

CLASS_NAMES_CALLS = """
import sys
from edge_class_names import Client
from edge_class_names.api.default import create_thing, get_event, get_note, put_on_shelf
from edge_class_names.models import CreateThingBody, Item, ShelfNote

with Client(base_url=sys.argv[1]) as client:
    print(repr(create_thing.sync(client=client, body=CreateThingBody(size=1))))
    print(repr(get_event.sync(client=client)))
    print(repr(get_note.sync(client=client)))
    print(repr(put_on_shelf.sync(client=client, body=ShelfNote(kind="page", number=7))))
    print(repr(put_on_shelf.sync(client=client, body=Item(kind="book", title="T"))))
"""


def test_inline_schemas_and_components_of_one_class_name_each_have_a_class(edge: Path, wire: Any) -> None:
    for answer in ('{"label": "l"}', '{"name": "n"}', '{"text": "t"}', '{"toy": "ball"}', '"plain"'):
        wire.answer(200, "application/json", answer)
    start = len(wire.seen)
    run = _calls(edge / "class_names", CLASS_NAMES_CALLS, wire.base_url)

    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "Event2(label='l')",  # `title: Event` again, and its key is createThing's inline body's class
        "Event(name='n')",
        "Note(text='t')",
        "BoxItem(toy='ball')",  # the second inline `title: Item`
        "'plain'",
    ]
    # The discriminator has no mapping: each option's own `kind` values name it.
    assert [seen.json() for seen in wire.seen[start:] if seen.body] == [
        {"size": 1},
        {"kind": "page", "number": 7},
        {"kind": "book", "title": "T"},
    ]


def test_each_class_name_given_says_both_schemas_in_a_warning(tmp_path: Path) -> None:
    run = _generated(tmp_path, "class_names", "names")

    assert run.returncode == 0, run.stderr
    warnings = [line.split(": ", 2)[2] for line in run.stderr.splitlines()]
    assert warnings == [
        "line 64: #/components/schemas/CreateThingBody: openapi-python-client would drop it: its class name Event "
        "is also that of #/components/schemas/Event: generated as Event2",
        "line 82: #/components/schemas/Shelf/oneOf/1: openapi-python-client would drop it: its class name Note is "
        "also that of #/components/schemas/Note: generated as ShelfNote",
        "line 90: #/components/schemas/Box/oneOf/0: openapi-python-client would drop it: its class name Item is "
        "also that of #/components/schemas/Shelf/oneOf/0: generated as BoxItem",
    ]


# A `format: binary` property where the media type carries text (edge/binary_in_text.yaml) ----------

BINARY_CALLS = """
import io, sys, typing
from edge_binary_in_text import Client
from edge_binary_in_text.api.default import send_attachment
from edge_binary_in_text.models import Attachment
from edge_binary_in_text.types import File

with Client(base_url=sys.argv[1]) as client:
    for media_type in typing.get_args(send_attachment.RequestMediaType):  # JSON, XML, a form, multipart
        body = Attachment(content=File(payload=io.BytesIO(b"\\x00\\xffPDF"), file_name="a.pdf"), filename="a.pdf")
        got = send_attachment.sync(client=client, body=body, content_type=media_type)
        print(got.content.payload.read())
"""


def test_a_binary_property_travels_as_base64_text_where_the_media_type_carries_text(edge: Path, wire: Any) -> None:
    for answer in ('{"content": "AP9QREY="}', '{"content": "AP9QREY"}', '{"content": "AP-_"}', '{"content": "a.b"}'):
        wire.answer(200, "application/json", answer)
    start = len(wire.seen)
    run = _calls(edge / "binary_in_text", BINARY_CALLS, wire.base_url)

    assert run.returncode == 0, run.stderr
    # Read liberally: padded or not, either alphabet; text that is no base64 is its own bytes.
    assert run.stdout.splitlines() == ["b'\\x00\\xffPDF'", "b'\\x00\\xffPDF'", "b'\\x00\\xff\\xbf'", "b'a.b'"]
    json_body, xml_body, form_body, multipart_body = wire.seen[start:]
    assert json_body.json() == {"content": "AP9QREY=", "filename": "a.pdf"}
    assert "<content>AP9QREY=</content>" in xml_body.xml()
    assert form_body.form() == {"content": ["AP9QREY="], "filename": ["a.pdf"]}
    assert multipart_body.multipart()["content"] == ("a.pdf", b"\x00\xffPDF")  # a part carries the bytes
