"""``httpx.Auth`` for downstream Partner Center calls, with any httpx client.

    provider = TokenProvider(entra_id_token)
    with httpx.Client(base_url="https://api.partnercenter.microsoft.com", auth=PartnerCenterAuth(provider)) as http:
        http.get("/v1/customers")

Each request gets ``Authorization: Bearer <Partner Center token>``. On a 401 the token is
invalidated and the request is sent once more with a fresh one. Plain ``http://`` to a host that
is not loopback is refused (errors.InsecureTransport) unless ``allow_insecure_http=True``.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Generator
from typing import TYPE_CHECKING

import httpx

from ._provider import TokenProvider
from ._security import credential_value, refuse_insecure_bearer

if TYPE_CHECKING:
    from .aio._provider import AsyncTokenProvider

__all__ = ["PartnerCenterAuth"]


class PartnerCenterAuth(httpx.Auth):
    """Bearer auth from a :class:`TokenProvider` (sync clients) or :class:`AsyncTokenProvider` (async)."""

    def __init__(self, provider: TokenProvider | AsyncTokenProvider, *, allow_insecure_http: bool = False) -> None:
        self.provider = provider
        self.allow_insecure_http = allow_insecure_http

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if not isinstance(self.provider, TokenProvider):
            raise TypeError("PartnerCenterAuth needs a TokenProvider for a sync httpx.Client")
        refuse_insecure_bearer(request, self.allow_insecure_http)
        token = self.provider.get_token()
        request.headers["Authorization"] = credential_value("Bearer", token.access_token)
        response = yield request
        if response.status_code == 401:
            self.provider.invalidate(token)
            request.headers["Authorization"] = credential_value("Bearer", self.provider.get_token().access_token)
            yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        from .aio._provider import AsyncTokenProvider  # here: sync users never load asyncio

        if not isinstance(self.provider, AsyncTokenProvider):
            raise TypeError("PartnerCenterAuth needs an AsyncTokenProvider for an httpx.AsyncClient")
        refuse_insecure_bearer(request, self.allow_insecure_http, asynchronous=True)
        token = await self.provider.get_token()
        request.headers["Authorization"] = credential_value("Bearer", token.access_token)
        response = yield request
        if response.status_code == 401:
            self.provider.invalidate(token)
            request.headers["Authorization"] = credential_value(
                "Bearer", (await self.provider.get_token()).access_token
            )
            yield request

    def __repr__(self) -> str:
        return f"PartnerCenterAuth({self.provider!r})"
