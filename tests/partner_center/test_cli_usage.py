"""The command's usage: options, where the Entra ID token comes from, interruption, help; run as a subprocess."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import partner_center_auth
from partner_center_auth.testing import StandInServer

ENTRA = "entra-id-token-for-the-cli"
PACKAGE_ROOT = str(Path(partner_center_auth.__file__).resolve().parent.parent)
VARIABLES = ("PARTNER_CENTER_ENTRA_TOKEN", "PARTNER_CENTER_BASE_URL")


def environment(**variables: str) -> dict[str, str]:
    clean = {name: value for name, value in os.environ.items() if name not in VARIABLES}
    return {**clean, "PYTHONPATH": PACKAGE_ROOT, **variables}


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "partner_center_auth", *args]


def run(*args: str, stdin: bytes | str | None = b"", **variables: str) -> subprocess.CompletedProcess[str]:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    result = subprocess.run(command(*args), input=data, capture_output=True, env=environment(**variables), timeout=60)
    return subprocess.CompletedProcess(result.args, result.returncode, result.stdout.decode(), result.stderr.decode())


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("partner-center-auth: ")
    return line


# --version anywhere ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args", [("--version",), ("token", "--version"), ("serve", "--version"), ("-v", "token", "--version")]
)
def test_version_is_accepted_before_or_after_the_command(args: tuple[str, ...]) -> None:
    result = run(*args)

    assert (result.returncode, result.stdout) == (0, f"partner-center-auth {partner_center_auth.__version__}\n")


# Base URLs: the option, or the variable, named ------------------------------------------------------

BAD_URLS = [
    "https://" + "a" * 300 + ".example",
    "https://xn--zz",
    "http://[::1",
    "http://a\x85b.example",
    "http://127.0.0.1:99999",
    "https://a..example",
    "ftp://example.org",
    "not-a-url",
]


@pytest.mark.parametrize("base_url", BAD_URLS)
def test_a_bad_base_url_option_is_exit_2_naming_the_option(base_url: str) -> None:
    result = run("token", "--base-url", base_url, stdin=ENTRA)

    assert result.returncode == 2
    line = one_line(result)
    assert "--base-url" in line and "the base URL" in line


@pytest.mark.parametrize("base_url", [*BAD_URLS, "http://a\x01b.example"])
def test_a_bad_base_url_variable_is_exit_2_naming_the_variable(base_url: str) -> None:
    result = run("token", stdin=ENTRA, PARTNER_CENTER_BASE_URL=base_url)

    assert result.returncode == 2
    line = one_line(result)
    assert "PARTNER_CENTER_BASE_URL" in line and "--base-url" not in line


def test_the_option_wins_over_a_bad_variable(server: StandInServer) -> None:
    result = run("token", "--base-url", server.base_url, "--raw", stdin=ENTRA, PARTNER_CENTER_BASE_URL="https://xn--zz")

    assert (result.returncode, result.stdout) == (0, server.issued_tokens[0] + "\n")


# The Entra ID token: from a file, "-", the variable or standard input; empty says so --------------


def test_entra_token_file_dash_reads_standard_input(server: StandInServer) -> None:
    result = run("token", "--base-url", server.base_url, "--entra-token-file", "-", "--raw", stdin=ENTRA + "\n")

    assert result.returncode == 0, result.stderr
    assert server.requests[0].headers["authorization"] == f"Bearer {ENTRA}"


def test_entra_token_file_dash_wins_over_the_variable(server: StandInServer) -> None:
    result = run(
        "token",
        "--base-url",
        server.base_url,
        "--entra-token-file",
        "-",
        stdin=ENTRA,
        PARTNER_CENTER_ENTRA_TOKEN="other",
    )

    assert result.returncode == 0, result.stderr
    assert server.requests[0].headers["authorization"] == f"Bearer {ENTRA}"


@pytest.mark.parametrize("content", [b"", b"\n", b"  \r\n\t", b"\xef\xbb\xbf\r\n"])
def test_an_empty_token_file_says_the_file_is_empty(server: StandInServer, tmp_path: Path, content: bytes) -> None:
    token_file = tmp_path / "entra.txt"
    token_file.write_bytes(content)

    result = run("token", "--base-url", server.base_url, "--entra-token-file", str(token_file))

    assert result.returncode == 2
    line = one_line(result)
    assert "--entra-token-file" in line and str(token_file) in line and line.endswith("is empty")
    assert server.call_count == 0


def test_a_token_file_named_with_a_newline_is_still_one_line(tmp_path: Path) -> None:
    token_file = tmp_path / "entra\nX-Injected: 1.txt"
    token_file.write_bytes(b"")

    result = run("token", "--entra-token-file", str(token_file))

    assert result.returncode == 2
    assert "is empty" in one_line(result)


@pytest.mark.parametrize(
    ("args", "variables", "said"),
    [
        (("--entra-token-file", "-"), {}, "--entra-token-file -: standard input is empty"),
        ((), {}, "standard input is empty"),
        ((), {"PARTNER_CENTER_ENTRA_TOKEN": " \n "}, "PARTNER_CENTER_ENTRA_TOKEN is empty"),
    ],
)
def test_every_empty_source_is_named(
    server: StandInServer, args: tuple[str, ...], variables: dict[str, str], said: str
) -> None:
    result = run("token", "--base-url", server.base_url, *args, stdin=b"\n", **variables)

    assert result.returncode == 2
    assert said in one_line(result)
    assert server.call_count == 0


def test_a_windows_token_file_with_a_byte_order_mark_works(server: StandInServer, tmp_path: Path) -> None:
    token_file = tmp_path / "entra.txt"
    token_file.write_bytes(b"\xef\xbb\xbf" + ENTRA.encode() + b"\r\n")

    result = run("token", "--base-url", server.base_url, "--entra-token-file", str(token_file), "--raw")

    assert result.returncode == 0, result.stderr
    assert server.requests[0].headers["authorization"] == f"Bearer {ENTRA}"


@pytest.mark.parametrize("source", ["/dev/zero", "stdin"])
def test_an_endless_token_source_is_refused_not_read_to_its_end(server: StandInServer, source: str) -> None:
    if source == "stdin":
        with open("/dev/zero", "rb") as zeros:
            completed = subprocess.run(
                command("token", "--base-url", server.base_url),
                stdin=zeros,
                capture_output=True,
                text=True,
                env=environment(),
                timeout=60,
            )
    else:
        completed = run("token", "--base-url", server.base_url, "--entra-token-file", source)

    assert completed.returncode == 2
    assert "not an Entra ID token" in one_line(completed)
    assert server.call_count == 0


def test_a_directory_as_token_file_is_one_line_exit_2(tmp_path: Path) -> None:
    result = run("token", "--entra-token-file", str(tmp_path))

    assert result.returncode == 2
    assert "--entra-token-file" in one_line(result)


# Ctrl-C: exit 130 and one line ----------------------------------------------------------------------


@pytest.fixture
def slow_server() -> Iterator[StandInServer]:
    with StandInServer(delay=30) as stand_in:
        yield stand_in


def _interrupted(process: subprocess.Popen[str], ready: object) -> tuple[int, str]:
    deadline = time.monotonic() + 30
    while not callable(ready) or not ready():
        assert time.monotonic() < deadline, "never got to the point of being interrupted"
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    return process.returncode, stderr


@pytest.mark.parametrize("args", [(), ("-vv",)])
def test_ctrl_c_during_a_fetch_exits_130_with_one_line(slow_server: StandInServer, args: tuple[str, ...]) -> None:
    with subprocess.Popen(
        command("token", *args, "--base-url", slow_server.base_url),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(PARTNER_CENTER_ENTRA_TOKEN=ENTRA),
    ) as process:
        code, stderr = _interrupted(process, lambda: slow_server.call_count > 0)

    assert code == 130
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.startswith("partner-center-auth: ")]
    assert lines == ["partner-center-auth: interrupted"]
    if not args:
        assert stderr == "partner-center-auth: interrupted\n"


def test_ctrl_c_while_reading_the_token_from_standard_input_exits_130() -> None:
    read_end, write_end = os.pipe()
    try:
        with subprocess.Popen(
            command("token", "--base-url", "http://127.0.0.1:9"),
            stdin=read_end,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment(),
        ) as process:
            os.write(write_end, b"entra-")  # the rest never comes
            started = time.monotonic()
            code, stderr = _interrupted(process, lambda: time.monotonic() - started > 1.5)
    finally:
        os.close(read_end)
        os.close(write_end)

    assert (code, stderr) == (130, "partner-center-auth: interrupted\n")


# serve --host: refused before any warning --------------------------------------------------------


@pytest.mark.parametrize("host", ["999.1.1.1", "1.2.3", "::g", "a b", "", "[::1]", "host\x01name", "a..b"])
def test_serve_refuses_a_host_that_is_no_address_before_warning(host: str) -> None:
    result = run("serve", "--host", host)

    assert result.returncode == 2
    line = one_line(result)
    assert "--host" in line and "warning" not in result.stderr


def test_serve_refuses_an_address_of_another_machine_before_warning() -> None:
    result = run("serve", "--host", "192.0.2.1")  # TEST-NET-1: no machine has it; nothing is sent

    assert result.returncode == 2
    assert "--host 192.0.2.1" in one_line(result)
    assert "warning" not in result.stderr


@pytest.mark.parametrize("host", ["::1", "localhost"])
def test_serve_listens_on_loopback_names_and_ipv6_without_warning(host: str) -> None:
    with subprocess.Popen(
        command("serve", "--host", host), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment()
    ) as serving:
        assert serving.stdout is not None and serving.stderr is not None
        base_url = next(word for word in serving.stdout.readline().split() if word.startswith("http:"))
        result = run("token", "--base-url", base_url, "--raw", stdin=ENTRA)
        serving.send_signal(signal.SIGINT)
        serving.wait(timeout=10)
        logged = serving.stderr.read()

    assert (result.returncode, result.stdout.startswith("stand-in-")) == (0, True), result.stderr
    assert "warning" not in logged


# token --help ------------------------------------------------------------------------------------


def test_token_help_documents_the_sources_defaults_and_exit_codes() -> None:
    result = run("token", "--help")

    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for said in (
        "PARTNER_CENTER_ENTRA_TOKEN",
        "standard input",
        "- reads standard input",
        "PARTNER_CENTER_BASE_URL",
        "https://api.partnercenter.microsoft.com",
        "default: application/x-www-form-urlencoded",
        "default: application/json",
        "default: a fresh one",
    ):
        assert said in text, said
    for line in (
        "0 the token was written",
        "2 usage",
        "3 not authenticated or forbidden (401, 403)",
        "4 bad input (400, 404)",
        "5 server, transport or output failure",
        "130 interrupted",
    ):
        assert line in text, line
