"""A sync transport whose every connect, read and write ends by the exchange's deadline.

httpx bounds each read by ``timeout``, not an exchange: a server that drips its status line and
headers a byte at a time resets the read timeout with every byte. :class:`DeadlineTransport` is
httpx's default transport (an httpcore connection pool, as ``httpx.HTTPTransport`` builds it) on a
network backend that cuts every wait to what is left of :data:`EXCHANGE_DEADLINE`, which
:meth:`Operation.send <._operation.Operation.send>` sets around each exchange in the calling
thread. Clients this package builds itself use it; for others, the operation falls back to a
worker thread it waits for until the deadline.
"""

from __future__ import annotations

import ssl
import time
import weakref
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

__all__ = ["EXCHANGE_DEADLINE", "DeadlineTransport", "bounds_exchanges", "deadline_aware_client"]

EXCHANGE_DEADLINE: ContextVar[float | None] = ContextVar("EXCHANGE_DEADLINE", default=None)
"""The ``time.perf_counter()`` by which the exchange in progress in this context must end."""

_BOUNDED: weakref.WeakSet[httpx.Client] = weakref.WeakSet()


def _clipped(timeout: float | None) -> float | None:
    deadline = EXCHANGE_DEADLINE.get()
    if deadline is None:
        return timeout
    left = max(0.001, deadline - time.perf_counter())  # never 0: that is non-blocking
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _clipped(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _clipped(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(self._stream.start_tls(ssl_context, server_hostname, _clipped(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


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


def _httpx_error(error: Exception) -> Exception:
    for core, ours in _ERRORS:
        if isinstance(error, core):
            return ours(str(error))
    return error


class _Body(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._stream
        except Exception as error:
            mapped = _httpx_error(error)
            if mapped is error:
                raise
            raise mapped from error

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


class DeadlineTransport(httpx.BaseTransport):
    """httpx's default HTTP/1.1 transport, every wait of which ends by :data:`EXCHANGE_DEADLINE`."""

    def __init__(self, *, verify: ssl.SSLContext | str | bool = True, trust_env: bool = True) -> None:
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify, trust_env=trust_env),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_Backend(),
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        core = httpcore.Request(
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
        try:
            response = self._pool.handle_request(core)
        except Exception as error:
            mapped = _httpx_error(error)
            if mapped is error:
                raise
            raise mapped from error
        assert isinstance(response.stream, Iterable)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_Body(response.stream),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()


def deadline_aware_client(**options: Any) -> httpx.Client:
    """An ``httpx.Client`` on a :class:`DeadlineTransport`, unless the options or the environment
    choose another transport (``transport``, ``mounts``, ``proxy``, ``cert``, ``http2``, ``limits``,
    proxies from the environment): then httpx's own, and exchanges run on a worker thread."""
    own = not ({"transport", "mounts", "proxy", "cert", "http1", "http2", "limits", "uds"} & options.keys())
    if own and options.get("trust_env", True):
        import urllib.request

        own = not urllib.request.getproxies()
    if not own:
        return httpx.Client(**options)
    transport = DeadlineTransport(verify=options.pop("verify", True), trust_env=options.get("trust_env", True))
    client = httpx.Client(transport=transport, **options)
    _BOUNDED.add(client)
    return client


def bounds_exchanges(client: httpx.Client) -> bool:
    """Whether every exchange of ``client`` ends by :data:`EXCHANGE_DEADLINE` (it was built by
    :func:`deadline_aware_client` on a :class:`DeadlineTransport`)."""
    return client in _BOUNDED
