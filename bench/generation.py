"""Generation: the largest spec of the corpus that stock generates, by ours and by stock openapi-python-client.

The spec is chosen when the benchmark runs: of the specs under ``tests/specs/`` (its top level,
``public/`` and ``invalid/``), the one with the most operations that stock openapi-python-client
generates (a spec it refuses would compare our generation with its refusal), so that a spec added to
the corpus is measured without a change here (``PCA_BENCH_SPEC`` names another, for profiling;
``PCA_BENCH_ROUNDS`` sets the rounds, 5 by default).
Stock is tried on the specs from the largest down, and the first it generates is measured: that
try is also the warm-up round of the file system's and the interpreter's caches. Each generator
runs in a fresh process (its imports included, as a user runs it), in interleaved rounds so that
a busy moment of the machine hits both alike; reported are the medians of the wall time, of the CPU
time (the process, its forked validation and its ruff post-hooks: steadier than the wall time on a
shared machine) and of the peak resident memory (``wait4``: the largest of the process and of the
processes it waited for).

Stock gets the spec as it is, with its own configuration (the spec's, under stock's own names,
with only the keys stock reads): on a spec it cannot read whole it drops parts with a warning, and
the table says what it kept.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from attrs import frozen

from .harness import verdict

TIME_GOAL = 1.0
MEMORY_GOAL = 1.2
ROUNDS = int(os.environ.get("PCA_BENCH_ROUNDS", "5"))
ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "tests" / "specs"
CORPUS = (SPECS, SPECS / "public", SPECS / "invalid")

# Run by the generator's interpreter (the benchmark's own has no YAML reader): every spec of the
# corpus with its number of operations, read by the generator's own reader.
_SURVEY = """
import json, sys
from pathlib import Path
from openapi_python_client.config import ConfigFile
from pca_generator._yaml import load

METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
found = {}
for name in sys.argv[1:]:
    try:
        document, _ = load(Path(name).read_text(encoding="utf-8"))
    except Exception:
        continue
    paths = document.get("paths") if isinstance(document, dict) else None
    items = paths.values() if isinstance(paths, dict) else ()
    found[name] = sum(len(METHODS.intersection(item)) for item in items if isinstance(item, dict))
print(json.dumps({"operations": found, "stock_keys": sorted(ConfigFile.model_fields)}))
"""


WHERE_THE_TIME_GOES = """#### Where the time goes

Profiled on a 316-operation public spec (Keycloak's admin API, OpenAPI 3.0, 270 kB of YAML),
cProfile on process time, then each stage timed alone; CPU seconds on a loaded machine. Stock
openapi-python-client: importing 0.9, reading the YAML 2.6 (ruamel.yaml, pure Python), parsing the
document into its model 0.75, rendering 1.35, its ruff post-hooks some 1.5. Ours, before this
round: the same 2.6 reading the YAML, then openapi-spec-validator 2.3 (jsonschema over the whole
document against the OpenAPI schema, then its own walk of every schema and operation), a second
reading of the text by ruamel.yaml, 1.6, only to put one warning on its line, openapi-python-client's
parse 2.3 (three times stock's: it deep-copies every endpoint with its models three times, and stock
drops 41 operations and 12 schemas it cannot read where we keep them), rendering our templates
2.4, writing the output with its manifest 0.5, ruff 1.75. Peak memory: imports 50 MB (as
stock's), the document 10, the validator 8 more, kept to the end (openapi-spec-validator caches
every validator it made), openapi-python-client's model 15.

Done, each checked against the tests of the generator: the YAML is read by libyaml's C parser with
ruamel.yaml's own YAML 1.2 table and constructor (0.3 s instead of 2.6; a text libyaml may read
otherwise still goes to ruamel.yaml, and every spec of the corpus and generated YAML read both
ways are compared); the line of a warning is found by libyaml too; and the validator runs in a
forked process, with the placing of each warning on its line, while the package is generated
(on the second core: its 2.3 s and its memory leave the critical path and this process; the
warnings still come first and `--strict` still refuses before anything is written). The parent's
peak memory fell from 91 MB to 79. Measured by this benchmark (`PCA_BENCH_SPEC` naming the spec;
medians of 3 rounds, two cores shared with other work): on that spec, 1.32× stock's wall time
(1.65× before), 1.58× its CPU time, 1.23× its peak memory (1.41×), all 316 operations generated
where stock keeps 275; on NGINX Unit's 184-operation spec, which stock generates whole, 1.14× its
wall time (CPU 1.12×) and 1.02× its peak memory.

