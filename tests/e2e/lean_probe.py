"""Builds the app as ``acumat --minimized`` does, on the test's desktop, and prints what exists
(run by test_lean_start_e2e.py in its own process, so ``sys.modules`` is this start's alone)."""

from __future__ import annotations

import json
import linecache
import sys

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

# Only what ``acumat`` itself imports before its tray icon shows; the rest where it is used.
from acumat_desktop.app import run_app
from acumat_desktop.ui.tray import Tray

HEAVY = ("numpy", "PySide6.QtMultimedia", "acumat_desktop.core.audio.synth")
# Imported only after the tray icon shows (``acumat --minimized`` as run_app starts it).
AFTER_ICON = (
    "pydantic",
    "acumat_desktop.settings.model",
    "acumat_desktop.core.routines",
    "acumat_desktop.core.session",
    "acumat_desktop.services.session_service",
    "acumat_desktop.services.history_store",
    "acumat_desktop.services.settings_store",
    "acumat_desktop.ui.main_window",
    "acumat_desktop.wiring.shell",
    "sqlite3",
)
# The features' modules: imported when they are built, after the settings model.
BUILT = ("acumat_desktop.wiring.sessions", "acumat_desktop.wiring.reminders")
# Imported only when a page or dialog is first built (never by a start to the tray).
PAGE_MODULES = (
    "acumat_desktop.ui.routine_picker",
    "acumat_desktop.ui.routine_editor",
    "acumat_desktop.ui.routine_actions",
    "acumat_desktop.ui.pattern_editor",
    "acumat_desktop.ui.history_view",
    "acumat_desktop.ui.session_summary",
    "acumat_desktop.ui.safety_note",
    "acumat_desktop.ui.welcome",
    "acumat_desktop.ui.settings_dialog",
    "acumat_desktop.ui.session_view",  # the session page: built when a session is shown
    "acumat_desktop.ui.widgets.breath_dial",
)
# What chooses the keep-awake method (D-Bus introspection and its XML parser): only a session
# (or the settings dialog) needs it, never a start or a status asked while none runs.
KEEP_AWAKE_PROBING = (
    "acumat_desktop.services.keep_awake._dbus",
    "acumat_desktop.services.keep_awake.portal",
    "acumat_desktop.services.keep_awake.gnome",
    "acumat_desktop.services.keep_awake.screensaver",
    "acumat_desktop.services.keep_awake.logind",
    "acumat_desktop.services.keep_awake.xss",
    "xml.etree.ElementTree",
)


def turn() -> None:
    """A pass of an event loop (what a started app does next; quitting the app's own loop
    would run its shutdown)."""
    loop = QEventLoop()
    QTimer.singleShot(50, loop.quit)
    loop.exec()


def main() -> None:
    from acumat_desktop.app import build, create_application
    from acumat_desktop.services.paths import AppPaths
    from acumat_desktop.services.settings_store import SettingsStore
    from acumat_desktop.ui.history_view import HistoryView
    from acumat_desktop.ui.routine_picker import RoutinePicker
    from acumat_desktop.ui.session_summary import SessionSummary

    paths = AppPaths.for_user()
    paths.ensure()
    app = create_application()
    built = build(app, paths, SettingsStore(paths.settings_file).load(), minimized=True)
    turn()
    window = built.window
    out: dict[str, object] = {
        "tray": built.tray is not None and built.tray.visible,
        "window_shown": window.isVisible(),
        "heavy": sorted(name for name in HEAVY if name in sys.modules),
        "pages": [
            len(window.findChildren(kind)) for kind in (RoutinePicker, SessionSummary, HistoryView)
        ],
        "session_pages": len(window.findChildren(QWidget, "SessionView")),
    }
    if "--start" in sys.argv:  # a session started from the command line, right after start
        request = {"v": 1, "id": 1, "cmd": "start", "args": {"routine": "first-time"}}
        out["reply"] = json.loads(built.commands.handle_line(json.dumps(request).encode()))
        turn()
        out["session_page"] = window.pages.currentWidget() is built.sessions.view
        out["session_pages_then"] = len(window.findChildren(QWidget, "SessionView"))
        out["state"] = built.session.state.value
    window.show()
    turn()
    out["shown_pages"] = [
        len(window.findChildren(kind)) for kind in (RoutinePicker, SessionSummary, HistoryView)
    ]
    built.pages.show_history()
    turn()
    out["history_current"] = window.pages.currentWidget() is built.pages.history_view
    out["history_pages"] = len(window.findChildren(HistoryView))
    print(json.dumps(out))
    built.session.stop()
    window.allow_close()
    built.close()


def run() -> None:
    """``acumat --minimized`` as its entry point runs it, noting what was imported when the
    tray icon showed and was first painted, and asking ``status`` on the control socket as soon
    as it listens (before the services and the features exist); the app quits on the answer."""
    import socket

    from PySide6.QtCore import QEvent, QObject, QSocketNotifier

    from acumat_desktop.services.ipc import ControlServer
    from acumat_desktop.services.paths import server_name

    seen: dict[str, object] = {}
    show, listen = Tray.show, ControlServer.listen
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    answer = bytearray()

    class FirstPaint(QObject):
        """Notes which modules were there when the icon was first painted."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and watched.metaObject().className() == "QSystemTrayIconSys"
                and "painted_before" not in seen
            ):
                seen["painted_before"] = [name for name in BUILT if name not in sys.modules]
            return False

    painted = FirstPaint()

    def noting_show(tray: Tray) -> None:
        show(tray)
        seen["at_icon"] = sorted(name for name in AFTER_ICON if name in sys.modules)
        app = QCoreApplication.instance()
        assert app is not None
        app.installEventFilter(painted)
        QTimer.singleShot(20_000, QCoreApplication.quit)  # should the answer never come

    def read() -> None:
        answer.extend(client.recv(65536))
        if answer.endswith(b"\n") or not answer:
            QCoreApplication.quit()

    def asking_listen(server: ControlServer) -> bool:
        listening = listen(server)
        client.connect(server_name())
        client.sendall(b'{"v": 1, "id": 1, "cmd": "status", "args": {}}\n')
        seen["asked_before"] = sorted(name for name in AFTER_ICON if name in sys.modules)
        notifier = QSocketNotifier(client.fileno(), QSocketNotifier.Type.Read, server)
        notifier.activated.connect(read)
        return listening

    Tray.show = noting_show  # type: ignore[method-assign,assignment]
    ControlServer.listen = asking_listen  # type: ignore[method-assign,assignment]
    seen["code"] = run_app(minimized=True)
    # PySide6 reads each module imported after it; none of those sources may stay cached.
    seen["sources_kept"] = sorted(path for path in linecache.cache if ".py" in path)
    seen["after"] = sorted(name for name in AFTER_ICON if name in sys.modules)
    seen["page_modules"] = sorted(name for name in PAGE_MODULES if name in sys.modules)
    seen["keep_awake_probing"] = sorted(n for n in KEEP_AWAKE_PROBING if n in sys.modules)
    seen["session_pages"] = len(
        [w for w in QApplication.allWidgets() if w.objectName() == "SessionView"]
    )
    seen["status"] = json.loads(bytes(answer)) if answer else None
    print(json.dumps(seen))


if __name__ == "__main__":
    run() if "--run" in sys.argv else main()
