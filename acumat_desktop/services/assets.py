"""The one resource locator: finds resources/ and ui/ in a wheel, a source tree or a bundle."""

from __future__ import annotations

import sys
from functools import cache
from importlib.resources import files
from pathlib import Path


@cache
def _roots() -> tuple[Path, Path]:
    packaged = Path(str(files("acumat_desktop"))) / "_data"
    if (packaged / "resources").is_dir():
        return packaged / "resources", packaged / "ui"
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen and (Path(frozen) / "resources").is_dir():
        return Path(frozen) / "resources", Path(frozen) / "ui"
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
