"""Everything this package raises.

    PartnerCenterAuthError
    ├── MediaError                    a value or body that a media type cannot carry
    │   ├── UnsupportedMediaType      no codec for the media type
    │   ├── SerializationError        the value cannot be written in the media type
    │   └── DeserializationError      the bytes are not a valid model in the media type
    ├── TransportError                the request was not sent or its answer not received
    │   └── Timeout                   past the client's timeout
    └── UnexpectedResponse            a response that is not a documented model; keeps the
        │                             status code, headers and raw bytes
        ├── UnexpectedStatus          a status code the spec does not document
        ├── UndocumentedContentType   a Content-Type missing or not documented for the status
        └── ResponseDecodeError       a documented Content-Type whose body does not decode

Messages never quote bodies or headers: they may hold tokens. The raw values stay on the
exception's attributes.
"""

from collections.abc import Mapping


class PartnerCenterAuthError(Exception):
    """Base class of every error raised by this package."""


class MediaError(PartnerCenterAuthError):
    """A value or body that a media type cannot carry."""

    def __init__(self, message: str, *, media_type: str) -> None:
        super().__init__(message)
        self.media_type = media_type


class UnsupportedMediaType(MediaError):
    """No codec is registered for the media type."""


class SerializationError(MediaError):
    """The value cannot be written in the media type (for example, text XML 1.0 cannot carry)."""


class DeserializationError(MediaError):
    """The bytes are not a valid model in the media type.

    Attributes:
        content: the bytes that failed to decode.
    """

    def __init__(self, message: str, *, media_type: str, content: bytes) -> None:
        super().__init__(message, media_type=media_type)
        self.content = content


class TransportError(PartnerCenterAuthError):
    """The request could not be sent, or its answer not received; ``__cause__`` is httpx's error."""


class Timeout(TransportError):
    """The request took longer than the client's timeout."""


class UnexpectedResponse(PartnerCenterAuthError):
    """A response that could not be turned into a documented model.

    Attributes:
        status_code: the HTTP status code.
        headers: the response headers.
        content: the raw response body.
    """

    def __init__(self, message: str, *, status_code: int, headers: Mapping[str, str], content: bytes) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.headers = headers
        self.content = content


class UnexpectedStatus(UnexpectedResponse):
    """The status code is not documented (raised when ``Client.raise_on_unexpected_status`` is set)."""

    def __init__(self, status_code: int, content: bytes, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(
            f"Unexpected status code: {status_code} ({len(content)} bytes of content)",
            status_code=status_code,
            headers=headers or {},
            content=content,
        )


class UndocumentedContentType(UnexpectedResponse):
    """The Content-Type is missing, or not one the spec documents for this status."""


class ResponseDecodeError(UnexpectedResponse):
    """The Content-Type is documented but the body does not decode into the documented model."""


__all__ = [
    "DeserializationError",
    "MediaError",
    "PartnerCenterAuthError",
    "ResponseDecodeError",
    "SerializationError",
    "Timeout",
    "TransportError",
    "UndocumentedContentType",
    "UnexpectedResponse",
    "UnexpectedStatus",
    "UnsupportedMediaType",
]
