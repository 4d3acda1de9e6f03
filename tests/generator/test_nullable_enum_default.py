"""A default of null whose union's option is a nullable enum (tests/specs/edge/nullable_enum_default.yaml)
is kept: null is a value of that option (OpenAPI 3.0's ``nullable: true``), so the default is no
defect to repair, and the generator does not drop it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import SPECS


def test_the_null_default_of_a_nullable_enum_option_is_not_dropped(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("package_name_override: nullable_enum_default\n")
    spec = SPECS / "edge" / "nullable_enum_default.yaml"
    command = [sys.executable, "-m", "pca_generator", "generate", f"--spec={spec}", f"--config={config}"]

    run = subprocess.run([*command, f"--output={tmp_path / 'out'}"], capture_output=True, text=True, check=True)

    said = [line for line in run.stderr.splitlines() if "/colour/default" in line]
    assert not any("dropped" in line for line in said), said
    assert (tmp_path / "out" / "nullable_enum_default" / "models" / "paint.py").is_file()
