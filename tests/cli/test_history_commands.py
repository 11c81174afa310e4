"""``acumat history``: exit codes, the limit it asks for, JSON and text output."""

from __future__ import annotations

import json
from typing import Any

import pytest

from acumat_desktop.cli import history_commands
from acumat_desktop.cli.main import main

ROWS = [
    {
        "started_at": "2026-11-26T19:00:00+01:00",
        "routine": "back-neck",
        "routine_name": "Back and neck",
        "planned_s": 1200.0,
        "actual_s": 1190.0,
        "completed": True,
        "breathing": "resonance",
        "feeling": 4,
        "breaths": 108,
        "sound": "ocean",
    },
    {
        "started_at": "2026-11-25T22:10:00+01:00",
        "routine": "sleep",
        "routine_name": "Before sleep",
        "planned_s": 600.0,
        "actual_s": 150.0,
        "completed": False,
        "breathing": "4-7-8",
        "feeling": None,
        "breaths": 8,
        "sound": None,
    },
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, Any]]]:
    calls: list[tuple[str, dict[str, Any]]] = []

    def fake_call(cmd: str, **args: Any) -> Any:
        calls.append((cmd, args))
        return ROWS[: args["limit"]]

    monkeypatch.setattr(history_commands, "call_app", fake_call)
    return calls


def test_without_the_app_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "history")
    assert code == 3
    assert "AcuMat is not running" in err


@pytest.mark.parametrize("limit", ["0", "many", "1001"])
def test_a_bad_limit_exits_2_naming_it(capsys: pytest.CaptureFixture[str], limit: str) -> None:
    code, _, err = run(capsys, "history", "--limit", limit)
    assert code == 2
    assert limit in err


def test_json_prints_the_apps_rows(
    capsys: pytest.CaptureFixture[str], asked: list[tuple[str, dict[str, Any]]]
) -> None:
    code, out, _ = run(capsys, "history", "--json", "--limit", "5")
    assert code == 0
    assert asked == [("history", {"limit": 5})]
    assert json.loads(out) == ROWS


def test_text_is_one_line_per_session(
    capsys: pytest.CaptureFixture[str], asked: list[tuple[str, dict[str, Any]]]
) -> None:
    code, out, _ = run(capsys, "history")
    assert code == 0
    assert asked == [("history", {"limit": 20})]
    assert out.splitlines() == [
        "Thu 26 Nov 19:00  Back and neck  20 of 20 min  completed  feeling 4",
        "Wed 25 Nov 22:10  Before sleep  2 of 10 min  stopped",
    ]


def test_no_sessions_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history_commands, "call_app", lambda cmd, **args: [])
    code, out, _ = run(capsys, "history")
    assert (code, out.strip()) == (0, "No sessions yet")


def test_a_session_the_app_never_finished_reads_interrupted() -> None:
    row = {**ROWS[1], "actual_s": 420.0, "interrupted": True}
    assert history_commands.describe_row(row) == (
        "Wed 25 Nov 22:10  Before sleep  7 of 10 min  interrupted"
    )
