from typing import Any, Literal

from ... import _operation, _schema
from ...client import AuthenticatedClient, Client
from ...types import File, Response

RequestMediaType = Literal["application/octet-stream"]
"""The request media types the spec documents; the first is the default."""


OPERATION: _operation.Operation[None] = _operation.Operation(
    operation_id="put_blob",
    method="put",
    path="/v1/blobs/{name}",
    parameters=(_operation.Parameter("name", "path", "simple", False, schema=_schema.Scalar("string")),),
    request_contents=(_operation.RequestContent("application/octet-stream"),),
    responses=(
        _operation.DocumentedResponse(
            "201",
            (),
        ),
    ),
    deprecated=False,
)


def _get_kwargs(
    name: str,
    *,
    body: File,
    content_type: RequestMediaType = "application/octet-stream",
) -> dict[str, Any]:
    json_name = name
    return OPERATION.request(
        path={
            "name": json_name,
        },
        body=body,
        content_type=content_type,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: _operation.Received, strict: bool | None = None
) -> Response[None]:
    return OPERATION.build_response(
        response,
        raise_on_unexpected_status=client.raise_on_unexpected_status,
        strict=client.strict if strict is None else strict,
    )


def sync_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    content_type: RequestMediaType = "application/octet-stream",
    max_response_size: int | None = None,
) -> Response[None]:
    """Args:
        name (str):
        body (File): The request body.
        content_type (RequestMediaType): The media type the body is sent in (Content-Type).
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
        Response[None]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        name=name,
        body=body,
        content_type=content_type,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response)


def sync(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    content_type: RequestMediaType = "application/octet-stream",
    max_response_size: int | None = None,
) -> None:
    """Args:
        name (str):
        body (File): The request body.
        content_type (RequestMediaType): The media type the body is sent in (Content-Type).
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
        None
    """

    return sync_detailed(
        name=name,
        client=client,
        body=body,
        content_type=content_type,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    content_type: RequestMediaType = "application/octet-stream",
    max_response_size: int | None = None,
) -> Response[None]:
    """Args:
        name (str):
        body (File): The request body.
        content_type (RequestMediaType): The media type the body is sent in (Content-Type).
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
        Response[None]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        name=name,
        body=body,
        content_type=content_type,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response)


async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    content_type: RequestMediaType = "application/octet-stream",
    max_response_size: int | None = None,
) -> None:
    """Args:
        name (str):
        body (File): The request body.
        content_type (RequestMediaType): The media type the body is sent in (Content-Type).
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
        None
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
            body=body,
            content_type=content_type,
            max_response_size=max_response_size,
        )
    ).parsed
