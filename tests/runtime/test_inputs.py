"""What callers hand the package: base URLs, their own httpx clients, and what clients send the stand-in."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

import partner_center_auth
from partner_center_auth import AsyncTokenProvider, AuthenticatedClient, Client, RetryPolicy, TokenProvider, errors
from partner_center_auth.testing import MAX_REQUEST_BYTES, StandInServer

ENTRA = "entra-SECRET-5e1f"
NO_RETRY = RetryPolicy(max_attempts=1)
PACKAGE_ROOT = str(Path(partner_center_auth.__file__).resolve().parent.parent)

# 1. Base URLs that httpx, idna or the resolver cannot use: one typed error, at construction -------

MALFORMED = [
    "https://" + "a" * 300 + ".example",  # a label past 63 characters
    "https://" + "a" * 64 + ".example",
    "https://" + ".".join(["abcdefghi"] * 30),  # a name past 253 characters
    "https://xn--zz",  # an A-label that does not decode
    "https://xn--ls8h.example",  # an A-label of a code point IDNA 2008 refuses
    "https://a..example",  # an empty label
    "https://.example",
    "http://[::1",  # an IPv6 literal left open
    "http://[::g]/",
    "http://a\x00b.example",  # a NUL byte
    "http://a\x85b.example",
    "http://a b.example",  # a space, which httpx percent-encodes into the host
    "http://a%41.example",
    "http://a*b.example",
    "http://999.1.1.1",
    "http://1.2.3",  # numeric, yet no IPv4 address
    "http://0x7f.1",  # 127.0.0.1 to inet_aton, a name to httpx
    "http://2130706433",
    "http://example.0x",
    "http://127.0.0.1:99999",  # a port past 65535
    "http://127.0.0.1:0",
    "http://127.0.0.1:x",
    "http://",
    "",
    "not a url",
    "/v3/generatetoken",
    "https://user:hunter2-SECRET@xn--zz",  # never quoted: user information may hold a password
]

USABLE = [
    "https://api.partnercenter.microsoft.com",
    "https://api.partnercenter.microsoft.com.",
    "http://127.0.0.1:8080/base/",
    "http://[::1]:8080",
    "http://localhost",
    "https://xn--r8jz45g.example",  # an A-label that decodes
    "https://例え.example",  # an internationalized name, IDNA-encoded by httpx
    "https://my_service.internal:443",
    "https://1e100.example",
    "https://a.b.0x7g",
]


def _made(kind: str, base_url: object) -> Callable[[], object]:
    makers: dict[str, Callable[[], object]] = {
        "Client": lambda: Client(base_url=base_url),  # type: ignore[arg-type]
        "AuthenticatedClient": lambda: AuthenticatedClient(base_url=base_url, token=ENTRA),  # type: ignore[arg-type]
        "TokenProvider": lambda: TokenProvider(ENTRA, base_url=base_url),  # type: ignore[arg-type]
        "AsyncTokenProvider": lambda: AsyncTokenProvider(ENTRA, base_url=base_url),  # type: ignore[arg-type]
    }
    return makers[kind]


KINDS = ["Client", "AuthenticatedClient", "TokenProvider", "AsyncTokenProvider"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("base_url", MALFORMED)
def test_a_malformed_base_url_is_one_typed_error_at_construction(kind: str, base_url: str) -> None:
    with pytest.raises(errors.InvalidBaseURL) as refused:
        _made(kind, base_url)()

    assert isinstance(refused.value, errors.PartnerCenterAuthError)
    assert isinstance(refused.value, ValueError)
    message = str(refused.value)
    assert message.startswith("the base URL ")
    assert "SECRET" not in message and (len(base_url) < 8 or base_url not in message)
    assert "\n" not in message and "\x00" not in message


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("base_url", [None, b"https://api.partnercenter.microsoft.com", 443])
def test_a_base_url_that_is_not_a_string_is_the_same_typed_error(kind: str, base_url: object) -> None:
    with pytest.raises(errors.InvalidBaseURL, match="not a str"):
        _made(kind, base_url)()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("base_url", USABLE)
def test_usable_base_urls_are_accepted(kind: str, base_url: str) -> None:
    made = _made(kind, base_url)()

    if isinstance(made, TokenProvider):
        made.close()


def test_an_httpx_url_is_a_base_url_too(server: StandInServer) -> None:
    with AuthenticatedClient(base_url=httpx.URL(server.base_url), token=ENTRA) as client:  # type: ignore[arg-type]
        assert client.get_httpx_client().base_url.port == httpx.URL(server.base_url).port
    with pytest.raises(errors.InvalidBaseURL):
        AuthenticatedClient(base_url=httpx.URL("https://xn--zz"), token=ENTRA)  # type: ignore[arg-type]


# 2. A caller's httpx client is never changed, in any way --------------------------------------------


class _CookieSetter(BaseHTTPRequestHandler):
    """Answers every request with a token and a Set-Cookie, as a gateway in front of the service may."""

    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length") or 0))
        body = json.dumps({"access_token": "access-81ab", "token_type": "bearer", "expires_in": 3600}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Set-Cookie", "session=from-the-token-server; Path=/")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def cookie_server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _CookieSetter)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def _state(client: httpx.Client | httpx.AsyncClient) -> tuple[object, ...]:
    return (
        dict(client.cookies),
        dict(client.headers),
        str(client.base_url),
        client.auth,
        client.timeout,
        client.is_closed,
        client.follow_redirects,
        {name: list(hooks) for name, hooks in client.event_hooks.items()},
    )


def test_a_callers_http_client_keeps_no_cookie_and_can_still_be_opened(cookie_server: str) -> None:
    shared = httpx.Client(headers={"X-App": "mine"})
    before = _state(shared)
    with pytest.warns(DeprecationWarning):
        provider = TokenProvider(ENTRA, base_url=cookie_server, http_client=shared, retry=NO_RETRY)
    with provider:
        assert provider.get_token().access_token == "access-81ab"
        provider.invalidate()
        assert provider.get_token().access_token == "access-81ab"

    assert _state(shared) == before
    assert dict(shared.cookies) == {}
    with shared:  # never marked opened by the provider: the caller's own `with` still works
        assert shared.post(f"{cookie_server}/theirs").status_code == 200
    assert dict(shared.cookies) == {"session": "from-the-token-server"}  # its own requests keep theirs


def test_a_callers_async_http_client_keeps_no_cookie(cookie_server: str) -> None:
    async def main() -> tuple[object, ...]:
        shared = httpx.AsyncClient()
        before = _state(shared)
        with pytest.warns(DeprecationWarning):
            provider = AsyncTokenProvider(ENTRA, base_url=cookie_server, http_client=shared, retry=NO_RETRY)
        async with provider:
            assert (await provider.get_token()).access_token == "access-81ab"
        assert _state(shared) == before
        async with shared:
            pass
        return before

    asyncio.run(main())


def test_a_client_set_with_set_httpx_client_changes_only_as_its_docstring_says(cookie_server: str) -> None:
    from partner_center_auth import TokenRequest
    from partner_center_auth.api.authentication import generate_access_token

    theirs = httpx.Client(base_url=cookie_server, headers={"Authorization": f"Bearer {ENTRA}"})
    before = _state(theirs)
    client = AuthenticatedClient(base_url=cookie_server, token=ENTRA).set_httpx_client(theirs)

    generate_access_token.sync(client=client, body=TokenRequest())

    # Requests are built and sent by it, as its own: the server's cookie lands in its jar, and
    # nothing else of it changes.
    assert dict(theirs.cookies) == {"session": "from-the-token-server"}
    assert _state(theirs)[1:] == before[1:]
    theirs.close()


def test_a_closed_http_client_is_a_typed_transport_error(cookie_server: str) -> None:
    shared = httpx.Client()
    shared.close()
    with pytest.warns(DeprecationWarning):
        provider = TokenProvider(ENTRA, base_url=cookie_server, http_client=shared, retry=NO_RETRY)
    with provider, pytest.raises(errors.TransportFailure, match="closed"):
        provider.get_token()


def test_the_with_methods_change_nothing_on_a_client_the_caller_set(server: StandInServer) -> None:
    theirs = httpx.Client(base_url=server.base_url)
    before = _state(theirs)
    client = AuthenticatedClient(base_url=server.base_url, token=ENTRA).set_httpx_client(theirs)

    with_more = client.with_headers({"X-More": "1"}).with_cookies({"c": "1"}).with_timeout(httpx.Timeout(1.0))

    assert _state(theirs) == before
    assert client.get_httpx_client() is theirs
    assert with_more.get_httpx_client() is not theirs
    assert with_more.get_httpx_client().headers["X-More"] == "1"
    theirs.close()
    with_more.get_httpx_client().close()


# 3. The stand-in holds its limits against any request framing ---------------------------------------

HEAD = (
    b"POST /v3/generatetoken HTTP/1.1\r\nHost: stand-in\r\nAuthorization: Bearer t\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\n"
)
BODY = b"grant_type=jwt_token"
NEXT = HEAD + b"Content-Length: 20\r\n\r\n" + BODY  # a well-formed request pipelined after the bad one

REFUSED = {
    "chunk size -1": (HEAD + b"Transfer-Encoding: chunked\r\n\r\n-1\r\n" + b"x" * 4096, 400),
    "chunk size +14": (HEAD + b"Transfer-Encoding: chunked\r\n\r\n+14\r\n" + BODY + b"\r\n0\r\n\r\n", 400),
    "chunk size 0x14": (HEAD + b"Transfer-Encoding: chunked\r\n\r\n0x14\r\n" + BODY + b"\r\n0\r\n\r\n", 400),
    "chunk size 1_4": (HEAD + b"Transfer-Encoding: chunked\r\n\r\n1_4\r\n" + BODY + b"\r\n0\r\n\r\n", 400),
    "chunk size spaced": (HEAD + b"Transfer-Encoding: chunked\r\n\r\n 14\r\n" + BODY + b"\r\n0\r\n\r\n", 400),
    "huge chunk size": (HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + b"f" * 40 + b"\r\n", 413),
    "chunk past the limit": (HEAD + b"Transfer-Encoding: chunked\r\n\r\n%x\r\n" % (MAX_REQUEST_BYTES + 1), 413),
    "chunks past the limit": (
        HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + (b"%x\r\n" % (512 * 1024) + b"x" * 512 * 1024 + b"\r\n") * 3,
        413,
    ),
    "chunk extension past a line": (
        HEAD + b"Transfer-Encoding: chunked\r\n\r\n14;x=" + b"a" * 8192 + b"\r\n" + BODY + b"\r\n0\r\n\r\n",
        400,
    ),
    "chunk extension with a bare CR": (
        HEAD + b"Transfer-Encoding: chunked\r\n\r\n14;x\r=1\r\n" + BODY + b"\r\n0\r\n\r\n",
        400,
    ),
    "no CRLF after the data": (HEAD + b"Transfer-Encoding: chunked\r\n\r\n14\r\n" + BODY + b"XX0\r\n\r\n", 400),
    "LF alone after the size": (HEAD + b"Transfer-Encoding: chunked\r\n\r\n14\n" + BODY + b"\r\n0\r\n\r\n", 400),
    "no end of trailer": (HEAD + b"Transfer-Encoding: chunked\r\n\r\n0\r\nX-T: 1\r\n" + b"X" * 70_000, 400),
    "Content-Length and Transfer-Encoding": (
        HEAD + b"Content-Length: 20\r\nTransfer-Encoding: chunked\r\n\r\n14\r\n" + BODY + b"\r\n0\r\n\r\n",
        400,
    ),
    "chunked not last": (HEAD + b"Transfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n", 400),
    "chunked twice": (HEAD + b"Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
    "a coding not implemented": (HEAD + b"Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501),
    "an empty coding": (HEAD + b"Transfer-Encoding: \r\nContent-Length: 20\r\n\r\n" + BODY, 400),
    "negative Content-Length": (HEAD + b"Content-Length: -1\r\n\r\n" + BODY, 400),
    "signed Content-Length": (HEAD + b"Content-Length: +20\r\n\r\n" + BODY, 400),
    "repeated Content-Length": (HEAD + b"Content-Length: 20\r\nContent-Length: 20\r\n\r\n" + BODY, 400),
    "Content-Length list": (HEAD + b"Content-Length: 20, 20\r\n\r\n" + BODY, 400),
    "Content-Length in other digits": (HEAD + "Content-Length: ٢٠\r\n\r\n".encode() + BODY, 400),
    "Content-Length of 5000 digits": (HEAD + b"Content-Length: " + b"9" * 5000 + b"\r\n\r\n", 413),
    "Content-Length past the limit": (HEAD + b"Content-Length: %d\r\n\r\n" % (MAX_REQUEST_BYTES + 1), 413),
    "header section past its limit": (HEAD + b"".join(b"X-%d: %s\r\n" % (i, b"a" * 1000) for i in range(90)), 431),
}


def _exchange(base_url: str, data: bytes) -> tuple[bytes, bool]:
    """Send ``data`` then a well-formed request; the answers, and whether the stand-in closed."""
    host, port = base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        try:
            connection.sendall(data + NEXT)
            connection.shutdown(socket.SHUT_WR)
        except OSError:  # refused while still sending: the answer is read below all the same
            pass
        received = b""
        try:
            while chunk := connection.recv(65536):
                received += chunk
        except TimeoutError:
            return received, False
        except OSError:  # reset: closed too
            pass
    return received, True


@pytest.mark.parametrize("case", REFUSED)
def test_the_stand_in_refuses_bad_framing_and_closes_the_connection(server: StandInServer, case: str) -> None:
    data, status = REFUSED[case]

    received, closed = _exchange(server.base_url, data)

    assert received.startswith(b"HTTP/1.1 %d " % status), received[:80]
    assert received.count(b"HTTP/1.1 ") == 1  # the pipelined request is never read as one
    assert closed
    assert server.call_count == 0


@pytest.mark.parametrize(
    "data",
    [
        HEAD + b'Transfer-Encoding: chunked\r\n\r\n14 ;ext=1;b="q"\r\n' + BODY + b"\r\n0\r\nX-Trailer: 1\r\n\r\n",
        HEAD + b"Transfer-Encoding: Chunked\r\n\r\n0000a\r\ngrant_type\r\na\r\n=jwt_token\r\n0\r\n\r\n",
        HEAD + b"Content-Length:  20 \r\n\r\n" + BODY,
    ],
)
def test_well_framed_requests_are_still_read_and_the_connection_kept(server: StandInServer, data: bytes) -> None:
    host, port = server.base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(data + NEXT)
        received = b""
        while received.count(b"HTTP/1.1 200 ") < 2:
            chunk = connection.recv(65536)
            assert chunk, received
            received += chunk

    assert [request.body for request in server.requests] == [BODY, BODY]


def _peak_rss(pid: int) -> int:
    """The peak resident memory of a process, in bytes (VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmHWM")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_the_stand_ins_memory_stays_bounded_whatever_the_framing() -> None:
    code = (
        "import sys\nfrom partner_center_auth.testing import StandInServer\n"
        "server = StandInServer().start()\nprint(server.base_url, flush=True)\nsys.stdin.read()\n"
    )
    environment = {**os.environ, "PYTHONPATH": PACKAGE_ROOT}
    with subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=environment
    ) as serving:
        assert serving.stdout is not None and serving.stdin is not None
        base_url = serving.stdout.readline().decode().strip()
        _exchange(base_url, NEXT)  # warmed up: every module loaded, one request served
        before = _peak_rss(serving.pid)
        flood = b"x" * (64 * 1024 * 1024)
        for head in (
            HEAD + b"Transfer-Encoding: chunked\r\n\r\n-1\r\n",  # read to the end of the connection, once
            HEAD + b"Transfer-Encoding: chunked\r\n\r\n14;",  # an extension that never ends
            HEAD + b"X-Endless: ",  # a header that never ends
            HEAD + b"Content-Length: 20\r\nTransfer-Encoding: chunked\r\n\r\n",
        ):
            started = time.monotonic()
            _exchange(base_url, head + flood)
            assert time.monotonic() - started < 30
        grown = _peak_rss(serving.pid) - before
        serving.stdin.close()
        serving.wait(timeout=30)

    assert grown < 16 * 1024 * 1024, f"the stand-in grew by {grown / 2**20:.0f} MiB"
