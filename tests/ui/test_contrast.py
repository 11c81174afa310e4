"""Colours for everyone: both themes meet WCAG AA, computed from the palette and the style sheet.

Text needs 4.5:1 against what it is drawn on; what is not text but must be seen (the accent as
focus ring, selection border and the dial's ring; borders; check boxes; the breathing shape) 3:1.
The theme follows the system's colour scheme live, and a chosen theme stays chosen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from acumat_desktop.services.assets import ui_path
from acumat_desktop.ui import theme
from acumat_desktop.ui.widgets.breath_dial import BreathDial
from acumat_desktop.ui.widgets.routine_cards import SELECTED_TINT

Role = QPalette.ColorRole
TEXT = 4.5
NON_TEXT = 3.0
BREATH_EDGE_ALPHA = 0.80  # dial_painting._paint_shape: the shape's edge
TRACK_ALPHA = 0.10  # breath_dial: the ring's track is the window text at 10 %


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def ratio(a: QColor | str, b: QColor | str) -> float:
    la, lb = luminance(QColor(a)), luminance(QColor(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def over(colour: QColor | str, background: QColor | str, alpha: float) -> QColor:
    """``colour`` at ``alpha`` painted on ``background`` (what reaches the eye)."""
    fg, bg = QColor(colour), QColor(background)
    return QColor.fromRgbF(
        fg.redF() * alpha + bg.redF() * (1 - alpha),
        fg.greenF() * alpha + bg.greenF() * (1 - alpha),
        fg.blueF() * alpha + bg.blueF() * (1 - alpha),
    )


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    return over(b, a, amount)


@pytest.fixture(params=[False, True], ids=["light", "dark"])
def dark(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


@pytest.fixture
def themed(qapp: QApplication, dark: bool) -> Iterator[QApplication]:
    """The app with a theme applied, restored afterwards for the other tests."""
    palette, sheet = qapp.palette(), qapp.styleSheet()
    theme.apply_theme(qapp, "dark" if dark else "light")
    yield qapp
    theme.apply_theme(qapp, "light")
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setProperty("acumatDark", None)


def text_pairs(dark: bool) -> dict[str, tuple[QColor, QColor]]:
    pal = theme.palette_for(dark)
    tokens = theme.TOKENS[dark]
    c = pal.color
    selected = mix(c(Role.Base), c(Role.Highlight), SELECTED_TINT)
    chip = mix(selected, c(Role.Highlight), 0.22)
    return {
        "window text": (c(Role.WindowText), c(Role.Window)),
        "text on base": (c(Role.Text), c(Role.Base)),
        "button text": (c(Role.ButtonText), c(Role.Button)),
        "text on the accent": (c(Role.HighlightedText), c(Role.Highlight)),
        "placeholder on base": (c(Role.PlaceholderText), c(Role.Base)),
        "placeholder on window": (c(Role.PlaceholderText), c(Role.Window)),
        "muted line on a selected card": (c(Role.PlaceholderText), selected),
        "text on a selected card": (c(Role.Text), selected),
        "goal chip text": (c(Role.Text), chip),
        "tooltip": (c(Role.ToolTipText), c(Role.ToolTipBase)),
        "link on base": (c(Role.Link), c(Role.Base)),
        "link on window": (c(Role.Link), c(Role.Window)),
        "error on window": (QColor(tokens["error"]), c(Role.Window)),
        "error on base": (QColor(tokens["error"]), c(Role.Base)),
        "warning": (QColor(tokens["warning-text"]), QColor(tokens["warning-bg"])),
        "checked day toggle": (QColor(tokens["on-accent"]), QColor(tokens["accent"])),
    }


def non_text_pairs(dark: bool) -> dict[str, tuple[QColor, QColor]]:
    pal = theme.palette_for(dark)
    tokens = theme.TOKENS[dark]
    c = pal.color
    return {
        "focus ring / selection border on window": (c(Role.Highlight), c(Role.Window)),
        "focus ring / selection border on base": (c(Role.Highlight), c(Role.Base)),
        "borders (cards, chips, chart track) on window": (c(Role.Mid), c(Role.Window)),
        "borders on base": (c(Role.Mid), c(Role.Base)),
        "check box border on window": (QColor(tokens["border"]), c(Role.Window)),
        "check box border on its own fill": (QColor(tokens["border"]), QColor(tokens["base"])),
        "checked box on window": (QColor(tokens["accent"]), c(Role.Window)),
    }


def test_text_meets_4_5_to_1(dark: bool) -> None:
    low = {
        name: round(ratio(fg, bg), 2)
        for name, (fg, bg) in text_pairs(dark).items()
        if ratio(fg, bg) < TEXT
    }
    assert not low, f"text below {TEXT}:1: {low}"


def test_what_must_be_seen_meets_3_to_1(dark: bool) -> None:
    low = {
        name: round(ratio(fg, bg), 2)
        for name, (fg, bg) in non_text_pairs(dark).items()
        if ratio(fg, bg) < NON_TEXT
    }
    assert not low, f"below {NON_TEXT}:1: {low}"


def test_the_dial_as_painted_meets_3_to_1(qtbot: QtBot, themed: QApplication, dark: bool) -> None:
    """The dial's own colours, read from a dial under the applied theme (palette + style sheet):
    the ring on its track and on the window, the breathing shape's edge on the window."""
    dial = BreathDial()
    qtbot.addWidget(dial)
    dial.ensurePolished()
    colours = dial.colors()
    window = colours.background
    assert window == theme.palette_for(dark).color(Role.Window)
    track = over(colours.track, window, colours.track.alphaF())
    assert ratio(colours.ring, track) >= NON_TEXT, "ring on its track"
    assert ratio(colours.ring, window) >= NON_TEXT, "ring on the window"
    edge = over(colours.breath, window, BREATH_EDGE_ALPHA * colours.breath.alphaF())
    assert ratio(edge, window) >= NON_TEXT, "breathing shape's edge on the window"
    assert ratio(colours.text, window) >= TEXT, "the dial's words"


