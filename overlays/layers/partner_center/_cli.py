"""The ``partner-center-auth`` command.

    partner-center-auth [-v] [--version] token [--entra-token-file FILE] [--base-url URL] [--legacy]
                        [--content-type TYPE] [--accept TYPE] [--correlation-id UUID] [--raw]
                        [--allow-insecure-http] [--no-cache | --cache-dir DIR]
    partner-center-auth [-v] [--version] serve [--host HOST] [--port PORT]

``token`` reads the Entra ID token from ``--entra-token-file`` (``-``: standard input), else the
environment variable ``PARTNER_CENTER_ENTRA_TOKEN``, else standard input, and prints the Partner
Center token as JSON (``--raw``: the access token alone). The token is shared with the next calls
through a file cache (``_cache/file.py``) in the user's cache directory (``--cache-dir`` to move
it, ``--no-cache`` to skip it): a call within the token's life sends no request. ``--base-url`` defaults to
``PARTNER_CENTER_BASE_URL``, else the real service. Exit codes: 0 the token was written, 2 usage,
3 not authenticated or forbidden (401, 403), 4 bad input (400, 404), 5 server, transport or output
failure, 130 interrupted. Errors are one line on standard error, with the correlation id (and the
Partner Center error's ``code`` and ``source``; ``-v`` adds its description); tokens never go
there, and neither does a traceback.

``-v`` and ``--version`` (before or after the command): ``-v`` logs this package's DEBUG lines on
standard error; ``-vv`` adds httpx's and httpcore's.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import inspect
import json
import logging
import os
import re
import socket
import sys
import textwrap
import time
import uuid
import warnings
from collections.abc import Sequence
from typing import NoReturn, get_args

import httpx

from ._cache.file import FileCache, default_cache_dir
from ._cache.interface import InsecureCache
from ._internal.provider_base import DEFAULT_BASE_URL
from ._provider import TokenProvider
from ._security import is_loopback
from ._urls import base_url_problem
from .api.authentication import generate_access_token
from .errors import (
    ApiError,
    BadRequest,
    Forbidden,
    InsecureTransport,
    InvalidCredentials,
    NotAuthenticated,
    NotFound,
    PartnerCenterAuthError,
)

__all__ = ["main"]

PROGRAM = "partner-center-auth"
ENTRA_TOKEN_VARIABLE = "PARTNER_CENTER_ENTRA_TOKEN"
BASE_URL_VARIABLE = "PARTNER_CENTER_BASE_URL"
OK, USAGE, NOT_AUTHENTICATED, BAD_INPUT, FAILURE = 0, 2, 3, 4, 5
INTERRUPTED = 128 + 2  # as a shell reports a command ended by SIGINT
MAX_TOKEN_BYTES = 1024 * 1024
"""The most bytes read as an Entra ID token (a few kilobytes in practice): /dev/zero is no token."""
STDIN = "-"

_EXIT_CODES = f"""\
exit codes:
  {OK:<4} the token was written
  {USAGE:<4} usage: a bad option, URL or variable; no, empty or unreadable Entra ID token
  {NOT_AUTHENTICATED:<4} not authenticated or forbidden (401, 403)
  {BAD_INPUT:<4} bad input (400, 404)
  {FAILURE:<4} server, transport or output failure
  {INTERRUPTED:<4} interrupted (Ctrl-C)

