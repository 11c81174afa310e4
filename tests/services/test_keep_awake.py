"""Keep-awake: the D-Bus backends against strict fake inhibitors on a private bus, the choice
between them, XScreenSaverSuspend on a private Xvfb, the session guard, and the Windows and
macOS calls through injected functions."""

from __future__ import annotations

import ctypes
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from private_bus import bus_with_service
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage
from pytestqt.qtbot import QtBot
from xvfb_display import xvfb  # noqa: F401  (fixture)

from acumat_desktop import DESKTOP_FILE_ID
from acumat_desktop.core.clock import SystemClock
from acumat_desktop.core.session import ACTIVE_STATES, SessionEngine, SessionPlan, SessionState
from acumat_desktop.services.idle._xlib import XDisplay
from acumat_desktop.services.keep_awake import _dbus
from acumat_desktop.services.keep_awake.base import KeepAwake
from acumat_desktop.services.keep_awake.combined import CombinedKeepAwake
from acumat_desktop.services.keep_awake.factory import Connections, candidates, create_keep_awake
from acumat_desktop.services.keep_awake.gnome import GnomeSessionKeepAwake
from acumat_desktop.services.keep_awake.logind import LogindKeepAwake
from acumat_desktop.services.keep_awake.null import NullKeepAwake
from acumat_desktop.services.keep_awake.portal import PortalKeepAwake
from acumat_desktop.services.keep_awake.screensaver import ScreenSaverKeepAwake
from acumat_desktop.services.keep_awake.session_guard import SessionKeepAwake
from acumat_desktop.services.keep_awake.xss import XssKeepAwake, libxss
from acumat_desktop.services.session_service import SessionService

FAKE = Path(__file__).with_name("fake_inhibit_services.py")
PORTAL = "org.freedesktop.portal.Desktop"
GNOME = "org.gnome.SessionManager"
SCREENSAVER = "org.freedesktop.ScreenSaver"
LOGIND = "org.freedesktop.login1"
REASON = "Lying on the mat"
FIRST_COOKIE = 3_000_000_001  # above 2**31: only a real uint32 round-trips
FAST_MS = 300  # the bound on each call in these tests; a hung fake costs this much
WAYLAND = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}  # no xss candidate
_names = iter(range(1_000_000))


@dataclass
class Inhibitors:
    address: str
    control: QDBusConnection

    def connect(self) -> QDBusConnection:
        """A fresh connection for the code under test (QtDBus caches per connection)."""
        bus = QDBusConnection.connectToBus(self.address, f"acumat-keep-awake-{next(_names)}")
        assert bus.isConnected()
        return bus

    def _call(self, member: str, *args: str) -> list[Any]:
        msg = QDBusMessage.createMethodCall(
            "org.acumat.FakeInhibit", "/control", "org.acumat.FakeInhibit", member
        )
        msg.setArguments(list(args))
        reply = self.control.call(msg, QDBus.CallMode.Block, 5000)
        assert reply.type() == QDBusMessage.MessageType.ReplyMessage, reply.errorMessage()
        return list(reply.arguments())

    def own(self, *names: str, mode: str = "ok") -> None:
        for name in names:
            assert self._call("Own", name, mode) == [True]

    def release(self, name: str) -> None:
        self._call("Release", name)

    def reset(self) -> None:
        self._call("Reset")

    def calls(self) -> list[str]:
        return [str(c) for c in self._call("Calls")[0]]

    def open_inhibitors(self) -> int:
        return int(self._call("OpenInhibitors")[0])


@pytest.fixture(scope="module")
def inhibitors_bus(qapp: object) -> Iterator[Inhibitors]:
    with bus_with_service(FAKE, "acumat-inhibit-control") as (address, control):
        yield Inhibitors(address, control)


@pytest.fixture
def fake(inhibitors_bus: Inhibitors) -> Inhibitors:
    inhibitors_bus.reset()
    return inhibitors_bus


def held(backend: KeepAwake) -> bool:
    """Read afresh each time (mypy would otherwise narrow the property across calls)."""
    return backend.held


