from typing import Any

from ... import _operation, _schema
from ...client import AuthenticatedClient, Client
from ...types import Response

OPERATION: _operation.Operation[None] = _operation.Operation(
    operation_id="delete_order",
    method="delete",
    path="/store/order/{orderId}",
    parameters=(_operation.Parameter("orderId", "path", "simple", False, schema=_schema.Scalar("integer")),),
    request_contents=(),
    responses=(
        _operation.DocumentedResponse(
            "200",
            (),
        ),
        _operation.DocumentedResponse(
            "400",
            (),
        ),
        _operation.DocumentedResponse(
            "404",
            (),
        ),
        _operation.DocumentedResponse(
            "default",
            (),
        ),
    ),
    deprecated=False,
)


def _get_kwargs(
    order_id: int,
) -> dict[str, Any]:
    json_order_id = order_id
    return OPERATION.request(
        path={
            "orderId": json_order_id,
        },
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
    order_id: int,
    *,
    client: AuthenticatedClient | Client,
    max_response_size: int | None = None,
) -> Response[None]:
    """Delete purchase order by identifier.

    For valid response try integer IDs with value < 1000. Anything above 1000 or non-integers will
    generate API errors.

    Args:
        order_id (int):
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
        order_id=order_id,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response)


def sync(
    order_id: int,
    *,
    client: AuthenticatedClient | Client,
    max_response_size: int | None = None,
) -> None:
    """Delete purchase order by identifier.

    For valid response try integer IDs with value < 1000. Anything above 1000 or non-integers will
    generate API errors.

    Args:
        order_id (int):
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
        order_id=order_id,
        client=client,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    order_id: int,
    *,
    client: AuthenticatedClient | Client,
    max_response_size: int | None = None,
) -> Response[None]:
    """Delete purchase order by identifier.

    For valid response try integer IDs with value < 1000. Anything above 1000 or non-integers will
    generate API errors.

    Args:
        order_id (int):
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
        order_id=order_id,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response)


async def asyncio(
    order_id: int,
    *,
    client: AuthenticatedClient | Client,
    max_response_size: int | None = None,
) -> None:
    """Delete purchase order by identifier.

    For valid response try integer IDs with value < 1000. Anything above 1000 or non-integers will
    generate API errors.

    Args:
        order_id (int):
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
            order_id=order_id,
            client=client,
            max_response_size=max_response_size,
        )
    ).parsed
