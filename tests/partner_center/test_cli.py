"""The partner-center-auth command, run as a subprocess against the stand-in."""

from __future__ import annotations

import base64
import json
import os
import signal
import stat
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from conftest import PROJECT
from partner_center_auth.testing import StandInServer
from wire import WireServer

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


def assert_one_line_without_traceback(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("partner-center-auth: ")
    return line


@pytest.mark.parametrize("base_url", ["http://127.0.0.1:abc", "not-a-url", "http://[::1", "ftp://example.org"])
def test_a_bad_base_url_is_a_usage_error(base_url: str) -> None:
    result = run("token", "--base-url", base_url, stdin=ENTRA)

    assert result.returncode == 2
    assert "--base-url" in assert_one_line_without_traceback(result)


def test_plain_http_beyond_loopback_is_refused_naming_the_flag_that_allows_it(server: StandInServer) -> None:
    # 0.0.0.0 is not a loopback address, yet connecting to it reaches this machine.
    beyond = server.base_url.replace("127.0.0.1", "0.0.0.0")

    refused = run("token", "--base-url", beyond, stdin=ENTRA)
    allowed = run("token", "--base-url", beyond, "--allow-insecure-http", "--raw", stdin=ENTRA)

    assert refused.returncode == 2
    assert "--allow-insecure-http" in assert_one_line_without_traceback(refused)
    assert server.issued_tokens and allowed.stdout == server.issued_tokens[0] + "\n"
    assert len(server.requests) == 1


@pytest.mark.parametrize("content", [b"\xff\xfe not utf-8", b"entra\x80token"])
def test_a_token_that_is_not_utf8_is_one_line_exit_2(server: StandInServer, tmp_path: Path, content: bytes) -> None:
    token_file = tmp_path / "entra.txt"
    token_file.write_bytes(content)

    from_file = run("token", "--base-url", server.base_url, "--entra-token-file", str(token_file))
    from_stdin = subprocess.run(
        [sys.executable, "-m", "partner_center_auth", "token", "--base-url", server.base_url],
        input=content,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT / "generated")},
        timeout=60,
    )

    assert from_file.returncode == from_stdin.returncode == 2
    assert_one_line_without_traceback(from_file)
    assert b"Traceback" not in from_stdin.stderr


def test_a_missing_token_file_is_one_line_exit_2(tmp_path: Path) -> None:
    result = run("token", "--entra-token-file", str(tmp_path / "absent.txt"))

    assert result.returncode == 2
    assert "No such file" in assert_one_line_without_traceback(result)


@pytest.mark.parametrize("target", ["closed-pipe", "/dev/full"])
def test_a_token_that_cannot_be_written_is_exit_5_and_one_line(server: StandInServer, target: str) -> None:
    environment = {**os.environ, "PYTHONPATH": str(PROJECT / "generated"), "PARTNER_CENTER_ENTRA_TOKEN": ENTRA}
    command = [sys.executable, "-m", "partner_center_auth", "token", "--base-url", server.base_url, "--raw"]
    if target == "closed-pipe":
        read_end, write_end = os.pipe()
        os.close(read_end)
        with os.fdopen(write_end, "wb") as stdout:
            result = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, text=True, env=environment)
    else:
        with open(target, "wb") as stdout:
            result = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, text=True, env=environment)

    assert result.returncode == 5
    assert "cannot write the token" in assert_one_line_without_traceback(result)


@pytest.mark.parametrize("where", ["before", "after"])
def test_verbose_shows_this_packages_lines_before_or_after_the_command(server: StandInServer, where: str) -> None:
    arguments = ["-v", "token"] if where == "before" else ["token", "-v"]

    # --no-cache: both calls send their request, whose lines are the point here.
    result = run(*arguments, "--base-url", server.base_url, "--raw", "--no-cache", stdin=ENTRA)
    very = run("token", "-vv", "--base-url", server.base_url, "--raw", "--no-cache", stdin=ENTRA)

    assert result.returncode == 0
    assert f"POST {server.base_url}/v3/generatetoken -> 200" in result.stderr
    assert "ms-correlationid=" in result.stderr
    assert "httpcore" not in result.stderr
    assert "httpcore" in very.stderr
    assert ENTRA not in result.stderr + very.stderr
    assert server.issued_tokens[0] not in result.stderr + very.stderr


