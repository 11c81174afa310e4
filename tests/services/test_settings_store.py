from __future__ import annotations

import errno
import json
import multiprocessing
import os
import random
import signal
from pathlib import Path

import pytest

from acumat_desktop.app_handlers import register_settings_commands
from acumat_desktop.core.commands import CommandRegistry
from acumat_desktop.core.protocol import BAD_ARGS, FAILED, Request, encode_request
from acumat_desktop.services import settings_store
from acumat_desktop.services.settings_service import SettingsService
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


# --- issue 9: a change is answered only once it is on disk ------------------------------------


def _handlers(path: Path) -> tuple[CommandRegistry, SettingsService, list[str]]:
    registry = CommandRegistry()
    service = SettingsService(SettingsStore(path), Settings(), debounce_ms=60_000)
    failures: list[str] = []
    service.save_failed.connect(failures.append)
    register_settings_commands(registry, service)
    return registry, service, failures


def _request(registry: CommandRegistry, cmd: str, **args: object) -> dict[str, object]:
    line = registry.handle_line(encode_request(Request(cmd, dict(args), 1)))
    reply: dict[str, object] = json.loads(line)
    return reply


def test_settings_set_through_the_app_is_on_disk_before_the_reply(
    qapp: object, tmp_path: Path
) -> None:
    registry, _, failures = _handlers(tmp_path / "settings.json")
    reply = _request(registry, "settings.set", key="sound.master_volume", value="0.3")
    assert reply["ok"] is True
    # No timer ran: the reply came after the write.
    assert SettingsStore(tmp_path / "settings.json").load().settings.sound.master_volume == 0.3
    assert failures == []


@pytest.mark.parametrize(
    ("code", "reason"), [(errno.ENOSPC, "the disk is full"), (errno.EACCES, "read-only")]
)
def test_a_failed_write_through_the_app_is_an_error_said_once(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str
) -> None:
    folder = tmp_path / "config"
    registry, service, failures = _handlers(folder / "settings.json")

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(settings_store.os, "replace", refuse)
    for value in ("0.3", "0.4"):
        reply = _request(registry, "settings.set", key="sound.master_volume", value=value)
        assert reply["ok"] is False
        error = reply["error"]
        assert isinstance(error, dict) and error["code"] == FAILED
        assert reason in error["message"]
    assert failures == [error["message"]]  # the app says it once, not on every try
    assert not list(folder.iterdir()), "neither the file nor a temp file"
    monkeypatch.undo()
    service.flush()  # the kept change is written once the disk works again
    assert SettingsStore(folder / "settings.json").load().settings.sound.master_volume == 0.4
    assert service.save_problem is None


def test_a_folder_in_the_files_place_is_named_by_the_app(qapp: object, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    registry, _, failures = _handlers(path)
    path.mkdir()
    reply = _request(registry, "settings.reset", key="sound.muted")
    assert reply["ok"] is True  # nothing changed, nothing to write
    reply = _request(registry, "settings.set", key="sound.muted", value="on")
    error = reply["error"]
    assert isinstance(error, dict) and "is a folder, not a file" in error["message"]
    assert failures and path.is_dir()


def test_a_duration_too_large_is_bad_args_with_the_range(qapp: object, tmp_path: Path) -> None:
    registry, _, _ = _handlers(tmp_path / "settings.json")
    reply = _request(
        registry, "settings.set", key="reminders.sit_limit", value="99999999999999999999"
    )
    error = reply["error"]
    assert isinstance(error, dict) and error["code"] == BAD_ARGS
    assert "99999999999999999999" in error["message"] and "10s to 4h" in error["message"]


def test_an_unreadable_file_is_not_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    (path / "inside").mkdir(parents=True)
    result = SettingsStore(path).load()
    assert result.problems and result.kept_aside is None
    assert (path / "inside").is_dir()
