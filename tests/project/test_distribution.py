"""The three ways users get the package: a wheel, a vendored copy, a regeneration they can trust.

These build and install for real, into fresh virtual environments with nothing but the
runtime dependencies: what a user's machine has.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import textwrap
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import PROJECT
from partner_center_auth.testing import StandInServer

GENERATED = PROJECT / "generated"
RUNTIME = ("httpx", "attrs", "lxml", "msgspec", "filelock")

# Runs in the fresh environment: a token in an XML and in a form round trip, from the stand-in
# that ships in the package.
SMOKE = textwrap.dedent(
    """
    import json, logging, sys
    loggers = set()
    class Catch(logging.Handler):
        def emit(self, record):
            loggers.add(record.name)
    logging.getLogger().addHandler(Catch())
    logging.getLogger().setLevel(logging.DEBUG)
    import tempfile
    import partner_center_auth
    from partner_center_auth import FileCache, TokenProvider
    from partner_center_auth.testing import StandInServer

    with StandInServer() as server, tempfile.TemporaryDirectory() as folder:
        pairs = (("application/xml", "text/xml"), ("application/x-www-form-urlencoded", "application/json"))
        for content_type, accept in pairs:
            with TokenProvider("entra", base_url=server.base_url, content_type=content_type, accept=accept) as provider:
                assert provider.get_token().access_token == server.issued_tokens[-1]
        # The file cache, through its lock library at the version installed (its lower bound too).
        for _ in range(2):
            with TokenProvider("entra", base_url=server.base_url, cache=FileCache(folder)) as provider:
                assert provider.get_token().access_token == server.issued_tokens[-1]
        bodies = [request.body.decode() for request in server.requests]
    print(json.dumps({"package": partner_center_auth.__file__, "bodies": bodies, "loggers": sorted(loggers)}))
    """
)


def first_match(pattern: str, path: Path) -> str:
    """The first group of the first line of ``path`` that matches ``pattern``."""
    found = re.search(pattern, path.read_text(), re.MULTILINE)
    assert found is not None, f"{pattern} not in {path.name}"
    return found[1]


def pinned(name: str) -> str:
    for line in (PROJECT / "requirements-dev.txt").read_text().splitlines():
        if line.lower().startswith(f"{name}=="):
            return line.strip()
    raise LookupError(name)


def lower_bounds() -> list[str]:
    """The declared runtime dependencies, each pinned to its declared lower bound."""
    project = tomllib.loads((GENERATED / "pyproject.toml").read_text())["project"]
    bounds = [
        re.match(r"([A-Za-z0-9_.-]+).*?>=\s*([0-9][^,]*)", requirement) for requirement in project["dependencies"]
    ]
    return [f"{match[1]}=={match[2].strip()}" for match in bounds if match]


def environment(path: Path, *requirements: str) -> Path:
    """A fresh virtual environment holding only ``requirements``; returns its bin folder."""
    venv.create(path, with_pip=True)
    bin_dir = path / "bin"
    pip = [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, *requirements], check=True, capture_output=True)
    return bin_dir


def run(python: Path, code: str, cwd: Path) -> dict[str, object]:
    clean = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    result = subprocess.run([str(python), "-c", code], capture_output=True, text=True, cwd=cwd, env=clean)
    assert result.returncode == 0, result.stderr
    decoded: dict[str, object] = json.loads(result.stdout)
    return decoded


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(GENERATED)],
        check=True,
        capture_output=True,
    )
    return out


def test_the_wheel_and_sdist_hold_the_package_and_only_the_package(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    version = tomllib.loads((GENERATED / "pyproject.toml").read_text())["project"]["version"]
    with zipfile.ZipFile(wheel) as wheel_zip, tarfile.open(sdist) as sdist_tar:
        wheel_files = wheel_zip.namelist()
        sdist_files = sdist_tar.getnames()
        metadata = wheel_zip.read(f"partner_center_auth-{version}.dist-info/METADATA").decode()
        entry_points = wheel_zip.read(f"partner_center_auth-{version}.dist-info/entry_points.txt").decode()

    # The package's own version, which the newest CHANGELOG release records.
    assert version == first_match(r"^package_version_override: (\S+)$", PROJECT / "generator-config.yaml")
    assert version == first_match(r"^## \[(\d[^\]]*)\] - \d{4}-\d{2}-\d{2}$", PROJECT / "CHANGELOG.md")
    assert wheel.name == f"partner_center_auth-{version}-py3-none-any.whl"
    runtime = [
        path.relative_to(PROJECT / "overlays" / "runtime") for path in (PROJECT / "overlays" / "runtime").rglob("*.py")
    ]
    for module in ["py.typed", *map(str, runtime)]:
        assert f"partner_center_auth/{module}" in wheel_files
    for files in (wheel_files, sdist_files):
        assert not [name for name in files if "tests/" in name or "overlays" in name or "openapi_python_client" in name]
    assert "Provides-Extra: azure" in metadata
    assert "License-Expression: MIT" in metadata
    assert "partner-center-auth = partner_center_auth._cli:main" in entry_points


@pytest.mark.parametrize("bounds", ["pinned", "lowest"])
def test_the_wheel_installs_and_works_with_only_its_dependencies(bounds: str, dist: Path, tmp_path: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    dependencies = [pinned(name) for name in RUNTIME] if bounds == "pinned" else lower_bounds()
    bin_dir = environment(tmp_path / "venv", str(wheel), *dependencies)
    installed = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "list", "--format=json"], capture_output=True, text=True
    )
    names = {package["name"].lower() for package in json.loads(installed.stdout)}

    result = run(bin_dir / "python", SMOKE, cwd=tmp_path)
    with StandInServer() as server:
        command = subprocess.run(
            [str(bin_dir / "partner-center-auth"), "token", "--base-url", server.base_url],
            input="entra",
            capture_output=True,
            text=True,
        )

    assert "pytest" not in names and "mypy" not in names and "openapi-python-client" not in names
    assert str(result["package"]).startswith(str(tmp_path / "venv"))
    assert result["bodies"] == [
        "<?xml version='1.0' encoding='utf-8'?>\n<TokenRequest><grant_type>jwt_token</grant_type></TokenRequest>",
        "grant_type=jwt_token",
        "grant_type=jwt_token",  # one for the two providers sharing the file cache
    ]
    assert command.returncode == 0, command.stderr
    assert json.loads(command.stdout)["access_token"] == server.issued_tokens[0]
    if bounds == "lowest":
        assert {f"{name}=={version}" for name, version in _versions(bin_dir, RUNTIME).items()} == set(lower_bounds())


def _versions(bin_dir: Path, names: tuple[str, ...]) -> dict[str, str]:
    code = f"import importlib.metadata as m, json; print(json.dumps({{n: m.version(n) for n in {names!r}}}))"
    output = subprocess.run([str(bin_dir / "python"), "-c", code], capture_output=True, text=True, check=True).stdout
    versions: dict[str, str] = json.loads(output)
    return versions


def test_the_package_works_vendored_under_another_package(tmp_path: Path) -> None:
    vendor = tmp_path / "acme" / "_vendor"
    shutil.copytree(GENERATED / "partner_center_auth", vendor / "partner_center_auth")
    for package in (tmp_path / "acme", vendor):
        (package / "__init__.py").write_text("")
    bin_dir = environment(tmp_path / "venv", *(pinned(name) for name in RUNTIME))
    vendored = SMOKE.replace("partner_center_auth", "acme._vendor.partner_center_auth")

    result = run(bin_dir / "python", vendored, cwd=tmp_path)

    assert str(result["package"]).startswith(str(vendor))
    assert len(result["bodies"]) == 3  # type: ignore[arg-type]
    # It logs under its own module name, as the README says: the package's __name__.
    dependencies = ("httpx", "httpcore", "filelock")  # their own loggers
    ours = [name for name in result["loggers"] if not name.startswith(dependencies)]  # type: ignore[attr-defined]
    assert ours and all(name.startswith("acme._vendor.partner_center_auth") for name in ours), ours


def test_every_internal_import_is_relative() -> None:
    absolute = re.compile(r"^\s*(from|import)\s+partner_center_auth\b", re.M)
    offenders = [
        str(path.relative_to(GENERATED))
        for path in (GENERATED / "partner_center_auth").rglob("*.py")
        if absolute.search(path.read_text())
    ]

    assert offenders == []


def test_the_pinned_generator_and_ruff_are_the_ones_running() -> None:
    from pca_generator import _tools

    # The generator's distribution pins what the development lock pins.
    assert _tools.pinned_versions() == {name: pinned(name).partition("==")[2] for name in _tools.PINNED_TOOLS}
    assert _tools.running_versions() == _tools.pinned_versions()


def regenerate(spec_text: str, tmp_path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    spec = tmp_path / "openapi.yaml"
    spec.write_text(spec_text)
    command = [
        sys.executable,
        "-m",
        "pca_generator",
        "generate",
        f"--spec={spec}",
        f"--output={tmp_path / 'out'}",
        *options,
    ]
    if not any(option.startswith("--config=") for option in options):
        command.append(f"--config={PROJECT / 'generator-config.yaml'}")
    return subprocess.run(command, capture_output=True, text=True)


def test_an_invalid_spec_is_refused_by_this_projects_strict_configuration_and_repaired_for_a_user(
    tmp_path: Path,
) -> None:
    without_version = (PROJECT / "openapi.yaml").read_text().replace("  version: 1.0.0\n", "", 1)
    users_config = tmp_path / "user" / "config.yaml"
    users_config.parent.mkdir()
    users_config.write_text("package_name_override: pc_client\npackage_version_override: 1.0.0\n")

    refused = regenerate(without_version, tmp_path / "project")  # generator-config.yaml: strict: true
    repaired = regenerate(without_version, tmp_path / "user", f"--config={users_config}")

    assert refused.returncode == 1 and "is not a valid OpenAPI document (1 problem, --strict)" in refused.stderr
    assert re.search(r"^  cause: line \d+: #/info/version: missing: read as empty$", refused.stderr, re.M)
    assert not (tmp_path / "project" / "out").exists()
    assert repaired.returncode == 0, repaired.stderr
    assert re.search(r"^warning: .*: line \d+: #/info/version: missing: read as empty$", repaired.stderr, re.M)


def test_a_generator_warning_is_refused_so_nothing_is_dropped_silently(tmp_path: Path) -> None:
    # An enum of numbers that are not integers has no type the generator knows: it drops the operation.
    with_object_header = (
        (PROJECT / "openapi.yaml")
        .read_text()
        .replace(
            '      parameters:\n        - $ref: "#/components/parameters/CorrelationId"\n',
            "      parameters:\n        - name: x-grant\n          in: header\n          schema:\n"
            "            enum: [0.5, 1.5]\n"
            '        - $ref: "#/components/parameters/CorrelationId"\n',
            1,
        )
    )
    assert "x-grant" in with_object_header

    result = regenerate(with_object_header, tmp_path)

    assert result.returncode != 0
    assert "cannot parse parameter" in result.stdout + result.stderr
    assert "would drop part of the spec (--strict)" in result.stderr  # this project's configuration is strict
    assert not (tmp_path / "out").exists()
