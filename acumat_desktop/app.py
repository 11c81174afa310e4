"""Composition root: builds the services and the UI, wires them together, runs the event loop."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from acumat_desktop import APP_DISPLAY_NAME, APP_NAME, DESKTOP_FILE_ID, __version__
from acumat_desktop.app_handlers import register_app_commands, register_settings_commands
from acumat_desktop.core.clock import Clock, SystemClock
from acumat_desktop.core.commands import CommandRegistry
from acumat_desktop.core.session import SessionEngine
from acumat_desktop.core.status import StatusBoard
from acumat_desktop.services.assets import icon_path
from acumat_desktop.services.autostart import Autostart, apply_autostart, create_autostart
from acumat_desktop.services.errors import install_excepthooks
from acumat_desktop.services.history_store import HistoryStore, open_history
from acumat_desktop.services.ipc import ControlServer
from acumat_desktop.services.ipc_client import ControlClient, NotRunningError
from acumat_desktop.services.logging_setup import setup_logging
from acumat_desktop.services.notices import OnceNotices
from acumat_desktop.services.paths import AppPaths, instance_lock_path, server_name
from acumat_desktop.services.session_service import SessionService
from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.services.settings_store import LoadResult, SettingsStore
from acumat_desktop.services.single_instance import InstanceLock
from acumat_desktop.settings.migrations import NewerSchemaError
from acumat_desktop.settings.model import Settings
from acumat_desktop.ui.about import load_about_dialog
from acumat_desktop.ui.actions import AppActions
from acumat_desktop.ui.main_window import MainWindow
from acumat_desktop.ui.settings_dialog import SettingsDialog
from acumat_desktop.ui.theme import apply_theme
from acumat_desktop.ui.tray import Tray
from acumat_desktop.wiring import reminders as reminders_wiring
from acumat_desktop.wiring import sessions as sessions_wiring
from acumat_desktop.wiring import sound as sound_wiring

log = logging.getLogger(__name__)


def app_icon() -> QIcon:
    icon = QIcon(str(icon_path()))
    for size in (16, 22, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(icon_path(size)))
    return icon


@dataclass
class Parts:
    """Everything the running app is made of (kept so nothing is garbage-collected)."""

    app: QApplication
    paths: AppPaths
    settings: SettingsService
    actions: AppActions
    window: MainWindow
    tray: Tray | None
    board: StatusBoard
    commands: CommandRegistry
    server: ControlServer | None
    notices: OnceNotices
    session: SessionService
    clock: Clock
    history: HistoryStore  # the one history database: sessions, sitting totals, reminder events
    error_box: QMessageBox | None = None
    wiring: Wiring | None = None
    autostart: Autostart = field(default_factory=create_autostart)
    # Called with the settings dialog when it is first created (features add rows to it).
    dialog_extensions: list[Callable[[SettingsDialog], None]] = field(default_factory=list)


class Wiring:
    """Connects the parts: what each action, close and settings change does."""

    def __init__(self, parts: Parts) -> None:
        self.p = parts
        self._settings_dialog: SettingsDialog | None = None
        actions = parts.actions
        actions.open.triggered.connect(parts.window.bring_forward)
        actions.quit.triggered.connect(self.quit)
        actions.settings.triggered.connect(self.open_settings)
        actions.about.triggered.connect(self.open_about)
        parts.window.close_requested.connect(self.on_window_close)
        parts.settings.changed.connect(self.on_settings_changed)
        if parts.tray is not None:
            parts.tray.activated.connect(parts.window.bring_forward)
        parts.app.aboutToQuit.connect(self.on_quit)

    def quit(self) -> None:
        self.p.window.allow_close()
        self.p.app.quit()

    def on_quit(self) -> None:
        self.p.settings.flush()
        if self.p.server is not None:
            self.p.server.close()
        if self.p.tray is not None:
            self.p.tray.hide()

    def on_window_close(self) -> None:
        tray = self.p.tray
        if tray is None or not tray.visible:
            self.quit()
            return
        self.p.window.hide()
        if self.p.notices.first_time("closed-to-tray"):
            tray.message(
                APP_DISPLAY_NAME,
                "AcuMat keeps running in the system tray. To quit, choose Quit in its menu.",
            )

    def open_settings(self) -> None:
        if self._settings_dialog is None:
            self._settings_dialog = SettingsDialog(self.p.settings, self.p.window)
            for extend in self.p.dialog_extensions:
                extend(self._settings_dialog)
        else:
            self._settings_dialog.load(self.p.settings.settings)
        self._settings_dialog.show()
        self._settings_dialog.raise_()
        self._settings_dialog.activateWindow()

    def open_about(self) -> None:
        dialog = load_about_dialog(self.p.window)
        dialog.setWindowIcon(self.p.window.windowIcon())
        dialog.open()

    def on_settings_changed(self, settings: Settings) -> None:
        apply_theme(self.p.app, settings.appearance.theme)
        apply_autostart(self.p.autostart, settings.startup.autostart, self.p.window.show_notice)

    def report_error(self, text: str) -> None:
        box = self.p.error_box
        if box is None:
            box = QMessageBox(QMessageBox.Icon.Warning, APP_DISPLAY_NAME, "", parent=self.p.window)
            box.setWindowTitle("AcuMat — something went wrong")
            self.p.error_box = box
        box.setText("Something went wrong, but AcuMat keeps running.")
        box.setInformativeText(f"{text}\n\nDetails are in {self.p.paths.log_file}.")
        box.show()


def forward_to_running_instance(name: str, wait_s: float = 0.0) -> bool:
    """Ask the running AcuMat to come forward; wait up to ``wait_s`` for it to answer."""
    deadline = time.monotonic() + wait_s
    while True:
        client = ControlClient(name, timeout_ms=1500)
        try:
            client.connect()
            client.request("show")
            return True
        except NotRunningError:
            if time.monotonic() >= deadline:
                return False
        finally:
            client.close()
        time.sleep(0.1)  # the other instance is still starting; its server is not up yet


def create_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE_ID)
    app.setQuitOnLastWindowClosed(False)
    return app


def build(app: QApplication, paths: AppPaths, loaded: LoadResult, minimized: bool) -> Parts:
    icon = app_icon()
    app.setWindowIcon(icon)
    store = SettingsStore(paths.settings_file)
    settings = SettingsService(store, loaded.settings, parent=app)
    apply_theme(app, loaded.settings.appearance.theme)
    actions = AppActions(app)
    window = MainWindow(actions, icon)
    tray = Tray(actions, icon, app) if Tray.available() else None
    board = StatusBoard(__version__)
    board.provide("tray", lambda: {"available": tray is not None and tray.visible})
    commands = CommandRegistry()
    server = ControlServer(server_name(), commands.handle_line, app)
    clock = SystemClock()
    session = SessionService(SessionEngine(clock), app)
    board.provide("session", session.engine.snapshot)
    parts = Parts(
        app,
        paths,
        settings,
        actions,
        window,
        tray,
        board,
        commands,
        server,
        OnceNotices(paths.state / "notices.json"),
        session,
        clock,
        open_history(paths.data / "history.sqlite3", clock),
    )
    wiring = parts.wiring = Wiring(parts)
    apply_autostart(parts.autostart, loaded.settings.startup.autostart, window.show_notice)
    # Features wire themselves here, each from its own module in acumat_desktop/wiring/.
    sound_wiring.wire(parts)  # first: sessions ask it which sounds exist
    sessions_wiring.wire(parts)
    reminders_wiring.wire(parts)
    register_app_commands(
        commands,
        board,
        show=window.bring_forward,
        quit_app=lambda: QTimer.singleShot(0, wiring.quit),
    )
    register_settings_commands(commands, settings)
    install_excepthooks(wiring.report_error)

    if tray is not None:
        tray.show()
    if tray is None:
        text = (
            "No system tray was found, so AcuMat stays in this window; closing it quits. "
            "On GNOME, the AppIndicator extension adds a tray."
        )
        window.show_notice(text)
        log.warning("no system tray available; the window stays the way in")
    if tray is None or not (minimized or loaded.settings.startup.start_minimized):
        window.show()
    message = loaded.message()
    if message:
        window.show_notice(message)
        if tray is not None and window.isHidden():
            tray.message("AcuMat settings", message)
    if parts.history.message:  # after the other notices, so none of them hides it
        window.show_notice(" ".join(filter(None, (window.notice.text(), parts.history.message))))
        if tray is not None and window.isHidden():
            tray.message("AcuMat history", parts.history.message)
    return parts


def run_app(minimized: bool = False) -> int:
    paths = AppPaths.for_user()
    paths.ensure()
    setup_logging(paths.log_file)
    name = server_name()
    lock = InstanceLock(instance_lock_path(paths))
    if not lock.acquire():
        if forward_to_running_instance(name, wait_s=15):
            log.info("AcuMat already runs; asked it to come forward")
            return 0
        sys.stderr.write("acumat: another AcuMat holds the instance lock but does not answer\n")
        return 1
    try:
        loaded = SettingsStore(paths.settings_file).load()
    except NewerSchemaError as exc:
        sys.stderr.write(f"acumat: {exc}\n")
        return 1
    app = create_application()
    parts = build(app, paths, loaded, minimized)
    assert parts.server is not None
    if not parts.server.listen():
        parts.window.show_notice("Command-line control is unavailable (see the log).")
    log.info("AcuMat %s started (tray: %s)", __version__, parts.tray is not None)
    code = app.exec()
    lock.release()
    return code
