"""A loopback token service whose answer a test writes when the request arrives, which records the
client port of every request (a kept-alive connection keeps its port) and can wait before answering."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def token_answer() -> dict[str, Any]:
    return {"access_token": f"access-{time.monotonic_ns()}", "token_type": "bearer", "expires_in": 3600}


class TokenServer:
    """Answers every request with ``answer()`` as JSON (written when the request arrives), after ``delay``."""

    def __init__(self, answer: Callable[[], dict[str, Any]] = token_answer, delay: float = 0.0) -> None:
        self.answer, self.delay = answer, delay
        self.ports: list[int] = []
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.tokens = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> TokenServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # connections are kept alive

    def do_POST(self) -> None:
        server: TokenServer = self.server.tokens  # type: ignore[attr-defined]
        self.rfile.read(int(self.headers.get("content-length") or 0))
        server.ports.append(self.client_address[1])
        body = json.dumps(server.answer()).encode()
        time.sleep(server.delay)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass
