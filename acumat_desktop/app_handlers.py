"""The app side of the control commands: small handlers registered by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from acumat_desktop.core.commands import CommandError, CommandRegistry
from acumat_desktop.core.protocol import FAILED
from acumat_desktop.core.status import StatusBoard
from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.services.settings_store import SettingsSaveError
from acumat_desktop.settings import access


def _key(args: dict[str, Any], required: bool = True) -> str | None:
    key = args.get("key")
    if key is None and not required:
        return None
    if not isinstance(key, str) or not key:
        raise CommandError("'key' must be a setting name such as reminders.sit_limit")
    return key


def register_app_commands(
    registry: CommandRegistry,
    board: StatusBoard,
    show: Callable[[], None],
    quit_app: Callable[[], None],
) -> None:
    def status(args: dict[str, Any]) -> Any:
        return board.snapshot()

    def show_window(args: dict[str, Any]) -> Any:
        show()
        return {}

    def quit_(args: dict[str, Any]) -> Any:
        quit_app()
        return {}

    registry.register("status", status)
    registry.register("show", show_window)
    registry.register("quit", quit_)


def register_settings_commands(registry: CommandRegistry, service: SettingsService) -> None:
    """settings.set and settings.reset reply only once the change is on disk; a failed write
    is a FAILED error naming the reason (exit 1), the change kept in the app to be saved later."""

    def get(args: dict[str, Any]) -> Any:
        return access.as_dict(service.settings)

    def saved() -> None:
        try:
            service.save_now()
        except SettingsSaveError as exc:
            raise CommandError(str(exc), FAILED) from None

    def set_(args: dict[str, Any]) -> Any:
        key = _key(args)
        assert key is not None
        value = args.get("value")
        try:
            applied = service.set(key, value)
        except (access.SettingsKeyError, access.SettingsValueError) as exc:
            raise CommandError(str(exc)) from None
        saved()
        return {"key": key, "value": applied}

    def reset(args: dict[str, Any]) -> Any:
        key = _key(args, required=False)
        try:
            service.reset(key)
        except (access.SettingsKeyError, access.SettingsValueError) as exc:
            raise CommandError(str(exc)) from None
        saved()
        return {}

    registry.register("settings.get", get)
    registry.register("settings.set", set_)
    registry.register("settings.reset", reset)