Errors are one line on standard error, with the correlation id; the token never goes there."""

_TOKEN_SOURCES = f"""\
The Entra ID token (app-only, for the Partner Center API) is read from
--entra-token-file (- for standard input), else the environment variable
{ENTRA_TOKEN_VARIABLE}, else standard input when it is not a terminal;
whitespace around it (a file's newline) and a UTF-8 byte order mark are removed."""


class _Exit(Exception):
    """A failure the command reports in one line, with its exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """argparse, with its usage errors on one line like every other error of the command."""

    def error(self, message: str) -> NoReturn:
        _say(f"error: {message} (see {self.prog} --help)")
        sys.exit(USAGE)


class _Help(argparse.RawDescriptionHelpFormatter):
    """Descriptions as written; option help wrapped without breaking media types at their hyphens."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


def _parser() -> argparse.ArgumentParser:
    # -v and --version are accepted before or after the command: every parser has them, and -v
    # counts into one destination.
    common = _Parser(add_help=False)
    common.add_argument(
        "-v", "--verbose", action="count", default=argparse.SUPPRESS, help="debug log on stderr (-vv: httpx's too)"
    )
    common.add_argument("--version", action="version", version=f"{PROGRAM} {_version()}")
    parser = _Parser(
        prog=PROGRAM,
        description="Partner Center access tokens.",
        epilog=_EXIT_CODES,
        formatter_class=_Help,
        parents=[common],
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    token = commands.add_parser(
        "token",
        parents=[common],
        help="exchange an Entra ID token for a Partner Center token",
        description=f"Exchange an Entra ID token for a Partner Center token, printed as JSON.\n\n{_TOKEN_SOURCES}",
        epilog=_EXIT_CODES,
        formatter_class=_Help,
    )
    token.add_argument(
        "--entra-token-file",
        metavar="FILE",
        help=f"file holding the Entra ID token; - reads standard input (default: ${ENTRA_TOKEN_VARIABLE}, "
        "else standard input)",
    )
    token.add_argument(
        "--base-url",
        type=_base_url,
        metavar="URL",
        help=f"the service (default: ${BASE_URL_VARIABLE}, else {DEFAULT_BASE_URL})",
    )
    token.add_argument("--legacy", action="store_true", help="use the deprecated operation")
    token.add_argument(
        "--content-type",
        choices=get_args(generate_access_token.RequestMediaType),
        help=f"request media type (default: {_PROVIDER_DEFAULTS['content_type'].default})",
    )
    token.add_argument(
        "--accept",
        choices=get_args(generate_access_token.ResponseMediaType),
        help=f"response media type (default: {_PROVIDER_DEFAULTS['accept'].default})",
    )
    token.add_argument(
        "--correlation-id", type=uuid.UUID, metavar="UUID", help="ms-correlationid to send (default: a fresh one)"
    )
    token.add_argument("--raw", action="store_true", help="print only the access token")
    token.add_argument(
        "--allow-insecure-http",
        action="store_true",
        help="allow a plain http:// base URL that is not loopback (the Entra ID token travels in clear)",
    )

    cache = token.add_mutually_exclusive_group()
    cache.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the token cache: always send a request"
    )
    cache.add_argument(
        "--cache-dir",
        metavar="DIR",
        help=f"the folder of the token cache, made 0700 (default: {_shown_home(default_cache_dir())})",
    )

    serve = commands.add_parser("serve", parents=[common], help="run the stand-in Partner Center")
    serve.add_argument("--host", type=_host, default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=_port, default=0, help="0: any free port")
    return parser


def _shown_home(path: os.PathLike[str]) -> str:
    """``path`` with the home folder as ~, as --help shows it (the same for every user)."""
    home = os.path.expanduser("~")
    text = os.fspath(path)
    return "~" + text[len(home) :] if home not in ("~", "/") and text.startswith(home + os.sep) else text


def _version() -> str:
    from . import __version__

    return __version__


# The provider's own defaults, shown in --help (one source of truth).
_PROVIDER_DEFAULTS = inspect.signature(TokenProvider).parameters


def _url_problem(value: str) -> str | None:
    """What makes ``value`` no base URL for this command (never quoting it), or None."""
    problem = base_url_problem(value)
    if problem is None and httpx.URL(value).scheme not in ("http", "https"):
        problem = "is not an http:// or https:// URL"
    return problem


def _base_url(value: str) -> str:
    """--base-url: a usable http(s) URL, or a usage error naming what is wrong."""
    problem = _url_problem(value)
    if problem is not None:
        raise argparse.ArgumentTypeError(f"the base URL {problem}")
    return value


def _host(value: str) -> str:
    """--host: an IP address or a host name, as a listening socket takes it."""
    problem = base_url_problem(f"http://{f'[{value}]' if ':' in value else value}")
    if not value or problem is not None:
        raise argparse.ArgumentTypeError("not an IP address or a host name")
    return value


def _port(value: str) -> int:
    if not value.isdigit() or not 0 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"not a port (0 to 65535): {value!r}")
    return int(value)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        options = _parser().parse_args(argv)
        options.verbose = getattr(options, "verbose", 0)
        _configure_logging(options.verbose)
        if options.command == "serve":
            return _serve(options.host, options.port)
        return _token(options)
    except _Exit as failure:
        _say(f"error: {failure}")
        return failure.code
    except KeyboardInterrupt:
        _say("interrupted")
        return INTERRUPTED
    except Exception as error:  # the promise: no traceback, ever; never the message (it may quote a token)
        _say(f"error: unexpected {type(error).__name__}")
        return FAILURE


