"""Serialize and parse bodies in every media type the spec documents.

One codec per structured media family, behind one registry keyed by the bare media type
(parameters such as ``charset`` stripped; ``+json`` and ``+xml`` suffixes folded into their
family); other media types travel as bytes or text::

    body = media.serialize(model, "application/xml")
    model = media.deserialize(Model, content, "text/json; charset=utf-8")

``encode`` / ``decode`` do the same for any body (arrays, maps, scalars), as JSON-shaped data
shaped by a :class:`~._schema.Document`; ``multipart_parts`` gives a multipart body's parts
(which httpx writes), checked against one.
"""

from ._families import STRUCTURED_FAMILIES, Family, essence, family
from ._multipart import multipart_parts
from ._raw import decode_raw, encode_raw
from ._registry import Codec, CodecRegistry, MediaType, build, registry

__all__ = [
    "STRUCTURED_FAMILIES",
    "Codec",
    "CodecRegistry",
    "Family",
    "MediaType",
    "build",
    "decode",
    "decode_raw",
    "deserialize",
    "encode",
    "encode_raw",
    "essence",
    "family",
    "multipart_parts",
    "read",
    "registry",
    "serialize",
    "write",
]

serialize = registry.serialize
deserialize = registry.deserialize
encode = registry.encode
decode = registry.decode
read = registry.read
write = registry.write
