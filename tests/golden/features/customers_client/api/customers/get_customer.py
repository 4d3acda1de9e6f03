from typing import Any, Literal
from uuid import UUID

from ... import _compiled, _operation, _schema
from ...client import AuthenticatedClient, Client
from ...models.customer import Customer
from ...types import Response

ResponseMediaType = Literal["application/json; charset=utf-8", "application/atom+xml"]
"""The response media types the spec documents; the first is the default ``Accept``."""

_DOCUMENT_1 = _schema.Document(_schema.ModelRef("models.customer", "Customer"))


def _load_1(data: Any) -> Customer:
    return _compiled.builder_for(Customer)(data)


OPERATION: _operation.Operation[Customer | None] = _operation.Operation(
    operation_id="get_customer",
    method="get",
    path="/v1/customers/{customer_id}",
    parameters=(
        _operation.Parameter("customer_id", "path", "simple", False, schema=_schema.Scalar("string", format="uuid")),
    ),
    request_contents=(),
    responses=(
        _operation.DocumentedResponse(
            "404",
            (),
        ),
        _operation.DocumentedResponse(
            "2XX",
            (
                _operation.ResponseContent("application/json; charset=utf-8", _DOCUMENT_1, _load_1),
                _operation.ResponseContent("application/atom+xml", _DOCUMENT_1, _load_1),
            ),
        ),
    ),
    deprecated=False,
)


def _get_kwargs(
    customer_id: UUID,
    *,
    accept: ResponseMediaType = "application/json; charset=utf-8",
) -> dict[str, Any]:
    json_customer_id = str(customer_id)
    return OPERATION.request(
        path={
            "customer_id": json_customer_id,
        },
        accept=accept,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: _operation.Received, strict: bool | None = None
) -> Response[Customer | None]:
    return OPERATION.build_response(
        response,
        raise_on_unexpected_status=client.raise_on_unexpected_status,
        strict=client.strict if strict is None else strict,
    )


def sync_detailed(
    customer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    accept: ResponseMediaType = "application/json; charset=utf-8",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[Customer | None]:
    """Args:
        customer_id (UUID):
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
        Response[Customer | None]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        customer_id=customer_id,
        accept=accept,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


def sync(
    customer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    accept: ResponseMediaType = "application/json; charset=utf-8",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Customer | None:
    """Args:
        customer_id (UUID):
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
        Customer | None
    """

    return sync_detailed(
        customer_id=customer_id,
        client=client,
        accept=accept,
        strict=strict,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    customer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    accept: ResponseMediaType = "application/json; charset=utf-8",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[Customer | None]:
    """Args:
        customer_id (UUID):
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
        Response[Customer | None]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        customer_id=customer_id,
        accept=accept,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


async def asyncio(
    customer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    accept: ResponseMediaType = "application/json; charset=utf-8",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Customer | None:
    """Args:
        customer_id (UUID):
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
        Customer | None
    """

    return (
        await asyncio_detailed(
            customer_id=customer_id,
            client=client,
            accept=accept,
            strict=strict,
            max_response_size=max_response_size,
        )
    ).parsed