def _configure_logging(verbosity: int) -> None:
    if not verbosity:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    # -v: this package's lines; -vv: httpx's and httpcore's connection events as well.
    logging.getLogger().setLevel(logging.DEBUG if verbosity > 1 else logging.WARNING)
    logging.getLogger(__package__).setLevel(logging.DEBUG)


def _say(line: str) -> None:
    # One line, whatever a message holds: a line break would let text pass for a line of its own.
    line = " ".join(line.split())
    with contextlib.suppress(OSError):  # stderr itself is gone: nothing left to tell
        print(f"{PROGRAM}: {line}", file=sys.stderr, flush=True)


def _base_url_of(options: argparse.Namespace) -> str:
    """--base-url (checked by argparse), else the variable, checked here and named when wrong."""
    if options.base_url is not None:
        return str(options.base_url)
    value = os.environ.get(BASE_URL_VARIABLE) or DEFAULT_BASE_URL
    problem = _url_problem(value)
    if problem is not None:
        raise _Exit(f"{BASE_URL_VARIABLE}: the base URL {problem}", USAGE)
    return value


_NO_TOKEN = f"give --entra-token-file, set {ENTRA_TOKEN_VARIABLE} or pipe it in"


def _entra_token(options: argparse.Namespace) -> str:
    """The Entra ID token, stripped, from the first source given; a usage error naming the
    source when it is empty, unreadable, too large or not UTF-8."""
    name = options.entra_token_file
    if name is not None and name != STDIN:
        source = f"--entra-token-file: {name!r}"  # quoted: a name may hold a newline
        try:
            with open(name, "rb") as file:
                token = _decoded(file.read(MAX_TOKEN_BYTES + 1), source)
        except OSError as error:
            raise _Exit(f"{source}: cannot read it: {error.strerror or type(error).__name__}", USAGE) from None
    elif name is None and os.environ.get(ENTRA_TOKEN_VARIABLE):
        source = ENTRA_TOKEN_VARIABLE
        token = os.environ[ENTRA_TOKEN_VARIABLE].removeprefix("\ufeff").strip()
    elif sys.stdin is None or (name is None and sys.stdin.isatty()):
        raise _Exit(f"no Entra ID token: {_NO_TOKEN}", USAGE)
    else:
        source = "--entra-token-file -: standard input" if name == STDIN else "standard input"
        try:
            token = _decoded(sys.stdin.buffer.read(MAX_TOKEN_BYTES + 1), source)
        except OSError as error:
            raise _Exit(f"{source}: cannot read it: {error.strerror or type(error).__name__}", USAGE) from None
    if not token:
        hint = "" if source != "standard input" else f": {_NO_TOKEN}"
        raise _Exit(f"{source} is empty{' (only whitespace)' if source == ENTRA_TOKEN_VARIABLE else ''}{hint}", USAGE)
    return token


def _decoded(content: bytes, source: str) -> str:
    if len(content) > MAX_TOKEN_BYTES:
        raise _Exit(f"{source} holds more than {MAX_TOKEN_BYTES} bytes: not an Entra ID token", USAGE)
    try:
        return content.decode("utf-8-sig").strip()  # a Windows editor's byte order mark is no part of it
    except UnicodeDecodeError:
        raise _Exit(f"{source}: the Entra ID token is not UTF-8 text", USAGE) from None


