"""Desktop notifications (org.freedesktop.Notifications) with actions, for reminders.style
"notification" on Linux.

Signals (``ActionInvoked``, ``NotificationClosed``) are received over QtDBus. Calls
(``Notify``, ``CloseNotification``) take ``uint32`` ids, and PySide6 cannot marshal a Python int
as ``u`` (it sends ``i``, ``q`` or ``x``), which GDBus-based servers (GNOME Shell, dunst, mako)
reject. So the two calls go through ``gdbus call`` in a QProcess: asynchronous, typed by the
server's own introspection, and rare (one per reminder). Without gdbus or without a server,
``available()`` is False and the caller falls back to the popup.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import SLOT, QObject, QProcess, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
_ID = re.compile(r"\(uint32 (\d+),?\)")


def gvariant_string(text: str) -> str:
    """``text`` as a GVariant text-format string literal (what ``gdbus call`` parses)."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def gvariant_strings(items: Sequence[str]) -> str:
    return "@as [" + ", ".join(gvariant_string(item) for item in items) + "]"


def parse_notify_reply(text: str) -> int | None:
    """The id in gdbus's ``(uint32 7,)``."""
    match = _ID.search(text)
    return int(match.group(1)) if match else None


def _slot(signature: str) -> Any:
    return SLOT(signature)  # the stubs say bytes; QDBusConnection.connect wants this str


