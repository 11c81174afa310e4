"""The whole app, built offscreen on a fake clock, and the two loads the soaks put on it.

- :class:`IpcLoad`: start/stop cycles sent over the control socket by a client thread, exactly
  as ``acumat start desk-break --sound none`` then ``acumat stop`` would, one connection each.
- :class:`WorkingDay`: a day at the desk on the fake clock, with a scripted idle source and a
  lock that can be set: sitting, natural breaks, reminders snoozed, followed and answered with
  "I moved", a lock over lunch, sessions started and finished, the night away.

Both are shared by the CI tests (``test_*_soak.py``) and the full-size benchmarks
(``tests/benchmarks/soak_*.py``). Sound is muted and every session has ``sound="none"``: no audio
device is needed.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from unittest import mock

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtDBus import QDBusConnection

from acumat_desktop.app import AcuMat, build, create_application
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.services.ipc_client import ControlClient
from acumat_desktop.services.paths import AppPaths, server_name
from acumat_desktop.services.presenting import PresentingDetector
from acumat_desktop.services.session_lock import SessionLockMonitor
from acumat_desktop.services.settings_store import LoadResult
from acumat_desktop.settings.model import WEEKDAYS, Settings

STEP_S = 20.0  # how often the working day looks at the idle source (fake seconds)


def build_app(clock: FakeClock, *, reminders: bool) -> AcuMat:
    """The app as ``acumat`` builds it, in the current XDG folders, sound muted."""
    paths = AppPaths.for_user()
    paths.ensure()
    settings = Settings.model_validate(
        {
            "session": {"countdown": "0s", "safety_note_seen": True},
            "sound": {"muted": True},
            "reminders": {
                "enabled": reminders,
                "quiet_hours": False,  # the fake clock's days start at 09:00 UTC, any zone
                "work_days": list(WEEKDAYS),
            },
        }
    )
    return build(create_application(), paths, LoadResult(settings), minimized=False, clock=clock)


def close_app(acumat: AcuMat) -> None:
    acumat.session.stop()
    acumat.window.allow_close()
    acumat.window.close()
    acumat.close()


# --- the control socket ---------------------------------------------------------------------------


class _Finished(QObject):
    """Carries the client thread's end into the GUI thread (a queued signal)."""

    done = Signal()


class IpcLoad:
    """Start/stop cycles from a client thread while the GUI thread serves them."""

    def __init__(self, acumat: AcuMat, routine: str = "desk-break") -> None:
        assert acumat.services.server.listen(), "the control server could not listen"
        self.acumat = acumat
        self.routine = routine
        self.name = server_name()
        self.errors: list[str] = []
        self.cycles_done = 0

    def _request(self, cmd: str, **args: object) -> Any:
        client = ControlClient(self.name, timeout_ms=10_000)
        try:
            reply = client.request(cmd, **args)
        finally:
            client.close()
        if not reply.ok:
            raise RuntimeError(f"{cmd}: {reply.code}: {reply.message}")
        return reply.result

    def _cycles(self, count: int, finished: _Finished) -> None:
        try:
            for _ in range(count):
                started = self._request("start", routine=self.routine, sound="none")
                assert started["state"] in ("running", "countdown"), started
                stopped = self._request("stop")
                assert stopped["state"] in ("idle", "stopped"), stopped
                self.cycles_done += 1
        except Exception as exc:  # reported by run(), in the GUI thread
            self.errors.append(f"after {self.cycles_done} cycles: {exc!r}")
        finally:
            finished.done.emit()

    def run(self, count: int, timeout_s: float = 300.0) -> None:
        """``count`` cycles; returns when the client thread is done, raising what it met."""
        finished = _Finished()
        loop = QEventLoop()
        finished.done.connect(loop.quit)
        guard = QTimer(singleShot=True, interval=int(timeout_s * 1000))
        guard.timeout.connect(loop.quit)
        thread = threading.Thread(target=self._cycles, args=(count, finished), daemon=True)
        guard.start()
        thread.start()
        loop.exec()
        guard.stop()
        thread.join(timeout=10)
        if thread.is_alive():
            raise TimeoutError(f"the client thread is stuck after {self.cycles_done} cycles")
        if self.errors:
            raise AssertionError("; ".join(self.errors))


# --- the working day ------------------------------------------------------------------------------


class ScriptedIdle:
    """An idle source that says what the script says: input now, or none since a moment."""

    name = "scripted"

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.active = True
        self.last_input = clock.monotonic()

    def available(self) -> bool:
        return True

    def idle_seconds(self) -> float | None:
        if self.active:
            self.last_input = self.clock.monotonic()
        return self.clock.monotonic() - self.last_input

    def close(self) -> None:
        pass


