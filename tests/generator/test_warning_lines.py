"""The line of every node, which places each warning, is read from libyaml's events as they come:
the same lines as a walk of libyaml's whole node tree, for every spec of the corpus; a text with an
anchor or an alias (a node met twice) is walked as a tree, as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SPECS
from pca_generator import _libyaml, _yaml

_CORPUS = sorted(path for path in SPECS.rglob("*") if path.suffix in (".yaml", ".json") and ".config." not in path.name)


def _tree_lines(text: str) -> dict[str, int]:
    root = _libyaml.compose(text)
    return dict(_yaml._walk(root, "#", root.start_mark.line + 1)) if root is not None else {}


@pytest.mark.parametrize("spec", _CORPUS, ids=lambda path: path.relative_to(SPECS).as_posix())
def test_the_lines_read_from_events_are_the_tree_s(spec: Path) -> None:
    text = spec.read_text(encoding="utf-8")
    try:
        lines = _libyaml.lines(text)
    except _libyaml.Unsure:  # (read as a tree: the next test)
        return
    assert list(lines.items()) == list(_tree_lines(text).items())


def test_an_alias_is_walked_as_a_tree() -> None:
    text = "a: &x\n  b: 1\nc: *x\n"

    with pytest.raises(_libyaml.Unsure):
        _libyaml.lines(text)
    assert _yaml.positions(text) == {"#": 1, "#/a": 1, "#/a/b": 2, "#/c": 3, "#/c/b": 2}
