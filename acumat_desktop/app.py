"""Composition root: shows the tray icon (``app_front.py``), then builds the services and each
feature in dependency order, and runs the event loop. Nothing but the entry points imports this
module; it imports at its top only what the tray icon needs, the rest where it is built.

Each feature receives only what it uses, as typed constructor parameters or small ports
(``wiring/ports.py``); :func:`build` returns one :class:`AcuMat` holding them all with their
types, so a test can build the whole app and keep typed references, and close it the way the app
does when it quits (:meth:`AcuMat.close`).
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from acumat_desktop import APP_DISPLAY_NAME, APP_NAME, DESKTOP_FILE_ID, WM_CLASS, __version__
from acumat_desktop.app_front import Front, build_front, let_the_icon_paint, skip_hung_buses
from acumat_desktop.services.logging_setup import setup_logging
from acumat_desktop.services.module_sources import forget_module_sources
from acumat_desktop.services.paths import AppPaths, instance_lock_path, server_name
from acumat_desktop.services.settings_early import read_language
from acumat_desktop.services.single_instance import InstanceLock, reach_running_instance
from acumat_desktop.services.translations import install_translations
from acumat_desktop.settings.migrations import NewerSchemaError
from acumat_desktop.ui.actions import AppActions
from acumat_desktop.ui.tray import Tray

# Only what the tray icon needs is imported above: the icon shows first, and everything else
# (the services, the window, the settings model, the features) is imported right after it.
if TYPE_CHECKING:
    from acumat_desktop.core.clock import Clock
    from acumat_desktop.core.commands import CommandRegistry
    from acumat_desktop.core.status import StatusBoard
    from acumat_desktop.services.history_store import HistoryStore
    from acumat_desktop.services.ipc import ControlServer
    from acumat_desktop.services.keep_awake import KeepAwake, SessionKeepAwake
    from acumat_desktop.services.notices import OnceNotices
    from acumat_desktop.services.session_service import SessionService
    from acumat_desktop.services.settings_service import SettingsService
    from acumat_desktop.services.settings_store import LoadResult
    from acumat_desktop.services.shutdown import ShutdownManager
    from acumat_desktop.ui.main_window import MainWindow
    from acumat_desktop.ui.settings_dialog import SettingsChoices
    from acumat_desktop.wiring.media import MediaKeysFeature
    from acumat_desktop.wiring.reminders import RemindersFeature
    from acumat_desktop.wiring.session_pages import SessionPages
    from acumat_desktop.wiring.sessions import SessionsFeature
    from acumat_desktop.wiring.shell import ShellFeature
    from acumat_desktop.wiring.sound import SoundFeature

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Services:
    """What the features share: the app's state and its doors to the OS."""

    app: QApplication
    paths: AppPaths
    clock: Clock
    settings: SettingsService
    history: HistoryStore  # the one history database: sessions, sitting totals, reminder events
    session: SessionService  # the one command path into the session engine
    keep_awake: SessionKeepAwake
    actions: AppActions
    window: MainWindow
    tray: Tray | None
    board: StatusBoard
    commands: CommandRegistry  # the command line's door (IPC), and nothing else
    server: ControlServer
    notices: OnceNotices
    shutdown: ShutdownManager


@dataclass(frozen=True)
class AcuMat:
    """The running app: its services and its features, typed."""

    services: Services
    shell: ShellFeature
    sound: SoundFeature
    sessions: SessionsFeature
    pages: SessionPages
    reminders: RemindersFeature
    media: MediaKeysFeature

    # Shortcuts to the services most often reached for.
    @property
    def app(self) -> QApplication:
        return self.services.app

    @property
    def window(self) -> MainWindow:
        return self.services.window

    @property
    def tray(self) -> Tray | None:
        return self.services.tray

    @property
    def settings(self) -> SettingsService:
        return self.services.settings

    @property
    def session(self) -> SessionService:
        return self.services.session

    @property
    def history(self) -> HistoryStore:
        return self.services.history

    @property
    def commands(self) -> CommandRegistry:
        return self.services.commands

    @property
    def board(self) -> StatusBoard:
        return self.services.board

    def close(self) -> None:
        """The one shutdown path (also run when the app quits): each registered step once."""
        self.services.shutdown.run()


