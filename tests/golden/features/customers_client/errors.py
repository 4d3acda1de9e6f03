"""Everything this package raises, rooted at :class:`CustomersClientError`.

    CustomersClientError (also errors.Error)
    ├── MediaError                    a value or body that a media type cannot carry
    │   ├── UnsupportedMediaType      no codec for the media type
    │   ├── SerializationError        the value cannot be written in the media type
    │   └── DeserializationError      the bytes are not a valid value in the media type
    ├── MissingExtra                  an optional dependency is not installed (also an ImportError)
    ├── InvalidBaseURL                a base URL httpx or the resolver cannot use (also a ValueError)
    ├── InsecureTransport             credentials would travel in clear (plain http, a plain proxy) beyond loopback
    ├── InvalidCredentials            a credential that cannot be a header value (control characters)
    ├── CredentialUnavailable         a credential's source failed or did not answer in time (``__cause__``)
    ├── InvalidArgument               an argument no call can work with (also a ValueError)
    ├── ClientClosed                  used after ``close()``, or closed while in use
    ├── TransportError                the request was not sent or its answer not received
    │   └── TransportTimeout          past the client's timeout (or total_timeout)
    └── ResponseError                 an answer that is not what was asked for; keeps the
        │                             status code, headers and raw bytes
        ├── ApiError                  a documented error answer, its body parsed in ``fault``
        │   ├── BadRequest            400
        │   ├── NotAuthenticated      401
        │   ├── Forbidden             403
        │   ├── NotFound              404
        │   └── ServerError           500 and other 5xx (retryable)
        ├── ResponseTooLarge          the body passed the client's max_response_size
        └── UnexpectedResponse        an answer that is not a documented value
            ├── UnexpectedStatus          a status code the spec does not document
            ├── UndocumentedContentType   a Content-Type missing or not documented for the status
            └── ResponseDecodeError       a documented Content-Type whose body does not decode

Messages never quote bodies or headers: they may hold tokens. The raw values stay on the
exception's attributes. Every error pickles and copies with its message and attributes.
"""

from ._errors import (
    ApiError,
    BadRequest,
    ClientClosed,
    CredentialUnavailable,
    DeserializationError,
    Error,
    Forbidden,
    InsecureTransport,
    InvalidArgument,
    InvalidBaseURL,
    InvalidCredentials,
    MediaError,
    MissingExtra,
    NotAuthenticated,
    NotFound,
    ResponseDecodeError,
    ResponseError,
    ResponseTooLarge,
    SerializationError,
    ServerError,
    TransportError,
    TransportTimeout,
    UndocumentedContentType,
    UnexpectedResponse,
    UnexpectedStatus,
    UnsupportedMediaType,
)

CustomersClientError = Error
"""The base class of every error this package raises."""


def __getattr__(name: str) -> type[Error]:
    # `Timeout` was renamed TransportTimeout (it shadowed httpx.Timeout); the old name stays one release.
    if name == "Timeout":
        import warnings

        warnings.warn("errors.Timeout is deprecated: use errors.TransportTimeout", DeprecationWarning, stacklevel=2)
        return TransportTimeout
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CustomersClientError",
    "ApiError",
    "BadRequest",
    "ClientClosed",
    "CredentialUnavailable",
    "DeserializationError",
    "Error",
    "Forbidden",
    "InsecureTransport",
    "InvalidBaseURL",
    "InvalidArgument",
    "InvalidCredentials",
    "MediaError",
    "MissingExtra",
    "NotAuthenticated",
    "NotFound",
    "ResponseDecodeError",
    "ResponseError",
    "ResponseTooLarge",
    "SerializationError",
    "ServerError",
    "TransportError",
    "TransportTimeout",
    "UndocumentedContentType",
    "UnexpectedResponse",
    "UnexpectedStatus",
    "UnsupportedMediaType",
]
