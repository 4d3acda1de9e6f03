from typing import Any, Literal

from ... import _operation
from ...client import AuthenticatedClient, Client
from ...types import Response

ResponseMediaType = Literal["message/http"]
"""The response media types the spec documents; the first is the default ``Accept``."""


OPERATION: _operation.Operation[bytes] = _operation.Operation(
    operation_id="trace_echo",
    method="trace",
    path="/v1/echo",
    parameters=(),
    request_contents=(),
    responses=(
        _operation.DocumentedResponse(
            "200",
            (_operation.ResponseContent("message/http"),),
        ),
    ),
    deprecated=False,
)


def _get_kwargs(
    *,
    accept: ResponseMediaType = "message/http",
) -> dict[str, Any]:
    return OPERATION.request(
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
    *,
    client: AuthenticatedClient | Client,
    accept: ResponseMediaType = "message/http",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[bytes]:
    """Args:
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
        accept=accept,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


def sync(
    *,
    client: AuthenticatedClient | Client,
    accept: ResponseMediaType = "message/http",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> bytes | None:
    """Args:
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
        client=client,
        accept=accept,
        strict=strict,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    accept: ResponseMediaType = "message/http",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[bytes]:
    """Args:
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
        accept=accept,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    accept: ResponseMediaType = "message/http",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> bytes | None:
    """Args:
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
            client=client,
            accept=accept,
            strict=strict,
            max_response_size=max_response_size,
        )
    ).parsed
