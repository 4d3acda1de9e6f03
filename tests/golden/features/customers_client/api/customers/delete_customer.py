from typing import Any
from uuid import UUID

from ... import _operation, _schema
from ...client import AuthenticatedClient, Client
from ...types import Response

OPERATION: _operation.Operation[None] = _operation.Operation(
    operation_id="delete_customer",
    method="delete",
    path="/v1/customers/{customer_id}",
    parameters=(
        _operation.Parameter("customer_id", "path", "simple", False, schema=_schema.Scalar("string", format="uuid")),
    ),
    request_contents=(),
    responses=(
        _operation.DocumentedResponse(
            "204",
            (),
        ),
        _operation.DocumentedResponse(
            "404",
            (),
        ),
    ),
    deprecated=False,
)


def _get_kwargs(
    customer_id: UUID,
) -> dict[str, Any]:
    json_customer_id = str(customer_id)
    return OPERATION.request(
        path={
            "customer_id": json_customer_id,
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
    customer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    max_response_size: int | None = None,
) -> Response[None]:
    """Args:
        customer_id (UUID):
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
        customer_id=customer_id,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response)


def sync(
    customer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    max_response_size: int | None = None,
) -> None:
    """Args:
        customer_id (UUID):
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
        customer_id=customer_id,
        client=client,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    customer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    max_response_size: int | None = None,
) -> Response[None]:
    """Args:
        customer_id (UUID):
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
        customer_id=customer_id,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response)


async def asyncio(
    customer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    max_response_size: int | None = None,
) -> None:
    """Args:
        customer_id (UUID):
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
            customer_id=customer_id,
            client=client,
            max_response_size=max_response_size,
        )
    ).parsed
