from typing import Any, Literal
from uuid import UUID, uuid4

import httpx

from ..._operation import DocumentedResponse, Operation
from ...client import AuthenticatedClient
from ...models.api_fault import ApiFault
from ...models.token_request import TokenRequest
from ...models.token_response import TokenResponse
from ...types import UNSET, Response, Unset

RequestMediaType = Literal[
    "application/x-www-form-urlencoded",
    "application/json",
    "application/xml",
    "text/xml",
    "text/json",
]
"""The request media types the spec documents; the first is the default."""

ResponseMediaType = Literal[
    "application/json",
    "application/xml",
    "text/xml",
    "text/json",
]
"""The response media types the spec documents; the first is the default ``Accept``."""

OPERATION: Operation[ApiFault | TokenResponse] = Operation(
    operation_id="generate_access_token",
    method="post",
    path="/v3/generatetoken",
    request_model=TokenRequest,
    request_media_types=(
        "application/x-www-form-urlencoded",
        "application/json",
        "application/xml",
        "text/xml",
        "text/json",
    ),
    responses={
        200: DocumentedResponse(
            TokenResponse,
            (
                "application/json",
                "application/xml",
                "text/xml",
                "text/json",
            ),
        ),
        400: DocumentedResponse(
            ApiFault,
            (
                "application/json",
                "application/xml",
                "text/xml",
                "text/json",
            ),
        ),
        401: DocumentedResponse(
            ApiFault,
            (
                "application/json",
                "application/xml",
                "text/xml",
                "text/json",
            ),
        ),
        403: DocumentedResponse(
            ApiFault,
            (
                "application/json",
                "application/xml",
                "text/xml",
                "text/json",
            ),
        ),
        404: DocumentedResponse(
            ApiFault,
            (
                "application/json",
                "application/xml",
                "text/xml",
                "text/json",
            ),
        ),
        500: DocumentedResponse(
            ApiFault,
            (
                "application/json",
                "application/xml",
                "text/xml",
                "text/json",
            ),
        ),
    },
    deprecated=False,
)


def _get_kwargs(
    *,
    body: TokenRequest,
    content_type: RequestMediaType = "application/x-www-form-urlencoded",
    accept: ResponseMediaType = "application/json",
    ms_correlationid: UUID | Unset = UNSET,
    ms_requestid: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, str] = {}
    # A per-request identifier: a fresh one unless the caller gives one (a retry reuses it).
    headers["ms-correlationid"] = str(uuid4() if isinstance(ms_correlationid, Unset) else ms_correlationid)
    # A per-request identifier: a fresh one unless the caller gives one (a retry reuses it).
    headers["ms-requestid"] = str(uuid4() if isinstance(ms_requestid, Unset) else ms_requestid)
    return OPERATION.request(body=body, content_type=content_type, accept=accept, headers=headers)


