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
# A bearer token of the length Entra ID and Partner Center issue (a JWT of some 1.5 kB): the
# client's per-call work on the Authorization header grows with it.
TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + "x" * 1450
# The client's own cost per call above a raw post of the same bytes, in microseconds.
OWN_COST_GOALS = {"json": 15.0, "xml": 30.0}


def run() -> tuple[str, list[tuple[str, float]], list[tuple[str, float, float]]]:
    sections, ratios = [], []
    with (
        stand_in() as base_url,
        AuthenticatedClient(base_url=base_url, token=TOKEN) as client,
        httpx.Client(base_url=base_url) as raw,
    ):
        for content_type in get_args(generate_access_token.RequestMediaType):
            for accept in get_args(generate_access_token.ResponseMediaType):
                body = media.serialize(TokenRequest(), content_type)
                headers = {
                    "Authorization": f"Bearer {TOKEN}",
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
    cost_text, costs = client_cost()
    return "\n".join(sections) + "\n" + cost_text, ratios, costs


def client_cost() -> tuple[str, list[tuple[str, float, float]]]:
    """The client's own cost, without a network or a server: both sides answered in-process by
    httpx.MockTransport with the same bytes. Loopback timings above swing by several percent
    between samples on a shared machine; this table does not.

    Two rows per pair: ``total_timeout=None``, where the exchange runs in the caller's thread as
    the raw post does (the client's own work), and the default 60 s deadline, where a transport
    of the caller's runs in the caller's thread, watched until the deadline.
    Returns the table and (pair, microseconds added, goal) per pair, without the deadline.
    """
    lines = [
        "#### The client's own cost (httpx.MockTransport, no network)",
        "",
        "| request → response | deadline | generated client | raw httpx.Client.post | added by the client |",
        "|---|---|---:|---:|---:|",
    ]
    costs = []
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
        options: dict[str, Any] = {"base_url": "https://partner.test", "httpx_args": {"transport": transport}}
        inline = AuthenticatedClient(token=TOKEN, total_timeout=None, **options)
        client = AuthenticatedClient(token=TOKEN, **options)
        raw = httpx.Client(base_url="https://partner.test", transport=transport)
        body = media.serialize(TokenRequest(), content_type)
        headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": content_type, "Accept": accept}
        headers |= {
            "ms-correlationid": "0b4bd1b2-4f0b-4d4e-9a4e-5d1c7b1f8a11",
            "ms-requestid": "4f2f0c55-5a51-4a0e-8d44-27e5b3a9a0f2",
        }

        def call(client: AuthenticatedClient, content_type: Any = content_type, accept: Any = accept) -> object:
            return generate_access_token.sync_detailed(
                client=client, body=TokenRequest(), content_type=content_type, accept=accept
            )

        def baseline(raw: httpx.Client = raw, body: bytes = body, headers: dict[str, str] = headers) -> object:
            return raw.post("/v3/generatetoken", content=body, headers=headers)

        mine, with_deadline, base = measure_together(
            [lambda inline=inline: call(inline), lambda client=client: call(client), baseline]  # type: ignore[misc]
        )
        goal = OWN_COST_GOALS["xml" if accept.endswith("xml") else "json"]
        costs.append((f"{content_type} → {accept}", (mine.median - base.median) * 1e6, goal))
        for deadline, stats in (("none", mine), ("60 s, watched", with_deadline)):
            lines.append(
                f"| {content_type} → {accept} | {deadline} | {microseconds(stats.median)} "
                f"| {microseconds(base.median)} | {microseconds(stats.median - base.median)} |"
            )
    return "\n".join(lines) + "\n", costs


@contextmanager
def stand_in() -> Iterator[str]:
    """The stand-in server in a child process; yields its base URL."""
    command = [sys.executable, "-m", "partner_center_auth", "serve"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=os.environ) as server:
        assert server.stdout is not None
        yield next(word for word in server.stdout.readline().split() if word.startswith("http://"))
        server.terminate()
