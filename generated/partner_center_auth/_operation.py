"""What every generated operation is, once: its description, how its request is built and how
its response is parsed.

Each generated endpoint module declares its :class:`Operation` from the spec (method, path,
parameters with their style, the documented request and response media types with the schema of
each) and keeps only typed wrappers around it: the same for any spec. Sending is the exchange's
(``_exchange.py``): :meth:`Operation.send` hands it the built request, and
:meth:`Operation.build_response` parses the answer it read.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Mapping
from http import HTTPStatus
from io import BytesIO
from typing import Any, Generic, TypeVar

from attrs import field, frozen

from . import _exchange, _exchange_log, media
from ._collection import held_off
from ._errors import (
    DeserializationError,
    ResponseDecodeError,
    SerializationError,
    UndocumentedContentType,
    UnexpectedStatus,
    UnsupportedMediaType,
)
from ._exchange import AsyncSendingClient, Received, SendingClient
from ._params import Parameter, cookie_header, expand_path, header_value, query_string
from ._schema import AnyValue, Document, Kept, Model, ModelRef, OneOf, Schema
from ._security import said_media_type
from .types import UNSET, File, Response, Unset

__all__ = ["DocumentedResponse", "Operation", "Parameter", "Received", "RequestContent", "ResponseContent"]

_OCTETS = "application/octet-stream"
"""What a body is without a media type of its own (RFC 9110 8.3)."""

T = TypeVar("T")


def _sent(document: Document | None) -> Document | None:
    """A request body's document: ``readOnly`` properties never sent (see ``Property.toward``)."""
    return None if document is None else document.toward("request")


def _received(document: Document | None) -> Document | None:
    """A response body's document: ``writeOnly`` properties not expected (see ``Property.toward``)."""
    return None if document is None else document.toward("response")


@frozen
class RequestContent:
    """One documented request media type, and how a Python body becomes its bytes.

    Structured families (JSON, XML, forms) ``dump`` the body to JSON-shaped data, which the codec
    writes as ``document`` says; multipart bodies are models with ``to_multipart()``, whose parts
    are checked against ``document``; every other type carries a ``File``, bytes or text as it is.
    """

    media_type: str
    document: Document | None = field(default=None, converter=_sent)
    dump: Callable[[Any], Any] | None = None
    family: media.Family = field(init=False)

    @family.default
    def _family(self) -> media.Family:
        return media.family(self.media_type)

    def write(self, body: object) -> dict[str, Any]:
        """The ``httpx`` arguments that carry ``body``: ``content`` and its Content-Type, or ``files``."""
        if self.family == "multipart":
            return {"files": media.multipart_parts(body, self.document)}
        ranged = "*" in self.media_type
        if self.document is not None and self.dump is not None and not (ranged and isinstance(body, _AS_IT_IS)):
            # A range documented with a schema (`*/*`): the value is written as JSON, which it admits.
            media_type = "application/json" if ranged else self.media_type
            return {
                "content": media.write(body, self.document, media_type, self._dumped),
                "headers": {"Content-Type": media_type},
            }
        return {"content": media.encode_raw(body, self.media_type), "headers": {"Content-Type": self._concrete(body)}}

    def _dumped(self, body: object) -> Any:
        """``dump(body)``; a body of a type the dumper cannot take (a dict where the operation takes
        a model, whose ``to_dict`` it calls) is refused as what it is, never an ``AttributeError``."""
        assert self.dump is not None
        try:
            return self.dump(body)
        except (AttributeError, TypeError):
            options = self._options()
            models = [option.model.__name__ for option in options if isinstance(option, ModelRef)]
            if self.carries(body) or not models or len(models) < len(options):
                raise  # not a body of the wrong type: a defect, with its traceback
            hint = f" (a dict becomes one with {models[0]}.from_dict(...))" if isinstance(body, dict) else ""
            raise SerializationError(
                f"cannot write a body of type {type(body).__name__} as {self.media_type}: the body is a"
                f" {' or a '.join(models)}{hint}",
                media_type=self.media_type,
            ) from None

    def carries(self, body: object) -> bool:
        """Whether ``body`` is a model this content's schema names (the schema, or an option of its union)."""
        return any(isinstance(option, ModelRef) and isinstance(body, option.model) for option in self._options())

    def _options(self) -> tuple[Schema | None, ...]:
        """The schema of the body, or the options of its union."""
        schema = self.document.schema if self.document is not None else None
        return schema.options if isinstance(schema, OneOf) else (schema,)

    def _concrete(self, body: object) -> str:
        # A documented range (`*/*`, `image/*`) is no Content-Type: a File says its own, text is
        # text/plain, anything else octets; within the range, or the body is refused.
        if "*" not in self.media_type:
            return self.media_type
        mime_type = getattr(body, "mime_type", None)
        if isinstance(mime_type, str):
            candidates: tuple[str, ...] = (mime_type,)
        elif isinstance(body, str):
            candidates = ("text/plain; charset=utf-8", _OCTETS)
        else:
            candidates = (_OCTETS,)
        for candidate in candidates:
            if _within(candidate, self.media_type):
                return candidate
        raise SerializationError(
            f"a body of {candidates[0]} is not within {self.media_type}: pass a File whose mime_type is",
            media_type=self.media_type,
        )


