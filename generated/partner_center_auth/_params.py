"""Parameters on the wire, by their OpenAPI ``style`` and ``explode`` (RFC 6570, as OpenAPI profiles it).

Values arrive JSON-shaped (the generated code has already turned dates into RFC 3339 text, enums
into their values, models into dicts): a scalar, an array of scalars, or an object of scalars.

=================  =================  ===========================  ==========================
style              where              array ``[a, b]``             object ``{k: v}``
=================  =================  ===========================  ==========================
simple             path, header       ``a,b``                      ``k,v`` (explode ``k=v``)
label              path               ``.a,b`` (explode ``.a.b``)  ``.k,v`` (explode ``.k=v``)
matrix             path               ``;n=a,b`` (``;n=a;n=b``)    ``;n=k,v`` (``;k=v``)
form               query, cookie      ``n=a,b`` (``n=a&n=b``)      ``n=k,v`` (``k=v``)
spaceDelimited     query              ``n=a%20b``                  (as form)
pipeDelimited      query              ``n=a|b``                    (as form)
deepObject         query              (as form)                    ``n[k]=v``
=================  =================  ===========================  ==========================

Reserved characters in values are percent-encoded; the delimiters are not. A parameter the spec
gives by ``content`` instead of ``schema`` (``filter`` as ``application/json``) is one text, its
value written in that media type, then encoded as any scalar is.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from urllib.parse import quote

from attrs import field, frozen

from ._errors import InvalidArgument, InvalidCredentials, SerializationError
from ._schema import Schema, SchemaViolation
from ._security import checked_headers

__all__ = ["Parameter", "cookie_header", "expand_path", "fresh_uuid", "header_value", "query_string"]


def _sent(schema: Schema | None) -> Schema | None:
    return None if schema is None else schema.toward("request")


@frozen
class Parameter:
    """One parameter of an operation: its wire name, where it goes and how it is written."""

    name: str
    location: str
    style: str
    explode: bool
    media_type: str | None = None
    """The media type of a parameter given by ``content``: its value is written in it, as one text."""
    schema: Schema | None = field(default=None, converter=_sent)
    """The parameter's schema as a request carries it (a model's ``readOnly`` properties left out):
    a value is checked against it before a byte is sent."""


def _as_content(parameter: Parameter, value: object) -> object:
    """``value`` as its parameter sends it, checked against its schema: by style, or as one text of
    the parameter's media type."""
    if parameter.schema is not None:
        try:
            parameter.schema.check(value, "")
        except SchemaViolation as violation:  # strict in what we send, as for bodies
            raise SerializationError(
                f"parameter {parameter.name}: {violation.under('$')}", media_type="text/plain"
            ) from None
    media_type = parameter.media_type
    if media_type is None:
        return value
    if media_type.partition(";")[0].strip().lower().endswith(("/json", "+json")):
        try:
            return json.dumps(value, separators=(",", ":"), allow_nan=False)  # ASCII: a header carries it too
        except (TypeError, ValueError):
            raise SerializationError(f"{parameter.name} cannot be written as JSON", media_type=media_type) from None
    if isinstance(value, list | dict):
        raise SerializationError(f"{parameter.name}: a {media_type} value is one text", media_type=media_type)
    return text(value)


def fresh_uuid() -> str:
    """A random (version 4) UUID as text: what ``str(uuid.uuid4())`` gives, in half the time.

    Sent on every call that names no identifier of its own; ``uuid.UUID`` objects are not needed
    on the way to a header.
    """
    octets = bytearray(os.urandom(16))
    octets[6] = octets[6] & 0x0F | 0x40  # version 4
    octets[8] = octets[8] & 0x3F | 0x80  # the RFC 9562 variant
    digits = octets.hex()
    return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


