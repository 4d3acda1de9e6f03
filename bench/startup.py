"""Start-up: a whole process importing the package versus one importing httpx."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from .harness import Row, Stats, table, verdict

GOAL = 1.1
RUNS = 40


def _process(code: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=os.environ)
    return time.perf_counter() - started


USE = "from partner_center_auth import AuthenticatedClient, TokenProvider, TokenRequest"


def run() -> tuple[str, float, bool]:
    ours, httpx_only, in_use = [], [], []
    for _ in range(RUNS):  # interleaved, so that drift of the machine hits all alike
        httpx_only.append(_process("import httpx"))
        ours.append(_process("import partner_center_auth"))
        in_use.append(_process(USE))
    lazy = (
        subprocess.run(
            [sys.executable, "-c", "import sys, partner_center_auth; print('lxml' in sys.modules)"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        == "False"
    )
    base, mine, used = Stats.of(httpx_only), Stats.of(ours), Stats.of(in_use)
    ratio = used.median / base.median  # the goal is stated for what a user imports
    rows = [
        Row("python -c 'import partner_center_auth'", mine),
        Row(f"python -c '{USE}'", used, "(what a user imports: httpx, attrs, the models, the operation)"),
        Row("python -c 'import httpx'", base),
    ]
    goal = (
        f"Goal ≤ {GOAL}× importing httpx, for what a user imports: {verdict(ratio <= GOAL)} ({ratio:.2f}×). "
        f"The package alone: {mine.median / base.median:.2f}× (the public names are imported on first use). "
        f"lxml left unloaded until an XML media type is used: {verdict(lazy)}."
    )
    return table(f"Whole processes, {RUNS} runs each", rows, base, goal=GOAL, goal_text=goal), ratio, lazy
