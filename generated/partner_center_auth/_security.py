"""Where credentials may travel, what a credential may hold, and what a server may make us say.

Three rules, each decided here once for every client, provider and auth flow of the package:

- **The route.** Credentials (an ``Authorization`` header) never travel in clear beyond this
  machine. The rule is decided on the connections httpcore really opens for the request, read
  from its ``trace`` extension: a plain ``http``/``ws`` request carrying credentials may go to
  loopback only, and is refused before httpcore connects anywhere else (a proxy on the way).
  Proxies are whatever the httpx client routes by, read when it was built: changing
  ``NO_PROXY`` later changes nothing, for the client or for this rule.
- **The value.** A credential that cannot be an HTTP header value (control characters, a byte
  order mark, anything outside printable ASCII) is :class:`InvalidCredentials`, never quoted.
- **The echo.** What a server sends is never repeated in a log record unless it is known to be
  harmless: :class:`RedactServerText` is attached to httpx's and httpcore's loggers, and keeps
  their records' header values and reason phrases out.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import threading
from collections.abc import Callable, Collection, Mapping
from functools import lru_cache
from typing import Any

import httpx

from ._errors import InsecureTransport, InvalidCredentials

__all__ = [
    "checked_headers",
    "credential_value",
    "is_loopback",
    "redact_dependency_logs",
    "refuse_insecure_bearer",
    "said_media_type",
]

ENCRYPTED_SCHEMES = ("https", "wss")


@lru_cache(maxsize=64)
def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine: ``localhost`` or a loopback address (127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# The credential headers: their values are checked strictly, and never quoted.
_CREDENTIAL_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie"})


def credential_value(prefix: str, token: str) -> str:
    """The ``Authorization`` value for ``token`` (``"<prefix> <token>"``, or the token alone).

    :class:`InvalidCredentials` unless it can be sent as it is: printable ASCII, no whitespace at
    an end (a file's newline). Raised from a frame that holds only the caller's values.
    """
    if not isinstance(token, str) or not _sendable(token):
        raise InvalidCredentials(
            "the token cannot be sent as a header value: it must be a str of printable ASCII, "
            "without whitespace at an end (a token read from a file often ends with a newline: strip it)"
        )
    return f"{prefix} {token}" if prefix else token


_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # a header name (RFC 9110 5.1)


def _sendable(value: str) -> bool:
    # A token is a kilobyte or two, checked on every call: these are single C-speed passes.
    return value.isascii() and value.isprintable() and value == value.strip()


def checked_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A copy of ``headers`` that httpx can encode; a value that cannot be sent is a typed error.

    A credential header is :class:`InvalidCredentials`; any other header naming itself, never its
    value (an API key may live in any header).
    """
    for name, value in headers.items():
        if not isinstance(name, str) or not _TOKEN.fullmatch(name):
            raise InvalidCredentials(
                "a header name cannot be sent: names are letters, digits and !#$%&'*+-.^_`|~ (RFC 9110)"
            )
        if isinstance(value, str) and _sendable(value):
            continue
        kind = "credentials" if name.lower() in _CREDENTIAL_HEADERS else "value"
        raise InvalidCredentials(
            f"the {name} header cannot be sent: its {kind} {'hold' if kind == 'credentials' else 'holds'} "
            "characters outside printable ASCII, control "
            "characters or whitespace at an end (a token read from a file often ends with a newline: strip it)"
        )
    return dict(headers)


def refuse_insecure_bearer(
    request: httpx.Request | httpx.URL,
    allowed: bool,
    *,
    authenticated: bool = True,
    trust_env: bool = True,
    asynchronous: bool = False,
) -> None:
    """Raise unless credentials stay encrypted, or on this machine, all the way.

    Credentials are an ``Authorization`` header, or an ``authenticated`` sender (an
    ``AuthenticatedClient``, an auth flow about to add one). A scheme without TLS (``http``,
    ``ws``) to a host that is not loopback is refused here; for a loopback target, the route is
    watched as httpcore opens it (:func:`guard_route`). ``allowed`` (``allow_insecure_http=True``)
    opts in for test setups; ``asynchronous`` says the request goes out on an async client. ``trust_env``
    is accepted for callers of the earlier signature: the route decides, not the environment.
    """
    del trust_env
    url = request.url if isinstance(request, httpx.Request) else request
    if isinstance(request, httpx.Request):
        value = request.headers.get("authorization")
        if value is not None and not _sendable(value):
            raise InvalidCredentials(
                "the credentials (the Authorization header) hold whitespace at an end or characters that "
                "cannot be sent; a token read from a file often ends with a newline: strip it"
            )
    carries = authenticated or (isinstance(request, httpx.Request) and "authorization" in request.headers)
    if not carries or allowed or url.scheme in ENCRYPTED_SCHEMES:
        return
    if not is_loopback(url.host):
        raise InsecureTransport(
            f"refusing to send credentials (the Authorization header) over plain {url.scheme} to {url.host}: use "
            "https, or allow_insecure_http=True on the client for a test setup"
        )
    if isinstance(request, httpx.Request):
        guard_route(request, asynchronous=asynchronous)


class _RouteGuard:
    """httpcore's ``trace`` extension for one plain-http request that carries credentials.

    The request's target is loopback (others are refused before sending); a connection to any
    other host is a proxy on the way, which would read the credentials: it is refused before
    httpcore connects. A reused connection was opened by an earlier request of the same route.
    """

    __slots__ = ("inner",)

    def __init__(self, inner: Callable[[str, dict[str, Any]], Any] | None) -> None:
        self.inner = inner

    def __call__(self, event: str, info: dict[str, Any]) -> Any:
        self.follow(event, info)
        return None if self.inner is None else self.inner(event, info)

    def follow(self, event: str, info: dict[str, Any]) -> None:
        # "connection.connect_tcp" for a direct or http proxy connection, "socks.connect_tcp" for SOCKS.
        if event.endswith(".connect_tcp.started") and not is_loopback(str(info.get("host", ""))):
            # The host is not named: after a redirect it is the server's text.
            raise InsecureTransport(
                "refusing to send credentials (the Authorization header) over plain http through a host that is "
                "not loopback (a proxy, or a redirect's target): use https, or allow_insecure_http=True for a "
                "test setup"
            )


class _AsyncRouteGuard(_RouteGuard):
    """:class:`_RouteGuard` for httpcore's async connections, which await their trace."""

    __slots__ = ()

    async def __call__(self, event: str, info: dict[str, Any]) -> Any:
        self.follow(event, info)
        return None if self.inner is None else await self.inner(event, info)


def guard_route(request: httpx.Request, *, asynchronous: bool = False) -> None:
    """Watch the connections ``request`` is sent on (see :class:`_RouteGuard`); a trace of the
    caller's own stays called."""
    inner = request.extensions.get("trace")
    if not isinstance(inner, _RouteGuard):
        guard = _AsyncRouteGuard(inner) if asynchronous else _RouteGuard(inner)
        request.extensions = {**request.extensions, "trace": guard}


# Media types a message may name when a server sends them: a fixed list, so that a server echoing
# a token as its Content-Type cannot make us repeat it.
_NAMEABLE_MEDIA_TYPES = frozenset(
    {
        "application/json", "text/json", "application/problem+json", "application/xml", "text/xml",
        "application/problem+xml", "application/x-www-form-urlencoded", "multipart/form-data", "text/plain",
        "text/html", "text/csv", "application/octet-stream", "application/pdf", "application/jwt",
        "application/javascript", "text/javascript", "application/xhtml+xml", "application/soap+xml",
        "application/yaml", "application/x-yaml", "text/yaml", "application/zip", "application/gzip",
        "image/png", "image/jpeg", "image/gif", "image/svg+xml",
    }
)  # fmt: skip


def said_media_type(value: str | None, documented: Collection[str] = ()) -> str:
    """``Content-Type`` as a message may show it: named if the spec documents it or it is a
    well-known media type, else only said to be there (the value stays on the error's ``headers``)."""
    if not value:
        return "no Content-Type"
    essence = value.partition(";")[0].strip().lower()
    if essence in _NAMEABLE_MEDIA_TYPES or essence in documented:
        return f"Content-Type {essence!r}"
    return "a Content-Type of its own (on the error's headers)"


# What a log record may show of a response's headers: these names (any other is said to be "a
# header"), and the values of the framing ones; every other value is "[redacted]".
_NAMEABLE_HEADERS = frozenset(
    {
        b"content-type", b"content-length", b"content-encoding", b"transfer-encoding", b"connection",
        b"keep-alive", b"date", b"server", b"cache-control", b"pragma", b"expires", b"etag", b"last-modified",
        b"vary", b"location", b"retry-after", b"www-authenticate", b"set-cookie", b"strict-transport-security",
        b"x-content-type-options", b"x-frame-options",
        b"request-id", b"accept-ranges", b"age", b"allow", b"content-language",
        b"content-disposition", b"access-control-allow-origin",
    }
)  # fmt: skip
_HARMLESS_VALUES = frozenset({b"content-length", b"transfer-encoding", b"connection", b"keep-alive"})
_BYTES = rb"b'(?:[^'\\]|\\.)*'|b\"(?:[^\"\\]|\\.)*\""
_HEADER = re.compile(rb"\((" + _BYTES + rb"), (" + _BYTES + rb")\)")
_STATUS_LINE = re.compile(r"\((b'HTTP/[0-9.]+'), (\d{3}), b(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")
_FAILED = re.compile(r"(\.failed exception=)([A-Za-z_][A-Za-z0-9_]*)\(.*", re.DOTALL)


class RedactServerText(logging.Filter):
    """Keeps what a server chose out of httpx's and httpcore's debug and info records.

    httpcore logs each response's headers (``receive_response_headers.complete``) and the
    exception of a failed step (which quotes the bytes it could not parse); httpx logs each
    exchange's URL (a redirect's target is the server's) and reason phrase. A server echoing the
    ``Authorization`` header, or a token in a header of its own, would put a secret into the log.
    Header names outside a list of standard ones become ``b'a header'``, values other than framing
    ones ``[redacted]``, a failure its exception's name, httpx's URL its origin, and reason phrases
    the standard phrase of the status code.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "httpx" and isinstance(record.args, tuple) and len(record.args) == 5:
            method, url, version, status, _reason = record.args
            origin = (
                url.copy_with(path="/", query=None, fragment=None, username=None, password=None)
                if isinstance(url, httpx.URL)
                else "-"
            )
            record.args = (method, origin, version, status, _phrase(status))
        elif record.name.startswith("httpcore."):
            message = str(record.msg)
            if "receive_response_headers.complete" in message:
                message = _STATUS_LINE.sub(lambda m: f"({m[1]}, {m[2]}, b'{_phrase(int(m[2]))}'", message)
                raw = _HEADER.sub(_redacted_header, message.encode("ascii", "backslashreplace"))
                message = raw.decode("ascii")
            record.msg = _FAILED.sub(lambda m: f"{m[1]}{m[2]}(...)", message)
        return True


def _phrase(status: object) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(int(status)).phrase  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return ""


def _redacted_header(match: re.Match[bytes]) -> bytes:
    name = match[1][2:-1].lower()
    if name not in _NAMEABLE_HEADERS:
        return b"(b'a header', b'[redacted]')"
    return match[0] if name in _HARMLESS_VALUES else b"(" + match[1] + b", b'[redacted]')"


_REDACTING = threading.Lock()
_REDACTED_LOGGERS = ("httpx", "httpcore.http11", "httpcore.http2", "httpcore.connection", "httpcore.proxy")


def redact_dependency_logs() -> None:
    """Attach :class:`RedactServerText` to httpx's and httpcore's loggers, once per process.

    A filter on a logger applies to the records logged on that very logger (not on its
    children), hence one per logger that logs server text.
    """
    with _REDACTING:
        for name in _REDACTED_LOGGERS:
            dependency = logging.getLogger(name)
            if not any(isinstance(existing, RedactServerText) for existing in dependency.filters):
                dependency.addFilter(RedactServerText())
