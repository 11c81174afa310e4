"""Sessions: routines, the session page, history, tray controls and the session commands."""

from __future__ import annotations

import logging
import math
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction

from acumat_desktop.core.breathing import describe
from acumat_desktop.core.commands import CommandError
from acumat_desktop.core.protocol import Request
from acumat_desktop.core.session import (
    ACTIVE_STATES,
    FeelingNoted,
    Finished,
    SessionEvent,
    SessionState,
    SessionStateError,
    Stopped,
    Suspended,
    plan_from_routine,
)
from acumat_desktop.services.pattern_library import PatternLibrary
from acumat_desktop.services.routine_library import RoutineLibrary, UnknownRoutineError
from acumat_desktop.settings.model import Settings
from acumat_desktop.ui.session_view import SessionView
from acumat_desktop.wiring.history_commands import register_history_commands
from acumat_desktop.wiring.start_menu import StartMenu

if TYPE_CHECKING:
    from acumat_desktop.app import Parts

log = logging.getLogger(__name__)

TRAY_TICK_MAX_S = 30.0  # the tray's ring and tooltip need no finer updates than this


class SessionsFeature(QObject):
    def __init__(self, parts: Parts) -> None:
        super().__init__(parts.app)
        self.p = parts
        self.patterns = PatternLibrary(parts.paths.data / "patterns")
        for problem in self.patterns.problems:
            log.warning("breathing pattern skipped: %s", problem)
        # The pattern view is live: a patterns.reload is seen by routine validation and start.
        self.library = RoutineLibrary(
            user_dir=parts.paths.data / "routines", patterns=self.patterns.all()
        )
        for problem in self.library.problems:
            log.warning("routine skipped: %s", problem)
        self.history = parts.history  # shared with the reminders (build() shows its message)
        self._last_session_id: int | None = None
        self.pages: QObject | None = None  # the window's session pages (session_pages.py)
        self.view = SessionView(parts.session.engine, parts.window)
        parts.window.pages.addWidget(self.view)
        self._tray_timer = QTimer(self)
        self._tray_timer.setObjectName("trayTick")
        self._tray_timer.setSingleShot(True)
        self._tray_timer.timeout.connect(self._update_tray)
        self._build_tray()
        parts.session.state_changed.connect(self._on_state)
        parts.session.happened.connect(self._on_event)
        parts.settings.changed.connect(self._apply_settings)
        self._apply_settings(parts.settings.settings)
        self._register_commands()

    # ------------------------------------------------------------------ starting

    def start(
        self,
        routine_id: str,
        minutes: float | None = None,
        breathing: str | None = None,
        sound: str | None = None,
    ) -> None:
        """Start a routine; raises ValueError naming the problem."""
        try:
            routine = self.library.get(routine_id)
        except UnknownRoutineError as exc:
            known = ", ".join(sorted(self.library.ids()))
            raise ValueError(f"{exc}; known routines: {known}") from None
        settings = self.p.settings.settings
        plan = plan_from_routine(
            routine,
            minutes=minutes,
            breathing=breathing,
            sound=sound,
            countdown_s=settings.session.countdown.total_seconds(),
            patterns=self.patterns.all(),
        )
        if self.p.session.engine.state in ACTIVE_STATES:
            raise ValueError("a session is already running; stop it first")
        try:
            self.p.session.start(plan)
        except SessionStateError as exc:
            raise ValueError(str(exc)) from None
        self.p.window.pages.setCurrentWidget(self.view)
        self.p.window.bring_forward()

    # ------------------------------------------------------------------ events

    def _on_state(self, state: str) -> None:
        active = SessionState(state) in ACTIVE_STATES
        self.pause_action.setEnabled(active)
        self.stop_action.setEnabled(active)
        self.pause_action.setText(
            self.tr("Resume session") if state == "paused" else self.tr("Pause session")
        )
        self._update_tray()

    def _on_event(self, event: SessionEvent) -> None:
        if isinstance(event, Finished | Stopped):
            record = event.record
            if record.actual_s > 0:
                try:
                    self._last_session_id = self.history.save_session(record)
                except Exception:
                    log.exception("could not save the session to the history")
                self.start_menu.refresh()  # the routine is now among the recent ones
        elif isinstance(event, FeelingNoted) and self._last_session_id is not None:
            if event.record.feeling is not None:
                self.history.set_feeling(self._last_session_id, event.record.feeling)
        elif isinstance(event, Suspended) and self.p.tray is not None:
            self.p.tray.message(
                "AcuMat", self.tr("Your session was paused while the computer was asleep.")
            )

    def _apply_settings(self, settings: Settings) -> None:
        self.view.set_reduced_motion(settings.appearance.reduced_motion)
        self.view.set_eyes_closed(settings.session.eyes_closed)

    # ------------------------------------------------------------------ tray

    def _build_tray(self) -> None:
        self.start_menu = StartMenu(
            self.library, self.history, self.p.settings, self._start_from_menu, self
        )
        self.pause_action = QAction(self.tr("Pause session"), self)
        self.pause_action.triggered.connect(self._toggle_pause)
        self.stop_action = QAction(self.tr("Stop session"), self)
        self.stop_action.triggered.connect(self._stop)
        self.pause_action.setEnabled(False)
        self.stop_action.setEnabled(False)
        tray = self.p.tray
        if tray is not None:
            tray.add_menu("session", self.start_menu.menu)
            tray.add_action("session", self.pause_action)
            tray.add_action("session", self.stop_action)

    def _start_from_menu(self, routine_id: str) -> None:
        try:
            self.start(routine_id)
        except ValueError as exc:
            self.p.window.show_notice(str(exc))

    def _toggle_pause(self) -> None:
        if self.p.session.state is SessionState.PAUSED:
            self.p.session.resume()
        else:
            self.p.session.pause()

    def _stop(self) -> None:
        self.p.session.stop()

    def _update_tray(self) -> None:
        tray = self.p.tray
        engine = self.p.session.engine
        state = engine.state
        if state in ACTIVE_STATES and engine.total_s > 0:
            remaining = engine.remaining_s
            done = 1.0 - remaining / engine.total_s
            minutes = math.ceil(remaining / 60)
            text = self.tr("Session: %1 min left").replace("%1", str(minutes))
            if state is SessionState.PAUSED:
                text += self.tr(" (paused)")
            if tray is not None:
                tray.set_session_progress(done)
                tray.set_tooltip_line("session", text)
            if state is not SessionState.PAUSED:
                step = min(TRAY_TICK_MAX_S, max(1.0, engine.total_s / 48))
                self._tray_timer.start(int(step * 1000))
            else:
                self._tray_timer.stop()
            return
        self._tray_timer.stop()
        if tray is not None:
            tray.set_session_progress(None)
            tray.set_tooltip_line("session", None)

    # ------------------------------------------------------------------ commands

    def _register_commands(self) -> None:
        commands = self.p.commands
        commands.register("start", self._cmd_start)
        commands.register("pause", lambda args: self._cmd_simple(self.p.session.pause, "pause"))
        commands.register("resume", lambda args: self._cmd_simple(self.p.session.resume, "resume"))
        commands.register("stop", lambda args: self._cmd_simple(self.p.session.stop, "stop"))
        commands.register("routines", lambda args: [r.summary() for r in self.library.all()])
        commands.register("patterns", lambda args: describe(self.patterns.all().values()))
        commands.register("patterns.reload", lambda args: self.reload_patterns())
        register_history_commands(commands, self.history)

    def reload_patterns(self) -> dict[str, Any]:
        """Read the pattern folder again (after ``acumat patterns import``), then the routines,
        whose validation knows the pattern ids. The picker's and editor's pattern lists are built
        when the window is; they show a new pattern at the next start."""
        problems = self.patterns.reload()
        for problem in problems:
            log.warning("breathing pattern skipped: %s", problem)
        self.library.reload()
        self.start_menu.refresh()
        return {"patterns": sorted(self.patterns.all()), "problems": problems}

    def _cmd_start(self, args: dict[str, Any]) -> Any:
        routine = args.get("routine")
        if not isinstance(routine, str) or not routine:
            raise CommandError("'routine' must be a routine id (see 'acumat routines')")
        minutes = args.get("minutes")
        if minutes is not None and (
            isinstance(minutes, bool) or not isinstance(minutes, int | float)
        ):
            raise CommandError("'minutes' must be a number")
        sound = args.get("sound")
        if sound is not None and not isinstance(sound, str):
            raise CommandError("'sound' must be a soundscape id, a mix or 'none'")
        self._check_sound(sound)
        try:
            self.start(routine, minutes, args.get("breathing"), sound)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        return self.p.session.engine.snapshot()

    def _check_sound(self, sound: str | None) -> None:
        """A plain soundscape id must exist; mixes (``rain:0.7,wind:0.3``) are the sound
        feature's to resolve."""
        if sound is None or sound == "none" or "," in sound or ":" in sound:
            return
        if "sounds" not in self.p.commands.names():
            return
        known = {row["id"] for row in self.p.commands.dispatch(Request("sounds"))}
        if sound not in known:
            raise CommandError(
                f"unknown soundscape {sound!r}; use one of {', '.join(sorted(known))} or none"
            )

    def _cmd_simple(self, action: Any, name: str) -> Any:
        if not action():
            state = self.p.session.engine.state.value
            raise CommandError(f"cannot {name}: the session is {state}")
        return self.p.session.engine.snapshot()


def wire(parts: Parts) -> SessionsFeature:
    from acumat_desktop.wiring.session_pages import SessionPages

    feature = SessionsFeature(parts)
    feature.pages = SessionPages(parts, feature)
    return feature
