"""The safety note shows the core text; first time it asks for an acknowledgement, as a sheet
over the window (the wiring: tests/ui/test_first_run.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from acumat_desktop.core.safety import SAFETY_NOTE, SAFETY_TITLE
from acumat_desktop.ui.safety_note import (
    SafetyNoteDialog,
    SafetySheet,
    Sheet,
    show_safety_note,
)

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_the_dialog_shows_the_whole_note(qtbot: QtBot) -> None:
    dialog = SafetyNoteDialog(first_time=True)
    qtbot.addWidget(dialog)
    assert dialog.text_label.text() == SAFETY_NOTE
    assert dialog.windowTitle() == SAFETY_TITLE
    assert "pregnant" in dialog.text_label.text()
    assert dialog.text_label.accessibleDescription() == SAFETY_NOTE


def test_first_time_offers_understand_and_not_now(qtbot: QtBot) -> None:
    dialog = SafetyNoteDialog(first_time=True)
    qtbot.addWidget(dialog)
    assert dialog.ok_button.text() == "I understand"
    assert dialog.later_button is not None
    with qtbot.waitSignal(dialog.finished) as blocker:
        dialog.later_button.click()
    assert blocker.args == [QDialog.DialogCode.Rejected.value]
    dialog.show()
    with qtbot.waitSignal(dialog.finished) as accepted:
        dialog.ok_button.click()
    assert accepted.args == [QDialog.DialogCode.Accepted.value]


def test_rereading_has_only_close(qtbot: QtBot) -> None:
    dialog = SafetyNoteDialog(first_time=False)
    qtbot.addWidget(dialog)
    assert dialog.later_button is None
    assert dialog.ok_button.text().replace("&", "") == "Close"


def _answer(button_attr: str) -> None:
    def click() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SafetyNoteDialog):
            QTimer.singleShot(10, click)
            return
        getattr(dialog, button_attr).click()

    QTimer.singleShot(0, click)


@pytest.mark.parametrize(
    ("first_time", "button", "expected"),
    [(True, "ok_button", True), (True, "later_button", False), (False, "ok_button", True)],
)
def test_show_safety_note_reports_the_answer(
    qtbot: QtBot, first_time: bool, button: str, expected: bool
) -> None:
    _answer(button)
    assert show_safety_note(None, first_time=first_time) is expected


# ------------------------------------------------------------------ the sheet over the window


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_sheet_covers_its_window_and_follows_its_size(qtbot: QtBot, host: QWidget) -> None:
    sheet = SafetySheet(host)
    assert not sheet.isVisible()
    sheet.open(waiting=False)
    assert sheet.isVisible() and not sheet.isWindow()
    assert sheet.geometry() == host.rect()
    assert sheet.text_label.text() == SAFETY_NOTE
    assert sheet.ok_button.text() == "I understand, begin"
    host.resize(1200, 900)
    qtbot.waitUntil(lambda: sheet.geometry() == host.rect())
    assert sheet.card.width() <= Sheet.CARD_MAX_W
    sheet.grab()  # paints its veil without errors


def test_the_sheet_says_when_a_session_waits_and_answers_once(qtbot: QtBot, host: QWidget) -> None:
    sheet = SafetySheet(host)
    sheet.open(waiting=True)
    assert "paused" in sheet.intro.text()
    assert "stop the session" in sheet.later_button.text()
    with qtbot.waitSignal(sheet.accepted):
        sheet.ok_button.click()
    assert not sheet.isVisible()
    sheet.open(waiting=True)
    with qtbot.waitSignal(sheet.declined):
        qtbot.keyClick(sheet, Qt.Key.Key_Escape)
    assert not sheet.isVisible()


def test_clicks_do_not_reach_what_lies_beneath(qtbot: QtBot, host: QWidget) -> None:
    beneath = QPushButton("beneath", host)
    beneath.setGeometry(10, 10, 100, 30)
    beneath.show()
    sheet = SafetySheet(host)
    sheet.open(waiting=False)
    with qtbot.assertNotEmitted(beneath.clicked):
        qtbot.mouseClick(sheet, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))


def test_enter_presses_the_focused_button(qtbot: QtBot, host: QWidget) -> None:
    sheet = SafetySheet(host)
    sheet.open(waiting=False)
    host.activateWindow()
    qtbot.waitUntil(sheet.ok_button.hasFocus)
    with qtbot.waitSignal(sheet.accepted):
        qtbot.keyClick(sheet.ok_button, Qt.Key.Key_Return)
