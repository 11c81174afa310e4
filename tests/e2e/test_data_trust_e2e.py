"""Nothing a person saved is lost or falsely thrown away, end to end with the installed app:
a history locked by another program at start-up, a full disk under the settings, and a session
running when the app is killed."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from acumat_desktop.services.history_schema import _v1, _v2
from tests.e2e.conftest import AppRunner
from tests.harness.desktop import wait_for


def history_file(runner: AppRunner) -> Path:
    return Path(runner.env["XDG_DATA_HOME"]) / "acumat-desktop" / "history.sqlite3"


def quit_and_wait(runner: AppRunner) -> None:
    assert runner.run("quit", timeout=10).returncode == 0
    for proc in runner.procs:
        proc.wait(20)


def history_rows(runner: AppRunner) -> list[dict[str, object]]:
    result = runner.run("history", "--json")
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def old_history_with_sessions(path: Path, count: int) -> None:
    """A schema-2 history (as an older AcuMat left it, rollback journal) with ``count`` rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    _v1(db)
    _v2(db)
    for day in range(1, count + 1):
        stamp = f"2026-11-{day:02d}T08:00:00+00:00"
        db.execute(
            "INSERT INTO sessions (started_at, started_utc, routine_id, routine_name, planned_s, "
            "actual_s, completed, breaths) VALUES (?, ?, 'sleep', 'Before sleep', 600, 600, 1, 9)",
            (stamp, stamp),
        )
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()


def test_a_history_locked_at_start_up_is_left_alone_and_back_after_a_restart(
    acumat: AppRunner,
) -> None:
    path = history_file(acumat)
    old_history_with_sessions(path, 3)
    before = path.read_bytes()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
    try:
        acumat.launch("--minimized")
        acumat.wait_running()
        assert acumat.run("history", "--json").returncode == 0
        wait_for(lambda: "another program" in acumat.log_text(), 10, "the lock to be named")
        assert path.read_bytes() == before
        assert not list(path.parent.glob("history.sqlite3.corrupt-*"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    quit_and_wait(acumat)
    acumat.launch("--minimized")
    acumat.wait_running()
    assert len(history_rows(acumat)) == 3  # every session of the person's is still there
    assert not list(path.parent.glob("history.sqlite3.corrupt-*"))


@contextlib.contextmanager
def small_disk(folder: Path) -> Iterator[None]:
    """A 64 kB tmpfs on ``folder``; the test is skipped where mounting is impossible."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip() or 'not root'}")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Write zeros until the disk says it is full (ENOSPC); return the filler file."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            try:
                os.write(fd, b"\0" * 4096)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                return filler
    finally:
        os.close(fd)


def test_settings_set_on_a_full_disk_exits_1_and_keeps_the_old_file(acumat: AppRunner) -> None:
    folder = acumat.settings_file.parent
    with small_disk(folder):
        assert acumat.run("settings", "set", "sound.master_volume", "0.5").returncode == 0
        before = acumat.settings_file.read_bytes()
        filler = fill(folder)
        stopped = acumat.run("settings", "set", "sound.master_volume", "0.3")
        assert stopped.returncode == 1
        assert stopped.stderr.count("\n") == 1 and "the disk is full" in stopped.stderr
        acumat.launch("--minimized")
        acumat.wait_running()
        running = acumat.run("settings", "set", "sound.master_volume", "0.3")
        assert running.returncode == 1, running.stderr
        assert running.stderr.count("\n") == 1 and "the disk is full" in running.stderr
        assert acumat.settings_file.read_bytes() == before
        too_long = acumat.run("settings", "set", "reminders.sit_limit", "99999999999999999999")
        assert too_long.returncode == 2 and "10s to 4h" in too_long.stderr
        filler.unlink()
        again = acumat.run("settings", "set", "sound.master_volume", "0.3")
        assert again.returncode == 0, again.stderr
        assert json.loads(acumat.settings_file.read_text())["sound"]["master_volume"] == 0.3
        quit_and_wait(acumat)


def test_settings_set_names_a_folder_in_the_files_place_and_a_read_only_folder(
    acumat: AppRunner,
) -> None:
    folder = acumat.settings_file.parent
    with small_disk(folder):
        acumat.launch("--minimized")
        acumat.wait_running()
        assert acumat.run("settings", "set", "sound.master_volume", "0.5").returncode == 0
        acumat.settings_file.unlink()
        acumat.settings_file.mkdir()  # someone put a folder in the file's place
        result = acumat.run("settings", "set", "sound.master_volume", "0.3")
        assert result.returncode == 1
        assert "is a folder, not a file" in result.stderr and "Traceback" not in result.stderr
        assert acumat.settings_file.is_dir()
        acumat.settings_file.rmdir()
        remount = ["mount", "-o", "remount,ro", str(folder)]
        assert subprocess.run(remount, check=False).returncode == 0
        for _ in range(2):  # the running app, then the file written by the CLI itself
            result = acumat.run("settings", "set", "sound.master_volume", "0.2")
            assert result.returncode == 1
            assert "read-only" in result.stderr and result.stderr.count("\n") == 1
            if acumat.procs[0].poll() is None:
                quit_and_wait(acumat)
        assert not acumat.settings_file.exists()


def test_a_session_running_when_the_app_is_killed_comes_back_interrupted(
    acumat: AppRunner,
) -> None:
    assert acumat.run("settings", "set", "session.countdown", "0s").returncode == 0
    app = acumat.launch("--minimized")
    acumat.wait_running()
    started = acumat.run("start", "sleep", "--minutes", "5", "--sound", "none", timeout=60)
    assert started.returncode == 0, started.stderr

    def ran_a_moment() -> bool:
        status = acumat.status()
        return status is not None and status["session"]["elapsed_s"] >= 2.0

    wait_for(ran_a_moment, 15, "the session to run a moment", 0.2)
    assert acumat.run("pause").returncode == 0  # a pause is a checkpoint
    status = acumat.status()
    assert status is not None
    elapsed = float(status["session"]["elapsed_s"])
    os.killpg(app.pid, signal.SIGKILL)  # no chance to finish anything
    app.wait(10)
    acumat.launch("--minimized")
    acumat.wait_running()
    (row,) = history_rows(acumat)
    assert row["routine"] == "sleep" and row["completed"] is False
    assert abs(float(str(row["actual_s"])) - elapsed) < 1.5
    assert row["interrupted"] is True
    assert acumat.run("history").stdout.splitlines()[0].endswith("interrupted")
