"""X11 idle watches without polling: SYNC IDLETIME alarms against a real Xvfb, input by XTest."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from xvfb_display import run_on, wait_until, xvfb  # noqa: F401  (fixture)

from acumat_desktop.services.idle._xsync import XSyncValue
from acumat_desktop.services.idle.base import IdleWatcher
from acumat_desktop.services.idle.x11 import X11IdleSource

needs_xdotool = pytest.mark.skipif(shutil.which("xdotool") is None, reason="needs xdotool")


class Calls:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


@pytest.fixture
def source(xvfb: str, qtbot: QtBot) -> Iterator[X11IdleSource]:  # noqa: F811
    # Right after the previous test's connection closed, opening the display was once refused
    # in a full-suite run: wait (bounded) until the server takes a new client.
    found: list[X11IdleSource] = []

    def opened() -> bool:
        src = X11IdleSource(xvfb)
        if src.available():
            found.append(src)
            return True
        src.close()
        return False

    wait_until(opened, timeout=5, step=0.1)
    assert found, f"no X11 idle source on {xvfb}"
    yield found[0]
    found[0].close()


def test_the_x11_source_is_a_watcher(source: X11IdleSource) -> None:
    assert isinstance(source, IdleWatcher)
    assert int(XSyncValue.of(5_000_000_000)) == 5_000_000_000


@needs_xdotool
def test_an_idle_alarm_fires_once_idle_reaches_the_threshold(
    source: X11IdleSource,
    xvfb: str,  # noqa: F811
    qtbot: QtBot,
) -> None:
    run_on(xvfb, "xdotool", "mousemove", "--sync", "10", "10")
    calls = Calls()
    assert source.watch(0.4, False, calls)
    assert calls.count == 0
    qtbot.waitUntil(lambda: calls.count == 1, timeout=5000)
    idle = source.idle_seconds()
    assert idle is not None and idle >= 0.4


def test_an_idle_alarm_fires_at_once_when_already_idle(source: X11IdleSource, qtbot: QtBot) -> None:
    wait_until(lambda: (source.idle_seconds() or 0) >= 0.2, timeout=5)
    calls = Calls()
    assert source.watch(0.05, False, calls)
    qtbot.waitUntil(lambda: calls.count == 1, timeout=2000)


@needs_xdotool
def test_an_input_alarm_fires_at_the_next_input_only(
    source: X11IdleSource,
    xvfb: str,  # noqa: F811
    qtbot: QtBot,
) -> None:
    wait_until(lambda: (source.idle_seconds() or 0) >= 0.2, timeout=5)
    calls = Calls()
    assert source.watch(None, True, calls)
    qtbot.wait(300)  # the absence of a wakeup is the point: nothing fires while nobody moves
    assert calls.count == 0
    run_on(xvfb, "xdotool", "mousemove", "--sync", "200", "150")
    qtbot.waitUntil(lambda: calls.count == 1, timeout=5000)
    assert (source.idle_seconds() or 0) < 1.0


@needs_xdotool
def test_unwatch_and_close_disarm(
    source: X11IdleSource,
    xvfb: str,  # noqa: F811
    qtbot: QtBot,
) -> None:
    calls = Calls()
    assert source.watch(None, True, calls)
    source.unwatch()
    run_on(xvfb, "xdotool", "mousemove", "--sync", "30", "40")
    qtbot.wait(300)  # an alarm that would still fire has had ten times its delivery time
    assert calls.count == 0
    source.close()
    assert not source.watch(1.0, True, calls)


def test_no_server_means_no_watch() -> None:
    assert not X11IdleSource(":199").watch(1.0, True, Calls())


@needs_xdotool
def test_an_alarm_read_during_another_request_is_still_delivered(
    source: X11IdleSource,
    xvfb: str,  # noqa: F811
    qtbot: QtBot,
) -> None:
    run_on(xvfb, "xdotool", "mousemove", "--sync", "50", "60")
    calls = Calls()
    assert source.watch(0.3, False, calls)
    # No event loop meanwhile: the alarm arrives, and the next query's round trip reads it
    # into Xlib's queue, where the socket notifier alone would never see it.
    wait_until(lambda: (source.idle_seconds() or 0) >= 0.6, timeout=5)
    assert calls.count == 0
    qtbot.waitUntil(lambda: calls.count == 1, timeout=2000)


def test_a_server_that_goes_away_stops_the_alarms_without_exiting(qtbot: QtBot) -> None:
    import subprocess

    from xvfb_display import _free_display

    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    number = _free_display()
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        from pathlib import Path

        wait_until(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), timeout=10)
        lone = X11IdleSource(f":{number}")
        calls = Calls()
        assert lone.watch(None, True, calls)
    finally:
        server.terminate()
        server.wait(10)
    alarms = lone._alarms
    assert alarms is not None
    qtbot.waitUntil(lambda: not alarms.available, timeout=3000)  # and the process lives on
    assert calls.count == 0
    alarms.close()  # no call on the dead connection either


@needs_xdotool
def test_the_same_watch_again_keeps_its_alarms_and_still_fires(
    source: X11IdleSource,
    xvfb: str,  # noqa: F811
    qtbot: QtBot,
) -> None:
    """The sitting loop asks for its watch at every look: the alarms already armed for it
    stay (replacing them cost round trips and a 'destroyed' event that woke the app)."""
    run_on(xvfb, "xdotool", "mousemove", "--sync", "70", "80")
    calls = Calls()
    assert source.watch(0.5, False, calls)
    alarms = source._alarms
    assert alarms is not None
    armed = list(alarms._alarms)
    assert source.watch(0.5, False, calls)
    assert alarms._alarms == armed
    qtbot.waitUntil(lambda: calls.count == 1, timeout=5000)
    assert source.watch(0.5, True, calls)  # another watch: new alarms
    assert alarms._alarms and alarms._alarms != armed
