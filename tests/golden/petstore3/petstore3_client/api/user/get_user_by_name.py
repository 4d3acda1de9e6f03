from typing import Any, Literal

from ... import _compiled, _operation, _schema
from ...client import AuthenticatedClient, Client
from ...models.user import User
from ...types import Response

ResponseMediaType = Literal["application/json", "application/xml"]
"""The response media types the spec documents; the first is the default ``Accept``."""

_DOCUMENT_1 = _schema.Document(_schema.ModelRef("models.user", "User"))


def _load_1(data: Any) -> User:
    return _compiled.builder_for(User)(data)


OPERATION: _operation.Operation[User | None] = _operation.Operation(
    operation_id="get_user_by_name",
    method="get",
    path="/user/{username}",
    parameters=(_operation.Parameter("username", "path", "simple", False, schema=_schema.Scalar("string")),),
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
    username: str,
    *,
    accept: ResponseMediaType = "application/json",
) -> dict[str, Any]:
    json_username = username
    return OPERATION.request(
        path={
            "username": json_username,
        },
        accept=accept,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: _operation.Received, strict: bool | None = None
) -> Response[User | None]:
    return OPERATION.build_response(
        response,
        raise_on_unexpected_status=client.raise_on_unexpected_status,
        strict=client.strict if strict is None else strict,
    )


def sync_detailed(
    username: str,
    *,
    client: AuthenticatedClient | Client,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[User | None]:
    """Get user by user name.

    Get user detail based on username.

    Args:
        username (str):
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
        Response[User | None]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        username=username,
        accept=accept,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


def sync(
    username: str,
    *,
    client: AuthenticatedClient | Client,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> User | None:
    """Get user by user name.

    Get user detail based on username.

    Args:
        username (str):
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
        User | None
    """

    return sync_detailed(
        username=username,
        client=client,
        accept=accept,
        strict=strict,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    username: str,
    *,
    client: AuthenticatedClient | Client,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[User | None]:
    """Get user by user name.

    Get user detail based on username.

    Args:
        username (str):
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
        Response[User | None]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        username=username,
        accept=accept,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


async def asyncio(
    username: str,
    *,
    client: AuthenticatedClient | Client,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> User | None:
    """Get user by user name.

    Get user detail based on username.

    Args:
        username (str):
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
        User | None
    """

    return (
        await asyncio_detailed(
            username=username,
            client=client,
            accept=accept,
            strict=strict,
            max_response_size=max_response_size,
        )
    ).parsed
