"""A generated-client call against the stand-in versus a raw httpx post of the same bytes."""

from __future__ import annotations

from typing import get_args

import httpx

from partner_center_auth import AuthenticatedClient, TokenRequest, media
from partner_center_auth.api.authentication import generate_access_token
from partner_center_auth.testing import StandInServer

from .harness import Row, measure_together, table, verdict

GOAL = 1.05


def run() -> tuple[str, list[tuple[str, float]]]:
    sections, ratios = [], []
    with (
        StandInServer() as server,
        AuthenticatedClient(base_url=server.base_url, token="bench") as client,
        httpx.Client(base_url=server.base_url) as raw,
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
    return "\n".join(sections), ratios
