"""Shared token caches: in memory, in files and in Redis (a real redis-server), as providers use them.

Each test watches what a user would: the stand-in's request log (no request means the token came
from the cache), the files on disk and their modes, the keys in Redis and their TTLs, the log.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis

from partner_center_auth import (
    AsyncTokenProvider,
    CachedToken,
    FileCache,
    InsecureCache,
    MemoryCache,
    PartnerCenterToken,
    RedisCache,
    RetryPolicy,
    TokenProvider,
)
from partner_center_auth._cache.identity import cache_key, identity_of
from partner_center_auth.testing import StandInServer

ENTRA = "entra-id-token-for-cache-tests"


def jwt(**claims: object) -> str:
    """An unsigned JWT holding ``claims`` (the token service, not the cache, verifies tokens)."""

    def part(value: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    return f"{part({'alg': 'RS256', 'typ': 'JWT'})}.{part(claims)}.c2lnbmF0dXJl"


@pytest.fixture
def redis_cache(redis_url: str) -> Iterator[RedisCache]:
    client: Any = redis.Redis.from_url(redis_url)
    client.flushdb()
    cache = RedisCache(redis_url, prefix="test:")
    yield cache
    cache.close()
    client.close()


def entry(life: float = 3600.0, token: str = "cached-token") -> CachedToken:
    now = time.time()
    return CachedToken(PartnerCenterToken(token, "bearer", now + life), refresh_on=now + life * 0.9)


# The providers share one fetch through each cache -------------------------------------------


@pytest.fixture(params=["memory", "file", "redis"])
def cache(request: pytest.FixtureRequest, tmp_path: Path) -> object:
    if request.param == "memory":
        return MemoryCache()
    if request.param == "file":
        return FileCache(tmp_path / "tokens")
    return request.getfixturevalue("redis_cache")


def test_a_second_provider_takes_the_cached_token_without_a_request(server: StandInServer, cache: object) -> None:
    with TokenProvider(ENTRA, base_url=server.base_url, cache=cache) as first:  # type: ignore[arg-type]
        token = first.get_token()
    with TokenProvider(ENTRA, base_url=server.base_url, cache=cache) as second:  # type: ignore[arg-type]
        assert second.get_token() == token
    assert server.call_count == 1


def test_the_async_provider_shares_the_same_cache_with_the_sync_one(server: StandInServer, cache: object) -> None:
    with TokenProvider(ENTRA, base_url=server.base_url, cache=cache) as sync:  # type: ignore[arg-type]
        token = sync.get_token()

    async def fetch() -> PartnerCenterToken:
        async with AsyncTokenProvider(ENTRA, base_url=server.base_url, cache=cache) as provider:  # type: ignore[arg-type]
            return await provider.get_token()

    assert asyncio.run(fetch()) == token
    assert server.call_count == 1


def test_two_identities_never_share_a_token(server: StandInServer, tmp_path: Path) -> None:
    cache = FileCache(tmp_path)
    tokens = set()
    users = (jwt(tid="tenant-a", azp="cli", oid="alice"), jwt(tid="tenant-a", azp="cli", oid="bob"))
    for entra in (
        jwt(tid="tenant-a", appid="app-1"),
        jwt(tid="tenant-a", appid="app-2"),
        jwt(tid="b", azp="app-1"),
        *users,
    ):
        with TokenProvider(entra, base_url=server.base_url, cache=cache) as provider:
            tokens.add(provider.get_token().access_token)
    with (
        pytest.warns(DeprecationWarning),
        TokenProvider(ENTRA, base_url=server.base_url, cache=cache, legacy=True) as old,
    ):
        tokens.add(old.get_token().access_token)
    with TokenProvider(ENTRA, base_url=server.base_url, cache=cache, cache_key="billing") as keyed:
        tokens.add(keyed.get_token().access_token)
    assert len(tokens) == server.call_count == 7


def test_the_key_is_who_a_jwt_is_for_whatever_else_it_holds() -> None:
    # Two tokens of one principal (issued at different times): one identity.
    first, later = jwt(tid="t", appid="a", iat=1, exp=2), jwt(tid="t", appid="a", iat=3, exp=4)
    assert identity_of(first) == identity_of(later) != identity_of(jwt(tid="t", appid="b"))
    # Two users of one application (delegated tokens), and one token for another API: three.
    alice, bob = jwt(tid="t", azp="cli", oid="alice", sub="s1"), jwt(tid="t", azp="cli", oid="bob", sub="s2")
    graph = jwt(tid="t", azp="cli", oid="alice", sub="s1", aud="https://graph.windows.net")
    assert len({identity_of(alice), identity_of(bob), identity_of(graph)}) == 3
    assert identity_of("opaque-1") != identity_of("opaque-2")
    key = cache_key("https://api.partnercenter.microsoft.com", "generateAccessToken", identity_of(first))
    assert len(key) == 40 and set(key) <= set("0123456789abcdef")  # a digest, naming no one
    assert key != cache_key("https://other.example", "generateAccessToken", identity_of(first))


def test_a_callable_source_is_asked_once_for_its_identity(server: StandInServer, tmp_path: Path) -> None:
    calls: list[int] = []

    def source() -> str:
        calls.append(1)
        return jwt(tid="t", appid="a")

    cache = FileCache(tmp_path)
    with TokenProvider(source, base_url=server.base_url, cache=cache) as first:
        first.get_token()
    with TokenProvider(lambda: jwt(tid="t", appid="a", iat=9), base_url=server.base_url, cache=cache) as second:
        second.get_token()
    assert server.call_count == 1 and len(calls) == 2  # the identity, then the fetch


def test_invalidate_takes_no_longer_the_shared_token(server: StandInServer, tmp_path: Path) -> None:
    cache = FileCache(tmp_path)
    with TokenProvider(ENTRA, base_url=server.base_url, cache=cache) as provider:
        refused = provider.get_token()
        provider.invalidate(refused)  # a 401 downstream
        renewed = provider.get_token()
    assert renewed != refused and server.call_count == 2
    with TokenProvider(ENTRA, base_url=server.base_url, cache=cache) as other:
        assert other.get_token() == renewed  # written over the refused one


# The file cache --------------------------------------------------------------------------------


def test_the_folder_is_0700_and_the_files_0600_whatever_the_umask(server: StandInServer, tmp_path: Path) -> None:
    previous = os.umask(0)
    try:
        with TokenProvider(ENTRA, base_url=server.base_url, cache=FileCache(tmp_path / "a" / "tokens")) as provider:
            provider.get_token()
    finally:
        os.umask(previous)
    folder = tmp_path / "a" / "tokens"
    assert stat.S_IMODE(folder.stat().st_mode) == stat.S_IMODE(folder.parent.stat().st_mode) == 0o700  # made here
    files = list(folder.iterdir())
    assert {path.suffix for path in files} == {".json", ".lock"}
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in files)


def test_the_default_folder_follows_the_xdg_rule(own_cache_home: Path) -> None:
    assert FileCache().folder == own_cache_home / "partner_center_auth" / "tokens"


@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_cache_others_can_read_or_write_is_refused_naming_its_path(
    what: str, server: StandInServer, tmp_path: Path
) -> None:
    cache = FileCache(tmp_path / "tokens")
    with TokenProvider(ENTRA, base_url=server.base_url, cache=cache) as provider:
        provider.get_token()
    (path,) = (tmp_path / "tokens").glob("*.json") if what == "file" else [tmp_path / "tokens"]
    path.chmod(0o644 if what == "file" else 0o755)
    provider = TokenProvider(ENTRA, base_url=server.base_url, cache=FileCache(tmp_path / "tokens"))
    with provider, pytest.raises(InsecureCache, match="may be read or written by others") as refused:
        provider.get_token()
    assert repr(str(path)) in str(refused.value)
    assert server.call_count == 1  # no silent fallback to a fetch


def test_a_symbolic_link_in_place_of_a_cache_file_is_refused(server: StandInServer, tmp_path: Path) -> None:
    cache = FileCache(tmp_path / "tokens")
    with TokenProvider(ENTRA, base_url=server.base_url, cache=cache) as provider:
        provider.get_token()
    (path,) = (tmp_path / "tokens").glob("*.json")
    path.rename(tmp_path / "elsewhere.json")
    path.symlink_to(tmp_path / "elsewhere.json")
    provider = TokenProvider(ENTRA, base_url=server.base_url, cache=FileCache(tmp_path / "tokens"))
    with provider, pytest.raises(InsecureCache, match="symbolic link"):
        provider.get_token()


def test_a_folder_of_another_user_is_refused(tmp_path: Path) -> None:
    if os.getuid() != 0:
        pytest.skip("only root can give a folder to another user")
    folder = tmp_path / "tokens"
    folder.mkdir(mode=0o700)
    os.chown(folder, 65534, 65534)
    with pytest.raises(InsecureCache, match="belongs to another user"):
        FileCache(folder).read("key")


@pytest.mark.parametrize("content", [b"", b'{"format": 1, "access_to', b"\x00" * 40, b'{"format": 1}', b"[]"])
def test_a_corrupt_or_truncated_file_is_read_as_empty_logged_and_rewritten(
    content: bytes, server: StandInServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = FileCache(tmp_path)
    with TokenProvider(ENTRA, base_url=server.base_url, cache=cache) as provider:
        provider.get_token()
    (path,) = tmp_path.glob("*.json")
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING), TokenProvider(ENTRA, base_url=server.base_url, cache=cache) as provider:
        token = provider.get_token()
    assert server.call_count == 2
    levels = {r.levelname for r in caplog.records if "unreadable" in r.getMessage()}
    assert levels == {"WARNING"}
    assert json.loads(path.read_bytes())["access_token"] == token.access_token  # rewritten


def test_a_write_killed_midway_leaves_the_previous_entry_readable(tmp_path: Path) -> None:
    cache = FileCache(tmp_path)
    cache.write("key", entry(token="previous"))
    # A process killed mid-write leaves its temporary file behind, never a half-written entry.
    (tmp_path / ".key.partial.tmp").write_bytes(entry(token="next").to_bytes()[:20])
    read = cache.read("key")
    assert read is not None and read.token.access_token == "previous"


def test_an_entry_holds_the_partner_center_token_and_never_the_entra_id_token(
    server: StandInServer, tmp_path: Path
) -> None:
    with TokenProvider(ENTRA, base_url=server.base_url, cache=FileCache(tmp_path)) as provider:
        provider.get_token()
    (path,) = tmp_path.glob("*.json")
    stored = path.read_text()
    assert ENTRA not in stored and ENTRA not in path.name
    assert set(json.loads(stored)) == {"format", "access_token", "token_type", "expires_on", "refresh_on"}


# Redis -------------------------------------------------------------------------------------------


def test_a_redis_entry_expires_before_its_token(server: StandInServer, redis_cache: RedisCache, redis_url: str) -> None:
    with TokenProvider(ENTRA, base_url=server.base_url, cache=redis_cache) as provider:
        token = provider.get_token()
    client: Any = redis.Redis.from_url(redis_url)
    (name,) = client.keys("test:token:*")
    ttl = client.pttl(name) / 1000
    assert 0 < ttl < token.expires_on - time.time()
    assert ENTRA.encode() not in client.get(name)
    client.close()


def test_a_redis_lock_expires_and_is_released_only_by_its_owner(redis_cache: RedisCache, redis_url: str) -> None:
    first = redis_cache.lock("key", wait=0, hold=0.5)
    assert first is not None
    assert redis_cache.lock("key", wait=0, hold=0.5) is None  # held
    started = time.monotonic()
    second = redis_cache.lock("key", wait=5, hold=5)  # taken as the first one expires
    assert second is not None and 0.3 < time.monotonic() - started < 3
    redis_cache.unlock(first)  # the first holder, late: the second's lock stays
    client: Any = redis.Redis.from_url(redis_url)
    assert client.get("test:lock:key") == second.owner.encode()  # type: ignore[attr-defined]
    redis_cache.unlock(second)
    assert client.get("test:lock:key") is None
    client.close()


def test_an_unreachable_redis_is_a_warning_and_a_fetch_of_its_own(
    server: StandInServer, caplog: pytest.LogCaptureFixture
) -> None:
    import socket

    with socket.socket() as probe:  # a loopback port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cache = RedisCache(f"redis://127.0.0.1:{port}/0", timeout=0.5)
    with caplog.at_level(logging.WARNING), TokenProvider(ENTRA, base_url=server.base_url, cache=cache) as provider:
        token = provider.get_token()
    assert token.access_token == server.issued_tokens[-1]
    assert any(r.levelname == "WARNING" and "unavailable" in r.getMessage() for r in caplog.records)


def test_a_provider_waits_for_the_fetch_of_another_process_bounded_by_its_deadline(
    server: StandInServer, redis_cache: RedisCache
) -> None:
    # Another holder of the lock that never writes: this provider takes over when the lock expires.
    assert (
        redis_cache.lock(cache_key(server.base_url, "generate_access_token", identity_of(ENTRA)), wait=0, hold=1.5)
        is not None
    )
    started = time.monotonic()
    retry = RetryPolicy(deadline=3.0)
    with TokenProvider(ENTRA, base_url=server.base_url, cache=redis_cache, retry=retry) as provider:
        provider.get_token()
    assert 1.0 < time.monotonic() - started < 4.0 + 5.0  # the lock's expiry, then a fetch
    assert server.call_count == 1


def test_a_redis_client_without_a_socket_timeout_is_refused(redis_url: str) -> None:
    """Such a client waits forever on a Redis that stops answering, and every caller with it."""
    from partner_center_auth.errors import InvalidArgument

    with pytest.raises(InvalidArgument, match="socket_timeout"):
        RedisCache(redis.Redis.from_url(redis_url))
    client = redis.Redis.from_url(redis_url, socket_timeout=1.0)
    assert RedisCache(client, prefix="given:").prefix == "given:"
    client.close()  # type: ignore[no-untyped-call, unused-ignore]
