"""The app's window, tray wiring and settings dialog, built in-process (offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QDialogButtonBox, QMenu, QSpinBox
from pytestqt.qtbot import QtBot

from acumat_desktop.app import AcuMat, build, create_application
from acumat_desktop.services.paths import AppPaths
from acumat_desktop.services.settings_store import LoadResult, SettingsStore
from acumat_desktop.settings.model import Settings
from acumat_desktop.ui.settings_dialog import SettingsDialog
from acumat_desktop.ui.tray import Tray


@pytest.fixture
def parts(qtbot: QtBot) -> Iterator[AcuMat]:
    paths = AppPaths.for_user()
    paths.ensure()
    app = create_application()
    built = build(app, paths, LoadResult(Settings()), minimized=False)
    qtbot.addWidget(built.window)
    yield built
    built.window.allow_close()
    built.window.close()
    built.close()


def test_window_has_title_menus_and_the_routine_picker_as_home(parts: AcuMat) -> None:
    window = parts.window
    assert window.windowTitle() == "AcuMat"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&AcuMat", "&Help"]
    items = [a.text() for m in window.menuBar().findChildren(QMenu) for a in m.actions()]
    assert "&Quit" in items and "&About AcuMat" in items and "&Settings…" in items
    assert window.placeholder is None
    assert window.pages.currentWidget().objectName() == "RoutinePicker"
    assert not window.windowIcon().isNull()


def test_without_a_tray_the_window_shows_and_says_so(parts: AcuMat) -> None:
    if Tray.available():
        pytest.skip("this platform has a tray")
    assert parts.tray is not None and not parts.tray.visible
    assert parts.window.isVisible()
    assert "No system tray" in parts.window.warning.text()
    assert parts.board.snapshot()["tray"] == {"available": False}


def test_closing_the_window_without_a_tray_quits(
    parts: AcuMat, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert parts.tray is not None and not parts.tray.visible
    quits: list[bool] = []
    monkeypatch.setattr(parts.shell, "quit", lambda: quits.append(True))
    parts.window.close()
    assert quits == [True], "no tray: closing the only way in quits instead of hiding"


@pytest.mark.qt_log_ignore("systemTrayWindowChanged")  # offscreen has no tray to embed in
def test_closing_with_a_tray_hides_and_tells_once(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Tray, "available", staticmethod(lambda: True))
    monkeypatch.setattr(Tray, "visible", property(lambda self: True))
    paths = AppPaths.for_user()
    paths.ensure()
    parts = build(create_application(), paths, LoadResult(Settings()), minimized=True)
    qtbot.addWidget(parts.window)
    tray = parts.tray
    assert tray is not None
    messages: list[str] = []
    monkeypatch.setattr(tray, "message", lambda title, text: messages.append(text))
    quits: list[bool] = []
    parts.app.aboutToQuit.connect(lambda: quits.append(True))
    parts.window.show()
    parts.window.close()
    assert parts.window.isHidden()
    parts.window.show()
    parts.services.actions.close_window.trigger()  # Ctrl+W
    assert parts.window.isHidden()
    assert len(messages) == 1, "told only once"
    assert "system tray" in messages[0]
    QApplication.processEvents()
    assert not quits
    parts.window.allow_close()
    parts.close()


def test_tray_menu_offers_open_settings_quit(parts: AcuMat) -> None:
    tray = Tray(parts.services.actions, parts.window.windowIcon())
    assert [a.text() for a in tray.menu.actions() if not a.isSeparator()] == [
        "&Open AcuMat",
        "&Settings…",
        "&Quit",
    ]


def test_the_built_app_has_its_keyboard_shortcuts(parts: AcuMat) -> None:
    """The start adds them after the tray icon shows (the first costs ~12 ms); they are there,
    as the platform binds them (Close everywhere; Quit and Preferences not on every platform)."""
    from PySide6.QtGui import QKeySequence

    actions = parts.services.actions
    for action, key in (
        (actions.quit, QKeySequence.StandardKey.Quit),
        (actions.settings, QKeySequence.StandardKey.Preferences),
        (actions.close_window, QKeySequence.StandardKey.Close),
    ):
        assert action.shortcut() == QKeySequence(key)
    assert not actions.close_window.shortcut().isEmpty()


def test_settings_dialog_validates_as_you_type_and_saves(parts: AcuMat, qtbot: QtBot) -> None:
    dialog = SettingsDialog(parts.settings, parts.window)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    sit_limit = dialog.findChild(QSpinBox, "reminders.sit_limit")
    assert sit_limit is not None and sit_limit.value() == 50
    assert sit_limit.suffix().strip() == "min"
    # A value the minute stepper cannot show (beyond its range) is kept, and said plainly.
    dialog.editors["reminders.sit_limit"].set_value(timedelta(hours=9))
    dialog.editors["reminders.sit_limit"].edited.emit()
    assert not ok.isEnabled()
    error = dialog.errors["reminders.sit_limit"]
    assert error.text() == "Choose between 10 seconds and 4 hours."
    assert error.isVisibleTo(dialog)
    sit_limit.selectAll()
    qtbot.keyClicks(sit_limit, "25")
    assert ok.isEnabled()
    assert not error.isVisibleTo(dialog)
    muted = dialog.findChild(QCheckBox, "sound.muted")
    assert muted is not None
    muted.setChecked(True)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert parts.settings.settings.reminders.sit_limit == timedelta(minutes=25)
    assert parts.settings.settings.sound.muted is True
    parts.settings.flush()
    saved = SettingsStore(parts.services.paths.settings_file).load().settings
    assert saved.reminders.sit_limit == timedelta(minutes=25)


def test_every_settings_field_has_an_accessible_editor(parts: AcuMat) -> None:
    dialog = SettingsDialog(parts.settings, parts.window)
    for key, editor in dialog.editors.items():
        assert editor.widget.accessibleName(), key
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Reminders",
        "Sessions",
        "Sound",
        "General",
        "About this computer",
    ]
    dialog.deleteLater()


def test_settings_changes_are_saved_once_after_a_pause(parts: AcuMat, qtbot: QtBot) -> None:
    path = parts.services.paths.settings_file
    parts.settings.set("sound.master_volume", "0.2")
    parts.settings.set("sound.master_volume", "0.3")
    assert not path.exists(), "debounced: nothing written yet"
    qtbot.waitUntil(path.exists, timeout=3000)
    assert SettingsStore(path).load().settings.sound.master_volume == 0.3


def test_about_dialog_comes_from_the_designer_form(parts: AcuMat, qtbot: QtBot) -> None:
    parts.services.actions.about.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if w.objectName() == "AboutDialog"]
    assert dialogs and dialogs[0].isVisible()
    dialogs[0].close()


def test_dark_theme_reaches_tooltips_and_tray_balloons(parts: AcuMat) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QToolTip

    parts.settings.set("appearance.theme", "dark")
    dark_base = QToolTip.palette().color(QPalette.ColorRole.ToolTipBase)
    assert dark_base.lightness() < 100, "a light balloon with light text would be unreadable"
    parts.settings.set("appearance.theme", "light")
    assert QToolTip.palette().color(QPalette.ColorRole.ToolTipBase).lightness() > 200
