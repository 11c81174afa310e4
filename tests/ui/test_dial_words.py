"""The dial's words stay inside the breathing shape at its smallest, the time stays small and
outside it, and the quiet colours (day and evening) keep what must be seen at 3:1."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from acumat_desktop.core.breathing import BUILTIN_PATTERNS, Phase, phase_at
from acumat_desktop.ui import theme
from acumat_desktop.ui.widgets.breath_dial import BreathDial
from acumat_desktop.ui.widgets.dial_frame import DialFrame
from acumat_desktop.ui.widgets.dial_painting import BREATH_MIN_RADIUS, CANVAS, RING_RADIUS
from tests.ui.test_contrast import NON_TEXT, TEXT, over, ratio

BOX = BUILTIN_PATTERNS["box"]
END_OF_EXHALE = phase_at(BOX, 11.95)  # box: 4 in, 4 hold, 4 out, 4 hold
SIDE = 400


def ink(dial: BreathDial, frame: DialFrame, eyes_closed: bool = False) -> QImage:
    """The dial with only its text painted, black on white."""
    palette = dial.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("white"))
    dial.setPalette(palette)
    for name in ("breathColor", "ringColor", "trackColor"):
        dial.setProperty(name, QColor(255, 255, 255, 0))
    dial.setProperty("textColor", QColor("black"))
    dial.set_eyes_closed(eyes_closed)
    dial.set_source(lambda: frame)
    return dial.grab().toImage()


def inked_radii(image: QImage, below: float | None = None) -> list[float]:
    """Distances from the centre (in canvas units) of every dark pixel, optionally only those
    above ``below`` (canvas units, downwards positive)."""
    k = min(image.width(), image.height()) / CANVAS
    cx, cy = image.width() / 2, image.height() / 2
    out = []
    for y in range(image.height()):
        if below is not None and (y - cy) / k >= below:
            continue
        for x in range(image.width()):
            if image.pixelColor(x, y).lightness() < 160:
                out.append(math.hypot(x - cx, y - cy) / k)
    return out


@pytest.fixture
def dial(qtbot: QtBot) -> BreathDial:
    widget = BreathDial()
    widget.resize(SIDE, SIDE)
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize("cue", ["Breathe out", "Breathe naturally", "Ausatmen langsam und tief"])
@pytest.mark.parametrize("eyes_closed", [False, True])
def test_the_cue_stays_inside_the_smallest_shape(
    dial: BreathDial, cue: str, eyes_closed: bool
) -> None:
    assert END_OF_EXHALE.phase is Phase.EXHALE
    breath = replace(END_OF_EXHALE, cue=cue)
    frame = DialFrame(600.0, 1200.0, breath, False, "")
    radii = inked_radii(ink(dial, frame, eyes_closed), below=60.0)  # the words, not the time
    assert radii, "the cue is painted"
    assert max(radii) <= BREATH_MIN_RADIUS, f"{cue!r} spills to {max(radii):.1f}"


def test_the_time_is_small_below_the_shape_and_inside_the_ring(dial: BreathDial) -> None:
    frame = DialFrame(3599.0, 3600.0, END_OF_EXHALE, False, "")
    image = ink(dial, replace(frame, breath=replace(END_OF_EXHALE, cue="", count=0)))
    k = SIDE / CANVAS
    dark = [
        (x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).lightness() < 160
    ]
    ys = [(y - SIDE / 2) / k for _, y in dark]
    assert min(ys) > 60.0, "below the breathing shape at its largest"
    radii = [math.hypot(x - SIDE / 2, y - SIDE / 2) / k for x, y in dark]
    assert max(radii) < RING_RADIUS - 2, "inside the ring"
    assert max(ys) - min(ys) < 10.0, "small: under a twentieth of the dial"


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("evening", [False, True], ids=["day", "evening"])
def test_quiet_colours_keep_3_to_1(dark: bool, evening: bool) -> None:
    tokens = theme.TOKENS[dark]
    pal = theme.palette_for(dark)
    window = pal.color(QPalette.ColorRole.Window)
    text = pal.color(QPalette.ColorRole.WindowText)
    suffix = "-evening" if evening else ""
    ring = QColor(tokens["dial-ring" + suffix])
    breath = QColor(tokens["breath" + suffix])
    track = over(text, window, 0.10)
    assert ratio(ring, window) >= NON_TEXT and ratio(ring, track) >= NON_TEXT
    assert ratio(over(breath, window, 0.80), window) >= NON_TEXT
    assert ratio(text, window) >= TEXT
    accent = pal.color(QPalette.ColorRole.Highlight)
    assert ratio(ring, window) < ratio(accent, window) or not dark, "quieter than the accent"
