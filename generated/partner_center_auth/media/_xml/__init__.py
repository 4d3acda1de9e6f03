"""XML (``application/xml``, ``text/xml``, ``+xml``), shaped by the spec's OpenAPI ``xml`` objects.

The rules, for any schema:

* the root element is the schema's ``xml.name``, else that of the schema its ``allOf`` refers to
  (an inline or composed body of a ``Booking`` named ``booking`` is ``<booking>``); a root the
  spec names no element for is written under its component name (``items``, ``value`` for an
  array or a scalar) and read under any name;
* a property is a child element named by its ``xml.name``, else the property name; with
  ``attribute: true`` it is an attribute of its parent instead;
* ``namespace`` and ``prefix`` qualify the element; a namespace without a prefix becomes the
  default namespace, which children inherit as XML scoping says;
* arrays are repeated elements (named by ``items.xml.name``, else the property name), inside one
  wrapper element (named by the array's ``xml.name``, else the property name) only when
  ``wrapped: true``;
* properties the schema does not name (additional properties, schemaless values) are elements
  named by their key, holding text or, for objects, child elements;
* a document is written exactly so, and read liberally: an element the spec gives no namespace
  of its own is also read in the namespace its parent arrived in (a server that qualifies every
  element, by a default namespace or a prefix); one in a namespace the spec does not declare
  (or without the one it declares) is read by its name in a liberal read, refused in a strict
  one (see ``_names``).

Where each part lives:

* ``_codec``: :class:`XmlCodec`, which the registry loads when an XML media type is first used;
* ``_parser``: the safe parser (no entities, no DTD, no network, no huge trees, no DOCTYPE or
  processing instruction);
* ``_names``: the rules above, as element and attribute names, shared by every reader and writer;
* ``_writer`` and ``_reader``: the reference, which walks any document the spec allows and words
  every error;
* ``_fast_writer`` and ``_fast_reader``: plans made once per model for the common documents,
  which hand anything else to the reference, so that results and errors are always its own.
"""

from ._codec import XmlCodec

__all__ = ["XmlCodec"]
