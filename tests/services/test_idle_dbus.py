"""The D-Bus idle sources against a fake Mutter and ScreenSaver on a private session bus."""

from __future__ import annotations

import pytest
from private_bus import FakeDesktop, fake_desktop  # noqa: F401  (fixture)
from PySide6.QtDBus import QDBusConnection

from acumat_desktop.services.idle.freedesktop import FreedesktopIdleSource
from acumat_desktop.services.idle.gnome import GnomeIdleSource


@pytest.fixture
def desktop(fake_desktop: FakeDesktop) -> FakeDesktop:  # noqa: F811
    fake_desktop.set("idle_error", "false")
    return fake_desktop


@pytest.mark.parametrize("source_type", [GnomeIdleSource, FreedesktopIdleSource])
def test_idle_time_is_read_in_seconds(
    desktop: FakeDesktop, source_type: type[GnomeIdleSource | FreedesktopIdleSource]
) -> None:
    source = source_type(desktop.connect())
    desktop.set("idle_ms", "4250")
    assert source.available()
    assert source.idle_seconds() == pytest.approx(4.25)
    desktop.set("idle_ms", "123456")
    assert source.idle_seconds() == pytest.approx(123.456)


@pytest.mark.parametrize("source_type", [GnomeIdleSource, FreedesktopIdleSource])
def test_not_supported_means_unavailable(
    desktop: FakeDesktop, source_type: type[GnomeIdleSource | FreedesktopIdleSource]
) -> None:
    desktop.set("idle_error", "true")  # KDE on Wayland answers NotSupported
    source = source_type(desktop.connect())
    assert not source.available()
    assert source.idle_seconds() is None


def test_no_bus_means_unavailable(qapp: object) -> None:
    dead = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "acumat-test-dead")
    assert not GnomeIdleSource(dead).available()
    assert FreedesktopIdleSource(dead).idle_seconds() is None
