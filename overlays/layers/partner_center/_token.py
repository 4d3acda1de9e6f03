"""A Partner Center token, and how it is read from the service's answer.

Apart from the providers because it is a value and a rule about values: when a token expires
and whether an answer holds one a caller can use. It does no I/O and keeps no state.

Expiry comes from ``expires_on`` when the answer has it, else from ``expires_in`` counted from the
moment the request was sent (never later than the token was made), else :data:`DEFAULT_LIFETIME`
(5 minutes: short, so a token whose lifetime we do not know is replaced early rather than served
expired). A token whose expiry passed while its answer was in transit is refused.
"""

from __future__ import annotations

import math
import re

from attrs import field, frozen

from .models import TokenResponse

__all__ = ["PartnerCenterToken", "is_bearer_token"]

DEFAULT_LIFETIME = 300.0
"""Seconds a token is taken to live when the answer has neither ``expires_on`` nor ``expires_in``."""
MAX_LIFETIME = 366 * 24 * 3600.0
"""A token claiming to live longer than a year is refused: its expiry is not believable."""


@frozen
class PartnerCenterToken:
    """A Partner Center access token and when it expires (epoch seconds). Its repr hides the token."""

    access_token: str = field(repr=False)
    token_type: str
    expires_on: float

    @classmethod
    def from_response(
        cls, parsed: TokenResponse, received_at: float, arrived_at: float | None = None
    ) -> PartnerCenterToken:
        """The token of an answer, or ValueError (never quoting it) for one no caller can use.

        ``expires_in`` counts from ``received_at`` (epoch seconds): the moment the request was
        sent, which is never later than the token was made. The token must still be valid at
        ``arrived_at``, when the answer arrived (by default ``received_at``).
        """
        if not is_bearer_token(parsed.access_token):
            raise ValueError("its access_token is empty or holds whitespace or control characters")
        expires_on, expires_in = _seconds(parsed.expires_on), _seconds(parsed.expires_in)
        if expires_on is None:
            expires_on = received_at + (expires_in if expires_in is not None else DEFAULT_LIFETIME)
        lifetime = expires_on - (received_at if arrived_at is None else arrived_at)
        if lifetime <= 0:
            raise ValueError("its token is already expired")
        if lifetime > MAX_LIFETIME:
            raise ValueError(f"its token claims a lifetime of more than {MAX_LIFETIME:.0f} seconds")
        token_type = parsed.token_type if isinstance(parsed.token_type, str) else "bearer"
        return cls(access_token=parsed.access_token, token_type=token_type, expires_on=expires_on)


def is_bearer_token(token: object) -> bool:
    """Whether ``token`` can travel as a Bearer token: a non-empty str of visible ASCII."""
    return isinstance(token, str) and bool(token) and all(32 < ord(c) < 127 for c in token)


def _seconds(value: object) -> float | None:
    """A number of seconds, as a JSON number (``3600``, ``3600.0``) or a numeric string, as real
    services send them all (huge ones: inf, refused); None for anything else."""
    if isinstance(value, str) and _NUMERIC.fullmatch(value.strip()):
        whole, _, fraction = value.strip().partition(".")
        if len(whole) > 15:
            return float("inf")  # refused; int() of thousands of digits would be a ValueError of its own
        return float(int(whole)) if not fraction else float(f"{whole}.{fraction}")
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value) if value < 10**15 else float("inf")  # no OverflowError, and inf is refused
    if isinstance(value, float):
        if math.isnan(value):
            raise ValueError("its expiry is not a number")
        return value
    return None


_NUMERIC = re.compile(r"[0-9]+(\.[0-9]+)?")  # ASCII digits only: "²" is a digit to str.isdigit
