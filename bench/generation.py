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

Profiled on the spec above (Keycloak's admin API: 316 operations, OpenAPI 3.0, 270 kB of YAML):
cProfile on process time, then each stage timed alone in a fresh process, ours and stock's runs
interleaved; CPU seconds of the generating process on two cores shared with other work (ratios
hold better than seconds). Stock openapi-python-client: importing 0.8, reading the YAML 2.3
(ruamel.yaml, pure Python), parsing the document into its model 0.75, rendering 1.1-1.5, its ruff
post-hooks 1 (in processes of their own); 5.2-5.7 in all. Stock drops 41 operations and 12 schemas
of this spec (a reference to nowhere); ours keeps them: 316 operations and 198 models to stock's
275 and 132.

An earlier round made reading fast (libyaml's C parser with ruamel.yaml's YAML 1.2 table: 0.25
instead of 2.3) and moved openapi-spec-validator (jsonschema over the whole document, then its own
walk of every schema and operation) into a forked process beside generation. Then, ours: importing
1.1, reading 0.5, openapi-python-client's parse 2.4, rendering 1.8 (some 0.4 of it compiling our
templates), metadata 0.1, writing the output with its manifest 0.65; 6.7 in all, 1.8 beside
(validation), and a peak of 80 MiB: the imports 49, reading the YAML 10 more (libyaml's node tree
of the whole text, each node with two marks, freed but never given back), the parse 15.

This round, each checked byte for byte against the previous output and by the generator's tests:

- the parse: its deep copies were 1.3 of its 2.4 s. openapi-python-client deep-copies an
  operation, with every model its bodies and responses reach, for each list of parameters it adds
  after parsing them, and once more to sort its path parameters; 207 of this spec's 208 path items
  give their parameters at the path level. The parser now gets each path item's parameters in its
  operations (OpenAPI's rule: an operation's own win), one copy fewer per operation: 1.2-1.35 s;
- reading: the document is built from libyaml's events as they come, never holding the node tree:
  0.13 s instead of 0.25, and the process grows by 2 MB while reading instead of 10;
- writing: each file is moved from the scratch folder when both are on one file system (renamed
  into place, atomic as before; copied to a temporary file beside it otherwise), and each folder is
  checked once, not once per file: 0.2 s instead of 0.65.

Now ours: importing 1.0-1.3, reading 0.2, the parse 1.2-1.35, rendering 1.7-2.0, writing 0.2:
5.2 in all, stock's own figure; a peak of 77-78 MiB. With a core free for the validation beside,
the wall time would then be about stock's (not measured: the machine was never idle); the
benchmark above ran with the two cores shared with other work, where the wall time follows the
CPU time of every process, the validation's included. The previous round's generator and this
one, run in interleaved rounds on this spec (medians of 5, cores shared): wall time 17.75 s and
14.72, CPU time with the processes beside 10.79 and 9.47, peak memory 80.1 MiB and 77.9.