def _build_response(*, client: AuthenticatedClient, response: httpx.Response) -> Response[ApiFault | TokenResponse]:
    return OPERATION.build_response(response, raise_on_unexpected_status=client.raise_on_unexpected_status)


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
    content_type: RequestMediaType = "application/x-www-form-urlencoded",
    accept: ResponseMediaType = "application/json",
    ms_correlationid: UUID | Unset = UNSET,
    ms_requestid: UUID | Unset = UNSET,
) -> Response[ApiFault | TokenResponse]:
    """Generate access token

    Exchanges an app-only Entra ID token whose audience is https://api.partnercenter.microsoft.com
    for a Partner Center access token. The returned access token is opaque: do not decode it.

    Args:
        body (TokenRequest): The grant to exchange for a Partner Center token.
        content_type (RequestMediaType): The media type the body is sent in (Content-Type).
        accept (ResponseMediaType): The media type asked for (Accept).
        ms_correlationid (UUID | Unset): Traces a request across services. A fresh one is sent
            when none is given.
        ms_requestid (UUID | Unset): Idempotency key of the request: reuse it when retrying the
            same logical request. A fresh one is sent when none is given.

    Raises:
        errors.UnexpectedStatus: If the status code is undocumented and Client.raise_on_unexpected_status is True.
        errors.UndocumentedContentType: If a documented status comes with an undocumented or no Content-Type.
        errors.ResponseDecodeError: If the body does not decode into the documented model.
        errors.SerializationError: If the body cannot be written in content_type.
        errors.TransportError: If the request could not be sent or its answer not received (errors.Timeout
            past Client.timeout).

    Returns:
        Response[ApiFault | TokenResponse]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        body=body,
        content_type=content_type,
        accept=accept,
        ms_correlationid=ms_correlationid,
        ms_requestid=ms_requestid,
    )
    response = OPERATION.send(client, kwargs)
    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
    content_type: RequestMediaType = "application/x-www-form-urlencoded",
    accept: ResponseMediaType = "application/json",
    ms_correlationid: UUID | Unset = UNSET,
    ms_requestid: UUID | Unset = UNSET,
) -> ApiFault | TokenResponse | None:
    """Generate access token

    Exchanges an app-only Entra ID token whose audience is https://api.partnercenter.microsoft.com
    for a Partner Center access token. The returned access token is opaque: do not decode it.

    Args:
        body (TokenRequest): The grant to exchange for a Partner Center token.
        content_type (RequestMediaType): The media type the body is sent in (Content-Type).
        accept (ResponseMediaType): The media type asked for (Accept).
        ms_correlationid (UUID | Unset): Traces a request across services. A fresh one is sent
            when none is given.
        ms_requestid (UUID | Unset): Idempotency key of the request: reuse it when retrying the
            same logical request. A fresh one is sent when none is given.

    Raises:
        errors.UnexpectedStatus: If the status code is undocumented and Client.raise_on_unexpected_status is True.
        errors.UndocumentedContentType: If a documented status comes with an undocumented or no Content-Type.
        errors.ResponseDecodeError: If the body does not decode into the documented model.
        errors.SerializationError: If the body cannot be written in content_type.
        errors.TransportError: If the request could not be sent or its answer not received (errors.Timeout
            past Client.timeout).

    Returns:
        ApiFault | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        content_type=content_type,
        accept=accept,
        ms_correlationid=ms_correlationid,
        ms_requestid=ms_requestid,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
    content_type: RequestMediaType = "application/x-www-form-urlencoded",
    accept: ResponseMediaType = "application/json",
    ms_correlationid: UUID | Unset = UNSET,
    ms_requestid: UUID | Unset = UNSET,
) -> Response[ApiFault | TokenResponse]:
    """Generate access token

    Exchanges an app-only Entra ID token whose audience is https://api.partnercenter.microsoft.com
    for a Partner Center access token. The returned access token is opaque: do not decode it.

    Args:
        body (TokenRequest): The grant to exchange for a Partner Center token.
        content_type (RequestMediaType): The media type the body is sent in (Content-Type).
        accept (ResponseMediaType): The media type asked for (Accept).
        ms_correlationid (UUID | Unset): Traces a request across services. A fresh one is sent
            when none is given.
        ms_requestid (UUID | Unset): Idempotency key of the request: reuse it when retrying the
            same logical request. A fresh one is sent when none is given.

    Raises:
        errors.UnexpectedStatus: If the status code is undocumented and Client.raise_on_unexpected_status is True.
        errors.UndocumentedContentType: If a documented status comes with an undocumented or no Content-Type.
        errors.ResponseDecodeError: If the body does not decode into the documented model.
        errors.SerializationError: If the body cannot be written in content_type.
        errors.TransportError: If the request could not be sent or its answer not received (errors.Timeout
            past Client.timeout).

    Returns:
        Response[ApiFault | TokenResponse]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        body=body,
        content_type=content_type,
        accept=accept,
        ms_correlationid=ms_correlationid,
        ms_requestid=ms_requestid,
    )
    response = await OPERATION.send_async(client, kwargs)
    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
    content_type: RequestMediaType = "application/x-www-form-urlencoded",
    accept: ResponseMediaType = "application/json",
    ms_correlationid: UUID | Unset = UNSET,
    ms_requestid: UUID | Unset = UNSET,
) -> ApiFault | TokenResponse | None:
    """Generate access token

    Exchanges an app-only Entra ID token whose audience is https://api.partnercenter.microsoft.com
    for a Partner Center access token. The returned access token is opaque: do not decode it.

    Args:
        body (TokenRequest): The grant to exchange for a Partner Center token.
        content_type (RequestMediaType): The media type the body is sent in (Content-Type).
        accept (ResponseMediaType): The media type asked for (Accept).
        ms_correlationid (UUID | Unset): Traces a request across services. A fresh one is sent
            when none is given.
        ms_requestid (UUID | Unset): Idempotency key of the request: reuse it when retrying the
            same logical request. A fresh one is sent when none is given.

    Raises:
        errors.UnexpectedStatus: If the status code is undocumented and Client.raise_on_unexpected_status is True.
        errors.UndocumentedContentType: If a documented status comes with an undocumented or no Content-Type.
        errors.ResponseDecodeError: If the body does not decode into the documented model.
        errors.SerializationError: If the body cannot be written in content_type.
        errors.TransportError: If the request could not be sent or its answer not received (errors.Timeout
            past Client.timeout).

    Returns:
        ApiFault | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            content_type=content_type,
            accept=accept,
            ms_correlationid=ms_correlationid,
            ms_requestid=ms_requestid,
        )
    ).parsed
