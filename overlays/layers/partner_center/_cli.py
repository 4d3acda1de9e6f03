"""The ``partner-center-auth`` command.

    partner-center-auth [-v] [--version] token [--entra-token-file FILE] [--base-url URL] [--legacy]
                        [--content-type TYPE] [--accept TYPE] [--correlation-id UUID] [--raw]
                        [--allow-insecure-http]
    partner-center-auth [-v] serve [--host HOST] [--port PORT]

``token`` reads the Entra ID token from ``--entra-token-file``, else the environment variable
``PARTNER_CENTER_ENTRA_TOKEN``, else standard input, and prints the Partner Center token as JSON
(``--raw``: the access token alone). ``--base-url`` defaults to ``PARTNER_CENTER_BASE_URL``, else
the real service. Exit codes: 0 the token was written, 2 usage, 3 not authenticated or forbidden
(401, 403), 4 bad input (400, 404), 5 server, transport or output failure. Errors are one line on
standard error, with the correlation id; tokens never go there, and neither does a traceback.

``-v`` (before or after the command) logs this package's DEBUG lines on standard error; ``-vv``
adds httpx's and httpcore's.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import time
import uuid
import warnings
from collections.abc import Sequence
from typing import NoReturn, get_args

import httpx

from ._provider import DEFAULT_BASE_URL, TokenProvider
from ._security import is_loopback
from .api.authentication import generate_access_token
from .errors import (
    BadRequest,
    Forbidden,
    InsecureTransport,
    InvalidCredentials,
    NotAuthenticated,
    NotFound,
    PartnerCenterAuthError,
)

PROGRAM = "partner-center-auth"
ENTRA_TOKEN_VARIABLE = "PARTNER_CENTER_ENTRA_TOKEN"
BASE_URL_VARIABLE = "PARTNER_CENTER_BASE_URL"
OK, USAGE, NOT_AUTHENTICATED, BAD_INPUT, FAILURE = 0, 2, 3, 4, 5


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


def _parser() -> argparse.ArgumentParser:
    # -v is accepted before or after the command: both parsers count it into one destination.
    verbosity = _Parser(add_help=False)
    verbosity.add_argument(
        "-v", "--verbose", action="count", default=argparse.SUPPRESS, help="debug log on stderr (-vv: httpx's too)"
    )
    parser = _Parser(prog=PROGRAM, description="Partner Center access tokens.", parents=[verbosity])
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    token = commands.add_parser(
        "token", parents=[verbosity], help="exchange an Entra ID token for a Partner Center token"
    )
    token.add_argument("--entra-token-file", help="file holding the Entra ID token")
    token.add_argument(
        "--base-url",
        type=_base_url,
        default=os.environ.get(BASE_URL_VARIABLE) or DEFAULT_BASE_URL,
        help=f"the service (default: ${BASE_URL_VARIABLE}, else {DEFAULT_BASE_URL})",
    )
    token.add_argument("--legacy", action="store_true", help="use the deprecated operation")
    token.add_argument("--content-type", choices=get_args(generate_access_token.RequestMediaType))
    token.add_argument("--accept", choices=get_args(generate_access_token.ResponseMediaType))
    token.add_argument("--correlation-id", type=uuid.UUID, help="ms-correlationid to send (default: a fresh one)")
    token.add_argument("--raw", action="store_true", help="print only the access token")
    token.add_argument(
        "--allow-insecure-http",
        action="store_true",
        help="allow a plain http:// base URL that is not loopback (the Entra ID token travels in clear)",
    )

    serve = commands.add_parser("serve", parents=[verbosity], help="run the stand-in Partner Center")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=_port, default=0, help="0: any free port")
    return parser


def _version() -> str:
    from . import __version__

    return __version__


def _base_url(value: str) -> str:
    """An absolute http(s) URL, or a usage error naming what is wrong."""
    try:
        url = httpx.URL(value)
    except (httpx.InvalidURL, ValueError, TypeError) as error:
        raise argparse.ArgumentTypeError(f"not a URL: {value!r} ({error})") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise argparse.ArgumentTypeError(f"not an http:// or https:// URL with a host: {value!r}")
    return value


def _port(value: str) -> int:
    if not value.isdigit() or not 0 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"not a port (0 to 65535): {value!r}")
    return int(value)


def main(argv: Sequence[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    _configure_logging(getattr(options, "verbose", 0))
    try:
        if options.command == "serve":
            return _serve(options.host, options.port)
        return _token(options)
    except _Exit as failure:
        _say(f"error: {failure}")
        return failure.code
    except KeyboardInterrupt:
        return FAILURE
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


def _entra_token(options: argparse.Namespace) -> str:
    try:
        if options.entra_token_file is not None:
            with open(options.entra_token_file, encoding="utf-8") as file:
                return file.read().strip()
        if os.environ.get(ENTRA_TOKEN_VARIABLE):
            return os.environ[ENTRA_TOKEN_VARIABLE].strip()
        if sys.stdin is not None and not sys.stdin.isatty():
            return sys.stdin.buffer.read().decode("utf-8").strip()
    except UnicodeDecodeError:
        raise _Exit("the Entra ID token is not UTF-8 text", USAGE) from None
    except OSError as error:
        raise _Exit(f"cannot read the Entra ID token: {error.strerror or type(error).__name__}", USAGE) from None
    return ""


def _token(options: argparse.Namespace) -> int:
    entra_token = _entra_token(options)
    if not entra_token:
        raise _Exit(f"no Entra ID token: give --entra-token-file, set {ENTRA_TOKEN_VARIABLE} or pipe it in", USAGE)
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
    except PartnerCenterAuthError as error:
        # The correlation id this call sent: a server's echo of it is the server's text, never printed.
        raise _Exit(f"{error} (correlation id {correlation_id})", _exit_code(error)) from None
    if options.raw:
        printed = token.access_token
    else:
        printed = json.dumps(
            {"access_token": token.access_token, "token_type": token.token_type, "expires_on": int(token.expires_on)}
        )
    _write(printed)
    return OK


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

    if not is_loopback(host):
        _say(f"warning: listening on {host}, beyond this machine: the stand-in is for tests")
    try:
        server = StandInServer(host=host, port=port)
    except OSError as error:
        raise _Exit(f"cannot listen on {host}:{port}: {error.strerror or type(error).__name__}", FAILURE) from None
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