class OfflineLock(SessionLockMonitor):
    """The real lock monitor, on no bus: ``set_locked`` is the only way it changes."""

    def start(self) -> list[str]:
        return []


@dataclass
class Sources:
    idle: ScriptedIdle
    locks: list[OfflineLock] = field(default_factory=list)


@contextlib.contextmanager
def scripted_sources(clock: FakeClock) -> Iterator[Sources]:
    """While open, an app built gets the scripted idle source, an offline lock and no
    presenting check (the reminders feature's factories are replaced, nothing else)."""
    sources = Sources(ScriptedIdle(clock))
    dead = QDBusConnection.connectToBus("unix:path=/nonexistent", "acumat-soak-offline")

    def make_lock(*_args: object, **kwargs: Any) -> OfflineLock:
        lock = OfflineLock(dead, dead, kwargs.get("parent"))
        sources.locks.append(lock)
        return lock

    target = "acumat_desktop.wiring.reminders"
    with (
        mock.patch(f"{target}.create_idle_source", return_value=sources.idle),
        mock.patch(f"{target}.SessionLockMonitor", make_lock),
        mock.patch(f"{target}.create_presenting_detector", return_value=PresentingDetector([])),
    ):
        yield sources


@dataclass
class DayCounts:
    reminders: int = 0
    snoozed: int = 0
    followed: int = 0
    moved: int = 0
    sessions: int = 0


class WorkingDay:
    """Drives one app through working days on its fake clock."""

    def __init__(self, acumat: AcuMat, clock: FakeClock, sources: Sources) -> None:
        assert len(sources.locks) == 1, "build the app inside scripted_sources()"
        self.acumat = acumat
        self.clock = clock
        self.idle = sources.idle
        self.lock = sources.locks[0]
        self.monitor = acumat.reminders.monitor
        self.prompter = acumat.reminders.prompter
        self.counts = DayCounts()
        self._due = 0
        self.monitor.reminder_due.connect(self._on_due)

    def _on_due(self, _sitting_s: int) -> None:
        self._due += 1
        self.counts.reminders += 1

    def pass_time(self, minutes: float, *, active: bool) -> None:
        """Minutes of input (or of none), the monitor looking every ``STEP_S``."""
        self.idle.active = active
        for _ in range(round(minutes * 60 / STEP_S)):
            self.clock.advance(STEP_S)
            self.monitor.poll()

    def sit_until_reminded(self, most_minutes: float = 120) -> None:
        self._due = 0
        self.idle.active = True
        for _ in range(round(most_minutes * 60 / STEP_S)):
            self.clock.advance(STEP_S)
            self.monitor.poll()
            if self._due:
                assert self.prompter.shown_as == "popup", self.prompter.shown_as
                return
        raise AssertionError(f"no reminder in {most_minutes} minutes of sitting")

    def finish_session(self) -> None:
        """Let the running session reach its end on the fake clock."""
        engine = self.acumat.session.engine
        self.clock.advance(float(engine.snapshot()["planned_s"]) + 30)
        self.acumat.session.adjust(0)  # the engine reads the clock and finishes
        assert engine.state.value == "finished", engine.state
        self.counts.sessions += 1

    def day(self) -> None:
        """One day, 09:00 to 09:00 the next morning."""
        start = self.clock.now()
        self.sit_until_reminded()
        self.prompter.snooze()
        self.counts.snoozed += 1
        self.sit_until_reminded()
        self.prompter.start_desk_break()  # "Start a desk break": the reminder's own session
        self.counts.followed += 1
        self.finish_session()
        self.pass_time(40, active=True)
        self.pass_time(8, active=False)  # a natural break: the streak restarts
        self.lock.set_locked(True)  # lunch, the screen locked
        self.pass_time(45, active=False)
        self.lock.set_locked(False)
        self.sit_until_reminded()
        self.prompter.moved()  # "I just moved"
        self.counts.moved += 1
        self.pass_time(30, active=True)
        self.acumat.sessions.start("back-neck", minutes=15, sound="none")
        self.finish_session()
        self.pass_time(90, active=True)
        self.acumat.sessions.start("stress-release", sound="none")
        self.clock.advance(120)
        assert self.acumat.session.stop()  # stopped early
        self.counts.sessions += 1
        self.pass_time(60, active=True)
        self.idle.active = False  # home: the night, looked at every ten minutes
        while self.clock.now() < start + timedelta(days=1) - timedelta(minutes=10):
            self.clock.advance(600)
            self.monitor.poll()
        self.clock.advance((start + timedelta(days=1) - self.clock.now()).total_seconds())
        self.monitor.poll()
