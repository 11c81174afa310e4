"""The app's shell: the window and tray's own commands (open, settings, about, quit), closing
to the tray, the theme and autostart following the settings, and the error box."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox

from acumat_desktop import APP_DISPLAY_NAME
from acumat_desktop.services.autostart import Autostart, apply_autostart
from acumat_desktop.services.notices import OnceNotices
from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.settings.model import Settings
from acumat_desktop.ui.actions import AppActions
from acumat_desktop.ui.main_window import MainWindow
from acumat_desktop.ui.theme import apply_theme
from acumat_desktop.ui.tray import Tray

if TYPE_CHECKING:  # the dialogs' modules are imported when a dialog is first opened
    from acumat_desktop.ui.settings_dialog import SettingsChoices, SettingsDialog

log = logging.getLogger(__name__)

DialogExtension = Callable[["SettingsDialog"], None]
ChoicesProvider = Callable[[], "SettingsChoices"]


class ShellFeature(QObject):
    """Connects the app's own actions, window closing and the settings that shape the app."""

    def __init__(
        self,
        *,
        app: QApplication,
        settings: SettingsService,
        actions: AppActions,
        window: MainWindow,
        tray: Tray | None,
        notices: OnceNotices,
        autostart: Autostart,
        log_file: Path,
    ) -> None:
        super().__init__(app)
        self._app = app
        self._settings = settings
        self._window = window
        self._tray = tray
        self._notices = notices
        self._autostart = autostart
        self._log_file = log_file
        self._settings_dialog: SettingsDialog | None = None
        self._dialog_extensions: list[DialogExtension] = []
        self._choices: ChoicesProvider | None = None  # None: no routines, patterns or sounds
        self.error_box: QMessageBox | None = None
        actions.open.triggered.connect(window.bring_forward)
        actions.quit.triggered.connect(self.quit)
        actions.settings.triggered.connect(self.open_settings)
        actions.about.triggered.connect(self.open_about)
        window.close_requested.connect(self.on_window_close)
        settings.changed.connect(self.on_settings_changed)
        if tray is not None:
            tray.activated.connect(window.bring_forward)
        apply_autostart(autostart, settings.settings.startup.autostart, window.show_notice)

    @property
    def settings_dialog(self) -> SettingsDialog | None:
        return self._settings_dialog

    @property
    def dialog_extensions(self) -> tuple[DialogExtension, ...]:
        return tuple(self._dialog_extensions)

    def set_settings_choices(self, provider: ChoicesProvider) -> None:
        """Where the settings dialog gets the routines, patterns and sounds to choose by name."""
        self._choices = provider

    def add_dialog_extension(self, extend: DialogExtension) -> None:
        """``extend`` adds its rows to the settings dialog when the dialog is first built."""
        self._dialog_extensions.append(extend)

    def quit(self) -> None:
        self._window.allow_close()
        self._app.quit()

    def on_window_close(self) -> None:
        tray = self._tray
        if tray is None or not tray.visible:
            self.quit()
            return
        self._window.hide()
        if self._notices.first_time("closed-to-tray"):
            tray.message(
                APP_DISPLAY_NAME,
                self.tr(
                    "AcuMat keeps running in the system tray. To quit, choose Quit in its menu."
                ),
            )

    def open_settings(self) -> None:
        from acumat_desktop.ui.settings_dialog import SettingsChoices, SettingsDialog

        choices = self._choices() if self._choices is not None else SettingsChoices()
        if self._settings_dialog is None:
            self._settings_dialog = SettingsDialog(self._settings, self._window, choices=choices)
            for extend in self._dialog_extensions:
                extend(self._settings_dialog)
        else:
            self._settings_dialog.set_choices(choices)
            self._settings_dialog.load(self._settings.settings)
        self._settings_dialog.show()
        self._settings_dialog.raise_()
        self._settings_dialog.activateWindow()

    def open_about(self) -> None:
        from acumat_desktop.ui.about import load_about_dialog

        dialog = load_about_dialog(self._window)
        dialog.setWindowIcon(self._window.windowIcon())
        dialog.open()

    def on_settings_changed(self, settings: Settings) -> None:
        apply_theme(self._app, settings.appearance.theme)
        apply_autostart(self._autostart, settings.startup.autostart, self._window.show_notice)

    def report_error(self, text: str) -> None:
        box = self.error_box
        if box is None:
            box = QMessageBox(QMessageBox.Icon.Warning, APP_DISPLAY_NAME, "", parent=self._window)
            box.setWindowTitle(self.tr("Something went wrong"))
            self.error_box = box
        box.setText(self.tr("Something went wrong, but AcuMat keeps running."))
        box.setInformativeText(self.tr("{0}\n\nDetails are in {1}.").format(text, self._log_file))
        box.show()

    def close(self) -> None:
        """Part of the app's shutdown: the tray icon leaves the panel at once."""
        if self._tray is not None:
            self._tray.hide()
