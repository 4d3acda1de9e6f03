"""Which transport a client's request goes through: direct, or by a proxy, as httpx decides it.

A client this package builds runs on the package's transports (``_transport.py``) on every route:
the default one, a ``proxy`` given in its options, and the environment's proxies (``HTTP_PROXY``,
``HTTPS_PROXY``, ``ALL_PROXY``, ``NO_PROXY``), read by httpx's rules once, when the client is built.
Options that choose a transport of httpx's leave the client to httpx. Apart from the transports
because these are httpx's routing rules, written again for transports httpx does not build, and
the same for sync and async ones.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from typing import Any, TypeVar

import httpcore
import httpx

from ._errors import TransportFailure

__all__ = ["core_proxy", "on_package_transports", "routes"]

T = TypeVar("T", httpx.BaseTransport, httpx.AsyncBaseTransport)

# Options that choose a transport of httpx's instead of the package's (an ``httpx.Proxy`` may carry
# headers of its own, which httpcore's proxy takes otherwise).
_HTTPX_TRANSPORTS = frozenset({"transport", "mounts", "cert", "http1", "http2", "uds"})


def on_package_transports(options: dict[str, Any]) -> bool:
    """Whether a client of these ``httpx.Client`` options can run on the package's transports."""
    return not (_HTTPX_TRANSPORTS & options.keys() or isinstance(options.get("proxy"), httpx.Proxy))


def routes(options: dict[str, Any], transport: Callable[..., T]) -> tuple[T, dict[str, T | None]]:
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


def _environment_mounts(through: Callable[[httpx.URL], T]) -> dict[str, T | None]:
    """The environment's proxies as httpx mounts of the package's transport, by httpx's rules.

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
                raise TransportFailure(f"the proxy in {scheme.upper()}_PROXY {problem}: correct or unset it") from None
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


def _proxy_url(value: str) -> httpx.URL:
    url = httpx.URL(value if "://" in value else f"http://{value}")
    if url.scheme not in ("http", "https", "socks5", "socks5h") or not url.host:
        raise ValueError("a proxy URL is http, https, socks5 or socks5h, with a host")  # as httpx refuses it
    return url


def _is_address(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host.split("/")[0])
    except ValueError:
        return False
    return True


def core_proxy(url: httpx.URL, ssl_context: ssl.SSLContext) -> httpcore.Proxy:
    """httpx's reading of a proxy URL, for httpcore's pool (credentials in it become
    ``Proxy-Authorization``)."""
    auth = (url.username, url.password) if url.username or url.password else None
    return httpcore.Proxy(url=str(url.copy_with(username=None, password=None)), auth=auth, ssl_context=ssl_context)
