"""Reading YAML (and JSON) as YAML 1.2 says, as openapi-python-client reads it (ruamel.yaml).

YAML 1.1 readers (PyYAML) turn ``on``, ``yes`` and ``no`` into booleans and refuse a tab used as
white space after a scalar; YAML 1.2 keeps the words as strings and allows the tab. ruamel.yaml
reads 1.2 but still stops at such a tab: a tab where a token would start is white space with one
meaning, so it is read as a space, and the place is reported (:class:`Notice`).

Positions are read only when there is something to report: the error line of a message is worth
a second pass over the text, a document without a problem is read once.

Most documents are read by libyaml, at C speed, with ruamel.yaml's own YAML 1.2 schema
(:mod:`._libyaml`); a text libyaml may read otherwise (a tab, a key given twice, a directive...)
is read by ruamel.yaml, the reference, which says what it repaired.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from functools import partial
from typing import Any

from attrs import frozen
from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import ScalarNode

from . import _libyaml
from ._pointer import escape

__all__ = ["Notice", "YamlError", "load", "plain", "positions"]

_BLANK_WITH_SPACES = re.compile(r"\n[ \t]+(?=\n)")
_MAX_PASSES = 50
"""Readings of one document, at most: each repairs the tabs of one line (a document of tabs is not
YAML with a few slips, and each reading costs the whole text)."""


@frozen
class Notice:
    """A defect found in a document, where it is and what was done about it."""

    pointer: str
    """Its place, as a JSON pointer (``#/components/schemas/Pet/properties/age/default``)."""
    problem: str
    action: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{where}{self.pointer}: {self.problem}: {self.action}"


class YamlError(Exception):
    """The text is not YAML (nor JSON); the message says where."""


def load(text: str) -> tuple[Any, tuple[Notice, ...]]:
    """The document ``text`` holds, and what was read otherwise than written on the way."""
    try:
        document, notices = _load(text)
        _check_size(document)
    except RecursionError:
        raise YamlError("nested too deep, or an anchor that holds itself") from None
    return document, notices


def _load(text: str) -> tuple[Any, tuple[Notice, ...]]:
    if text.lstrip().startswith("{"):
        found: list[str] = []
        try:
            return json.loads(text, object_pairs_hook=partial(_first_of_each, found)), tuple(
                Notice("#", f"the key {shown_key} is given twice", "the first is kept") for shown_key in found[:1]
            )
        except ValueError:
            pass  # JSON is YAML 1.2: read it as YAML, which reports where it stops
    try:
        return _libyaml.load(text, _core_scalar), ()
    except _libyaml.Unsure:
        return _ruamel_load(text)


def _ruamel_load(text: str) -> tuple[Any, tuple[Notice, ...]]:
    """The reference reading: ruamel.yaml, repairing what has one meaning and saying where it stops."""
    notices: list[Notice] = []
    stripped = duplicates = False
    for _ in range(_MAX_PASSES):
        try:
            return _yaml(duplicates=duplicates).load(text), tuple(notices)
        except DuplicateKeyError as error:
            duplicates = True
            line = error.problem_mark.line + 1 if error.problem_mark is not None else None
            notices.append(Notice("#", "a key given twice in one mapping (the first here)", "the first is kept", line))
        except MarkedYAMLError as error:
            mark = error.problem_mark
            offset = _offset(text, mark.line, mark.column) if mark is not None else None
            if offset is not None and text[offset] == "\t" and "'\\t'" in str(error.problem):
                text = _spaced(text, mark.line)
                notices.append(Notice("#", "tabs where YAML wants spaces", "read as spaces", mark.line + 1))
            elif not stripped and _BLANK_WITH_SPACES.search(text):
                # A block of text may not open with a blank line indented deeper than the text (the
                # reader takes the blank line's indentation as the block's): blank lines carry no
                # text, so their spaces are dropped, once, and the reading starts again.
                stripped = True
                near = error.problem_mark or error.context_mark
                where = _blank_before(text, near.line) if near is not None else None
                text = _BLANK_WITH_SPACES.sub("\n", text)
                notices.append(Notice("#", "blank lines holding spaces in a block of text", "read as empty", where))
            else:
                raise YamlError(_said(error)) from None
        except RecursionError:
            raise
        except Exception as error:  # the reader raises a few unmarked types on broken text
            raise YamlError(f"{type(error).__name__}: {' '.join(str(error).split())}") from None
    raise YamlError(f"more than {_MAX_PASSES} lines with tabs where YAML wants spaces: replace them with spaces")


def _first_of_each(found: list[str], pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as the YAML reader reads a mapping: of a key given twice, the first is kept."""
    kept: dict[str, Any] = {}
    for key, value in pairs:
        if key in kept:
            found.append(json.dumps(key))
        else:
            kept[key] = value
    return kept


def _spaced(text: str, line: int) -> str:
    """``text`` with the tabs of one line (from 0) outside quotes read as spaces."""
    lines = text.split("\n")
    quote: str | None = None
    characters = []
    for character in lines[line]:
        if quote is None and character in "'\"":
            quote = character
        elif character == quote:
            quote = None
        characters.append(" " if character == "\t" and quote is None else character)
    lines[line] = "".join(characters)
    return "\n".join(lines)


_MAX_NODES = 2_000_000
"""Values a document may hold once its aliases are expanded: a few kilobytes of nested aliases
(a "billion laughs") must not stop every reader after this one."""


def _check_size(document: Any) -> None:
    """Refuse a document whose aliases expand beyond :data:`_MAX_NODES` (or that holds itself)."""
    count = 0
    stack: list[tuple[Any, int]] = [(document, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if depth > 10_000:
            raise YamlError("nested too deep, or an anchor that holds itself")
        if count > _MAX_NODES:
            raise YamlError("its aliases expand beyond any spec's size")
        if isinstance(node, dict):
            stack.extend((value, depth + 1) for value in node.values())
        elif isinstance(node, list):
            stack.extend((item, depth + 1) for item in node)


def plain(node: Any) -> Any:
    """``node`` with its numbers as Python's own ``int`` and ``float``, once the repairs that read
    their written text are done (other readers test ``type(value) is int``)."""
    if isinstance(node, dict):
        for key, value in node.items():
            node[key] = plain(value)
    elif isinstance(node, list):
        node[:] = [plain(item) for item in node]
    elif isinstance(node, Int):
        return int(node)
    elif isinstance(node, Float):
        return float(node)
    return node


def positions(text: str) -> dict[str, int]:
    """The line (from 1) of every node of the document, by JSON pointer; empty when unreadable."""
    # Read with the repairs that let ``load`` read it (neither moves a line).
    text = _BLANK_WITH_SPACES.sub("\n", text.replace("\t", " "))
    with contextlib.suppress(_libyaml.Unsure):
        return _libyaml.lines(text)
    try:
        try:
            root = _libyaml.compose(text)
        except _libyaml.Unsure:
            root = _yaml().compose(text)
    except Exception:  # positions only decorate messages: never a reason to fail
        return {}
    return dict(_walk(root, "#", root.start_mark.line + 1)) if root is not None else {}


class Int(int):
    """An integer as written (``010``): a repair that reads it as text keeps what the author wrote."""

    source: str


class Float(float):
    """A number as written (``1.10``, ``1e3``): a repair that reads it as text keeps what was written."""

    source: str


class _Constructor(SafeConstructor):
    """YAML 1.2's core schema: ``2024-01-02`` is text (YAML 1.1 made it a date, JSON has none); a
    number remembers how it was written."""

    def construct_yaml_int(self, node: Any) -> int:
        number = Int(super().construct_yaml_int(node))
        number.source = str(node.value)
        return number

    def construct_yaml_float(self, node: Any) -> float:
        number = Float(super().construct_yaml_float(node))
        number.source = str(node.value)
        return number


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)
_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)
_Constructor.add_constructor("tag:yaml.org,2002:float", _Constructor.construct_yaml_float)


def _core_scalar(node: ScalarNode) -> Any:
    """A number, boolean or null, as this module's ruamel.yaml reader makes it (see :mod:`._libyaml`)."""
    return _SCALARS.yaml_constructors[node.tag](_SCALARS, node)


def _yaml(*, duplicates: bool = False) -> YAML:
    reader = YAML(typ="safe")
    reader.Constructor = _Constructor
    reader.allow_duplicate_keys = duplicates  # then the first one is kept (JSON's are read the same way)
    return reader


_SCALARS = _yaml().constructor


def _walk(node: Any, pointer: str, line: int) -> Iterator[tuple[str, int]]:
    """The line of each node (ruamel.yaml's or libyaml's): of a mapping's value, its key's (``get:``,
    not the line below it)."""
    yield pointer, line
    if node.id == "mapping":
        for key, value in node.value:
            yield from _walk(value, f"{pointer}/{escape(str(key.value))}", key.start_mark.line + 1)
    elif node.id == "sequence":
        for index, item in enumerate(node.value):
            yield from _walk(item, f"{pointer}/{index}", item.start_mark.line + 1)


def _blank_before(text: str, line: int) -> int | None:
    """The line (from 1) of the last blank line holding spaces at or before ``line`` (from 0)."""
    lines = text.split("\n")
    return next((index + 1 for index in range(min(line, len(lines) - 1), -1, -1) if lines[index].isspace()), None)


def _offset(text: str, line: int, column: int) -> int | None:
    lines = text.splitlines(keepends=True)
    if line >= len(lines) or column >= len(lines[line]):
        return None
    return sum(len(before) for before in lines[:line]) + column


def _said(error: MarkedYAMLError) -> str:
    mark = error.problem_mark
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
    return f"{where}{' '.join(str(error.problem or error.context or 'unreadable').split())}"
