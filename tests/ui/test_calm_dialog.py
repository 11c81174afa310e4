"""The calm question and the calm style: no stock icons, words on the buttons, Enter and Escape."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QStyle
from pytestqt.qtbot import QtBot

from acumat_desktop.ui.calm_dialog import CalmDialog, ask
from acumat_desktop.ui.theme import CalmStyle, apply_theme, calm_style, style_sheet


def test_the_dialog_has_words_and_no_icons(qtbot: QtBot) -> None:
    dialog = CalmDialog(
        None,
        "Stop the session?",
        "Stop the session now?",
        "Stop",
        "Keep going",
        destructive=True,
        detail="The minutes so far are kept in your history.",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Stop the session?"
    assert "AcuMat" not in dialog.windowTitle()
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert texts == ["Stop the session now?", "The minutes so far are kept in your history."]
    assert all(label.pixmap().isNull() for label in dialog.findChildren(QLabel))
    for button in (dialog.confirm_button, dialog.cancel_button):
        assert button.icon().isNull()
    assert dialog.confirm_button.property("role") == "primary"
    assert dialog.confirm_button.isDefault()
    assert dialog.focusWidget() is dialog.cancel_button, "starts on the safe answer"
    assert dialog.cancel_button.x() < dialog.confirm_button.x()


def test_enter_confirms_and_escape_cancels(qtbot: QtBot) -> None:
    dialog = CalmDialog(None, "Delete", "Delete the routine?", "Delete", "Cancel")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    dialog.show()
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_ask_returns_the_answer(qtbot: QtBot) -> None:
    def answer(confirm: bool) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CalmDialog)
        (dialog.confirm_button if confirm else dialog.cancel_button).click()

    QTimer.singleShot(0, lambda: answer(True))
    assert ask(None, "Stop the session?", "Stop now?", "Stop", "Keep going", destructive=True)
    QTimer.singleShot(0, lambda: answer(False))
    assert not ask(None, "Stop the session?", "Stop now?", "Stop", "Keep going")


def test_dialog_buttons_carry_no_stock_icons(qapp: QApplication) -> None:
    style = calm_style()
    assert isinstance(style, CalmStyle)
    assert style.styleHint(QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons) == 0
    assert style.baseStyle().name().lower() == "fusion"
    apply_theme(qapp, "light")
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    assert all(button.icon().isNull() for button in box.buttons())
    for dark in (False, True):
        assert 'QPushButton[role="primary"]' in style_sheet(dark)
        assert "@accent" not in style_sheet(dark)
