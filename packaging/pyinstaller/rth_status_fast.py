"""Runtime hook, run first in the frozen bundle: ``acumat status --json`` answered before the
other runtime hooks.

Status bars run this command every few seconds. PyInstaller runs its own runtime hooks before
the entry point: PySide6's imports QtCore (~50 ms), those for inspect, multiprocessing and
pkgutil import their modules (~30 ms); the answer itself takes a standard-library socket and
under a millisecond. So the status path goes here, ahead of them. Anything the short path does
not handle (no app, an error reply) returns None and the bundle starts as usual: the hooks,
then ``acumat_main`` with the full command line and its messages and exit codes.
"""

import sys

if sys.argv[1:] == ["status", "--json"]:
    from acumat_desktop.cli.fast_status import status_json

    _code = status_json()
    if _code is not None:
        sys.stdout.flush()
        raise SystemExit(_code)
