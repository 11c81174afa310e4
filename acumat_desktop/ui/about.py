"""The About dialog, from the Designer form ui/about.ui."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from acumat_desktop import __version__
from acumat_desktop.services.assets import ui_path


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
        version.setText(f"Version {__version__}")
    return dialog
