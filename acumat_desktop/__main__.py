"""``python -m acumat_desktop`` and the ``acumat`` command."""

from __future__ import annotations

import os
import sys

# The app itself, as the desktop file and autostart start it.
APP_STARTS: tuple[list[str], ...] = ([], ["--minimized"])


def main() -> int:
    argv = sys.argv[1:]
    if argv == ["status", "--json"]:  # status bars poll this: the shortest path
        from acumat_desktop.cli.fast_status import status_json

        code = status_json()
        if code is not None:
            return code
    if argv in APP_STARTS:  # starting the app needs no command-line parser or CLI commands
        return _start_app(minimized=bool(argv))
    from acumat_desktop.cli.main import main as cli_main

    return cli_main(argv)


def _start_app(*, minimized: bool) -> int:
    """As ``cli.main`` runs the app: at most one line on stderr, whatever happens."""
    # AcuMat uses no pydantic plugin: looking for them scans every installed package's metadata.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        # PySide6 reads the source of every module imported after it; the app's own imports
        # before the tray icon are many, so its cheaper reading is installed before them.
        import PySide6  # noqa: F401  # sets up the check that forget_module_sources replaces

        from acumat_desktop.services.module_sources import forget_module_sources

        forget_module_sources()
        from acumat_desktop.app import run_app

        return run_app(minimized=minimized)
    except KeyboardInterrupt:
        sys.stderr.write("acumat: interrupted\n")
        return 1
    except Exception as exc:  # the last resort: never a traceback on the terminal
        from acumat_desktop.cli.main import _internal_error

        return _internal_error(exc, sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
