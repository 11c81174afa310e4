"""The About dialog: the app's icon, room around the words, a title Qt does not double, and
Close without a stock icon."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from acumat_desktop import __version__
from acumat_desktop.ui.about import load_about_dialog
from acumat_desktop.ui.theme import apply_theme


def test_about_shows_the_icon_with_margins_and_a_plain_close(
    qapp: QApplication, qtbot: QtBot
) -> None:
    apply_theme(qapp, "light")
    dialog = load_about_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "About", "Qt appends the app's name: 'About — AcuMat'"
    icon = dialog.findChild(QLabel, "icon")
    assert icon is not None and not icon.pixmap().isNull()
    version = dialog.findChild(QLabel, "version")
    assert version is not None and version.text() == f"Version {__version__}"
    layout = dialog.layout()
    assert layout is not None
    margins = layout.contentsMargins()
    assert min(margins.left(), margins.top(), margins.right(), margins.bottom()) >= 20
    buttons = dialog.findChild(QDialogButtonBox, "buttons")
    assert buttons is not None
    close = buttons.buttons()[0]
    assert close.icon().isNull(), "no stock icon on Close"
    assert close.property("role") == "primary"
