"""The stand-in's service: what it answers to a request, whatever carries the request to it.

    client = httpx.Client(transport=httpx.MockTransport(StandInService()))

:class:`StandInService` is a request -> response function: ``httpx.MockTransport`` calls it
directly, and ``StandInServer`` calls it for each request it reads off a socket, so that both
answer alike. It serves every operation of the spec, reads every documented request media type,
answers in the media type the ``Accept`` header negotiates, and records every request. Sockets,
framing and broken exchanges are the server's (``_server.py``, ``_framing.py``), not its.
"""

from __future__ import annotations

import importlib
import pkgutil
import secrets
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterator, Mapping
from http import HTTPStatus
from typing import Any

import attrs
import httpx
from attrs import frozen

from .. import api, media
from .._operation import Operation
from ..errors import MediaError
from ..models import ApiFault, TokenResponse
from ._negotiation import negotiate
from ._script import Breakage, Scripted

__all__ = ["RecordedRequest", "StandInService"]


@frozen
class RecordedRequest:
    """A request exactly as the stand-in received it (header names lower-cased)."""

    method: str
    path: str
    headers: Mapping[str, str] = attrs.field(repr=False)  # Authorization is among them
    body: bytes = attrs.field(repr=False)


@frozen
class Answer:
    """The answer to one request, framing aside: a server adds ``Content-Length`` and breaks the
    exchange as ``breakage`` says; ``media_type`` is what ``Content-Type`` names."""

    status: int
    media_type: str
    headers: tuple[tuple[str, str], ...]
    content: bytes = attrs.field(repr=False)  # a token, when the answer issues one
    breakage: Breakage | None = None


@frozen
class _Decided:
    status: int
    body: TokenResponse | ApiFault
    headers: Mapping[str, str] = {}
    breakage: Breakage | None = None


def _operations() -> Iterator[Operation[Any]]:
    """Every operation the generated package declares, found the way the generator laid them out."""
    for module_info in pkgutil.walk_packages(api.__path__, f"{api.__name__}."):
        operation = getattr(importlib.import_module(module_info.name), "OPERATION", None)
        if isinstance(operation, Operation):
            yield operation


