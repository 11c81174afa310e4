"""Fake inhibitors on a private D-Bus: the desktop portal, gnome-session, the freedesktop
ScreenSaver and logind, as strict as the real ones (QtDBus dispatches a call only when its
signature matches the exported slot, like GDBus), recording every call with its signature.

Run as ``python fake_inhibit_services.py ADDRESS``; prints ``ready`` once it can be controlled
through ``org.acumat.FakeInhibit`` at ``/control``:
- ``Own(name s, mode s)``: own a well-known name; mode "ok" answers, "hung" never replies.
- ``Release(name s)``, ``Reset()`` (release every name, forget calls and inhibitors).
- ``Calls() -> as``: "Member signature arg|arg|..." for each call, oldest first.
- ``OpenInhibitors() -> i``: logind fds that the client still holds open.
"""

from __future__ import annotations

import os
import select
import sys
from collections.abc import Callable
from typing import Any, TypeVar, cast

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import (
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
    QDBusUnixFileDescriptor,
    QDBusVirtualObject,
)

EXPORT = QDBusConnection.RegisterOption.ExportAllSlots
T = TypeVar("T")
COOKIE_BASE = 3_000_000_000  # above 2**31: only a real uint32 round-trips


def dbus_interface(name: str) -> Callable[[type[T]], type[T]]:
    """``Q_CLASSINFO("D-Bus Interface", name)``: the interface QtDBus exports the slots under."""
    decorator: Callable[[type[T]], type[T]] = cast(Any, ClassInfo)(**{"D-Bus Interface": name})
    return decorator


class Recorder:
    def __init__(self) -> None:
        self.calls: list[str] = []
        self.cookie = COOKIE_BASE

    def record(self, msg: QDBusMessage, *args: Any) -> None:
        self.calls.append(f"{msg.member()} {msg.signature()} " + "|".join(map(str, args)))

    def next_cookie(self) -> int:
        self.cookie += 1
        return self.cookie


@dbus_interface("org.freedesktop.portal.Request")
class PortalRequest(QObject):
    def __init__(self, recorder: Recorder, bus: QDBusConnection, path: str) -> None:
        super().__init__()
        self.recorder, self.bus, self.path = recorder, bus, path

    @Slot(QDBusMessage)
    def Close(self, msg: QDBusMessage) -> None:
        self.recorder.record(msg, self.path)
        self.bus.unregisterObject(self.path)


@dbus_interface("org.freedesktop.portal.Inhibit")
class Portal(QObject):
    def __init__(self, recorder: Recorder, bus: QDBusConnection) -> None:
        super().__init__()
        self.recorder, self.bus = recorder, bus
        self.requests: dict[str, PortalRequest] = {}

    @Slot(str, "uint", "QVariantMap", QDBusMessage, result=QDBusObjectPath)
    def Inhibit(
        self, window: str, flags: int, options: dict[str, Any], msg: QDBusMessage
    ) -> QDBusObjectPath:
        self.recorder.record(msg, window, flags, options.get("reason", ""))
        sender = msg.service().lstrip(":").replace(".", "_")
        path = f"/org/freedesktop/portal/desktop/request/{sender}/acumat{len(self.requests)}"
        self.requests[path] = PortalRequest(self.recorder, self.bus, path)
        self.bus.registerObject(path, self.requests[path], EXPORT)
        return QDBusObjectPath(path)


@dbus_interface("org.gnome.SessionManager")
class GnomeSession(QObject):
    def __init__(self, recorder: Recorder) -> None:
        super().__init__()
        self.recorder = recorder

    @Slot(str, "uint", str, "uint", QDBusMessage, result="uint")
    def Inhibit(self, app_id: str, xid: int, reason: str, flags: int, msg: QDBusMessage) -> int:
        self.recorder.record(msg, app_id, xid, reason, flags)
        return self.recorder.next_cookie()

    @Slot("uint", QDBusMessage)
    def Uninhibit(self, cookie: int, msg: QDBusMessage) -> None:
        self.recorder.record(msg, cookie)