def text(value: object) -> str:
    """A scalar as text: booleans as ``true``/``false`` (JSON's spelling), ``None`` as empty."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, str | int | float):
        return str(value)
    raise SerializationError(f"a {type(value).__name__} is not a parameter value", media_type="text/plain")


def _encoded(value: object) -> str:
    return quote(text(value), safe="")


def _pairs(value: Mapping[str, object]) -> Iterator[tuple[str, str]]:
    return ((quote(str(key), safe=""), _encoded(item)) for key, item in value.items())


def _joined(parameter: Parameter, value: object, separator: str = ",") -> str:
    """A value as one encoded string: arrays and objects joined by ``separator`` (simple style)."""
    if isinstance(value, list):
        return separator.join(_encoded(item) for item in value)
    if isinstance(value, dict):
        join = "=" if parameter.explode else ","
        return separator.join(f"{key}{join}{item}" for key, item in _pairs(value))
    return _encoded(value)


def path_segment(parameter: Parameter, value: object) -> str:
    """The text that replaces ``{name}`` in the path."""
    value = _as_content(parameter, value)
    if parameter.style == "label":
        return "." + _joined(parameter, value, "." if parameter.explode else ",")
    if parameter.style == "matrix":
        name = quote(parameter.name, safe="")
        if isinstance(value, list):
            if parameter.explode:
                return "".join(f";{name}={_encoded(item)}" for item in value)
            return f";{name}={_joined(parameter, value)}"
        if isinstance(value, dict) and parameter.explode:
            return "".join(f";{key}={item}" for key, item in _pairs(value))
        return f";{name}={_joined(parameter, value)}"
    return _joined(parameter, value)


def expand_path(template: str, parameters: Mapping[str, Parameter], values: Mapping[str, object]) -> str:
    """The path with every ``{name}`` replaced by its parameter's value, written by its style."""
    if not values:  # (most operations of a list or a search: the path as the spec writes it)
        return template
    written = {name: path_segment(parameters[name], value) for name, value in values.items()}
    segments = []
    for segment in template.split("/"):
        expanded = segment
        for name, text in written.items():
            expanded = expanded.replace("{" + name + "}", text)
        if expanded in _NOT_A_SEGMENT and expanded != segment:
            # "a/.." names another resource once a URL is normalised (httpx does): never sent.
            raise InvalidArgument(
                f"path parameter {_named_in(segment, written)}: {expanded!r} would change which resource the "
                "path names; give a value that is not empty, '.' or '..'"
            )
        segments.append(expanded)
    return "/".join(segments)


def _named_in(segment: str, written: Mapping[str, str]) -> str:
    return " and ".join(name for name in written if "{" + name + "}" in segment)


_NOT_A_SEGMENT = ("", ".", "..")
"""Values that, as a whole path segment, are not a segment: empty, or a dot segment (RFC 3986 5.2.4)."""


def query_items(parameter: Parameter, value: object) -> list[str]:
    """The ``name=value`` items one query parameter adds to the query string."""
    value = _as_content(parameter, value)
    name = quote(parameter.name, safe="")
    if isinstance(value, dict):
        if parameter.style == "deepObject":
            return [f"{name}%5B{key}%5D={item}" for key, item in _pairs(value)]
        if parameter.explode:
            return [f"{key}={item}" for key, item in _pairs(value)]
        return [f"{name}={_joined(parameter, value)}"]
    if isinstance(value, list):
        if parameter.explode:
            return [f"{name}={_encoded(item)}" for item in value]
        separator = {"spaceDelimited": "%20", "pipeDelimited": "|"}.get(parameter.style, ",")
        return [f"{name}={separator.join(_encoded(item) for item in value)}"]
    return [f"{name}={_encoded(value)}"]


def query_string(parameters: Mapping[str, Parameter], values: Mapping[str, object]) -> str:
    """The query string (without ``?``) of the given values, in their order; unset values skipped."""
    return "&".join(item for name, value in values.items() for item in query_items(parameters[name], value))


def header_value(parameter: Parameter, value: object) -> str:
    """A header parameter's value (always ``simple``): arrays and objects comma-separated, not encoded.

    Checked before it is sent: an item holding a separator (``,``, and ``=`` in an object) could not
    be told apart from two, and a line break or a control character would end the header.
    """
    value = _as_content(parameter, value)
    if isinstance(value, list):
        written = ",".join(_header_item(parameter, item, ",") for item in value)
    elif isinstance(value, dict):
        join = "=" if parameter.explode else ","
        written = ",".join(
            f"{_header_item(parameter, key, ',=')}{join}{_header_item(parameter, item, ',=')}"
            for key, item in value.items()
        )
    else:
        written = text(value)
    try:
        return checked_headers({parameter.name: written})[parameter.name]
    except InvalidCredentials as refused:  # a parameter's value, not the client's credentials
        raise SerializationError(str(refused), media_type="text/plain") from None


def _header_item(parameter: Parameter, value: object, separators: str) -> str:
    written = text(value)
    if any(separator in written for separator in separators):
        raise SerializationError(
            f"an item of the {parameter.name} header holds {' or '.join(repr(s) for s in separators)}, which "
            "separates its items: it would be read as two",
            media_type="text/plain",
        )
    return written


def cookie_header(parameters: Mapping[str, Parameter], values: Mapping[str, object]) -> str:
    """A ``Cookie`` header for the given cookie parameters (``form`` style)."""
    crumbs: list[str] = []
    for name, value in values.items():
        parameter = parameters[name]
        value = _as_content(parameter, value)
        if isinstance(value, list) and parameter.explode:
            crumbs.extend(f"{name}={_encoded(item)}" for item in value)
        elif isinstance(value, dict) and parameter.explode:
            crumbs.extend(f"{key}={item}" for key, item in _pairs(value))
        else:
            crumbs.append(f"{name}={_joined(parameter, value)}")
    return "; ".join(crumbs)
