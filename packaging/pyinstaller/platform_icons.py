"""Window and app icons for the frozen bundles, made at build time from resources/icons.

- Windows: ``write_ico`` packs the PNG sizes into one .ico (PNG-compressed entries, Vista+).
- macOS: ``write_iconset`` fills an ``.iconset`` folder (rendering 512 and 1024 px from the SVG
  with QtSvg) for ``iconutil -c icns`` to turn into the bundle's .icns.
Nothing here is needed on Linux, where the hicolor PNGs and the SVG are installed as they are.
"""

from __future__ import annotations

import struct
from pathlib import Path

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# iconutil's names: icon_<n>x<n>.png and icon_<n>x<n>@2x.png (twice the pixels).
ICONSET = {
    "icon_16x16.png": 16,
    "icon_16x16@2x.png": 32,
    "icon_32x32.png": 32,
    "icon_32x32@2x.png": 64,
    "icon_128x128.png": 128,
    "icon_128x128@2x.png": 256,
    "icon_256x256.png": 256,
    "icon_256x256@2x.png": 512,
    "icon_512x512.png": 512,
    "icon_512x512@2x.png": 1024,
}


def write_ico(icons: Path, out: Path) -> Path:
    """An .ico holding resources/icons/acumat-<size>.png for every size in ICO_SIZES."""
    images = [(size, (icons / f"acumat-{size}.png").read_bytes()) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in images:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(header + entries + blobs)
    return out


def write_iconset(icons: Path, iconset: Path) -> Path:
    """A macOS .iconset folder; sizes without a shipped PNG are rendered from the SVG."""
    iconset.mkdir(parents=True, exist_ok=True)
    for name, size in ICONSET.items():
        shipped = icons / f"acumat-{size}.png"
        target = iconset / name
        if shipped.is_file():
            target.write_bytes(shipped.read_bytes())
        else:
            _render_svg(icons / "acumat.svg", size, target)
    return iconset


def _render_svg(svg: Path, size: int, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(["render-icon"])
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    if not image.save(str(out)):
        raise OSError(f"could not write {out}")
    del app