class StandInService:
    """A Partner Center token service, as a function from ``httpx.Request`` to ``httpx.Response``.

    * no ``Authorization: Bearer ...``            → 401 ApiFault (with ``WWW-Authenticate``)
    * undocumented ``Content-Type``, bad body     → 400 ApiFault
    * an unknown path                             → 404 ApiFault
    * :meth:`fail_next`                           → the given status (and ``Retry-After``), N times
    * otherwise                                   → 200 TokenResponse, after ``delay`` seconds

    Args:
        expires_in: the ``expires_in`` it issues tokens with; a string is sent as a string.
        delay: seconds to wait before answering each call (settable at any time; the wait blocks
            the calling thread, an event loop's too).
        max_recorded: how many of the latest requests :attr:`requests` keeps (bodies up to 1 MiB
            each), so that a long run does not keep every body for ever.
    """

    def __init__(self, *, expires_in: int | str = 3600, delay: float = 0.0, max_recorded: int = 100) -> None:
        self.expires_in = expires_in
        self.delay = delay
        self.requests: deque[RecordedRequest] = deque(maxlen=max_recorded)
        self.issued_tokens: list[str] = []
        self._script: deque[Scripted] = deque()
        self._lock = threading.Lock()
        self._operations = {(operation.method.upper(), operation.path): operation for operation in _operations()}
        self._response_media_types = tuple(
            dict.fromkeys(media_type for op in self._operations.values() for media_type in op.response_media_types)
        )

    @property
    def call_count(self) -> int:
        """How many requests the service has received."""
        with self._lock:
            return len(self.requests)

    def fail_next(self, status: int, times: int = 1, *, retry_after: float | None = None) -> None:
        """Answer the next ``times`` well-formed calls with ``status``, an ApiFault and ``Retry-After``."""
        self.script_next(Scripted(status, retry_after), times)

    def script_next(self, scripted: Scripted, times: int = 1) -> None:
        """Do as ``scripted`` says with the next ``times`` well-formed calls, after what is scripted already."""
        with self._lock:
            self._script.extend([scripted] * times)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        """The answer to ``request``, for ``httpx.MockTransport`` (which has read its body)."""
        answer = self.respond(
            RecordedRequest(
                method=request.method,
                path=request.url.raw_path.decode("ascii"),
                headers=dict(request.headers.multi_items()),  # httpx lower-cases the names
                body=request.content,
            )
        )
        return httpx.Response(answer.status, headers=answer.headers, content=answer.content)

    def respond(self, request: RecordedRequest) -> Answer:
        """The answer to ``request``, recorded (called on a server's threads too)."""
        decided = self._decide(request)
        media_type = self._media_type(request)
        headers = [
            ("Content-Type", f"{media_type}; charset=utf-8"),
            ("MS-CorrelationId", request.headers.get("ms-correlationid") or str(uuid.uuid4())),
            ("MS-RequestId", request.headers.get("ms-requestid") or str(uuid.uuid4())),
            ("MS-CV", secrets.token_hex(8)),
            ("MS-ServerId", "stand-in"),
        ]
        if decided.status == HTTPStatus.UNAUTHORIZED:
            headers.append(("WWW-Authenticate", 'OAuth realm="https://api.partnercenter.microsoft.com"'))
        headers.extend(decided.headers.items())
        content = media.serialize(decided.body, media_type)
        return Answer(decided.status, media_type, tuple(headers), content, decided.breakage)

    def _decide(self, request: RecordedRequest) -> _Decided:
        with self._lock:
            self.requests.append(request)
        if self.delay:
            time.sleep(self.delay)
        operation = self._operations.get((request.method, request.path.partition("?")[0]))
        if operation is None:
            return _fault(HTTPStatus.NOT_FOUND, f"no operation {request.method} {request.path}")
        scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not credentials.strip():
            return _fault(HTTPStatus.UNAUTHORIZED, "a Bearer token is required")
        content_type = request.headers.get("content-type", "")
        try:
            essence = media.MediaType.parse(content_type).essence
        except MediaError:
            essence = None
        if essence not in operation.request_media_types:
            return _fault(HTTPStatus.BAD_REQUEST, f"unsupported Content-Type {content_type!r}")
        try:
            if operation.request_model is not None:
                media.deserialize(operation.request_model, request.body, content_type)
        except MediaError as error:
            return _fault(HTTPStatus.BAD_REQUEST, f"invalid request body: {error}")
        with self._lock:
            scripted = self._script.popleft() if self._script else None
        if scripted is not None and scripted.status is not None:
            fault = _fault(scripted.status, f"the stand-in was told to answer {scripted.status}")
            if scripted.retry_after is None:
                return fault
            return attrs.evolve(fault, headers={"Retry-After": f"{scripted.retry_after:g}"})
        token = f"stand-in-{secrets.token_urlsafe(24)}"
        with self._lock:
            self.issued_tokens.append(token)
        issued = TokenResponse(access_token=token, token_type="bearer", expires_in=self.expires_in)
        return _Decided(HTTPStatus.OK, issued, breakage=scripted.breakage if scripted else None)

    def _media_type(self, request: RecordedRequest) -> str:
        """The documented response media type the ``Accept`` header prefers (JSON if none fits)."""
        operation = self._operations.get((request.method, request.path.partition("?")[0]))
        documented = operation.response_media_types if operation else self._response_media_types
        return negotiate(request.headers.get("accept", "*/*"), documented)

    def __repr__(self) -> str:
        return f"StandInService(expires_in={self.expires_in!r}, delay={self.delay!r})"


def _fault(status: int, description: str) -> _Decided:
    """An ApiFault answer; any status (599 too), standard or not."""
    return _Decided(status, ApiFault(code=int(status) * 10, description=description, data=[], source="StandInServer"))
