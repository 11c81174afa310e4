"""``acumat sounds|volume|mute|unmute`` without a running app."""

from __future__ import annotations

import json

import pytest

from acumat_desktop.cli.main import main
from acumat_desktop.core.audio import synth
from acumat_desktop.services.paths import AppPaths


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
