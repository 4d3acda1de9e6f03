"""Where the overlays are: the template overrides and the generic runtime layered into every package.

In the source tree they are folders beside this package (``overlays/templates``,
``overlays/runtime``); an installed generator carries them inside the package, as package data.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
OVERLAYS = _PACKAGE if (_PACKAGE / "templates").is_dir() else _PACKAGE.parent
TEMPLATES = OVERLAYS / "templates"
RUNTIME = OVERLAYS / "runtime"
