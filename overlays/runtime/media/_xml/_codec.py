"""The XML codec: which writer and which reader a body takes, and the typed errors they end in.

A body whose data passes the compiled check is written by the fast writer, any other by the
reference; a document is parsed safely, its root name checked, then read by the fast reader
where it answers, else by the reference. Every failure becomes a :class:`SerializationError` or
:class:`DeserializationError` that quotes no value the server sent.
"""

from __future__ import annotations

from lxml import etree

from ..._compiled import Reader, check_for, reader_for
from ..._errors import DeserializationError, SerializationError
from ..._schema import Document, SchemaViolation, model_of
from ._fast_reader import UNDECIDED, plan, read_fast
from ._fast_writer import checked, write_fast
from ._names import clark_to_text, got, nsmap, same_element
from ._parser import parse, syntax_error
from ._reader import read_reference
from ._writer import Writer

__all__ = ["XmlCodec"]

MEDIA_TYPE = "application/xml"


class XmlCodec:
    def encode(self, data: object, document: Document, *, charset: str | None) -> bytes:
        try:
            root_xml = document.root()
            root = etree.Element(root_xml.tag(None), nsmap=nsmap(root_xml))
            model = model_of(document.schema)
            if model is not None and isinstance(data, dict) and checked(document.schema, data):
                write_fast(root, model, root_xml.scope(None), data)
            else:
                Writer().root(root, document.schema, root_xml, data)
            encoding = charset or "utf-8"
            written: bytes = etree.tostring(root, xml_declaration=True, encoding=encoding)
            return written
        except SchemaViolation as violation:
            raise SerializationError(
                f"cannot write {document.name} as XML: {violation}", media_type=MEDIA_TYPE
            ) from None
        except (ValueError, TypeError, LookupError) as error:  # lxml: "All strings must be XML compatible"
            raise SerializationError(f"cannot write {document.name} as XML: {error}", media_type=MEDIA_TYPE) from None

    def read(self, content: bytes, document: Document, *, charset: str | None) -> object:
        """The typed value of a body of a model or a list of models: the reading plan's data checked
        and built in one pass (see ``_compiled.reader_for``); ``UNDECIDED`` where the plan or the
        reader leaves it to :meth:`decode`, which words every error."""
        reader = reader_for(document.schema)
        if reader is None:
            return UNDECIDED
        try:
            return _read(content, document, charset, reader)
        except (SchemaViolation, etree.XMLSyntaxError, ValueError, LookupError, RecursionError):
            return UNDECIDED  # decode reads it again, and words the error

    def decode(self, content: bytes, document: Document, *, charset: str | None) -> object:
        # Raised after the except block, from a frame that holds no decoded value (see _json).
        try:
            return _read(content, document, charset)
        except SchemaViolation as violation:
            problem = f"XML does not match {document.name}: {violation}"
        except etree.XMLSyntaxError as error:  # libxml2's message quotes the document: its code and place only
            problem = f"not valid XML ({syntax_error(error)})"
        except (ValueError, LookupError, RecursionError) as error:
            problem = f"not valid XML: {error}"
        raise DeserializationError(problem, media_type=MEDIA_TYPE, content=content)


def _read(content: bytes, document: Document, charset: str | None, reader: Reader | None = None) -> object:
    """The JSON-shaped data of an XML document, after the safety checks, checked against its schema;
    with a ``reader``, the typed value it builds, or ``UNDECIDED`` where the plan does not answer."""
    root = parse(content, charset)
    root_xml, fast = plan(document)
    expected = root_xml.tag(None)
    if not same_element(root_xml, expected, root.tag, None, document.liberal):
        raise SchemaViolation("$", f"expected root element {clark_to_text(expected)}, got {got(root.tag, expected)}")
    if fast is not None:
        data = read_fast(root, fast, check_for(document.schema), reader)
        if data is not UNDECIDED or reader is not None:
            return data
    return UNDECIDED if reader is not None else read_reference(root, document)
