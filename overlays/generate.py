"""Regenerate the client: openapi.yaml -> openapi-python-client + overlays -> a package folder.

    python overlays/generate.py --output generated

Steps, each failing loudly (non-zero exit, one clear message):

1. validate the spec with openapi-spec-validator;
2. run the pinned openapi-python-client with ``generator-config.yaml``, the template overrides in
   ``overlays/templates`` and ``--fail-on-warning`` (a spec change can never silently drop an
   operation or a media type);
3. layer the hand-written runtime modules of ``overlays/runtime`` into the package;
4. replace the output folder as a whole, so files that are no longer generated disappear.

The result is byte-for-byte reproducible: the same spec, overlays and pinned tools give the same
files, which is what ``make check-generated`` relies on.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
import tempfile
from pathlib import Path

from openapi_python_client import cli
from openapi_python_client import schema as oai
from openapi_python_client.parser import openapi as parser

OVERLAYS = Path(__file__).resolve().parent
PROJECT = OVERLAYS.parent
PACKAGE = "partner_center_auth"


def _carry_deprecated_into_endpoints() -> None:
    """Expose ``Operation.deprecated`` to templates as ``endpoint.deprecated``.

    openapi-python-client 0.29 parses the flag but drops it before rendering (its issue #1412,
    fixed the same way by its pull request #1413). Drop this once the pinned version has it.
    """
    if any(f.name == "deprecated" for f in dataclasses.fields(parser.Endpoint)):
        return
    from_data = parser.Endpoint.from_data

    def from_data_keeping_deprecated(*, data: oai.Operation, **kwargs: object) -> object:
        result = from_data(data=data, **kwargs)  # type: ignore[arg-type]
        endpoint = result[0]
        if isinstance(endpoint, parser.Endpoint):
            endpoint.deprecated = bool(data.deprecated)  # type: ignore[attr-defined]
        return result

    parser.Endpoint.from_data = staticmethod(from_data_keeping_deprecated)  # type: ignore[assignment]


def _validate(spec: Path) -> None:
    from openapi_spec_validator import validate
    from openapi_spec_validator.readers import read_from_filename

    try:
        document, _ = read_from_filename(str(spec))
        validate(document)
    except Exception as error:  # the validator raises several unrelated types
        sys.exit(f"error: {spec} is not a valid OpenAPI document: {error}")


def _run_generator(spec: Path, config: Path, project_dir: Path) -> None:
    _carry_deprecated_into_endpoints()
    # The post-hooks must run the ruff pinned beside this interpreter, whatever PATH says.
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    argv = [
        "generate",
        f"--path={spec}",
        f"--config={config}",
        f"--custom-template-path={OVERLAYS / 'templates'}",
        "--meta=uv",
        f"--output-path={project_dir}",
        "--fail-on-warning",
    ]
    try:
        cli.app(argv, standalone_mode=False)
    except Exception as error:  # typer.Exit and click errors alike
        sys.exit(f"error: openapi-python-client refused {spec}: {error or 'see the messages above'}")


def _layer_runtime(package_dir: Path) -> None:
    runtime = OVERLAYS / "runtime"
    for source in sorted(runtime.rglob("*.py")):
        target = package_dir / source.relative_to(runtime)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def generate(spec: Path, config: Path, output: Path) -> None:
    _validate(spec)
    with tempfile.TemporaryDirectory() as scratch:
        project_dir = Path(scratch) / "project"
        _run_generator(spec, config, project_dir)
        _layer_runtime(project_dir / PACKAGE)
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(project_dir, output)


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--spec", type=Path, default=PROJECT / "openapi.yaml")
    arguments.add_argument("--config", type=Path, default=PROJECT / "generator-config.yaml")
    arguments.add_argument("--output", type=Path, default=PROJECT / "generated")
    options = arguments.parse_args()
    generate(options.spec.resolve(), options.config.resolve(), options.output.resolve())


if __name__ == "__main__":
    main()
