"""The safe XML parser: what a document must pass before any reader walks it.

No entities resolved, no DTD loaded, no network, no huge trees (libxml2's limits on depth and
node size stay on), and a document with a DOCTYPE or a processing instruction (an XSLT
stylesheet, say) is refused outright. Apart from the readers because it is the one place that
decides what libxml2 may do with a server's bytes.
"""

from __future__ import annotations

import threading

from lxml import etree

from ..._schema import SchemaViolation

__all__ = ["parse", "syntax_error"]


class _RefuseExternal(etree.Resolver):  # type: ignore[type-arg, misc, unused-ignore]
    """Refuses every external resource (DTD, entity) before libxml2 opens a file or a socket."""

    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> None:
        raise SchemaViolation("$", "external resources (DTDs, entities) are not allowed")


_parsers = threading.local()


def _parser(encoding: str | None) -> etree.XMLParser:
    """The safe parser for ``encoding``, made once per thread (lxml parsers are not shared across threads)."""
    cache: dict[str | None, etree.XMLParser] | None = getattr(_parsers, "by_encoding", None)
    if cache is None:
        cache = _parsers.by_encoding = {}
    parser = cache.get(encoding)
    if parser is None:
        parser = cache[encoding] = _new_parser(encoding)
    return parser


def _new_parser(encoding: str | None) -> etree.XMLParser:
    parser = etree.XMLParser(
        encoding=encoding,
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=False,  # kept so that they can be refused
        collect_ids=False,
    )
    parser.resolvers.add(_RefuseExternal())
    return parser


def parse(content: bytes, charset: str | None) -> etree._Element:
    """The root element of a document that passed the safety checks."""
    root = etree.fromstring(content, _parser(charset))
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype:
        raise SchemaViolation("$", "a DOCTYPE is not allowed")
    if root.getprevious() is not None or root.getnext() is not None:  # comments are already gone
        raise SchemaViolation("$", "processing instructions are not allowed")
    return root


def syntax_error(error: etree.XMLSyntaxError) -> str:
    """libxml2's error by its kind and place only: its message quotes the document."""
    last = error.error_log.last_error if error.error_log else None
    kind = last.type_name if last is not None else f"error {error.code}"
    line, column = error.position if error.position else (0, 0)
    return f"{kind} at line {line}, column {column}"
