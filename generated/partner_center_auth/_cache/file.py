"""A token cache in files: the processes of one host share one token per identity.

One file per key in a folder of the user's cache directory (``$XDG_CACHE_HOME``, else
``~/.cache``; ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows), the folder 0700 and
the files 0600. A file is written whole or not at all (a temporary file beside it, written,
fsynced and renamed over it): a process killed mid-write leaves the previous entry readable. A
file that does not hold an entry (truncated, corrupt) is read as none, with a WARNING, and
rewritten by the next fetch. A folder or file that another user owns, or that others may read or
write, is :class:`InsecureCache` naming its path: never used, never silently replaced.

Processes take turns through a lock file per key, locked with ``filelock`` (``flock`` on POSIX,
``msvcrt.locking`` on Windows): the system releases it when its holder dies, ``kill -9`` included.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import stat
import sys
import tempfile
import threading
import time
from pathlib import Path

import filelock

from .. import _fork
from .interface import CachedToken, CacheUnavailable, InsecureCache, Lease

__all__ = ["FileCache", "default_cache_dir"]

logger = logging.getLogger(__name__.partition("._cache")[0])

MAX_ENTRY_BYTES = 64 * 1024
"""The most bytes read from a cache file (an entry is a few hundred)."""
_PACKAGE = __name__.partition("._cache")[0]  # the package's own name, vendored too


def default_cache_dir() -> Path:
    """Where the package caches tokens for this user, by the platform's rule."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:  # the XDG rule: an absolute $XDG_CACHE_HOME, else ~/.cache
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    return base / _PACKAGE / "tokens"


def _private(path: Path, info: os.stat_result, what: str) -> None:
    """Refuse ``path`` unless this user owns it and no one else may read or write it."""
    if not hasattr(os, "getuid"):  # Windows: a folder in %LOCALAPPDATA% is the user's by its ACL
        return
    if info.st_uid != os.getuid():
        raise InsecureCache(
            f"the token cache {what} {str(path)!r} belongs to another user (uid {info.st_uid}): refused"
        )
    if info.st_mode & 0o077:
        private = "0700" if what == "folder" else "0600"
        raise InsecureCache(
            f"the token cache {what} {str(path)!r} may be read or written by others "
            f"(mode {stat.S_IMODE(info.st_mode):04o}): chmod it to {private} or remove it"
        )


class FileCache:
    """A :class:`TokenCache` in a folder of files, for the processes of one host.

    Args:
        folder: where the files are (made 0700 if missing); default :func:`default_cache_dir`.
    """

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_cache_dir()
        self._checked = False
        self._renew()
        _fork.renew_in_child(self, FileCache._renew)

    def _renew(self) -> None:
        # When made, and in a forked child: the parent's locks are the parent's (a lock file the
        # parent holds is released by the parent).
        self._guard = threading.Lock()
        self._locks: dict[str, tuple[threading.Lock, filelock.BaseFileLock]] = {}

    def _ready(self) -> Path:
        """The folder, made if missing and checked: ours, and no one else's."""
        if not self._checked:
            try:
                # Every level made here is 0700 (a parent others may write lets them swap the folder).
                for level in reversed([self.folder, *self.folder.parents]):
                    if not level.exists():
                        level.mkdir(mode=0o700, exist_ok=True)
                info = self.folder.lstat()
            except OSError as error:
                raise CacheUnavailable(
                    f"the token cache folder {str(self.folder)!r}: {error.strerror or type(error).__name__}"
                ) from None
            if not stat.S_ISDIR(info.st_mode):
                raise InsecureCache(f"the token cache folder {str(self.folder)!r} is not a folder: refused")
            _private(self.folder, info, "folder")
            self._checked = True
        return self.folder

    def read(self, key: str) -> CachedToken | None:
        path = self._ready() / f"{key}.json"
        try:
            descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            return None
        except OSError as error:
            if error.errno == errno.ELOOP:  # a symbolic link in place of the file
                raise InsecureCache(f"the token cache file {str(path)!r} is a symbolic link: refused") from None
            raise CacheUnavailable(f"the token cache file {str(path)!r}: {error.strerror}") from None
        with open(descriptor, "rb") as file:
            _private(path, os.fstat(descriptor), "file")
            data = file.read(MAX_ENTRY_BYTES + 1)
        try:
            return CachedToken.from_bytes(data)
        except ValueError as problem:
            logger.warning("the token cache file %r is unreadable (%s): read as empty, rewritten", str(path), problem)
            return None

    def write(self, key: str, entry: CachedToken) -> None:
        folder = self._ready()
        try:
            # mkstemp makes the file 0600; written whole, then renamed over the entry in one step.
            descriptor, temporary = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=folder)
            try:
                with open(descriptor, "wb") as file:
                    file.write(entry.to_bytes())
                    file.flush()
                    os.fsync(file.fileno())
                os.replace(temporary, folder / f"{key}.json")
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
            _fsync_folder(folder)
        except OSError as error:
            raise CacheUnavailable(f"cannot write the token cache in {str(folder)!r}: {error.strerror}") from None

    def lock(self, key: str, *, wait: float, hold: float) -> Lease | None:
        folder = self._ready()
        with self._guard:
            held = self._locks.get(key)
            if held is None:
                # thread_local=False: the async provider may release on another thread than it
                # took. A file lock is reentrant within its process: the thread lock beside it
                # makes the providers of this process take turns too.
                file_lock: filelock.BaseFileLock = filelock.FileLock(
                    folder / f"{key}.lock", mode=0o600, thread_local=False
                )
                held = self._locks[key] = (threading.Lock(), file_lock)
        thread_lock, file_lock = held
        started = time.monotonic()
        if not thread_lock.acquire(blocking=wait > 0, timeout=wait if wait > 0 else -1):
            return None
        try:
            left = max(0.0, wait - (time.monotonic() - started))
            file_lock.acquire(timeout=left, poll_interval=0.01)
        except filelock.Timeout:
            thread_lock.release()
            return None
        except OSError as error:
            thread_lock.release()
            raise CacheUnavailable(f"cannot lock the token cache in {str(folder)!r}: {error.strerror}") from None
        except BaseException:
            thread_lock.release()
            raise
        return Lease(key, held)

    def unlock(self, lease: Lease) -> None:
        thread_lock: threading.Lock
        file_lock: filelock.BaseFileLock
        thread_lock, file_lock = lease.owner  # type: ignore[misc]
        if file_lock.is_locked:
            file_lock.release()
        if thread_lock.locked():
            thread_lock.release()

    def __repr__(self) -> str:
        return f"FileCache({str(self.folder)!r})"


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX; Windows cannot open a folder)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
