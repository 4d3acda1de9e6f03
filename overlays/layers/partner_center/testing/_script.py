"""What the stand-in does with the next well-formed calls: the script a test writes ahead.

One queue, in the order the test wrote it, shared by the service (which answers a status it was
told to) and the server (which breaks the exchange of a call it was told to break): apart from
both because both read it, and neither owns the other's half.
"""

from __future__ import annotations

from typing import Literal

from attrs import frozen

__all__ = ["Breakage", "Scripted"]

Breakage = Literal["drop", "reset-mid-body", "short-body", "stall-after-headers", "slow-drip"]
"""How :meth:`StandInServer.break_next` breaks an exchange."""


@frozen
class Scripted:
    """One of the next well-formed calls: answered with ``status`` (an ApiFault, with
    ``Retry-After`` when ``retry_after`` is given), or issued a token over an exchange broken as
    ``breakage`` says (only a server over sockets has an exchange to break)."""

    status: int | None = None
    retry_after: float | None = None
    breakage: Breakage | None = None
