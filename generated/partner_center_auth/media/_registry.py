"""The codec registry: one codec per structured media family, looked up by the bare media type."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Protocol

from attrs import frozen

from .._compiled import breaks, builder_for
from .._errors import DeserializationError, MediaError, UnsupportedMediaType
from .._schema import Document, Kept, M, Model
from ._families import STRUCTURED

__all__ = ["UNDECIDED", "Codec", "CodecRegistry", "MediaType", "build", "registry"]

UNDECIDED: Any = object()
"""What a codec's one-pass ``read`` gives when it cannot answer alone (see :meth:`CodecRegistry.read`)."""


class Codec(Protocol):
    """Writes and reads JSON-shaped data in one media family, shaped by a :class:`Document`.

    ``decode`` returns data already checked against the document's schema; ``charset`` comes from
    the media type. Two capabilities are optional, so that a codec registered to this protocol
    keeps working: a one-pass ``write`` (see :meth:`CodecRegistry.write`), and ``checks_only =
    True`` for a codec whose data is the body's whatever the schema (see :meth:`CodecRegistry.decode`).
    """

    def encode(self, data: object, document: Document, *, charset: str | None) -> bytes: ...

    def decode(self, content: bytes, document: Document, *, charset: str | None) -> object: ...


@frozen
class MediaType:
    """A parsed media type: ``essence`` is the bare, lower-case ``type/subtype``."""

    essence: str
    charset: str | None = None

    @classmethod
    def parse(cls, value: str) -> MediaType:
        """Parse a Content-Type value (RFC 9110 section 8.3.1); only ``charset`` is kept."""
        return _parse(value)

    @property
    def suffix(self) -> str | None:
        """The structured syntax suffix (RFC 6839): ``json`` for ``application/problem+json``."""
        _, plus, suffix = self.essence.rpartition("+")
        return suffix if plus else None


class CodecRegistry:
    """Maps bare media types (and ``+suffix`` families) to codecs, built when first used.

    Factories keep start-up light: the XML codec imports lxml only when an XML media type is
    first used.
    """

    def __init__(self) -> None:
        self._factories: dict[str, Callable[[], Codec]] = {}
        self._codecs: dict[str, Codec] = {}
        self._by_header: dict[str, tuple[Codec, str | None]] = {}

    def register(self, media_types: tuple[str, ...], factory: Callable[[], Codec]) -> None:
        """Register ``factory`` for bare media types and ``+suffix`` families such as ``+json``."""
        for media_type in media_types:
            self._factories[media_type.lower()] = factory
        self._codecs.clear()  # resolutions made before may now resolve differently
        self._by_header.clear()

    def lookup(self, media_type: str | MediaType) -> Codec:
        parsed = MediaType.parse(media_type) if isinstance(media_type, str) else media_type
        codec = self._codecs.get(parsed.essence)  # every essence seen before: one dictionary read
        if codec is None:
            codec = self._codecs[parsed.essence] = self._resolve(parsed)
        return codec

    def _resolve(self, parsed: MediaType) -> Codec:
        for key in (parsed.essence, f"+{parsed.suffix}" if parsed.suffix else None):
            if key is not None and key in self._factories:
                codec = self._codecs.get(key)
                if codec is None:
                    codec = self._codecs[key] = self._factories[key]()
                return codec
        raise UnsupportedMediaType(f"no codec for media type {parsed.essence!r}", media_type=parsed.essence)

    # Errors name the media type actually used (`text/xml; charset=utf-8`), not their codec's
    # family: set here, in a plain try (a context manager would cost more than a small body).
    def encode(self, data: object, document: Document, media_type: str) -> bytes:
        """Write JSON-shaped ``data`` (what generated ``to_dict`` functions give) in ``media_type``."""
        codec, charset = self._for_header(media_type)
        try:
            return codec.encode(document.outgoing(data), document, charset=charset)
        except MediaError as error:
            error.media_type = media_type
            raise

    def decode(self, content: bytes, document: Document, media_type: str, *, kept: Kept | None = None) -> object:
        """Read JSON-shaped data, checked against ``document``, from ``content`` sent as ``media_type``.

        With a ``kept`` list, the read is liberal: data that breaks only constraints (a pattern, a
        bound, an enum value the spec does not list) is returned as it is, and what it breaks is
        added to ``kept``. Valid data costs nothing more: the document's own check decides first,
        and only data it refuses is read again against :meth:`Document.relaxed`. A codec whose data
        is the body's whatever the schema (``checks_only``: JSON) reads it once, relaxed; what the
        data breaks is then found by the compiled check, part by part (``_compiled.breaks``).
        """
        codec, charset = self._for_header(media_type)
        try:
            relaxed = document if kept is None else document.relaxed()
            if kept is None or relaxed is document:
                return codec.decode(content, document, charset=charset)
            if not getattr(codec, "checks_only", False):
                try:
                    return codec.decode(content, document, charset=charset)
                except DeserializationError:
                    pass
            # Read again outside the except block: a structural error is raised on its own, not
            # chained to the strict one.
            data = codec.decode(content, relaxed, charset=charset)
            kept += document.schema.breaks(data, "$", breaks)  # each part checked on its own
            return data
        except MediaError as error:
            error.media_type = media_type
            raise

    def write(self, body: object, document: Document, media_type: str, dump: Callable[[Any], Any]) -> bytes:
        """:meth:`encode` of ``dump(body)`` (``dump``: the generated dumper of ``document``).

        A codec with a ``write`` of its own writes a model in one pass where it can (JSON: the
        compiled dumper, checking as it writes); anything it leaves ``UNDECIDED`` is dumped, then
        encoded, which words every refusal.
        """
        codec, charset = self._for_header(media_type)
        one_pass = getattr(codec, "write", None)
        if one_pass is not None:
            written = one_pass(body, document, charset=charset)
            if written is not UNDECIDED:
                return written  # type: ignore[no-any-return]
        return self.encode(dump(body), document, media_type)

    def read(
        self,
        content: bytes,
        document: Document,
        media_type: str,
        load: Callable[[Any], Any],
        *,
        kept: Kept | None = None,
    ) -> object:
        """:meth:`decode`, then ``load`` (the generated loader of ``document``): the typed value.

        A codec with a ``read`` of its own checks and builds in one pass where it can prove the
        same answer (JSON: a body of a model or a list of models, which the generated loaders
        build with the compiled builders); anything it leaves ``UNDECIDED`` (an error, a liberal
        read) takes :meth:`decode` and ``load``, which word every error.
        """
        codec, charset = self._for_header(media_type)
        one_pass = getattr(codec, "read", None)
        if one_pass is not None:
            value = one_pass(content, document, charset=charset)
            if value is not UNDECIDED:
                return value
        # No local holds the decoded data: a failure's traceback shows no token (see build).
        return build(
            load, self.decode(content, document, media_type, kept=kept), content=content, media_type=media_type
        )

    def serialize(self, value: Model, media_type: str) -> bytes:
        """Write ``value`` (a generated model) in ``media_type``."""
        return self.encode(value.to_dict(), type(value).__openapi__.document, media_type)

    def deserialize(self, model: type[M], content: bytes, media_type: str, *, kept: Kept | None = None) -> M:
        """Read a ``model`` from ``content`` sent as ``media_type`` (its ``charset`` honoured);
        ``kept``: read liberally, as :meth:`decode` does."""
        data = self.decode(content, model.__openapi__.document, media_type, kept=kept)
        return build(builder_for(model), data, content=content, media_type=media_type)

    def _for_header(self, media_type: str) -> tuple[Codec, str | None]:
        # A service sends the same few Content-Type values: after the first, one dictionary read.
        resolved = self._by_header.get(media_type)
        if resolved is None:
            parsed = MediaType.parse(media_type)
            resolved = (self.lookup(parsed), parsed.charset)
            if len(self._by_header) < 256:  # bounded: headers come from the network
                self._by_header[media_type] = resolved
        return resolved