def _within(media_type: str, media_range: str) -> bool:
    kind, _, subtype = media.essence(media_range).partition("/")
    return kind == "*" or (subtype == "*" and media.essence(media_type).startswith(f"{kind}/"))


_AS_IT_IS = (File, bytes, bytearray, memoryview, str)
"""What travels as it is, in any media type: a range documented with a schema takes these too."""


@frozen
class ResponseContent:
    """One documented response media type, and how its bytes become a Python value.

    Structured families decode into JSON-shaped data checked against ``document``, which ``load``
    (the generated constructor) turns into models; other types are bytes (``str`` for ``text/*``),
    wrapped in a ``File`` where the spec says ``format: binary``. With a ``kept`` list the read is
    liberal (see ``media.decode``).
    """

    media_type: str
    document: Document | None = field(default=None, converter=_received)
    load: Callable[[Any], Any] | None = None
    as_file: bool = False

    def read(self, content: bytes, content_type: str, kept: Kept | None = None) -> object:
        # A range (`*/*`) documented with a schema: what came in a structured type is read by it.
        ranged = "*" in self.media_type and media.family(content_type) not in media.STRUCTURED_FAMILIES
        if self.document is not None and not ranged:
            with held_off(len(content)):  # nothing made here is garbage before the call returns (see _collection.py)
                if self.load is None:
                    return media.decode(content, self.document, content_type, kept=kept)
                return media.read(content, self.document, content_type, self.load, kept=kept)
        if ranged and self.document is not None:
            return content  # typed `Thing | bytes`: any other type (text/plain too) is its bytes
        raw = media.decode_raw(content, content_type)
        if self.as_file:  # its type as the server named it (a PNG answered where octets are documented)
            return File(payload=BytesIO(raw if isinstance(raw, bytes) else content), mime_type=content_type)
        return raw


@frozen
class DocumentedResponse:
    """A documented status (``"200"``, a range such as ``"2XX"``, or ``"default"``) and its contents.

    No contents: the status has no body (a 204), and its parsed value is None.
    """

    status: str
    contents: tuple[ResponseContent, ...] = ()
    by_essence: Mapping[str, ResponseContent] = field(init=False, eq=False, repr=False)

    @by_essence.default
    def _index(self) -> Mapping[str, ResponseContent]:
        return {media.essence(content.media_type): content for content in self.contents}

    @property
    def media_types(self) -> tuple[str, ...]:
        return tuple(content.media_type for content in self.contents)

    @property
    def shapeless(self) -> bool:
        """Whether every documented content is data of any shape (``application/json: {}``)."""
        return all(
            content.document is not None and isinstance(content.document.schema, AnyValue) for content in self.contents
        )

    def content_for(self, content_type: str | None) -> ResponseContent | None:
        """The documented content a Content-Type value falls under: exact, then ``type/*``, then
        ``*/*``; binary content in a type of its own (``audio/mpeg``, ``application/zip``) falls
        under ``application/octet-stream``, which is any bytes (RFC 2046 4.5.1)."""
        try:
            essence = media.MediaType.parse(content_type or "").essence
        except UnsupportedMediaType:
            return None
        kind = essence.partition("/")[0]
        ranges = (essence, f"{kind}/*", "*/*")
        for key in (*ranges, _OCTETS) if media.family(essence) == "binary" else ranges:
            found = self.by_essence.get(key)
            if found is not None:
                return found
        return None


