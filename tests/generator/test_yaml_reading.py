"""YAML is read at C speed (libyaml) where that reads exactly what ruamel.yaml, the reference YAML
1.2 reader, reads; everything else is read by ruamel.yaml. Each test compares the two readings of
the same text: values, their types (a number remembers how it was written), key order, and the
line of every node that a warning may name."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import SPECS
from pca_generator import _libyaml, _yaml

CORPUS = sorted(path for path in SPECS.rglob("*.y*ml"))


def _shape(value: Any) -> Any:
    """A value with every type and written form spelled out (``1`` and ``1.0``, ``010`` and ``10``
    differ), NaN equal to itself."""
    if isinstance(value, dict):
        return ("mapping", [(_shape(key), _shape(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("sequence", [_shape(item) for item in value])
    if isinstance(value, float) and math.isnan(value):
        return ("nan", type(value).__name__, getattr(value, "source", None))
    return (type(value).__name__, value, getattr(value, "source", None))


def _both(text: str) -> tuple[Any, Any]:
    """(the reading, ruamel.yaml's reading), each as its shape or the type of its error."""
    readings: list[Any] = []
    for read in (_yaml._load, _yaml._ruamel_load):
        try:
            document, notices = read(text)
            readings.append((_shape(document), notices))
        except Exception as error:
            readings.append(type(error).__name__)
    return readings[0], readings[1]


@pytest.mark.parametrize("spec", CORPUS, ids=lambda path: str(path.relative_to(SPECS)))
def test_every_spec_of_the_corpus_reads_as_ruamel_yaml_reads_it(spec: Path) -> None:
    text = spec.read_text(encoding="utf-8")

    fast, reference = _both(text)

    assert fast == reference


@pytest.mark.parametrize("spec", CORPUS, ids=lambda path: str(path.relative_to(SPECS)))
def test_every_node_of_the_corpus_has_the_line_ruamel_yaml_gives_it(
    spec: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = spec.read_text(encoding="utf-8")
    fast = _yaml.positions(text)

    def unsure(text: str) -> Any:
        raise _libyaml.Unsure

    monkeypatch.setattr(_libyaml, "compose", unsure)

    assert fast == _yaml.positions(text) != {}


def test_a_plain_spec_is_read_by_libyaml() -> None:
    text = (SPECS / "petstore3.yaml").read_text(encoding="utf-8")

    assert _shape(_libyaml.load(text, _yaml._core_scalar)) == _shape(_yaml._ruamel_load(text)[0])


@pytest.mark.parametrize(
    "text",
    [
        "a:\tb\n",  # a tab ruamel.yaml refuses and the reader reports: libyaml takes it silently
        "a: b\t\n",
        "%YAML 1.1\n---\na: on\n",  # YAML 1.1's schema: `on` is a boolean there
        "a: x\u2028y\n",  # a line break in YAML 1.1, text in 1.2
        "a: 1\na: 2\n",  # a key given twice: ruamel.yaml says where
        "a: {b: 1, <<: {c: 2}}\n",  # a merge key
        "a: !!binary aGVsbG8=\n",  # a tag beyond the core schema's
        "a: &a [*a]\n",  # an anchor that holds itself
        "a: |\n    \n  x\n",  # a blank line deeper than its block: repaired by the reader
    ],
)
def test_what_libyaml_may_read_otherwise_goes_to_ruamel_yaml(text: str) -> None:
    with pytest.raises(_libyaml.Unsure):
        _libyaml.load(text, _yaml._core_scalar)

    fast, reference = _both(text)

    assert fast == reference


# Plain scalars whose meaning the schema decides: YAML 1.1 and 1.2 differ on many of them.
PLAIN = [
    "on", "off", "yes", "no", "y", "n", "true", "False", "TRUE", "null", "Null", "~", "",
    "010", "0o17", "0x1F", "0b101", "1_000", "-0", "+12", "12:30", "1.", ".5", "1e3", "1E5", "1.10",
    "-.inf", ".NaN", ".nan", "1e+3", "0.1e5", "2024-01-02", "2024-01-02T10:00:00Z", "09", "0_1",
    "= ", "plain text", "http://example.org/a?b=c", "a#b", "-", "'quoted'", '"double \\u0041"',
]  # fmt: skip
_scalars = st.sampled_from(PLAIN)
_keys = st.sampled_from(["a", "on", "200", "1.5", "null", "key with spaces", "x-y"])


def _block(value: Any, indent: int) -> str:
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return " {}\n"
        return "\n" + "".join(f"{pad}{key}:{_block(item, indent + 2)}" for key, item in value.items())
    if isinstance(value, list):
        if not value:
            return " []\n"
        return "\n" + "".join(f"{pad}-{_block(item, indent + 2)}" for item in value)
    return f" {value}\n" if value else "\n"


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    return value if value.strip() else '""'


_trees = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_keys, children, max_size=4),
    max_leaves=20,
)


@given(tree=st.dictionaries(_keys, _trees, min_size=1, max_size=5), flow=st.booleans())
def test_yaml_written_in_any_style_reads_as_ruamel_yaml_reads_it(tree: dict[str, Any], flow: bool) -> None:
    text = f"root: {_flow(tree)}\n" if flow else "root:" + _block(tree, 2)

    fast, reference = _both(text)

    assert fast == reference
