from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
from pathlib import Path

import pytest

from acumat_desktop.services.settings_store import SettingsStore, atomic_write_text
from acumat_desktop.settings.codec import decode
from acumat_desktop.settings.migrations import NewerSchemaError
from acumat_desktop.settings.model import Settings


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    result = SettingsStore(tmp_path / "settings.json").load()
    assert result.settings == Settings() and not result.problems


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "sub" / "settings.json")
    settings = Settings()
    settings.sound.master_volume = 0.2
    store.save(settings)
    assert store.load().settings.sound.master_volume == 0.2
    assert not list(store.path.parent.glob(".settings.json.*")), "no temp file left behind"


def test_corrupt_file_is_kept_aside_byte_for_byte(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.path.write_bytes(b"\x00\x01 not json")
    result = store.load()
    assert result.kept_aside is not None
    assert result.kept_aside.name.startswith("settings.json.corrupt-")
    assert result.kept_aside.read_bytes() == b"\x00\x01 not json"
    assert decode(store.path.read_text()).clean
    message = result.message()
    assert message and str(result.kept_aside) in message


def test_newer_schema_is_left_untouched(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    text = json.dumps({"schema_version": 999, "sound": {"muted": True}})
    store.path.write_text(text)
    with pytest.raises(NewerSchemaError):
        store.load()
    assert store.path.read_text() == text
    assert list(store.path.parent.glob("settings.json*")) == [store.path]


def _writer(path: str) -> None:  # runs in a child process until it is killed
    big = "x" * 200_000
    counter = 0
    while True:
        counter += 1
        atomic_write_text(Path(path), json.dumps({"n": counter, "pad": big}))


def test_a_writer_killed_at_any_instant_leaves_old_or_new(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    atomic_write_text(path, json.dumps({"n": 0, "pad": ""}))
    rng = random.Random(7)
    ctx = multiprocessing.get_context("fork")
    for _ in range(15):
        child = ctx.Process(target=_writer, args=(str(path),))
        child.start()
        # Let it run a random while, then kill it mid-whatever it is doing.
        child.join(rng.uniform(0.005, 0.05))
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        assert json.loads(path.read_text())["n"] >= 0
