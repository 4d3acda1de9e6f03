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
from typing import Any, ClassVar, TypeVar

import yaml
from ruamel.yaml import resolver as ruamel_resolver
from ruamel.yaml.nodes import ScalarNode

from ._pointer import escape

__all__ = ["Unsure", "compose", "lines", "load"]

_SLOW_CHARACTERS = ("\t", "\x85", "\u2028", "\u2029")
_CORE = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = f"{_CORE}str", f"{_CORE}map", f"{_CORE}seq"
_SCALARS = frozenset(f"{_CORE}{name}" for name in ("int", "float", "bool", "null"))
_TEXT = frozenset({_STR, f"{_CORE}timestamp"})  # a date is text in YAML 1.2 (and JSON has none)
_NOTHING = object()
T = TypeVar("T")


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


def lines(text: str) -> dict[str, int]:
    """The line (from 1) of every node of ``text``, by JSON pointer: a mapping's value on its key's
    line, as a walk of :func:`compose`'s tree gives it.

    From libyaml's events as they come, never holding the text's whole node tree (some 50 MB for a
    3 MB spec, the peak of a whole run when placing its warnings). An anchor or alias (a node
    reached twice, its lines the anchor's) is :class:`Unsure`: the caller walks the tree.
    """

    def read(parser: Any, root: Any) -> dict[str, int]:
        found: dict[str, int] = {}
        _lines(parser, root, "#", _line(root), found)
        return found

    return _single_document(text, read, {})


def _lines(parser: Any, event: Any, pointer: str, line: int, found: dict[str, int]) -> None:
    if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
        raise Unsure
    found[pointer] = line
    if isinstance(event, yaml.MappingStartEvent):
        while not parser.check_event(yaml.MappingEndEvent):
            key = parser.get_event()
            if not isinstance(key, yaml.ScalarEvent) or key.anchor is not None:
                raise Unsure
            _lines(parser, parser.get_event(), f"{pointer}/{escape(key.value)}", _line(key), found)
        parser.get_event()
    elif isinstance(event, yaml.SequenceStartEvent):
        index = 0
        while not parser.check_event(yaml.SequenceEndEvent):
            item = parser.get_event()
            _lines(parser, item, f"{pointer}/{index}", _line(item), found)
            index += 1
        parser.get_event()


def _line(event: Any) -> int:
    """The line (from 1) where ``event``'s node starts."""
    return int(event.start_mark.line) + 1


def load(text: str, scalar: Callable[[ScalarNode], Any]) -> Any:
    """The document ``text`` holds, its numbers, booleans and nulls made by ``scalar`` (ruamel.yaml's
    constructor of that node).

    Built from libyaml's events as they come, never holding the text's whole node tree (a few
    times the document's size, which would stay the process's peak to the end of a run).
    """
    return _single_document(text, lambda parser, first: _Builder(parser, scalar).value(first), None)


def _single_document(text: str, read: Callable[[Any, Any], T], empty: T) -> T:
    """What ``read`` makes of the one document of ``text`` from libyaml's parser and the document's
    first event (``empty`` for a text without one); :class:`Unsure` where ruamel.yaml must read it."""
    if not readable(text):
        raise Unsure
    parser = _Parser(text)
    try:
        parser.get_event()  # the stream's start
        if parser.check_event(yaml.StreamEndEvent):
            return empty
        parser.get_event()  # the document's start
        made = read(parser, parser.get_event())
        parser.get_event()  # the document's end
        if not parser.check_event(yaml.StreamEndEvent):
            raise Unsure  # several documents: ruamel.yaml says so
        return made
    except (yaml.YAMLError, RecursionError, TypeError):  # not YAML here, nested deeper than this reader
        raise Unsure from None  # goes, an unhashable key
    finally:
        parser.dispose()


class _Builder:
    """Values from libyaml's events; an alias is the value of its anchor, the same object."""

    def __init__(self, parser: Any, scalar: Callable[[ScalarNode], Any]) -> None:
        self._parser = parser
        self._scalar = scalar
        self._anchors: dict[str, Any] = {}

    def value(self, event: Any) -> Any:
        if isinstance(event, yaml.AliasEvent):
            made = self._anchors.get(event.anchor or "", _NOTHING)
            if made is _NOTHING:  # an anchor not yet defined, or one that holds itself
                raise Unsure
            return made
        if event.anchor is not None and event.anchor in self._anchors:
            raise Unsure  # an anchor defined twice: ruamel.yaml reads it (and warns)
        tag = event.tag
        if isinstance(event, yaml.ScalarEvent):
            if tag is None or tag == "!":
                tag = self._parser.resolve(yaml.ScalarNode, event.value, event.implicit)
            if tag in _TEXT:
                made = event.value
            elif tag in _SCALARS:
                made = self._scalar(ScalarNode(tag, event.value, style=event.style))
            else:
                raise Unsure  # a tag beyond the core schema's
        elif isinstance(event, yaml.MappingStartEvent):
            made = self._mapping(tag)
        elif isinstance(event, yaml.SequenceStartEvent):
            made = self._sequence(tag)
        else:
            raise Unsure
        if event.anchor is not None:
            self._anchors[event.anchor] = made
        return made

    def _mapping(self, tag: str | None) -> dict[Any, Any]:
        if (tag if tag not in (None, "!") else _MAP) != _MAP:
            raise Unsure  # a tag beyond the core schema's
        made: dict[Any, Any] = {}
        while not self._parser.check_event(yaml.MappingEndEvent):
            key = self.value(self._parser.get_event())  # a merge key (<<) is a tag beyond the core schema's
            if key in made:
                raise Unsure  # ruamel.yaml says where, and keeps the first
            made[key] = self.value(self._parser.get_event())
        self._parser.get_event()
        return made

    def _sequence(self, tag: str | None) -> list[Any]:
        if (tag if tag not in (None, "!") else _SEQ) != _SEQ:
            raise Unsure  # a tag beyond the core schema's
        made: list[Any] = []
        while not self._parser.check_event(yaml.SequenceEndEvent):
            made.append(self.value(self._parser.get_event()))
        self._parser.get_event()
        return made
