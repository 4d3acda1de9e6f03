import datetime
from typing import Any, Literal

from ... import _compiled, _operation, _schema
from ...client import AuthenticatedClient, Client
from ...models.filter_ import Filter
from ...models.get_regions_response_200 import GetRegionsResponse200
from ...types import UNSET, Response, Unset

ResponseMediaType = Literal["application/json"]
"""The response media types the spec documents; the first is the default ``Accept``."""

_DOCUMENT_1 = _schema.Document(_schema.ModelRef("models.get_regions_response_200", "GetRegionsResponse200"))


def _load_1(data: Any) -> GetRegionsResponse200:
    return _compiled.builder_for(GetRegionsResponse200)(data)


OPERATION: _operation.Operation[GetRegionsResponse200] = _operation.Operation(
    operation_id="get_regions",
    method="get",
    path="/v1/regions/{codes}/{when}/{label}",
    parameters=(
        _operation.Parameter("codes", "path", "matrix", True, schema=_schema.ArrayOf(_schema.Scalar("string"))),
        _operation.Parameter("when", "path", "simple", False, schema=_schema.Scalar("string", format="date-time")),
        _operation.Parameter("label", "path", "label", False, schema=_schema.Scalar("string")),
        _operation.Parameter(
            "filter", "query", "deepObject", True, schema=_schema.ModelRef("models.filter_", "Filter")
        ),
    ),
    request_contents=(),
    responses=(
        _operation.DocumentedResponse(
            "200",
            (_operation.ResponseContent("application/json", _DOCUMENT_1, _load_1),),
        ),
    ),
    deprecated=False,
)


def _get_kwargs(
    codes: list[str],
    when: datetime.datetime,
    label: str,
    *,
    filter_: Filter | Unset = UNSET,
    accept: ResponseMediaType = "application/json",
) -> dict[str, Any]:
    json_codes = codes

    json_when = when.isoformat()
    json_label = label
    json_filter_: dict[str, Any] | Unset = UNSET
    if not isinstance(filter_, Unset):
        json_filter_ = filter_.to_dict()
    return OPERATION.request(
        path={
            "codes": json_codes,
            "when": json_when,
            "label": json_label,
        },
        query={
            "filter": json_filter_,
        },
        accept=accept,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: _operation.Received, strict: bool | None = None
) -> Response[GetRegionsResponse200]:
    return OPERATION.build_response(
        response,
        raise_on_unexpected_status=client.raise_on_unexpected_status,
        strict=client.strict if strict is None else strict,
    )


def sync_detailed(
    codes: list[str],
    when: datetime.datetime,
    label: str,
    *,
    client: AuthenticatedClient | Client,
    filter_: Filter | Unset = UNSET,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[GetRegionsResponse200]:
    """Args:
        codes (list[str]):
        when (datetime.datetime):
        label (str):
        filter_ (Filter | Unset):
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
        Response[GetRegionsResponse200]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        codes=codes,
        when=when,
        label=label,
        filter_=filter_,
        accept=accept,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


def sync(
    codes: list[str],
    when: datetime.datetime,
    label: str,
    *,
    client: AuthenticatedClient | Client,
    filter_: Filter | Unset = UNSET,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> GetRegionsResponse200 | None:
    """Args:
        codes (list[str]):
        when (datetime.datetime):
        label (str):
        filter_ (Filter | Unset):
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
        GetRegionsResponse200
    """

    return sync_detailed(
        codes=codes,
        when=when,
        label=label,
        client=client,
        filter_=filter_,
        accept=accept,
        strict=strict,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    codes: list[str],
    when: datetime.datetime,
    label: str,
    *,
    client: AuthenticatedClient | Client,
    filter_: Filter | Unset = UNSET,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[GetRegionsResponse200]:
    """Args:
        codes (list[str]):
        when (datetime.datetime):
        label (str):
        filter_ (Filter | Unset):
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
        Response[GetRegionsResponse200]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        codes=codes,
        when=when,
        label=label,
        filter_=filter_,
        accept=accept,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


async def asyncio(
    codes: list[str],
    when: datetime.datetime,
    label: str,
    *,
    client: AuthenticatedClient | Client,
    filter_: Filter | Unset = UNSET,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> GetRegionsResponse200 | None:
    """Args:
        codes (list[str]):
        when (datetime.datetime):
        label (str):
        filter_ (Filter | Unset):
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
        GetRegionsResponse200
    """

    return (
        await asyncio_detailed(
            codes=codes,
            when=when,
            label=label,
            client=client,
            filter_=filter_,
            accept=accept,
            strict=strict,
            max_response_size=max_response_size,
        )
    ).parsed
