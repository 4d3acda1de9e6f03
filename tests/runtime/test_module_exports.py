"""Each private module of the package says what it offers others: its ``__all__`` is exactly what
the package's other modules import from it (no private name crosses a module, nothing is listed
that nobody takes), as httpx's modules do."""

from __future__ import annotations

import ast
import functools
from collections import defaultdict
from pathlib import Path

import pytest

import partner_center_auth

PACKAGE = Path(partner_center_auth.__file__).resolve().parent
NAME = PACKAGE.name


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _resolved(importer: str, path: Path, node: ast.ImportFrom) -> str:
    package = importer if path.name == "__init__.py" else importer.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{node.module}" if node.module else package


@functools.cache
def _taken() -> dict[str, set[str]]:
    """What each module of the package is asked for by the others: names imported from it, and
    attributes read from it after ``from . import module``."""
    taken: dict[str, set[str]] = defaultdict(set)
    for importer, path in MODULES.items():
        tree = ast.parse(path.read_text())
        aliases: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                source = _resolved(importer, path, node)
                for alias in node.names:
                    if f"{source}.{alias.name}" in MODULES:
                        aliases[alias.asname or alias.name] = f"{source}.{alias.name}"
                    elif alias.name == "*":
                        taken[source].add("*")
                    else:
                        taken[source].add(alias.name)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases:
                taken[aliases[node.value.id]].add(node.attr)
            elif _by_name(node):  # ("._json", "JsonCodec"): a module loaded when first needed
                module, name = (element.value for element in node.elts)  # type: ignore[attr-defined]
                package = importer if path.name == "__init__.py" else importer.rpartition(".")[0]
                taken[f"{package}{module}"].add(name)
    return taken


def _by_name(node: ast.AST) -> bool:
    """A pair naming a relative module and a name in it, as a table of lazy imports writes it."""
    return (
        isinstance(node, ast.Tuple)
        and len(node.elts) == 2
        and all(isinstance(element, ast.Constant) and isinstance(element.value, str) for element in node.elts)
        and node.elts[0].value.startswith(".")  # type: ignore[attr-defined]
    )


def _declared(path: Path) -> set[str] | None:
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "__all__":
            return set(ast.literal_eval(node.value))
    return None


PRIVATE = sorted(name for name in MODULES if name.rpartition(".")[2].startswith("_") and not name.endswith("__main__"))


@pytest.mark.parametrize("module", PRIVATE)
def test_a_private_modules_all_is_what_the_others_take_from_it(module: str) -> None:
    taken = {name for name in _taken().get(module, set()) if not name.startswith("__") and name != "*"}
    declared = _declared(MODULES[module])

    assert declared is not None, f"{module} has no __all__"
    if "*" in _taken().get(module, set()):  # a star import takes all it declares
        taken |= declared
    assert taken <= declared, f"{module}: taken but not in __all__: {sorted(taken - declared)}"
    assert declared <= taken, f"{module}: in __all__ but no module takes it: {sorted(declared - taken)}"
