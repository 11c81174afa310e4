"""The Reminders tab tells which idle source is active and when input was last seen."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from acumat_desktop.services.idle.null import NullIdleSource
from acumat_desktop.services.paths import AppPaths
from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.services.settings_store import SettingsStore
from acumat_desktop.settings.model import Settings
from acumat_desktop.ui.settings_dialog import SettingsDialog
from acumat_desktop.wiring.reminders_tray import IdleSourceRows


class TickingSource:
    name = "x11"

    def __init__(self) -> None:
        self.idle = 12.0

    def available(self) -> bool:
        return True

    def idle_seconds(self) -> float | None:
        return self.idle

    def close(self) -> None:
        pass


def dialog(qtbot: QtBot) -> SettingsDialog:
    service = SettingsService(SettingsStore(AppPaths.for_user().settings_file), Settings())
    made = SettingsDialog(service)
    qtbot.addWidget(made)
    return made


def test_no_idle_source_says_reminders_fall_back_to_elapsed_time(qtbot: QtBot) -> None:
    rows = IdleSourceRows(dialog(qtbot), NullIdleSource())
    assert "plain elapsed time" in rows.source_label.text()
    rows.update_text()
    assert rows.input_label.text() == "unknown"


def test_last_input_ticks_only_while_the_dialog_shows(qtbot: QtBot) -> None:
    made = dialog(qtbot)
    source = TickingSource()
    rows = IdleSourceRows(made, source, interval_ms=20)
    assert rows.source_label.text() == "x11"
    assert not rows.timer.isActive()
    made.show()
    qtbot.waitUntil(lambda: rows.input_label.text() == "12 seconds ago")
    source.idle = 3.4
    qtbot.waitUntil(lambda: rows.input_label.text() == "3 seconds ago")
    made.hide()
    assert not rows.timer.isActive()
