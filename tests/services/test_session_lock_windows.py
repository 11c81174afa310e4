"""Windows session and power messages, decoded from real ``MSG`` structs built in memory."""

from __future__ import annotations

import ctypes
from ctypes import wintypes

import pytest
import shiboken6
from PySide6.QtCore import QByteArray
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from acumat_desktop.services import session_lock_windows as w
from acumat_desktop.services.session_lock import SessionLockMonitor


class Recorder:
    def __init__(self) -> None:
        self.locked: list[bool] = []
        self.sleeping: list[bool] = []

    def set_locked(self, value: bool) -> None:
        self.locked.append(value)

    def set_sleeping(self, value: bool) -> None:
        self.sleeping.append(value)


def make_msg(message: int, wparam: int, hwnd: int = 0x1234) -> wintypes.MSG:
    msg = wintypes.MSG()
    msg.hWnd = hwnd
    msg.message = message
    msg.wParam = wparam
    msg.lParam = 99
    return msg


def feed(
    flt: w.WindowsSessionFilter, message: int, wparam: int, event_type: bytes = w.EVENT_TYPE
) -> object:
    msg = make_msg(message, wparam)
    return flt.nativeEventFilter(QByteArray(event_type), ctypes.addressof(msg))


def test_read_msg_from_int_and_voidptr() -> None:
    msg = make_msg(w.WM_WTSSESSION_CHANGE, w.WTS_SESSION_LOCK)
    address = ctypes.addressof(msg)
    assert w.read_msg(address) == (w.WM_WTSSESSION_CHANGE, w.WTS_SESSION_LOCK)
    assert w.read_msg(shiboken6.VoidPtr(address)) == (w.WM_WTSSESSION_CHANGE, w.WTS_SESSION_LOCK)
    assert w.read_msg(0) is None


def test_lock_and_unlock() -> None:
    sink = Recorder()
    flt = w.WindowsSessionFilter(sink)
    assert feed(flt, w.WM_WTSSESSION_CHANGE, w.WTS_SESSION_LOCK) == (False, 0)
    feed(flt, w.WM_WTSSESSION_CHANGE, w.WTS_SESSION_UNLOCK)
    assert sink.locked == [True, False]
    assert sink.sleeping == []


@pytest.mark.parametrize(
    ("gone", "back"),
    [
        (w.WTS_CONSOLE_DISCONNECT, w.WTS_CONSOLE_CONNECT),
        (w.WTS_REMOTE_DISCONNECT, w.WTS_REMOTE_CONNECT),
    ],
)
def test_disconnect_counts_as_locked(gone: int, back: int) -> None:
    sink = Recorder()
    flt = w.WindowsSessionFilter(sink)
    feed(flt, w.WM_WTSSESSION_CHANGE, gone)
    feed(flt, w.WM_WTSSESSION_CHANGE, back)
    assert sink.locked == [True, False]


def test_reconnect_to_a_locked_session_stays_locked_until_unlock() -> None:
    # Fast user switching: lock, switch away, come back to the lock screen, type the password.
    sink = Recorder()
    flt = w.WindowsSessionFilter(sink)
    for code in (w.WTS_SESSION_LOCK, w.WTS_CONSOLE_DISCONNECT, w.WTS_CONSOLE_CONNECT):
        feed(flt, w.WM_WTSSESSION_CHANGE, code)
    assert sink.locked == [True, True, True]
    feed(flt, w.WM_WTSSESSION_CHANGE, w.WTS_SESSION_UNLOCK)
    assert sink.locked[-1] is False


@pytest.mark.parametrize("resume", [w.PBT_APMRESUMESUSPEND, w.PBT_APMRESUMEAUTOMATIC])
def test_suspend_and_resume(resume: int) -> None:
    sink = Recorder()
    flt = w.WindowsSessionFilter(sink)
    feed(flt, w.WM_POWERBROADCAST, w.PBT_APMSUSPEND)
    feed(flt, w.WM_POWERBROADCAST, resume)
    assert sink.sleeping == [True, False]
    assert sink.locked == []


