"""Everything a generated client raises (``errors.py`` re-exports it, with the package's own name for ``Error``).

    Error
    ├── MediaError                    a value or body that a media type cannot carry
    │   ├── UnsupportedMediaType      no codec for the media type
    │   ├── SerializationError        the value cannot be written in the media type
    │   └── DeserializationError      the bytes are not a valid model in the media type
    ├── MissingExtra                  an optional dependency is not installed (also an ImportError)
    ├── InvalidBaseURL                a base URL httpx or the resolver cannot use (also a ValueError)
    ├── InsecureTransport             credentials would travel in clear (plain http, a plain proxy) beyond loopback
    ├── InvalidCredentials            a credential that cannot be a header value (control characters)
    ├── CredentialUnavailable         a credential's source failed or did not answer in time (``__cause__``)
    ├── InvalidArgument               an argument no call can work with (also a ValueError)
    ├── ClientClosed                  used after ``close()``, or closed while in use
    ├── TransportFailure              the request was not sent or its answer not received
    │   ├── TransportTimeout          past the client's timeout (or total_timeout)
    │   └── ResponseIncomplete        the connection ended before the body did (also a
    │                                 ResponseError: the status, headers and what came)
    └── ResponseError                 an answer that is not what was asked for; keeps the
        │                             status code, headers and raw bytes
        ├── ApiError                  a documented error answer, its body parsed in ``fault``
        │   ├── BadRequest            400
        │   ├── NotAuthenticated      401
        │   ├── Forbidden             403
        │   ├── NotFound              404
        │   └── ServerError           500 and other 5xx (retryable)
        ├── ResponseTooLarge          the body passed the client's max_response_size
        └── UnexpectedResponse        an answer that is not a documented model
            ├── UnexpectedStatus          a status code the spec does not document
            ├── UndocumentedContentType   a Content-Type missing or not documented for the status
            └── ResponseDecodeError       a documented Content-Type whose body does not decode

Messages never quote bodies or headers: they may hold tokens. The raw values stay on the
exception's attributes.

Every error pickles and copies (``copy.copy``, ``ProcessPoolExecutor``, ``multiprocessing``) with
its message and attributes (a response error's status code, headers, raw content and fault),
whatever its ``__init__`` takes; as for every exception, not with its traceback, cause or context.
"""

import warnings
from collections.abc import Mapping
from typing import Any


def _rebuilt(cls: "type[Error]", args: tuple[Any, ...]) -> "Error":
    # Not through __init__, whose signature varies by class (keyword-only attributes): the
    # attributes come back as the pickled state, which BaseException.__setstate__ restores.
    return cls.__new__(cls, *args)


class Error(Exception):
    """Base class of every error raised by this package."""

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuilt, (type(self), self.args), self.__dict__ or None


class MediaError(Error):
    """A value or body that a media type cannot carry; ``media_type`` is the one used, parameters included."""

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


class MissingExtra(Error, ImportError):
    """An optional dependency is not installed: the message names the extra to install."""


class InvalidBaseURL(Error, ValueError):
    """A base URL that cannot be used: it does not parse, is not absolute, or its host or port
    could never be resolved or connected to. Raised when the client is made; the message names
    the problem and never quotes the URL (its user information may hold a password).
    """


class InsecureTransport(Error):
    """Credentials would travel in clear beyond this machine: plain http (or ws) to a host that is
    not loopback, or through a plain-http proxy that is not.

    Use https://, or set ``allow_insecure_http=True`` on the client (test setups only).
    """


class InvalidCredentials(Error):
    """A credential (a token) that cannot be sent as a header value: it holds control characters.

    The message never quotes it.
    """


class CredentialUnavailable(Error):
    """The source of a credential (a callable, an azure-core ``TokenCredential``) failed, or did not
    answer within the deadline; ``__cause__`` is its error, which the message names, never quotes."""


class InvalidArgument(Error, ValueError):
    """An argument no call can work with (a negative number of seconds): refused where it is given."""


class ClientClosed(Error):
    """The client or provider was used after ``close()``, or closed while a call was in flight."""


class TransportFailure(Error):
    """The request could not be sent, or its answer not received (``TransportError`` before it took a
    name that does not shadow ``httpx.TransportError``; the old name warns for one release).

    ``__cause__`` is httpx's error for timeouts and network errors; for others (a protocol error,
    whose message quotes what the server sent) the message names httpx's error, and nothing is chained.
    """


class TransportTimeout(TransportFailure):
    """The request took longer than the client's timeout."""


