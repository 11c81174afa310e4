"""Presenting detection: a fullscreen window on a real Xvfb, GNOME inhibition and notification
inhibition on a fake desktop bus, and the Windows state mapping.

Xvfb runs no window manager, and nobody else sets _NET_WM_STATE: the test maps a real client
window (xmessage) and sets _NET_WM_STATE_FULLSCREEN on it and _NET_ACTIVE_WINDOW on the root
with xprop, exactly as an EWMH window manager would.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from private_bus import FakeDesktop, fake_desktop  # noqa: F401  (fixture)
from xvfb_display import run_on, xvfb  # noqa: F401  (fixture)

from acumat_desktop.services import session_lock
from acumat_desktop.services.presenting import (
    GnomeInhibitCheck,
    NotificationsInhibitedCheck,
    PresentingDetector,
    WindowsNotificationStateCheck,
    X11FullscreenCheck,
    create_presenting_detector,
)


@pytest.fixture
def window(xvfb: str) -> Iterator[str]:  # noqa: F811
    if shutil.which("xmessage") is None or shutil.which("xdotool") is None:
        pytest.skip("xmessage and xdotool are needed")
    proc = subprocess.Popen(
        ["xmessage", "-name", "acumat-fullscreen-test", "slides"],
        env={**os.environ, "DISPLAY": xvfb},
        stderr=subprocess.DEVNULL,
    )
    try:
        found = run_on(xvfb, "xdotool", "search", "--sync", "--classname", "acumat-fullscreen-test")
        yield found.stdout.split()[0]
    finally:
        proc.terminate()
        proc.wait(10)


def _activate(display: str, window: str) -> None:
    run_on(
        display,
        "xprop",
        "-root",
        "-f",
        "_NET_ACTIVE_WINDOW",
        "32c",
        "-set",
        "_NET_ACTIVE_WINDOW",
        window,
    )


def test_fullscreen_active_window(xvfb: str, window: str) -> None:  # noqa: F811
    check = X11FullscreenCheck(xvfb)
    _activate(xvfb, window)
    assert check.is_presenting() is False
    run_on(
        xvfb,
        "xprop",
        "-id",
        window,
        "-f",
        "_NET_WM_STATE",
        "32a",
        "-set",
        "_NET_WM_STATE",
        "_NET_WM_STATE_FULLSCREEN",
    )
    assert check.is_presenting() is True
    _activate(xvfb, "0")  # another (no) window is active: the fullscreen one is behind
    assert check.is_presenting() is False
    _activate(xvfb, window)
    run_on(xvfb, "xprop", "-id", window, "-remove", "_NET_WM_STATE")
    assert check.is_presenting() is False
    check.close()
    assert check.is_presenting() is None


def test_a_closed_active_window_is_not_fatal(xvfb: str) -> None:  # noqa: F811
    check = X11FullscreenCheck(xvfb)
    _activate(xvfb, "0x3fffff")  # no such window: BadWindow must not kill the process
    assert check.is_presenting() is False


def test_no_x_server() -> None:
    assert X11FullscreenCheck(":199").is_presenting() is None


def test_gnome_idle_inhibition(fake_desktop: FakeDesktop) -> None:  # noqa: F811
    check = GnomeInhibitCheck(fake_desktop.connect())
    fake_desktop.set("inhibited_actions", "4")  # suspend inhibited only
    assert check.is_presenting() is False
    fake_desktop.set("inhibited_actions", "12")  # idle (8) and suspend
    assert check.is_presenting() is True
    fake_desktop.set("inhibited_actions", "0")


def test_notifications_inhibited(fake_desktop: FakeDesktop) -> None:  # noqa: F811
    check = NotificationsInhibitedCheck(fake_desktop.connect())
    assert check.is_presenting() is False
    fake_desktop.set("inhibited", "true")
    assert check.is_presenting() is True
    fake_desktop.set("inhibited", "false")


def test_detector_on_the_fake_desktop(fake_desktop: FakeDesktop) -> None:  # noqa: F811
    bus = fake_desktop.connect()
    detector = create_presenting_detector(platform="linux", env={}, session_bus=bus)
    assert [c.name for c in detector.checks] == ["gnome-inhibit", "notifications-inhibited"]
    assert not detector.is_presenting()
    fake_desktop.set("inhibited", "true")
    assert detector.is_presenting()
    assert detector.reason == "notifications-inhibited"
    fake_desktop.set("inhibited", "false")


@pytest.mark.parametrize(
    ("state", "holds"),
    [(1, True), (2, True), (3, True), (4, True), (5, False), (6, True), (7, True)],
)
def test_windows_notification_state(state: int, holds: bool) -> None:
    assert WindowsNotificationStateCheck(lambda: state).is_presenting() is holds


def test_windows_check_unknown_off_windows() -> None:
    assert WindowsNotificationStateCheck().is_presenting() is None
    assert WindowsNotificationStateCheck(lambda: None).is_presenting() is None


class _Check:
    def __init__(self, name: str, answer: bool | None, broken: bool = False) -> None:
        self.name, self.answer, self.broken = name, answer, broken

    def is_presenting(self) -> bool | None:
        if self.broken:
            raise RuntimeError("boom")
        return self.answer

    def close(self) -> None:
        pass


def test_detector_names_the_first_yes_and_survives_a_broken_check() -> None:
    detector = PresentingDetector(
        [_Check("a", None), _Check("b", None, broken=True), _Check("c", True), _Check("d", True)]
    )
    assert detector.is_presenting()
    assert detector.reason == "c"
    assert not PresentingDetector([_Check("a", False), _Check("b", None)]).is_presenting()


def test_a_hung_session_bus_is_skipped_not_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Before: the checks opened the session bus when built, at start-up, and Qt blocks for
    good on a daemon that accepts connections but never answers."""
    path = tmp_path / "hung-bus"
    with socket.socket(socket.AF_UNIX) as hung:
        hung.bind(str(path))
        hung.listen(8)
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={path}")
        monkeypatch.setattr(session_lock, "BUS_PROBE_TIMEOUT_S", 0.2)
        started = time.monotonic()
        detector = create_presenting_detector(platform="linux", env={})
        assert detector.is_presenting() is False
        assert detector.is_presenting() is False  # asked again: no second probe
        assert time.monotonic() - started < 3
    warnings = [r for r in caplog.records if "does not answer" in r.getMessage()]
    assert len(warnings) == 1 and "presentation" in warnings[0].getMessage()
