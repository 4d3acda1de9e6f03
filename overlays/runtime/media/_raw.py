"""Bodies carried as they are: ``text/*`` as ``str``, every other unstructured type as bytes.

No operation is dropped for its media type: what no codec reads (``application/pdf``,
``application/jwt``, ``text/csv``, ``*/*``) still travels, as a ``File``, bytes or text in, and
bytes or text out.
"""

from __future__ import annotations

from .._errors import DeserializationError, SerializationError
from ._families import family
from ._registry import MediaType
from ._text import decode_text

__all__ = ["decode_raw", "encode_raw"]


def encode_raw(value: object, media_type: str) -> bytes:
    """The bytes of a ``File``, bytes, or text (in the media type's charset, else UTF-8)."""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    if isinstance(value, str):
        charset = MediaType.parse(media_type).charset or "utf-8"
        try:
            return value.encode(charset)
        except (UnicodeError, LookupError) as error:
            raise SerializationError(
                f"cannot write text as {charset}: {type(error).__name__}", media_type=media_type
            ) from None
    payload = getattr(value, "payload", None)  # a File
    if payload is not None:
        if hasattr(payload, "getvalue"):
            return bytes(payload.getvalue())
        return bytes(payload.read())
    raise SerializationError(
        f"a {MediaType.parse(media_type).essence} body is a File, bytes or str, not {type(value).__name__}",
        media_type=media_type,
    )


def decode_raw(content: bytes, media_type: str) -> bytes | str:
    """``str`` for ``text/*`` (decoded by its charset, else UTF-8), bytes for everything else."""
    if family(media_type) != "text":
        return content
    try:
        return decode_text(content, MediaType.parse(media_type).charset)
    except (UnicodeError, ValueError) as error:
        raise DeserializationError(
            f"not valid text: {type(error).__name__}", media_type=media_type, content=content
        ) from None
