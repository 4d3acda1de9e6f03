"""The generator itself: it fails loudly on what its templates do not know, and runs the same twice."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

from conftest import PROJECT
from pca_generator import _generate

OVERLAYS = PROJECT / "overlays"


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    return _generate


def test_a_property_kind_the_templates_do_not_know_fails_generation(generator: ModuleType) -> None:
    mystery = SimpleNamespace(
        name="shape",
        template="polygon_property.py.jinja",
        get_base_type_string=lambda: SimpleNamespace(as_unembedded_code=lambda: "Polygon"),
    )

    with pytest.raises(generator.GenerationError, match=r"polygon_property\.py\.jinja"):
        generator.schema_kind(mystery)


def test_the_kinds_are_told_by_template_and_plain_type(generator: ModuleType) -> None:
    def prop(template: str, type_string: str) -> SimpleNamespace:
        return SimpleNamespace(
            name="p",
            template=template,
            get_base_type_string=lambda: SimpleNamespace(as_unembedded_code=lambda: type_string),
        )

    assert generator.schema_kind(prop("any_property.py.jinja", "str")) == "string"
    assert generator.schema_kind(prop("any_property.py.jinja", "Any")) == "any"
    assert generator.schema_kind(prop("uuid_property.py.jinja", "UUID")) == "uuid"


def test_generating_twice_in_one_process_writes_the_same_bytes(generator: ModuleType, tmp_path: Path) -> None:
    for attempt in ("first", "second"):
        generator.generate(PROJECT / "openapi.yaml", PROJECT / "generator-config.yaml", tmp_path / attempt)

    drift = generator.drift
    assert not any(drift(tmp_path / "first", tmp_path / "second").values())
    assert not any(drift(PROJECT / "generated", tmp_path / "second").values())


def _private_writes(path: Path) -> Iterator[str]:
    """Assignments to another object's ``_private`` attribute, and setattr with a private name."""
    for node in ast.walk(ast.parse(path.read_text())):
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AugAssign | ast.AnnAssign)
            else []
        )
        for target in targets:
            if (
                isinstance(target, ast.Attribute)
                and target.attr.startswith("_")
                and not (isinstance(target.value, ast.Name) and target.value.id in ("self", "cls"))
            ):
                yield f"{path.name}:{target.lineno}: {ast.unparse(target)}"
        if isinstance(node, ast.Call) and ast.unparse(node.func) in ("setattr", "object.__setattr__"):
            name = node.args[1] if len(node.args) > 1 else None
            if isinstance(name, ast.Constant) and str(name.value).startswith("_"):
                yield f"{path.name}:{node.lineno}: {ast.unparse(node)}"


def test_the_runtime_never_writes_another_objects_private_attributes() -> None:
    sources = sorted([*(OVERLAYS / "runtime").rglob("*.py"), *(OVERLAYS / "layers").rglob("*.py")])

    writes = [write for source in sources for write in _private_writes(source)]

    assert sources and writes == []
