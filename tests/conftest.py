"""Shared fixtures: every test runs with its own XDG folders, never the real user's."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The many apps the tests build must not each spawn a soundscape renderer a few seconds later.
os.environ.setdefault("ACUMAT_PREWARM_DELAY_MS", "-1")

_XDG = {
    "XDG_CONFIG_HOME": "config",
    "XDG_DATA_HOME": "data",
    "XDG_STATE_HOME": "state",
    "XDG_CACHE_HOME": "cache",
    "XDG_RUNTIME_DIR": "runtime",
}


@pytest.fixture(autouse=True)
def xdg_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point every platformdirs folder at a fresh temporary tree."""
    dirs: dict[str, Path] = {}
    for var, name in _XDG.items():
        path = tmp_path / "xdg" / name
        path.mkdir(parents=True, mode=0o700)
        monkeypatch.setenv(var, str(path))
        dirs[var] = path
    return dirs


@pytest.fixture(autouse=True)
def fresh_app_look() -> Iterator[None]:
    """A test that built the app applied its theme (a style sheet and palette on the one
    QApplication every test shares); the next test starts from the plain look again."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if isinstance(app, QApplication) and app.styleSheet():
        app.setStyleSheet("")
        app.setPalette(app.style().standardPalette())
        app.setProperty("acumatDark", None)
