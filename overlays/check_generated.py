"""Fail if ``generated/`` differs from what ``openapi.yaml`` and the overlays produce.

Regenerates into a temporary folder and compares file by file, in the golden-record style of
openapi-python-client's end-to-end tests. On drift it lists the files added, removed and changed
(ready for a changelog entry) and exits non-zero.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from pca_generator import generate
from pca_generator._drift import drift
from pca_generator._output import MANIFEST

PROJECT = Path(__file__).resolve().parent.parent
__all__ = ["drift", "main"]


def main() -> int:
    committed = PROJECT / "generated"
    with tempfile.TemporaryDirectory() as scratch:
        regenerated = Path(scratch) / "generated"
        generate(PROJECT / "openapi.yaml", PROJECT / "generator-config.yaml", regenerated)
        differences = drift(committed, regenerated)
        manifests = [folder / MANIFEST for folder in (committed, regenerated)]
        if not manifests[0].is_file() or manifests[0].read_bytes() != manifests[1].read_bytes():
            differences["changed"].append(Path(MANIFEST))
    if not any(differences.values()):
        print("generated/ matches openapi.yaml + overlays")
        return 0
    print(
        "generated/ is out of date: run `make generate` (after `rm -r generated` if it refuses a file a merge "
        "changed: the folder holds only generated files) and commit the result.",
        file=sys.stderr,
    )
    for kind, paths in differences.items():
        for path in paths:
            print(f"  {kind}: generated/{path}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