Then the parse again: of its 1.2-1.35 s, 0.8 s and 13 MB of the peak were openapi-python-client's
deep copy of each operation to sort its path parameters, every model the operation reaches copied
with it (each with its whole schema as pydantic objects), copies never changed afterwards. While
the parser runs, a model is now copied as itself (`copyreg`, for its run only): the parse 0.55-0.65
s, the peak 66 MiB (stock's 65), the output byte for byte the same on every spec of the corpus.

What remains over stock, and the design that would close it:

- validation beside, 1.8 s of CPU (openapi-spec-validator 1.3, two thirds of it jsonschema over the
  whole document; its import 0.2; placing the warnings 0.25), which stock does not do: on a busy
  machine it competes with the generation. Kept whole: it is what finds a spec's defects. Closing
  it: its result kept beside the manifest in the output folder, keyed by the digest of the spec's
  text, so that regenerating an unchanged spec (the common run: `make generate`, a drift check)
  validates nothing;
- what stock drops and we keep: the 41 operations and 65 models more are parsed, deep-copied,
  rendered and formatted by ruff (573 files to stock's 425: its post-hooks 1.2-1.6 s to 0.9-1.3);
- compiling our templates, some 0.35 s a run: compiled at build time into the generator's wheel
  (jinja's `compile_templates`, loaded by a `ModuleLoader` while the sources match), since a
  bytecode cache would write where the user did not ask.

#### A larger spec: OpenAI's (288 operations, 1,422 schemas, OpenAPI 3.1; not in the corpus)

Measured by hand (not by this benchmark: too large for the test suite's corpus), each generator
in a fresh process; CPU time of the process and of every process it waited for (the validation
beside, ruff), from `wait4`; the two cores ran at a load of 6-8 throughout, so wall times say
little and CPU times vary by some 10%. Before this round, ours: 61.7-63.8 s of CPU and a peak of
184 MiB, stock 29.3-31.9 s and 133 MiB (stock drops 32 operations: it does less).

Where it went (cProfile of the generating process, each stage then timed alone; CPU seconds):

- validation beside, 26 of the 62: openapi-spec-validator checks the document against the
  OpenAPI 3.1 schema with a registry holding that schema uncrawled, so each `$dynamicRef: #meta`
  (2,441 of them, one per schema met) crawled the whole schema again to find its anchor: three
  fifths of the validation. The rest is its own walk, meta-checking each of 2,004 schemas against
  the 3.1 dialect (a validator made per schema);
- openapi-python-client's parse, twice (2.6-3 each: the second reads the copy that tells 57 clashing
  class names apart), then 2.2-3 more for the response media types with a schema of their own
  (every component built a third time);
- rendering: 8-11 for 1,868 models, 1.4 for 288 operations (a property template is imported once
  per property; each import checked the template's file on disk: 120,000 `stat` calls);
- placing the warnings: the spec's whole text composed into libyaml's node tree, twice (kept notices
  and dropped parts apart), 1.5 each; that tree, some 54 MB, was the run's peak;
- checking that every module the package names exists: 25,000 names, two file-system checks each
  (0.7-2); writing the output 1.1; ruff's post-hooks some 2-8 in their own processes.

This round, each output checked byte for byte against the previous generator on every spec of
the corpus and on OpenAI's:

- validation: the OpenAPI schema is given to openapi-spec-validator's validator (a subclass
  naming its schema validator) in a registry crawled once; the same errors in the same order:
  14-17 s instead of 26 (on a 3.0 spec, which has no dynamic references, nothing changes);
- placing: once, from libyaml's events as they come (the line of each node recorded, no tree
  built; a text with an anchor or alias is walked as a tree, as before): 0.5 s instead of 3, and
  the peak 146 MiB instead of 184 (stock's 133: 1.10x);
- the module names: checked against one set of the package's modules; the templates loaded once
  (jinja's `auto_reload` off: they do not change while a run prints); the first parse released
  before the second.

After, two rounds interleaved with stock's and the previous generator's: 52.8-57.5 s of CPU to
stock's 29.3-30.1 and the previous 61.7-63.0 (1.8-1.9x stock's, from 2.0-2.1x); peak memory 146
MiB, 1.10x stock's (from 1.38x: goal met). The package is the same, byte for byte; of the
validator's warnings, which of the seven alike (`exclusiveMinimum: True`) are said varies from
run to run, before as after (openapi-spec-validator skips a schema whose `id()` it met before,
and freed objects' ids are reused). What remains, by size, and the design for each:

- the validation beside, 14-17 s, which stock does not do: its result kept beside the manifest,
  keyed by the digest of the spec's text and the validator's version, so that regenerating an
  unchanged spec validates nothing; the meta-check of each schema would need one validator made
  once for the dialect instead of one per schema (inside openapi-spec-validator);
- rendering the models, 8-11 s (3,726 files to stock's 2,523, the operations and models stock
  drops included): the property templates imported once per model rather than once per
  property, and our templates compiled at build time;
- the second parse, 2.6-3 s: every clashing class name known from the document before the first
  parse (stock's naming rules for inline schemas reproduced), so that it parses once; and the
  third build of the components for the response media types' own schemas, only of the schemas
  they reach.

The round after, each output again checked byte for byte on every spec of the corpus and on
OpenAI's (CPU seconds of the generating process, each stage timed alone):

- validation, 15.4 s: most of it was openapi-spec-validator meta-checking each of the 2,004
  schemas against its dialect in Python (8.4 s), and finding nothing in all but ten. Each check
  (the document against the OpenAPI schema, each schema against its dialect) is now asked of
  jsonschema-rs first, compiled with the same metaschemas and the Python check's own format
  checker, and the Python validator, whose words the warnings keep, only where jsonschema-rs finds
  something: 2.1 s, the same warnings in the same order (Keycloak's: 0.3 s instead of 1.1). Its
  walk's lists of schemas already seen are read as sets (they were searched through: 1.6 s), and
  a warning is placed among the nodes ending as its path ends, not among all 610,000;
- the third build of every component, for three response media types with a schema of their own
  (2.1 s): those schemas are parsed against the properties the parser already made, kept from its
  own reading (the same public steps as `GeneratorData.from_dict`);
- rendering the models, 7.6 s: 40,000 imports of property templates, each comparing the importing
  template's globals with the imported one's through a `ChainMap` (the same globals every time, so
  the same module): each property template is now taken as the module it is, once per run: 4.6 s.

The generating process: 16.2 s of CPU instead of 22.5. What remains over stock, by size:

- ruff's post-hooks on our output, 12.8 s of CPU to stock's 5.0 (Keycloak's: 2.0 to 0.8): the
  output is twice stock's (the operations and models stock drops, and richer models), and ruff's
  `--fix-only` finds 21,198 fixes in it (11,154 unused imports, 5,608 unsorted blocks, 2,568
  names imported twice, 1,868 `typing.Generator`): a module with one fix is linted again after
  fixing, so the hook costs six lint passes where one would do. Closing it: each module's imports
  decided in the views from the names its code uses, so that ruff finds nothing to fix;
- the second parse (2.6 s) when class names clash, as above;
- importing, 0.5 s over stock's (openapi-spec-validator, jsonschema-rs and the validator's schemas
  in the process beside).
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


_MEASURED = """
import os, subprocess, sys, time
started = time.perf_counter()
process = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(process.pid, 0)
seconds = time.perf_counter() - started
with open(sys.argv[1], "w") as out:
    cpu = usage.ru_utime + usage.ru_stime
    out.write(f"{seconds} {cpu} {usage.ru_maxrss * 1024} {os.waitstatus_to_exitcode(status)}")
"""
"""Runs a command and writes its wall time, CPU time, peak memory and exit status (``wait4``).

Linux counts in a child's peak memory the process it was forked from (the high-water mark of the
memory it left at ``exec``): forked from this benchmark (some 150 MB of peers by then), every
generation would seem to peak there. Forked from this small launcher, each peaks at its own."""


def _run(command: list[str], log: Path) -> Run:
    """One generation in a fresh process: wall and CPU time, peak memory (``wait4``), what it printed."""
    measured = log.with_suffix(".measured")
    with log.open("w") as written:
        subprocess.run(
            [sys.executable, "-c", _MEASURED, str(measured), *command],
            stdout=written,
            stderr=subprocess.STDOUT,
            cwd=log.parent,
            check=True,
        )
    seconds, cpu_seconds, peak_bytes, status = measured.read_text().split()
    return Run(
        seconds=float(seconds),
        cpu_seconds=float(cpu_seconds),
        peak_bytes=int(peak_bytes),
        output=log.read_text(errors="replace"),
        status=int(status),
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
        f"`{spec.relative_to(ROOT) if spec.is_relative_to(ROOT) else spec.name}` ({count} operations)"
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
