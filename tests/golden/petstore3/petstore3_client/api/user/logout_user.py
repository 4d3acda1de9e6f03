from typing import Any

from ... import _operation
from ...client import AuthenticatedClient, Client
from ...types import Response

OPERATION: _operation.Operation[None] = _operation.Operation(
    operation_id="logout_user",
    method="get",
    path="/user/logout",
    parameters=(),
    request_contents=(),
    responses=(
        _operation.DocumentedResponse(
            "200",
            (),
        ),
        _operation.DocumentedResponse(
            "default",
            (),
        ),
    ),
    deprecated=False,
)


def _get_kwargs() -> dict[str, Any]:
    return OPERATION.request()


def _build_response(
    *, client: AuthenticatedClient | Client, response: _operation.Received, strict: bool | None = None
) -> Response[None]:
    return OPERATION.build_response(
        response,
        raise_on_unexpected_status=client.raise_on_unexpected_status,
        strict=client.strict if strict is None else strict,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    max_response_size: int | None = None,
) -> Response[None]:
    """Logs out current logged in user session.

    Log user out of the system.

    Args:
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
    kwargs = _get_kwargs()
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    max_response_size: int | None = None,
) -> None:
    """Logs out current logged in user session.

    Log user out of the system.

    Args:
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
        client=client,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    max_response_size: int | None = None,
) -> Response[None]:
    """Logs out current logged in user session.

    Log user out of the system.

    Args:
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
    kwargs = _get_kwargs()
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    max_response_size: int | None = None,
) -> None:
    """Logs out current logged in user session.

    Log user out of the system.

    Args:
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
            client=client,
            max_response_size=max_response_size,
        )
    ).parsed
