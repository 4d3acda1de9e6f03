"""Start-up: a whole process importing the package versus one importing httpx, bytecode cached."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from .harness import Row, Stats, table, verdict

GOAL = 1.1
RUNS = 40


def _process(code: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    return time.perf_counter() - started


def with_bytecode(cache: str) -> dict[str, str]:
    """An environment in which every module loads from cached bytecode, as from an installed wheel.

    pip writes bytecode for what it installs; a package on PYTHONPATH with bytecode writes off
    (PYTHONDONTWRITEBYTECODE) would be compiled from source in every run. One cache directory for
    every module, httpx's included, filled by a first run of each command.
    """
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return env | {"PYTHONPYCACHEPREFIX": cache}


USE = "from partner_center_auth import AuthenticatedClient, TokenProvider, TokenRequest"


def run() -> tuple[str, float, bool]:
    ours, httpx_only, in_use, floor = [], [], [], []
    with tempfile.TemporaryDirectory() as cache:
        env = with_bytecode(cache)
        for code in ("import httpx, attrs", USE):
            _process(code, env)
        for _ in range(RUNS):  # interleaved, so that drift of the machine hits all alike
            httpx_only.append(_process("import httpx", env))
            ours.append(_process("import partner_center_auth", env))
            in_use.append(_process(USE, env))
            floor.append(_process("import httpx, attrs", env))
    lazy = (
        subprocess.run(
            [sys.executable, "-c", "import sys, partner_center_auth; print('lxml' in sys.modules)"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        == "False"
    )
    base, mine, used, least = Stats.of(httpx_only), Stats.of(ours), Stats.of(in_use), Stats.of(floor)
    ratio = used.median / base.median  # the goal is stated for what a user imports
    rows = [
        Row("python -c 'import partner_center_auth'", mine),
        Row(f"python -c '{USE}'", used, "(what a user imports: httpx, attrs, the models, the token provider)"),
        Row("python -c 'import httpx, attrs'", least, "(the floor: both are dependencies of every generated model)"),
        Row("python -c 'import httpx'", base),
    ]
    goal = (
        f"Goal ≤ {GOAL}× importing httpx, for what a user imports: {verdict(ratio <= GOAL)} ({ratio:.2f}×); "
        f"httpx and attrs alone take {least.median / base.median:.2f}×. "
        f"The package alone: {mine.median / base.median:.2f}× (the public names are imported on first use). "
        f"lxml left unloaded until an XML media type is used: {verdict(lazy)}."
    )
    return table(f"Whole processes, {RUNS} runs each", rows, base, goal=GOAL, goal_text=goal), ratio, lazy
