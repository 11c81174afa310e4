"""``acumat sounds|volume|mute|unmute`` without a running app; ``start --sound`` at the door."""

from __future__ import annotations

import json
import threading

import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.cli import session_commands
from acumat_desktop.cli.main import main
from acumat_desktop.core.audio import synth
from acumat_desktop.core.commands import CommandError, CommandRegistry
from acumat_desktop.core.protocol import BAD_ARGS, BAD_REQUEST, FAILED
from acumat_desktop.services.ipc import ControlServer
from acumat_desktop.services.paths import AppPaths, server_name


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_sounds_json_lists_the_catalogue_with_user_sounds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    user_dir = AppPaths.for_user().data / "sounds"
    user_dir.mkdir(parents=True)
    (user_dir / "user-creek.json").write_text(json.dumps({"name": "Creek"}))
    code, out, _ = run(capsys, "sounds", "--json")
    assert code == 0 and out.count("\n") == 1
    sounds = json.loads(out)
    assert [s["id"] for s in sounds] == [*synth.SOUNDSCAPES, "user-creek"]
    assert sounds[-1] == {"id": "user-creek", "name": "Creek", "kind": "user"}
    assert sounds[0] == {"id": "rain", "name": "Rain", "kind": "builtin"}


def test_sounds_as_text_one_line_each(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sounds")
    lines = out.splitlines()
    assert code == 0 and len(lines) == len(synth.SOUNDSCAPES)
    assert lines[0].split() == ["rain", "Rain", "(builtin)"]


@pytest.mark.parametrize(
    ("argv", "named"),
    [(["volume", "101"], "101"), (["volume", "-5"], "-5"), (["volume", "loud"], "loud")],
)
def test_bad_volume_exits_2_naming_it(
    capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert named in err and "0 to 100" in err


@pytest.mark.parametrize("argv", [["volume", "50"], ["volume"], ["mute"], ["unmute"]])
def test_control_commands_without_the_app_exit_3(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 3
    assert "AcuMat is not running" in err


@pytest.mark.parametrize(
    ("sound", "named"),
    [
        ("../../etc/passwd:0.5", "'../../etc/passwd' is not a sound id"),
        ("/tmp/x.wav", "'/tmp/x.wav' is not a sound id"),
        ("rain:5", "'rain:5': the volume must be a number from 0 to 1"),
        ("rain:nan", "'rain:nan'"),
        ("nosuch:0.5", "unknown sound 'nosuch'"),
        ("rain:0.5,..", "'..' is not a sound id"),
        (",", "the sound is empty"),
    ],
)
def test_start_refuses_a_bad_sound_before_anything_starts(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, sound: str, named: str
) -> None:
    """Before: each of these printed 'Started…' and exited 0."""
    launched: list[bool] = []
    monkeypatch.setattr(session_commands, "_launch_app", lambda: launched.append(True))
    code, out, err = run(capsys, "start", "sleep", "--sound", sound)
    assert (code, out) == (2, "")
    assert named in err and "--sound" in err
    assert not launched, "the app was started for a command that was refused"


class FakeApp:
    """A control server in this process whose 'start' refuses like the real app does."""

    def __init__(self, qtbot: QtBot) -> None:
        self.registry = CommandRegistry()
        self.server = ControlServer(server_name(), self.registry.handle_line)
        assert self.server.listen()
        self.qtbot = qtbot

    def run_cli(self, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
        result: list[tuple[int, str, str]] = []
        thread = threading.Thread(target=lambda: result.append(run(capsys, *argv)), daemon=True)
        thread.start()
        self.qtbot.waitUntil(lambda: not thread.is_alive(), timeout=20000)
        return result[0]


@pytest.mark.parametrize("code", [BAD_ARGS, BAD_REQUEST])
def test_the_apps_refusal_of_a_sound_exits_2_with_its_message(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str], code: str
) -> None:
    """A sound the CLI cannot judge (deleted in the app meanwhile) is refused by the app; that
    refusal must read as bad input (exit 2), not as a failure."""
    user_dir = AppPaths.for_user().data / "sounds"
    user_dir.mkdir(parents=True)
    (user_dir / "user-gone.json").write_text(json.dumps({"name": "Gone"}))
    app = FakeApp(qtbot)

    def refuse(args: dict[str, object]) -> object:
        raise CommandError("unknown sound 'user-gone'; known sounds: rain", code)

    app.registry.register("start", refuse)
    try:
        exit_code, out, err = app.run_cli(capsys, "start", "sleep", "--sound", "user-gone:0.4")
    finally:
        app.server.close()
    assert (exit_code, out) == (2, "")
    assert err == "acumat: unknown sound 'user-gone'; known sounds: rain\n"


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["sounds", "play", "thunder"], "unknown sound 'thunder'"),
        (["sounds", "play", "../x.wav"], "'../x.wav' is not a sound id"),
        (["sounds", "play", "rain:2"], "the volume must be a number from 0 to 1"),
        (["sounds", "play", "none"], "acumat sounds stop"),
        (["sounds", "play", "rain", "--minutes", "0"], "minutes must be from 1"),
        (["sounds", "play", "rain", "--minutes", "soon"], "'soon'"),
        (["sounds", "play"], "MIX"),
    ],
)
def test_sounds_play_refuses_a_bad_mix_or_timer_with_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert named in err


@pytest.mark.parametrize("argv", [["sounds", "play", "rain"], ["sounds", "stop"]])
def test_ambience_without_the_app_exits_3(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 3 and "AcuMat is not running" in err


def test_sounds_play_and_stop_reach_the_app(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    """A saved mix's name passes the door; the app's answer is said in one line (or JSON)."""
    mixes = AppPaths.for_user().data / "mixes.json"
    mixes.parent.mkdir(parents=True, exist_ok=True)
    mixes.write_text(json.dumps({"version": 1, "mixes": {"Evening rain": [["rain", 0.6]]}}))
    app = FakeApp(qtbot)
    asked: list[tuple[str, dict[str, object]]] = []

    def play(args: dict[str, object]) -> object:
        if args["mix"] == "rain":  # as while a session runs
            raise CommandError("A session is running", FAILED)
        asked.append(("play", args))
        return {
            "playing": True,
            "paused": False,
            "mix": args["mix"],
            "sleep_timer_remaining_s": 1800.0,
        }

    def stop(args: dict[str, object]) -> object:
        asked.append(("stop", args))
        return {"playing": False, "paused": False, "mix": None, "sleep_timer_remaining_s": None}

    app.registry.register("ambience.play", play)
    app.registry.register("ambience.stop", stop)
    try:
        played = app.run_cli(capsys, "sounds", "play", "Evening rain", "--minutes", "30")
        as_json = app.run_cli(capsys, "sounds", "--json", "play", "rain:0.5,wind:0.2")
        stopped = app.run_cli(capsys, "sounds", "stop")
        refused = app.run_cli(capsys, "sounds", "play", "rain")
    finally:
        app.server.close()
    assert played == (0, "Playing Evening rain, fading out in 30 min\n", "")
    assert json.loads(as_json[1])["mix"] == "rain:0.5,wind:0.2"
    assert stopped == (0, "Ambience stopped\n", "")
    assert refused[0] == 1 and "session" in refused[2]
    assert asked == [
        ("play", {"mix": "Evening rain", "minutes": 30}),
        ("play", {"mix": "rain:0.5,wind:0.2"}),
        ("stop", {}),
    ]
