"""The token cache: a cached get_token() (in memory, through the file cache and through Redis on
loopback), a new provider's first get_token() from each, and single-flight under 1000 callers.

    python -m bench.token_cache     # this module alone (PYTHONPATH: generated and tests)
"""

from __future__ import annotations

import asyncio
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from partner_center_auth import AsyncTokenProvider, FileCache, RedisCache, TokenProvider
from partner_center_auth._cache.identity import cache_key, identity_of
from partner_center_auth.testing import StandInServer
from redis_server import redis_server

from .harness import Row, measure, microseconds, table, verdict

GOAL_SECONDS = 2e-6


def _shared(base_url: str) -> tuple[list[Row], list[Row]]:
    """A cached get_token() through each shared cache; and what a process whose own token is due
    pays to take the shared one (a read of the cache), beside a fetch over loopback."""
    cached: list[Row] = []
    with TokenProvider("bench", base_url=base_url) as alone:

        def fetch() -> object:
            alone.invalidate()
            return alone.get_token()

        reads = [Row("a fetch over loopback (no shared cache)", measure(fetch))]
    key = cache_key(base_url, "generate_access_token", identity_of("bench"))
    with tempfile.TemporaryDirectory() as folder, redis_server() as url:
        redis = RedisCache(url)
        for name, cache in (("FileCache", FileCache(folder)), ("RedisCache (loopback)", redis)):
            with TokenProvider("bench", base_url=base_url, cache=cache) as provider:
                provider.get_token()
                cached.append(Row(f"TokenProvider.get_token(), cached, with {name}", measure(provider.get_token)))
            assert cache.read(key) is not None
            reads.append(Row(f"the token read from {name}", measure(lambda c=cache: c.read(key))))  # type: ignore[misc]
        redis.close()
    return cached, reads


def run() -> tuple[str, float, bool]:
    with StandInServer() as server, TokenProvider("bench", base_url=server.base_url) as provider:
        provider.get_token()
        cached = measure(provider.get_token)
        baseline = measure(time.time)  # the clock read the cache cannot avoid

        server.delay = 0.2
        start = threading.Barrier(1000)

        def caller(_: int) -> object:
            start.wait()
            return provider.get_token()

        provider.invalidate()
        before = server.call_count
        started = time.perf_counter()
        with ThreadPoolExecutor(1000) as pool:
            tokens = set(map(id, pool.map(caller, range(1000))))
        threads = (server.call_count - before, len(tokens), time.perf_counter() - started)

        async def tasks() -> tuple[int, int, float]:
            async with AsyncTokenProvider("bench", base_url=server.base_url) as async_provider:
                before, started = server.call_count, time.perf_counter()
                got = await asyncio.gather(*(async_provider.get_token() for _ in range(1000)))
                return server.call_count - before, len({id(token) for token in got}), time.perf_counter() - started

        coroutines = asyncio.run(tasks())
        server.delay = 0.0
        shared_cached, firsts = _shared(server.base_url)

    rows = [
        Row("TokenProvider.get_token(), cached", cached),
        *shared_cached,
        Row("time.time() (baseline)", baseline),
    ]
    met = cached.median <= GOAL_SECONDS
    text = table(
        "A cached get_token()",
        rows,
        baseline,
        goal=1,
        goal_text=(f"Goal ≤ 2 µs: {verdict(met)} ({microseconds(cached.median)})."),
    )
    text += "\n" + table(
        "A token due in this process: taken from the shared cache, or fetched",
        firsts,
        firsts[0].stats or baseline,
    )
    text += "\n#### Single-flight under 1000 concurrent callers (upstream answers after 0.2 s)\n\n"
    text += "| callers | upstream calls | distinct tokens | wall time |\n|---|---:|---:|---:|\n"
    text += f"| 1000 threads, `TokenProvider` | {threads[0]} | {threads[1]} | {threads[2] * 1000:,.0f} ms |\n"
    text += (
        f"| 1000 tasks, `AsyncTokenProvider` | {coroutines[0]} | {coroutines[1]} | {coroutines[2] * 1000:,.0f} ms |\n"
    )
    single = threads[0] == coroutines[0] == 1
    text += f"\nGoal: one upstream call for all: {verdict(single)}.\n"
    return text, cached.median, met and single


if __name__ == "__main__":
    print(run()[0])
