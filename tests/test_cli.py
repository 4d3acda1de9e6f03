"""The partner-center-auth command, run as a subprocess against the stand-in."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from partner_center_auth.testing import StandInServer

PROJECT = Path(__file__).resolve().parent.parent
ENTRA = "entra-id-token-for-the-cli"


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {name: value for name, value in os.environ.items() if name != "PARTNER_CENTER_ENTRA_TOKEN"}
    environment.update(PYTHONPATH=str(PROJECT / "generated"), **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "partner_center_auth", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )


def test_token_prints_json_from_stdin(server: StandInServer) -> None:
    result = run("token", "--base-url", server.base_url, stdin=ENTRA)

    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed["access_token"] == server.issued_tokens[0]
    assert printed["token_type"] == "bearer"
    assert isinstance(printed["expires_on"], int)
    assert server.requests[0].headers["authorization"] == f"Bearer {ENTRA}"


def test_raw_prints_the_token_alone_from_a_file(server: StandInServer, tmp_path: Path) -> None:
    token_file = tmp_path / "entra.txt"
    token_file.write_text(ENTRA + "\n")

    result = run("token", "--base-url", server.base_url, "--entra-token-file", str(token_file), "--raw")

    assert (result.returncode, result.stdout) == (0, server.issued_tokens[0] + "\n")


def test_options_reach_the_wire_and_the_environment_is_read(server: StandInServer) -> None:
    correlation_id = str(uuid.uuid4())

    result = run(
        "token",
        "--base-url",
        server.base_url,
        "--legacy",
        "--content-type",
        "application/xml",
        "--accept",
        "text/json",
        "--correlation-id",
        correlation_id,
        env={"PARTNER_CENTER_ENTRA_TOKEN": ENTRA},
    )

    assert result.returncode == 0, result.stderr
    (sent,) = server.requests
    assert sent.path == "/generatetoken"
    assert (sent.headers["content-type"], sent.headers["accept"]) == ("application/xml", "text/json")
    assert sent.headers["ms-correlationid"] == correlation_id
    assert "deprecated" in result.stderr


@pytest.mark.parametrize(("status", "code"), [(401, 3), (403, 3), (400, 4), (404, 4), (500, 5)])
def test_exit_codes_for_each_answer(status: int, code: int, server: StandInServer) -> None:
    server.fail_next(status, times=10)

    result = run("token", "--base-url", server.base_url, stdin=ENTRA)

    assert result.returncode == code
    assert result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert str(status) in line
    assert f"correlation id {server.requests[0].headers['ms-correlationid']}" in line
    assert ENTRA not in result.stderr


def test_a_transport_failure_exits_5() -> None:
    with StandInServer() as server:
        base_url = server.base_url

    result = run("token", "--base-url", base_url, "--correlation-id", str(uuid.UUID(int=7)), stdin=ENTRA)

    assert result.returncode == 5
    assert "correlation id 00000000-0000-0000-0000-000000000007" in result.stderr


@pytest.mark.parametrize(
    "args", [(), ("token", "--content-type", "text/plain"), ("token", "--correlation-id", "not-a-uuid"), ("token",)]
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args, stdin="")

    assert result.returncode == 2


def test_serve_runs_the_stand_in_until_interrupted() -> None:
    environment = {**os.environ, "PYTHONPATH": str(PROJECT / "generated")}
    with subprocess.Popen(
        [sys.executable, "-m", "partner_center_auth", "serve"], stdout=subprocess.PIPE, text=True, env=environment
    ) as serving:
        assert serving.stdout is not None
        base_url = next(word for word in serving.stdout.readline().split() if word.startswith("http:"))
        result = run("token", "--base-url", base_url, "--raw", stdin=ENTRA)
        serving.send_signal(signal.SIGINT)
        assert serving.wait(timeout=10) == 0

    assert result.returncode == 0
    assert result.stdout.startswith("stand-in-")
