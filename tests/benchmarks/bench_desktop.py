"""The figures that need a desktop: start-up, idle cost, sessions, timer fidelity, the CLI.

Each measures AcuMat and, where there is one, its bare baseline side by side in the same run;
``Plan`` sets how long and how often (``--quick`` shortens everything for the smoke test).
"""

from __future__ import annotations

import functools
import os
import subprocess
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from acumat_desktop.core.breathing import BUILTIN_PATTERNS
from tests.benchmarks.apps import ACUMAT, ACUMAT_CLASS, BARE_CLASS, HERE, PYTHON, Apps, timed_start
from tests.benchmarks.figures import (
    Figure,
    Window,
    median,
    median_threads,
    smaps_mb,
    threads_text,
)

FOUR_LAYERS = "rain:0.8,ocean:0.6,wind:0.5,singing-bowls:0.4"
ROUTINE = "first-time"  # 5-10 minutes
ROUTINES = HERE.parents[1] / "resources" / "routines"


@functools.cache
def breath_s(routine: str = ROUTINE) -> float:
    """One breath of ``routine``'s breathing pattern, in seconds. The shown dial's cost follows
    the breath (it paints when the shape's edge moves a pixel: most often mid-inhale, seldom in
    a slow exhale, never in a hold), so a shown session is measured over whole breaths."""
    text = (ROUTINES / f"{routine}.toml").read_text(encoding="utf-8")
    return BUILTIN_PATTERNS[tomllib.loads(text)["breathing"]].cycle_seconds


def whole_breaths(seconds: float, breath: float) -> float:
    """``seconds`` rounded to a whole number of breaths of ``breath`` seconds, at least one."""
    return max(1, round(seconds / breath)) * breath


