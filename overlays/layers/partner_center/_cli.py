"""The ``partner-center-auth`` command.

    partner-center-auth token [--entra-token-file FILE] [--base-url URL] [--legacy]
                              [--content-type TYPE] [--accept TYPE] [--correlation-id UUID] [--raw]
    partner-center-auth serve [--port PORT]

``token`` reads the Entra ID token from ``--entra-token-file``, else the environment variable
``PARTNER_CENTER_ENTRA_TOKEN``, else standard input, and prints the Partner Center token as JSON
(``--raw``: the access token alone). Exit codes: 0 ok, 2 usage, 3 not authenticated or forbidden
(401, 403), 4 bad input (400, 404), 5 server or transport failure. Errors are one line on
standard error, with the correlation id; tokens never go there.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
import uuid
import warnings
from collections.abc import Sequence
from typing import get_args

from ._provider import DEFAULT_BASE_URL, TokenProvider
from .api.authentication import generate_access_token
from .errors import BadRequest, Forbidden, NotAuthenticated, NotFound, PartnerCenterAuthError, ResponseError

ENTRA_TOKEN_VARIABLE = "PARTNER_CENTER_ENTRA_TOKEN"
OK, USAGE, NOT_AUTHENTICATED, BAD_INPUT, FAILURE = 0, 2, 3, 4, 5


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="partner-center-auth", description="Partner Center access tokens.")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging on standard error")
    commands = parser.add_subparsers(dest="command", required=True)

    token = commands.add_parser("token", help="exchange an Entra ID token for a Partner Center token")
    token.add_argument("--entra-token-file", type=argparse.FileType("r"), help="file holding the Entra ID token")
    token.add_argument("--base-url", default=DEFAULT_BASE_URL)
    token.add_argument("--legacy", action="store_true", help="use the deprecated operation")
    token.add_argument("--content-type", choices=get_args(generate_access_token.RequestMediaType))
    token.add_argument("--accept", choices=get_args(generate_access_token.ResponseMediaType))
    token.add_argument("--correlation-id", type=uuid.UUID, help="ms-correlationid to send (default: a fresh one)")
    token.add_argument("--raw", action="store_true", help="print only the access token")

    serve = commands.add_parser("serve", help="run the stand-in Partner Center on loopback")
    serve.add_argument("--port", type=int, default=0, help="0: any free port")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    options = parser.parse_args(argv)
    if options.verbose:
        logging.basicConfig(level=logging.DEBUG, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    if options.command == "serve":
        return _serve(options.port)
    entra_token = _entra_token(options)
    if not entra_token:
        parser.error(f"no Entra ID token: give --entra-token-file, set {ENTRA_TOKEN_VARIABLE} or pipe it in")
    return _token(options, entra_token)


def _entra_token(options: argparse.Namespace) -> str:
    if options.entra_token_file is not None:
        with options.entra_token_file as file:
            return str(file.read()).strip()
    if os.environ.get(ENTRA_TOKEN_VARIABLE):
        return os.environ[ENTRA_TOKEN_VARIABLE].strip()
    if sys.stdin is not None and not sys.stdin.isatty():
        return sys.stdin.read().strip()
    return ""


def _token(options: argparse.Namespace, entra_token: str) -> int:
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
                **{name: value for name, value in defaults.items() if value is not None},
            ) as provider,
        ):
            if options.legacy:
                warnings.simplefilter("ignore", DeprecationWarning)
                print("partner-center-auth: warning: the legacy operation is deprecated", file=sys.stderr)
            token = provider.get_token()
    except PartnerCenterAuthError as error:
        print(
            f"partner-center-auth: error: {error} (correlation id {_correlation_id(error, correlation_id)})",
            file=sys.stderr,
        )
        return _exit_code(error)
    if options.raw:
        print(token.access_token)
    else:
        print(
            json.dumps(
                {
                    "access_token": token.access_token,
                    "token_type": token.token_type,
                    "expires_on": int(token.expires_on),
                }
            )
        )
    return OK


def _correlation_id(error: PartnerCenterAuthError, sent: uuid.UUID) -> str:
    if isinstance(error, ResponseError):
        return error.headers.get("ms-correlationid", str(sent))
    return str(sent)


def _exit_code(error: PartnerCenterAuthError) -> int:
    if isinstance(error, NotAuthenticated | Forbidden):
        return NOT_AUTHENTICATED
    if isinstance(error, BadRequest | NotFound):
        return BAD_INPUT
    return FAILURE


def _serve(port: int) -> int:
    from .testing import StandInServer

    with StandInServer(port=port) as server:
        print(f"Stand-in Partner Center at {server.base_url} (Ctrl-C to stop)", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return OK
