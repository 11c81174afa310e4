from __future__ import annotations

import ctypes

import pytest
import shiboken6
from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QImage, QPainter, QPixmap, QPixmapCache
from pytestqt.qtbot import QtBot

from acumat_desktop.app_front import app_icon
from acumat_desktop.ui.actions import AppActions
from acumat_desktop.ui.tray import XCB_CLIENT_MESSAGE, XCB_DESTROY_NOTIFY, Tray, XcbTrayEvents
from acumat_desktop.ui.tray_icon import STEPS, ProgressIcon


def test_ring_is_redrawn_only_when_it_visibly_changes(qapp: object) -> None:
    icon = ProgressIcon(app_icon())
    assert icon.update(None, None) is True  # first state
    assert icon.update(0.0, None) is True
    renders = icon.renders
    for i in range(200):  # 200 tiny steps inside a few ring positions
        icon.update(i / (200 * STEPS) * 3, None)
    assert icon.renders - renders <= 3
    assert icon.update(None, 0.5) is True, "session over: the sitting ring shows"
    assert icon.update(None, None) is True


def test_ring_paints_on_the_icon(qapp: object) -> None:
    base = app_icon()
    icon = ProgressIcon(base)
    icon.update(0.5, None)
    before = base.pixmap(32, 32).toImage()
    after = icon.icon.pixmap(32, 32).toImage()
    changed = sum(before.pixel(x, y) != after.pixel(x, y) for x in range(32) for y in range(32))
    assert changed > 30


def adds_to_the_pixmap_cache(paint: object) -> bool:
    """Whether ``paint()`` put anything into Qt's application-wide pixmap cache: the cache is
    filled with one pixmap first, so anything added pushes it out."""
    assert callable(paint)
    limit = QPixmapCache.cacheLimit()
    QPixmapCache.clear()
    QPixmapCache.setCacheLimit(64)  # KB: one 128×128 pixmap fills it
    try:
        key = QPixmapCache.insert(QPixmap(128, 128))
        assert QPixmapCache.find(key, QPixmap())
        paint()
        return not QPixmapCache.find(key, QPixmap())
    finally:
        QPixmapCache.setCacheLimit(limit)
        QPixmapCache.clear()


@pytest.mark.parametrize("size", [16, 22, 24, 30, 48])
def test_painting_the_ring_leaves_qts_pixmap_cache_alone(qapp: object, size: int) -> None:
    """Before: each paint of the tray icon went through Qt's pixmap cache, whose flush timer
    then woke the idle app two or three times a minute."""
    icon = ProgressIcon(app_icon())
    icon.update(None, 0.3)  # the sitting ring, as reminders show it all day

    def paint() -> None:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        icon.icon.paint(painter, QRect(0, 0, size, size))
        painter.end()
        assert image.pixel(size // 2, 1) != 0  # the ring's top was painted

    assert adds_to_the_pixmap_cache(lambda: None) is False  # the probe itself adds nothing
    assert adds_to_the_pixmap_cache(paint) is False
    assert adds_to_the_pixmap_cache(lambda: icon.icon.pixmap(size, size)) is False
    assert icon.icon.pixmap(size, size).size().width() == size


class FakeTray:
    """What the system says about a tray, switchable by the test."""

    def __init__(self, present: bool) -> None:
        self.present = present
        self.asked = 0

    def __call__(self) -> bool:
        self.asked += 1
        return self.present


@pytest.mark.qt_log_ignore("systemTrayWindowChanged")  # offscreen has no tray to embed in
def test_a_tray_that_appears_after_start_up_is_used(qtbot: QtBot) -> None:
    """Before: without a tray at start-up AcuMat never looked again."""
    system = FakeTray(present=False)
    tray = Tray(AppActions(), app_icon(), probe=system, poll_ms=10)
    tray.show()
    assert (tray.is_available, tray.visible, tray.polling) == (False, False, True)
    with qtbot.waitSignal(tray.available_changed, timeout=5000) as appeared:
        system.present = True
    assert appeared.args == [True]
    assert (tray.is_available, tray.visible, tray.icon.isVisible()) == (True, True, True)
    assert not tray.polling, "no timer runs while a tray exists"


@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_a_tray_that_goes_away_is_told_and_looked_for_again(qtbot: QtBot) -> None:
    """Before: 'visible' stayed true with no tray, so status said tray.available: true."""
    system = FakeTray(present=True)
    tray = Tray(AppActions(), app_icon(), probe=system, poll_ms=10)
    tray.show()
    assert tray.visible and not tray.polling
    system.present = False
    with qtbot.waitSignal(tray.available_changed, timeout=5000) as gone:
        tray.check()  # what an X event about the tray (or the poll) leads to
    assert gone.args == [False]
    assert (tray.visible, tray.polling) == (False, True)


def test_without_a_tray_showing_waits_quietly(qtbot: QtBot) -> None:
    """Off X11, Qt warns when a tray icon is shown with no tray; the icon waits for one."""
    tray = Tray(AppActions(), app_icon(), probe=FakeTray(present=False), poll_ms=10)
    tray.show()
    assert (tray.icon.isVisible(), tray.visible, tray.polling) == (False, False, True)


def test_x_events_that_can_mean_a_tray_change_wake_the_check() -> None:
    woken: list[bool] = []
    events = XcbTrayEvents(lambda: woken.append(True))
    for kind, wakes in [(XCB_DESTROY_NOTIFY, True), (XCB_CLIENT_MESSAGE, True), (6, False)]:
        event = (ctypes.c_uint8 * 32)(kind)  # xcb_generic_event_t starts with response_type
        # What Qt hands over: a VoidPtr of size 0, which is falsy although it points somewhere.
        message = shiboken6.VoidPtr(ctypes.addressof(event), 0)  # type: ignore[call-arg]
        woken.clear()
        handled = events.nativeEventFilter(QByteArray(b"xcb_generic_event_t"), message)
        assert handled == (False, 0), "the event goes on to Qt"
        assert bool(woken) is wakes, kind
    assert events.nativeEventFilter(QByteArray(b"windows_generic_MSG"), 0) == (False, 0)


def test_the_track_is_drawn_once_and_only_the_arc_per_step(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from acumat_desktop.ui import tray_icon

    drawn: list[int] = []
    original = tray_icon._with_track

    def counting(base: object, size: int) -> object:
        drawn.append(size)
        return original(base, size)  # type: ignore[arg-type]

    monkeypatch.setattr(tray_icon, "_with_track", counting)
    icon = ProgressIcon(app_icon())
    for step in range(STEPS + 1):
        icon.update(None, step / STEPS)
    assert sorted(drawn) == sorted(tray_icon.SIZES), "one track per size, whatever the steps"
    full = icon.icon.pixmap(32, 32).toImage()
    assert full.pixelColor(16, 1).red() > 150, "the full ring is drawn over the track"
