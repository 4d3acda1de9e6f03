"""A sync transport whose every connect, read and write ends by the exchange's deadline.

httpx bounds each read by ``timeout``, not an exchange: a server that drips its status line and
headers a byte at a time resets the read timeout with every byte. :class:`DeadlineTransport` is
httpx's default transport (an httpcore connection pool, as ``httpx.HTTPTransport`` builds it) on a
network backend that cuts every wait to what is left of :data:`EXCHANGE_DEADLINE`, which
:meth:`Operation.send <._operation.Operation.send>` sets around each exchange in the calling
thread. Clients this package builds itself use it, proxies from the environment included (read
when the client is built, as httpx reads them); for others, the operation falls back to a worker
thread it waits for until the deadline.

It also refuses an answer that arrived before its request was written: the leftover of an earlier
answer that ran past its own framing (a body longer than its ``Content-Length``). That connection
is closed, never read again, and the call fails instead of taking another request's answer.
"""

from __future__ import annotations

import ssl
import time
import weakref
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

import httpcore
import httpx

from ._errors import TransportError

__all__ = [
    "EXCHANGE_DEADLINE",
    "AsyncTransport",
    "DeadlineTransport",
    "async_client",
    "bounds_exchanges",
    "deadline_aware_client",
]

EXCHANGE_DEADLINE: ContextVar[float | None] = ContextVar("EXCHANGE_DEADLINE", default=None)
"""The ``time.perf_counter()`` by which the exchange in progress in this context must end."""

_BOUNDED: weakref.WeakSet[httpx.Client] = weakref.WeakSet()

T = TypeVar("T", httpx.BaseTransport, httpx.AsyncBaseTransport)


def _clipped(timeout: float | None) -> float | None:
    deadline = EXCHANGE_DEADLINE.get()
    if deadline is None:
        return timeout
    left = max(0.001, deadline - time.perf_counter())  # never 0: that is non-blocking
    return left if timeout is None else min(timeout, left)


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
        "proxy": None if proxy is None else _core_proxy(proxy, ssl_context),
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


def _core_proxy(url: httpx.URL, ssl_context: ssl.SSLContext) -> httpcore.Proxy:
    """httpx's reading of a proxy URL (credentials in it become ``Proxy-Authorization``)."""
    auth = (url.username, url.password) if url.username or url.password else None
    return httpcore.Proxy(url=str(url.copy_with(username=None, password=None)), auth=auth, ssl_context=ssl_context)


def _proxy_url(value: str) -> httpx.URL:
    url = httpx.URL(value if "://" in value else f"http://{value}")
    if url.scheme not in ("http", "https", "socks5", "socks5h") or not url.host:
        raise ValueError("a proxy URL is http, https, socks5 or socks5h, with a host")  # as httpx refuses it
    return url


def _environment_mounts(through: Callable[[httpx.URL], T]) -> dict[str, T | None]:
    """The environment's proxies as httpx mounts of :class:`DeadlineTransport`, by httpx's rules.

    ``HTTP_PROXY``, ``HTTPS_PROXY`` and ``ALL_PROXY`` route their scheme; each ``NO_PROXY`` entry
    (a host, a domain suffix, an address, a URL; ``*`` for all) goes direct. Read once, here:
    the client keeps this route for its life, as an httpx client does.
    """
    import urllib.request  # (14 ms to import: only for a client that trusts the environment)

    proxies = {scheme.lower(): value for scheme, value in urllib.request.getproxies().items()}
    mounts: dict[str, T | None] = {}
    for scheme in ("http", "https", "all"):
        if proxies.get(scheme):
            try:
                mounts[f"{scheme}://"] = through(_proxy_url(proxies[scheme]))
            except (
                httpx.InvalidURL,
                ValueError,
                LookupError,
                ImportError,
            ) as error:  # never quoted: it may hold a password
                problem = "needs socksio (httpx[socks])" if isinstance(error, ImportError) else "is not a URL"
                raise TransportError(f"the proxy in {scheme.upper()}_PROXY {problem}: correct or unset it") from None
    for host in (entry.strip() for entry in proxies.get("no", "").split(",")):
        if host == "*":
            return {}
        if not host:
            continue
        if "://" in host:
            mounts[host] = None
        elif _is_address(host) or host.lower() == "localhost":
            mounts[f"all://[{host}]" if ":" in host else f"all://{host}"] = None
        else:
            mounts[f"all://*{host}"] = None
    return mounts if any(mounts.values()) else {}


def _is_address(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host.split("/")[0])
    except ValueError:
        return False
    return True


# Options that choose a transport of httpx's instead of the package's (an ``httpx.Proxy`` may carry
# headers of its own, which httpcore's proxy takes otherwise).
_HTTPX_TRANSPORTS = frozenset({"transport", "mounts", "cert", "http1", "http2", "uds"})


def _routes(options: dict[str, Any], transport: Callable[..., T]) -> tuple[T, dict[str, T | None]]:
    """The default transport and the proxy mounts for a client's ``options``, taking from them
    what the transports take (``verify``, ``limits``, ``proxy``)."""
    trust_env = options.get("trust_env", True)
    settings = {"verify": options.pop("verify", True), "trust_env": trust_env, "limits": options.pop("limits", None)}
    proxy = options.pop("proxy", None)

    def through(url: httpx.URL) -> T:
        return transport(proxy=url, **settings)

    if proxy is not None:
        mounts: dict[str, T | None] = {"all://": through(httpx.URL(proxy))}
    else:
        mounts = _environment_mounts(through) if trust_env else {}
    # With transport= given, httpx reads no proxy from the environment: the mounts are the route.
    return transport(**settings), mounts


def _own(options: dict[str, Any]) -> bool:
    return not (_HTTPX_TRANSPORTS & options.keys() or isinstance(options.get("proxy"), httpx.Proxy))


def deadline_aware_client(**options: Any) -> httpx.Client:
    """An ``httpx.Client`` on a :class:`DeadlineTransport` per route (the environment's proxies and a
    ``proxy`` or ``limits`` given in the options included), unless the options choose another
    transport (``transport``, ``mounts``, ``cert``, ``http2``, ``uds``): then httpx's own, and
    exchanges run on a worker thread."""
    from . import _security

    _security.redact_dependency_logs()
    if not _own(options):
        return httpx.Client(**options)
    transport, mounts = _routes(options, DeadlineTransport)
    client = httpx.Client(transport=transport, mounts=mounts, **options)
    _BOUNDED.add(client)
    return client


def async_client(**options: Any) -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` on an :class:`AsyncTransport` per route, as :func:`deadline_aware_client`
    (its exchanges are cancelled at their deadline by the operation)."""
    from . import _security

    _security.redact_dependency_logs()
    if not _own(options):
        return httpx.AsyncClient(**options)
    transport, mounts = _routes(options, AsyncTransport)
    return httpx.AsyncClient(transport=transport, mounts=mounts, **options)


def bounds_exchanges(client: httpx.Client) -> bool:
    """Whether every exchange of ``client`` ends by :data:`EXCHANGE_DEADLINE` (it was built by
    :func:`deadline_aware_client` on a :class:`DeadlineTransport`)."""
    return client in _BOUNDED
