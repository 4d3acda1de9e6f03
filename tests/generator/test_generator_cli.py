"""The generator's command: stock's verb, nothing defaulted to this project, and every refusal one
``error:`` line saying what to do (stock's banner and issue link never shown)."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

import users
from conftest import PROJECT
from users import ORDERS, refused


def command(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pca_generator", *arguments], capture_output=True, text=True, cwd=cwd, timeout=300
    )


@pytest.fixture
def user(tmp_path: Path) -> Path:
    return users.folder(tmp_path)


def test_help_shows_every_option_and_version_names_the_pinned_tools(tmp_path: Path) -> None:
    helped = command("generate", "--help", cwd=tmp_path)
    versioned = command("--version", cwd=tmp_path)
    script = Path(sys.executable).parent / "pca-generator"

    assert helped.returncode == 0
    for option in ("--spec PATH", "--url URL", "--config FILE", "--output DIR", "--overwrite", "--report"):
        assert option in helped.stdout
    assert versioned.stdout.startswith("pca-generator ") and "openapi-python-client 0.29.1" in versioned.stdout
    assert subprocess.run([script, "--version"], capture_output=True, text=True).stdout == versioned.stdout


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["generate", "--spec", "orders.yaml", "--output", "out"], ["--config", "--help"]),
        (["generate", "--spec", "orders.yaml", "--config", "orders.config.yaml"], ["--output"]),
        (["generate", "--config", "orders.config.yaml", "--output", "out"], ["--spec", "--url"]),
        (["generate", "--spec", "a.yaml", "--url", "http://127.0.0.1/a", "--config", "c", "--output", "o"], ["--url"]),
        ([], ["COMMAND"]),
    ],
)
def test_what_the_generator_cannot_know_is_required(user: Path, arguments: list[str], words: list[str]) -> None:
    result = command(*arguments, cwd=user)

    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2
    assert len(lines) == 1 and lines[0].startswith("error: ") and all(word in lines[0] for word in words), lines
    assert not (user / "out").exists() and not (PROJECT / "generated" / "orders_client").exists()


@pytest.mark.parametrize(
    ("config", "words"),
    [
        (None, ["no configuration file", "missing.yaml", "package_name_override"]),
        ("package_name_override: [orders\n", ["is not valid YAML (line 2, column 1: "]),
        ("- a list\n", ["must be a YAML mapping"]),
        ("package_name_override: orders_client\nliteral_enums: [1]\n", ["literal_enums", "fix that key"]),
        ("package_name_override: orders_client\nlayers: [nowhere]\n", ["no layer file", "nowhere/layer.yaml"]),
    ],
)
def test_a_configuration_it_cannot_use_is_one_line(user: Path, config: str | None, words: list[str]) -> None:
    if config is not None:
        (user / "missing.yaml").write_text(config)

    result = command("generate", "--spec", "orders.yaml", "--config", "missing.yaml", "--output", "out", cwd=user)

    refused(result, *words)
    assert "Traceback" not in result.stderr and not (user / "out").exists()


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        (None, ["no spec file", "--spec"]),
        ("openapi: 3.1.0\ninfo: {title: T}\npaths: {}\n", ["gives no info.version", "package_version_override"]),
        ('swagger: "2.0"\ninfo: {title: T}\n', ["Swagger 2.0 document", "convert it"]),
        ("{[", ["neither YAML nor JSON"]),
    ],
)
def test_a_spec_it_cannot_read_is_one_line(user: Path, spec: str | None, words: list[str]) -> None:
    if spec is not None:
        (user / "bad.yaml").write_text(spec)

    result = command("generate", "--spec", "bad.yaml", "--config", "orders.config.yaml", "--output", "out", cwd=user)

    refused(result, *words)


def test_what_stock_drops_is_a_warning_line_and_with_strict_the_cause_of_one_error_line(user: Path) -> None:
    header_object = ORDERS.replace(
        "      operationId: listOrders\n",
        "      operationId: listOrders\n      parameters:\n"
        "        - {name: x-filter, in: header, schema: {enum: [0.5, 1.5]}}\n",  # a number enum: stock drops it
    )
    (user / "orders.yaml").write_text(header_object)
    arguments = ("generate", "--spec", "orders.yaml", "--config", "orders.config.yaml")

    generated = command(*arguments, "--output", "out", cwd=user)
    strict = command(*arguments, "--output", "strict", "--strict", cwd=user)

    assert generated.returncode == 0, generated.stderr
    warnings = [line for line in generated.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 1 and "openapi-python-client dropped a part" in warnings[0]
    assert "orders.yaml: line 5: #/paths/~1orders/get: openapi-python-client dropped a part: " in warnings[0]
    assert "cannot parse parameter" in warnings[0] and (user / "out").is_dir()
    lines = strict.stderr.strip().splitlines()
    assert strict.returncode == 1
    assert lines[0].startswith("error: openapi-python-client would drop part of the spec (--strict)")
    assert lines[1:] and all(line.startswith("  cause: ") for line in lines[1:])
    assert "cannot parse parameter" in strict.stderr
    for result in (generated, strict):
        assert "open an issue" not in result.stdout + result.stderr
        assert "Warning(s) encountered" not in result.stdout + result.stderr
    assert not (user / "strict").exists()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_a_configuration_key_no_one_reads_is_a_warning_naming_the_key_it_resembles(user: Path) -> None:
    config = user / "orders.config.yaml"
    config.write_text(config.read_text() + "package_version_overide: 2.0.0\nmy_own_note: kept for us\n")

    generated = command(
        "generate", "--spec", "orders.yaml", "--config", "orders.config.yaml", "--output", "out", cwd=user
    )

    assert generated.returncode == 0, generated.stderr
    assert generated.stderr.splitlines() == [
        f"warning: {config}: the key package_version_overide (did you mean package_version_override?) "
        "is read by no one: ignored",
        f"warning: {config}: the key my_own_note is read by no one: ignored",
    ]


@pytest.fixture
def served(user: Path) -> Iterator[str]:
    handler = partial(_Quiet, directory=str(user))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_spec_from_a_url(user: Path, served: str) -> None:
    result = command(
        "generate", "--url", f"{served}/orders.yaml", "--config", "orders.config.yaml", "--output", "out", cwd=user
    )
    missing = command(
        "generate", "--url", f"{served}/nothing.yaml", "--config", "orders.config.yaml", "--output", "o2", cwd=user
    )

    assert result.returncode == 0, result.stderr
    assert (user / "out" / "orders_client" / "api" / "default" / "list_orders.py").is_file()
    refused(missing, "cannot read the spec at", "404")