class ResponseError(Error):
    """An answer that is not what was asked for.

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

    @property
    def media_type(self) -> str | None:
        """The Content-Type the server sent, parameters included (``media.MediaType.parse`` reads them)."""
        return next((value for name, value in self.headers.items() if name.lower() == "content-type"), None)


class ApiError(ResponseError):
    """A documented error answer; ``fault`` is its parsed body (the documented model)."""

    def __init__(
        self, message: str, *, status_code: int, headers: Mapping[str, str], content: bytes, fault: object
    ) -> None:
        super().__init__(message, status_code=status_code, headers=headers, content=content)
        self.fault = fault

    @staticmethod
    def class_for(status_code: int) -> "type[ApiError]":
        """The most specific class for a status code."""
        if status_code >= 500:
            return ServerError
        return _BY_STATUS.get(status_code, ApiError)


class BadRequest(ApiError):
    """400: missing or invalid input."""


class NotAuthenticated(ApiError):
    """401: the credentials were missing, invalid or expired."""


class Forbidden(ApiError):
    """403: authenticated, but not allowed."""


class NotFound(ApiError):
    """404: not found or not available for the input."""


class ServerError(ApiError):
    """500 (and other 5xx): the service or a dependency failed; the request can be retried."""


_BY_STATUS: dict[int, type[ApiError]] = {400: BadRequest, 401: NotAuthenticated, 403: Forbidden, 404: NotFound}


class ResponseTooLarge(ResponseError):
    """The body passed the client's ``max_response_size``; ``content`` holds what was read up to it."""


class ResponseIncomplete(TransportFailure, ResponseError):
    """The connection ended before the body did (short of its ``Content-Length``, or within a chunk):
    a transport failure, retried as one, that keeps the status, headers and, in ``content``, what came."""


class UnexpectedResponse(ResponseError):
    """A response that could not be turned into a documented model."""


class UnexpectedStatus(UnexpectedResponse):
    """The status code is not documented (raised when ``Client.raise_on_unexpected_status`` is set).

    Made like its siblings, by keyword; the message, when not given, says the status and the size
    of the content (never the content: it may hold a token). The earlier positional form,
    ``UnexpectedStatus(status_code, content, headers)``, works for one more release and warns.
    """

    def __init__(
        self,
        message: str | int | None = None,
        *legacy: Any,
        status_code: int | None = None,
        headers: Mapping[str, str] | None = None,
        content: bytes | None = None,
    ) -> None:
        if isinstance(message, int):
            warnings.warn(
                "UnexpectedStatus(status_code, content, headers) is deprecated: pass status_code=, headers= "
                "and content= by keyword",
                DeprecationWarning,
                stacklevel=2,
            )
            status_code, message = message, None
            content = legacy[0] if legacy else b""
            headers = legacy[1] if len(legacy) > 1 else None
        if status_code is None or content is None:
            raise TypeError("UnexpectedStatus needs status_code= and content=")
        super().__init__(
            message or f"Unexpected status code: {status_code} ({len(content)} bytes of content)",
            status_code=status_code,
            headers=headers or {},
            content=content,
        )


class UndocumentedContentType(UnexpectedResponse):
    """The Content-Type is missing, or not one the spec documents for this status."""


class ResponseDecodeError(UnexpectedResponse):
    """The Content-Type is documented but the body does not decode into the documented model."""


_RENAMED = {"Timeout": "TransportTimeout", "TransportError": "TransportFailure"}
"""Old names of renamed errors: each answers, with a DeprecationWarning, for one release."""


def __getattr__(name: str) -> type[Error]:
    """The old names of renamed errors answer, with a DeprecationWarning, for one release (PEP 562).

    ``errors.py`` takes this function as its own ``__getattr__``: users reach the old names there.
    """
    if name in _RENAMED:
        new = _RENAMED[name]
        warnings.warn(f"errors.{name} is deprecated: use errors.{new}", DeprecationWarning, stacklevel=2)
        renamed: type[Error] = globals()[new]
        return renamed
    raise AttributeError(f"module {__name__.rpartition('.')[0] + '.errors'!r} has no attribute {name!r}")


__all__ = [
    "ApiError",
    "BadRequest",
    "ClientClosed",
    "CredentialUnavailable",
    "DeserializationError",
    "Error",
    "Forbidden",
    "InsecureTransport",
    "InvalidArgument",
    "InvalidBaseURL",
    "InvalidCredentials",
    "MediaError",
    "MissingExtra",
    "NotAuthenticated",
    "NotFound",
    "ResponseDecodeError",
    "ResponseError",
    "ResponseIncomplete",
    "ResponseTooLarge",
    "SerializationError",
    "ServerError",
    "TransportFailure",
    "TransportTimeout",
    "UndocumentedContentType",
    "UnexpectedResponse",
    "UnexpectedStatus",
    "UnsupportedMediaType",
]
