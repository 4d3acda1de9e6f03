import datetime
from typing import Any, Literal

from ... import _compiled, _operation, _schema
from ...client import AuthenticatedClient, Client
from ...models.customer_list import CustomerList
from ...models.problem import Problem
from ...models.status import Status
from ...types import UNSET, Response, Unset

ResponseMediaType = Literal["application/json", "application/xml", "application/problem+json"]
"""The response media types the spec documents; the first is the default ``Accept``."""

_DOCUMENT_1 = _schema.Document(_schema.ModelRef("models.customer_list", "CustomerList"))
_DOCUMENT_2 = _schema.Document(_schema.ModelRef("models.problem", "Problem"))


def _load_1(data: Any) -> CustomerList:
    return _compiled.builder_for(CustomerList)(data)


def _load_2(data: Any) -> Problem:
    return _compiled.builder_for(Problem)(data)


OPERATION: _operation.Operation[CustomerList | Problem] = _operation.Operation(
    operation_id="list_customers",
    method="get",
    path="/v1/customers",
    parameters=(
        _operation.Parameter(
            "status",
            "query",
            "form",
            True,
            schema=_schema.Scalar(
                "string",
                enum=(
                    "active",
                    "suspended",
                ),
            ),
        ),
        _operation.Parameter("tags", "query", "form", True, schema=_schema.ArrayOf(_schema.Scalar("string"))),
        _operation.Parameter("ids", "query", "form", False, schema=_schema.ArrayOf(_schema.Scalar("integer"))),
        _operation.Parameter("since", "query", "form", True, schema=_schema.Scalar("string", format="date-time")),
        _operation.Parameter("day", "query", "form", True, schema=_schema.Scalar("string", format="date")),
        _operation.Parameter("limit", "query", "form", True, schema=_schema.Scalar("integer")),
        _operation.Parameter("verbose", "query", "form", True, schema=_schema.Scalar("boolean")),
        _operation.Parameter(
            "fields", "query", "pipeDelimited", False, schema=_schema.ArrayOf(_schema.Scalar("string"))
        ),
        _operation.Parameter("x-tenant", "header", "simple", False, schema=_schema.Scalar("string")),
        _operation.Parameter("session", "cookie", "form", True, schema=_schema.Scalar("string")),
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
            "default",
            (_operation.ResponseContent("application/problem+json", _DOCUMENT_2, _load_2),),
        ),
    ),
    deprecated=False,
)


