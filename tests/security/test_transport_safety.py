"""Bearer tokens travel only over TLS (verified by default) or to loopback."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import httpx
import pytest

from partner_center_auth import (
    AuthenticatedClient,
    Client,
    PartnerCenterAuth,
    RetryPolicy,
    TokenProvider,
    TokenRequest,
    errors,
)
from partner_center_auth.api.authentication import generate_access_token
from partner_center_auth.testing import StandInServer


def recording_client(
    base_url: str, sent: list[httpx.Request], allow_insecure_http: bool = False
) -> AuthenticatedClient:
    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"access_token": "a"})

    client = AuthenticatedClient(base_url=base_url, token="secret", allow_insecure_http=allow_insecure_http)
    return client.set_httpx_client(httpx.Client(base_url=base_url, transport=httpx.MockTransport(record)))


@pytest.mark.parametrize("base_url", ["http://api.partnercenter.microsoft.com", "http://10.0.0.8:8080", "http://[::2]"])
def test_plain_http_to_a_remote_host_is_refused_before_sending(base_url: str) -> None:
    sent: list[httpx.Request] = []

    with pytest.raises(errors.InsecureTransport, match="https"):
        generate_access_token.sync(client=recording_client(base_url, sent), body=TokenRequest())

    assert sent == []


@pytest.mark.parametrize(
    "base_url", ["http://127.0.0.1:8080", "http://localhost", "http://[::1]:9", "https://partner.test"]
)
def test_loopback_and_https_are_allowed(base_url: str) -> None:
    sent: list[httpx.Request] = []

    generate_access_token.sync(client=recording_client(base_url, sent), body=TokenRequest())

    assert len(sent) == 1


def test_the_opt_in_allows_plain_http_for_test_setups() -> None:
    sent: list[httpx.Request] = []
    client = recording_client("http://test-rig.internal", sent, allow_insecure_http=True)

    generate_access_token.sync(client=client, body=TokenRequest())

    assert len(sent) == 1


def test_the_provider_and_the_httpx_auth_refuse_plain_http_too(server: StandInServer) -> None:
    with (
        TokenProvider("entra", base_url="http://partner.test", retry=RetryPolicy(max_attempts=1)) as remote,
        pytest.raises(errors.InsecureTransport),
    ):
        remote.get_token()
    with TokenProvider("entra", base_url=server.base_url) as provider:
        auth = PartnerCenterAuth(provider)
        with httpx.Client(auth=auth) as http, pytest.raises(errors.InsecureTransport):
            http.get("http://api.partnercenter.microsoft.com/v1/customers")

    assert server.call_count == 0  # refused before the token was even fetched


@pytest.fixture(scope="module")
def self_signed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    folder = tmp_path_factory.mktemp("tls")
    key, certificate = folder / "key.pem", folder / "cert.pem"
    request = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost"]
    subprocess.run(
        ["openssl", *request, "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(certificate)],
        check=True,
        capture_output=True,
    )
    server = HTTPServer(("127.0.0.1", 0), _Answer)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(Path(certificate), Path(key))
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"https://localhost:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _Answer(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_tls_certificates_are_verified_by_default(self_signed_server: str) -> None:
    with (
        TokenProvider("entra", base_url=self_signed_server, retry=RetryPolicy(max_attempts=1)) as provider,
        pytest.raises(errors.TransportFailure, match="CERTIFICATE_VERIFY_FAILED"),
    ):
        provider.get_token()
    with (
        AuthenticatedClient(base_url=self_signed_server, token="secret") as client,
        pytest.raises(errors.TransportFailure, match="CERTIFICATE_VERIFY_FAILED"),
    ):
        generate_access_token.sync(client=client, body=TokenRequest())


def test_the_unauthenticated_client_sends_no_credentials_so_plain_http_is_allowed() -> None:
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200)

    client = Client(base_url="http://partner.test", httpx_args={"transport": httpx.MockTransport(record)})
    operation = generate_access_token.OPERATION

    response = operation.send(client, operation.request(accept="application/json"))

    assert response.status_code == 200
    assert "authorization" not in sent[0].headers


def test_a_client_given_an_authorization_header_is_refused_on_plain_http_with_a_message_that_says_so() -> None:
    client = Client(base_url="http://partner.test", headers={"Authorization": "Basic c2VjcmV0"})

    with pytest.raises(errors.InsecureTransport, match=r"credentials \(the Authorization header\)"):
        generate_access_token.OPERATION.send(client, generate_access_token.OPERATION.request(accept="application/json"))
