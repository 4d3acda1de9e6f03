from typing import Any, Literal

from ... import _compiled, _operation, _schema
from ...client import AuthenticatedClient
from ...models.get_inventory_response_200 import GetInventoryResponse200
from ...types import Response

ResponseMediaType = Literal["application/json"]
"""The response media types the spec documents; the first is the default ``Accept``."""

_DOCUMENT_1 = _schema.Document(_schema.ModelRef("models.get_inventory_response_200", "GetInventoryResponse200"))


def _load_1(data: Any) -> GetInventoryResponse200:
    return _compiled.builder_for(GetInventoryResponse200)(data)


OPERATION: _operation.Operation[GetInventoryResponse200 | None] = _operation.Operation(
    operation_id="get_inventory",
    method="get",
    path="/store/inventory",
    parameters=(),
    request_contents=(),
    responses=(
        _operation.DocumentedResponse(
            "200",
            (_operation.ResponseContent("application/json", _DOCUMENT_1, _load_1),),
        ),
        _operation.DocumentedResponse(
            "default",
            (),
        ),
    ),
    deprecated=False,
)


def _get_kwargs(
    *,
    accept: ResponseMediaType = "application/json",
) -> dict[str, Any]:
    return OPERATION.request(
        accept=accept,
    )


def _build_response(
    *, client: AuthenticatedClient, response: _operation.Received, strict: bool | None = None
) -> Response[GetInventoryResponse200 | None]:
    return OPERATION.build_response(
        response,
        raise_on_unexpected_status=client.raise_on_unexpected_status,
        strict=client.strict if strict is None else strict,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[GetInventoryResponse200 | None]:
    """Returns pet inventories by status.

    Returns a map of status codes to quantities.

    Args:
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
        Response[GetInventoryResponse200 | None]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        accept=accept,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


def sync(
    *,
    client: AuthenticatedClient,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> GetInventoryResponse200 | None:
    """Returns pet inventories by status.

    Returns a map of status codes to quantities.

    Args:
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
        GetInventoryResponse200 | None
    """

    return sync_detailed(
        client=client,
        accept=accept,
        strict=strict,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[GetInventoryResponse200 | None]:
    """Returns pet inventories by status.

    Returns a map of status codes to quantities.

    Args:
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
        Response[GetInventoryResponse200 | None]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        accept=accept,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


async def asyncio(
    *,
    client: AuthenticatedClient,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> GetInventoryResponse200 | None:
    """Returns pet inventories by status.

    Returns a map of status codes to quantities.

    Args:
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
        GetInventoryResponse200 | None
    """

    return (
        await asyncio_detailed(
            client=client,
            accept=accept,
            strict=strict,
            max_response_size=max_response_size,
        )
    ).parsed
