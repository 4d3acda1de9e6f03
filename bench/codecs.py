"""Codecs per media type and model, both ways: ours, the floor, and the peers."""

from __future__ import annotations

from partner_center_auth import media

from . import floor, samples
from .harness import Row, measure_together, table, verdict
from .peers import PEERS

GOAL = 1.3
# XML against its typed floor (lxml and a hand walk into the same models, every check kept).
XML_GOALS = {"deserialize": 1.5, "serialize": 1.3}
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


def run() -> tuple[str, list[tuple[str, float, bool, float]]]:
    """The section of BENCHMARKS.md, and (what, ratio to the floor, faster than every peer, goal) per case."""
    sections, verdicts = [], []
    for name, make in samples.MODELS.items():
        value = make()
        data = value.to_dict()
        for media_type in MEDIA_TYPES[name]:
            kind = family(media_type)
            content = media.serialize(value, media_type)
            model = type(value)
            for write in (True, False):
                direction = "serialize" if write else "deserialize"
                if kind == "xml":
                    goal_ratio = XML_GOALS[direction]
                    floor_label = "floor (lxml + a hand walk into the same model, every check)"
                    base_action = floor.typed_xml_writer(value) if write else floor.typed_xml_reader(name, content)
                else:
                    goal_ratio, floor_label = GOAL, "floor (stdlib json / urllib, no model)"
                    base_action = floor.serializer(kind, name, data) if write else floor.deserializer(kind, content)
                labels = ["partner_center_auth.media", floor_label]
                actions = [
                    (lambda value=value, media_type=media_type: media.serialize(value, media_type))
                    if write
                    else (
                        lambda model=model, content=content, media_type=media_type: media.deserialize(
                            model, content, media_type
                        )
                    ),
                    base_action,
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
                goal = (
                    f"Goal ≤ {goal_ratio}× floor: {verdict(ratio <= goal_ratio)} ({ratio:.2f}×). "
                    f"Faster than every peer: {verdict(beats)}."
                )
                sections.append(
                    table(f"{name}, {media_type}, {direction}", rows, base, goal=goal_ratio, goal_text=goal)
                )
                verdicts.append((f"{name} {media_type} {direction}", ratio, beats, goal_ratio))
    return "\n".join(sections), verdicts
