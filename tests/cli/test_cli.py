"""The command line without a running app: arguments, exit codes, and the file path."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from acumat_desktop import __version__
from acumat_desktop.cli.main import main
from acumat_desktop.services import settings_store
from acumat_desktop.services.paths import AppPaths
from acumat_desktop.settings.codec import decode


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's --help/--version/errors
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def settings_file() -> Path:
    return AppPaths.for_user().settings_file


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert (code, out.strip()) == (0, f"acumat {__version__}")


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("status", "show", "quit", "settings"):
        assert command in out


@pytest.mark.parametrize(
    "argv", [["frobnicate"], ["status", "--yaml"], ["settings"], ["settings", "set", "x"]]
)
def test_bad_arguments_exit_2_naming_the_problem(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "error" in err


@pytest.mark.parametrize("argv", [["status"], ["status", "--json"], ["show"], ["quit"]])
def test_app_commands_without_the_app_exit_3(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 3
    assert "AcuMat is not running" in err


def test_settings_path_is_in_the_xdg_config_folder(
    capsys: pytest.CaptureFixture[str], xdg_dirs: dict[str, Path]
) -> None:
    code, out, _ = run(capsys, "settings", "path")
    assert code == 0
    assert Path(out.strip()) == xdg_dirs["XDG_CONFIG_HOME"] / "acumat-desktop" / "settings.json"


def test_settings_set_writes_the_file_when_no_app_runs(
    capsys: pytest.CaptureFixture[str], settings_file: Path
) -> None:
    assert run(capsys, "settings", "set", "reminders.sit_limit", "1h30m")[0] == 0
    assert json.loads(settings_file.read_text())["reminders"]["sit_limit"] == "PT1H30M"
    code, out, _ = run(capsys, "settings", "get", "reminders.sit_limit")
    assert (code, out.strip()) == (0, "PT1H30M")
    assert run(capsys, "settings", "reset", "reminders.sit_limit")[0] == 0
    assert decode(settings_file.read_text()).settings.reminders.sit_limit.total_seconds() == 3000


@pytest.mark.parametrize(
    ("argv", "names"),
    [
        (["settings", "set", "reminders.sitlimit", "5m"], "reminders.sitlimit"),
        (["settings", "set", "sound.master_volume", "loud"], "sound.master_volume"),
        (["settings", "set", "reminders.sit_limit", "soon"], "not a duration"),
        (["settings", "get", "nope"], "nope"),
        (["settings", "reset", "nope.nope"], "nope.nope"),
    ],
)
def test_bad_settings_exit_2_and_leave_the_file_byte_for_byte(
    capsys: pytest.CaptureFixture[str], settings_file: Path, argv: list[str], names: str
) -> None:
    assert run(capsys, "settings", "set", "sound.master_volume", "0.35")[0] == 0
    before = settings_file.read_bytes()
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert names in err
    assert settings_file.read_bytes() == before


def test_settings_get_lists_everything_with_descriptions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "settings", "get")
    assert code == 0
    assert "reminders.sit_limit = PT50M" in out
    assert "# Sitting time before a reminder" in out
    code, out, _ = run(capsys, "settings", "get", "--json")
    assert json.loads(out)["sound"]["master_volume"] == 0.6


def test_a_newer_settings_file_is_refused_and_untouched(
    capsys: pytest.CaptureFixture[str], settings_file: Path
) -> None:
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text('{"schema_version": 42}')
    code, _, err = run(capsys, "settings", "set", "sound.muted", "true")
    assert code == 1
    assert "newer" in err
    assert settings_file.read_text() == '{"schema_version": 42}'


# --- issue 9: the CLI says plainly when nothing was saved, and never shows a traceback --------


def _fail_with(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(settings_store.tempfile, "mkstemp", refuse)


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EACCES, "is read-only"),
        (errno.EROFS, "read-only"),
    ],
)
def test_settings_set_exits_1_naming_why_nothing_was_saved(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    settings_file: Path,
    code: int,
    reason: str,
) -> None:
    assert run(capsys, "settings", "set", "sound.master_volume", "0.35")[0] == 0
    before = settings_file.read_bytes()
    _fail_with(monkeypatch, code)
    status, _, err = run(capsys, "settings", "set", "sound.master_volume", "0.9")
    assert status == 1
    assert reason in err and str(settings_file) in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert settings_file.read_bytes() == before


def test_a_folder_in_the_files_place_is_named_and_left_alone(
    capsys: pytest.CaptureFixture[str], settings_file: Path
) -> None:
    (settings_file / "inside").mkdir(parents=True)
    code, _, err = run(capsys, "settings", "set", "sound.muted", "on")
    assert code == 1
    assert "is a folder, not a file" in err
    assert (settings_file / "inside").is_dir()
    assert not list(settings_file.parent.glob("settings.json.corrupt-*"))


def test_a_duration_too_large_is_refused_with_the_allowed_range(
    capsys: pytest.CaptureFixture[str], settings_file: Path
) -> None:
    for value in ("99999999999999999999", "1e400", "PT99999999999999999999H"):
        code, _, err = run(capsys, "settings", "set", "reminders.sit_limit", value)
        assert code == 2, err
        assert value in err and "10s to 4h" in err
    assert not settings_file.exists()


@pytest.mark.parametrize(
    "content",
    [
        b'{"reminders": 5, "appearance": {"theme": "dark"}}',
        b'{"reminders": [1, 2], "appearance": {"theme": "dark"}}',
        b'{"appearance": {"theme": "dark"}, "reminders": {"sit_limit": 99999999999999999999}}',
        b'{"appearance": {"theme": "dark"}, "reminders": {"sit_limit": Infinity}}',
        b'{"appearance": {"theme": "dark"}, "session": {"default_routine": "\xff"}}',
    ],
)
def test_a_broken_file_can_be_read_and_repaired_through_the_cli(
    capsys: pytest.CaptureFixture[str], settings_file: Path, content: bytes
) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_bytes(content)
    code, out, err = run(capsys, "settings", "get", "appearance.theme")
    assert (code, out.strip()) == (0, "dark")
    assert "cannot be used" in err and "Traceback" not in err
    assert settings_file.read_bytes() == content  # a read never changes the file
    code, _, err = run(capsys, "settings", "set", "reminders.sit_limit", "40m")
    assert code == 0, err
    (aside,) = settings_file.parent.glob("settings.json.corrupt-*")
    assert aside.read_bytes() == content
    repaired = decode(settings_file.read_text()).settings
    assert repaired.appearance.theme == "dark"
    assert repaired.reminders.sit_limit.total_seconds() == 2400


def test_an_unexpected_error_is_one_line_with_the_traceback_in_the_log(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from acumat_desktop.cli.settings_actions import SettingsActions

    def explode(self: object, args: object) -> int:
        raise RuntimeError("something broke\nover two lines")

    monkeypatch.setattr(SettingsActions, "run", explode)
    code, out, err = run(capsys, "settings", "path")
    log_file = AppPaths.for_user().log_file
    assert code == 1 and out == ""
    assert err == (
        "acumat: internal error: RuntimeError: something broke over two lines "
        f"(details in {log_file})\n"
    )
    logged = log_file.read_text()
    assert "Traceback" in logged and "explode" in logged and "acumat settings path" in logged


def test_a_file_where_the_config_folder_should_be_is_named(
    capsys: pytest.CaptureFixture[str], settings_file: Path
) -> None:
    settings_file.parent.write_text("not a folder")
    code, _, err = run(capsys, "settings", "set", "sound.muted", "on")
    assert code == 1
    assert f"a file stands where the folder {settings_file.parent} should be" in err
    assert settings_file.parent.read_text() == "not a folder"
