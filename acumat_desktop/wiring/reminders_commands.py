"""The control commands of reminders: on, off, snooze [minutes], pause duration|until-tomorrow."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from acumat_desktop.core.commands import CommandError, CommandRegistry
from acumat_desktop.core.durations import parse_duration
from acumat_desktop.core.protocol import FAILED
from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.services.sitting_monitor import SittingMonitor

MAX_SNOOZE_MIN = 240.0
MAX_PAUSE_S = 7 * 24 * 3600.0


def reminders_status(monitor: SittingMonitor) -> dict[str, Any]:
    """The ``reminders`` part of ``status --json`` (only the contract's keys)."""
    snap = monitor.policy.snapshot()
    return {
        "enabled": snap["enabled"],
        "snoozed_until": snap["snoozed_until"],
        "last_shown_at": snap["last_shown_at"],
        "shown_today": snap["shown_today"],
    }


def parse_snooze_minutes(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CommandError(f"'minutes' must be a number of minutes, not {value!r}")
    if not 0 < value <= MAX_SNOOZE_MIN:
        raise CommandError(f"'minutes' must be between 1 and {MAX_SNOOZE_MIN:g}, not {value:g}")
    return float(value)


def parse_pause(value: object) -> float | None:
    """Seconds to pause for, or None for until tomorrow."""
    if value == "until-tomorrow":
        return None
    if isinstance(value, str):
        try:
            seconds = parse_duration(value).total_seconds()
        except ValueError as exc:
            raise CommandError(f"'duration': {exc}, or until-tomorrow") from None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
    else:
        raise CommandError("'duration' must be a duration such as 30m, 1h, 2h or until-tomorrow")
    if not 0 < seconds <= MAX_PAUSE_S:
        raise CommandError("'duration' must be more than 0 and at most 7 days")
    return seconds


def register_reminder_commands(
    registry: CommandRegistry,
    monitor: SittingMonitor,
    settings: SettingsService,
    on_snoozed: Callable[[], None],
) -> None:
    def set_enabled(value: bool) -> Any:
        settings.set("reminders.enabled", value)
        return reminders_status(monitor)

    def snooze(args: dict[str, Any]) -> Any:
        minutes = parse_snooze_minutes(args.get("minutes"))
        if not monitor.values.enabled:
            raise CommandError("reminders are off (acumat reminders on)", FAILED)
        if not monitor.snooze(minutes):
            raise CommandError(
                f"no snoozes left: {monitor.values.max_snoozes} in a row is the limit", FAILED
            )
        on_snoozed()
        return reminders_status(monitor)

    def pause(args: dict[str, Any]) -> Any:
        monitor.pause(parse_pause(args.get("duration")))
        status = reminders_status(monitor)
        status["paused_until"] = monitor.policy.snapshot()["paused_until"]
        return status

    registry.register("reminders.on", lambda args: set_enabled(True))
    registry.register("reminders.off", lambda args: set_enabled(False))
    registry.register("reminders.snooze", snooze)
    registry.register("reminders.pause", pause)
