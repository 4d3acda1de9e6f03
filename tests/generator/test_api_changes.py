"""Regeneration says what changed for callers: `pca-generator generate --report` on edits of a spec."""

from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import PROJECT

SPECS = PROJECT / "tests" / "specs"
Spec = dict[str, Any]


def regenerate(spec: Spec, tmp_path: Path, output: Path) -> str:
    """Generate ``spec`` into ``output`` with --report; what it printed."""
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    command = [
        sys.executable,
        "-m",
        "pca_generator",
        "generate",
        f"--spec={path}",
        f"--config={SPECS / 'features.config.yaml'}",
        f"--output={output}",
        "--report",
        "--overwrite",
    ]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def remove_operation(spec: Spec) -> None:
    del spec["paths"]["/v1/tokens"]


def add_required_parameter(spec: Spec) -> None:
    spec["paths"]["/v1/feeds"]["get"]["parameters"] = [
        {"name": "region", "in": "query", "required": True, "schema": {"type": "string"}}
    ]


def add_optional_property(spec: Spec) -> None:
    spec["components"]["schemas"]["NewCustomer"]["properties"]["phone"] = {"type": "string"}


def add_media_type(spec: Spec) -> None:
    content = spec["paths"]["/v1/scores"]["post"]["requestBody"]["content"]
    content["text/xml"] = copy.deepcopy(content["application/xml"])


def narrow_enum(spec: Spec) -> None:
    spec["components"]["schemas"]["Status"]["enum"] = ["active"]


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> tuple[Spec, Path]:
    spec = yaml.safe_load((SPECS / "features.yaml").read_text())
    folder = tmp_path_factory.mktemp("baseline")
    regenerate(spec, folder, folder / "out")
    return spec, folder / "out"


@pytest.mark.parametrize(
    ("edit", "line", "bump"),
    [
        (remove_operation, "breaking: operation tokens.exchange_token removed", "major"),
        (add_required_parameter, "breaking: operation feeds.get_feed: required parameter region added", "major"),
        (add_optional_property, "compatible: model NewCustomer: optional field phone added", "minor"),
        (add_media_type, "compatible: operation scores.score_names: request media type 'text/xml' added", "minor"),
        (narrow_enum, "breaking: enum Status: value 'suspended' removed", "major"),
    ],
    ids=lambda value: getattr(value, "__name__", None),
)
def test_each_edit_is_reported_with_the_bump_it_implies(
    baseline: tuple[Spec, Path], tmp_path: Path, edit: Callable[[Spec], None], line: str, bump: str
) -> None:
    spec, generated = baseline
    output = tmp_path / "out"
    subprocess.run(["cp", "-r", str(generated), str(output)], check=True)
    edited = copy.deepcopy(spec)
    edit(edited)

    printed = regenerate(edited, tmp_path, output)

    assert f"API changes for callers: {bump} version bump" in printed
    assert f"  {line}\n" in printed + "\n"


def test_an_unchanged_spec_reports_no_change(baseline: tuple[Spec, Path], tmp_path: Path) -> None:
    spec, generated = baseline
    subprocess.run(["cp", "-r", str(generated), str(tmp_path / "out")], check=True)

    printed = regenerate(spec, tmp_path, tmp_path / "out")

    assert "API changes for callers: none version bump\n  none" in printed
