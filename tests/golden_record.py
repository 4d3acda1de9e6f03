"""The golden records: what the templates print for two specs of the corpus, committed so that a
template change shows its effect in review (the style of openapi-python-client's end-to-end tests).

``tests/golden/petstore3`` shows the common shapes (a public spec, XML names, lists of models) and
``tests/golden/features`` every feature of the corpus. A record holds only what the templates
write: the runtime the generator layers into every package is its own files, copied verbatim, so
a runtime change shows once, in ``overlays/`` and ``generated/``. The test checks those copies
instead (:func:`runtime_differences`). ``make golden`` rewrites the records.
"""

from __future__ import annotations

import filecmp
import shutil
import tempfile
from pathlib import Path

from conftest import SPECS, generate
from pca_generator._output import MANIFEST
from pca_generator._resources import RUNTIME

GOLDEN = SPECS.parent / "golden"
RECORDS = {"petstore3": "petstore3_client", "features": "customers_client"}
"""Each record's spec (``tests/specs/NAME.yaml``, with its ``NAME.config.yaml``) and package."""


def runtime_files() -> list[Path]:
    """The runtime's modules, as paths inside a generated package."""
    return sorted(
        path.relative_to(RUNTIME)
        for path in RUNTIME.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.name != "layer.yaml"
    )


def template_files(project: Path, package: str) -> set[Path]:
    """What the templates wrote into a generated project: everything but the runtime's copies."""
    runtime = {Path(package) / path for path in runtime_files()}
    every = {
        path.relative_to(project) for path in project.rglob("*") if path.is_file() and "__pycache__" not in path.parts
    }
    return {path for path in every if path not in runtime and path.name != MANIFEST}


def differences(record: Path, project: Path, package: str) -> dict[str, list[Path]]:
    """How a freshly generated project differs from its record, in the files the templates write."""
    old, new = template_files(record, package), template_files(project, package)
    changed = [path for path in sorted(old & new) if not filecmp.cmp(record / path, project / path, shallow=False)]
    return {"added": sorted(new - old), "removed": sorted(old - new), "changed": changed}


def runtime_differences(project: Path, package: str) -> list[Path]:
    """The runtime modules of a generated package that are not the runtime's own bytes."""
    return [
        path
        for path in runtime_files()
        if not (project / package / path).is_file()
        or not filecmp.cmp(RUNTIME / path, project / package / path, shallow=False)
    ]


def main() -> None:
    """``make golden``: rewrite every record from what the generator writes now."""
    for name, package in RECORDS.items():
        with tempfile.TemporaryDirectory() as scratch:
            project = Path(scratch) / name
            generate(SPECS / f"{name}.yaml", project, SPECS / f"{name}.config.yaml")
            record = GOLDEN / name
            shutil.rmtree(record, ignore_errors=True)
            for path in sorted(template_files(project, package)):
                (record / path).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(project / path, record / path)
        print(f"golden record tests/golden/{name} rewritten")


if __name__ == "__main__":
    main()
