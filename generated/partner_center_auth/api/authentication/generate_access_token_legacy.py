from typing import Any, Literal
from uuid import UUID

from ... import _compiled, _operation, _params, _schema
from ...client import AuthenticatedClient
from ...models.api_fault import ApiFault
from ...models.token_request import TokenRequest
from ...models.token_response import TokenResponse
from ...types import UNSET, Response, Unset

RequestMediaType = Literal[
    "application/x-www-form-urlencoded", "application/json", "application/xml", "text/xml", "text/json"
]
"""The request media types the spec documents; the first is the default."""

ResponseMediaType = Literal["application/json", "application/xml", "text/xml", "text/json"]
"""The response media types the spec documents; the first is the default ``Accept``."""

_DOCUMENT_1 = _schema.Document(_schema.ModelRef("models.token_request", "TokenRequest"))
_DOCUMENT_2 = _schema.Document(_schema.ModelRef("models.token_response", "TokenResponse"))
_DOCUMENT_3 = _schema.Document(_schema.ModelRef("models.api_fault", "ApiFault"))


def _dump_1(body: TokenRequest) -> Any:
    data = body.to_dict()
    return data


def _load_1(data: Any) -> TokenResponse:
    return _compiled.builder_for(TokenResponse)(data)


def _load_2(data: Any) -> ApiFault:
    return _compiled.builder_for(ApiFault)(data)


OPERATION: _operation.Operation[ApiFault | TokenResponse] = _operation.Operation(
    operation_id="generate_access_token_legacy",
    method="post",
    path="/generatetoken",
    parameters=(
        _operation.Parameter(
            "ms-correlationid", "header", "simple", False, schema=_schema.Scalar("string", format="uuid")
        ),
        _operation.Parameter("ms-requestid", "header", "simple", False, schema=_schema.Scalar("string", format="uuid")),
    ),
    request_contents=(
        _operation.RequestContent("application/x-www-form-urlencoded", _DOCUMENT_1, _dump_1),
        _operation.RequestContent("application/json", _DOCUMENT_1, _dump_1),
        _operation.RequestContent("application/xml", _DOCUMENT_1, _dump_1),
        _operation.RequestContent("text/xml", _DOCUMENT_1, _dump_1),
        _operation.RequestContent("text/json", _DOCUMENT_1, _dump_1),
    ),
    responses=(
        _operation.DocumentedResponse(
            "200",
            (
                _operation.ResponseContent("application/json", _DOCUMENT_2, _load_1),
                _operation.ResponseContent("application/xml", _DOCUMENT_2, _load_1),
                _operation.ResponseContent("text/xml", _DOCUMENT_2, _load_1),
                _operation.ResponseContent("text/json", _DOCUMENT_2, _load_1),
            ),
        ),
        _operation.DocumentedResponse(
            "400",
            (
                _operation.ResponseContent("application/json", _DOCUMENT_3, _load_2),
                _operation.ResponseContent("application/xml", _DOCUMENT_3, _load_2),
                _operation.ResponseContent("text/xml", _DOCUMENT_3, _load_2),
                _operation.ResponseContent("text/json", _DOCUMENT_3, _load_2),
            ),
        ),
        _operation.DocumentedResponse(
            "401",
            (
                _operation.ResponseContent("application/json", _DOCUMENT_3, _load_2),
                _operation.ResponseContent("application/xml", _DOCUMENT_3, _load_2),
                _operation.ResponseContent("text/xml", _DOCUMENT_3, _load_2),
                _operation.ResponseContent("text/json", _DOCUMENT_3, _load_2),
            ),
        ),
        _operation.DocumentedResponse(
            "403",
            (
                _operation.ResponseContent("application/json", _DOCUMENT_3, _load_2),
                _operation.ResponseContent("application/xml", _DOCUMENT_3, _load_2),
                _operation.ResponseContent("text/xml", _DOCUMENT_3, _load_2),
                _operation.ResponseContent("text/json", _DOCUMENT_3, _load_2),
            ),
        ),
        _operation.DocumentedResponse(
            "404",
            (
                _operation.ResponseContent("application/json", _DOCUMENT_3, _load_2),
                _operation.ResponseContent("application/xml", _DOCUMENT_3, _load_2),
                _operation.ResponseContent("text/xml", _DOCUMENT_3, _load_2),
                _operation.ResponseContent("text/json", _DOCUMENT_3, _load_2),
            ),
        ),
        _operation.DocumentedResponse(
            "500",
            (
                _operation.ResponseContent("application/json", _DOCUMENT_3, _load_2),
                _operation.ResponseContent("application/xml", _DOCUMENT_3, _load_2),
                _operation.ResponseContent("text/xml", _DOCUMENT_3, _load_2),
                _operation.ResponseContent("text/json", _DOCUMENT_3, _load_2),
            ),
        ),
    ),
    deprecated=True,
    logged_headers=(
        "ms-correlationid",
        "ms-requestid",
    ),
    request_ids=(
        "ms_correlationid",
        "ms_requestid",
    ),
)


