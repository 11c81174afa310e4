"""PySide6 reads every module imported after it (its ``__feature__`` check); the lines it read
must not stay in ``linecache`` for the life of the process, and the check must still answer."""

from __future__ import annotations

import importlib
import linecache
import sys
from collections.abc import Iterator
from pathlib import Path

import PySide6.QtCore  # noqa: F401  # the check is installed by PySide6's import
import pytest

from acumat_desktop.services import module_sources
from acumat_desktop.services.module_sources import forget_module_sources


@pytest.fixture
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder of fresh modules on ``sys.path``; PySide6's check put back as it was."""
    feature = sys.modules[module_sources.FEATURE_MODULE]
    monkeypatch.setattr(feature, module_sources.CHECK, getattr(feature, module_sources.CHECK))
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in [n for n in sys.modules if n.startswith("h4probe_")]:
        del sys.modules[name]


def fresh_module(folder: Path, name: str, source: str) -> str:
    path = folder / f"{name}.py"
    path.write_text(source)
    importlib.invalidate_caches()
    __import__(name)  # the import statement's way, which PySide6 watches
    return str(path)


def feature_answer(name: str) -> int:
    found: dict[str, int] = sys.modules[module_sources.FEATURE_MODULE].pyside_feature_dict
    return found[name]


def test_pyside_keeps_the_source_of_each_module_imported_after_it(modules: Path) -> None:
    """What the hook is for (fails once PySide6 stops doing it: then drop the hook)."""
    path = fresh_module(modules, "h4probe_plain", "VALUE = 1\n")
    assert path in linecache.cache


def test_the_sources_read_by_the_check_are_forgotten_and_the_check_still_answers(
    modules: Path,
) -> None:
    assert forget_module_sources() is True
    assert forget_module_sources() is True  # installed once, not wrapped twice
    plain = fresh_module(modules, "h4probe_quiet", "VALUE = 1\n")
    qt = fresh_module(modules, "h4probe_qt", "import PySide6.QtCore\nVALUE = 2\n")
    assert plain not in linecache.cache and qt not in linecache.cache
    assert feature_answer("h4probe_quiet") == -1  # does not use PySide6: ignored
    assert feature_answer("h4probe_qt") == 0  # uses PySide6: switchable, as before


def test_lines_someone_else_read_stay(modules: Path) -> None:
    path = modules / "h4probe_read.py"
    path.write_text("VALUE = 3\n")
    assert linecache.getline(str(path), 1) == "VALUE = 3\n"  # a traceback read it first
    forget_module_sources()
    linecache.getline(str(path), 1)  # clearing at install dropped it; read again
    importlib.invalidate_caches()
    __import__("h4probe_read")
    assert str(path) in linecache.cache