def _token(options: argparse.Namespace) -> int:
    options.base_url = _base_url_of(options)
    entra_token = _entra_token(options)
    correlation_id = options.correlation_id or uuid.uuid4()
    defaults = {"content_type": options.content_type, "accept": options.accept}
    try:
        with (
            warnings.catch_warnings(),
            TokenProvider(
                entra_token,
                base_url=options.base_url,
                legacy=options.legacy,
                correlation_id=correlation_id,
                allow_insecure_http=options.allow_insecure_http,
                cache=None if options.no_cache else FileCache(options.cache_dir),
                **{name: value for name, value in defaults.items() if value is not None},
            ) as provider,
        ):
            if options.legacy:
                warnings.simplefilter("ignore", DeprecationWarning)
                _say("warning: the legacy operation is deprecated")
            token = provider.get_token()
    except InsecureTransport:
        raise _Exit(
            f"refusing to send the Entra ID token over plain http to {httpx.URL(options.base_url).host}: "
            "use https, or --allow-insecure-http for a test setup",
            USAGE,
        ) from None
    except InsecureCache as error:
        raise _Exit(f"{error}; or pass --no-cache", USAGE) from None
    except PartnerCenterAuthError as error:
        # The correlation id this call sent: a server's echo of it is the server's text, never printed.
        raise _Exit(
            f"{error}{_fault(error, options.verbose)} (correlation id {correlation_id})", _exit_code(error)
        ) from None
    if options.raw:
        printed = token.access_token
    else:
        printed = json.dumps(
            {"access_token": token.access_token, "token_type": token.token_type, "expires_on": int(token.expires_on)}
        )
    _write(printed)
    return OK


_TOKEN_LIKE = re.compile(r"[A-Za-z0-9._~+/=-]{20,}")
"""A run of token characters long enough to be a token, a JWT or a long id: never repeated."""


def _server_text(value: object) -> str | None:
    """What a server wrote in a fault's field, on one line, at most 300 characters, with every
    run that could be a token replaced by [redacted]; None when there is nothing."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = _TOKEN_LIKE.sub("[redacted]", " ".join(value.split()))
    return text if len(text) <= 300 else text[:300] + "..."


def _fault(error: PartnerCenterAuthError, verbose: int) -> str:
    """The Partner Center error's code and source (and with -v its description), as `; code ...`."""
    fault = getattr(error, "fault", None) if isinstance(error, ApiError) else None
    code = getattr(fault, "code", None)
    said = [f"code {code}"] if isinstance(code, int) and not isinstance(code, bool) else []
    source = _server_text(getattr(fault, "source", None))
    said += [f"source {source}"] if source else []
    description = _server_text(getattr(fault, "description", None)) if verbose else None
    said += [f"description: {description}"] if description else []
    return f"; {', '.join(said)}" if said else ""


def _write(line: str) -> None:
    """Print the token; a closed pipe or a full disk is a one-line failure, never a traceback."""
    if sys.stdout is None:  # started with standard output closed
        raise _Exit("cannot write the token to standard output: it is closed", FAILURE)
    try:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
    except OSError as error:
        # Python would flush stdout again at exit and fail the same way: point it at nothing.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        reason = error.strerror or type(error).__name__
        raise _Exit(f"cannot write the token to standard output: {reason}", FAILURE) from None


def _exit_code(error: PartnerCenterAuthError) -> int:
    if isinstance(error, InvalidCredentials):  # the Entra ID token given is unusable: a usage error
        return USAGE
    if isinstance(error, NotAuthenticated | Forbidden):
        return NOT_AUTHENTICATED
    if isinstance(error, BadRequest | NotFound):
        return BAD_INPUT
    return FAILURE


def _serve(host: str, port: int) -> int:
    from .testing import StandInServer

    try:
        server = StandInServer(host=host, port=port)
    except OSError as error:
        # A name that does not resolve, or an address that is not this machine's: a bad --host.
        # EINVAL: an address the system cannot bind at all (a scope id of no interface, say).
        usage = isinstance(error, socket.gaierror) or error.errno in (errno.EADDRNOTAVAIL, errno.EINVAL)
        where = f"--host {host}: cannot listen there" if usage else f"cannot listen on {host}:{port}"
        raise _Exit(f"{where}: {error.strerror or type(error).__name__}", USAGE if usage else FAILURE) from None
    # Warned once listening, by the address really bound (a name may resolve to loopback).
    if not is_loopback(server.host):
        _say(f"warning: listening on {host}, beyond this machine: the stand-in is for tests")
    with server:
        # On standard output: scripts read the address from the first line.
        print(f"Stand-in Partner Center at {server.base_url} (Ctrl-C to stop)", flush=True)
        try:
            _wait_forever()
        except KeyboardInterrupt:
            return OK


def _wait_forever() -> NoReturn:
    while True:
        time.sleep(3600)
