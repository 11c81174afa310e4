"""Keeps no copy of every module's source for the life of the process, and reads it faster.

PySide6 looks at each module imported after it to see whether the module uses PySide6 (for its
``__feature__`` switches, which AcuMat does not use): it reads the module's source with
``inspect.getsource`` and looks for "PySide6" in it, and ``linecache`` keeps every line it read
until the process ends. In the tray that copy was about 10 MB of private memory, nearly a bare Qt
tray app's whole private memory; clearing the cache afterwards does not give it back (its lines
lie spread among the modules' own objects). The reading also cost 6.5 ms of a start to the tray
(92 modules) and about 21 ms of a start to the window (241 modules): ``getsource`` decodes the
file, splits it into lines for the cache and joins them again.

So for a module loaded from a ``.py`` file the same question is answered from the file's bytes
(``inspect.getsource`` of a module is that whole file; "PySide6" is ASCII, the same bytes in
UTF-8 and Latin-1), and nothing enters ``linecache``. Any other module (no file, a ``.pyc``-only
or frozen module, a file that cannot be read) goes to PySide6's own check, whose lines are then
dropped unless someone else had read them; a traceback reads the file again when it needs it.

PySide6 is pinned (pyproject.toml); ``tests/services/test_module_sources.py`` guards the hook.
"""

from __future__ import annotations

import linecache
import logging
import sys
from collections.abc import Callable
from types import ModuleType

log = logging.getLogger(__name__)

FEATURE_MODULE = "shibokensupport.feature"
CHECK = "_mod_uses_pyside"  # PySide6's check, called once per imported module

Check = Callable[[ModuleType], bool]


def forget_module_sources() -> bool:
    """From now on, forget the source PySide6's import check reads. Also drops what the cache
    holds already (imports to come reuse that memory). True if the check was found (installed
    once; later calls only clear the cache)."""
    linecache.clearcache()
    feature = sys.modules.get(FEATURE_MODULE)
    check = getattr(feature, CHECK, None)
    if feature is None or not callable(check):
        log.info("PySide6's import check was not found; module sources stay cached")
        return False
    if not isinstance(check, _Forgetting):
        setattr(feature, CHECK, _Forgetting(check))
    return True


class _Forgetting:
    """PySide6's question answered from a ``.py`` file's bytes; for any other module PySide6's
    check, then the lines it alone put into ``linecache`` are dropped."""

    def __init__(self, check: Check) -> None:
        self.check = check

    def __call__(self, module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str):
            return self.check(module)
        if path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass  # PySide6's own way decides, as before
        if path in linecache.cache:
            return self.check(module)  # someone else read it: their lines stay
        try:
            return self.check(module)
        finally:
            linecache.cache.pop(path, None)
