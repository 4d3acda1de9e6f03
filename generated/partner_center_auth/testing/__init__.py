"""A stand-in for the Partner Center token service, to test code built on this client without Microsoft.

    with StandInServer() as server:                  # a real HTTP server on loopback
        client = AuthenticatedClient(base_url=server.base_url, token="entra-id-token")
        token = generate_access_token.sync(client=client, body=TokenRequest())

    transport = httpx.MockTransport(StandInService())  # the same answers, with no socket

Like ``httpx.MockTransport``, it ships in the package. It serves every operation of the spec,
reads every documented request media type and answers in the media type the ``Accept`` header
negotiates:

* no ``Authorization: Bearer ...``            → 401 ApiFault (with ``WWW-Authenticate``)
* undocumented ``Content-Type``, bad body     → 400 ApiFault
* an unknown path                             → 404 ApiFault
* ``fail_next``                               → the given status (and ``Retry-After``), N times
* :meth:`StandInServer.break_next`            → a broken exchange, N times: the connection dropped
                                                before an answer, reset mid-body, a body shorter
                                                than its Content-Length, a stall after the
                                                headers, or a body dripped a byte at a time
* otherwise                                   → 200 TokenResponse, after ``delay`` seconds

Whatever a client sends, the server holds its limits: a request's line and header fields take
at most :data:`MAX_HEAD_BYTES` (431 past them), its body at most :data:`MAX_REQUEST_BYTES` (413),
and a body whose framing is not exactly RFC 9112's (a Content-Length that is not one number, both
Content-Length and Transfer-Encoding, a coding other than ``chunked``, a chunk size that is not
hexadecimal digits, a missing CRLF, a connection that ends early) is a 400 (501 for a coding it
does not implement), after which the connection is closed. Each connection holds at most the
bytes of one request; :data:`MAX_CONNECTIONS` are served at once.

The pieces, each in a module of its own: what the service answers (``_service.py``), content
negotiation (``_negotiation.py``), the script of the next calls' faults (``_script.py``), how a
request is read off a connection (``_framing.py``) and the server with its sockets (``_server.py``).
"""

from ._framing import MAX_HEAD_BYTES, MAX_LINE_BYTES, MAX_REQUEST_BYTES
from ._negotiation import negotiate
from ._script import Breakage
from ._server import IDLE_TIMEOUT, LINGER, MAX_CONNECTIONS, StandInServer
from ._service import RecordedRequest, StandInService

__all__ = [
    "IDLE_TIMEOUT",
    "LINGER",
    "MAX_CONNECTIONS",
    "MAX_HEAD_BYTES",
    "MAX_LINE_BYTES",
    "MAX_REQUEST_BYTES",
    "Breakage",
    "RecordedRequest",
    "StandInServer",
    "StandInService",
    "negotiate",
]
