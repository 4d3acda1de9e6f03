from typing import Any, Literal
from uuid import UUID

from ... import _compiled, _operation, _schema
from ...client import AuthenticatedClient, Client
from ...models.customer import Customer
from ...models.update_customer_body import UpdateCustomerBody
from ...types import UNSET, Response, Unset

RequestMediaType = Literal["application/merge-patch+json"]
"""The request media types the spec documents; the first is the default."""

ResponseMediaType = Literal["application/json"]
"""The response media types the spec documents; the first is the default ``Accept``."""

_DOCUMENT_1 = _schema.Document(_schema.ModelRef("models.update_customer_body", "UpdateCustomerBody"))
_DOCUMENT_2 = _schema.Document(_schema.ModelRef("models.customer", "Customer"))


def _dump_1(body: UpdateCustomerBody) -> Any:

    if not isinstance(body, Unset):
        data = body.to_dict()
    return data


def _load_1(data: Any) -> Customer:
    return _compiled.builder_for(Customer)(data)


OPERATION: _operation.Operation[Customer] = _operation.Operation(
    operation_id="update_customer",
    method="patch",
    path="/v1/customers/{customer_id}",
    parameters=(
        _operation.Parameter("customer_id", "path", "simple", False, schema=_schema.Scalar("string", format="uuid")),
    ),
    request_contents=(_operation.RequestContent("application/merge-patch+json", _DOCUMENT_1, _dump_1),),
    responses=(
        _operation.DocumentedResponse(
            "200",
            (_operation.ResponseContent("application/json", _DOCUMENT_2, _load_1),),
        ),
    ),
    deprecated=False,
)


def _get_kwargs(
    customer_id: UUID,
    *,
    body: UpdateCustomerBody | Unset = UNSET,
    content_type: RequestMediaType = "application/merge-patch+json",
    accept: ResponseMediaType = "application/json",
) -> dict[str, Any]:
    json_customer_id = str(customer_id)
    return OPERATION.request(
        path={
            "customer_id": json_customer_id,
        },
        body=body,
        content_type=content_type,
        accept=accept,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: _operation.Received, strict: bool | None = None
) -> Response[Customer]:
    return OPERATION.build_response(
        response,
        raise_on_unexpected_status=client.raise_on_unexpected_status,
        strict=client.strict if strict is None else strict,
    )


def sync_detailed(
    customer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateCustomerBody | Unset = UNSET,
    content_type: RequestMediaType = "application/merge-patch+json",
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[Customer]:
    """Args:
        customer_id (UUID):
        body (UpdateCustomerBody | Unset): The request body.
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
        Response[Customer]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        customer_id=customer_id,
        body=body,
        content_type=content_type,
        accept=accept,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


def sync(
    customer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateCustomerBody | Unset = UNSET,
    content_type: RequestMediaType = "application/merge-patch+json",
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Customer | None:
    """Args:
        customer_id (UUID):
        body (UpdateCustomerBody | Unset): The request body.
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
        Customer
    """

    return sync_detailed(
        customer_id=customer_id,
        client=client,
        body=body,
        content_type=content_type,
        accept=accept,
        strict=strict,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    customer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateCustomerBody | Unset = UNSET,
    content_type: RequestMediaType = "application/merge-patch+json",
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[Customer]:
    """Args:
        customer_id (UUID):
        body (UpdateCustomerBody | Unset): The request body.
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
        Response[Customer]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        customer_id=customer_id,
        body=body,
        content_type=content_type,
        accept=accept,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


async def asyncio(
    customer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateCustomerBody | Unset = UNSET,
    content_type: RequestMediaType = "application/merge-patch+json",
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Customer | None:
    """Args:
        customer_id (UUID):
        body (UpdateCustomerBody | Unset): The request body.
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
        Customer
    """

    return (
        await asyncio_detailed(
            customer_id=customer_id,
            client=client,
            body=body,
            content_type=content_type,
            accept=accept,
            strict=strict,
            max_response_size=max_response_size,
        )
    ).parsed