class DesktopNotifications(QObject):
    """One notification at a time, replaced in place when shown again.

    ``action_invoked(key)`` when the user picks an action of the current notification;
    ``dismissed()`` when the server closes it for any other reason than our ``close()``.
    """

    action_invoked = Signal(str)
    dismissed = Signal()
    sent = Signal(int)  # the server's id, once Notify answered

    def __init__(
        self,
        bus: QDBusConnection | None = None,
        *,
        address: str | None = None,
        app_name: str = "AcuMat",
        icon: str = "acumat-desktop",
        desktop_entry: str | None = None,
        category: str | None = "presence",
        resident: bool = True,
        gdbus: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        hints = [f"'resident': <{'true' if resident else 'false'}>"]
        if category:
            hints.append(f"'category': <{gvariant_string(category)}>")
        if desktop_entry:  # lets the desktop show the app's name and icon and group its notices
            hints.append(f"'desktop-entry': <{gvariant_string(desktop_entry)}>")
        self._hints = "@a{sv} {" + ", ".join(hints) + "}"
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        self._address = address  # None: gdbus uses --session
        self._app_name = app_name
        self._icon = icon
        self._gdbus = (gdbus if gdbus is not None else shutil.which("gdbus")) or None
        self.current_id = 0
        self._closing: set[int] = set()
        self._procs: dict[QProcess, tuple[str, bool]] = {}  # running calls: (method, reply)
        self._subscribed = False

    # -- availability ------------------------------------------------------------------------
    def available(self) -> bool:
        """A notification server answers (or can be activated) and gdbus can call it."""
        if self._gdbus is None or not self._bus.isConnected():
            return False
        iface = self._bus.interface()
        registered = iface.isServiceRegistered(SERVICE)
        if registered.isValid() and registered.value():
            return True
        reply = self._bus.call(
            QDBusMessage.createMethodCall(
                "org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus",
                "ListActivatableNames",
            )
        )
        args = reply.arguments() if reply.type() == QDBusMessage.MessageType.ReplyMessage else []
        return bool(args) and SERVICE in args[0]

    def _subscribe(self) -> None:
        if self._subscribed:
            return
        ok_action = self._bus.connect(
            SERVICE, PATH, INTERFACE, "ActionInvoked", self, _slot("_on_action(QDBusMessage)")
        )
        ok_closed = self._bus.connect(
            SERVICE, PATH, INTERFACE, "NotificationClosed", self, _slot("_on_closed(QDBusMessage)")
        )
        self._subscribed = ok_action and ok_closed
        if not self._subscribed:
            log.warning(
                "cannot listen to notification signals: %s", self._bus.lastError().message()
            )

    # -- calls -------------------------------------------------------------------------------
    def show(self, summary: str, body: str, actions: Sequence[tuple[str, str]]) -> bool:
        """Show (or replace) the notification; ``actions`` are (key, label) pairs. Returns
        False when the call could not even start (then fall back to something else)."""
        self._subscribe()
        flat = [part for pair in actions for part in pair]
        hints = self._hints
        return self._gdbus_call(
            "Notify",
            [
                gvariant_string(self._app_name),
                f"uint32 {self.current_id}",
                gvariant_string(self._icon),
                gvariant_string(summary),
                gvariant_string(body),
                gvariant_strings(flat),
                hints,
                "int32 0",
            ],
            reply=True,
        )

    def close(self) -> None:
        """Withdraw the current notification, if any."""
        if not self.current_id:
            return
        self._closing.add(self.current_id)
        self._gdbus_call("CloseNotification", [f"uint32 {self.current_id}"])
        self.current_id = 0

    def _gdbus_call(self, method: str, args: list[str], reply: bool = False) -> bool:
        if self._gdbus is None:
            return False
        where = ["--address", self._address] if self._address else ["--session"]
        proc = QProcess(self)
        proc.setProgram(self._gdbus)
        proc.setArguments(
            [
                "call",
                *where,
                "--dest",
                SERVICE,
                "--object-path",
                PATH,
                "--method",
                f"{INTERFACE}.{method}",
                "--timeout",
                "5",
                "--",
                *args,
            ]
        )
        self._procs[proc] = (method, reply)
        # Bound slots, not closures holding ``proc``: a closure kept alive by the connection
        # crashes PySide when deleteLater() destroys the process.
        proc.finished.connect(self._done)
        proc.errorOccurred.connect(self._failed)
        proc.start()
        return True

    @Slot(QProcess.ProcessError)
    def _failed(self, error: QProcess.ProcessError) -> None:
        proc = self.sender()
        if isinstance(proc, QProcess) and error == QProcess.ProcessError.FailedToStart:
            method, _ = self._procs.pop(proc, ("?", False))
            log.warning("gdbus could not start for %s", method)
            proc.deleteLater()

    @Slot(int, QProcess.ExitStatus)
    def _done(self, code: int, status: QProcess.ExitStatus) -> None:
        proc = self.sender()
        if not isinstance(proc, QProcess) or proc not in self._procs:
            return
        method, reply = self._procs.pop(proc)
        out = bytes(proc.readAllStandardOutput().data()).decode(errors="replace")
        err = bytes(proc.readAllStandardError().data()).decode(errors="replace")
        proc.deleteLater()
        if status != QProcess.ExitStatus.NormalExit:
            code = code or -1
        if code != 0:
            log.warning("notification %s failed: %s", method, err.strip() or code)
            return
        if reply:
            nid = parse_notify_reply(out)
            if nid is not None:
                self.current_id = nid
                self.sent.emit(nid)

    @property
    def busy(self) -> bool:
        """A call is still on its way (tests wait for this to clear)."""
        return bool(self._procs)

    # -- signals from the server -------------------------------------------------------------
    @Slot(QDBusMessage)
    def _on_action(self, message: QDBusMessage) -> None:
        args = message.arguments()
        if len(args) >= 2 and self.current_id and int(args[0]) == self.current_id:
            # Answered: put it away (it is resident); its NotificationClosed is no dismissal.
            self.close()
            log.info("notification action %s", args[1])
            self.action_invoked.emit(str(args[1]))

    @Slot(QDBusMessage)
    def _on_closed(self, message: QDBusMessage) -> None:
        args = message.arguments()
        if not args:
            return
        nid = int(args[0])
        if nid in self._closing:
            self._closing.discard(nid)
            return
        if nid == self.current_id:
            self.current_id = 0
            self.dismissed.emit()
