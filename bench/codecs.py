"""Codecs per media type and model, both ways: ours, the floor, and the peers."""

from __future__ import annotations

from partner_center_auth import media

from . import floor, samples
from .harness import Row, measure_together, table, verdict
from .peers import PEERS

GOAL = 1.3
# Every model in the media types the spec documents for it.
MEDIA_TYPES = {
    "TokenRequest": (
        "application/x-www-form-urlencoded",
        "application/json",
        "text/json",
        "application/xml",
        "text/xml",
    ),
    "TokenResponse": ("application/json", "text/json", "application/xml", "text/xml"),
    "ApiFault": ("application/json", "text/json", "application/xml", "text/xml"),
}


def family(media_type: str) -> str:
    return "json" if media_type.endswith("json") else "xml" if media_type.endswith("xml") else "form"


def run() -> tuple[str, list[tuple[str, float, bool]]]:
    """The section of BENCHMARKS.md, and (what, ratio to the floor, faster than every peer) per case."""
    sections, verdicts = [], []
    for name, make in samples.MODELS.items():
        value = make()
        data = value.to_dict()
        for media_type in MEDIA_TYPES[name]:
            kind = family(media_type)
            content = media.serialize(value, media_type)
            model = type(value)
            for write in (True, False):
                labels = ["partner_center_auth.media", "floor (stdlib json / urllib / lxml, no model)"]
                actions = [
                    (lambda value=value, media_type=media_type: media.serialize(value, media_type))
                    if write
                    else (
                        lambda model=model, content=content, media_type=media_type: media.deserialize(
                            model, content, media_type
                        )
                    ),
                    floor.serializer(kind, name, data) if write else floor.deserializer(kind, content),
                ]
                failing: list[Row] = []
                for label, peer in PEERS.items():
                    action = peer(name, kind, data, content, write)
                    if action is None:
                        continue
                    try:
                        action()
                    except Exception as error:  # a peer that cannot carry this schema
                        failing.append(Row(label, None, f"fails: {type(error).__name__}"))
                        continue
                    labels.append(label)
                    actions.append(action)
                stats = measure_together(actions)
                ours, base, peers = stats[0], stats[1], stats[2:]
                rows = [Row(label, measured) for label, measured in zip(labels, stats, strict=True)] + failing
                ratio = ours.median / base.median
                beats = all(ours.median < peer.median for peer in peers)
                direction = "serialize" if write else "deserialize"
                goal = (
                    f"Goal ≤ {GOAL}× floor: {verdict(ratio <= GOAL)} ({ratio:.2f}×). "
                    f"Faster than every peer: {verdict(beats)}."
                )
                sections.append(table(f"{name}, {media_type}, {direction}", rows, base, goal=GOAL, goal_text=goal))
                verdicts.append((f"{name} {media_type} {direction}", ratio, beats))
    return "\n".join(sections), verdicts
