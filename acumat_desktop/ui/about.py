"""The About dialog, from the Designer form ui/about.ui: the app's icon, its name and version,
one sentence, and Close (no stock icon on it: see ``ui/theme.py``'s CalmStyle).

The form's title is "About": Qt appends the application's display name ("About — AcuMat").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QFile, QIODevice
from PySide6.QtGui import QIcon
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from acumat_desktop import __version__
from acumat_desktop.services.assets import icon_path, ui_path

ICON_SIZE = 96


def load_about_dialog(parent: QWidget | None = None) -> QDialog:
    form = QFile(str(ui_path("about.ui")))
    if not form.open(QIODevice.OpenModeFlag.ReadOnly):
        raise OSError(f"cannot open {form.fileName()}: {form.errorString()}")
    try:
        dialog = QUiLoader().load(form, parent)
    finally:
        form.close()
    if not isinstance(dialog, QDialog):
        raise TypeError("ui/about.ui does not hold a dialog")
    version = dialog.findChild(QLabel, "version")
    if version is not None:
        text = QCoreApplication.translate("AboutDialog", "Version %1")
        version.setText(text.replace("%1", __version__))
    buttons = dialog.findChild(QDialogButtonBox, "buttons")
    if buttons is not None:
        for button in buttons.buttons():
            button.setProperty("role", "primary")  # the one thing to do here
            button.style().unpolish(button)
            button.style().polish(button)
            button.updateGeometry()
    icon = dialog.findChild(QLabel, "icon")
    if icon is not None:
        icon.setPixmap(QIcon(str(icon_path())).pixmap(ICON_SIZE, ICON_SIZE))
    return dialog
