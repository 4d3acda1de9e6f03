"""The package's transports: a sync one whose every connect, read and write ends by the exchange's
deadline, and both refusing an answer that came unasked; and the clients built on them.

httpx bounds each read by ``timeout``, not an exchange: a server that drips its status line and
headers a byte at a time resets the read timeout with every byte. :class:`DeadlineTransport` is
httpx's default transport (an httpcore connection pool, as ``httpx.HTTPTransport`` builds it) on a
network backend that cuts every wait to what is left of ``EXCHANGE_DEADLINE`` (``_deadline.py``),
which the sync send (``_exchange.py``) sets around each exchange in the calling thread. Clients
this package builds itself use it on every route, proxies included (``_routes.py``); for others,
a watchdog thread shuts an exchange's sockets down at its deadline (``_watchdog.py``).

It also refuses an answer that arrived before its request was written: the leftover of an earlier
answer that ran past its own framing (a body longer than its ``Content-Length``). That connection
is closed, never read again, and the call fails instead of taking another request's answer.
"""

from __future__ import annotations

import ssl
import weakref
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

from ._deadline import EXCHANGE_DEADLINE, cut
from ._routes import core_proxy, on_package_transports, routes

__all__ = ["async_client", "bounds_exchanges", "deadline_aware_client", "watchable"]

_BOUNDED: weakref.WeakSet[httpx.Client] = weakref.WeakSet()


def _clipped(timeout: float | None) -> float | None:
    return cut(timeout, EXCHANGE_DEADLINE.get())


class _Framing:
    """What a stream wrapper tracks of HTTP/1.1 framing, sync and async alike."""

    # Whether anything was read since the last write: an answer parsed without a read after its
    # request was written was already buffered, left over from an earlier answer.
    read_since_write = True
    # A connection whose framing was violated: httpcore takes it for closed by the server, and drops it.
    poisoned = False

    def _extra(self, stream: httpcore.NetworkStream | httpcore.AsyncNetworkStream, info: str) -> Any:
        return True if info == "is_readable" and self.poisoned else stream.get_extra_info(info)


_UNASKED = (
    "the server's answer was there before the request was sent: an earlier answer overran its framing "
    "(a body longer than its Content-Length); the connection is closed"
)


def _answered_unasked(response: httpcore.Response) -> bool:
    """Whether ``response`` was parsed from bytes that arrived before its request was written."""
    stream = response.extensions.get("network_stream")
    if isinstance(stream, _Framing) and not stream.read_since_write:
        stream.poisoned = True
        return True
    return False