def create_application() -> QApplication:
    existing = QApplication.instance()
    # argv[0] names the window class (WM_CLASS), which the desktop file's StartupWMClass matches.
    app = existing if isinstance(existing, QApplication) else QApplication([WM_CLASS])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE_ID)
    app.setQuitOnLastWindowClosed(False)
    return app


def create_keep_awake() -> KeepAwake:
    """The way to keep this computer awake (its modules imported after the tray icon shows)."""
    from acumat_desktop.services.keep_awake import create_keep_awake as create

    return create()


def build_services(
    app: QApplication,
    paths: AppPaths,
    loaded: LoadResult,
    clock: Clock | None = None,
    front: Front | None = None,
) -> Services:
    from acumat_desktop.core.clock import SystemClock
    from acumat_desktop.core.session import ACTIVE_STATES, SessionEngine
    from acumat_desktop.core.status import StatusBoard
    from acumat_desktop.services.history_store import open_history
    from acumat_desktop.services.keep_awake import SessionKeepAwake
    from acumat_desktop.services.notices import OnceNotices
    from acumat_desktop.services.session_service import SessionService
    from acumat_desktop.services.settings_service import SettingsService
    from acumat_desktop.services.settings_store import SettingsStore
    from acumat_desktop.services.shutdown import ShutdownManager
    from acumat_desktop.ui.main_window import MainWindow
    from acumat_desktop.ui.theme import apply_theme

    front = front or build_front(app)
    front.actions.add_shortcuts()
    tray = front.tray
    clock = clock or SystemClock()
    settings = SettingsService(SettingsStore(paths.settings_file), loaded.settings, parent=app)
    apply_theme(app, loaded.settings.appearance.theme)
    window = MainWindow(front.actions, front.icon)
    settings.save_failed.connect(window.show_warning)  # said once per problem, never silent
    board = StatusBoard(__version__)
    board.provide("tray", lambda: {"available": tray.visible})
    session = SessionService(SessionEngine(clock), app)
    # A person lying on the mat is still: keep the screen awake while a session runs or pauses.
    keep_awake = SessionKeepAwake(
        create_keep_awake, enabled=loaded.settings.session.keep_awake, parent=app
    )
    session.state_changed.connect(lambda state: keep_awake.set_active(state in ACTIVE_STATES))
    settings.changed.connect(lambda new: keep_awake.set_enabled(new.session.keep_awake))
    board.provide(
        "session", lambda: {**session.engine.snapshot(), "keep_awake": keep_awake.method_in_use}
    )
    history = open_history(paths.data / "history.sqlite3", clock)
    services = Services(
        app=app,
        paths=paths,
        clock=clock,
        settings=settings,
        history=history,
        session=session,
        keep_awake=keep_awake,
        actions=front.actions,
        window=window,
        tray=tray,
        board=board,
        commands=front.commands,
        server=front.server,
        notices=OnceNotices(paths.state / "notices.json"),
        shutdown=ShutdownManager(),
    )
    # Registered first, so they run last: the settings and the history outlive every feature.
    services.shutdown.register("history", history.close)
    services.shutdown.register("settings", settings.flush)
    services.shutdown.register("control server", services.server.close)
    services.shutdown.register("keep awake", keep_awake.shutdown)
    return services


def build_shell(s: Services) -> ShellFeature:
    from PySide6.QtWidgets import QLabel

    from acumat_desktop.app_handlers import register_app_commands, register_settings_commands
    from acumat_desktop.services.autostart import create_autostart
    from acumat_desktop.wiring.shell import ShellFeature

    shell = ShellFeature(
        app=s.app,
        settings=s.settings,
        actions=s.actions,
        window=s.window,
        tray=s.tray,
        notices=s.notices,
        autostart=create_autostart(),
        log_file=s.paths.log_file,
    )
    s.shutdown.register("tray icon", shell.close)
    shell.add_dialog_extension(
        lambda dialog: dialog.add_diagnostic_row(
            dialog.tr("Keeps the screen awake with"), QLabel(s.keep_awake.description)
        )
    )
    register_app_commands(
        s.commands,
        s.board,
        show=s.window.bring_forward,
        quit_app=lambda: QTimer.singleShot(0, shell.quit),
    )
    register_settings_commands(s.commands, s.settings)
    return shell


