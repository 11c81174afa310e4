"""``acumat reminders ...``: the command line without the app, and the app's handlers."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.cli.main import main
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.commands import CommandError, CommandRegistry
from acumat_desktop.core.protocol import Request
from acumat_desktop.core.reminders import ReminderPolicy
from acumat_desktop.core.status import RemindersStatus
from acumat_desktop.services.idle.null import NullIdleSource
from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.services.settings_store import SettingsStore
from acumat_desktop.services.sitting_monitor import SittingMonitor
from acumat_desktop.settings.model import Settings
from acumat_desktop.wiring.reminders_commands import register_reminder_commands


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["reminders", "pause", "soon"], "soon"),
        (["reminders", "pause", "0s"], "0s"),
        (["reminders", "snooze", "ten"], "ten"),
        (["reminders", "snooze", "-5"], "-5"),
        (["reminders", "sideways"], "sideways"),
    ],
)
def test_bad_values_exit_2_naming_them(
    capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert named in err


@pytest.mark.parametrize(
    "argv",
    [
        ["reminders", "on"],
        ["reminders", "off"],
        ["reminders", "snooze"],
        ["reminders", "snooze", "15"],
        ["reminders", "pause", "1h"],
        ["reminders", "pause", "until-tomorrow"],
    ],
)
def test_without_the_app_exit_3(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 3
    assert "AcuMat is not running" in err


class Handlers:
    def __init__(self, tmp_path: Path) -> None:
        self.clock = FakeClock()
        self.settings = SettingsService(SettingsStore(tmp_path / "s.json"), Settings())
        values = self.settings.settings.reminders
        self.monitor = SittingMonitor(
            self.clock,
            NullIdleSource(),
            ReminderPolicy(self.clock, values),
            values=values,
            interval_ms=3_600_000,
        )
        self.settings.changed.connect(self._apply)
        self.registry = CommandRegistry()
        self.snoozed = 0
        register_reminder_commands(self.registry, self.monitor, self.settings, self._snoozed)

    def _apply(self, settings: Settings) -> None:
        self.monitor.values = self.monitor.policy.values = settings.reminders
        self.monitor.apply_settings()

    def _snoozed(self) -> None:
        self.snoozed += 1

    def __call__(self, cmd: str, **args: object) -> dict[str, object]:
        result = self.registry.dispatch(Request(cmd, dict(args)))
        assert isinstance(result, dict)
        return result


@pytest.fixture
def app(qtbot: QtBot, tmp_path: Path) -> Handlers:
    return Handlers(tmp_path)


def polling(app: Handlers) -> bool:
    return app.monitor.polling


def test_off_stops_polling_and_on_starts_it(app: Handlers) -> None:
    assert polling(app)
    assert app("reminders.off")["enabled"] is False
    assert not polling(app)
    assert app.settings.settings.reminders.enabled is False
    assert app("reminders.on")["enabled"] is True
    assert polling(app)


def test_snooze_sets_snoozed_until_in_the_status_shape(app: Handlers) -> None:
    result = app("reminders.snooze", minutes=15)
    RemindersStatus.model_validate(result)  # the contract's keys only
    assert result["snoozed_until"] == (app.clock.now() + timedelta(minutes=15)).isoformat(
        timespec="seconds"
    )
    assert app.snoozed == 1
    default = app("reminders.snooze")
    assert default["snoozed_until"] == (app.clock.now() + timedelta(minutes=10)).isoformat(
        timespec="seconds"
    )


def test_snooze_refused_at_the_cap_and_when_off(app: Handlers) -> None:
    for _ in range(app.settings.settings.reminders.max_snoozes):
        app("reminders.snooze")
    with pytest.raises(CommandError, match="no snoozes left"):
        app("reminders.snooze")
    app("reminders.off")
    with pytest.raises(CommandError, match="reminders are off"):
        app("reminders.snooze")


@pytest.mark.parametrize(("minutes", "named"), [("5", "'5'"), (0, "0"), (True, "True")])
def test_bad_snooze_minutes_name_the_part(app: Handlers, minutes: object, named: str) -> None:
    with pytest.raises(CommandError, match="'minutes'") as err:
        app("reminders.snooze", minutes=minutes)
    assert named in str(err.value)


def test_pause_for_a_duration_or_until_tomorrow(app: Handlers) -> None:
    hour = app("reminders.pause", duration=3600.0)
    assert hour["paused_until"] == (app.clock.now() + timedelta(hours=1)).isoformat(
        timespec="seconds"
    )
    tomorrow = app("reminders.pause", duration="until-tomorrow")
    assert str(tomorrow["paused_until"]).startswith(
        (app.clock.now().date() + timedelta(days=1)).isoformat()
    )
    assert app("reminders.pause", duration="30m")["paused_until"]


@pytest.mark.parametrize("duration", ["soon", -5, None, "0s"])
def test_bad_pause_names_the_duration(app: Handlers, duration: object) -> None:
    with pytest.raises(CommandError, match="'duration'"):
        app("reminders.pause", duration=duration)
