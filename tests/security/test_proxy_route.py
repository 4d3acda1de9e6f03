"""Credentials and plain-http proxies, decided on the route the bytes really take.

Each case runs in a private network namespace (``unshare -rn``) where 10.99.0.1 is an address of
this namespace's own, not loopback: a "remote" proxy that no packet can leave for.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest

PROXY_HOST = "10.99.0.1"

pytestmark = pytest.mark.skipif(
    shutil.which("unshare") is None
    or shutil.which("ip") is None
    or subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode != 0,
    reason="needs unshare -rn and ip (util-linux, iproute2) for a private network namespace",
)

PRELUDE = f"""
import asyncio, os, socket, threading, httpx
from partner_center_auth import AuthenticatedClient, AsyncTokenProvider, PartnerCenterAuth, TokenProvider, TokenRequest
from partner_center_auth.api.authentication import generate_access_token
from partner_center_auth.errors import InsecureTransport
from partner_center_auth.testing import StandInServer

received = []
listener = socket.create_server(("{PROXY_HOST}", 0))
PROXY = "http://{PROXY_HOST}:%d" % listener.getsockname()[1]
def accept():
    while True:
        connection, _ = listener.accept()
        threading.Thread(target=lambda c=connection: received.append(c.recv(65536)), daemon=True).start()
threading.Thread(target=accept, daemon=True).start()
server = StandInServer().__enter__()
SECRET = "entra-secret-token"
def refused(call):
    try:
        call()
    except InsecureTransport as error:
        assert SECRET not in str(error)
        return
    raise SystemExit("sent: " + call.__name__ if hasattr(call, "__name__") else "sent")
"""


def run_in_namespace(body: str) -> None:
    script = PRELUDE + textwrap.dedent(body) + "\nassert not any(received), received\nprint('ok')\n"
    finished = subprocess.run(
        [
            "unshare",
            "-rn",
            "sh",
            "-c",
            f'ip link set lo up && ip addr add {PROXY_HOST}/32 dev lo && exec "$0" -c "$1"',
            sys.executable,
            script,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 0 and finished.stdout.strip().endswith("ok"), finished.stdout + finished.stderr


def test_an_environment_proxy_is_refused_and_stays_refused_after_no_proxy_is_set() -> None:
    run_in_namespace(
        """
        os.environ["HTTP_PROXY"] = PROXY
        provider = TokenProvider(SECRET, base_url=server.base_url)
        refused(provider.get_token)
        os.environ["NO_PROXY"] = "127.0.0.1,localhost"  # as the refusal advises; the provider's client keeps its route
        refused(provider.get_token)
        provider.close()
        with TokenProvider(SECRET, base_url=server.base_url) as fresh:  # built after NO_PROXY: direct
            assert fresh.get_token().access_token
        """
    )


def test_every_client_kind_is_held_to_the_route() -> None:
    run_in_namespace(
        """
        os.environ["ALL_PROXY"] = PROXY
        client = AuthenticatedClient(base_url=server.base_url, token=SECRET)
        refused(lambda: generate_access_token.sync(client=client, body=TokenRequest()))
        async def from_async():
            async with AuthenticatedClient(base_url=server.base_url, token=SECRET) as client:
                await generate_access_token.asyncio(client=client, body=TokenRequest())
        refused(lambda: asyncio.run(from_async()))
        async def from_async_provider():
            async with AsyncTokenProvider(SECRET, base_url=server.base_url) as provider:
                await provider.get_token()
        refused(lambda: asyncio.run(from_async_provider()))
        del os.environ["ALL_PROXY"]
        # A proxy configured by the caller, on a transport or a client of theirs: the route decides too.
        own = AuthenticatedClient(
            base_url=server.base_url, token=SECRET, httpx_args={"transport": httpx.HTTPTransport(proxy=PROXY)}
        )
        refused(lambda: generate_access_token.sync(client=own, body=TokenRequest()))
        provider = TokenProvider(SECRET, base_url=server.base_url, transport=httpx.HTTPTransport(proxy=PROXY))
        refused(provider.get_token)
        with TokenProvider(SECRET, base_url=server.base_url) as direct, httpx.Client(proxy=PROXY) as http:
            http.auth = PartnerCenterAuth(direct)
            refused(lambda: http.get(server.base_url + "/v1/customers"))
        """
    )


def test_an_https_target_may_go_through_a_plain_proxy() -> None:
    # CONNECT is sent in clear and carries no credentials; the request itself goes inside TLS.
    run_in_namespace(
        """
        os.environ["HTTPS_PROXY"] = PROXY
        client = AuthenticatedClient(base_url="https://partner.test", token=SECRET, total_timeout=2)
        try:
            generate_access_token.sync(client=client, body=TokenRequest())
        except Exception as error:
            assert not isinstance(error, InsecureTransport), error
        assert received and all(chunk.startswith(b"CONNECT partner.test:443") for chunk in received), received
        assert all(SECRET.encode() not in chunk for chunk in received)
        received.clear()
        """
    )


def test_a_socks_proxy_is_a_proxy_too() -> None:
    run_in_namespace(
        """
        socks = PROXY.replace("http://", "socks5://")
        os.environ["ALL_PROXY"] = socks
        provider = TokenProvider(SECRET, base_url=server.base_url)
        refused(provider.get_token)
        async def from_async_provider():
            async with AsyncTokenProvider(SECRET, base_url=server.base_url) as provider:
                await provider.get_token()
        refused(lambda: asyncio.run(from_async_provider()))
        del os.environ["ALL_PROXY"]
        client = AuthenticatedClient(base_url=server.base_url, token=SECRET, httpx_args={"proxy": socks})
        refused(lambda: generate_access_token.sync(client=client, body=TokenRequest()))
        with TokenProvider(SECRET, base_url=server.base_url) as direct, httpx.Client(proxy=socks) as http:
            http.auth = PartnerCenterAuth(direct)
            refused(lambda: http.get(server.base_url + "/v1/customers"))
        """
    )
