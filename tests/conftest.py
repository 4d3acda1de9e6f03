from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from partner_center_auth import AuthenticatedClient
from partner_center_auth.testing import StandInServer
from redis_server import redis_server
from wire import WireServer

ENTRA_ID_TOKEN = "entra-id-token-for-tests"

# `make test` runs the light profile; `make fuzz` the 10 000-example one (HYPOTHESIS_PROFILE=fuzz).
# Neither times a draw: on a loaded machine a draw that first builds a model's compiled code (or
# waits for a core) takes seconds, which says nothing of the code under test.
settings.register_profile("default", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "fuzz", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def own_cache_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache directory of each test's own (the CLI's token cache is there): no test reads a
    token another test cached, and none writes into the cache of the user running them."""
    home = tmp_path_factory.mktemp("cache-home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


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


PROJECT = Path(__file__).resolve().parent.parent
"""The repository: tests are grouped by layer (generator/, runtime/, partner_center/, security/,
project/); what they share (this file, the servers and strategies beside it, specs/ and golden/)
stays here."""

# The spec corpus (tests/specs): each generated once per session, importable by its package name.
SPECS = Path(__file__).resolve().parent / "specs"
CORPUS = {
    "petstore3": "petstore3_client",
    "petstore-expanded": "petstore_expanded_client",
    "uspto": "uspto_client",
    "features": "customers_client",
    "liberal": "kennel_client",
}


def generate(spec: Path, output: Path, config: Path = PROJECT / "generator-config.yaml") -> str:
    """Run the generator's command as a user would (with the project's own configuration by
    default); what it said on stderr."""
    command = [sys.executable, "-m", "pca_generator", "generate", f"--spec={spec}", f"--config={config}"]
    return subprocess.run([*command, f"--output={output}"], check=True, capture_output=True, text=True).stderr


@contextmanager
def edge_package(root: Path, spec: str) -> Iterator[Any]:
    """The package generated from ``specs/edge/<spec>.yaml`` into ``root``, named after the spec and
    importable while the block runs."""
    config = root / "config.yaml"
    config.write_text(f"project_name_override: {spec.replace('_', '-')}\npackage_name_override: {spec}\n")
    generate(SPECS / "edge" / f"{spec}.yaml", root / "out", config)
    sys.path.insert(0, str(root / "out"))
    try:
        yield importlib.import_module(spec)
    finally:
        sys.path.remove(str(root / "out"))


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Generate every spec of the corpus with its config; yield the folder holding one project per spec."""
    root = tmp_path_factory.mktemp("corpus")
    for name in CORPUS:
        generate(SPECS / f"{name}.yaml", root / name, SPECS / f"{name}.config.yaml")
        sys.path.insert(0, str(root / name))
    yield root
    for name in CORPUS:
        sys.path.remove(str(root / name))


@pytest.fixture(scope="session")
def wire_server() -> Iterator[WireServer]:
    with WireServer() as server:
        yield server


@pytest.fixture
def wire(wire_server: WireServer) -> Iterator[WireServer]:
    """The session's loopback server, its answers not taken forgotten after each test: a test
    that fails before its call leaves none for the next."""
    yield wire_server
    wire_server.unscript()


# What a generated package offers, read the way its users import it.

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def operations(package: str) -> dict[str, Any]:
    """Every generated operation module of a package, by its dotted path under ``api``."""
    api = importlib.import_module(f"{package}.api")
    modules = {}
    for info in pkgutil.walk_packages(api.__path__, f"{api.__name__}."):
        module = importlib.import_module(info.name)
        if hasattr(module, "OPERATION"):
            modules[info.name.removeprefix(f"{package}.api.")] = module
    return modules


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    """A redis-server of the module's own on loopback (see ``redis_server``)."""
    with redis_server() as url:
        yield url