@dataclass(frozen=True)
class Plan:
    runs: int = 5
    idle_runs: int = 3
    settle_s: float = 15.0  # after start-up, before an idle window (start-up work ends first)
    idle_s: float = 60.0
    session_s: float = 20.0
    status_pairs: int = 20
    timer_minutes: int = 5  # 0: sample a short stretch only (quick)
    quick: bool = False

    def describe(self) -> str:
        """How many runs of what length, for the report's header."""
        timer = (
            f"a real {self.timer_minutes}-minute session"
            if self.timer_minutes
            else (f"{self.session_s:g} s of a session (no end)")
        )
        return (
            f"{self.runs} start-up pairs (after a cold pass), {self.idle_runs} idle pairs of "
            f"{self.idle_s:g} s after {self.settle_s:g} s settling, "
            f"{self.shown_runs} shown-session pairs of {self.shown_s:g} s (whole breaths), "
            f"{self.idle_runs} hidden sessions of {self.session_s:g} s, {self.status_pairs} "
            f"status pairs, timer over {timer}"
        )

    @property
    def shown_s(self) -> float:
        """The shown session's span: ``session_s`` in whole breaths (the dial's cost follows the
        breath; two seconds of a quick run would see only part of one)."""
        return whole_breaths(self.session_s, breath_s())

    @property
    def shown_runs(self) -> int:
        return self.runs if self.quick else max(3, self.runs // 2)


QUICK = Plan(
    runs=1,
    idle_runs=1,
    settle_s=1.5,
    idle_s=2.0,
    session_s=2.0,
    status_pairs=3,
    timer_minutes=0,
    quick=True,
)


# -- start-up ------------------------------------------------------------------------------------
def startup(apps: Apps, plan: Plan) -> list[Figure]:
    tray: tuple[list[float], list[float]] = ([], [])
    shown: tuple[list[float], list[float]] = ([], [])
    if not plan.quick:  # a cold pass fills the page cache and renders the default sound once
        _acumat_to(apps, "--minimized")
        _bare_to(apps, tray=True)
    for _ in range(plan.runs):
        tray[0].append(_acumat_to(apps, "--minimized"))
        tray[1].append(_bare_to(apps, tray=True))
        shown[0].append(_acumat_to(apps))
        shown[1].append(_bare_to(apps, tray=False))
    return [
        Figure(
            "Start-up",
            "start to tray icon (warm)",
            "ms",
            tray[0],
            tray[1],
            "bare PySide6 tray",
            ("ratio", 1.3),
            key="startup_tray",
        ),
        Figure(
            "Start-up",
            "start to window shown (warm)",
            "ms",
            shown[0],
            shown[1],
            "bare PySide6 tray, window shown",
            None,
            key="startup_window",
        ),
    ]


def _acumat_to(apps: Apps, *args: str) -> float:
    apps.wait_no_icons()
    start = time.monotonic()
    proc = apps.launch_acumat(*args)
    if args:
        apps.wait_icon(ACUMAT_CLASS)
    else:
        apps.wait_window("AcuMat")
    elapsed = timed_start(start)
    apps.wait_running()
    apps.quit_acumat(proc)
    return elapsed


def _bare_to(apps: Apps, *, tray: bool) -> float:
    apps.wait_no_icons()
    start = time.monotonic()
    proc = apps.launch_script("bare_tray.py", *(() if tray else ("--show",)))
    if tray:
        apps.wait_icon(BARE_CLASS)
    else:
        apps.wait_window("bare-window")
    elapsed = timed_start(start)
    apps.stop(proc)
    return elapsed


# -- idle ----------------------------------------------------------------------------------------
@dataclass
class Quiet:
    """One idle span of one process: CPU, wakeups, memory, and the threads behind them."""

    cpu: float
    wake: float
    pss: float
    private: float
    cpu_threads: dict[str, float]
    wake_threads: dict[str, float]


def idle(apps: Apps, plan: Plan) -> list[Figure]:
    """AcuMat in the tray with reminders on, then the bare tray app, each alone (PSS splits the
    pages two processes share, so they never run at the same time)."""
    ours: list[Quiet] = []
    bare: list[Quiet] = []
    for _ in range(plan.idle_runs):
        app = apps.launch_acumat("--minimized")
        apps.wait_running()
        apps.cli("reminders", "on")
        ours.append(quiet(app.pid, plan))
        apps.quit_acumat(app)
        proc = apps.launch_script("bare_tray.py")
        apps.wait_icon(BARE_CLASS)
        bare.append(quiet(proc.pid, plan))
        apps.stop(proc)
    return _idle_figures(ours, bare, plan)


def _idle_figures(ours: list[Quiet], bare: list[Quiet], plan: Plan) -> list[Figure]:
    span = f"over {plan.idle_s:g} s, reminders on, nothing happening"
    base = "bare PySide6 tray"
    private = {
        "private": median([q.private for q in ours]),
        "bare_private": median([q.private for q in bare]),
    }
    return [
        Figure(
            "Idle in the tray",
            "CPU",
            "% of a core",
            [q.cpu for q in ours],
            [q.cpu for q in bare],
            base,
            ("ratio", 1.0),
            span,
            key="idle_cpu",
            threads=median_threads([q.cpu_threads for q in ours]),
        ),
        Figure(
            "Idle in the tray",
            "wakeups (voluntary context switches, all threads)",
            "/s",
            [q.wake for q in ours],
            [q.wake for q in bare],
            base,
            ("max", 0.2),
            f"{span}; the bare app by thread: "
            + threads_text(median_threads([q.wake_threads for q in bare]), "/s"),
            key="idle_wakeups",
            threads=median_threads([q.wake_threads for q in ours]),
        ),
        Figure(
            "Idle in the tray",
            "PSS",
            "MB",
            [q.pss for q in ours],
            [q.pss for q in bare],
            base,
            ("ratio", 1.25),
            f"at the end of the idle span; private memory {private['private']:.1f} MB "
            f"(bare {private['bare_private']:.1f} MB)",
            key="idle_pss",
            extra=private,
        ),
    ]


def quiet(pid: int, plan: Plan) -> Quiet:
    """The idle span of process ``pid``, after the start-up work settled."""
    time.sleep(plan.settle_s)  # the measured quiet begins after start-up work
    window = Window(pid)
    cpu, wakeups = window.over(plan.idle_s)
    return Quiet(
        cpu,
        wakeups,
        smaps_mb(pid),
        smaps_mb(pid, "Private"),
        window.by_thread("cpu"),
        window.by_thread("wake"),
    )


# -- sessions ------------------------------------------------------------------------------------
def session_shown(apps: Apps, plan: Plan) -> list[Figure]:
    """The session page animating in a shown window against a 60 fps circle."""
    app_cpu: list[float] = []
    bare_cpu: list[float] = []
    threads: list[dict[str, float]] = []
    for _ in range(plan.shown_runs):
        app = apps.launch_acumat()
        apps.wait_window("AcuMat")
        apps.wait_running()
        apps.request("start", routine=ROUTINE, minutes=10, sound="none")
        window = _cpu_over(app.pid, plan, plan.shown_s)
        app_cpu.append(window.stop_cpu)
        threads.append(window.by_thread("cpu"))
        apps.request("stop")
        apps.quit_acumat(app)
        bare = apps.launch_script("bare_circle.py")
        apps.wait_window("bare-circle")
        bare_cpu.append(_cpu_over(bare.pid, plan, plan.shown_s).stop_cpu)
        apps.stop(bare)
    return [
        Figure(
            "Sessions",
            "session animating, window shown, no sound",
            "% of a core",
            app_cpu,
            bare_cpu,
            "bare 400×400 circle at 60 fps",
            ("ratio", 1.5),
            f"over {plan.shown_s / breath_s():g} whole breaths ({plan.shown_s:g} s) a run",
            key="shown",
            threads=median_threads(threads),
        )
    ]


def session_hidden(apps: Apps, plan: Plan) -> list[Figure]:
    """A session with its window closed to the tray, without sound and with four layers +
    cues."""
    runs: dict[str, tuple[list[float], list[dict[str, float]]]] = {
        "none": ([], []),
        FOUR_LAYERS: ([], []),
    }
    app = apps.launch_acumat("--minimized")
    apps.wait_running()
    warm_sounds(apps, plan)
    for _ in range(plan.idle_runs):
        for sound, (cpu, threads) in runs.items():
            apps.request("start", routine=ROUTINE, minutes=10, sound=sound)
            apps.wait_window("AcuMat")  # a session started from the command line shows it
            apps.close_to_tray()
            window = _cpu_over(app.pid, plan)
            cpu.append(window.stop_cpu)
            threads.append(window.by_thread("cpu"))
            apps.request("stop")
    apps.quit_acumat(app)
    (silent, silent_threads), (layers, layer_threads) = runs.values()
    return [
        Figure(
            "Sessions",
            "session, window hidden, no sound",
            "% of a core",
            silent,
            goal=("max", 2.0),
            key="hidden_silent",
            threads=median_threads(silent_threads),
        ),
        Figure(
            "Sessions",
            "session, window hidden, 4 layers + cues (whole app)",
            "% of a core",
            layers,
            goal=("max", 2.0),
            note="PulseAudio null sink",
            key="hidden_layers",
            threads=median_threads(layer_threads),
        ),
    ]


def warm_sounds(apps: Apps, plan: Plan) -> None:
    """The first use of a soundscape renders it into the cache; a user's every day does not."""
    apps.request("start", routine=ROUTINE, minutes=10, sound=FOUR_LAYERS)
    time.sleep(plan.settle_s)  # long enough for the four renders to land in the cache
    apps.request("stop")


def _cpu_over(pid: int, plan: Plan, seconds: float | None = None) -> Window:
    """A window watched over ``seconds`` (the session span unless given; ``stop_cpu`` its CPU %,
    ``by_thread`` the rest), after the page, the sound and the fade-in settled."""
    time.sleep(min(3.0, plan.settle_s))  # the page, the sound render and the fade-in settle
    window = Window(pid)
    window.over(plan.session_s if seconds is None else seconds)
    return window


# -- status --------------------------------------------------------------------------------------
def frozen_acumat() -> str | None:
    """The .deb's frozen ``acumat`` (what a status bar runs where it is installed):
    ``$ACUMAT_BENCH_FROZEN`` (e.g. an unpacked package's ``usr/bin/acumat``), else
    /usr/bin/acumat when it is the bundle's, else None."""
    named = os.environ.get("ACUMAT_BENCH_FROZEN")
    if named:
        return named
    installed = Path("/usr/bin/acumat")
    if installed.exists() and "acumat-desktop" in str(installed.resolve()):
        return str(installed)
    return None


def status_round_trip(apps: Apps, plan: Plan) -> list[Figure]:
    """The venv's console script and, where there is one, the frozen build: each against the
    bare client right after it."""
    app = apps.launch_acumat("--minimized")
    apps.wait_running()
    path = apps.socket_path()
    clients = {"status": ("`acumat status --json` round trip", ACUMAT)}
    frozen = frozen_acumat()
    if frozen is not None:
        clients["status_frozen"] = ("`acumat status --json` round trip, frozen (.deb)", frozen)
    runs: dict[str, tuple[list[float], list[float]]] = {key: ([], []) for key in clients}
    for _ in range(plan.status_pairs):
        for key, (_, client) in clients.items():
            runs[key][0].append(_timed([client, "status", "--json"], apps))
            runs[key][1].append(_timed([PYTHON, str(HERE / "bare_status_client.py"), path], apps))
    apps.quit_acumat(app)
    return [
        Figure(
            "Command line",
            clients[key][0],
            "ms",
            ours,
            bare,
            "python3 connecting to the socket, reading one line",
            ("ratio", 2.0),
            key=key,
        )
        for key, (ours, bare) in runs.items()
    ]


def _timed(args: list[str], apps: Apps) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=apps.env, capture_output=True, check=True, timeout=30)
    return (time.perf_counter() - start) * 1000
