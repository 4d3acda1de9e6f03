from typing import Any, Literal, cast

from ... import _operation, _schema
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset

ResponseMediaType = Literal["application/xml", "application/json"]
"""The response media types the spec documents; the first is the default ``Accept``."""

_DOCUMENT_1 = _schema.Document(_schema.Scalar("string"))


def _load_1(data: Any) -> str:
    return cast(str, data)


OPERATION: _operation.Operation[str | None] = _operation.Operation(
    operation_id="login_user",
    method="get",
    path="/user/login",
    parameters=(
        _operation.Parameter("username", "query", "form", True, schema=_schema.Scalar("string")),
        _operation.Parameter("password", "query", "form", True, schema=_schema.Scalar("string")),
    ),
    request_contents=(),
    responses=(
        _operation.DocumentedResponse(
            "200",
            (
                _operation.ResponseContent("application/xml", _DOCUMENT_1, _load_1),
                _operation.ResponseContent("application/json", _DOCUMENT_1, _load_1),
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
    username: str | Unset = UNSET,
    password: str | Unset = UNSET,
    accept: ResponseMediaType = "application/xml",
) -> dict[str, Any]:
    json_username = username
    json_password = password
    return OPERATION.request(
        query={
            "username": json_username,
            "password": json_password,
        },
        accept=accept,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: _operation.Received, strict: bool | None = None
) -> Response[str | None]:
    return OPERATION.build_response(
        response,
        raise_on_unexpected_status=client.raise_on_unexpected_status,
        strict=client.strict if strict is None else strict,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    username: str | Unset = UNSET,
    password: str | Unset = UNSET,
    accept: ResponseMediaType = "application/xml",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[str | None]:
    """Logs user into the system.

    Log into the system.

    Args:
        username (str | Unset):
        password (str | Unset):
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
        Response[str | None]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        username=username,
        password=password,
        accept=accept,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


def sync(
    *,
    client: AuthenticatedClient | Client,
    username: str | Unset = UNSET,
    password: str | Unset = UNSET,
    accept: ResponseMediaType = "application/xml",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> str | None:
    """Logs user into the system.

    Log into the system.

    Args:
        username (str | Unset):
        password (str | Unset):
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
        str | None
    """

    return sync_detailed(
        client=client,
        username=username,
        password=password,
        accept=accept,
        strict=strict,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    username: str | Unset = UNSET,
    password: str | Unset = UNSET,
    accept: ResponseMediaType = "application/xml",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[str | None]:
    """Logs user into the system.

    Log into the system.

    Args:
        username (str | Unset):
        password (str | Unset):
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
        Response[str | None]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        username=username,
        password=password,
        accept=accept,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    username: str | Unset = UNSET,
    password: str | Unset = UNSET,
    accept: ResponseMediaType = "application/xml",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> str | None:
    """Logs user into the system.

    Log into the system.

    Args:
        username (str | Unset):
        password (str | Unset):
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
        str | None
    """

    return (
        await asyncio_detailed(
            client=client,
            username=username,
            password=password,
            accept=accept,
            strict=strict,
            max_response_size=max_response_size,
        )
    ).parsed
