"""A generated-client call against the stand-in versus a raw httpx post of the same bytes.

The stand-in runs in its own process (``partner-center-auth serve``), as a real service would:
in this process its threads would compete with the client for the GIL.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, get_args

import httpx

from partner_center_auth import AuthenticatedClient, TokenRequest, TokenResponse, media
from partner_center_auth.api.authentication import generate_access_token

from .harness import Row, measure_together, microseconds, table, verdict

GOAL = 1.05


def run() -> tuple[str, list[tuple[str, float]]]:
    sections, ratios = [], []
    with (
        stand_in() as base_url,
        AuthenticatedClient(base_url=base_url, token="bench") as client,
        httpx.Client(base_url=base_url) as raw,
    ):
        for content_type in get_args(generate_access_token.RequestMediaType):
            for accept in get_args(generate_access_token.ResponseMediaType):
                body = media.serialize(TokenRequest(), content_type)
                headers = {
                    "Authorization": "Bearer bench",
                    "Content-Type": content_type,
                    "Accept": accept,
                    "ms-correlationid": "0b4bd1b2-4f0b-4d4e-9a4e-5d1c7b1f8a11",
                    "ms-requestid": "4f2f0c55-5a51-4a0e-8d44-27e5b3a9a0f2",
                }

                def ours(
                    content_type: generate_access_token.RequestMediaType = content_type,
                    accept: generate_access_token.ResponseMediaType = accept,
                ) -> object:
                    return generate_access_token.sync_detailed(
                        client=client, body=TokenRequest(), content_type=content_type, accept=accept
                    )

                def baseline(body: bytes = body, headers: dict[str, str] = headers) -> object:
                    return raw.post("/v3/generatetoken", content=body, headers=headers)

                base, mine = measure_together([baseline, ours], sample_seconds=0.05, samples=9)
                ratio = mine.median / base.median
                ratios.append((f"{content_type} → {accept}", ratio))
                rows = [Row("generated client (serialize, send, parse)", mine), Row("raw httpx.Client.post", base)]
                goal = f"Goal ≤ {GOAL}× raw httpx: {verdict(ratio <= GOAL)} ({ratio:.3f}×)."
                sections.append(table(f"{content_type} → {accept}", rows, base, goal=GOAL, goal_text=goal))
    return "\n".join(sections) + "\n" + client_cost(), ratios


def client_cost() -> str:
    """The client's own cost, without a network or a server: both sides answered in-process by
    httpx.MockTransport with the same bytes. Loopback timings above swing by several percent
    between samples on a shared machine; this table does not."""
    lines = [
        "#### The client's own cost (httpx.MockTransport, no network)",
        "",
        "| request → response | generated client | raw httpx.Client.post | added by the client |",
        "|---|---:|---:|---:|",
    ]
    for content_type, accept in (
        ("application/x-www-form-urlencoded", "application/json"),
        ("application/xml", "text/xml"),
    ):
        answer = media.serialize(
            TokenResponse(access_token="stand-in-token", token_type="bearer", expires_in=3600), accept
        )

        def respond(request: httpx.Request, answer: bytes = answer, accept: str = accept) -> httpx.Response:
            return httpx.Response(200, content=answer, headers={"Content-Type": f"{accept}; charset=utf-8"})

        transport = httpx.MockTransport(respond)
        client = AuthenticatedClient(base_url="https://partner.test", token="bench")
        client.set_httpx_client(httpx.Client(base_url="https://partner.test", transport=transport))
        raw = httpx.Client(base_url="https://partner.test", transport=transport)
        body = media.serialize(TokenRequest(), content_type)
        headers = {"Authorization": "Bearer bench", "Content-Type": content_type, "Accept": accept}
        headers |= {
            "ms-correlationid": "0b4bd1b2-4f0b-4d4e-9a4e-5d1c7b1f8a11",
            "ms-requestid": "4f2f0c55-5a51-4a0e-8d44-27e5b3a9a0f2",
        }

        def ours(
            content_type: Any = content_type, accept: Any = accept, client: AuthenticatedClient = client
        ) -> object:
            return generate_access_token.sync_detailed(
                client=client, body=TokenRequest(), content_type=content_type, accept=accept
            )

        def baseline(raw: httpx.Client = raw, body: bytes = body, headers: dict[str, str] = headers) -> object:
            return raw.post("/v3/generatetoken", content=body, headers=headers)

        mine, base = measure_together([ours, baseline])
        lines.append(
            f"| {content_type} → {accept} | {microseconds(mine.median)} | {microseconds(base.median)} "
            f"| {microseconds(mine.median - base.median)} |"
        )
    return "\n".join(lines) + "\n"


@contextmanager
def stand_in() -> Iterator[str]:
    """The stand-in server in a child process; yields its base URL."""
    command = [sys.executable, "-m", "partner_center_auth", "serve"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=os.environ) as server:
        assert server.stdout is not None
        yield next(word for word in server.stdout.readline().split() if word.startswith("http://"))
        server.terminate()
