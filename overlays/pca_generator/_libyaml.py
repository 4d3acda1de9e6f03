"""The common case of reading YAML, at C speed: libyaml's parser (PyYAML's ``CParser``) with YAML
1.2's core schema, giving exactly what ruamel.yaml gives.

ruamel.yaml reads YAML 1.2 in pure Python, and reading was the largest part of generating a large
spec (some 2.5 s of a 300-operation one, ten times libyaml's). libyaml is a YAML 1.1 parser: what
it does differently is routed to ruamel.yaml, whose reading (and whose notices and errors) stays
the reference:

- a text holding a tab (ruamel.yaml refuses some that libyaml takes, and the reader reports each),
  a ``%`` directive (``%YAML 1.1`` changes the schema), or NEL, LS or PS (line breaks in 1.1, text
  in 1.2) is not read here at all;
- anything libyaml refuses, a key given twice, a merge key (``<<``) and any tag beyond the core
  schema's is :class:`Unsure`: the caller reads the text with ruamel.yaml.

Plain scalars are resolved by ruamel.yaml's own YAML 1.2 table, and numbers, booleans and nulls
built by the reader's ruamel.yaml constructor (the one :mod:`._yaml` reads with): one source of
truth for what a scalar means.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import yaml
from ruamel.yaml import resolver as ruamel_resolver
from ruamel.yaml.nodes import ScalarNode

__all__ = ["Unsure", "compose", "load"]

_SLOW_CHARACTERS = ("\t", "\x85", "\u2028", "\u2029")
_CORE = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = f"{_CORE}str", f"{_CORE}map", f"{_CORE}seq"
_SCALARS = frozenset(f"{_CORE}{name}" for name in ("int", "float", "bool", "null"))
_TEXT = frozenset({_STR, f"{_CORE}timestamp"})  # a date is text in YAML 1.2 (and JSON has none)
_MERGE = f"{_CORE}merge"
_NOTHING = object()


class Unsure(Exception):
    """The text may read otherwise with ruamel.yaml: read it with ruamel.yaml."""


def readable(text: str) -> bool:
    """Whether libyaml reads ``text`` as YAML 1.2 does, as far as the text alone tells."""
    return (
        yaml.__with_libyaml__  # PyYAML built without libyaml: every text is read by ruamel.yaml
        and not any(character in text for character in _SLOW_CHARACTERS)
        and not text.startswith("%")
        and "\n%" not in text
    )


_Loader = yaml.CBaseLoader if yaml.__with_libyaml__ else yaml.BaseLoader  # (the latter never reads: readable)


class _Parser(_Loader):  # type: ignore[valid-type,misc]
    """libyaml's parser, resolving plain scalars by YAML 1.2's core schema (what it constructs is
    not used: :class:`_Builder` makes the values)."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, Any]]]] = {}


for _versions, _tag, _pattern, _first in ruamel_resolver.implicit_resolvers:
    if (1, 2) in _versions:
        _Parser.add_implicit_resolver(_tag, _pattern, _first)


def compose(text: str) -> Any:
    """The node tree of ``text`` (libyaml's nodes: ``id``, ``value``, ``start_mark`` as ruamel.yaml's)."""
    if not readable(text):
        raise Unsure
    parser = _Parser(text)
    try:
        return parser.get_single_node()
    except yaml.YAMLError:
        raise Unsure from None
    finally:
        parser.dispose()


def load(text: str, scalar: Callable[[ScalarNode], Any]) -> Any:
    """The document ``text`` holds, its numbers, booleans and nulls made by ``scalar`` (ruamel.yaml's
    constructor of that node)."""
    root = compose(text)
    if root is None:
        return None
    try:
        return _Builder(scalar).value(root)
    except (RecursionError, TypeError):  # nested deeper than this reader goes, an unhashable key
        raise Unsure from None


class _Builder:
    """Values from libyaml's nodes; an alias is the same node, and so becomes the same value."""

    def __init__(self, scalar: Callable[[ScalarNode], Any]) -> None:
        self._scalar = scalar
        self._made: dict[int, Any] = {}
        self._open: set[int] = set()

    def value(self, node: Any) -> Any:
        tag, kind = node.tag, node.id
        if kind == "scalar" and tag in _TEXT:
            return node.value
        if kind == "scalar" and tag in _SCALARS:
            return self._scalar(ScalarNode(tag, node.value, style=node.style))
        made = self._made.get(id(node), _NOTHING)
        if made is not _NOTHING:
            return made
        if id(node) in self._open:
            raise Unsure  # an anchor that holds itself
        self._open.add(id(node))
        if kind == "mapping" and tag == _MAP:
            made = {}
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE:
                    raise Unsure
                key = self.value(key_node)
                if key in made:
                    raise Unsure  # ruamel.yaml says where, and keeps the first
                made[key] = self.value(value_node)
        elif kind == "sequence" and tag == _SEQ:
            made = [self.value(item) for item in node.value]
        else:
            raise Unsure  # a tag beyond the core schema's
        self._open.discard(id(node))
        self._made[id(node)] = made
        return made
