"""PartnerCenterAuth on downstream httpx clients, and the TokenCredential protocol."""

from __future__ import annotations

import os
import subprocess
import sys

import httpx
import pytest

from conftest import PROJECT
from partner_center_auth import (
    AsyncTokenProvider,
    PartnerCenterAuth,
    PartnerCenterCredential,
    TokenProvider,
)
from partner_center_auth.testing import StandInServer


def downstream(server: StandInServer, seen: list[str]) -> httpx.MockTransport:
    """A Partner Center API that accepts only the newest token the stand-in issued."""

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["authorization"])
        if request.headers["authorization"] != f"Bearer {server.issued_tokens[-1]}":
            return httpx.Response(401)
        return httpx.Response(200, json={"customers": []})

    return httpx.MockTransport(handle)


def test_requests_carry_the_partner_center_token(server: StandInServer) -> None:
    seen: list[str] = []
    with (
        TokenProvider("entra", base_url=server.base_url) as provider,
        httpx.Client(auth=PartnerCenterAuth(provider), transport=downstream(server, seen)) as http,
    ):
        for _ in range(3):
            assert http.get("https://api.partnercenter.microsoft.com/v1/customers").status_code == 200

    assert seen == [f"Bearer {server.issued_tokens[0]}"] * 3
    assert server.call_count == 1


def test_a_downstream_401_invalidates_and_retries_once_with_a_fresh_token(server: StandInServer) -> None:
    seen: list[str] = []
    with (
        TokenProvider("entra", base_url=server.base_url) as provider,
        httpx.Client(auth=PartnerCenterAuth(provider), transport=downstream(server, seen)) as http,
    ):
        stale = provider.get_token()
        server.issued_tokens.append("revoked-the-cached-one")  # downstream now refuses the cached token

        response = http.get("https://api.partnercenter.microsoft.com/v1/customers")

    assert response.status_code == 200
    assert seen[0] == f"Bearer {stale.access_token}"
    assert seen[1] == f"Bearer {server.issued_tokens[-1]}" != seen[0]
    assert server.call_count == 2


def test_a_second_401_is_returned_not_looped(server: StandInServer) -> None:
    calls: list[httpx.Request] = []

    def always_401(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(401)

    with (
        TokenProvider("entra", base_url=server.base_url) as provider,
        httpx.Client(auth=PartnerCenterAuth(provider), transport=httpx.MockTransport(always_401)) as http,
    ):
        assert http.get("https://partner.test/v1/customers").status_code == 401

    assert len(calls) == 2


@pytest.mark.anyio
async def test_async_clients_recover_from_one_401_too(server: StandInServer) -> None:
    seen: list[str] = []
    async with (
        AsyncTokenProvider("entra", base_url=server.base_url) as provider,
        httpx.AsyncClient(auth=PartnerCenterAuth(provider), transport=downstream(server, seen)) as http,
    ):
        await provider.get_token()
        server.issued_tokens.append("revoked")

        response = await http.get("https://api.partnercenter.microsoft.com/v1/customers")

    assert response.status_code == 200
    assert server.call_count == 2


def test_the_credential_answers_azure_sdk_pipelines_with_the_partner_center_token(server: StandInServer) -> None:
    with TokenProvider("entra", base_url=server.base_url) as provider:
        credential = PartnerCenterCredential(provider)

        access = credential.get_token("https://api.partnercenter.microsoft.com/.default")

    assert access.token == server.issued_tokens[0]
    assert access.expires_on == int(provider.get_token().expires_on)
    assert access.token not in repr(access)


def test_the_package_imports_nothing_from_azure() -> None:
    # azure-identity is installed here (the dev requirements hold the extra's lower bound), so an
    # import of it anywhere in the package would show.
    code = (
        "import importlib.util, sys\n"
        "from partner_center_auth import TokenProvider, PartnerCenterCredential, PartnerCenterAuth\n"
        "from partner_center_auth.testing import StandInServer\n"
        "with StandInServer() as server, TokenProvider('entra', base_url=server.base_url) as provider:\n"
        "    PartnerCenterCredential(provider).get_token('scope')\n"
        "print(sorted(m for m in sys.modules if m.startswith('azure')))\n"
        "print(importlib.util.find_spec('azure.identity') is not None)\n"  # imports the azure namespace: last
    )
    environment = {**os.environ, "PYTHONPATH": str(PROJECT / "generated")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environment)

    assert result.stdout.split("\n")[:2] == ["[]", "True"]


def test_the_credential_is_a_token_credential_in_a_real_azure_core_pipeline(server: StandInServer) -> None:
    from azure.core.credentials import TokenCredential
    from azure.core.pipeline import Pipeline
    from azure.core.pipeline.policies import BearerTokenCredentialPolicy
    from azure.core.pipeline.transport import RequestsTransport
    from azure.core.rest import HttpRequest

    from wire import WireServer

    with TokenProvider("entra", base_url=server.base_url) as provider, WireServer() as downstream:
        credential = PartnerCenterCredential(provider)
        policy = BearerTokenCredentialPolicy(credential, "https://api.partnercenter.microsoft.com/.default")
        downstream.answer(200, "application/json", "[]")
        downstream.answer(200, "application/json", "[]")
        with Pipeline(transport=RequestsTransport(), policies=[policy]) as pipeline:
            for _ in range(2):  # the policy caches the token: one fetch for both calls
                response = pipeline.run(HttpRequest("GET", f"{downstream.base_url}/v1/customers"), enforce_https=False)
                assert response.http_response.status_code == 200

    assert isinstance(credential, TokenCredential)
    assert [seen.headers["authorization"] for seen in downstream.seen] == [f"Bearer {server.issued_tokens[0]}"] * 2
    assert len(server.issued_tokens) == 1
