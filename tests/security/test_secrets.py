"""Tokens never reach logs, reprs or error messages, on success and failure paths alike."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import traceback
from pathlib import Path

import httpx
import pytest

from conftest import PROJECT
from partner_center_auth import (
    AuthenticatedClient,
    PartnerCenterAuth,
    PartnerCenterCredential,
    RetryPolicy,
    TokenProvider,
    TokenResponse,
    errors,
)
from partner_center_auth.testing import StandInServer

ENTRA = "entra-SECRET-7f3a"


def test_a_debug_log_of_a_full_flow_holds_no_token(server: StandInServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: ours, httpx's and httpcore's
    texts: list[str] = []
    policy = RetryPolicy(max_attempts=3, backoff=0.01)

    with TokenProvider(ENTRA, base_url=server.base_url, retry=policy, accept="text/xml") as provider:
        server.fail_next(500)
        token = provider.get_token()  # one retry, then success
        texts += [repr(token), str(token), repr(provider), repr(PartnerCenterCredential(provider).get_token())]
        provider.invalidate()
        server.fail_next(401)
        with pytest.raises(errors.NotAuthenticated) as failed:
            provider.get_token()
        texts += [str(failed.value), repr(failed.value), "".join(traceback.format_exception(failed.value))]

        downstream = httpx.MockTransport(lambda request: httpx.Response(401))
        with httpx.Client(auth=PartnerCenterAuth(provider), transport=downstream) as http:
            http.get("https://partner.test/v1/customers")  # 401, refresh, 401 again

    with AuthenticatedClient(base_url=server.base_url, token=ENTRA) as client:
        texts.append(repr(client))

    assert any("attempt 1 failed (status 500)" in record.getMessage() for record in caplog.records)
    assert any("ms-requestid=" in record.getMessage() for record in caplog.records)
    everything = caplog.text + "\n".join(texts)
    for secret in [ENTRA, *server.issued_tokens]:
        assert secret not in everything


def test_reprs_and_errors_of_every_object_hold_no_token(server: StandInServer) -> None:
    from partner_center_auth import TokenRequest, TokenResponse
    from partner_center_auth.api.authentication import generate_access_token

    with AuthenticatedClient(base_url=server.base_url, token=ENTRA) as client:
        detailed = generate_access_token.sync_detailed(client=client, body=TokenRequest(), accept="text/xml")
        access_token = server.issued_tokens[-1]
        texts = [repr(detailed), str(detailed), repr(detailed.parsed), repr(server.requests[-1]), repr(client)]

    broken = httpx.MockTransport(
        lambda request: httpx.Response(
            200,
            json={"access_token": access_token, "expires_in": ["soon"]},
            headers={"Authorization-Echo": ENTRA},
        )
    )
    with AuthenticatedClient(base_url="https://partner.test", token=ENTRA) as client:
        client.set_httpx_client(httpx.Client(base_url="https://partner.test", transport=broken))
        with pytest.raises(errors.ResponseDecodeError) as failed:
            generate_access_token.sync(client=client, body=TokenRequest())
    texts += [str(failed.value), repr(failed.value), "".join(traceback.format_exception(failed.value))]

    assert isinstance(detailed.parsed, TokenResponse)
    assert access_token.encode() in failed.value.content  # kept on the error, for whoever needs it
    for secret in (ENTRA, access_token):
        assert all(secret not in text for text in texts), secret


def test_the_five_leak_paths_show_no_secret_in_logs_messages_or_traceback_locals(
    server: StandInServer, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    """(a) an Entra token with a newline or a control character, (b) a server token with CR/LF,
    (c) a 200 failing the schema, (d) a fault echoing a token, (e) unknown properties: scanned in
    every log record at DEBUG (httpx's and httpcore's too), every message and repr, every
    traceback with its frames' locals, and the CLI's -vv output."""
    access = "access-SECRET-5e1f"
    caplog.set_level(logging.DEBUG)
    texts: list[str] = []

    def failing(transport: httpx.MockTransport, entra: str = ENTRA) -> None:
        with TokenProvider(entra, transport=transport, retry=RetryPolicy(max_attempts=1)) as provider:
            try:
                provider.get_token()
            except errors.PartnerCenterAuthError as error:
                texts.extend([str(error), repr(error)])
                below = error.__traceback__.tb_next if error.__traceback__ else None  # this test's frame left out
                printed = traceback.TracebackException(type(error), error, below, capture_locals=True)
                texts.extend(printed.format())
            else:
                raise AssertionError("the fetch should have failed")

    def answer(status: int, body: dict[str, object]) -> httpx.MockTransport:
        return httpx.MockTransport(lambda request: httpx.Response(status, json=body))

    with TokenProvider(f"{ENTRA}\n", base_url=server.base_url) as provider:  # (a), stripped
        texts.append(repr(provider.get_token()))
    failing(answer(200, {"access_token": access}), entra=f"{ENTRA}\x07")  # (a), refused
    failing(answer(200, {"access_token": f"{access}\r\nX-Injected: 1"}))  # (b)
    failing(answer(200, {"access_token": access, "expires_in": [3600]}))  # (c)
    failing(answer(401, {"code": 401, "description": f"bad token {ENTRA} {access}"}))  # (d)
    texts.append(repr(TokenResponse.from_dict({"access_token": access, "refresh_token": access})))  # (e)
    token_file = tmp_path / "entra.txt"
    token_file.write_text(f"{ENTRA}\n")
    cli = subprocess.run(
        [sys.executable, "-m", "partner_center_auth", "token", "-vv", "--base-url", server.base_url],
        input=token_file.read_text(),
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT / "generated")},
    )
    texts.append(cli.stderr)

    everything = caplog.text + "\n".join(texts)
    assert cli.returncode == 0 and "httpcore" in cli.stderr
    for secret in (ENTRA, access, *server.issued_tokens):
        # Raw response bytes stay on the error (documented); their repr is the one place a
        # captured frame may show them, so the scan ignores `content=b'...'` locals.
        scanned = "\n".join(line for line in everything.splitlines() if "content = b" not in line)
        assert secret not in scanned, secret
