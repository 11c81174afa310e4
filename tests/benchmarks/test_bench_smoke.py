"""The benchmark suite runs: every benchmark completes in ``--quick`` mode and writes its figures.

No figure is judged here (they are measured side by side with baselines, never in a unit test);
this only keeps the command that publishes docs/benchmarks.md working.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.benchmarks.gaps import FIGURES
from tests.harness.desktop import missing_tools

TOOLS = ("Xvfb", "trayer", "dbus-daemon", "pulseaudio", "pactl", "xwininfo", "xdotool")
ROOT = Path(__file__).resolve().parents[2]
SECTIONS = (
    "Start-up",
    "Idle in the tray",
    "Sessions",
    "Timer fidelity",
    "Storage",
    "History view",
    "Sound",
    "Command line",
)


@pytest.mark.e2e
def test_every_benchmark_completes_and_writes_its_file(tmp_path: Path) -> None:
    if missing := missing_tools(*TOOLS):
        pytest.skip(f"missing {', '.join(missing)}")
    out = tmp_path / "benchmarks.md"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.benchmarks.run",
            "--quick",
            "--out",
            str(out),
            "--json",
            str(out.with_suffix(".json")),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,  # a deadline for a hung run, not a timing: the quick run takes ~50 s
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    for section in SECTIONS:
        assert f"## {section}" in text, section
    assert "failed" not in text
    figures = json.loads(out.with_suffix(".json").read_text())
    assert len(figures) >= 16
    assert all(f["values"] for f in figures)
    keys = [f["key"] for f in figures]
    assert set(keys) <= FIGURES and len(set(keys)) == len(keys)
    assert "**Runs**" in text and "**Machine**" in text and "**Date**" in text
    hidden = next(f for f in figures if f["key"] == "hidden_layers")
    assert "GUI" in hidden["threads"]  # the threads behind the figure were watched
