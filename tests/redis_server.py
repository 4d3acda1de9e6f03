"""A real redis-server of a test's own, on loopback, in a temporary folder: never a shared one.

Debian's ``redis-server`` package (``make test`` installs it when missing): the tests and the
benchmark (``make bench`` puts this folder on its path) use it. Each server listens on a
free loopback port, keeps nothing on disk, and is stopped (and its folder removed) after use.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["redis_server"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@contextmanager
def redis_server() -> Iterator[str]:
    """A running redis-server; yields its URL (``redis://127.0.0.1:<port>/0``)."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("redis-server is missing: apt-get install redis-server (make test installs it)")
    folder = tempfile.mkdtemp(prefix="redis-")
    for _ in range(5):  # a port taken between the probe and the bind: another one
        port = _free_port()
        process = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        give_up = time.monotonic() + 10
        while process.poll() is None and not _answers(port) and time.monotonic() < give_up:
            time.sleep(0.02)
        if process.poll() is None and _answers(port):
            break
        process.kill()
        process.wait()
    else:
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError("redis-server did not start on loopback")
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)
