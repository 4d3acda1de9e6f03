"""What differs between two generated trees: ``make check-generated``'s and ``--report``'s question."""

from __future__ import annotations

import filecmp
from pathlib import Path

from ._output import files


def drift(committed: Path, regenerated: Path) -> dict[str, list[Path]]:
    """The files that differ between two generated trees, by kind of difference."""
    old, new = files(committed), files(regenerated)
    changed = [
        path for path in sorted(old & new) if not filecmp.cmp(committed / path, regenerated / path, shallow=False)
    ]
    return {"added": sorted(new - old), "removed": sorted(old - new), "changed": changed}
