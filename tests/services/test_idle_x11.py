"""The X11 idle source against a real Xvfb: idle grows, input resets it."""

from __future__ import annotations

import shutil
import time

import pytest
from xvfb_display import run_on, wait_until, xvfb  # noqa: F401  (fixture)

from acumat_desktop.services.idle.x11 import X11IdleSource


@pytest.fixture
def source(xvfb: str) -> X11IdleSource:  # noqa: F811
    src = X11IdleSource(xvfb)
    assert src.available()
    return src


def test_idle_grows_without_input(source: X11IdleSource) -> None:
    first = source.idle_seconds()
    assert first is not None
    deadline_start = time.monotonic()
    wait_until(lambda: (source.idle_seconds() or 0) >= first + 0.3, timeout=5)
    grown = source.idle_seconds()
    assert grown is not None
    assert grown - first <= time.monotonic() - deadline_start + 0.1


@pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed")
def test_input_resets_idle(source: X11IdleSource, xvfb: str) -> None:  # noqa: F811
    wait_until(lambda: (source.idle_seconds() or 0) >= 0.5, timeout=5)
    run_on(xvfb, "xdotool", "mousemove", "--sync", "123", "77")
    idle = source.idle_seconds()
    assert idle is not None
    assert idle < 0.5
    source.close()
    assert not source.available()
    assert source.idle_seconds() is None


def test_no_server_means_unavailable() -> None:
    src = X11IdleSource(":199")
    assert not src.available()
    assert src.idle_seconds() is None
