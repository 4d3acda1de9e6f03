"""The development set-up: make checks the interpreter first, rebuilds a foreign .venv, lists every target."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT


def make(*arguments: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    environment = {name: value for name, value in os.environ.items() if not name.startswith("MAKE")}
    return subprocess.run(["make", *arguments], capture_output=True, text=True, cwd=cwd, env=environment, timeout=60)


def checkout(tmp_path: Path) -> Path:
    """The files make reads, in a folder of their own."""
    for name in ("Makefile", "requirements-dev.txt", "overlays/pyproject.toml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PROJECT / name, tmp_path / name)
    return tmp_path


def old_python(tmp_path: Path) -> Path:
    """An interpreter that reports Python 3.9 (this machine's Python, told to say so)."""
    script = tmp_path / "python3.9"
    script.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "-c" ]; then\n'
        f'  CODE="$2" exec {sys.executable} -c '
        "\"import os, sys; sys.version_info = (3, 9, 18, 'final', 0); exec(os.environ['CODE'])\"\n"
        "fi\n"
        f'exec {sys.executable} "$@"\n'
    )
    script.chmod(0o755)
    return script


def test_an_old_python_is_refused_first_in_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    folder = checkout(tmp_path / "repo")
    python = old_python(tmp_path)

    result = make("venv", f"PYTHON={python}", cwd=folder)

    assert result.returncode != 0
    assert f"Python 3.11 or newer is needed, and {python} is 3.9.18" in result.stderr
    assert "pip" not in result.stdout + result.stderr
    assert not (folder / ".venv").exists()


def test_a_venv_made_by_another_interpreter_is_rebuilt(tmp_path: Path) -> None:
    folder = checkout(tmp_path)
    (folder / ".venv" / "bin").mkdir(parents=True)
    (folder / ".venv" / ".installed-python-3.9.18").touch()  # what another interpreter left

    planned = make("-n", "venv", cwd=folder)

    assert planned.returncode == 0, planned.stderr
    assert "rm -rf .venv" in planned.stdout
    assert "-m venv .venv" in planned.stdout


def test_make_help_lists_every_target() -> None:
    makefile = (PROJECT / "Makefile").read_text()
    targets = set(re.search(r"^\.PHONY: (.+)$", makefile, re.M)[1].split()) - {"python-version"}  # type: ignore[index]

    listed = {line.split()[1] for line in make("help").stdout.splitlines() if line.startswith("make ")}

    assert targets - {"help"} <= listed
