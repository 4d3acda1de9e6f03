from typing import Any

from ... import _operation, _schema
from ...client import AuthenticatedClient
from ...types import UNSET, Response, Unset

OPERATION: _operation.Operation[None] = _operation.Operation(
    operation_id="delete_pet",
    method="delete",
    path="/pet/{petId}",
    parameters=(
        _operation.Parameter("petId", "path", "simple", False, schema=_schema.Scalar("integer")),
        _operation.Parameter("api_key", "header", "simple", False, schema=_schema.Scalar("string")),
    ),
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
            "default",
            (),
        ),
    ),
    deprecated=False,
)


def _get_kwargs(
    pet_id: int,
    *,
    api_key: str | Unset = UNSET,
) -> dict[str, Any]:
    json_pet_id = pet_id
    json_api_key = api_key
    return OPERATION.request(
        path={
            "petId": json_pet_id,
        },
        headers={
            "api_key": json_api_key,
        },
    )


def _build_response(
    *, client: AuthenticatedClient, response: _operation.Received, strict: bool | None = None
) -> Response[None]:
    return OPERATION.build_response(
        response,
        raise_on_unexpected_status=client.raise_on_unexpected_status,
        strict=client.strict if strict is None else strict,
    )


def sync_detailed(
    pet_id: int,
    *,
    client: AuthenticatedClient,
    api_key: str | Unset = UNSET,
    max_response_size: int | None = None,
) -> Response[None]:
    """Deletes a pet.

    Delete a pet.

    Args:
        pet_id (int):
        api_key (str | Unset):
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
        pet_id=pet_id,
        api_key=api_key,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response)


def sync(
    pet_id: int,
    *,
    client: AuthenticatedClient,
    api_key: str | Unset = UNSET,
    max_response_size: int | None = None,
) -> None:
    """Deletes a pet.

    Delete a pet.

    Args:
        pet_id (int):
        api_key (str | Unset):
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
        pet_id=pet_id,
        client=client,
        api_key=api_key,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    pet_id: int,
    *,
    client: AuthenticatedClient,
    api_key: str | Unset = UNSET,
    max_response_size: int | None = None,
) -> Response[None]:
    """Deletes a pet.

    Delete a pet.

    Args:
        pet_id (int):
        api_key (str | Unset):
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
        pet_id=pet_id,
        api_key=api_key,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response)


async def asyncio(
    pet_id: int,
    *,
    client: AuthenticatedClient,
    api_key: str | Unset = UNSET,
    max_response_size: int | None = None,
) -> None:
    """Deletes a pet.

    Delete a pet.

    Args:
        pet_id (int):
        api_key (str | Unset):
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
            pet_id=pet_id,
            client=client,
            api_key=api_key,
            max_response_size=max_response_size,
        )
    ).parsed