def test_every_colour_in_the_style_sheet_is_a_theme_token(dark: bool) -> None:
    raw = ui_path("styles", "app.qss").read_text(encoding="utf-8")
    without_comments = re.sub(r"/\*.*?\*/", "", raw, flags=re.DOTALL)
    assert not re.findall(r"#[0-9a-fA-F]{3,8}\b", without_comments), "colours come from tokens"
    used = set(re.findall(r"@([a-z][a-z-]*)", without_comments))
    assert used <= set(theme.TOKENS[dark]), used - set(theme.TOKENS[dark])
    filled = theme.style_sheet(dark)
    assert "@" not in re.sub(r"/\*.*?\*/", "", filled, flags=re.DOTALL)
    check = re.search(r"image: url\(([^)]+)\)", filled)
    assert check is not None and ui_path("styles", theme.TOKENS[dark]["check"]).exists()


def test_the_theme_follows_the_system_live_unless_chosen(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    hints = QGuiApplication.styleHints()
    palette, sheet = qapp.palette(), qapp.styleSheet()
    window = Role.Window
    try:
        monkeypatch.setattr(theme, "system_is_dark", lambda: False)
        assert theme.apply_theme(qapp, "system") is False
        assert qapp.palette().color(window) == theme.palette_for(False).color(window)
        monkeypatch.setattr(theme, "system_is_dark", lambda: True)
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert qapp.palette().color(window) == theme.palette_for(True).color(window)
        assert theme.current_is_dark(qapp)
        theme.apply_theme(qapp, "light")  # the person's choice wins over the system
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert qapp.palette().color(window) == theme.palette_for(False).color(window)
    finally:
        qapp.setStyleSheet(sheet)
        qapp.setPalette(palette)
        qapp.setProperty("acumatDark", None)
