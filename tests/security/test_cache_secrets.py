"""Shared token caches keep the Security promises: tokens in no log, repr or message, the Entra
ID token never stored, files no one else may read, and a forked child's locks its own."""

from __future__ import annotations

import logging
import os
import stat
import time
from pathlib import Path

import pytest

from partner_center_auth import (
    CachedToken,
    FileCache,
    InsecureCache,
    MemoryCache,
    PartnerCenterToken,
    RedisCache,
    TokenProvider,
)
from partner_center_auth.testing import StandInServer

ENTRA = "entra-SECRET-cache-7f3a"


def test_a_debug_log_of_caching_and_sharing_holds_no_token(
    server: StandInServer, tmp_path: Path, redis_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        for cache in (FileCache(tmp_path / "a"), RedisCache(redis_url), MemoryCache()):
            for _ in range(2):  # a fetch written, then a token read
                with TokenProvider(ENTRA, base_url=server.base_url, cache=cache) as provider:
                    provider.get_token()
        (tmp_path / "a").chmod(0o755)  # refused: its error is logged by no one, and quotes nothing
        refusing = TokenProvider(ENTRA, base_url=server.base_url, cache=FileCache(tmp_path / "a"))
        with refusing, pytest.raises(InsecureCache) as refused:
            refusing.get_token()
    logged = "\n".join(record.getMessage() for record in caplog.records) + str(refused.value)
    assert "taken from the shared cache" in logged
    for secret in [ENTRA, *server.issued_tokens]:
        assert secret not in logged


def test_a_corrupt_entry_holding_a_token_is_logged_without_it(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    cache = FileCache(tmp_path)
    cache.write("key", CachedToken(PartnerCenterToken("pc-SECRET-token", "bearer", time.time() + 60), time.time()))
    (path,) = tmp_path.glob("*.json")
    path.write_bytes(path.read_bytes()[:-5])  # truncated
    with caplog.at_level(logging.WARNING):
        assert cache.read("key") is None
    assert caplog.records and "pc-SECRET-token" not in caplog.text


def test_reprs_of_caches_and_entries_hold_no_token(tmp_path: Path, redis_url: str) -> None:
    entry = CachedToken(PartnerCenterToken("pc-SECRET-token", "bearer", time.time() + 60), time.time())
    memory = MemoryCache()
    memory.write("key", entry)
    lease = memory.lock("key", wait=0, hold=1)
    shown = " ".join(map(repr, (entry, memory, lease, FileCache(tmp_path), RedisCache(redis_url))))
    assert "pc-SECRET-token" not in shown and "redis://" not in shown


def test_a_folder_or_file_is_refused_once_others_may_write_it_even_without_reading(
    server: StandInServer, tmp_path: Path
) -> None:
    with TokenProvider(ENTRA, base_url=server.base_url, cache=FileCache(tmp_path)) as provider:
        provider.get_token()
    (path,) = tmp_path.glob("*.json")
    path.chmod(0o620)  # group-writable: another user could plant a token
    with pytest.raises(InsecureCache, match="0620"):
        FileCache(tmp_path).read(path.stem)
    assert stat.S_IMODE(path.stat().st_mode) == 0o620  # refused, never silently replaced


def _in_child(check: object) -> int:
    """Run ``check`` in a forked child; its exit status (0: it held)."""
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's own process
        try:
            os._exit(0 if check() else 1)  # type: ignore[operator]
        except BaseException:
            os._exit(2)
    _, status = os.waitpid(child, 0)
    return os.waitstatus_to_exitcode(status)


def test_a_forked_child_does_not_inherit_a_lock_the_parent_holds(tmp_path: Path) -> None:
    memory, files = MemoryCache(), FileCache(tmp_path)
    held = [memory.lock("key", wait=0, hold=5), files.lock("key", wait=0, hold=5)]
    assert all(held)
    # In the child, the parent's threads are gone: its memory lock is free; the file lock stays the
    # parent's (another process now), and is the child's once the parent releases it.
    assert _in_child(lambda: memory.lock("key", wait=0, hold=5) is not None) == 0
    assert _in_child(lambda: files.lock("key", wait=0.2, hold=5) is None) == 0
    files.unlock(held[1])  # type: ignore[arg-type]
    assert _in_child(lambda: files.lock("key", wait=5, hold=5) is not None) == 0