class _Stream(_Framing, httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        self.read_since_write = True
        return self._stream.read(max_bytes, _clipped(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.read_since_write = False
        self._stream.write(buffer, _clipped(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(self._stream.start_tls(ssl_context, server_hostname, _clipped(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._extra(self._stream, info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._backend = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(host, port, _clipped(timeout), local_address, socket_options)
        return _Stream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(self._backend.connect_unix_socket(path, _clipped(timeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


# httpcore's errors as httpx names them (what httpx.HTTPTransport does, with its private helper).
_ERRORS: tuple[tuple[type[Exception], type[httpx.TransportError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextmanager
def _as_httpx_errors() -> Iterator[None]:
    """httpcore's errors raised as httpx's, with httpcore's as the cause (as httpx's transports do)."""
    try:
        yield
    except Exception as error:
        for core, ours in _ERRORS:
            if isinstance(error, core):
                raise ours(str(error)) from error
        raise


def _pool_options(
    verify: ssl.SSLContext | str | bool, trust_env: bool, proxy: httpx.URL | None, limits: httpx.Limits | None
) -> dict[str, Any]:
    """httpcore's connection pool as ``httpx.HTTPTransport`` configures it, sync or async."""
    limits = limits or httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0)
    ssl_context = httpx.create_ssl_context(verify=verify, trust_env=trust_env)
    return {
        "proxy": None if proxy is None else core_proxy(proxy, ssl_context),
        "ssl_context": ssl_context,
        "max_connections": limits.max_connections,
        "max_keepalive_connections": limits.max_keepalive_connections,
        "keepalive_expiry": limits.keepalive_expiry,
    }


class _Body(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        with _as_httpx_errors():
            yield from self._stream

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


class DeadlineTransport(httpx.BaseTransport):
    """httpx's default HTTP/1.1 transport, every wait of which ends by :data:`EXCHANGE_DEADLINE`."""

    def __init__(
        self,
        *,
        verify: ssl.SSLContext | str | bool = True,
        trust_env: bool = True,
        proxy: httpx.URL | None = None,
        limits: httpx.Limits | None = None,
    ) -> None:
        self._pool = httpcore.ConnectionPool(
            **_pool_options(verify, trust_env, proxy, limits), network_backend=_Backend()
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        with _as_httpx_errors():
            response = self._pool.handle_request(_core_request(request))
        assert isinstance(response.stream, Iterable)
        if _answered_unasked(response):
            response.close()
            raise httpx.RemoteProtocolError(_UNASKED)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_Body(response.stream),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()


class _AsyncStream(_Framing, httpcore.AsyncNetworkStream):
    """:class:`_Stream` for async clients: framing only (the operation cancels at the deadline)."""

    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        self.read_since_write = True
        return await self._stream.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.read_since_write = False
        await self._stream.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        return _AsyncStream(await self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._extra(self._stream, info)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self) -> None:
        self._backend = httpcore.AnyIOBackend()  # asyncio and trio alike, as httpx's own

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return _AsyncStream(await self._backend.connect_tcp(host, port, timeout, local_address, socket_options))

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        return _AsyncStream(await self._backend.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


class _AsyncBody(httpx.AsyncByteStream):
    def __init__(self, stream: AsyncIterable[bytes]) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _as_httpx_errors():
            async for chunk in self._stream:
                yield chunk

    async def aclose(self) -> None:
        aclose = getattr(self._stream, "aclose", None)
        if aclose is not None:
            await aclose()


class AsyncTransport(httpx.AsyncBaseTransport):
    """httpx's default async HTTP/1.1 transport, refusing an answer that came unasked (see the top)."""

    def __init__(
        self,
        *,
        verify: ssl.SSLContext | str | bool = True,
        trust_env: bool = True,
        proxy: httpx.URL | None = None,
        limits: httpx.Limits | None = None,
    ) -> None:
        self._pool = httpcore.AsyncConnectionPool(
            **_pool_options(verify, trust_env, proxy, limits), network_backend=_AsyncBackend()
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.AsyncByteStream)
        with _as_httpx_errors():
            response = await self._pool.handle_async_request(_core_request(request))
        assert isinstance(response.stream, AsyncIterable)
        if _answered_unasked(response):
            await response.aclose()
            raise httpx.RemoteProtocolError(_UNASKED)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_AsyncBody(response.stream),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        await self._pool.aclose()


def _core_request(request: httpx.Request) -> httpcore.Request:
    """httpx's request as httpcore takes it (what httpx's own transports do)."""
    return httpcore.Request(
        method=request.method,
        url=httpcore.URL(
            scheme=request.url.raw_scheme,
            host=request.url.raw_host,
            port=request.url.port,
            target=request.url.raw_path,
        ),
        headers=request.headers.raw,
        content=request.stream,
        extensions=request.extensions,
    )


def deadline_aware_client(**options: Any) -> httpx.Client:
    """An ``httpx.Client`` on a :class:`DeadlineTransport` per route (the environment's proxies and a
    ``proxy`` or ``limits`` given in the options included), unless the options choose another
    transport (``transport``, ``mounts``, ``cert``, ``http2``, ``uds``): then httpx's own, and
    exchanges are watched (``_watchdog.py``)."""
    from . import _security

    _security.redact_dependency_logs()
    if not on_package_transports(options):
        client = httpx.Client(**options)
        if _watchable(options):
            _WATCHABLE.add(client)
        return client
    transport, mounts = routes(options, DeadlineTransport)
    client = httpx.Client(transport=transport, mounts=mounts, **options)
    _BOUNDED.add(client)
    return client


def _watchable(options: Mapping[str, Any]) -> bool:
    """Whether httpx's own transport carries every exchange of a client made with ``options``, as
    httpcore's ``trace`` extension shows the sockets it opens (or, in memory, there are none): a
    transport of another type, or an auth flow other than httpx's own, may send another request
    than the one given, without the trace (a wrapper that rebuilds the request, a flow that fetches
    a token first), so the sockets it opens could not be ended."""
    transport = options.get("transport")
    auth = options.get("auth")
    return (
        not options.get("mounts")
        and (transport is None or type(transport) in _WATCHABLE_TRANSPORTS)
        # An auth flow of the caller's may yield a request of its own making, as a wrapper may.
        and (auth is None or isinstance(auth, tuple) or type(auth) in _WATCHABLE_AUTHS)
    )


_WATCHABLE_TRANSPORTS = (httpx.HTTPTransport, httpx.MockTransport)
_WATCHABLE_AUTHS = (httpx.BasicAuth, httpx.DigestAuth, httpx.NetRCAuth)
"""httpx's own flows, which send the request they were given (a header added)."""
_WATCHABLE: weakref.WeakSet[httpx.Client] = weakref.WeakSet()


def async_client(**options: Any) -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` on an :class:`AsyncTransport` per route, as :func:`deadline_aware_client`
    (its exchanges are cancelled at their deadline by the operation)."""
    from . import _security

    _security.redact_dependency_logs()
    if not on_package_transports(options):
        return httpx.AsyncClient(**options)
    transport, mounts = routes(options, AsyncTransport)
    return httpx.AsyncClient(transport=transport, mounts=mounts, **options)


def bounds_exchanges(client: httpx.Client) -> bool:
    """Whether every exchange of ``client`` ends by :data:`EXCHANGE_DEADLINE` (it was built by
    :func:`deadline_aware_client` on a :class:`DeadlineTransport`)."""
    return client in _BOUNDED


def watchable(client: httpx.Client) -> bool:
    """Whether an exchange of ``client`` can be ended at its deadline from another thread (built by
    :func:`deadline_aware_client` on httpx's own transport, see :func:`_watchable`)."""
    return client in _WATCHABLE
