"""The one error the generator reports: its message is a single ``error:`` line."""

from __future__ import annotations


class GenerationError(Exception):
    """Why a package cannot be generated, and what to do about it: printed as one ``error:`` line.

    ``causes`` are the lines that explain it (openapi-python-client's own warnings), printed
    below it, each on its own line.
    """

    def __init__(self, message: str, causes: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.causes = causes
