"""Fusion style with a light or dark palette, following the system unless the user chooses."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QToolTip

from acumat_desktop.services.assets import ui_path

log = logging.getLogger(__name__)

_LIGHT = {
    QPalette.ColorRole.Window: "#f4f6f5",
    QPalette.ColorRole.WindowText: "#1e2a2a",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#e9eeec",
    QPalette.ColorRole.Text: "#1e2a2a",
    QPalette.ColorRole.Button: "#e7ecea",
    QPalette.ColorRole.ButtonText: "#1e2a2a",
    QPalette.ColorRole.Highlight: "#2f8f83",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#1e2a2a",
    QPalette.ColorRole.PlaceholderText: "#6b7a78",
    QPalette.ColorRole.Link: "#23756b",
    QPalette.ColorRole.Mid: "#c5cfcc",
}
_DARK = {
    QPalette.ColorRole.Window: "#17201f",
    QPalette.ColorRole.WindowText: "#e3ebe9",
    QPalette.ColorRole.Base: "#101716",
    QPalette.ColorRole.AlternateBase: "#1f2a29",
    QPalette.ColorRole.Text: "#e3ebe9",
    QPalette.ColorRole.Button: "#243130",
    QPalette.ColorRole.ButtonText: "#e3ebe9",
    QPalette.ColorRole.Highlight: "#5cc2b4",
    QPalette.ColorRole.HighlightedText: "#0d1413",
    QPalette.ColorRole.ToolTipBase: "#243130",
    QPalette.ColorRole.ToolTipText: "#e3ebe9",
    QPalette.ColorRole.PlaceholderText: "#8a9a97",
    QPalette.ColorRole.Link: "#7fd6ca",
    QPalette.ColorRole.Mid: "#3a4847",
}


def palette_for(dark: bool) -> QPalette:
    palette = QPalette()
    for role, colour in (_DARK if dark else _LIGHT).items():
        palette.setColor(role, QColor(colour))
    disabled = QColor("#6b7a78" if not dark else "#5f6d6b")
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, theme: str) -> bool:
    """Apply 'system', 'light' or 'dark'; returns whether the result is dark."""
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    dark = system_is_dark() if theme == "system" else theme == "dark"
    palette = palette_for(dark)
    app.setPalette(palette)
    QToolTip.setPalette(palette)  # tooltips and the tray's balloons keep their own palette
    qss = ui_path("styles", "app.qss")
    try:
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    except OSError as exc:
        log.warning("style sheet %s not loaded: %s", qss, exc)
    return dark