@dbus_interface("org.freedesktop.ScreenSaver")
class ScreenSaver(QObject):
    def __init__(self, recorder: Recorder) -> None:
        super().__init__()
        self.recorder = recorder

    @Slot(str, str, QDBusMessage, result="uint")
    def Inhibit(self, application: str, reason: str, msg: QDBusMessage) -> int:
        self.recorder.record(msg, application, reason)
        return self.recorder.next_cookie()

    @Slot("uint", QDBusMessage)
    def UnInhibit(self, cookie: int, msg: QDBusMessage) -> None:
        self.recorder.record(msg, cookie)


@dbus_interface("org.freedesktop.login1.Manager")
class Logind(QObject):
    """Hands out the write end of a pipe and keeps the read end: when every copy the client
    holds is closed, the read end sees end-of-file, which is how logind notices too."""

    def __init__(self, recorder: Recorder) -> None:
        super().__init__()
        self.recorder = recorder
        self.read_ends: list[int] = []

    @Slot(str, str, str, str, QDBusMessage, result=QDBusUnixFileDescriptor)
    def Inhibit(
        self, what: str, who: str, why: str, mode: str, msg: QDBusMessage
    ) -> QDBusUnixFileDescriptor:
        self.recorder.record(msg, what, who, why, mode)
        read_end, write_end = os.pipe()
        self.read_ends.append(read_end)
        fd = QDBusUnixFileDescriptor(write_end)  # Qt keeps its own duplicate
        os.close(write_end)
        return fd

    def open_count(self) -> int:
        for fd in list(self.read_ends):
            ready, _, _ = select.select([fd], [], [], 0)
            if ready and os.read(fd, 1) == b"":
                self.read_ends.remove(fd)
                os.close(fd)
        return len(self.read_ends)


class Hung(QDBusVirtualObject):
    """Swallows every call: a service that stopped answering."""

    def introspect(self, path: str) -> str:
        return ""

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        return True


@dbus_interface("org.acumat.FakeInhibit")
class Control(QObject):
    def __init__(
        self, good: QDBusConnection, hung: QDBusConnection, recorder: Recorder, logind: Logind
    ) -> None:
        super().__init__()
        self.buses = {"ok": good, "hung": hung}
        self.recorder, self.logind = recorder, logind
        self.owned: set[str] = set()

    @Slot(str, str, result=bool)
    def Own(self, name: str, mode: str) -> bool:
        self.owned.add(name)
        return self.buses[mode].registerService(name)

    @Slot(str)
    def Release(self, name: str) -> None:
        for bus in self.buses.values():
            bus.unregisterService(name)
        self.owned.discard(name)

    @Slot()
    def Reset(self) -> None:
        for name in list(self.owned):
            self.Release(name)
        self.recorder.calls.clear()
        self.recorder.cookie = COOKIE_BASE
        for fd in self.logind.read_ends:
            os.close(fd)
        self.logind.read_ends.clear()

    @Slot(result="QStringList")
    def Calls(self) -> list[str]:
        return list(self.recorder.calls)

    @Slot(result=int)
    def OpenInhibitors(self) -> int:
        return self.logind.open_count()


def main() -> None:
    app = QCoreApplication([])
    good = QDBusConnection.connectToBus(sys.argv[1], "fake-inhibit")
    hung = QDBusConnection.connectToBus(sys.argv[1], "fake-inhibit-hung")
    recorder = Recorder()
    logind = Logind(recorder)
    objects: dict[str, QObject] = {
        "/org/freedesktop/portal/desktop": Portal(recorder, good),
        "/org/gnome/SessionManager": GnomeSession(recorder),
        "/org/freedesktop/ScreenSaver": ScreenSaver(recorder),
        "/org/freedesktop/login1": logind,
        "/control": Control(good, hung, recorder, logind),
    }
    for path, obj in objects.items():
        if not good.registerObject(path, obj, EXPORT):
            sys.exit(f"cannot register {path}")
    swallow = Hung()
    if not hung.registerVirtualObject(
        "/", swallow, QDBusConnection.VirtualObjectRegisterOption.SubPath
    ):
        sys.exit("cannot register the hung object")
    if not good.registerService("org.acumat.FakeInhibit"):
        sys.exit("cannot own org.acumat.FakeInhibit")
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