@frozen
class Operation(Generic[T]):
    """One operation of the spec; ``T`` is the union of what its documented responses parse into."""

    operation_id: str
    method: str
    path: str
    parameters: tuple[Parameter, ...] = ()
    request_contents: tuple[RequestContent, ...] = ()
    responses: tuple[DocumentedResponse, ...] = ()
    deprecated: bool = False
    logged_headers: tuple[str, ...] = ()
    """Header parameters safe to log at DEBUG (per-request identifiers), besides the media types."""
    request_ids: tuple[str, ...] = ()
    """The Python names of the parameters that identify one request (fresh UUIDs when the caller
    gives none): a retry policy fixes them once for all its attempts, and touches nothing else."""
    _parameters: Mapping[str, Mapping[str, Parameter]] = field(init=False, eq=False, repr=False)
    _requests: Mapping[str, RequestContent] = field(init=False, eq=False, repr=False)
    _exact: Mapping[int, DocumentedResponse] = field(init=False, eq=False, repr=False)
    request_media_types: tuple[str, ...] = field(init=False, eq=False)
    """The documented request media types, in spec order (the first is the default)."""
    response_media_types: tuple[str, ...] = field(init=False, eq=False)
    """Every documented response media type, in spec order (checked on every call: made once)."""

    @_parameters.default
    def _index_parameters(self) -> Mapping[str, Mapping[str, Parameter]]:
        index: dict[str, dict[str, Parameter]] = {"path": {}, "query": {}, "header": {}, "cookie": {}}
        for parameter in self.parameters:
            index[parameter.location][parameter.name] = parameter
        return index

    @_requests.default
    def _index_requests(self) -> Mapping[str, RequestContent]:
        return {content.media_type: content for content in self.request_contents}

    @_exact.default
    def _index_exact(self) -> Mapping[int, DocumentedResponse]:
        return {int(r.status): r for r in self.responses if r.status.isdigit()}

    @request_media_types.default
    def _all_request_media_types(self) -> tuple[str, ...]:
        return tuple(self._requests)

    @response_media_types.default
    def _all_response_media_types(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for documented in self.responses for t in documented.media_types))

    @property
    def request_model(self) -> type[Model] | None:
        """The model every structured request media type carries, when there is exactly one."""
        models = {
            content.document.schema.model
            for content in self.request_contents
            if content.document is not None and isinstance(content.document.schema, ModelRef)
        }
        return models.pop() if len(models) == 1 else None

    def documented(self, status_code: int) -> DocumentedResponse | None:
        """The documented response for a status: the exact code, else its range (``4XX``), else ``default``."""
        exact = self._exact.get(status_code)
        if exact is not None:
            return exact
        range_ = f"{status_code // 100}XX"
        for documented in self.responses:
            if documented.status.upper() in (range_, "DEFAULT"):
                return documented
        return None

    def warn_if_deprecated(self) -> None:
        if self.deprecated:
            warnings.warn(
                f"{self.operation_id} ({self.method.upper()} {self.path}) is deprecated by the spec",
                DeprecationWarning,
                stacklevel=_caller_stacklevel(),
            )

    def request(
        self,
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        cookies: Mapping[str, object] | None = None,
        body: object = UNSET,
        content_type: str | None = None,
        accept: str | None = None,
    ) -> dict[str, Any]:
        """The ``httpx`` request arguments; parameter values are JSON-shaped, unset ones left out."""
        # A spec may tell two operations of one path and method apart by a fragment
        # (``/conversations#stream``): no request sends one, and a query after it would be lost.
        url = expand_path(self.path.partition("#")[0], self._parameters["path"], path or {})
        query_text = query_string(self._parameters["query"], _present(query))
        if query_text:
            url = f"{url}?{query_text}"
        sent_headers = {
            name: header_value(self._parameters["header"][name], value) for name, value in _present(headers).items()
        }
        sent_cookies = _present(cookies)
        if sent_cookies:
            sent_headers["Cookie"] = cookie_header(self._parameters["cookie"], sent_cookies)
        if accept is not None:
            if accept not in self.response_media_types:
                raise UnsupportedMediaType(
                    f"{self.operation_id} does not document the response media type {accept!r}; "
                    f"use one of {', '.join(self.response_media_types)}",
                    media_type=accept,
                )
            sent_headers["Accept"] = accept
        request: dict[str, Any] = {"method": self.method, "url": url, "headers": sent_headers}
        if not isinstance(body, Unset):
            written = self._written(self._request_content(content_type), body)
            sent_headers.update(written.pop("headers", {}))
            request.update(written)
        return request

    def _written(self, content: RequestContent, body: object) -> dict[str, Any]:
        """``content.write(body)``; a refusal of a model that another documented media type takes
        (a multipart body, the default being JSON) says the ``content_type=`` to pass: the media
        type is the caller's to choose, never guessed from the body."""
        try:
            return content.write(body)
        except SerializationError as error:
            if content.carries(body):
                raise
            other = next((other for other in self.request_contents if other.carries(body)), None)
            if other is None:
                raise
            raise SerializationError(
                f"{error}; the body is a {type(body).__name__}, which {other.media_type} takes:"
                f" pass content_type={other.media_type!r}",
                media_type=error.media_type,
            ) from None

    def _request_content(self, content_type: str | None) -> RequestContent:
        content = self._requests.get(content_type or "")
        if content is None:
            raise UnsupportedMediaType(
                f"{self.operation_id} does not document the request media type {content_type!r}; "
                f"use one of {', '.join(self.request_media_types)}",
                media_type=str(content_type),
            )
        return content

    def send(self, client: SendingClient, request: Mapping[str, Any], max_response_size: int | None = None) -> Received:
        """Send ``request`` and read the answer within the client's size and time limits (see
        ``_exchange.py``); ``max_response_size``, when given, is the call's own size limit."""
        return _exchange.send(self, client, request, max_response_size)

    async def send_async(
        self, client: AsyncSendingClient, request: Mapping[str, Any], max_response_size: int | None = None
    ) -> Received:
        """:meth:`send` for ``asyncio`` (and trio): the deadline cancels the exchange itself."""
        return await _exchange.send_async(self, client, request, max_response_size)

    def parse(self, response: Received, *, raise_on_unexpected_status: bool, strict: bool = False) -> T | None:
        """Parse a documented status by the response's actual Content-Type.

        Liberal in what it reads: a value that breaks only a constraint of the spec (a pattern, a
        length or numeric bound, an enum value it does not list) is kept, and said in a DEBUG line
        per value (where, and which constraint; never the value). ``strict``: refuse it instead.
        """
        documented = self.documented(response.status_code)
        if documented is None:
            if raise_on_unexpected_status:
                raise UnexpectedStatus(
                    status_code=response.status_code, headers=response.headers, content=response.content
                )
            return None
        if not documented.contents:
            return None
        if response.status_code in _BODILESS and not response.content:
            return None  # HTTP says these carry no content (RFC 9110 15.3.5, 15.3.6, 15.4.5): never an error
        if not response.content and documented.shapeless:
            return None  # nothing came, where the spec gives what comes no shape: no value
        content_type = response.headers.get("content-type")
        # Without a Content-Type a body may be taken as octets (RFC 9110 8.3): read where the spec
        # documents them (application/octet-stream, or a range that holds them such as */*). An
        # empty one names no media type either: it is read the same way.
        read_as = (content_type or "").strip() or _OCTETS
        content = documented.content_for(read_as)
        if content is None:
            raise UndocumentedContentType(
                f"{self.operation_id} answered {response.status_code} with "
                f"{said_media_type(content_type, self.response_media_types)}; "
                f"the spec documents {', '.join(documented.media_types)}",
                status_code=response.status_code,
                headers=response.headers,
                content=response.content,
            )
        kept: Kept | None = None if strict else []
        try:
            parsed: T = content.read(response.content, read_as, kept)  # type: ignore[assignment]
        except DeserializationError as error:
            raise ResponseDecodeError(
                f"{self.operation_id} answered {response.status_code} with a body that does not "
                f"decode as documented: {error}",
                status_code=response.status_code,
                headers=response.headers,
                content=response.content,
            ) from error
        if kept:
            _exchange_log.log_kept(self, response.status_code, kept)
        return parsed

    def build_response(
        self, response: Received, *, raise_on_unexpected_status: bool, strict: bool = False
    ) -> Response[T]:
        parsed = self.parse(response, raise_on_unexpected_status=raise_on_unexpected_status, strict=strict)
        return Response(
            status_code=_status(response.status_code),
            content=response.content,
            headers=response.headers,
            parsed=parsed,
        )


def _present(values: Mapping[str, object] | None) -> dict[str, object]:
    """The values the caller gave: unset and ``None`` (no value) are not sent."""
    if not values:
        return {}
    return {name: value for name, value in values.items() if not isinstance(value, Unset) and value is not None}


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def _caller_stacklevel() -> int:
    """The stacklevel of the first frame outside this package, for ``warnings.warn`` called here.

    The default filters show a DeprecationWarning only when it is attributed to the caller's code,
    whichever generated function (``sync`` calls ``sync_detailed``) the call went through.
    """
    frame, level = sys._getframe(1), 1
    while frame.f_back is not None and os.path.abspath(frame.f_code.co_filename).startswith(_PACKAGE_DIR):
        frame, level = frame.f_back, level + 1
    return level


_BODILESS = (204, 205, 304)

_STATUSES = {status.value: status for status in HTTPStatus}


def _status(code: int) -> HTTPStatus | int:
    return _STATUSES.get(code, code)  # codes outside the standard list (599, 520) are still answers
