"""The one resource locator: finds resources/ and ui/ in a wheel, a source tree or a bundle."""

from __future__ import annotations

import sys
from functools import cache
from importlib.resources import files
from pathlib import Path


@cache
def _roots() -> tuple[Path, Path]:
    # A wheel and a PyInstaller bundle both hold them in acumat_desktop/_data/ (hatch's
    # force-include; packaging/pyinstaller/acumat.spec); a bundle is also asked directly, in
    # case its importer gives no file system path for the package.
    candidates = [Path(str(files("acumat_desktop"))) / "_data"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "acumat_desktop" / "_data")
    for base in candidates:
        if (base / "resources").is_dir():
            return base / "resources", base / "ui"
    source = Path(__file__).resolve().parents[2]
    return source / "resources", source / "ui"


def resource_path(*parts: str) -> Path:
    """A path under resources/ (icons, routines, sounds)."""
    return _roots()[0].joinpath(*parts)


def ui_path(*parts: str) -> Path:
    """A path under ui/ (Designer forms, QSS)."""
    return _roots()[1].joinpath(*parts)


def icon_path(size: int | None = None) -> Path:
    if size is None:
        return resource_path("icons", "acumat.svg")
    return resource_path("icons", f"acumat-{size}.png")
