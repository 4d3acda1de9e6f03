"""The generator never loses a file of its user's: it refuses a folder that is not empty unless told
``--overwrite``, and even then replaces only what it wrote there itself (its manifest), never the
spec or configuration it reads, never through a symbolic link, and nothing when it cannot write."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import users
from users import MANIFEST, ORDERS, generator, refused, snapshot


@pytest.fixture
def user(tmp_path: Path) -> Path:
    return users.folder(tmp_path)


def generate(user: Path, output: str, *more: str) -> subprocess.CompletedProcess[str]:
    return generator("--spec", "orders.yaml", "--config", "orders.config.yaml", "--output", output, *more, cwd=user)


def test_a_folder_holding_the_users_files_is_refused_and_kept(user: Path) -> None:
    victim = user / "victim"
    (victim / "src").mkdir(parents=True)
    (victim / "notes.txt").write_text("my notes\n")
    (victim / "src" / "app.py").write_text("print('mine')\n")
    before = snapshot(user)

    result = generate(user, "victim")

    refused(result, "victim is not empty", "--overwrite")
    assert snapshot(user) == before


def test_overwrite_writes_beside_the_users_files_and_later_replaces_only_its_own(user: Path) -> None:
    victim = user / "victim"
    (victim / "src").mkdir(parents=True)
    (victim / "notes.txt").write_text("my notes\n")
    (victim / "src" / "app.py").write_text("print('mine')\n")
    theirs = snapshot(victim)

    first = generate(user, "victim", "--overwrite")
    assert first.returncode == 0, first.stderr
    (victim / "orders_client" / "api" / "default" / "mine.py").write_text("# my module among the generated ones\n")
    theirs["orders_client/api/default/mine.py"] = snapshot(victim)["orders_client/api/default/mine.py"]
    # The spec loses an operation: its module was the generator's, and goes.
    (user / "orders.yaml").write_text(
        ORDERS.split("  /orders/{id}:")[0] + "components:" + ORDERS.split("components:")[1]
    )
    second = generate(user, "victim", "--overwrite")

    assert second.returncode == 0, second.stderr
    after = snapshot(victim)
    assert {path: after.get(path) for path in theirs} == theirs
    assert "orders_client/api/default/list_orders.py" in after
    assert "orders_client/api/default/cancel_order.py" not in after
    listed = {
        path: digest for digest, path in (line.split("  ") for line in (victim / MANIFEST).read_text().splitlines()[2:])
    }
    assert listed == {path: digest for path, digest in after.items() if path not in theirs and path != MANIFEST}


def test_output_dot_keeps_the_spec_the_configuration_and_the_users_work(user: Path) -> None:
    (user / "mywork.txt").write_text("three weeks of work\n")
    before = snapshot(user)

    refused(generate(user, "."), "is not empty", "--overwrite")
    assert snapshot(user) == before
    result = generate(user, ".", "--overwrite")

    assert result.returncode == 0, result.stderr
    after = snapshot(user)
    assert {path: after[path] for path in before} == before
    assert "orders_client/__init__.py" in after and "pyproject.toml" in after


def test_a_file_the_generator_would_write_but_did_not_is_never_replaced(user: Path) -> None:
    out = user / "out"
    out.mkdir()
    (out / "README.md").write_text("# my project\n")
    before = snapshot(user)

    result = generate(user, "out", "--overwrite")

    refused(result, "README.md exists and was not written by the generator", "nothing was written")
    assert snapshot(user) == before


def test_a_generated_file_the_user_changed_is_theirs(user: Path) -> None:
    assert generate(user, "out").returncode == 0
    with (user / "out" / "README.md").open("a") as readme:
        readme.write("\nMy notes on this client.\n")
    before = snapshot(user)

    result = generate(user, "out", "--overwrite")

    refused(result, "README.md was changed since the generator wrote it", "nothing was written")
    assert snapshot(user) == before


def test_a_listed_file_that_already_holds_the_new_bytes_is_accepted(user: Path) -> None:
    assert generate(user, "out").returncode == 0
    # The spec changes, and the output already holds the new README (as after merging two
    # regenerations): its manifest lists the old bytes.
    (user / "orders.yaml").write_text(ORDERS.replace("title: Orders", "title: Orders and returns"))
    assert generate(user, "other").returncode == 0
    shutil.copy(user / "other" / "README.md", user / "out" / "README.md")

    result = generate(user, "out", "--overwrite")

    assert result.returncode == 0, result.stderr
    assert (user / "out" / "README.md").read_bytes() == (user / "other" / "README.md").read_bytes()
    assert "Orders and returns" in (user / "out" / "README.md").read_text()


def test_an_output_folder_holding_the_spec_keeps_it(user: Path) -> None:
    out = user / "out"
    assert generate(user, "out").returncode == 0
    shutil.copy(user / "orders.yaml", out / "orders.yaml")

    beside = generate_from(user, "out/orders.yaml")

    assert beside.returncode == 0, beside.stderr
    assert (out / "orders.yaml").read_text() == ORDERS
    # Even under a name the generator writes, the spec is only read.
    (out / "README.md").unlink()
    shutil.copy(user / "orders.yaml", out / "README.md")
    before = snapshot(user)

    refused(generate_from(user, "out/README.md"), "README.md is the spec or configuration being read")
    assert snapshot(user) == before


def generate_from(user: Path, spec: str) -> subprocess.CompletedProcess[str]:
    return generator("--spec", spec, "--config", "orders.config.yaml", "--output", "out", "--overwrite", cwd=user)


def test_a_symlinked_output_is_written_through_and_stays_a_link(user: Path) -> None:
    (user / "real").mkdir()
    (user / "link").symlink_to(user / "real", target_is_directory=True)

    result = generate(user, "link")

    assert result.returncode == 0, result.stderr
    assert (user / "link").is_symlink()
    assert (user / "real" / "orders_client" / "__init__.py").is_file()


def test_a_generated_folder_replaced_by_a_link_to_the_users_folder_is_refused(user: Path) -> None:
    assert generate(user, "out").returncode == 0
    mine = user / "mine"
    mine.mkdir()
    (mine / "__init__.py").write_text("# my package\n")
    shutil.rmtree(user / "out" / "orders_client")
    (user / "out" / "orders_client").symlink_to(mine, target_is_directory=True)
    before = snapshot(user)

    result = generate(user, "out", "--overwrite")

    refused(result, "orders_client is a symbolic link")
    assert snapshot(user) == before


def test_a_read_only_output_is_refused_before_anything_is_written(user: Path) -> None:
    out = user / "out"
    out.mkdir()
    # A read-only mount, in a private mount namespace: it holds even for root.
    script = (
        f"mount --bind {out} {out} && mount -o remount,bind,ro {out} {out} && "
        f"exec {sys.executable} -m pca_generator generate --spec orders.yaml --config orders.config.yaml --output out"
    )

    result = subprocess.run(["unshare", "-rm", "bash", "-c", script], capture_output=True, text=True, cwd=user)

    refused(result, "out cannot be written to")
    assert list(out.iterdir()) == []


def test_the_package_is_the_same_whether_moved_into_place_or_copied_across_file_systems(
    user: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # The generator builds in a scratch folder: on the output's file system its files are moved
    # into place, from another one (tmpfs) they are copied; the user gets the same either way,
    # readable by all (the files are built under the user's umask, here 077).
    other = Path("/dev/shm")
    if not other.is_dir() or other.stat().st_dev == user.stat().st_dev:
        pytest.skip("no second file system (tmpfs at /dev/shm) to build on")
    scratches = {"same": tmp_path_factory.mktemp("scratch"), "other": Path(tempfile.mkdtemp(dir=other))}
    try:
        for name, scratch in scratches.items():
            command = ["sh", "-c", 'umask 077 && exec "$@"', "sh", sys.executable, "-m", "pca_generator", "generate"]
            command += ["--spec", "orders.yaml"]
            command += ["--config", "orders.config.yaml", "--output", name]
            environment = {**os.environ, "TMPDIR": str(scratch)}
            result = subprocess.run(command, capture_output=True, text=True, cwd=user, env=environment, timeout=300)
            assert result.returncode == 0, result.stderr
            assert list(scratch.iterdir()) == []  # nothing left where it built
        assert snapshot(user / "same") == snapshot(user / "other")
        assert MANIFEST in snapshot(user / "same")
        modes = {oct(path.stat().st_mode & 0o777) for path in (user / "other").rglob("*") if path.is_file()}
        assert (
            modes
            == {oct(0o644)}
            == {oct(path.stat().st_mode & 0o777) for path in (user / "same").rglob("*") if path.is_file()}
        )
    finally:
        shutil.rmtree(scratches["other"], ignore_errors=True)
