from typing import Any, Literal

from ... import _compiled, _operation, _schema
from ...client import AuthenticatedClient
from ...models.pet import Pet
from ...types import UNSET, Response, Unset

ResponseMediaType = Literal["application/json", "application/xml"]
"""The response media types the spec documents; the first is the default ``Accept``."""

_DOCUMENT_1 = _schema.Document(_schema.ModelRef("models.pet", "Pet"))


def _load_1(data: Any) -> Pet:
    return _compiled.builder_for(Pet)(data)


OPERATION: _operation.Operation[Pet | None] = _operation.Operation(
    operation_id="update_pet_with_form",
    method="post",
    path="/pet/{petId}",
    parameters=(
        _operation.Parameter("petId", "path", "simple", False, schema=_schema.Scalar("integer")),
        _operation.Parameter("name", "query", "form", True, schema=_schema.Scalar("string")),
        _operation.Parameter("status", "query", "form", True, schema=_schema.Scalar("string")),
    ),
    request_contents=(),
    responses=(
        _operation.DocumentedResponse(
            "200",
            (
                _operation.ResponseContent("application/json", _DOCUMENT_1, _load_1),
                _operation.ResponseContent("application/xml", _DOCUMENT_1, _load_1),
            ),
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
    name: str | Unset = UNSET,
    status: str | Unset = UNSET,
    accept: ResponseMediaType = "application/json",
) -> dict[str, Any]:
    json_pet_id = pet_id
    json_name = name
    json_status = status
    return OPERATION.request(
        path={
            "petId": json_pet_id,
        },
        query={
            "name": json_name,
            "status": json_status,
        },
        accept=accept,
    )


def _build_response(
    *, client: AuthenticatedClient, response: _operation.Received, strict: bool | None = None
) -> Response[Pet | None]:
    return OPERATION.build_response(
        response,
        raise_on_unexpected_status=client.raise_on_unexpected_status,
        strict=client.strict if strict is None else strict,
    )


def sync_detailed(
    pet_id: int,
    *,
    client: AuthenticatedClient,
    name: str | Unset = UNSET,
    status: str | Unset = UNSET,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[Pet | None]:
    """Updates a pet in the store with form data.

    Updates a pet resource based on the form data.

    Args:
        pet_id (int):
        name (str | Unset):
        status (str | Unset):
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
        Response[Pet | None]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        pet_id=pet_id,
        name=name,
        status=status,
        accept=accept,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


def sync(
    pet_id: int,
    *,
    client: AuthenticatedClient,
    name: str | Unset = UNSET,
    status: str | Unset = UNSET,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Pet | None:
    """Updates a pet in the store with form data.

    Updates a pet resource based on the form data.

    Args:
        pet_id (int):
        name (str | Unset):
        status (str | Unset):
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
        Pet | None
    """

    return sync_detailed(
        pet_id=pet_id,
        client=client,
        name=name,
        status=status,
        accept=accept,
        strict=strict,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    pet_id: int,
    *,
    client: AuthenticatedClient,
    name: str | Unset = UNSET,
    status: str | Unset = UNSET,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[Pet | None]:
    """Updates a pet in the store with form data.

    Updates a pet resource based on the form data.

    Args:
        pet_id (int):
        name (str | Unset):
        status (str | Unset):
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
        Response[Pet | None]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        pet_id=pet_id,
        name=name,
        status=status,
        accept=accept,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


async def asyncio(
    pet_id: int,
    *,
    client: AuthenticatedClient,
    name: str | Unset = UNSET,
    status: str | Unset = UNSET,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Pet | None:
    """Updates a pet in the store with form data.

    Updates a pet resource based on the form data.

    Args:
        pet_id (int):
        name (str | Unset):
        status (str | Unset):
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
        Pet | None
    """

    return (
        await asyncio_detailed(
            pet_id=pet_id,
            client=client,
            name=name,
            status=status,
            accept=accept,
            strict=strict,
            max_response_size=max_response_size,
        )
    ).parsed
