"""Writing into the user's folder without ever losing a file of theirs.

The output folder keeps a manifest, :data:`MANIFEST`: the files the generator wrote there, each
with the digest of what it wrote. A new or empty folder is written freely; a folder holding
anything needs ``--overwrite``, and even then only the files of the manifest, as the generator
left them, are replaced or removed. Every other file is the user's, and so is a listed file they
have changed (unless it already holds exactly the new bytes): if the generator would need to
write one of them (or the spec or the configuration it was given), it refuses before writing
anything. Each file is written atomically (moved from the generator's scratch folder when it is on
the same file system, else copied to a temporary file beside it; then renamed into place), and the
manifest first accepts both the old and the new bytes of every file, so an interrupted run is
finished by the next one.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
from collections.abc import Collection, Mapping
from pathlib import Path, PurePosixPath

from ._errors import GenerationError

MANIFEST = ".pca-generator-manifest"
_CACHES = ("__pycache__", ".ruff_cache")  # what tools leave behind: never the package's, never copied
_HEADER = (
    "# The files pca-generator wrote in this folder, after the SHA-256 of their bytes:\n"
    "# `--overwrite` replaces these, as they were written, and no other file.\n"
)


def files(root: Path) -> set[Path]:
    """Every file under ``root`` (relative), caches and the manifest aside."""
    if not root.is_dir():
        return set()
    found = {
        path.relative_to(root)
        for path in root.rglob("*")
        if path.is_file() and not any(cache in path.parts for cache in _CACHES)
    }
    return found - {Path(MANIFEST)}


def check_writable(output: Path, *, overwrite: bool) -> None:
    """Refuse, before generating, an output folder the generator may not or cannot write into."""
    if output.exists() and not output.is_dir():
        raise GenerationError(f"--output {output} is a file, not a folder: choose a folder")
    if output.is_dir() and any(output.iterdir()) and not overwrite:
        raise GenerationError(
            f"--output {output} is not empty: choose a new or empty folder, or pass --overwrite to replace the "
            f"files an earlier run wrote there (listed in {MANIFEST}; no other file is touched)"
        )
    existing = output
    while not existing.exists():
        existing = existing.parent
    if not os.access(existing, os.W_OK | os.X_OK):
        raise GenerationError(f"--output {output}: {existing} cannot be written to: choose a folder you can write")


Manifest = Mapping[PurePosixPath, frozenset[str]]
"""Each file the generator wrote, with the digests of the bytes it may have left there."""


def read_manifest(output: Path) -> Manifest:
    manifest = output / MANIFEST
    if not manifest.is_file():
        return {}
    listed: dict[PurePosixPath, frozenset[str]] = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        if line.startswith("#") or not name:
            continue
        path = PurePosixPath(name)
        if path.is_absolute() or ".." in path.parts:
            raise GenerationError(f"{manifest} lists a path outside its folder: delete the manifest or the folder")
        listed[path] = listed.get(path, frozenset()) | {digest}
    return listed


def install(built: Path, output: Path, *, protected: Collection[Path]) -> None:
    """Move the generated tree ``built`` (a scratch folder, left emptied) into ``output``: only files
    of the manifest are replaced or removed."""
    new = {PurePosixPath(path.as_posix()): frozenset({_digest(built / path)}) for path in files(built)}
    old = read_manifest(output)
    protected = {path.resolve() for path in protected}
    folders: dict[Path, str | None] = {}
    refused = [
        conflict
        for path in sorted({*new, *old})
        if (conflict := _conflict(output, path, old.get(path), new.get(path, frozenset()), protected, folders))
    ]
    if refused:
        more = f" (and {len(refused) - 1} more)" if len(refused) > 1 else ""
        raise GenerationError(f"{refused[0]}{more}: nothing was written; move it away or choose another --output")
    output.mkdir(parents=True, exist_ok=True)
    # An interrupted run leaves every file it may have written listed, with either content.
    _write_manifest(output, {path: old.get(path, frozenset()) | new.get(path, frozenset()) for path in {*old, *new}})
    for path in sorted(new):
        _move(built / path, output / path)
    for path in sorted(set(old) - set(new)):
        (output / path).unlink(missing_ok=True)
        _remove_empty_parents(output, output / path)
    _write_manifest(output, new)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _conflict(
    output: Path,
    path: PurePosixPath,
    written: frozenset[str] | None,
    writes: frozenset[str],
    protected: Collection[Path],
    folders: dict[Path, str | None],
) -> str | None:
    """Why the generator may not write or remove ``output/path``, or None.

    ``written``: the digests of what the manifest says the generator wrote there (None: not
    listed); ``writes``: of what it writes now. A listed file that already holds the new bytes, as
    after a merge of two regenerations, loses nothing by being written again. ``folders``: what was
    found of each folder inside ``output`` already (a package has hundreds of files in a few folders).
    """
    target = output / path
    for depth in range(1, len(path.parts)):
        folder = output.joinpath(*path.parts[:depth])
        if folder not in folders:
            folders[folder] = _folder_conflict(folder)
        if folders[folder] is not None:
            return folders[folder]
    if os.path.lexists(target) and target.resolve() in protected:
        return f"{target} is the spec or configuration being read"
    if target.is_dir() and not target.is_symlink():
        return f"{target} is a folder the generator did not write"
    if target.is_symlink() or (target.exists() and written is None):
        return f"{target} exists and was not written by the generator"
    if target.exists() and _digest(target) not in (written or frozenset()) | writes:
        return f"{target} was changed since the generator wrote it"
    return None


def _folder_conflict(folder: Path) -> str | None:
    """Why the generator may not write into ``folder`` (inside the output folder), or None."""
    if folder.is_symlink():
        return f"{folder} is a symbolic link, and the generator writes only into real folders"
    if folder.exists() and not folder.is_dir():
        return f"{folder} is a file the generator did not write"
    return None


def _move(source: Path, target: Path) -> None:
    """``source`` renamed to ``target`` (atomic), or copied there when the two are on different file systems."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(source, 0o644)
    try:
        os.replace(source, target)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        _write(source, target)


def _write(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as written, source.open("rb") as read:
            shutil.copyfileobj(read, written)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_manifest(output: Path, listed: Manifest) -> None:
    lines = [f"{digest}  {path}\n" for path in sorted(listed) for digest in sorted(listed[path])]
    with tempfile.TemporaryDirectory() as scratch:
        staged = Path(scratch) / MANIFEST
        staged.write_text(_HEADER + "".join(lines), encoding="utf-8")
        _write(staged, output / MANIFEST)


def _remove_empty_parents(output: Path, removed: Path) -> None:
    for parent in removed.parents:
        if parent == output or output not in parent.parents:
            return
        try:
            parent.rmdir()
        except OSError:  # not empty: something else lives there
            return
