"""A fake Mutter IdleMonitor with watches, on a private D-Bus, for the GNOME watch tests.

Run as ``python fake_mutter_watches.py ADDRESS``; prints ``ready`` once its name is owned.
``GetIdletime`` answers the idle time set by ``SetIdle(ms: s)``; ``AddUserActiveWatch`` returns
a new id; ``Input()`` plays the user touching a key: idle drops to 0 and every user-active
watch fires (``WatchFired(id)``) once and is removed, as Mutter does. ``Watches()`` tells how
many are armed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusVirtualObject

SERVICE = "org.gnome.Mutter.IdleMonitor"
PATH = "/org/gnome/Mutter/IdleMonitor/Core"


class Mutter(QDBusVirtualObject):
    def __init__(self) -> None:
        super().__init__()
        self.idle_ms = 0
        self.next_id = 1
        self.active: set[int] = set()

    def introspect(self, path: str) -> str:
        return ""

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        member, args = message.member(), message.arguments()
        out: list[object] = []
        if member == "GetIdletime":
            out = [self.idle_ms]
        elif member == "SetIdle":
            self.idle_ms = int(args[0])
        elif member == "AddUserActiveWatch":
            out = [self.next_id]
            self.active.add(self.next_id)
            self.next_id += 1
        elif member == "RemoveWatch":
            self.active.discard(int(args[0]))
        elif member == "Watches":
            out = [len(self.active)]
        elif member == "Input":
            self.idle_ms = 0
            for watch in sorted(self.active):
                signal = QDBusMessage.createSignal(PATH, SERVICE, "WatchFired")
                signal.setArguments([watch])
                connection.send(signal)
            self.active.clear()
        else:
            connection.send(
                message.createErrorReply("org.freedesktop.DBus.Error.UnknownMethod", member)
            )
            return True
        reply = message.createReply()
        reply.setArguments(out)
        connection.send(reply)
        return True


def main() -> None:
    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(sys.argv[1], "fake-mutter")
    mutter = Mutter()
    if not bus.registerVirtualObject(PATH, mutter) or not bus.registerService(SERVICE):
        sys.exit("cannot register the fake Mutter")
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
