"""Render resources/icons/acumat.svg to the PNG sizes the window and tray use.

Run from the repository root: ``python packaging/tools/render_icons.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    icons = Path(__file__).resolve().parents[2] / "resources" / "icons"
    renderer = QSvgRenderer(str(icons / "acumat.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(icons / f"acumat-{size}.png"))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
