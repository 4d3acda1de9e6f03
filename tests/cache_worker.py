"""A process sharing a token cache, for the multi-process tests and the benchmark.

    python tests/cache_worker.py '{"mode": "load", "base_url": ..., "cache": ["file", DIR] | ["redis", URL], ...}'

``load``: once set up (imports done), prints ``ready`` and reads the start (epoch seconds) from
its standard input, so that a loaded machine's slow starts take nothing from the load; then
``threads`` threads call ``get_token()`` from that start for ``seconds``, ``pause`` seconds apart
(the caller's own work);
prints what they saw as JSON: the calls, the tokens served expired, the waits longer than a
millisecond, and when this process fetched. ``once``: one ``get_token()``; prints how long it took.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
from typing import Any

from partner_center_auth import FileCache, RedisCache, RetryPolicy, TokenCache, TokenProvider


class _Fetches(logging.Handler):
    """When this process fetched: the provider logs each token it fetched (never the token)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.times: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg.startswith("token cached"):
            self.times.append(time.time())


def main(config: dict[str, Any]) -> dict[str, Any]:
    kind, where = config["cache"]
    cache: TokenCache = FileCache(where) if kind == "file" else RedisCache(where)
    fetches = _Fetches()
    logger = logging.getLogger("partner_center_auth")
    logger.addHandler(fetches)
    logger.setLevel(logging.DEBUG)
    provider = TokenProvider(
        config.get("entra", "entra-id-token-of-the-fleet"),
        base_url=config["base_url"],
        cache=cache,
        retry=RetryPolicy(deadline=config.get("deadline", 10.0)),
    )
    if config["mode"] == "once":
        started = time.monotonic()
        token = provider.get_token()
        return {"seconds": time.monotonic() - started, "expires_on": token.expires_on, "fetches": fetches.times}

    print("ready", flush=True)
    start_at = float(sys.stdin.readline())
    calls, expired, waits = [0], [0], []
    lock = threading.Lock()

    def call() -> None:
        time.sleep(max(0.0, start_at - time.time()))
        end = start_at + config["seconds"]
        mine, late, slow = 0, 0, []
        while time.time() < end:
            started = time.perf_counter()
            token = provider.get_token()
            took = time.perf_counter() - started
            mine += 1
            late += token.expires_on <= time.time()
            if took > 0.001:
                slow.append(took)
            time.sleep(config.get("pause", 0.0))
        with lock:
            calls[0] += mine
            expired[0] += late
            waits.extend(slow)

    threads = [threading.Thread(target=call) for _ in range(config["threads"])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    provider.close()
    return {"calls": calls[0], "expired": expired[0], "waits": waits, "fetches": fetches.times}


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]))), flush=True)
