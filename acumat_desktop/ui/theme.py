"""Fusion style with a light or dark palette and one style sheet with semantic tokens, following
the system's colour scheme live unless the person chooses light or dark.

Every colour pair a person must read or find meets WCAG AA in both themes: text 4.5:1 (window,
base, buttons, the accent's own text, placeholders, links, errors), and 3:1 for what is not text
(the accent as focus ring, ring and selection border; borders; check boxes; the breathing shape).
``tests/ui/test_contrast.py`` computes the ratios from these tables.

The style sheet (``ui/styles/app.qss``) names colours as tokens (``@accent``, ``@border``,
``@error``…); :func:`style_sheet` fills them in for the theme. The breathing dial takes its
colours from the palette and from ``qproperty-…Color`` rules in that sheet: a quiet sage ring
and shape by day, a dimmer warm sand in the evening (``BreathDial[evening="true"]``), each just
above 3:1 against the window (and the ring against its track), well below the accent's glare.

Reduced motion: Qt 6.11 exposes no system motion preference (``QStyleHints`` has
``colorScheme`` and ``QAccessibilityHints`` only ``contrastPreference``), so the in-app switch
(Settings → General) is the one that counts.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleHintReturn,
    QStyleOption,
    QToolTip,
    QWidget,
)

from acumat_desktop.services.assets import ui_path

log = logging.getLogger(__name__)

Role = QPalette.ColorRole

_LIGHT = {
    Role.Window: "#f4f6f5",
    Role.WindowText: "#1e2a2a",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#e9eeec",
    Role.Text: "#1e2a2a",
    Role.Button: "#e7ecea",
    Role.ButtonText: "#1e2a2a",
    Role.Highlight: "#23756b",
    Role.HighlightedText: "#ffffff",
    Role.ToolTipBase: "#ffffff",
    Role.ToolTipText: "#1e2a2a",
    Role.PlaceholderText: "#5b6a68",
    Role.Link: "#1f6f65",
    Role.Mid: "#7d8a87",
    Role.Accent: "#23756b",
}
_DARK = {
    Role.Window: "#17201f",
    Role.WindowText: "#e3ebe9",
    Role.Base: "#101716",
    Role.AlternateBase: "#1f2a29",
    Role.Text: "#e3ebe9",
    Role.Button: "#243130",
    Role.ButtonText: "#e3ebe9",
    Role.Highlight: "#5cc2b4",
    Role.HighlightedText: "#0d1413",
    Role.ToolTipBase: "#243130",
    Role.ToolTipText: "#e3ebe9",
    Role.PlaceholderText: "#8a9a97",
    Role.Link: "#7fd6ca",
    Role.Mid: "#6f7f7c",
    Role.Accent: "#5cc2b4",
}

TOKENS: dict[bool, dict[str, str]] = {
    False: {
        "accent": _LIGHT[Role.Highlight],
        "on-accent": _LIGHT[Role.HighlightedText],
        "border": _LIGHT[Role.Mid],
        "muted": _LIGHT[Role.PlaceholderText],
        "base": _LIGHT[Role.Base],
        "window": _LIGHT[Role.Window],
        "text": _LIGHT[Role.Text],
        "error": "#b3261e",
        "warning-bg": "#fff4d6",
        "warning-text": "#4a3800",
        "breath": "#4d7770",
        "dial-ring": "#5e8079",
        "breath-evening": "#856a55",
        "dial-ring-evening": "#8f6f58",
        "check": "check-white.svg",
    },
    True: {
        "accent": _DARK[Role.Highlight],
        "on-accent": _DARK[Role.HighlightedText],
        "border": _DARK[Role.Mid],
        "muted": _DARK[Role.PlaceholderText],
        "base": _DARK[Role.Base],
        "window": _DARK[Role.Window],
        "text": _DARK[Role.Text],
        "error": "#f28b82",
        "warning-bg": "#3b3420",
        "warning-text": "#f3e3b0",
        "breath": "#62918a",
        "dial-ring": "#5b8a83",
        "breath-evening": "#9a7f5e",
        "dial-ring-evening": "#9a7f5e",
        "check": "check-black.svg",
    },
}
"""The style sheet's colours per theme (False: light, True: dark)."""

_TOKEN = re.compile(r"@([a-z][a-z-]*)")

