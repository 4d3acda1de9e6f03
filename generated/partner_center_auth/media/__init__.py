"""Serialize and parse models in every media type the spec documents.

One codec per media family, behind one registry keyed by the bare media type (parameters such
as ``charset`` stripped; ``+json`` and ``+xml`` suffixes folded into their family)::

    body = media.serialize(TokenRequest(), "application/xml")
    token = media.deserialize(TokenResponse, content, "text/json; charset=utf-8")
"""

from ._registry import Codec, CodecRegistry, MediaType, registry

__all__ = ["Codec", "CodecRegistry", "MediaType", "deserialize", "registry", "serialize"]

serialize = registry.serialize
deserialize = registry.deserialize
