"""What the token service's answer means to a caller: the token it holds, or the typed error it is.

Apart from the schedule (which only hears "a token" or "an error") and from the providers (which
only send): the one place that turns an answer, an undocumented one, or a transport of yours
raising its own error into this package's errors. No message here quotes a body or a token, and
no frame an error is raised from holds one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .._token import PartnerCenterToken
from ..errors import (
    ApiError,
    PartnerCenterAuthError,
    ResponseDecodeError,
    TransportFailure,
    UnexpectedResponse,
    UnexpectedStatus,
)
from ..models import TokenResponse
from ..types import Response

__all__ = ["status_decides", "token_from", "typed_failures"]


def token_from(response: Response[Any], operation_id: str, sent_at: float, arrived_at: float) -> PartnerCenterToken:
    """The token of an answer (see :meth:`PartnerCenterToken.from_response` for the times), else
    the error the answer is: ResponseDecodeError for a token no caller can use, the ApiError of
    its status for a fault, UnexpectedStatus for an undocumented success."""
    parsed, status = response.parsed, int(response.status_code)
    if isinstance(parsed, TokenResponse):
        try:
            return PartnerCenterToken.from_response(parsed, sent_at, arrived_at)
        except ValueError as error:
            problem = str(error)  # names the problem, never a value
        del parsed  # out of the frame the error is raised from
        raise ResponseDecodeError(
            f"{operation_id} answered {status} with a token no caller can use: {problem}",
            status_code=status,
            headers=response.headers,
            content=response.content,
        )
    if parsed is None and status < 400:
        raise UnexpectedStatus(status_code=status, headers=response.headers, content=response.content)
    # The server's description may echo a token: it stays on `fault`, out of the message and
    # of the frame's locals.
    del parsed
    raise ApiError.class_for(status)(
        f"{operation_id} answered {status}",
        status_code=status,
        headers=response.headers,
        content=response.content,
        fault=response.parsed,
    )


def status_decides(error: UnexpectedResponse, operation_id: str) -> PartnerCenterAuthError:
    """An error answer whose body is not the documented one (a gateway's HTML 401) is still
    the error its status means; the body stays on it."""
    if error.status_code < 400:
        return error
    return ApiError.class_for(error.status_code)(
        f"{operation_id} answered {error.status_code} (with an undocumented body)",
        status_code=error.status_code,
        headers=error.headers,
        content=error.content,
        fault=None,
    )


@contextmanager
def typed_failures(operation_id: str) -> Iterator[None]:
    """This package's errors as they are; anything else (a transport of yours raising its own
    error) a :class:`TransportFailure` whose cause it is."""
    try:
        yield
    except PartnerCenterAuthError:
        raise
    except Exception as error:
        raise TransportFailure(f"{operation_id}: the transport raised {type(error).__name__}") from error
