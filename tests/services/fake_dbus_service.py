"""A fake desktop on a private D-Bus: Mutter IdleMonitor, ScreenSaver, SessionManager,
Notifications and logind, answering from a state the test sets through ``org.acumat.Fake``.

Run as ``python fake_dbus_service.py ADDRESS``; prints ``ready`` once its names are owned.
Control: ``Set(key: s, value: s)`` (ints and booleans parsed) and
``Emit(path: s, interface: s, member: s, value: s)`` (a signal with one parsed argument, or for
``PropertiesChanged`` the property ``value`` = ``Name=val`` of ``interface``).
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import (
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
    QDBusVariant,
    QDBusVirtualObject,
)

NAMES = (
    "org.gnome.Mutter.IdleMonitor",
    "org.freedesktop.ScreenSaver",
    "org.gnome.ScreenSaver",
    "org.gnome.SessionManager",
    "org.freedesktop.Notifications",
    "org.freedesktop.login1",
    "org.acumat.Fake",
)
SESSION_PATH = "/org/freedesktop/login1/session/_3"


def parse(text: str) -> Any:
    if text in ("true", "false"):
        return text == "true"
    try:
        return int(text)
    except ValueError:
        return text


class Fake(QDBusVirtualObject):
    def __init__(self) -> None:
        super().__init__()
        self.state: dict[str, Any] = {"idle_ms": 0, "inhibited_actions": 0, "inhibited": False}

    def introspect(self, path: str) -> str:
        return ""

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        member, args = message.member(), message.arguments()
        out: list[Any] | None = None
        if member == "Set":
            self.state[args[0]] = parse(args[1])
            out = []
        elif member == "Emit":
            self.send_signal(connection, *args)
            out = []
        elif member in ("GetIdletime", "GetSessionIdleTime"):
            if self.state.get("idle_error"):
                connection.send(
                    message.createErrorReply(
                        "org.freedesktop.DBus.Error.NotSupported", "not supported"
                    )
                )
                return True
            out = [self.state["idle_ms"]]
        elif member == "GetSessionByPID":
            out = [QDBusObjectPath(SESSION_PATH)]
        elif member == "Get":
            names = {"InhibitedActions": "inhibited_actions", "Inhibited": "inhibited"}
            prop = names.get(args[1], args[1])
            if prop in self.state:
                out = [QDBusVariant(self.state[prop])]
        if out is None:
            connection.send(
                message.createErrorReply("org.freedesktop.DBus.Error.UnknownMethod", member)
            )
            return True
        reply = message.createReply()
        reply.setArguments(out)
        connection.send(reply)
        return True

    def send_signal(
        self, connection: QDBusConnection, path: str, iface: str, member: str, value: str
    ) -> None:
        if member == "PropertiesChanged":
            name, _, raw = value.partition("=")
            self.state[name] = parse(raw)
            signal = QDBusMessage.createSignal(path, "org.freedesktop.DBus.Properties", member)
            signal.setArguments([iface, {name: parse(raw)}, ["x"]])
        else:
            signal = QDBusMessage.createSignal(path, iface, member)
            signal.setArguments([parse(value)])
        connection.send(signal)


def main() -> None:
    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(sys.argv[1], "fake-desktop")
    fake = Fake()
    subtree = QDBusConnection.VirtualObjectRegisterOption.SubPath
    if not bus.registerVirtualObject("/", fake, subtree):
        sys.exit("cannot register the fake object")
    for name in NAMES:
        if not bus.registerService(name):
            sys.exit(f"cannot own {name}")
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
