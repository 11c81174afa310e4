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


def test_the_answer_from_the_files_bytes_is_pysides_own_for_every_loaded_module(
    modules: Path,
) -> None:
    """The faster reading asks the same question: for every module loaded now (the standard
    library, PySide6, pydantic, numpy, the app) both ways answer alike."""
    import acumat_desktop.app  # a good share of the app's own modules
    import acumat_desktop.wiring.sound  # noqa: F401

    check = getattr(sys.modules[module_sources.FEATURE_MODULE], module_sources.CHECK)
    fast = module_sources._Forgetting(check)
    loaded = [
        m for m in list(sys.modules.values()) if isinstance(getattr(m, "__file__", None), str)
    ]
    assert len(loaded) > 200
    differing = [m.__name__ for m in loaded if fast(m) != check(m)]
    assert differing == []
    assert sum(fast(m) for m in loaded) >= 20  # the app's Qt modules say yes


def test_a_module_without_a_readable_py_file_is_asked_pysides_way(modules: Path) -> None:
    asked: list[str] = []

    def check(module: object) -> bool:
        asked.append(getattr(module, "__name__", "?"))
        return True

    fast = module_sources._Forgetting(check)
    gone = type(sys)("h4probe_gone")
    gone.__file__ = str(modules / "h4probe_gone.py")  # never written
    compiled = type(sys)("h4probe_pyc")
    compiled.__file__ = str(modules / "h4probe_pyc.pyc")
    assert fast(gone) is True and fast(compiled) is True
    assert asked == ["h4probe_gone", "h4probe_pyc"]


def test_a_py_module_is_answered_from_its_bytes_without_pysides_reading(modules: Path) -> None:
    """PySide6's way decodes, splits and joins the whole file (20 ms over a start to the
    window); a module with a ``.py`` file never needs it."""
    asked: list[str] = []

    def check(module: object) -> bool:
        asked.append(getattr(module, "__name__", "?"))
        return False

    fast = module_sources._Forgetting(check)
    (modules / "h4probe_bytes.py").write_text("import PySide6.QtGui  # ü\n", encoding="utf-8")
    qt = type(sys)("h4probe_bytes")
    qt.__file__ = str(modules / "h4probe_bytes.py")
    assert fast(qt) is True
    assert asked == []
