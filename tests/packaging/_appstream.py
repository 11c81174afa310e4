"""appstreamcli's findings, read the same way by every packaging test."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest


def appstreamcli() -> str:
    path = shutil.which("appstreamcli")
    if path is None:
        pytest.skip("appstreamcli is not installed (packaging/dev/bootstrap.sh test installs it)")
    return path


def version() -> tuple[int, ...]:
    out = subprocess.run(
        [appstreamcli(), "--version"], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"(\d+)\.(\d+)\.(\d+)", out)
    assert match, out
    return tuple(int(part) for part in match.groups())


def issues(report: str) -> list[str]:
    """Every error, warning, info and pedantic line of a validation report (none is allowed)."""
    return [line.strip() for line in report.splitlines() if re.match(r"^\s*[EWIP]: ", line)]
