"""What the report says beside the numbers, kept as data next to the benchmarks.

``GAPS``: for a figure whose goal is not met, its measured cause and what would close it (shown
only when that run misses the goal). ``WHY``: for a figure without a bare baseline or without a
goal, what it is compared against and why (always shown). Both are keyed by ``Figure.key``.

The texts may quote the run's own readings: ``{value}``, ``{ratio}``, ``{baseline}``,
``{threads}`` (the figure's thread breakdown, largest first) and every ``Figure.extra`` key.
Figures measured apart (not by this run) say so and when; update them when they are measured
again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Every figure the benchmarks make, by key (the frozen status and the timer's end error only in
# some runs); the smoke test checks a run makes no other.
FIGURES = frozenset(
    {
        "startup_tray",
        "startup_window",
        "idle_cpu",
        "idle_wakeups",
        "idle_pss",
        "shown",
        "hidden_silent",
        "hidden_layers",
        "timer_session_cpu",
        "timer_end",
        "timer_remaining",
        "mixer",
        "generators",
        "settings_save",
        "history_insert",
        "history_view",
        "status",
        "status_frozen",
    }
)


@dataclass(frozen=True)
class Gap:
    cause: str
    closing: str


GAPS: dict[str, Gap] = {
    "startup_tray": Gap(
        cause="The bare app imports PySide6 and builds an icon; AcuMat also imports what its "
        "tray-first start needs before the icon (`app.py`, `app_front.py`), measured apart "
        "with `python -X importtime` (2026-11-30, inflated by the measuring): the rotating log "
        "file's `logging.handlers` ~6 ms, the folders (`platformdirs`, `hashlib` for the "
        "socket's name) ~6.5 ms, the tray and its icon ~5.7 ms, the single-instance check and "
        "its protocol ~4.3 ms, the early language read ~3.2 ms; then it reads the settings "
        "file's language and loads the translation before the menu speaks. The milliseconds "
        "of both apps swing by a third between runs on this machine (the bare app took "
        "106–162 ms in runs of 2026-11-30), so one run's ratio sits on either side of 1.3.",
        closing="Fewer imports before the icon: the log file rotated by a handler imported "
        "after the icon, the socket's name without `hashlib`, the single-instance client's "
        "protocol parsed without `json`'s and `dataclasses`' imports.",
    ),
    "idle_cpu": Gap(
        cause="By thread in this run: {threads}.",
        closing="Whatever thread leads the list: a timer that fires with nothing to do.",
    ),
    "idle_wakeups": Gap(
        cause="By thread in this run: {threads}. The bare PySide6 tray app wakes "
        "{baseline:.2g} /s in the same run (its 1 Hz timer on the GUI thread).",
        closing="A timer of the thread that leads the list armed for the next decision "
        "instead of a period, or an event from the desktop instead of a poll (idle watches, "
        "D-Bus signals).",
    ),
    "idle_pss": Gap(
        cause="Private memory (pages no other process shares) is {private:.1f} MB against the "
        "bare app's {bare_private:.1f} MB in this run; the rest of PSS is Qt's shared pages, "
        "alike in both. Where AcuMat's private megabytes go, measured apart step by step in "
        "the real start (2026-11-30, after PySide6's cached module sources, ~10 MB, were "
        "dropped): ~20 MB before the icon (Python, PySide6 and the start's own imports; the "
        "bare app's whole private memory is ~17.5 MB), the tray icon's first paint on X11 "
        "+3.7 MB, pydantic and the settings model +4.3 MB (2.4 MB of it importlib.metadata, "
        "which pydantic's plugin loader imports even with plugins disabled), building the "
        "features +7 MB in pieces of 0.4–1.2 MB (page libraries 1.2, sound 0.9, window and "
        "theme ~1.0, session view 0.6, reminders 0.5, media 0.4).",
        closing="No single item closes it. pydantic is a required part of the stack and the "
        "settings must be validated before use; keeping its plugin loader out (-2.4 MB) would "
        "mean replacing a private pydantic module. The rest is about half of the features "
        "built only on first use (sound, media, page libraries), ~1 MB each.",
    ),
    "shown": Gap(
        cause="By thread in this run: {threads}. The dial paints only when a pixel would "
        "change (the shape's rectangle once its edge has moved a device pixel), so its cost "
        "follows the breath: most mid-inhale, least in a slow exhale or a hold (hence whole "
        "breaths are measured); the bare circle paints one flat disc every frame.",
        closing="A cheaper paint of the moving shape's rectangle (the GUI thread's share above; "
        "`python -m tests.benchmarks.shown_pairs` measures it pair by pair).",
    ),
    "hidden_layers": Gap(
        cause="By thread in this run: {threads}. The sound generator synthesises the four "
        "layers live (alone, in process: see the Sound section); the audio feeder mixes and "
        "writes to PulseAudio once per 150 ms request. The same code spreads by a quarter "
        "between runs on a shared machine; the layers' dice move it by ±5 % (30 seeds).",
        closing="Cheaper generators (the largest layer first), or the 90 s rendered loops "
        "(copying costs ~0, at 17 MB of memory per layer).",
    ),
    "timer_session_cpu": Gap(
        cause="The same session as the hidden four-layer figure, over the whole session. By "
        "thread in this run: {threads}.",
        closing="As for the hidden four-layer session.",
    ),
    "status": Gap(
        cause="Python's start-up and the client's imports before it connects: the bare client "
        "is one small script, `acumat` goes through its console-script entry point and "
        "package imports first.",
        closing="A smaller import path before the socket (see `cli/fast_status.py`).",
    ),
    "status_frozen": Gap(
        cause="The frozen bundle's bootloader unpacks and starts its own interpreter before "
        "the first runtime hook answers.",
        closing="A lighter bundle start (fewer runtime hooks before the status hook).",
    ),
}

WHY: dict[str, str] = {
    "startup_window": "The issue sets no goal for it. A start to the window builds what the "
    "tray start defers; measured apart step by step (2026-11-30): the settings model ~70 ms, "
    "the services ~50, the feature imports ~70, building the features ~80 (sound 31), the home "
    "page ~50. Pages and features built on first show would close most of it.",
    "hidden_silent": "No bare baseline: a hidden session has nothing to compare to; the goal "
    "is absolute (the issue's 2 % of a core).",
    "hidden_layers": "No bare baseline: the goal is absolute (2 % of a core, shared with the "
    "sound issue).",
    "mixer": "No bare baseline: the goal is absolute; the mixer is measured alone, in "
    "process, with the layers as ready loops.",
    "generators": "No goal of its own: it shows how much of the four-layer session is synthesis.",
    "timer_end": "Against this process's monotonic clock, from the moment the start was "
    "asked; no baseline is needed.",
    "timer_remaining": "Against this process's monotonic clock; no baseline is needed.",
    "settings_save": "An absolute goal: a save must never be felt (50 ms); fsync dominates.",
    "history_insert": "An absolute goal: a session's end must never be felt (50 ms).",
    "history_view": "The issue's goal (< 200 ms), absolute; measured offscreen in process.",
}


def fill(text: str, values: dict[str, object]) -> str:
    """``text`` with the run's readings put in; a reading the run lacks shows as "?"."""
    try:
        return text.format_map(values)
    except (KeyError, ValueError, TypeError, IndexError):
        return re.sub(r"\{[^{}]*\}", "?", text)
