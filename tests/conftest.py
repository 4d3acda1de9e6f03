from __future__ import annotations

from collections.abc import Iterator

import pytest

from partner_center_auth import AuthenticatedClient
from partner_center_auth.testing import StandInServer

ENTRA_ID_TOKEN = "entra-id-token-for-tests"


@pytest.fixture
def server() -> Iterator[StandInServer]:
    with StandInServer() as stand_in:
        yield stand_in


@pytest.fixture
def client(server: StandInServer) -> Iterator[AuthenticatedClient]:
    with AuthenticatedClient(base_url=server.base_url, token=ENTRA_ID_TOKEN) as authenticated:
        yield authenticated


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