def where(fake: Inhibitors) -> Connections:
    bus = fake.connect()
    return Connections(session_bus=bus, system_bus=bus, timeout_ms=FAST_MS)


# --- each D-Bus backend: the exact call, and the release of what it returned ---------------


def test_portal_inhibits_idle_and_suspend_and_closes_its_request(
    fake: Inhibitors, qtbot: QtBot
) -> None:
    fake.own(PORTAL)
    backend = PortalKeepAwake(fake.connect(), FAST_MS)
    assert backend.available()
    assert backend.hold(REASON) and held(backend)
    assert backend.hold(REASON)  # already held: no second inhibition
    calls = fake.calls()
    assert calls == [f"Inhibit sua{{sv}} |12|{REASON}"]  # flags u: idle 8 | suspend 4
    backend.release()
    assert not held(backend)
    qtbot.waitUntil(lambda: len(fake.calls()) == 2)
    assert fake.calls()[1].startswith("Close  /org/freedesktop/portal/desktop/request/")


def test_gnome_session_cookie_round_trips_as_uint32(fake: Inhibitors) -> None:
    fake.own(GNOME)
    backend = GnomeSessionKeepAwake(fake.connect(), FAST_MS)
    assert backend.available()
    assert backend.hold(REASON)
    backend.release()
    assert not held(backend)
    assert fake.calls() == [
        f"Inhibit susu {DESKTOP_FILE_ID}|0|{REASON}|12",
        f"Uninhibit u {FIRST_COOKIE}",
    ]


def test_screensaver_inhibit_is_released_with_its_cookie(fake: Inhibitors) -> None:
    fake.own(SCREENSAVER)
    backend = ScreenSaverKeepAwake(fake.connect(), FAST_MS)
    assert backend.available()
    assert backend.hold(REASON) and held(backend)
    backend.release()
    backend.release()  # nothing left to release: no second call
    assert fake.calls() == [f"Inhibit ss AcuMat|{REASON}", f"UnInhibit u {FIRST_COOKIE}"]


def test_logind_lock_lasts_while_the_fd_is_open(fake: Inhibitors, qtbot: QtBot) -> None:
    fake.own(LOGIND)
    backend = LogindKeepAwake(fake.connect(), FAST_MS)
    assert backend.available()
    assert backend.hold(REASON)
    assert fake.calls() == [f"Inhibit ssss idle:sleep|AcuMat|{REASON}|block"]
    assert fake.open_inhibitors() == 1
    backend.release()
    assert not held(backend)
    qtbot.waitUntil(lambda: fake.open_inhibitors() == 0)


def test_the_fake_is_as_strict_as_gdbus_about_uint32(fake: Inhibitors) -> None:
    """A plain Python int goes out as ``i``: the service must refuse it, which is why the
    backends marshal through the introspected interface."""
    fake.own(GNOME)
    bus = fake.connect()
    assert (
        _dbus.call(
            bus,
            GNOME,
            "/org/gnome/SessionManager",
            GNOME,
            "Inhibit",
            "app",
            0,
            REASON,
            12,
            timeout_ms=FAST_MS,
        )
        is None
    )
    assert fake.calls() == []


@pytest.mark.parametrize(
    "backend_type", [PortalKeepAwake, GnomeSessionKeepAwake, ScreenSaverKeepAwake, LogindKeepAwake]
)
def test_absent_service_means_unavailable(fake: Inhibitors, backend_type: Any) -> None:
    backend = backend_type(fake.connect(), FAST_MS)
    assert not backend.available()
    assert not backend.hold(REASON) and not held(backend)
    backend.release()
    assert fake.calls() == []


def test_no_bus_means_unavailable(qapp: object) -> None:
    dead = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "acumat-keep-awake-dead")
    for backend in (
        PortalKeepAwake(dead),
        GnomeSessionKeepAwake(dead),
        ScreenSaverKeepAwake(dead),
        LogindKeepAwake(dead),
    ):
        assert not backend.available()
        assert not backend.hold(REASON)


