"""Every operation x every request media type x every response media type, over real HTTP.

Runs the generated client against the built-in stand-in server on loopback and prints one row
per call. Exits non-zero if any call fails. The matrix comes from the generated operations, so
it follows openapi.yaml.
"""

from __future__ import annotations

import sys
import warnings
from typing import get_args

from partner_center_auth import AuthenticatedClient, PartnerCenterAuthError, TokenRequest, TokenResponse
from partner_center_auth.api.authentication import generate_access_token, generate_access_token_legacy
from partner_center_auth.testing import StandInServer

OPERATIONS = (generate_access_token, generate_access_token_legacy)


def main() -> int:
    failures = 0
    columns = "{:<20} {:<34} {:<18} {:>6}  {:<32} {}"
    with (
        StandInServer() as server,
        AuthenticatedClient(base_url=server.base_url, token="demo-entra-id-token") as client,
    ):
        print(f"Stand-in Partner Center at {server.base_url}\n")
        print(
            columns.format("operation", "request Content-Type", "Accept", "status", "response Content-Type", "result")
        )
        for operation in OPERATIONS:
            for content_type in get_args(operation.RequestMediaType):
                for accept in get_args(operation.ResponseMediaType):
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore", DeprecationWarning)  # the legacy operation warns
                        try:
                            response = operation.sync_detailed(
                                client=client, body=TokenRequest(), content_type=content_type, accept=accept
                            )
                        except PartnerCenterAuthError as error:
                            failures += 1
                            print(
                                columns.format(
                                    operation.OPERATION.path, content_type, accept, "-", "-", f"FAIL {error}"
                                )
                            )
                            continue
                    sent = server.requests[-1]
                    ok = (
                        isinstance(response.parsed, TokenResponse)
                        and sent.headers.get("content-type") == content_type
                        and response.headers["content-type"].split(";")[0] == accept
                    )
                    failures += not ok
                    print(
                        columns.format(
                            operation.OPERATION.path,
                            content_type,
                            accept,
                            int(response.status_code),
                            response.headers["content-type"],
                            "OK" if ok else f"FAIL {type(response.parsed).__name__}",
                        )
                    )
    total = len(server.requests)
    print(f"\n{total - failures} of {total} calls OK")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