What remains over stock, and the design that would close it: openapi-python-client's parse of what
stock drops and its deep copies (a third of its parse: an upstream change to copy only the
parameters it sorts), our templates' rendering and compiling (some 0.4 s of compiling per run:
jinja's bytecode cache in the user's cache folder would keep it), the manifest's digests and
atomic writes (0.5 s for 580 files), and the imports of openapi-spec-validator and our views. On a
single core, the validator's 2.3 s come back.
"""


@frozen
class Run:
    seconds: float
    cpu_seconds: float
    peak_bytes: int
    output: str
    """What the generator printed (its warnings)."""
    status: int


@frozen
class Subject:
    spec: Path
    config: Path
    operations: int
    refused: tuple[tuple[Path, int], ...] = ()
    """The larger specs of the corpus that stock refuses, with their operations."""


def _tool(name: str) -> Path:
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"bench: {name} is not on PATH: run `make bench` (it puts .venv/bin first)")
    return Path(found)


def _generator_python() -> Path:
    """The interpreter of the generator's environment (the one ``pca-generator`` runs in)."""
    return _tool("pca-generator").parent / "python"


def _candidates() -> list[Path]:
    chosen = os.environ.get("PCA_BENCH_SPEC")
    if chosen:
        return [Path(chosen).resolve()]
    return sorted(
        path
        for folder in CORPUS
        if folder.is_dir()
        for path in folder.iterdir()
        if path.suffix in (".yaml", ".yml", ".json") and ".config." not in path.name
    )


def _config_of(spec: Path) -> Path:
    config = spec.with_name(f"{spec.stem}.config.yaml")
    if not config.is_file():
        raise SystemExit(f"bench: {spec} has no {config.name} beside it (its user's configuration)")
    return config


def survey() -> tuple[dict[Path, int], list[str]]:
    """Every spec of the corpus with its operations, and the configuration keys stock reads."""
    answer = subprocess.run(
        [str(_generator_python()), "-c", _SURVEY, *map(str, _candidates())],
        capture_output=True,
        text=True,
        check=True,
    )
    said = json.loads(answer.stdout)
    return {Path(name): count for name, count in said["operations"].items()}, said["stock_keys"]


def choose(operations: dict[Path, int], stock_keys: list[str], root: Path) -> Subject:
    """The spec with the most operations that stock generates (stock tried from the largest down).

    A spec named by ``PCA_BENCH_SPEC`` is measured whatever stock does with it.
    """
    by_size = sorted(operations, key=lambda spec: (-operations[spec], str(spec)))
    if os.environ.get("PCA_BENCH_SPEC"):
        return Subject(by_size[0], _config_of(by_size[0]), operations[by_size[0]])
    refused: list[tuple[Path, int]] = []
    for spec in by_size:
        config = _config_of(spec)
        output = root / f"probe-{len(refused)}"
        command = [*_stock_command(spec, config, stock_keys, root), "--output-path", str(output)]
        probe = _run(command, root / "probe.log")
        shutil.rmtree(output, ignore_errors=True)
        if probe.status == 0:
            return Subject(spec, config, operations[spec], tuple(refused))
        refused.append((spec, operations[spec]))
    raise SystemExit("bench: stock openapi-python-client refuses every spec of the corpus")


def _stock_config(config: Path, stock_keys: list[str], into: Path) -> Path:
    """The spec's configuration as stock reads it: its own names, and only its own keys (JSON is YAML)."""
    answer = subprocess.run(
        [
            str(_generator_python()),
            "-c",
            "import json, sys; from pathlib import Path; from pca_generator._yaml import load; "
            "print(json.dumps(load(Path(sys.argv[1]).read_text())[0] or {}))",
            str(config),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    data = {key: value for key, value in json.loads(answer.stdout).items() if key in stock_keys}
    data["project_name_override"] = f"stock-{data.get('project_name_override') or 'client'}"
    data["package_name_override"] = f"stock_{data.get('package_name_override') or 'client'}"
    path = into / "stock.config.json"
    path.write_text(json.dumps(data))
    return path


def _generate(tool: str, *arguments: object) -> list[str]:
    return [str(_tool(tool)), "generate", *map(str, arguments)]


def _stock_command(spec: Path, config: Path, stock_keys: list[str], scratch: Path) -> list[str]:
    """Stock's command for ``spec`` (its output folder still to add)."""
    stock_config = _stock_config(config, stock_keys, scratch)
    return _generate("openapi-python-client", "--path", spec, "--config", stock_config, "--meta", "none")


def _run(command: list[str], log: Path) -> Run:
    """One generation in a fresh process: wall and CPU time, peak memory (``wait4``), what it printed."""
    with log.open("w") as written:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=written, stderr=subprocess.STDOUT, cwd=log.parent)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_bytes=usage.ru_maxrss * 1024,
        output=log.read_text(errors="replace"),
        status=process.returncode,
    )


def _operations_written(package_root: Path) -> int:
    """Endpoint modules the package has: one per operation kept."""
    modules = package_root.glob("**/api/**/*.py")
    return sum(1 for path in modules if path.name != "__init__.py" and "__pycache__" not in path.parts)


