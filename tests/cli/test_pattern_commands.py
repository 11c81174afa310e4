"""acumat patterns [import FILE | delete ID] and start --breathing with a user pattern."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from acumat_desktop.cli import session_commands
from acumat_desktop.cli.main import main
from acumat_desktop.services.paths import AppPaths

CALM = {
    "id": "calm-3-7",
    "name": "Calm 3-7",
    "phases": [{"phase": "inhale", "seconds": 3}, {"phase": "exhale", "seconds": 7}],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def folder() -> Path:
    return AppPaths.for_user().data / "patterns"


@pytest.fixture
def calm_file(tmp_path: Path) -> Path:
    path = tmp_path / "calm.json"
    path.write_text(json.dumps(CALM))
    return path


@pytest.fixture
def app_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, Any]]]:
    """Pretend an app runs; record what the CLI asks of it."""
    calls: list[tuple[str, dict[str, Any]]] = []

    def call_app(cmd: str, **args: Any) -> Any:
        calls.append((cmd, args))
        return {"planned_s": 600.0} if cmd == "start" else {"patterns": [], "problems": []}

    monkeypatch.setattr(session_commands, "app_running", lambda: True)
    monkeypatch.setattr(session_commands, "call_app", call_app)
    return calls


def test_import_then_list_shows_the_user_pattern(
    capsys: pytest.CaptureFixture[str], calm_file: Path
) -> None:
    code, out, _ = run(capsys, "patterns", "import", str(calm_file))
    assert code == 0 and "Calm 3-7" in out
    assert (folder() / "calm-3-7.json").is_file()
    code, out, _ = run(capsys, "patterns")
    assert code == 0
    assert any(line.startswith("calm-3-7") and "yours" in line for line in out.splitlines())
    assert any(line.startswith("box ") for line in out.splitlines())
    code, out, _ = run(capsys, "patterns", "--json")
    rows = {row["id"]: row for row in json.loads(out)}
    assert rows["calm-3-7"]["timing"] == "3-7" and rows["calm-3-7"]["source"] == "user"


def test_a_bad_file_exits_2_naming_file_field_and_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "fast.toml"
    bad.write_text(
        'id = "fast"\nname = "Fast"\n'
        '[[phases]]\nphase = "inhale"\nseconds = 0.1\n'
        '[[phases]]\nphase = "exhale"\nseconds = 2\n'
    )
    code, _, err = run(capsys, "patterns", "import", str(bad))
    assert code == 2
    assert "fast.toml: phases[0].seconds: 0.1 s is outside 0.5–15 s" in err
    assert not folder().exists() or list(folder().iterdir()) == []


def test_a_clash_exits_2_and_keeps_the_first(
    capsys: pytest.CaptureFixture[str], calm_file: Path, tmp_path: Path
) -> None:
    assert run(capsys, "patterns", "import", str(calm_file))[0] == 0
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**CALM, "name": "Other"}))
    code, _, err = run(capsys, "patterns", "import", str(other))
    assert code == 2 and "other.json: id: " in err and "already exists" in err
    assert json.loads((folder() / "calm-3-7.json").read_text())["name"] == "Calm 3-7"
    code, _, err = run(capsys, "patterns", "import", str(tmp_path / "missing.json"))
    assert code == 2 and "missing.json" in err


def test_import_and_delete_tell_a_running_app_to_reload(
    capsys: pytest.CaptureFixture[str], calm_file: Path, app_calls: list[tuple[str, Any]]
) -> None:
    assert run(capsys, "patterns", "import", str(calm_file))[0] == 0
    assert run(capsys, "patterns", "delete", "calm-3-7")[0] == 0
    assert [cmd for cmd, _ in app_calls] == ["patterns.reload", "patterns.reload"]
    assert list(folder().iterdir()) == []
    code, _, err = run(capsys, "patterns", "delete", "box")
    assert code == 2 and "built in" in err


def test_a_broken_file_in_the_folder_is_named_when_listing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder().mkdir(parents=True)
    (folder() / "oops.json").write_text("{")
    code, out, err = run(capsys, "patterns")
    assert code == 0 and "resonance" in out
    assert "oops.json: (file): not valid JSON" in err


def test_start_accepts_a_user_pattern_and_refuses_an_unknown_one(
    capsys: pytest.CaptureFixture[str], calm_file: Path, app_calls: list[tuple[str, Any]]
) -> None:
    code, _, err = run(capsys, "start", "sleep", "--breathing", "calm-3-7")
    assert code == 2 and "unknown breathing pattern 'calm-3-7'" in err
    assert app_calls == []
    assert run(capsys, "patterns", "import", str(calm_file))[0] == 0
    app_calls.clear()
    code, out, _ = run(capsys, "start", "sleep", "--breathing", "calm-3-7")
    assert code == 0 and "Started" in out
    assert app_calls == [("start", {"routine": "sleep", "breathing": "calm-3-7"})]
