"""The safety note shows the core text; first time it asks for an acknowledgement."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from acumat_desktop.core.safety import SAFETY_NOTE, SAFETY_TITLE
from acumat_desktop.ui.safety_note import SafetyNoteDialog, show_safety_note

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