def test_a_service_that_stops_answering_costs_one_timeout(fake: Inhibitors) -> None:
    fake.own(GNOME)
    backend = GnomeSessionKeepAwake(fake.connect(), FAST_MS)
    assert backend.available()
    fake.release(GNOME)
    fake.own(GNOME, mode="hung")
    started = time.monotonic()
    assert not backend.hold(REASON)
    assert time.monotonic() - started < 5 * FAST_MS / 1000
    assert not held(backend)


def test_introspection_parsing() -> None:
    xml = (
        '<node><interface name="a.B"><method name="Inhibit"/></interface>'
        '<interface name="a.C"><method name="Other"/></interface></node>'
    )
    assert _dbus.has_method(xml, "a.B", "Inhibit")
    assert not _dbus.has_method(xml, "a.C", "Inhibit")
    assert not _dbus.has_method("not xml <", "a.B", "Inhibit")


# --- the choice, in the documented order ---------------------------------------------------


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ([PORTAL, GNOME, SCREENSAVER], "portal"),
        ([GNOME, SCREENSAVER], "gnome-session"),
        ([SCREENSAVER], "screensaver"),
        ([PORTAL, GNOME, SCREENSAVER, LOGIND], "portal+logind"),
        ([LOGIND], "logind"),
        ([], "none"),
    ],
)
def test_the_first_method_that_answers_is_chosen(
    fake: Inhibitors, names: list[str], expected: str
) -> None:
    fake.own(*names)
    backend = create_keep_awake(platform="linux", env=WAYLAND, where=where(fake))
    assert backend.method == expected
    assert fake.calls() == []  # choosing never inhibits


def test_a_hung_portal_is_skipped_within_the_timeout(fake: Inhibitors) -> None:
    fake.own(PORTAL, mode="hung")
    fake.own(GNOME)
    started = time.monotonic()
    backend = create_keep_awake(platform="linux", env=WAYLAND, where=where(fake))
    assert backend.method == "gnome-session"
    assert time.monotonic() - started < 5 * FAST_MS / 1000


def test_the_combined_method_holds_and_releases_both(fake: Inhibitors, qtbot: QtBot) -> None:
    fake.own(PORTAL, LOGIND)
    backend = create_keep_awake(platform="linux", env=WAYLAND, where=where(fake))
    assert isinstance(backend, CombinedKeepAwake)
    assert backend.hold(REASON) and held(backend)
    assert [c.split()[:2] for c in fake.calls()] == [["Inhibit", "sua{sv}"], ["Inhibit", "ssss"]]
    assert fake.open_inhibitors() == 1
    backend.release()
    assert not held(backend)
    qtbot.waitUntil(lambda: fake.open_inhibitors() == 0 and len(fake.calls()) == 3)
    assert fake.calls()[2].startswith("Close ")


def test_candidates_per_platform() -> None:
    assert candidates("win32", {}) == (["windows"], [])
    assert candidates("darwin", {}) == (["macos"], [])
    desktop = ["portal", "gnome-session", "screensaver"]
    assert candidates("linux", WAYLAND) == (desktop, ["logind"])
    assert candidates("linux", {"XDG_SESSION_TYPE": "x11"}) == ([*desktop, "xss"], ["logind"])
    assert candidates("linux", {"DISPLAY": ":0"}) == ([*desktop, "xss"], ["logind"])
    assert candidates("linux", {}) == (desktop, ["logind"])


def test_a_backend_that_fails_to_start_is_skipped() -> None:
    def build(name: str, where: Connections) -> KeepAwake:
        if name == "windows":
            raise OSError("kernel32 is missing")
        raise AssertionError(name)

    assert isinstance(create_keep_awake(platform="win32", build=build), NullKeepAwake)


# --- X11 without D-Bus: XScreenSaverSuspend on a private Xvfb ------------------------------


class _SaverInfo(ctypes.Structure):
    _fields_ = [
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("event_mask", ctypes.c_ulong),
    ]