def build(construct: Callable[[Any], M], data: object, *, content: bytes, media_type: str) -> M:
    """Turn checked JSON-shaped ``data`` into typed values with a generated constructor.

    The constructor may be stricter than the schema (a ``date`` that does not parse): its failure
    is a :class:`DeserializationError` naming only the kind of failure, never a value.
    """
    try:
        return construct(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        kind = type(error).__name__
    del data  # the decoded values (a token among them) stay out of the frame the error is raised from
    raise DeserializationError(
        f"the body does not build the documented value ({kind})", media_type=media_type, content=content
    )


_TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
_ESSENCE = re.compile(rf"\s*({_TOKEN}/{_TOKEN})\s*")
_PARAMETER = re.compile(rf'\s*({_TOKEN})\s*=\s*("(?:[^"\\\\]|\\\\.)*"|{_TOKEN})\s*')


@lru_cache(maxsize=64)
def _parse(value: str) -> MediaType:
    essence, *parameters = value.split(";")
    match = _ESSENCE.fullmatch(essence)
    if match is None:
        raise UnsupportedMediaType(f"not a media type: {value!r}", media_type=value)
    charset = None
    for parameter in parameters:
        pair = _PARAMETER.fullmatch(parameter)
        if pair is None:
            raise UnsupportedMediaType(f"malformed media type parameter in {value!r}", media_type=value)
        if pair[1].lower() == "charset":
            charset = pair[2].strip('"').lower()
    return MediaType(match[1].lower(), charset)


_CODECS = {"json": ("._json", "JsonCodec"), "xml": ("._xml", "XmlCodec"), "form": ("._form", "FormCodec")}


def _lazy(module: str, name: str) -> Callable[[], Codec]:
    def factory() -> Codec:
        codec: Codec = getattr(importlib.import_module(module, __package__), name)()
        return codec

    return factory


registry = CodecRegistry()
for _family in _CODECS:
    registry.register(tuple(key for key, known in STRUCTURED.items() if known == _family), _lazy(*_CODECS[_family]))