def build_features(s: Services) -> AcuMat:
    """Each feature in dependency order: sound first (sessions check sounds against it), then
    sessions (the pages, the reminders and the media keys start or drive sessions through it).
    Their modules are imported here, not at start-up: the tray icon shows before."""
    from acumat_desktop.wiring.session_pages import SessionPages
    from acumat_desktop.wiring.sessions import SessionsFeature
    from acumat_desktop.wiring.sound import SoundFeature

    shell = build_shell(s)
    sound = SoundFeature(
        parent=s.app,
        data_dir=s.paths.data,
        cache_dir=s.paths.cache,
        settings=s.settings,
        session=s.session,
        window=s.window,
        tray=s.tray,
        commands=s.commands,
        board=s.board,
        shutdown=s.shutdown,
        clock=s.clock,
    )
    shell.add_dialog_extension(sound.extend_dialog)
    sessions = SessionsFeature(
        parent=s.app,
        data_dir=s.paths.data,
        settings=s.settings,
        session=s.session,
        history=s.history,
        window=s.window,
        tray=s.tray,
        commands=s.commands,
        sounds=sound,
        clock=s.clock,
    )
    s.shutdown.register("sessions", sessions.shutdown)
    # The session page's speaker opens the sound (the page is built when first needed).
    sessions.when_view_built(lambda view: sound.attach(view.sound_button))

    def settings_choices() -> SettingsChoices:  # the dialog's modules come when it first opens
        from acumat_desktop.ui.routine_choices import pattern_choices, sound_choices
        from acumat_desktop.ui.settings_dialog import SettingsChoices

        return SettingsChoices(
            routines=[(r.id, r.name) for r in sessions.library.all()],
            patterns=pattern_choices(sessions.patterns.all()),
            sounds=sound_choices((row["id"], row["name"]) for row in sound.sounds()),
        )

    shell.set_settings_choices(settings_choices)
    pages = SessionPages(
        parent=s.app,
        settings=s.settings,
        session=s.session,
        clock=s.clock,
        window=s.window,
        library=sessions.library,
        patterns=sessions.patterns.all(),
        history=s.history,
        session_page=sessions,
        starter=sessions,
        sounds=sound,
        pattern_library=sessions.patterns,
    )
    # The picker's ▶ plays its sound as ambience (the picker is built when the window shows).
    pages.when_home_built(lambda picker: sound.attach_preview(picker.details))
    s.shutdown.register("session pages", pages.shutdown)
    reminders, media = build_around_sessions(s, shell, sound, sessions)
    s.app.aboutToQuit.connect(s.shutdown.run)
    return AcuMat(s, shell, sound, sessions, pages, reminders, media)


def build_around_sessions(
    s: Services, shell: ShellFeature, sound: SoundFeature, sessions: SessionsFeature
) -> tuple[RemindersFeature, MediaKeysFeature]:
    """The features that start or follow sessions from outside the window."""
    from PySide6.QtDBus import QDBusConnection

    from acumat_desktop.services.notifications import DesktopNotifications
    from acumat_desktop.wiring.media import MediaKeysFeature
    from acumat_desktop.wiring.reminders import RemindersFeature, create_sitting_monitor
    from acumat_desktop.wiring.session_end import SessionEndNotice

    SessionEndNotice(
        parent=s.app,
        session=s.session,
        window=s.window,
        tray=s.tray,
        notifier=DesktopNotifications(
            desktop_entry=DESKTOP_FILE_ID, category=None, resident=False, parent=s.app
        ),
    )
    monitor = create_sitting_monitor(s.app, s.clock, s.settings.settings, s.window)
    reminders = RemindersFeature(
        parent=s.app,
        monitor=monitor,
        clock=s.clock,
        settings=s.settings,
        session=s.session,
        history=s.history,
        tray=s.tray,
        commands=s.commands,
        board=s.board,
        starter=sessions,
        shutdown=s.shutdown,
    )
    shell.add_dialog_extension(reminders.extend_dialog)
    # Media keys and headset buttons, through MPRIS on the session bus (Linux desktops).
    media = MediaKeysFeature(
        parent=s.app,
        session=s.session,
        window=s.window,
        bus=QDBusConnection.sessionBus() if sys.platform.startswith("linux") else None,
        shutdown=s.shutdown,
        sounds=sound,
        ambience=sound.ambience,
    )
    return reminders, media


