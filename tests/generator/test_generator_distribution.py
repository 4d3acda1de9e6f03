"""The generator installs on its own: its wheel, in a fresh environment outside this repository,
generates packages for a public spec and for one with XML bodies, which install, import and pass
``mypy --strict`` there."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import PROJECT

SPECS = PROJECT / "tests" / "specs"
# What the user's environment gets beside the generator: the checker the test runs, and the
# stubs of the one runtime dependency that ships none. At the versions this repository pins.
CHECKS = ("mypy", "types-lxml")


def pinned(name: str) -> str:
    for line in (PROJECT / "requirements-dev.txt").read_text().splitlines():
        if line.lower().startswith(f"{name.lower()}=="):
            return line.strip()
    raise LookupError(name)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generator-dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--wheel", "--outdir", str(out), str(PROJECT / "overlays")],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("pca_generator-*.whl")
    return built


@pytest.fixture(scope="module")
def outside() -> Iterator[Path]:
    """A folder outside the repository, with nothing of it on any path."""
    with tempfile.TemporaryDirectory(prefix="pca-generator-user-") as folder:
        root = Path(folder).resolve()
        assert PROJECT not in root.parents
        yield root


def clean_environment() -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if name not in ("PYTHONPATH", "VIRTUAL_ENV", "MYPYPATH")}


def test_the_wheel_holds_the_generator_its_overlays_and_declares_its_tools(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(next(name for name in names if name.endswith(".dist-info/METADATA"))).decode()
        entry_points = archive.read(next(name for name in names if name.endswith("entry_points.txt"))).decode()

    assert "pca_generator/templates/endpoint_module.py.jinja" in names
    assert "pca_generator/runtime/media/_registry.py" in names
    assert not [name for name in names if "__pycache__" in name or "layers/" in name or name.startswith("tests/")]
    for requirement in (
        pinned("openapi-python-client"),
        pinned("ruff"),
        "openapi-spec-validator",
        "ruamel-yaml",
        "pyyaml",
    ):
        assert f"Requires-Dist: {requirement}" in metadata
    assert "pca-generator = pca_generator._cli:main" in entry_points


def test_installed_alone_it_generates_packages_that_install_import_and_type_check(wheel: Path, outside: Path) -> None:
    venv.create(outside / "venv", with_pip=True)
    bin_dir = outside / "venv" / "bin"
    env = clean_environment()
    pip = [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, str(wheel), *map(pinned, CHECKS)], check=True, capture_output=True, cwd=outside, env=env)
    # The user's own files: a public spec of the corpus, and one with XML bodies, each with a configuration.
    for spec in ("petstore3", "features"):
        shutil.copy(SPECS / f"{spec}.yaml", outside / f"{spec}.yaml")
        shutil.copy(SPECS / f"{spec}.config.yaml", outside / f"{spec}.config.yaml")
    assert "application/xml" in (outside / "features.yaml").read_text()

    for spec in ("petstore3", "features"):
        generated = subprocess.run(
            [
                bin_dir / "pca-generator",
                "generate",
                f"--spec={spec}.yaml",
                f"--config={spec}.config.yaml",
                f"--output=out-{spec}",
            ],
            capture_output=True,
            text=True,
            cwd=outside,
            env=env,
        )
        assert generated.returncode == 0, generated.stderr
    subprocess.run([*pip, "./out-petstore3", "./out-features"], check=True, capture_output=True, cwd=outside, env=env)
    probe = (
        "import importlib, json, pkgutil, sys\n"
        "found = {}\n"
        "for name in sys.argv[1:]:\n"
        "    package = importlib.import_module(name)\n"
        "    api = importlib.import_module(name + '.api')\n"
        "    modules = [info.name for info in pkgutil.walk_packages(api.__path__, api.__name__ + '.')]\n"
        "    for module in modules:\n"
        "        importlib.import_module(module)\n"
        "    found[name] = [package.__file__, len(modules)]\n"
        "print(json.dumps(found))\n"
    )
    packages = ("petstore3_client", "customers_client")
    imported = subprocess.run(
        [bin_dir / "python", "-c", probe, *packages], capture_output=True, text=True, cwd=outside / "venv", env=env
    )
    checked = subprocess.run(
        [bin_dir / "python", "-m", "mypy", "--strict", "--no-incremental", *[a for p in packages for a in ("-p", p)]],
        capture_output=True,
        text=True,
        cwd=outside / "venv",
        env=env,
    )
    module = subprocess.run(
        [bin_dir / "python", "-m", "pca_generator", "--version"], capture_output=True, text=True, env=env
    )

    assert imported.returncode == 0, imported.stderr
    for name, (location, count) in json.loads(imported.stdout).items():
        assert location.startswith(str(outside / "venv" / "lib")) and count > 0, name
    assert checked.returncode == 0, checked.stdout
    assert module.stdout.startswith("pca-generator ")