class XSaverProbe:
    """Another X client that sets a 1 s screen saver and watches its state."""

    OFF, ON = 0, 1

    def __init__(self, display: str) -> None:
        self.x = XDisplay(display)
        lib, xss = self.x.lib, libxss()
        assert lib is not None and xss is not None and self.x.is_open
        self.lib, self.xss = lib, xss
        lib.XSetScreenSaver.argtypes = [ctypes.c_void_p] + [ctypes.c_int] * 4
        lib.XForceScreenSaver.argtypes = [ctypes.c_void_p, ctypes.c_int]
        lib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        xss.XScreenSaverAllocInfo.restype = ctypes.POINTER(_SaverInfo)
        xss.XScreenSaverQueryInfo.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_SaverInfo),
        ]
        self.info = xss.XScreenSaverAllocInfo()

    def blank_after_one_second(self) -> None:
        self.lib.XSetScreenSaver(self.x.ptr, 1, 0, 1, 1)  # timeout 1 s, blanking, exposures
        self.lib.XForceScreenSaver(self.x.ptr, 0)  # ScreenSaverReset: idle counts from now
        self.lib.XSync(self.x.ptr, 0)

    def query(self) -> _SaverInfo:
        assert self.xss.XScreenSaverQueryInfo(self.x.ptr, self.x.root(), self.info)
        info: _SaverInfo = self.info.contents
        return info

    def close(self) -> None:
        self.lib.XFree(self.info)
        self.x.close()


def test_xss_keeps_the_x_screen_saver_off_until_released(
    xvfb: str,  # noqa: F811
    qtbot: QtBot,
) -> None:
    probe = XSaverProbe(xvfb)
    backend = XssKeepAwake(xvfb)
    try:
        assert backend.available()
        assert backend.hold(REASON) and held(backend)
        probe.blank_after_one_second()
        qtbot.waitUntil(lambda: probe.query().idle >= 2000, timeout=5000)
        assert probe.query().state == XSaverProbe.OFF  # unheld, it blanks at 1 s
        backend.release()
        assert not held(backend)
        qtbot.waitUntil(lambda: probe.query().state == XSaverProbe.ON, timeout=5000)
    finally:
        backend.release()
        probe.close()


def test_xss_without_an_x_server_is_unavailable() -> None:
    backend = XssKeepAwake(":4099")
    assert not backend.available()
    assert not backend.hold(REASON)
    backend.release()


def test_guard_over_real_dbus_inhibits_once_per_session(fake: Inhibitors) -> None:
    fake.own(GNOME)
    guard = SessionKeepAwake(GnomeSessionKeepAwake(fake.connect(), FAST_MS), reason=REASON)
    for active in (True, True, False, True):  # run, pause, stop, a new session
        guard.set_active(active)
    guard.shutdown()
    assert fake.calls() == [
        f"Inhibit susu {DESKTOP_FILE_ID}|0|{REASON}|12",
        f"Uninhibit u {FIRST_COOKIE}",
        f"Inhibit susu {DESKTOP_FILE_ID}|0|{REASON}|12",
        f"Uninhibit u {FIRST_COOKIE + 1}",
    ]


def test_a_real_session_holds_through_its_pause_and_releases_when_it_finishes(
    fake: Inhibitors, qtbot: QtBot
) -> None:
    """The wiring the app uses: the session's state drives the guard."""
    fake.own(GNOME)
    service = SessionService(SessionEngine(SystemClock()))
    guard = SessionKeepAwake(GnomeSessionKeepAwake(fake.connect(), FAST_MS), reason=REASON)
    service.state_changed.connect(lambda state: guard.set_active(state in ACTIVE_STATES))
    service.start(SessionPlan("sleep", "Sleep", planned_s=0.5))
    assert service.pause() and guard.held
    assert service.resume() and guard.held
    qtbot.waitUntil(lambda: service.state is SessionState.FINISHED, timeout=5000)
    assert guard.status() == {"method": "gnome-session", "held": False}
    assert [c.split()[0] for c in fake.calls()] == ["Inhibit", "Uninhibit"]
