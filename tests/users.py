"""A user of the generator: their own folder, spec and configuration, and how a refusal looks to them."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

ORDERS = """\
openapi: 3.1.0
info: {title: Orders, version: "2.0"}
paths:
  /orders:
    get:
      operationId: listOrders
      responses:
        "200":
          description: The orders.
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Order"}}
  /orders/{id}:
    delete:
      operationId: cancelOrder
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer}}
      responses:
        "204": {description: Cancelled.}
components:
  schemas:
    Order:
      type: object
      properties:
        id: {type: integer}
"""
CONFIG = "project_name_override: orders-client\npackage_name_override: orders_client\n"
MANIFEST = ".pca-generator-manifest"


def generator(*arguments: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pca_generator", "generate", *map(str, arguments)]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=300)


def snapshot(root: Path) -> dict[str, str]:
    """Every file under ``root`` (symbolic links not followed), by path, with a digest of its bytes."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def refused(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """The one ``error:`` line of a refusal, which says each of ``words`` (after the ``warning:``
    lines of the spec's defects that led to it, if any)."""
    lines = [line for line in result.stderr.strip().splitlines() if not line.startswith("warning: ")]
    assert result.returncode == 1, result.stderr
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert all(word in lines[0] for word in words), lines[0]
    return lines[0]


def folder(path: Path) -> Path:
    """``path``, holding the user's spec ``orders.yaml`` and configuration ``orders.config.yaml``."""
    (path / "orders.yaml").write_text(ORDERS)
    (path / "orders.config.yaml").write_text(CONFIG)
    return path