@pytest.mark.parametrize(
    ("message", "wparam", "event_type"),
    [
        (w.WM_POWERBROADCAST, 0xA, w.EVENT_TYPE),  # PBT_APMPOWERSTATUSCHANGE
        (w.WM_WTSSESSION_CHANGE, 0x5, w.EVENT_TYPE),  # WTS_SESSION_LOGON
        (0x0010, w.WTS_SESSION_LOCK, w.EVENT_TYPE),  # WM_CLOSE with a lock-like wParam
        (w.WM_WTSSESSION_CHANGE, w.WTS_SESSION_LOCK, b"xcb_generic_event_t"),
    ],
)
def test_other_messages_are_ignored(message: int, wparam: int, event_type: bytes) -> None:
    sink = Recorder()
    assert feed(w.WindowsSessionFilter(sink), message, wparam, event_type) == (False, 0)
    assert sink.locked == []
    assert sink.sleeping == []


def test_drives_the_real_monitor_signals(qtbot: QtBot) -> None:
    offline = QDBusConnection("acumat-test-no-bus")  # never connected: start() is not needed
    monitor = SessionLockMonitor(offline, offline)
    flt = w.WindowsSessionFilter(monitor)
    with qtbot.waitSignal(monitor.locked, timeout=1000) as blocker:
        feed(flt, w.WM_WTSSESSION_CHANGE, w.WTS_SESSION_LOCK)
    assert blocker.args == [True]
    with qtbot.waitSignal(monitor.sleeping, timeout=1000) as blocker:
        feed(flt, w.WM_POWERBROADCAST, w.PBT_APMSUSPEND)
    assert blocker.args == [True]
    assert monitor.is_locked
    assert monitor.is_sleeping


class FakeWts:
    def __init__(self, ok: bool = True) -> None:
        self.ok = ok
        self.calls: list[tuple[str, int, int | None]] = []

    def register(self, hwnd: int, flags: int) -> bool:
        self.calls.append(("register", hwnd, flags))
        return self.ok

    def unregister(self, hwnd: int) -> bool:
        self.calls.append(("unregister", hwnd, None))
        return True


def test_registration_uses_the_window_handle_and_unregisters_once() -> None:
    wts = FakeWts()
    notes = w.SessionNotifications(wts.register, wts.unregister)
    assert notes.register(0xBEEF)
    assert notes.register(0xCAFE)  # a new handle: the old one is let go first
    notes.unregister()
    notes.unregister()
    assert wts.calls == [
        ("register", 0xBEEF, w.NOTIFY_FOR_THIS_SESSION),
        ("unregister", 0xBEEF, None),
        ("register", 0xCAFE, w.NOTIFY_FOR_THIS_SESSION),
        ("unregister", 0xCAFE, None),
    ]


def test_failed_registration_is_not_undone() -> None:
    wts = FakeWts(ok=False)
    notes = w.SessionNotifications(wts.register, wts.unregister)
    assert not notes.register(0xBEEF)
    notes.unregister()
    assert wts.calls == [("register", 0xBEEF, w.NOTIFY_FOR_THIS_SESSION)]


def test_no_wtsapi32_off_windows() -> None:
    assert w.win32_session_functions() is None


def test_watch_installs_registers_and_stops(qapp: QApplication, qtbot: QtBot) -> None:
    wts = FakeWts()
    sink = Recorder()
    installed: list[object] = []
    removed: list[object] = []

    class App:  # records what QApplication would be asked, and forwards the quit signal
        aboutToQuit = qapp.aboutToQuit

        def installNativeEventFilter(self, f: object) -> None:
            installed.append(f)

        def removeNativeEventFilter(self, f: object) -> None:
            removed.append(f)

    watch = w.WindowsSessionWatch(
        App(),
        sink,
        0x42,  # type: ignore[arg-type]
        functions=(wts.register, wts.unregister),
    )
    assert watch.registered
    assert installed == [watch.filter]
    assert wts.calls == [("register", 0x42, w.NOTIFY_FOR_THIS_SESSION)]
    watch.stop()
    watch.stop()
    assert removed == [watch.filter]
    assert wts.calls[-1] == ("unregister", 0x42, None)
    assert len(wts.calls) == 2


def test_watch_on_the_real_application_without_wtsapi32(qapp: QApplication) -> None:
    sink = Recorder()
    watch = w.WindowsSessionWatch(qapp, sink, 0x42)
    try:
        assert not watch.registered
        assert watch.notifications is None
    finally:
        watch.stop()