def _stock_said(run: Run, kept: int, operations: int) -> str:
    if run.status != 0:
        first = next((line for line in run.output.splitlines() if line.strip()), "no message")
        return f"Stock refused the spec (exit {run.status}: {first.strip()})"
    endpoints = len(re.findall(r"Endpoint will not be generated", run.output))
    responses = len(re.findall(r"response will be omitted", run.output))
    schemas = len(re.findall(r"Unable to process schema", run.output))
    return (
        f"Stock generated {kept} of the {operations} operations: {endpoints} dropped with a warning, "
        f"{responses} responses left untyped, {schemas} schemas it could not read dropped"
    )


def _why(subject: Subject, relative: object) -> str:
    """Which spec is measured, and why that one."""
    if os.environ.get("PCA_BENCH_SPEC"):
        return f"`{relative}`, named by `PCA_BENCH_SPEC`."
    larger = ", ".join(
        f"`{spec.relative_to(ROOT) if spec.is_relative_to(ROOT) else spec.name}` ({count})"
        for spec, count in subject.refused
    )
    return "The spec of the corpus with the most operations that stock generates" + (
        f"; stock refuses the larger {larger}." if larger else " (the largest of the corpus)."
    )


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _size(peak: float) -> str:
    return f"{peak / 2**20:.0f} MiB"


def run() -> tuple[str, list[tuple[str, bool, str]]]:
    """The section of BENCHMARKS.md, and its goals as (goal, met, result)."""
    operations, stock_keys = survey()
    ours: list[Run] = []
    stock: list[Run] = []
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        subject = choose(operations, stock_keys, root)
        ours_command = _generate("pca-generator", "--spec", subject.spec, "--config", subject.config)
        stock_command = _stock_command(subject.spec, subject.config, stock_keys, root)
        for round_ in range(ROUNDS):  # interleaved, each generator first in every other round
            pair = [("ours", ours_command, ours), ("stock", stock_command, stock)]
            for name, command, runs in pair if round_ % 2 == 0 else reversed(pair):
                output = root / f"{name}-{round_}"
                flag = "--output" if name == "ours" else "--output-path"
                log = root / f"{name}-{round_}.log"
                runs.append(_run([*command, flag, str(output)], log))
                if runs[-1].status != 0 and name == "ours":
                    raise SystemExit(f"bench: pca-generator failed on {subject.spec}:\n{runs[-1].output}")
        kept_ours = _operations_written(root / f"ours-{ROUNDS - 1}")
        kept_stock = _operations_written(root / f"stock-{ROUNDS - 1}") if stock[-1].status == 0 else 0
    warnings_ours = sum(1 for line in ours[-1].output.splitlines() if line.startswith("warning:"))
    said_ours = f"{kept_ours} of the {subject.operations} operations generated, {warnings_ours} warning" + (
        "" if warnings_ours == 1 else "s"
    )
    refused = " (stock refused the spec: its time is the time it took to refuse)" if stock[-1].status else ""
    time_ratio = _median([r.seconds for r in ours]) / _median([r.seconds for r in stock])
    cpu_ratio = _median([r.cpu_seconds for r in ours]) / _median([r.cpu_seconds for r in stock])
    memory_ratio = _median([r.peak_bytes for r in ours]) / _median([r.peak_bytes for r in stock])
    relative = subject.spec.relative_to(ROOT) if subject.spec.is_relative_to(ROOT) else subject.spec.name
    rows = [
        "| | wall time | CPU time (with post-hooks) | peak memory | operations generated |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, runs, kept in (("pca-generator", ours, kept_ours), ("stock openapi-python-client", stock, kept_stock)):
        rows.append(
            f"| {name} | {_median([r.seconds for r in runs]):.2f} s | {_median([r.cpu_seconds for r in runs]):.2f} s "
            f"| {_size(_median([r.peak_bytes for r in runs]))} | {kept} of {subject.operations} |"
        )
    rows.append(f"| ours ÷ stock | {time_ratio:.2f}× | {cpu_ratio:.2f}× | {memory_ratio:.2f}× | |")
    text = "\n".join(
        [
            f"#### `{relative}`: {subject.operations} operations, medians of {ROUNDS} interleaved rounds",
            "",
            _why(subject, relative),
            "",
            *rows,
            "",
            f"Ours: {said_ours}. {_stock_said(stock[-1], kept_stock, subject.operations)}.",
            "",
        ]
    )
    goals = [
        (
            f"generation of the largest spec stock generates ({subject.operations} operations) "
            f"≤ {TIME_GOAL}× stock's time",
            time_ratio <= TIME_GOAL,
            f"{time_ratio:.2f}× (CPU {cpu_ratio:.2f}×){refused}",
        ),
        (
            f"its peak memory ≤ {MEMORY_GOAL}× stock's",
            memory_ratio <= MEMORY_GOAL,
            f"{memory_ratio:.2f}×",
        ),
    ]
    return text, goals


if __name__ == "__main__":  # the generation benchmark alone: python -m bench.generation
    section, met = run()
    print(section)
    for goal, ok, result in met:
        print(f"{goal}: {verdict(ok)}: {result}")
    sys.exit(0)
