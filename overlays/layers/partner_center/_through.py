"""The deprecated ``http_client=`` of the providers: a transport that sends through a caller's client.

``TokenProvider(http_client=...)`` predates ``transport=``; it stays, warning, as an adapter: the
provider owns its client as always, and sends with the transport the caller's client would choose.
Apart from the providers so that the deprecated path, and its one reach into httpx, are in one
place, sync and async side by side as httpx keeps its own transports.
"""

from __future__ import annotations

import httpx

__all__ = ["AsyncThrough", "Through"]


class Through(httpx.BaseTransport):
    """Sends with the transport a caller's ``httpx.Client`` would choose for the URL (its pool,
    proxies and TLS), and with nothing else of it: never with its ``send``, which would keep the
    token server's cookies in its jar and mark it opened (``with client:`` would then fail). Its
    headers, auth, cookies and event hooks are its own; it is never changed, never closed.
    """

    def __init__(self, client: httpx.Client) -> None:
        self._client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._client.is_closed:
            raise httpx.ConnectError("the http_client given is closed", request=request)
        # httpx (the declared 0.27 and 0.28) has no public name for it; called, nothing written.
        transport: httpx.BaseTransport = self._client._transport_for_url(request.url)
        return transport.handle_request(request)


class AsyncThrough(httpx.AsyncBaseTransport):
    """:class:`Through` for an ``httpx.AsyncClient``."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._client.is_closed:
            raise httpx.ConnectError("the http_client given is closed", request=request)
        transport: httpx.AsyncBaseTransport = self._client._transport_for_url(request.url)
        return await transport.handle_async_request(request)
