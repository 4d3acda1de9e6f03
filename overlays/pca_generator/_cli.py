"""The command line: ``pca-generator generate``, with openapi-python-client's verb and habits.

Every refusal is one ``error:`` line saying what to do (the generator's own warnings follow it as
the cause), with a non-zero status: 2 for a wrong command line, 1 for anything else.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__
from ._errors import GenerationError
from ._tools import DISTRIBUTION, running_versions

_DESCRIPTION = "Generate a typed Python client package from an OpenAPI 3.0 or 3.1 document."


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """argparse's refusal, as one line saying where the help is."""
        self.exit(2, f"error: {message}: see `{self.prog} --help`\n")


def parser() -> argparse.ArgumentParser:
    commands = _Parser(prog=DISTRIBUTION, description=_DESCRIPTION)
    tools = ", ".join(f"{tool} {version}" for tool, version in running_versions().items())
    commands.add_argument("--version", action="version", version=f"{DISTRIBUTION} {__version__} ({tools})")
    verbs = commands.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)
    generate = verbs.add_parser(
        "generate",
        help="generate a client package",
        description=f"{_DESCRIPTION} Nothing has a default: the spec, the configuration and the output folder "
        "are yours.",
    )
    source = generate.add_mutually_exclusive_group(required=True)
    source.add_argument("--spec", type=Path, metavar="PATH", help="the OpenAPI document (YAML or JSON)")
    source.add_argument("--url", metavar="URL", help="the URL of the OpenAPI document, instead of --spec")
    generate.add_argument(
        "--config",
        type=Path,
        required=True,
        metavar="FILE",
        help="the configuration (YAML): openapi-python-client's keys (package_name_override, "
        "project_name_override, package_version_override...) and this generator's own",
    )
    generate.add_argument(
        "--output",
        type=Path,
        required=True,
        metavar="DIR",
        help="the folder to write the package project into (pyproject.toml, README.md, the package); "
        "new or empty unless --overwrite",
    )
    generate.add_argument(
        "--overwrite",
        action="store_true",
        help="write into a folder that is not empty, replacing only the files an earlier run wrote there "
        "(listed in its manifest); no other file is touched",
    )
    generate.add_argument(
        "--strict",
        action="store_true",
        help="refuse a spec with any defect (as openapi-spec-validator and this generator see it) instead of "
        "repairing what has one meaning and dropping the constraints that have none; the configuration's "
        "`strict: true` does the same",
    )
    generate.add_argument(
        "--report",
        action="store_true",
        help="print what changed in the package's public API, and the version bump it implies",
    )
    return commands


def main(argv: Sequence[str] | None = None) -> None:
    options = parser().parse_args(argv)
    from ._generate import generate

    try:
        generate(
            options.spec.absolute() if options.spec is not None else options.url,
            options.config.absolute(),
            options.output,
            overwrite=options.overwrite,
            report=options.report,
            strict=options.strict,
        )
    except GenerationError as error:
        message = " ".join(str(error).split())  # one line, whatever it quotes
        sys.exit("\n".join([f"error: {message}", *(f"  cause: {cause}" for cause in error.causes)]))
    except OSError as error:  # the file system refused something the checks could not foresee
        sys.exit(f"error: {error.strerror or error}: {error.filename or ''}: nothing half-written was left")
    except KeyboardInterrupt:
        sys.exit(130)
