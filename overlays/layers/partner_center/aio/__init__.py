"""The asyncio twins of the package's token provider (as ``azure.identity.aio`` holds azure-identity's).

Apart so that only async users load asyncio: importing ``TokenProvider`` never imports this.
"""

from ._provider import AsyncTokenProvider

__all__ = ["AsyncTokenProvider"]
