from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from partner_center_auth import AuthenticatedClient
from partner_center_auth.testing import StandInServer

ENTRA_ID_TOKEN = "entra-id-token-for-tests"

# `make test` runs the light profile; `make fuzz` the 10 000-example one (HYPOTHESIS_PROFILE=fuzz).
settings.register_profile("default", max_examples=150, deadline=None)
settings.register_profile(
    "fuzz", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


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
