"""The control commands of reminders: on, off, snooze [minutes], pause duration|until-tomorrow."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from acumat_desktop.core.commands import CommandError, CommandRegistry
from acumat_desktop.core.protocol import FAILED
from acumat_desktop.core.reminder_args import parse_pause, parse_snooze_minutes
from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.services.sitting_monitor import SittingMonitor


def reminders_status(monitor: SittingMonitor) -> dict[str, Any]:
    """The ``reminders`` part of ``status --json`` (only the contract's keys)."""
    snap = monitor.policy.snapshot()
    return {
        "enabled": snap["enabled"],
        "snoozed_until": snap["snoozed_until"],
        "last_shown_at": snap["last_shown_at"],
        "shown_today": snap["shown_today"],
    }


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
