"""What a generated package says of itself is its user's: their configuration, else their spec,
else nothing; never this project's licence, authors or status, and never a version pip refuses."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import users
from conftest import PROJECT
from pca_generator import GenerationError
from pca_generator._metadata import Metadata
from users import ORDERS, refused


def read(config: dict[str, Any], info: dict[str, Any], folder: Path = PROJECT) -> Metadata:
    return Metadata.read(config, folder, {"info": {"title": "T", "version": "1.0", **info}})


@pytest.mark.parametrize(
    ("config", "info", "expression", "text"),
    [
        ({}, {}, None, None),
        (
            {},
            {"license": {"name": "Apache 2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0.html"}},
            None,
            "Apache 2.0",
        ),
        ({}, {"license": {"name": "mit"}}, "MIT", None),
        ({}, {"license": {"name": "Apache License", "identifier": "Apache-2.0"}}, "Apache-2.0", None),
        ({"license": "MIT OR Apache-2.0"}, {"license": {"name": "Proprietary"}}, "MIT OR Apache-2.0", None),
    ],
)
def test_the_licence_is_the_configurations_else_the_specs_else_none(
    config: dict[str, Any], info: dict[str, Any], expression: str | None, text: str | None
) -> None:
    metadata = read(config, info)

    assert (metadata.license_expression, metadata.license_text, metadata.license_file) == (expression, text, None)


def test_the_licence_file_is_shipped_only_when_named(tmp_path: Path) -> None:
    (tmp_path / "COPYING").write_text("All rights reserved.\n")

    assert read({"license_file": "COPYING"}, {}, tmp_path).license_file == tmp_path / "COPYING"
    with pytest.raises(GenerationError, match=r"license_file .*COPYING\.txt is not a file"):
        read({"license_file": "COPYING.txt"}, {}, tmp_path)
    with pytest.raises(GenerationError, match="'Apache 2' is not an SPDX licence expression"):
        read({"license": "Apache 2"}, {})


@pytest.mark.parametrize(
    ("config", "info", "version"),
    [
        ({}, {"version": "2.1.0"}, "2.1.0"),
        ({"package_version_override": "1.0.27.dev0"}, {"version": "1.0.27-SNAPSHOT"}, "1.0.27.dev0"),
    ],
)
def test_the_version_is_the_configurations_else_a_valid_spec_version(
    config: dict[str, Any], info: dict[str, Any], version: str
) -> None:
    assert read(config, info).version == version


@pytest.mark.parametrize(
    ("config", "info", "where"),
    [
        ({}, {"version": "1.0.27-SNAPSHOT"}, "the spec's info.version '1.0.27-SNAPSHOT'"),
        ({"package_version_override": "latest"}, {"version": "1.0"}, "package_version_override 'latest'"),
    ],
)
def test_a_version_pip_would_refuse_stops_generation_naming_the_key(
    config: dict[str, Any], info: dict[str, Any], where: str
) -> None:
    with pytest.raises(GenerationError, match="package_version_override") as refusal:
        read(config, info)

    assert str(refusal.value).startswith(f"{where} is not a valid Python package version")


def test_authors_urls_and_status_are_the_users() -> None:
    contact = {"contact": {"name": "Orders team", "email": "orders@example.com", "url": "https://example.com"}}

    from_spec = read({}, contact)
    configured = read({"authors": [{"name": "Acme"}], "development_status": "4 - Beta"}, contact)

    assert from_spec.authors == ({"name": "Orders team", "email": "orders@example.com"},)
    assert from_spec.urls == {"Homepage": "https://example.com"}
    assert from_spec.development_status is None
    assert configured.authors == ({"name": "Acme"},)
    assert configured.development_status == "4 - Beta"
    with pytest.raises(GenerationError, match="development_status 'stable' is not one of"):
        read({"development_status": "stable"}, {})


def test_a_users_package_carries_nothing_of_this_projects(tmp_path: Path) -> None:
    user = users.folder(tmp_path)
    (user / "orders.yaml").write_text(ORDERS.replace('version: "2.0"}', 'version: "2.0", license: {name: Apache 2.0}}'))

    result = users.generator("--spec", "orders.yaml", "--config", "orders.config.yaml", "--output", "out", cwd=user)

    assert result.returncode == 0, result.stderr
    project = tomllib.loads((user / "out" / "pyproject.toml").read_text())["project"]
    assert project["license"] == {"text": "Apache 2.0"} and "license-files" not in project
    assert project["version"] == "2.0" and project["authors"] == []
    assert not [classifier for classifier in project["classifiers"] if "Development Status" in classifier]
    assert not (user / "out" / "LICENSE").exists()
    written = "".join(path.read_text() for path in (user / "out").rglob("*") if path.is_file())
    assert not (user / "out" / ".ruff_cache").exists()
    assert "partner-center-auth" not in written and "partner_center" not in written.lower()


def test_an_invalid_version_is_one_error_line(tmp_path: Path) -> None:
    user = users.folder(tmp_path)
    (user / "orders.yaml").write_text(ORDERS.replace('version: "2.0"', "version: 2.0-SNAPSHOT"))

    result = users.generator("--spec", "orders.yaml", "--config", "orders.config.yaml", "--output", "out", cwd=user)

    refused(result, "'2.0-SNAPSHOT' is not a valid Python package version", "set package_version_override")
    assert not (user / "out").exists()


def test_this_projects_package_keeps_its_licence_authors_and_status_through_its_configuration() -> None:
    project = tomllib.loads((PROJECT / "generated" / "pyproject.toml").read_text())["project"]

    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    assert (PROJECT / "generated" / "LICENSE").read_bytes() == (PROJECT / "LICENSE").read_bytes()
    assert project["authors"] == [{"name": "partner-center-auth developers"}]
    assert "Development Status :: 5 - Production/Stable" in project["classifiers"]


def test_a_layers_dependencies_and_extras_are_the_packages(tmp_path: Path) -> None:
    user = users.folder(tmp_path)
    layer = user / "retries"
    layer.mkdir()
    (layer / "_backoff.py").write_text('"""A module of the layer."""\n')
    (layer / "layer.yaml").write_text(
        'dependencies: ["tenacity>=8.2", "filelock>=3.12.0"]\noptional-dependencies:\n  fast: ["orjson>=3.9"]\n'
    )
    config = user / "orders.config.yaml"
    config.write_text(config.read_text() + "layers: [retries]\n")

    result = users.generator("--spec", "orders.yaml", "--config", "orders.config.yaml", "--output", "out", cwd=user)

    assert result.returncode == 0, result.stderr
    project = tomllib.loads((user / "out" / "pyproject.toml").read_text())["project"]
    assert project["dependencies"][-2:] == ["tenacity>=8.2", "filelock>=3.12.0"]  # after the runtime's own
    assert project["optional-dependencies"] == {"fast": ["orjson>=3.9"]}
    assert (user / "out" / "orders_client" / "_backoff.py").exists()
