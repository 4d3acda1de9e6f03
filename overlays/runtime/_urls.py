"""Base URLs checked once, when a client is made, against everything httpx and the resolver need.

httpx parses a URL lazily and leaves the rest to others: an A-label that does not decode fails in
``idna`` when the host is first read, a 64-character label or an empty one in the socket module's
``idna`` codec when the name is resolved, a port past 65535 in ``getaddrinfo``. Each would escape
as a bare ``UnicodeError``, ``idna.IDNAError`` or ``httpx.InvalidURL`` at the first call; here
every such URL is one :class:`InvalidBaseURL` at construction, which names the problem and never
quotes the URL (its user information may hold a password).
"""

from __future__ import annotations

import ipaddress
import re
from typing import Any

import httpx

from ._errors import InvalidBaseURL

__all__ = ["base_url_problem", "check_base_url", "shown", "validate_base_url"]

# A DNS name as resolvers take it (RFC 1123, with the underscore that service names use).
_LABEL = re.compile(r"[a-z0-9_-]{1,63}")
# A last label that is a number makes resolvers read the name as an IPv4 address in another
# notation (inet_aton: 0x7f.1 is 127.0.0.1), as URL parsers also do (WHATWG "ends in a number").
_NUMBER = re.compile(r"[0-9]+|0x[0-9a-f]*")
_MAX_NAME = 253


def base_url_problem(value: object) -> str | None:
    """What makes ``value`` unusable as a base URL (no quote of it), or None when it is usable."""
    if not isinstance(value, str | httpx.URL):
        return f"is a {type(value).__name__}, not a str"
    try:
        url = httpx.URL(value)
    except (httpx.InvalidURL, ValueError, TypeError) as error:  # idna's errors are ValueErrors
        return f"does not parse as a URL ({_reason(error)})"
    if not url.scheme or not url.raw_host:
        return "is not absolute: it needs a scheme and a host, such as https://api.example.com"
    try:
        port = url.port  # httpx checks digits, not the range
    except (httpx.InvalidURL, ValueError) as error:
        return f"has an unusable port ({_reason(error)})"
    if port is not None and not 0 < port <= 65535:
        return "has a port outside 1 to 65535"
    return _host_problem(url)


def shown(url: object) -> str:
    """A base URL as a repr or a log record may show it: without the password or user it may carry."""
    try:
        parsed = httpx.URL(url) if isinstance(url, str | httpx.URL) else None
    except (httpx.InvalidURL, ValueError, TypeError):
        parsed = None
    if parsed is None:
        return "<a URL>"
    return str(parsed.copy_with(username=None, password=None) if parsed.userinfo else parsed)


def _host_problem(url: httpx.URL) -> str | None:
    try:
        host = url.raw_host.decode("ascii")  # httpx keeps hosts IDNA-encoded: ASCII, or a parse error
    except UnicodeDecodeError:
        return "has a host that is not ASCII after IDNA encoding"
    try:
        ipaddress.ip_address(host)
        return None  # an IPv4 or IPv6 literal, checked by httpx's parser already
    except ValueError:
        pass
    name = host[:-1] if host.endswith(".") else host  # one trailing dot: a fully qualified name
    if _NUMBER.fullmatch(name.rpartition(".")[2]):
        return "has a host that is neither an IPv4 address nor a name (its last label is a number)"
    if len(name) > _MAX_NAME:
        return f"has a host name longer than {_MAX_NAME} characters"
    for label in name.split("."):
        if not label:
            return "has a host name with an empty label (two dots in a row, or a leading dot)"
        if len(label) > 63:
            return "has a host name with a label longer than 63 characters"
        if not _LABEL.fullmatch(label):
            return "has a host name with characters other than letters, digits, '-' and '_'"
    if any(label.startswith("xn--") for label in name.split(".")):
        try:
            url.host  # noqa: B018 (httpx decodes A-labels here, with idna)
        except ValueError as error:  # idna.IDNAError is a UnicodeError
            return f"has a host name with an invalid IDNA label ({_reason(error)})"
    return None


def _reason(error: BaseException) -> str:
    # The parsers' messages may quote the URL: keep only the first clause, without quoted values.
    text = re.split(r"[:,]", str(error), maxsplit=1)[0].strip()
    return text if text and "'" not in text and '"' not in text else type(error).__name__


def check_base_url(value: Any) -> Any:
    """``value``, unchanged, if it is a usable base URL; else :class:`InvalidBaseURL`."""
    problem = base_url_problem(value)
    if problem is not None:
        raise InvalidBaseURL(f"the base URL {problem}")
    return value


def validate_base_url(instance: object, attribute: object, value: Any) -> None:
    """:func:`check_base_url` as an attrs validator."""
    check_base_url(value)