BUTTON_RULES = """
/* Buttons (ui/theme.py): the one action a window leads with is filled with the accent; the
   others stay plain. Destructive primaries (Stop) use the same calm fill, said in words. */
/* A dialog's default button turns default only when shown, after its size was taken: the same
   colours, with a padding that fits the size it already has. */
QPushButton:default {
    background: @accent;
    color: @on-accent;
    border: 1px solid @accent;
    border-radius: 4px;
    padding: 2px 12px;
}
/* Named primaries (listed after, so a default primary keeps its own padding). */
QPushButton[role="primary"], QPushButton[role="primary"]:default {
    background: @accent;
    color: @on-accent;
    border: 1px solid @accent;
    border-radius: 4px;
    padding: 6px 16px;
    font-weight: bold;
}
QPushButton[role="primary"]:focus, QPushButton:default:focus { border: 2px solid @text; }
QPushButton[role="primary"]:disabled, QPushButton:default:disabled {
    background: @window;
    color: @muted;
    border-color: @border;
}
QPushButton[role="secondary"] {
    background: @base;
    color: @text;
    border: 1px solid @border;
    border-radius: 4px;
    padding: 6px 16px;
}
QPushButton[role="secondary"]:hover { border-color: @accent; }
QPushButton[role="secondary"]:focus { border: 2px solid @accent; }
QLabel[role="secondary"] { color: @muted; }
"""
"""Appended to ``ui/styles/app.qss`` (whose owner may move it there)."""


class CalmStyle(QProxyStyle):
    """Fusion without stock icons on dialog buttons (no green tick on OK, no red cross on
    Cancel): the words say what a button does."""

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return super().styleHint(hint, option, widget, returnData)


def calm_style() -> QStyle:
    base = QStyleFactory.create("Fusion")
    return CalmStyle(base) if base is not None else CalmStyle()


def palette_for(dark: bool) -> QPalette:
    palette = QPalette()
    for role, colour in (_DARK if dark else _LIGHT).items():
        palette.setColor(role, QColor(colour))
    disabled = QColor("#6b7a78" if not dark else "#5f6d6b")
    for role in (Role.Text, Role.ButtonText, Role.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def style_sheet(dark: bool) -> str:
    """The app's style sheet with the theme's colours (and image paths) filled in."""
    qss = ui_path("styles", "app.qss")
    try:
        text = qss.read_text(encoding="utf-8")
    except OSError as exc:
        log.warning("style sheet %s not loaded: %s", qss, exc)
        return ""
    tokens = dict(TOKENS[dark])
    tokens["check"] = ui_path("styles", tokens["check"]).as_posix()

    def fill(match: re.Match[str]) -> str:
        return tokens.get(match.group(1), match.group(0))

    return _TOKEN.sub(fill, text + BUTTON_RULES)


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


class _Follower(QObject):
    """Re-applies the theme when the system's colour scheme changes while the choice is
    'system'. One per application, kept as its child."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("acumatThemeFollower")
        self.app = app
        self.choice = "system"
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    def _scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == "system":
            _apply(self.app, system_is_dark())


def _follower(app: QApplication) -> _Follower:
    found = app.findChild(_Follower, "acumatThemeFollower")
    return found if isinstance(found, _Follower) else _Follower(app)


def _apply(app: QApplication, dark: bool) -> None:
    palette = palette_for(dark)
    app.setPalette(palette)
    QToolTip.setPalette(palette)  # tooltips and the tray's balloons keep their own palette
    app.setStyleSheet(style_sheet(dark))
    app.setProperty("acumatDark", dark)


def apply_theme(app: QApplication, theme: str) -> bool:
    """Apply 'system', 'light' or 'dark'; returns whether the result is dark. With 'system',
    later changes of the system's scheme are followed until another choice is applied."""
    if not isinstance(app.style(), CalmStyle):
        app.setStyle(calm_style())
    _follower(app).choice = theme
    dark = system_is_dark() if theme == "system" else theme == "dark"
    if app.property("acumatDark") != dark or not app.styleSheet():
        _apply(app, dark)
    return dark


def current_is_dark(app: QApplication) -> bool:
    """Whether the theme applied last is dark."""
    return bool(app.property("acumatDark"))
