from typing import Any, Literal

from ... import _operation, _schema
from ...client import AuthenticatedClient, Client
from ...types import Response

ResponseMediaType = Literal["*/*"]
"""The response media types the spec documents; the first is the default ``Accept``."""


OPERATION: _operation.Operation[bytes] = _operation.Operation(
    operation_id="get_blob",
    method="get",
    path="/v1/blobs/{name}",
    parameters=(_operation.Parameter("name", "path", "simple", False, schema=_schema.Scalar("string")),),
    request_contents=(),
    responses=(
        _operation.DocumentedResponse(
            "200",
            (_operation.ResponseContent("*/*"),),
        ),
    ),
    deprecated=False,
)


def _get_kwargs(
    name: str,
    *,
    accept: ResponseMediaType = "*/*",
) -> dict[str, Any]:
    json_name = name
    return OPERATION.request(
        path={
            "name": json_name,
        },
        accept=accept,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: _operation.Received, strict: bool | None = None
) -> Response[bytes]:
    return OPERATION.build_response(
        response,
        raise_on_unexpected_status=client.raise_on_unexpected_status,
        strict=client.strict if strict is None else strict,
    )


def sync_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    accept: ResponseMediaType = "*/*",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[bytes]:
    """Args:
        name (str):
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
        Response[bytes]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        name=name,
        accept=accept,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


def sync(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    accept: ResponseMediaType = "*/*",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> bytes | None:
    """Args:
        name (str):
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
        bytes
    """

    return sync_detailed(
        name=name,
        client=client,
        accept=accept,
        strict=strict,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    accept: ResponseMediaType = "*/*",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[bytes]:
    """Args:
        name (str):
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
        Response[bytes]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        name=name,
        accept=accept,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    accept: ResponseMediaType = "*/*",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> bytes | None:
    """Args:
        name (str):
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
        bytes
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
            accept=accept,
            strict=strict,
            max_response_size=max_response_size,
        )
    ).parsed