def _get_kwargs(
    *,
    status: Status | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    ids: list[int] | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    day: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    verbose: bool | Unset = UNSET,
    fields: list[str] | Unset = UNSET,
    x_tenant: str,
    session: str | Unset = UNSET,
    accept: ResponseMediaType = "application/json",
) -> dict[str, Any]:
    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    json_tags: list[str] | Unset = UNSET
    if not isinstance(tags, Unset):
        json_tags = tags

    json_ids: list[int] | Unset = UNSET
    if not isinstance(ids, Unset):
        json_ids = ids

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    json_day: str | Unset = UNSET
    if not isinstance(day, Unset):
        json_day = day.isoformat()
    json_limit = limit
    json_verbose = verbose
    json_fields: list[str] | Unset = UNSET
    if not isinstance(fields, Unset):
        json_fields = fields

    json_x_tenant = x_tenant
    json_session = session
    return OPERATION.request(
        query={
            "status": json_status,
            "tags": json_tags,
            "ids": json_ids,
            "since": json_since,
            "day": json_day,
            "limit": json_limit,
            "verbose": json_verbose,
            "fields": json_fields,
        },
        headers={
            "x-tenant": json_x_tenant,
        },
        cookies={
            "session": json_session,
        },
        accept=accept,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: _operation.Received, strict: bool | None = None
) -> Response[CustomerList | Problem]:
    return OPERATION.build_response(
        response,
        raise_on_unexpected_status=client.raise_on_unexpected_status,
        strict=client.strict if strict is None else strict,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: Status | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    ids: list[int] | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    day: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    verbose: bool | Unset = UNSET,
    fields: list[str] | Unset = UNSET,
    x_tenant: str,
    session: str | Unset = UNSET,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[CustomerList | Problem]:
    """Args:
        status (Status | Unset):
        tags (list[str] | Unset):
        ids (list[int] | Unset):
        since (datetime.datetime | Unset):
        day (datetime.date | Unset):
        limit (int | Unset):  Default: 50.
        verbose (bool | Unset):
        fields (list[str] | Unset):
        x_tenant (str):
        session (str | Unset):
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
        Response[CustomerList | Problem]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        status=status,
        tags=tags,
        ids=ids,
        since=since,
        day=day,
        limit=limit,
        verbose=verbose,
        fields=fields,
        x_tenant=x_tenant,
        session=session,
        accept=accept,
    )
    response = OPERATION.send(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


def sync(
    *,
    client: AuthenticatedClient | Client,
    status: Status | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    ids: list[int] | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    day: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    verbose: bool | Unset = UNSET,
    fields: list[str] | Unset = UNSET,
    x_tenant: str,
    session: str | Unset = UNSET,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> CustomerList | Problem | None:
    """Args:
        status (Status | Unset):
        tags (list[str] | Unset):
        ids (list[int] | Unset):
        since (datetime.datetime | Unset):
        day (datetime.date | Unset):
        limit (int | Unset):  Default: 50.
        verbose (bool | Unset):
        fields (list[str] | Unset):
        x_tenant (str):
        session (str | Unset):
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
        CustomerList | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        tags=tags,
        ids=ids,
        since=since,
        day=day,
        limit=limit,
        verbose=verbose,
        fields=fields,
        x_tenant=x_tenant,
        session=session,
        accept=accept,
        strict=strict,
        max_response_size=max_response_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: Status | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    ids: list[int] | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    day: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    verbose: bool | Unset = UNSET,
    fields: list[str] | Unset = UNSET,
    x_tenant: str,
    session: str | Unset = UNSET,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> Response[CustomerList | Problem]:
    """Args:
        status (Status | Unset):
        tags (list[str] | Unset):
        ids (list[int] | Unset):
        since (datetime.datetime | Unset):
        day (datetime.date | Unset):
        limit (int | Unset):  Default: 50.
        verbose (bool | Unset):
        fields (list[str] | Unset):
        x_tenant (str):
        session (str | Unset):
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
        Response[CustomerList | Problem]
    """

    OPERATION.warn_if_deprecated()
    kwargs = _get_kwargs(
        status=status,
        tags=tags,
        ids=ids,
        since=since,
        day=day,
        limit=limit,
        verbose=verbose,
        fields=fields,
        x_tenant=x_tenant,
        session=session,
        accept=accept,
    )
    response = await OPERATION.send_async(client, kwargs, max_response_size)
    return _build_response(client=client, response=response, strict=strict)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: Status | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    ids: list[int] | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    day: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    verbose: bool | Unset = UNSET,
    fields: list[str] | Unset = UNSET,
    x_tenant: str,
    session: str | Unset = UNSET,
    accept: ResponseMediaType = "application/json",
    strict: bool | None = None,
    max_response_size: int | None = None,
) -> CustomerList | Problem | None:
    """Args:
        status (Status | Unset):
        tags (list[str] | Unset):
        ids (list[int] | Unset):
        since (datetime.datetime | Unset):
        day (datetime.date | Unset):
        limit (int | Unset):  Default: 50.
        verbose (bool | Unset):
        fields (list[str] | Unset):
        x_tenant (str):
        session (str | Unset):
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
        CustomerList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            tags=tags,
            ids=ids,
            since=since,
            day=day,
            limit=limit,
            verbose=verbose,
            fields=fields,
            x_tenant=x_tenant,
            session=session,
            accept=accept,
            strict=strict,
            max_response_size=max_response_size,
        )
    ).parsed
