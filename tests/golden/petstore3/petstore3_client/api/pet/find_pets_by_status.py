from typing import Any, Literal

from ... import _compiled, _operation, _schema
from ...client import AuthenticatedClient
from ...models.find_pets_by_status_status import FindPetsByStatusStatus
from ...models.pet import Pet
from ...types import UNSET, Response, Unset

ResponseMediaType = Literal["application/json", "application/xml"]
"""The response media types the spec documents; the first is the default ``Accept``."""

_DOCUMENT_1 = _schema.Document(_schema.ArrayOf(_schema.ModelRef("models.pet", "Pet")))


def _load_1(data: Any) -> list[Pet]:
    return _compiled.build_each(Pet, data)


OPERATION: _operation.Operation[list[Pet] | None] = _operation.Operation(
    operation_id="find_pets_by_status",
    method="get",
    path="/pet/findByStatus",
    parameters=(
        _operation.Parameter(
            "status",
            "query",
            "form",
            True,
            schema=_schema.Scalar(
                "string",
                enum=(
                    "available",
                    "pending",
                    "sold",
                ),
            ),
        ),
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
    *,
    status: FindPetsByStatusStatus | Unset = FindPetsByStatusStatus.AVAILABLE,
    accept: ResponseMediaType = "application/json",
) -> dict[str, Any]:
    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value if isinstance(status, FindPetsByStatusStatus) else status

    return OPERATION.request(
        query={
            "status": json_status,
        },
        accept=accept,
    )


def _build_response(
    *, client: AuthenticatedClient, response: _operation.Received, strict: bool | None = None
) -> Response[list[Pet] | None]:
    return OPERATION.build_response(
        response,
        raise_on_unexpected_status=client.raise_on_unexpected_status,
        strict=client.strict if strict is None else strict,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: FindPetsByStatusStatus | Unset = FindPetsByStatusStatus.AVAILABLE,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[list[Pet] | None]:
    """Finds Pets by status.

    Multiple status values can be provided with comma separated strings.

    Args:
        status (FindPetsByStatusStatus | Unset):  Default: FindPetsByStatusStatus.AVAILABLE.
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
        Response[list[Pet] | None]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        status=status,
        accept=accept,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


def sync(
    *,
    client: AuthenticatedClient,
    status: FindPetsByStatusStatus | Unset = FindPetsByStatusStatus.AVAILABLE,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> list[Pet] | None:
    """Finds Pets by status.

    Multiple status values can be provided with comma separated strings.

    Args:
        status (FindPetsByStatusStatus | Unset):  Default: FindPetsByStatusStatus.AVAILABLE.
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
        list[Pet] | None
    """

    return sync_detailed(
        client=client,
        status=status,
        accept=accept,
        strict=strict,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: FindPetsByStatusStatus | Unset = FindPetsByStatusStatus.AVAILABLE,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[list[Pet] | None]:
    """Finds Pets by status.

    Multiple status values can be provided with comma separated strings.

    Args:
        status (FindPetsByStatusStatus | Unset):  Default: FindPetsByStatusStatus.AVAILABLE.
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
        Response[list[Pet] | None]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        status=status,
        accept=accept,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: FindPetsByStatusStatus | Unset = FindPetsByStatusStatus.AVAILABLE,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> list[Pet] | None:
    """Finds Pets by status.

    Multiple status values can be provided with comma separated strings.

    Args:
        status (FindPetsByStatusStatus | Unset):  Default: FindPetsByStatusStatus.AVAILABLE.
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
        list[Pet] | None
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            accept=accept,
            strict=strict,
            max_response_size=max_response_size,
        )
    ).parsed
