"""The frozen bundle's entry point: the ``acumat`` command, plus ``acumat -m MODULE``.

A frozen app has no Python interpreter to run ``sys.executable -m module``, yet the app starts
helpers that way (the soundscape pre-render child). Here ``-m`` runs one of AcuMat's own bundled
modules as ``__main__``, exactly as ``python -m`` would; any other module is refused.

On Linux the bootloader points ``LD_LIBRARY_PATH`` at the bundle so this process finds its own
Qt; the loader reads it once at start-up, so it is put back as it was for the programs the app
starts (``gdbus``, a file manager or browser opened for a link), which must use the system's
libraries, not the bundle's Qt.
"""

from __future__ import annotations

import os
import runpy
import sys


def restore_library_path() -> None:
    if not getattr(sys, "frozen", False) or not sys.platform.startswith("linux"):
        return
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is None:
        os.environ.pop("LD_LIBRARY_PATH", None)
    else:
        os.environ["LD_LIBRARY_PATH"] = original


def main() -> int:
    restore_library_path()
    argv = sys.argv
    if len(argv) >= 3 and argv[1] == "-m" and getattr(sys, "frozen", False):
        module = argv[2]
        if not module.startswith("acumat_desktop."):
            sys.stderr.write(f"acumat: -m runs only AcuMat's own modules, not {module!r}\n")
            return 2
        sys.argv = [module, *argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return 0
    # Registers ``acumat selftest`` even where cli/main.py does not import it (yet).
    import acumat_desktop.cli.selftest_command  # noqa: F401
    from acumat_desktop.__main__ import main as acumat_main

    return acumat_main()


if __name__ == "__main__":
    sys.exit(main())
