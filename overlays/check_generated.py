"""Fail if ``generated/`` differs from what ``openapi.yaml`` and the overlays produce.

Regenerates into a temporary folder and compares file by file, in the golden-record style of
openapi-python-client's end-to-end tests. On drift it lists the files added, removed and changed
(ready for a changelog entry) and exits non-zero.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from generate import PROJECT, drift, generate

__all__ = ["drift", "main"]


def main() -> int:
    committed = PROJECT / "generated"
    with tempfile.TemporaryDirectory() as scratch:
        regenerated = Path(scratch) / "generated"
        generate(PROJECT / "openapi.yaml", PROJECT / "generator-config.yaml", regenerated)
        differences = drift(committed, regenerated)
    if not any(differences.values()):
        print("generated/ matches openapi.yaml + overlays")
        return 0
    print("generated/ is out of date: run `make generate` and commit the result.", file=sys.stderr)
    for kind, paths in differences.items():
        for path in paths:
            print(f"  {kind}: generated/{path}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
