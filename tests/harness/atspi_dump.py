"""Print what a screen reader sees of an application: run with Debian's python3 (pyatspi).

Usage: /usr/bin/python3 tests/harness/atspi_dump.py APP_NAME  -> one line per accessible:
depth, role, name, description (tab separated).
"""

from __future__ import annotations

import sys

import pyatspi  # type: ignore[import-not-found]


def walk(node, depth: int, out: list[str]) -> None:  # type: ignore[no-untyped-def]
    try:
        role = node.getRoleName()
        name = node.name or ""
        description = node.description or ""
    except Exception:  # a widget that went away mid-walk
        return
    clean = [" ".join(text.split()) for text in (role, name, description)]
    out.append("\t".join([str(depth), *clean]))
    for index in range(min(node.childCount, 500)):
        child = node.getChildAtIndex(index)
        if child is not None:
            walk(child, depth + 1, out)


def main() -> int:
    wanted = sys.argv[1]
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and app.name == wanted:
            lines: list[str] = []
            walk(app, 0, lines)
            print("\n".join(lines))
            return 0
    print(f"no application named {wanted!r}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
