from typing import Any, Literal

from ... import _operation, _schema
from ...client import AuthenticatedClient, Client
from ...models.upload import Upload
from ...types import Response

RequestMediaType = Literal["multipart/form-data", "application/x-www-form-urlencoded"]
"""The request media types the spec documents; the first is the default."""

ResponseMediaType = Literal["text/plain"]
"""The response media types the spec documents; the first is the default ``Accept``."""

_DOCUMENT_1 = _schema.Document(_schema.ModelRef("models.upload", "Upload"))


def _dump_1(body: Upload) -> Any:
    data = body.to_dict()
    return data


OPERATION: _operation.Operation[str] = _operation.Operation(
    operation_id="upload_document",
    method="post",
    path="/v1/documents",
    parameters=(),
    request_contents=(
        _operation.RequestContent("multipart/form-data", _DOCUMENT_1),
        _operation.RequestContent("application/x-www-form-urlencoded", _DOCUMENT_1, _dump_1),
    ),
    responses=(
        _operation.DocumentedResponse(
            "200",
            (_operation.ResponseContent("text/plain"),),
        ),
    ),
    deprecated=False,
)


def _get_kwargs(
    *,
    body: Upload,
    content_type: RequestMediaType = "multipart/form-data",
    accept: ResponseMediaType = "text/plain",
) -> dict[str, Any]:
    return OPERATION.request(
        body=body,
        content_type=content_type,
        accept=accept,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: _operation.Received, strict: bool | None = None
) -> Response[str]:
    return OPERATION.build_response(
        response,
        raise_on_unexpected_status=client.raise_on_unexpected_status,
        strict=client.strict if strict is None else strict,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Upload,
    content_type: RequestMediaType = "multipart/form-data",
    accept: ResponseMediaType = "text/plain",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[str]:
    """Args:
        body (Upload): The request body.
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
        Response[str]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        body=body,
        content_type=content_type,
        accept=accept,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: Upload,
    content_type: RequestMediaType = "multipart/form-data",
    accept: ResponseMediaType = "text/plain",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> str | None:
    """Args:
        body (Upload): The request body.
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
        str
    """

    return sync_detailed(
        client=client,
        body=body,
        content_type=content_type,
        accept=accept,
        strict=strict,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Upload,
    content_type: RequestMediaType = "multipart/form-data",
    accept: ResponseMediaType = "text/plain",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[str]:
    """Args:
        body (Upload): The request body.
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
        Response[str]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        body=body,
        content_type=content_type,
        accept=accept,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: Upload,
    content_type: RequestMediaType = "multipart/form-data",
    accept: ResponseMediaType = "text/plain",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> str | None:
    """Args:
        body (Upload): The request body.
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
        str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            content_type=content_type,
            accept=accept,
            strict=strict,
            max_response_size=max_response_size,
        )
    ).parsed
