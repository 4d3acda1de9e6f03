"""Tokens never reach logs, reprs or error messages, on success and failure paths alike."""

from __future__ import annotations

import logging
import traceback

import httpx
import pytest

from partner_center_auth import (
    AuthenticatedClient,
    PartnerCenterAuth,
    PartnerCenterCredential,
    RetryPolicy,
    TokenProvider,
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
            json={"access_token": access_token, "expires_in": "soon"},
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
