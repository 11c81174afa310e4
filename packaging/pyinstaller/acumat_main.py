"""The frozen bundle's entry point: the ``acumat`` command, plus ``acumat -m MODULE``.

A frozen app has no Python interpreter to run ``sys.executable -m module``, yet the app starts
helpers that way (the soundscape pre-render child). Here ``-m`` runs one of AcuMat's own bundled
modules as ``__main__``, exactly as ``python -m`` would; any other module is refused.
"""

from __future__ import annotations

import runpy
import sys


def main() -> int:
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
