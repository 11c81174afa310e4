"""Command-line input at the door: minutes named against the routine's range, and fuzzed
arguments for every command ending in an exit code (0, 1, 2, 3), never a traceback."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from acumat_desktop import app as app_module
from acumat_desktop.cli import session_commands
from acumat_desktop.cli.base import EXIT_NOT_RUNNING, CliError, Command
from acumat_desktop.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's --help/--version/errors
        code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _no_launch() -> None:
    raise CliError("AcuMat is not running (the test does not start it)", EXIT_NOT_RUNNING)


@pytest.mark.parametrize(
    ("minutes", "message"),
    [
        ("9999", "back-neck takes 15 to 40 minutes, not 9999"),
        ("1", "back-neck takes 15 to 40 minutes, not 1"),
        ("0", "back-neck takes 15 to 40 minutes, not 0"),
        ("-5", "back-neck takes 15 to 40 minutes, not -5"),
        ("40.5", "back-neck takes 15 to 40 minutes, not 40.5"),
    ],
)
def test_minutes_outside_the_routine_name_its_range(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, minutes: str, message: str
) -> None:
    """Before: '--minutes 9999' said 'minutes must be more than 0, not 9999'."""
    monkeypatch.setattr(session_commands, "_launch_app", _no_launch)
    code, out, err = run(capsys, "start", "back-neck", "--minutes", minutes)
    assert (code, out) == (2, "")
    assert err == f"acumat: {message}\n"


@pytest.mark.parametrize("minutes", ["nan", "inf", "-inf", "ten", ""])
def test_minutes_that_are_not_numbers_exit_2(
    capsys: pytest.CaptureFixture[str], minutes: str
) -> None:
    code, _, err = run(capsys, "start", "back-neck", f"--minutes={minutes}")
    assert code == 2
    assert f"minutes must be a number, not {minutes!r}" in err


OPTION_WORDS = [
    "--json",
    "--minutes",
    "--sound",
    "--breathing",
    "--limit",
    "--help",
    "none",
    "sleep",
    "back-neck",
    "rain:0.5",
    "on",
    "off",
    "snooze",
    "pause",
    "until-tomorrow",
    "get",
    "set",
    "reset",
    "path",
    "reminders.sit_limit",
    "45m",
    "-1",
    "1e309",
]
TOKENS = st.one_of(st.sampled_from(OPTION_WORDS), st.text(max_size=30))


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    # selftest builds every window in-process (its own tests run it in a child process)
    command=st.sampled_from(sorted(set(Command.registry) - {"selftest"})),
    rest=st.lists(TOKENS, max_size=6),
)
def test_fuzzed_arguments_end_in_an_exit_code_never_a_traceback(
    capsys: pytest.CaptureFixture[str], command: str, rest: list[str]
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(session_commands, "_launch_app", _no_launch)
        patch.setattr(app_module, "run_app", lambda minimized=False: 0)
        code, _, err = run(capsys, command, *rest)
    assert code in (0, 1, 2, 3), (code, err)
    assert "Traceback" not in err, err
    if code:
        assert err.startswith(("acumat", "usage:")), err
