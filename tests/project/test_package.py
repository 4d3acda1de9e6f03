"""The public surface: every exported name resolves, and importing the package stays light."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import partner_center_auth
from conftest import PROJECT

GENERATED = PROJECT / "generated"


@pytest.mark.parametrize("name", partner_center_auth.__all__)
def test_every_exported_name_resolves(name: str) -> None:
    assert getattr(partner_center_auth, name) is not None
    assert name in dir(partner_center_auth)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        _ = partner_center_auth.NoSuchThing


def test_importing_loads_neither_lxml_nor_asyncio_until_used() -> None:
    code = (
        "import sys, partner_center_auth\n"
        "from partner_center_auth import TokenProvider, media, TokenRequest\n"
        "print('lxml' in sys.modules, 'asyncio' in sys.modules)\n"
        "media.serialize(TokenRequest(), 'application/xml')\n"
        "print('lxml' in sys.modules)\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(GENERATED)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environment)

    assert result.stdout.split() == ["False", "False", "True"]


def test_what_a_user_imports_leaves_the_sending_runtime_for_the_first_provider() -> None:
    code = (
        "import sys\n"
        "from partner_center_auth import AuthenticatedClient, TokenProvider, TokenRequest\n"
        "loaded = lambda: [name for name in ('partner_center_auth._operation', 'httpcore') if name in sys.modules]\n"
        "print(loaded())\n"
        "TokenProvider('entra-id-token')\n"
        "print(loaded())\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(GENERATED)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environment)

    assert result.stdout.splitlines() == ["[]", "['partner_center_auth._operation', 'httpcore']"]
