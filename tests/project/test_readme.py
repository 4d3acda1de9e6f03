"""Every code block of README.md runs as written, against the stand-in server; so does every
complete Python block of the package's own README (generated/README.md).

A small collector of fenced blocks, not a plugin: the README's examples are few and plain, and
the one piece of hidden setup is stated here. Each ``python`` block runs on its own in a fresh
interpreter; each ``sh`` block runs in ``bash -e`` with ``.venv/bin`` first on ``PATH``, in a
scratch folder that links the project's ``.venv``, ``overlays`` and ``tests`` and holds an
``entra-token.txt``. The hidden setup: ``ENTRA_ID_TOKEN`` (and azure-identity's three variables)
are set, ``PARTNER_CENTER_BASE_URL`` points at a stand-in, and the literal
``https://api.partnercenter.microsoft.com`` is replaced by the stand-in's address.

A block preceded by ``<!-- readme: not run ... (why) -->`` is skipped, with its reason; one
preceded by ``<!-- readme: runs until interrupted -->`` is started, must print its first line
and keep running while the next block runs, and must then stop on Ctrl-C with status 0.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from attrs import frozen

from conftest import PROJECT
from partner_center_auth.testing import StandInServer

PARTNER_CENTER = "https://api.partnercenter.microsoft.com"
_BLOCK = re.compile(r"(?:<!-- readme: (?P<marker>[^>]*?) -->\n)?^```(?P<language>\w+)\n(?P<code>.*?)^```", re.S | re.M)


@frozen
class Block:
    file: str
    line: int
    language: str
    code: str
    marker: str | None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


def blocks(readme: Path = PROJECT / "README.md") -> list[Block]:
    text = readme.read_text()
    name = str(readme.relative_to(PROJECT))
    return [
        Block(name, text[: match.start("code")].count("\n"), match["language"], match["code"], match["marker"])
        for match in _BLOCK.finditer(text)
        if match["language"] in ("python", "sh")
    ]


def test_the_readme_has_examples_of_both_kinds() -> None:
    found = blocks()
    assert sum(block.language == "python" for block in found) >= 6
    assert sum(block.language == "sh" for block in found) >= 5


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    for name in (".venv", "overlays", "tests"):
        (tmp_path / name).symlink_to(PROJECT / name)
    (tmp_path / "entra-token.txt").write_text("entra-id-token-from-a-file\n")
    return tmp_path


def environment(server: StandInServer) -> dict[str, str]:
    return {
        **os.environ,
        "PATH": f"{PROJECT / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(PROJECT / "generated"),
        "ENTRA_ID_TOKEN": "entra-id-token-for-the-readme",
        "AZURE_TENANT_ID": "contoso.onmicrosoft.com",
        "AZURE_CLIENT_ID": "00000000-0000-0000-0000-000000000001",
        "AZURE_CLIENT_SECRET": "client-secret-for-the-readme",
        "PARTNER_CENTER_BASE_URL": server.base_url,
    }


# The package README's generic first call is written with `...` for the operation's own values.
PACKAGE_BLOCKS = [
    b for b in blocks(PROJECT / "generated" / "README.md") if b.language == "python" and "..." not in b.code
]


RUN_PYTHON = [b for b in blocks() if b.language == "python" and not (b.marker or "").startswith("not run")]


@pytest.mark.parametrize("block", RUN_PYTHON + PACKAGE_BLOCKS, ids=str)
def test_python_block(block: Block, server: StandInServer, scratch: Path) -> None:
    code = block.code.replace(PARTNER_CENTER, server.base_url)

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=scratch, env=environment(server), timeout=60
    )

    assert result.returncode == 0, result.stderr


def shell_runs() -> Iterator[tuple[Block, Block | None]]:
    """Each shell block to run, with the block that runs until interrupted beside it, if any."""
    waiting: Block | None = None
    for block in blocks():
        if block.language != "sh" or (block.marker or "").startswith("not run"):
            continue
        if block.marker == "runs until interrupted":
            waiting = block
            continue
        yield block, waiting
        waiting = None


@pytest.mark.parametrize(("block", "background"), list(shell_runs()), ids=lambda b: str(b) if b else "alone")
def test_shell_block(block: Block, background: Block | None, server: StandInServer, scratch: Path) -> None:
    env = environment(server)
    running = None
    if background is not None:
        running = subprocess.Popen(
            ["bash", "-e", "-c", background.code], cwd=scratch, env=env, stdout=subprocess.PIPE, text=True
        )
        assert running.stdout is not None
        assert running.stdout.readline(), f"{background} printed nothing"
    try:
        result = subprocess.run(
            ["bash", "-e", "-c", block.code], capture_output=True, text=True, cwd=scratch, env=env, timeout=120
        )
    finally:
        if running is not None:
            running.send_signal(signal.SIGINT)
            stopped = running.wait(timeout=10)
            running.stdout.close()  # type: ignore[union-attr]
            assert stopped == 0, f"{background} did not stop on Ctrl-C"

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_the_skipped_blocks_say_why() -> None:
    skipped = [block for block in blocks() if (block.marker or "").startswith("not run")]

    assert skipped and all(re.fullmatch(r"not run by the tests \(.+\)", block.marker or "") for block in skipped)
