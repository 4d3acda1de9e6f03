"""Content negotiation: which of the documented media types an ``Accept`` header prefers.

Apart from the service because it is a rule of HTTP (RFC 9110 12.5.1), not of the token service.
"""

from __future__ import annotations

from collections.abc import Iterator

__all__ = ["negotiate"]


def negotiate(accept: str, available: tuple[str, ...]) -> str:
    """Pick from ``available`` by an ``Accept`` header (RFC 9110 12.5.1): quality, then specificity."""
    best: tuple[float, int, int] | None = None
    choice = available[0]
    for position, option in enumerate(available):
        for weight, specificity in _accepting(accept, option):
            rank = (weight, specificity, -position)
            if weight > 0 and (best is None or rank > best):
                best, choice = rank, option
    return choice


def _accepting(accept: str, option: str) -> Iterator[tuple[float, int]]:
    kind = option.partition("/")[0]
    for range_ in accept.split(","):
        name, *parameters = (part.strip() for part in range_.split(";"))
        weight = 1.0
        for parameter in parameters:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        wanted_kind, _, wanted_subtype = name.lower().partition("/")
        if name.lower() == option:
            yield weight, 2
        elif wanted_kind == kind and wanted_subtype == "*":
            yield weight, 1
        elif wanted_kind == "*" and wanted_subtype == "*":
            yield weight, 0
