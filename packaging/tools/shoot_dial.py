"""Render the breathing dial to PNG files for people to look at (not part of the app).

    .venv/bin/python packaging/tools/shoot_dial.py [OUT_DIR]      # default /tmp/acumat-dial

Writes the dial mid-inhale and mid-exhale in a light and a dark palette, plus reduced-motion and
eyes-closed variants and a paused dial. Runs offscreen; nothing is shown. For a high-DPI check
run it with ``QT_SCALE_FACTOR=2`` (the PNGs then have twice the pixels).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a source checkout

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from acumat_desktop.core.breathing import BUILTIN_PATTERNS, phase_at
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.session import SessionEngine, SessionPlan
from acumat_desktop.ui.session_view import SessionView
from acumat_desktop.ui.theme import apply_theme
from acumat_desktop.ui.widgets.breath_dial import BreathDial
from acumat_desktop.ui.widgets.dial_frame import DialFrame


def _constant(frame: DialFrame) -> Callable[[], DialFrame]:
    return lambda: frame


def _session_view(t: float) -> SessionView:
    """The whole session page, ``t`` seconds into a 20-minute resonance session."""
    clock = FakeClock()
    engine = SessionEngine(clock)
    engine.start(
        SessionPlan("stress-release", "Stress release", 20 * 60, BUILTIN_PATTERNS["resonance"])
    )
    clock.advance(30 * 11.0 + t)  # 30 whole resonance breaths, then t into the next
    view = SessionView(engine, confirm_stop=lambda parent: False)
    view.resize(520, 600)
    view.dial.refresh()
    return view


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path("/tmp/acumat-dial")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(argv[:1])
    assert isinstance(app, QApplication)
    pattern = BUILTIN_PATTERNS["resonance"]
    moments = {"inhale": 2.75, "full": 5.5, "exhale": 5.5 + 4.5}
    written: list[Path] = []
    for theme in ("light", "dark"):
        apply_theme(app, theme)  # the app's own Fusion palette and style sheet
        for moment, t in moments.items():
            for variant in ("normal", "reduced", "eyes-closed"):
                if variant != "normal" and moment == "full":
                    continue
                frame = DialFrame(
                    remaining_s=14 * 60 + 32.4,
                    total_s=20 * 60,
                    breath=phase_at(pattern, t),
                    label="Stress release",
                )
                dial = BreathDial(_constant(frame))
                dial.set_reduced_motion(variant == "reduced")
                dial.set_eyes_closed(variant == "eyes-closed")
                dial.resize(420, 420)
                dial.refresh()
                path = out / f"dial-{theme}-{moment}-{variant}.png"
                dial.grab().save(str(path))
                written.append(path)
        view = _session_view(t=2.75)
        view.grab().save(str(out / f"view-{theme}-inhale.png"))
        paused = BreathDial(
            lambda: DialFrame(5 * 60 + 3, 20 * 60, phase_at(pattern, 7.0), True, "Sleep")
        )
        paused.resize(420, 420)
        paused.refresh()
        paused.grab().save(str(out / f"dial-{theme}-paused.png"))
    dpr = QGuiApplication.primaryScreen().devicePixelRatio()
    sys.stderr.write(f"screen device pixel ratio {dpr}; wrote {len(written) + 2} files to {out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
