from typing import Any, Literal

from ... import _compiled, _operation, _schema
from ...client import AuthenticatedClient
from ...models.api_response import ApiResponse
from ...types import UNSET, File, Response, Unset

RequestMediaType = Literal["application/octet-stream"]
"""The request media types the spec documents; the first is the default."""

ResponseMediaType = Literal["application/json"]
"""The response media types the spec documents; the first is the default ``Accept``."""

_DOCUMENT_1 = _schema.Document(_schema.ModelRef("models.api_response", "ApiResponse"))


def _load_1(data: Any) -> ApiResponse:
    return _compiled.builder_for(ApiResponse)(data)


OPERATION: _operation.Operation[ApiResponse | None] = _operation.Operation(
    operation_id="upload_file",
    method="post",
    path="/pet/{petId}/uploadImage",
    parameters=(
        _operation.Parameter("petId", "path", "simple", False, schema=_schema.Scalar("integer")),
        _operation.Parameter("additionalMetadata", "query", "form", True, schema=_schema.Scalar("string")),
    ),
    request_contents=(_operation.RequestContent("application/octet-stream"),),
    responses=(
        _operation.DocumentedResponse(
            "200",
            (_operation.ResponseContent("application/json", _DOCUMENT_1, _load_1),),
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
    body: File | Unset = UNSET,
    additional_metadata: str | Unset = UNSET,
    content_type: RequestMediaType = "application/octet-stream",
    accept: ResponseMediaType = "application/json",
) -> dict[str, Any]:
    json_pet_id = pet_id
    json_additional_metadata = additional_metadata
    return OPERATION.request(
        path={
            "petId": json_pet_id,
        },
        query={
            "additionalMetadata": json_additional_metadata,
        },
        body=body,
        content_type=content_type,
        accept=accept,
    )


def _build_response(
    *, client: AuthenticatedClient, response: _operation.Received, strict: bool | None = None
) -> Response[ApiResponse | None]:
    return OPERATION.build_response(
        response,
        raise_on_unexpected_status=client.raise_on_unexpected_status,
        strict=client.strict if strict is None else strict,
    )


def sync_detailed(
    pet_id: int,
    *,
    client: AuthenticatedClient,
    body: File | Unset = UNSET,
    additional_metadata: str | Unset = UNSET,
    content_type: RequestMediaType = "application/octet-stream",
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[ApiResponse | None]:
    """Uploads an image.

    Upload image of the pet.

    Args:
        pet_id (int):
        body (File | Unset): The request body.
        additional_metadata (str | Unset):
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
        Response[ApiResponse | None]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        pet_id=pet_id,
        body=body,
        additional_metadata=additional_metadata,
        content_type=content_type,
        accept=accept,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


def sync(
    pet_id: int,
    *,
    client: AuthenticatedClient,
    body: File | Unset = UNSET,
    additional_metadata: str | Unset = UNSET,
    content_type: RequestMediaType = "application/octet-stream",
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> ApiResponse | None:
    """Uploads an image.

    Upload image of the pet.

    Args:
        pet_id (int):
        body (File | Unset): The request body.
        additional_metadata (str | Unset):
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
        ApiResponse | None
    """

    return sync_detailed(
        pet_id=pet_id,
        client=client,
        body=body,
        additional_metadata=additional_metadata,
        content_type=content_type,
        accept=accept,
        strict=strict,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    pet_id: int,
    *,
    client: AuthenticatedClient,
    body: File | Unset = UNSET,
    additional_metadata: str | Unset = UNSET,
    content_type: RequestMediaType = "application/octet-stream",
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[ApiResponse | None]:
    """Uploads an image.

    Upload image of the pet.

    Args:
        pet_id (int):
        body (File | Unset): The request body.
        additional_metadata (str | Unset):
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
        Response[ApiResponse | None]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        pet_id=pet_id,
        body=body,
        additional_metadata=additional_metadata,
        content_type=content_type,
        accept=accept,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


async def asyncio(
    pet_id: int,
    *,
    client: AuthenticatedClient,
    body: File | Unset = UNSET,
    additional_metadata: str | Unset = UNSET,
    content_type: RequestMediaType = "application/octet-stream",
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> ApiResponse | None:
    """Uploads an image.

    Upload image of the pet.

    Args:
        pet_id (int):
        body (File | Unset): The request body.
        additional_metadata (str | Unset):
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
        ApiResponse | None
    """

    return (
        await asyncio_detailed(
            pet_id=pet_id,
            client=client,
            body=body,
            additional_metadata=additional_metadata,
            content_type=content_type,
            accept=accept,
            strict=strict,
            max_response_size=max_response_size,
        )
    ).parsed