def _get_kwargs(
    *,
    body: TokenRequest,
    ms_correlationid: UUID | Unset = UNSET,
    ms_requestid: UUID | Unset = UNSET,
    content_type: RequestMediaType = "application/x-www-form-urlencoded",
    accept: ResponseMediaType = "application/json",
) -> dict[str, Any]:
    # A per-request identifier: a fresh one unless the caller gives one (a retry reuses it).
    json_ms_correlationid = _params.fresh_uuid() if isinstance(ms_correlationid, Unset) else str(ms_correlationid)
    # A per-request identifier: a fresh one unless the caller gives one (a retry reuses it).
    json_ms_requestid = _params.fresh_uuid() if isinstance(ms_requestid, Unset) else str(ms_requestid)
    return OPERATION.request(
        headers={
            "ms-correlationid": json_ms_correlationid,
            "ms-requestid": json_ms_requestid,
        },
        body=body,
        content_type=content_type,
        accept=accept,
    )


def _build_response(
    *, client: AuthenticatedClient, response: _operation.Received, strict: bool | None = None
) -> Response[ApiFault | TokenResponse]:
    return OPERATION.build_response(
        response,
        raise_on_unexpected_status=client.raise_on_unexpected_status,
        strict=client.strict if strict is None else strict,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
    ms_correlationid: UUID | Unset = UNSET,
    ms_requestid: UUID | Unset = UNSET,
    content_type: RequestMediaType = "application/x-www-form-urlencoded",
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[ApiFault | TokenResponse]:
    """Generate access token (deprecated version)

    The older version of the operation, which accepted tokens with the graph.windows.net
    audience. It is being retired: use generateAccessToken.

    Deprecated: calling it warns with DeprecationWarning.

    Args:
        body (TokenRequest): The grant to exchange for a Partner Center token.
        ms_correlationid (UUID | Unset): Traces a request across services. A fresh one is sent
            when none is given.
        ms_requestid (UUID | Unset): Idempotency key of the request: reuse it when retrying the
            same logical request. A fresh one is sent when none is given.
        content_type (RequestMediaType): The media type the body is sent in (Content-Type).
        accept (ResponseMediaType): The media type asked for (Accept).
        strict (bool | None): Refuse a response whose values break a constraint of the spec (errors.ResponseDecodeError);
            False keeps them (logged at DEBUG); None: the client's ``strict``.
        max_response_size (int | None): The most bytes of (decoded) response body read, past which
            errors.ResponseTooLarge; None: the client's ``max_response_size``.

    Raises:
        errors.UnexpectedStatus: If the status code is undocumented and Client.raise_on_unexpected_status is True.
        errors.UndocumentedContentType: If a documented status comes with an undocumented or no Content-Type.
        errors.ResponseDecodeError: If the body does not decode into the documented value.
        errors.SerializationError: If the body or a parameter cannot be written as the spec says.
        errors.InvalidArgument: If a path parameter would make an empty or dot segment of the path.
        errors.TransportFailure: If the request could not be sent or its answer not received (errors.TransportTimeout
            past Client.timeout).

    Returns:
        Response[ApiFault | TokenResponse]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        body=body,
        ms_correlationid=ms_correlationid,
        ms_requestid=ms_requestid,
        content_type=content_type,
        accept=accept,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


def sync(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
    ms_correlationid: UUID | Unset = UNSET,
    ms_requestid: UUID | Unset = UNSET,
    content_type: RequestMediaType = "application/x-www-form-urlencoded",
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> ApiFault | TokenResponse | None:
    """Generate access token (deprecated version)

    The older version of the operation, which accepted tokens with the graph.windows.net
    audience. It is being retired: use generateAccessToken.

    Deprecated: calling it warns with DeprecationWarning.

    Args:
        body (TokenRequest): The grant to exchange for a Partner Center token.
        ms_correlationid (UUID | Unset): Traces a request across services. A fresh one is sent
            when none is given.
        ms_requestid (UUID | Unset): Idempotency key of the request: reuse it when retrying the
            same logical request. A fresh one is sent when none is given.
        content_type (RequestMediaType): The media type the body is sent in (Content-Type).
        accept (ResponseMediaType): The media type asked for (Accept).
        strict (bool | None): Refuse a response whose values break a constraint of the spec (errors.ResponseDecodeError);
            False keeps them (logged at DEBUG); None: the client's ``strict``.
        max_response_size (int | None): The most bytes of (decoded) response body read, past which
            errors.ResponseTooLarge; None: the client's ``max_response_size``.

    Raises:
        errors.UnexpectedStatus: If the status code is undocumented and Client.raise_on_unexpected_status is True.
        errors.UndocumentedContentType: If a documented status comes with an undocumented or no Content-Type.
        errors.ResponseDecodeError: If the body does not decode into the documented value.
        errors.SerializationError: If the body or a parameter cannot be written as the spec says.
        errors.InvalidArgument: If a path parameter would make an empty or dot segment of the path.
        errors.TransportFailure: If the request could not be sent or its answer not received (errors.TransportTimeout
            past Client.timeout).

    Returns:
        ApiFault | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        ms_correlationid=ms_correlationid,
        ms_requestid=ms_requestid,
        content_type=content_type,
        accept=accept,
        strict=strict,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
    ms_correlationid: UUID | Unset = UNSET,
    ms_requestid: UUID | Unset = UNSET,
    content_type: RequestMediaType = "application/x-www-form-urlencoded",
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[ApiFault | TokenResponse]:
    """Generate access token (deprecated version)

    The older version of the operation, which accepted tokens with the graph.windows.net
    audience. It is being retired: use generateAccessToken.

    Deprecated: calling it warns with DeprecationWarning.

    Args:
        body (TokenRequest): The grant to exchange for a Partner Center token.
        ms_correlationid (UUID | Unset): Traces a request across services. A fresh one is sent
            when none is given.
        ms_requestid (UUID | Unset): Idempotency key of the request: reuse it when retrying the
            same logical request. A fresh one is sent when none is given.
        content_type (RequestMediaType): The media type the body is sent in (Content-Type).
        accept (ResponseMediaType): The media type asked for (Accept).
        strict (bool | None): Refuse a response whose values break a constraint of the spec (errors.ResponseDecodeError);
            False keeps them (logged at DEBUG); None: the client's ``strict``.
        max_response_size (int | None): The most bytes of (decoded) response body read, past which
            errors.ResponseTooLarge; None: the client's ``max_response_size``.

    Raises:
        errors.UnexpectedStatus: If the status code is undocumented and Client.raise_on_unexpected_status is True.
        errors.UndocumentedContentType: If a documented status comes with an undocumented or no Content-Type.
        errors.ResponseDecodeError: If the body does not decode into the documented value.
        errors.SerializationError: If the body or a parameter cannot be written as the spec says.
        errors.InvalidArgument: If a path parameter would make an empty or dot segment of the path.
        errors.TransportFailure: If the request could not be sent or its answer not received (errors.TransportTimeout
            past Client.timeout).

    Returns:
        Response[ApiFault | TokenResponse]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        body=body,
        ms_correlationid=ms_correlationid,
        ms_requestid=ms_requestid,
        content_type=content_type,
        accept=accept,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
    ms_correlationid: UUID | Unset = UNSET,
    ms_requestid: UUID | Unset = UNSET,
    content_type: RequestMediaType = "application/x-www-form-urlencoded",
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> ApiFault | TokenResponse | None:
    """Generate access token (deprecated version)

    The older version of the operation, which accepted tokens with the graph.windows.net
    audience. It is being retired: use generateAccessToken.

    Deprecated: calling it warns with DeprecationWarning.

    Args:
        body (TokenRequest): The grant to exchange for a Partner Center token.
        ms_correlationid (UUID | Unset): Traces a request across services. A fresh one is sent
            when none is given.
        ms_requestid (UUID | Unset): Idempotency key of the request: reuse it when retrying the
            same logical request. A fresh one is sent when none is given.
        content_type (RequestMediaType): The media type the body is sent in (Content-Type).
        accept (ResponseMediaType): The media type asked for (Accept).
        strict (bool | None): Refuse a response whose values break a constraint of the spec (errors.ResponseDecodeError);
            False keeps them (logged at DEBUG); None: the client's ``strict``.
        max_response_size (int | None): The most bytes of (decoded) response body read, past which
            errors.ResponseTooLarge; None: the client's ``max_response_size``.

    Raises:
        errors.UnexpectedStatus: If the status code is undocumented and Client.raise_on_unexpected_status is True.
        errors.UndocumentedContentType: If a documented status comes with an undocumented or no Content-Type.
        errors.ResponseDecodeError: If the body does not decode into the documented value.
        errors.SerializationError: If the body or a parameter cannot be written as the spec says.
        errors.InvalidArgument: If a path parameter would make an empty or dot segment of the path.
        errors.TransportFailure: If the request could not be sent or its answer not received (errors.TransportTimeout
            past Client.timeout).

    Returns:
        ApiFault | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            ms_correlationid=ms_correlationid,
            ms_requestid=ms_requestid,
            content_type=content_type,
            accept=accept,
            strict=strict,
            max_response_size=max_response_size,
        )
    ).parsed