def build(
    app: QApplication,
    paths: AppPaths,
    loaded: LoadResult,
    minimized: bool,
    clock: Clock | None = None,
    front: Front | None = None,
) -> AcuMat:
    """The whole app, the tray icon first (``front``, when it is already shown)."""
    from acumat_desktop.services.errors import install_excepthooks

    services = build_services(app, paths, loaded, clock, front)
    acumat = build_features(services)
    install_excepthooks(acumat.shell.report_error)
    show_first_screen(acumat, loaded, minimized)
    return acumat


def show_first_screen(acumat: AcuMat, loaded: LoadResult, minimized: bool) -> None:
    """The tray (or, without one, the window), then what the person must be told."""
    window, tray = acumat.window, acumat.tray
    assert tray is not None  # always built, and shown by build()
    tray.available_changed.connect(lambda available: on_tray_changed(window, available))
    if not tray.is_available:
        window.show_warning(
            window.tr(
                "No system tray was found, so AcuMat stays in this window; closing it quits. "
                "On GNOME, the AppIndicator extension adds a tray."
            )
        )
        log.warning("no system tray available; the window stays the way in")
    if not tray.is_available or not (minimized or loaded.settings.startup.start_minimized):
        window.show()
    message = loaded.message()
    if message:
        window.show_warning(message)
        if tray.visible and window.isHidden():
            tray.message(window.tr("AcuMat settings"), message)
    history_message = acumat.history.message
    if history_message:  # warnings join: none of them hides another
        window.show_warning(history_message)
        if tray.visible and window.isHidden():
            tray.message(window.tr("AcuMat history"), history_message)


def on_tray_changed(window: MainWindow, available: bool) -> None:
    """A tray that goes away leaves the window as the way in; a tray that comes is used."""
    if available:
        log.info("a system tray appeared; AcuMat's icon is in it")
        return
    log.warning("the system tray went away; the window comes forward")
    window.show_warning(
        window.tr("The system tray went away, so AcuMat stays in this window; closing it quits.")
    )
    window.bring_forward()


def load_settings(app: QApplication, paths: AppPaths, language: str) -> LoadResult:
    """The settings, validated by the model before any of them is used (but the language, read
    by the model's rule before the icon showed; should the model disagree, it wins for all
    that is built from now on)."""
    from acumat_desktop.services.settings_store import SettingsStore

    loaded = SettingsStore(paths.settings_file).load()
    if loaded.settings.appearance.language != language:
        log.warning("the settings' language is %s after all", loaded.settings.appearance.language)
        install_translations(app, loaded.settings.appearance.language)
    return loaded


def run_app(minimized: bool = False) -> int:
    forget_module_sources()  # PySide6's import check would keep every module's source (~10 MB)
    paths = AppPaths.for_user()
    paths.ensure()
    setup_logging(paths.log_file)
    name = server_name()
    lock = InstanceLock(instance_lock_path(paths))
    if not lock.acquire():
        reach = reach_running_instance(name, lock, wait_s=15)
        if reach.reached:
            log.info("AcuMat already runs; asked it to come forward")
            return 0
        if not reach.lock_taken:
            sys.stderr.write(f"acumat: {reach.message}\n")
            return 1
        log.info("the AcuMat that held the instance lock is gone; starting")
    try:
        language = read_language(paths.settings_file)  # a newer file is refused before the icon
        skip_hung_buses()
        app = create_application()
        install_translations(app, language)  # before any window or menu
        front = build_front(app)
        loaded = load_settings(app, paths, language)
    except NewerSchemaError as exc:
        sys.stderr.write(f"acumat: {exc}\n")
        return 1
    if minimized or loaded.settings.startup.start_minimized:  # the icon is all that shows
        let_the_icon_paint(app, front.tray)
    # Listening from now on, a command line asking while the rest is built waits for its
    # answer (handled once the event loop runs, when every feature is there): nothing below
    # handles events before that.
    listening = front.server.listen()
    acumat = build(app, paths, loaded, minimized, front=front)
    if not listening:
        acumat.window.show_warning(
            acumat.window.tr("Command-line control is unavailable (see the log).")
        )
    tray_shown = acumat.tray is not None and acumat.tray.visible
    log.info("AcuMat %s started (tray: %s)", __version__, tray_shown)
    code = app.exec()
    acumat.close()
    lock.release()
    return code
