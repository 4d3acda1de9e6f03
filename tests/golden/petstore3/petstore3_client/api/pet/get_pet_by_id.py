from typing import Any, Literal

from ... import _compiled, _operation, _schema
from ...client import AuthenticatedClient
from ...models.pet import Pet
from ...types import Response

ResponseMediaType = Literal["application/json", "application/xml"]
"""The response media types the spec documents; the first is the default ``Accept``."""

_DOCUMENT_1 = _schema.Document(_schema.ModelRef("models.pet", "Pet"))


def _load_1(data: Any) -> Pet:
    return _compiled.builder_for(Pet)(data)


OPERATION: _operation.Operation[Pet | None] = _operation.Operation(
    operation_id="get_pet_by_id",
    method="get",
    path="/pet/{petId}",
    parameters=(_operation.Parameter("petId", "path", "simple", False, schema=_schema.Scalar("integer")),),
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
    pet_id: int,
    *,
    accept: ResponseMediaType = "application/json",
) -> dict[str, Any]:
    json_pet_id = pet_id
    return OPERATION.request(
        path={
            "petId": json_pet_id,
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
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[Pet | None]:
    """Find pet by ID.

    Returns a single pet.

    Args:
        pet_id (int):
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
        accept=accept,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


def sync(
    pet_id: int,
    *,
    client: AuthenticatedClient,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Pet | None:
    """Find pet by ID.

    Returns a single pet.

    Args:
        pet_id (int):
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
        accept=accept,
        strict=strict,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    pet_id: int,
    *,
    client: AuthenticatedClient,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[Pet | None]:
    """Find pet by ID.

    Returns a single pet.

    Args:
        pet_id (int):
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
        accept=accept,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


async def asyncio(
    pet_id: int,
    *,
    client: AuthenticatedClient,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Pet | None:
    """Find pet by ID.

    Returns a single pet.

    Args:
        pet_id (int):
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
            accept=accept,
            strict=strict,
            max_response_size=max_response_size,
        )
    ).parsed