def test_version_prints_the_package_version() -> None:
    import partner_center_auth

    result = run("--version")

    assert (result.returncode, result.stdout) == (0, f"partner-center-auth {partner_center_auth.__version__}\n")


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_serve_refuses_a_port_that_is_not_one(port: str) -> None:
    result = run("serve", "--port", port)

    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_serve_on_a_port_in_use_is_one_line_exit_5(server: StandInServer) -> None:
    port = server.base_url.rpartition(":")[2]

    result = run("serve", "--port", port)

    assert result.returncode == 5
    assert f"cannot listen on 127.0.0.1:{port}" in assert_one_line_without_traceback(result)


def test_serve_warns_when_listening_beyond_loopback_and_logs_each_request_with_v() -> None:
    environment = {**os.environ, "PYTHONPATH": str(PROJECT / "generated")}
    with subprocess.Popen(
        [sys.executable, "-m", "partner_center_auth", "serve", "-v", "--host", "0.0.0.0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    ) as serving:
        assert serving.stdout is not None and serving.stderr is not None
        base_url = next(word for word in serving.stdout.readline().split() if word.startswith("http:"))
        run("token", "--base-url", base_url.replace("0.0.0.0", "127.0.0.1"), "--raw", stdin=ENTRA)
        serving.send_signal(signal.SIGINT)
        assert serving.wait(timeout=10) == 0
        logged = serving.stderr.read()

    assert "warning: listening on 0.0.0.0" in logged
    (request_line,) = [line for line in logged.splitlines() if "/v3/generatetoken" in line]
    assert "POST /v3/generatetoken -> 200 application/json" in request_line


def test_an_entra_token_with_control_characters_is_a_usage_error(server: StandInServer) -> None:
    result = run("token", "--base-url", server.base_url, env={"PARTNER_CENTER_ENTRA_TOKEN": "entra\x01token"})

    assert result.returncode == 2
    assert "control characters" in assert_one_line_without_traceback(result)
    assert server.call_count == 0


def test_a_closed_standard_output_is_said_in_one_line(server: StandInServer) -> None:
    environment = {**os.environ, "PYTHONPATH": str(PROJECT / "generated"), "PARTNER_CENTER_ENTRA_TOKEN": ENTRA}
    command = [sys.executable, "-m", "partner_center_auth", "token", "--base-url", server.base_url]
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=environment)
    closed = subprocess.run(
        ["bash", "-c", '"$@" >&-', "run", *command], stderr=subprocess.PIPE, text=True, env=environment
    )

    assert result.returncode == 0
    assert closed.returncode == 5
    assert "standard output" in assert_one_line_without_traceback(closed)


# The token cache (a second call within the token's life sends no request), and what the
# command says of an error answer: the Partner Center code and source, the description with -v,
# and the audience of an Entra ID token issued for another API.


def jwt(**claims: object) -> str:
    def part(value: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    return f"{part({'alg': 'RS256'})}.{part(claims)}.c2lnbmF0dXJl"


def test_a_second_call_within_the_tokens_life_sends_no_request(server: StandInServer, own_cache_home: Path) -> None:
    first = run("token", "--base-url", server.base_url, stdin=ENTRA)
    second = run("token", "--base-url", server.base_url, stdin=ENTRA)
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert json.loads(first.stdout) == json.loads(second.stdout)
    assert len(server.requests) == 1  # the stand-in's request log: the second call sent nothing
    folder = own_cache_home / "partner_center_auth" / "tokens"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(ENTRA not in path.read_text() for path in folder.glob("*.json"))


def test_another_entra_id_identity_is_not_served_the_cached_token(server: StandInServer) -> None:
    first = run("token", "--base-url", server.base_url, "--raw", stdin=jwt(tid="t", appid="one"))
    second = run("token", "--base-url", server.base_url, "--raw", stdin=jwt(tid="t", appid="two"))
    assert first.stdout != second.stdout and len(server.requests) == 2


def test_no_cache_sends_a_request_each_time(server: StandInServer, own_cache_home: Path) -> None:
    for _ in range(2):
        assert run("token", "--base-url", server.base_url, "--no-cache", stdin=ENTRA).returncode == 0
    assert len(server.requests) == 2
    assert not (own_cache_home / "partner_center_auth").exists()


def test_cache_dir_moves_the_cache(server: StandInServer, tmp_path: Path) -> None:
    for _ in range(2):
        assert (
            run("token", "--base-url", server.base_url, "--cache-dir", str(tmp_path / "c"), stdin=ENTRA).returncode == 0
        )
    assert len(server.requests) == 1 and list((tmp_path / "c").glob("*.json"))


def test_a_cache_others_can_read_is_a_usage_error_naming_it(server: StandInServer, tmp_path: Path) -> None:
    (tmp_path / "c").mkdir(mode=0o755)
    (tmp_path / "c").chmod(0o755)
    result = run("token", "--base-url", server.base_url, "--cache-dir", str(tmp_path / "c"), stdin=ENTRA)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert str(tmp_path / "c") in line and "--no-cache" in line and len(server.requests) == 0


def test_no_cache_and_cache_dir_together_are_a_usage_error(tmp_path: Path) -> None:
    result = run("token", "--no-cache", "--cache-dir", str(tmp_path), stdin=ENTRA)
    assert result.returncode == 2 and "not allowed with" in result.stderr


def test_an_error_answer_shows_its_code_and_source_and_with_v_its_description(server: StandInServer) -> None:
    server.fail_next(403, times=2)
    plain = run("token", "--base-url", server.base_url, "--no-cache", stdin=ENTRA)
    verbose = run("-v", "token", "--base-url", server.base_url, "--no-cache", stdin=ENTRA)
    assert plain.returncode == verbose.returncode == 3
    (line,) = plain.stderr.splitlines()
    assert "code 4030, source StandInServer" in line and "told to answer" not in line
    assert "description: the stand-in was told to answer 403" in verbose.stderr


def test_a_description_echoing_a_token_is_shown_without_it(wire: WireServer) -> None:
    secret = jwt(tid="t", appid="a", aud="https://api.partnercenter.microsoft.com")
    fault = {"code": 900, "description": f"token {secret} refused; also {ENTRA}", "source": f"Gateway {secret}"}
    wire.answer(400, "application/json", json.dumps(fault))
    result = run("-v", "token", "--base-url", wire.base_url, "--no-cache", stdin=secret)
    assert result.returncode == 4
    assert "code 900" in result.stderr and "source Gateway [redacted]" in result.stderr
    assert "description: token [redacted] refused; also [redacted]" in result.stderr
    assert secret not in result.stderr and ENTRA not in result.stderr
    assert secret.split(".")[1] not in result.stderr


@pytest.mark.parametrize(
    ("audience", "named"),
    [
        ("https://graph.windows.net", "the audience https://graph.windows.net"),
        (
            ["https://graph.windows.net", "00000002-0000-0000-c000-000000000000"],
            "the audience https://graph.windows.net, 0",
        ),
        ("<script>\nalert(1)", "another audience"),
    ],
)
def test_a_401_names_the_audience_of_a_token_issued_for_another_api(
    audience: object, named: str, server: StandInServer
) -> None:
    server.fail_next(401)
    entra = jwt(tid="t", appid="a", aud=audience)
    result = run("token", "--base-url", server.base_url, stdin=entra)
    assert result.returncode == 3
    (line,) = result.stderr.splitlines()
    assert named in line and "scope https://api.partnercenter.microsoft.com/.default" in line
    assert entra not in line


@pytest.mark.parametrize("entra", [jwt(tid="t", appid="a", aud="https://api.partnercenter.microsoft.com"), ENTRA])
def test_a_401_with_a_partner_center_token_or_an_opaque_one_names_no_audience(
    entra: str, server: StandInServer
) -> None:
    server.fail_next(401)
    result = run("token", "--base-url", server.base_url, stdin=entra)
    assert result.returncode == 3 and "audience" not in result.stderr
