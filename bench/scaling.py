"""Scaling: bodies of 1, 10, 100, 1 000 and 10 000 array items, decoded into models.

Two bodies: an ``ApiFault`` whose ``data`` array grows (in JSON and XML, the media types the spec
documents for it, and in a form), and a list of models from the spec corpus (the Swagger Petstore's
``findPetsByStatus`` answer, an array of ``Pet``), through the same codecs. Reported per size: the
cost per item, whether growth is linear (per-item cost at 10 000 within 1.5× of that at 100), and
the peak memory of one decode (tracemalloc) relative to the body's size. In XML, the XML peers
decode the same body at every size, timed with ours.
"""

from __future__ import annotations

import json
import time
import tracemalloc
from collections.abc import Callable

from partner_center_auth import ApiFault, media

from .harness import measure, measure_together, microseconds, verdict
from .peers import PEERS

SIZES = (1, 10, 100, 1_000, 10_000)
LINEAR = 1.5
MEMORY_GOAL = 4.0


def fault_body(items: int, media_type: str) -> bytes:
    fault = ApiFault(code=3000, description="Many details", data=[f"detail number {i}" for i in range(items)])
    return media.serialize(fault, media_type)


def pet_list_body(items: int) -> bytes:
    pets = [
        {"id": i, "name": f"pet {i}", "photoUrls": [f"https://example.org/{i}.png"], "status": "available"}
        for i in range(items)
    ]
    return json.dumps(pets).encode()


def _pets_decoder() -> Callable[[bytes], object] | None:
    """The Petstore's list-of-Pet document, from its generated package, when it is importable."""
    try:
        from petstore3_client.api.pet import find_pets_by_status  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    content = next(c for r in find_pets_by_status.OPERATION.responses for c in r.contents if r.status == "200")
    return lambda body: content.read(body, "application/json")


def peak_memory(action: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def xml_peers(body: bytes) -> dict[str, Callable[[], object]]:
    """The XML peers that read an ``ApiFault`` body, each as an action on ``body``."""
    actions = {}
    for label, peer in PEERS.items():
        action = peer("ApiFault", "xml", {}, body, False)
        if action is not None:
            actions[label] = action
    return actions


def run() -> tuple[str, list[tuple[str, bool, float]], list[tuple[int, str, float]]]:
    """The section of BENCHMARKS.md; (case, linear, peak memory ÷ body size at 10 000) per case;
    and, per size, the XML peer closest to ours and our time relative to it."""
    cases: list[tuple[str, Callable[[int], bytes], Callable[[bytes], object]]] = [
        (
            f"ApiFault.data, {media_type}",
            lambda n, media_type=media_type: fault_body(n, media_type),  # type: ignore[misc]
            lambda body, media_type=media_type: media.deserialize(ApiFault, body, media_type),  # type: ignore[misc]
        )
        for media_type in ("application/json", "application/xml", "application/x-www-form-urlencoded")
    ]
    pets = _pets_decoder()
    if pets is not None:
        cases.append(("list of Pet (Swagger Petstore), application/json", pet_list_body, pets))
    lines = ["| body | items | bytes | per call | per item | peak memory ÷ body |", "|---|---:|---:|---:|---:|---:|"]
    peer_lines = ["| items | ours | fastest XML peer | ours ÷ peer |", "|---:|---:|---|---:|"]
    results, against_peers = [], []
    for label, make, decode in cases:
        per_item: dict[int, float] = {}
        memory = 0.0
        for size in SIZES:
            body = make(size)
            ours = lambda body=body, decode=decode: decode(body)  # noqa: E731
            if label.endswith("application/xml"):
                peers = xml_peers(body)
                stats = measure_together([ours, *peers.values()], samples=7)
                best_label, best = min(zip(peers, stats[1:], strict=True), key=lambda pair: pair[1].median)
                seconds = stats[0].median
                against_peers.append((size, best_label, seconds / best.median))
                peer_lines.append(
                    f"| {size:,} | {microseconds(seconds)} | {best_label}: {microseconds(best.median)} "
                    f"| {seconds / best.median:.2f}× |"
                )
            else:
                seconds = measure(ours, samples=7).median
            per_item[size] = seconds / size
            memory = peak_memory(lambda body=body, decode=decode: decode(body)) / len(body)  # type: ignore[misc]
            lines.append(
                f"| {label} | {size:,} | {len(body):,} | {microseconds(seconds)} | {microseconds(seconds / size)} "
                f"| {memory:.1f}× |"
            )
        linear = per_item[10_000] <= LINEAR * per_item[100]
        results.append((label, linear, memory))
    notes = [
        f"- {label}: linear growth {verdict(linear)}; peak memory at 10 000 items {memory:.1f}× the body "
        f"(goal ≤ {MEMORY_GOAL:.0f}×: {verdict(memory <= MEMORY_GOAL)})"
        for label, linear, memory in results
    ]
    started = time.strftime("%Y-%m-%d")
    beaten = all(ratio < 1 for _, _, ratio in against_peers)
    text = [
        *lines,
        "",
        *notes,
        "",
        "#### ApiFault.data in XML against the XML peers, at every size",
        "",
        *peer_lines,
        "",
        f"Faster than every XML peer at every size: {verdict(beaten)}.",
        "",
        f"(measured {started})",
    ]
    return "\n".join(text) + "\n", results, against_peers
