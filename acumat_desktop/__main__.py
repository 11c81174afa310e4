"""``python -m acumat_desktop`` and the ``acumat`` command."""

from __future__ import annotations

import sys


def main() -> int:
    if sys.argv[1:] == ["status", "--json"]:  # status bars poll this: the shortest path
        from acumat_desktop.cli.fast_status import status_json

        code = status_json()
        if code is not None:
            return code
    from acumat_desktop.cli.main import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
