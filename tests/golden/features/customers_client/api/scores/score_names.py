from typing import Any, Literal

from ... import _operation, _schema
from ...client import AuthenticatedClient, Client
from ...types import Response

RequestMediaType = Literal["application/json", "application/xml"]
"""The request media types the spec documents; the first is the default."""

ResponseMediaType = Literal["application/json"]
"""The response media types the spec documents; the first is the default ``Accept``."""

_DOCUMENT_1 = _schema.Document(_schema.ArrayOf(_schema.Scalar("string")))
_DOCUMENT_2 = _schema.Document(
    _schema.ArrayOf(_schema.Scalar("string"), item_xml=_schema.Xml("name")), xml=_schema.Xml("names")
)
_DOCUMENT_3 = _schema.Document(_schema.ArrayOf(_schema.Scalar("number")))


def _dump_1(body: list[str]) -> Any:
    data = body

    return data


def _load_1(data: Any) -> list[float]:
    response_200: list[float] = data

    return response_200


OPERATION: _operation.Operation[list[float]] = _operation.Operation(
    operation_id="score_names",
    method="post",
    path="/v1/scores",
    parameters=(),
    request_contents=(
        _operation.RequestContent("application/json", _DOCUMENT_1, _dump_1),
        _operation.RequestContent("application/xml", _DOCUMENT_2, _dump_1),
    ),
    responses=(
        _operation.DocumentedResponse(
            "200",
            (_operation.ResponseContent("application/json", _DOCUMENT_3, _load_1),),
        ),
    ),
    deprecated=False,
)


def _get_kwargs(
    *,
    body: list[str],
    content_type: RequestMediaType = "application/json",
    accept: ResponseMediaType = "application/json",
) -> dict[str, Any]:
    return OPERATION.request(
        body=body,
        content_type=content_type,
        accept=accept,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: _operation.Received, strict: bool | None = None
) -> Response[list[float]]:
    return OPERATION.build_response(
        response,
        raise_on_unexpected_status=client.raise_on_unexpected_status,
        strict=client.strict if strict is None else strict,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[str],
    content_type: RequestMediaType = "application/json",
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[list[float]]:
    """Args:
        body (list[str]): The request body.
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
        Response[list[float]]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        body=body,
        content_type=content_type,
        accept=accept,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: list[str],
    content_type: RequestMediaType = "application/json",
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> list[float] | None:
    """Args:
        body (list[str]): The request body.
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
        list[float]
    """

    return sync_detailed(
        client=client,
        body=body,
        content_type=content_type,
        accept=accept,
        strict=strict,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[str],
    content_type: RequestMediaType = "application/json",
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[list[float]]:
    """Args:
        body (list[str]): The request body.
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
        Response[list[float]]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        body=body,
        content_type=content_type,
        accept=accept,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: list[str],
    content_type: RequestMediaType = "application/json",
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> list[float] | None:
    """Args:
        body (list[str]): The request body.
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
        list[float]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            content_type=content_type,
            accept=accept,
            strict=strict,
            max_response_size=max_response_size,
        )
    ).parsed
