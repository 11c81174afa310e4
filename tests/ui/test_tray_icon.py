from __future__ import annotations

from acumat_desktop.app import app_icon
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
