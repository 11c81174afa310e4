"""assets.py finds resources/ and ui/ in a source tree, a wheel and a frozen bundle."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from acumat_desktop.services import assets

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fresh_roots() -> Iterator[None]:
    assets._roots.cache_clear()
    yield
    assets._roots.cache_clear()


def test_source_tree() -> None:
    if (ROOT / "acumat_desktop" / "_data" / "resources").is_dir():
        pytest.skip("acumat_desktop/_data/ exists in this checkout (a leftover of a build)")
    assert assets.resource_path() == ROOT / "resources"
    assert assets.ui_path("about.ui") == ROOT / "ui" / "about.ui"


def test_frozen_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "acumat_desktop" / "_data"
    (data / "resources" / "icons").mkdir(parents=True)
    (data / "ui").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(assets, "files", lambda package: tmp_path / "no-such-package")
    assert assets.icon_path(16) == data / "resources" / "icons" / "acumat-16.png"
    assert assets.ui_path() == data / "ui"
