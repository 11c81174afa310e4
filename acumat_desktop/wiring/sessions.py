"""Sessions: routines, the session page, history, tray controls and the session commands.

The session page (the dial) is built when first needed: when a session starts while the window
shows, or when the window shows while one runs. A start to the tray, and a session run from the
tray with the window hidden, never build it; built mid-session it takes up the session as it
is (``core/session_notes.py``)."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer

from acumat_desktop.core.acclimation import MinutesChoice, choose_minutes, weekly_plan
from acumat_desktop.core.breathing import Ramp, describe
from acumat_desktop.core.clock import Clock, SystemClock
from acumat_desktop.core.commands import CommandError, CommandRegistry
from acumat_desktop.core.history import SessionRecord
from acumat_desktop.core.routines import Routine
from acumat_desktop.core.session import (
    ACTIVE_STATES,
    Adjusted,
    CountdownOver,
    FeelingNoted,
    Finished,
    Paused,
    Resumed,
    SessionEvent,
    SessionState,
    SessionStateError,
    Started,
    Stopped,
    Suspended,
    plan_from_routine,
)
from acumat_desktop.core.session_notes import LastNote
from acumat_desktop.services.history_store import HistoryStore
from acumat_desktop.services.pattern_library import PatternLibrary
from acumat_desktop.services.routine_library import RoutineLibrary, UnknownRoutineError
from acumat_desktop.services.session_service import WATCHDOG_S, SessionService
from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.settings.model import Settings
from acumat_desktop.ui.main_window import MainWindow
from acumat_desktop.ui.session_actions import SessionActions
from acumat_desktop.ui.tray import TooltipLine, Tray, TraySection
from acumat_desktop.wiring.history_commands import register_history_commands
from acumat_desktop.wiring.links import Links
from acumat_desktop.wiring.ports import SoundLister
from acumat_desktop.wiring.start_menu import StartMenu

if TYPE_CHECKING:  # built when first needed (its module too: the dial's painting is large)
    from acumat_desktop.ui.session_view import SessionView

log = logging.getLogger(__name__)

# One tick while a session runs (not while paused): the tray's ring and tooltip move with it,
# the running session is written to the history when the next tick would be too late, and the
# engine is polled, which keeps the session service's watchdog (WATCHDOG_S) from waking on its
# own. The ring needs no finer steps than 1/48 of the session; the watchdog no coarser ones
# (the tick is a coarse timer, up to 5 % late, and must still come before the watchdog).
TRAY_TICK_MAX_S = 0.9 * WATCHDOG_S
LAST_ROUTINE = "last"  # `acumat start last`: the routine done last
CHECKPOINT_S = 30.0  # a running session is written at least this often (and at each pause)
HISTORY_RETRY_MS = 30_000  # a history that cannot be written is tried again this often


class SessionsFeature(QObject):
    """Routines and patterns, starting a session, its page, its tray entries, its history and
    its commands. Everything that starts a session comes through :meth:`start`."""

    def __init__(
        self,
        *,
        parent: QObject,
        data_dir: Path,
        settings: SettingsService,
        session: SessionService,
        history: HistoryStore,
        window: MainWindow,
        tray: Tray | None,
        commands: CommandRegistry,
        sounds: SoundLister,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock: Clock = clock if clock is not None else SystemClock()
        self._settings = settings
        self._session = session
        self._window = window
        self._tray = tray
        self._commands = commands
        self._sounds = sounds
        self._links = Links()  # cut at shutdown
        self.patterns = PatternLibrary(data_dir / "patterns")
        for problem in self.patterns.problems:
            log.warning("breathing pattern skipped: %s", problem)
        # The pattern view is live: a patterns.reload is seen by routine validation and start.
        self.library = RoutineLibrary(user_dir=data_dir / "routines", patterns=self.patterns.all())
        for problem in self.library.problems:
            log.warning("routine skipped: %s", problem)
        self.history = history  # shared with the reminders (build() shows its message)
        self._last_session_id: int | None = None
        self._running_id: int | None = None  # the history row of the session that runs
        self._checkpointed_at: float | None = None  # monotonic; None: no running row kept
        self._history_retry = QTimer(self)
        self._history_retry.setObjectName("historyRetry")
        self._history_retry.setInterval(HISTORY_RETRY_MS)
        self._history_retry.timeout.connect(self._retry_history)
        history.on_message = self._on_history_message
        if history.in_trouble:  # could not be opened at start-up
            self._history_retry.start()
        # One set of session actions for the page's buttons and keys, the tray and the menus.
        self.session_actions = SessionActions(session, self, confirm_stop=self._confirm_stop)
        self._view: SessionView | None = None
        self._view_hooks: list[Callable[[SessionView], None]] = []
        self._last_note = LastNote(session.engine.clock)  # what a page built late takes up
        window.installEventFilter(self)  # the page comes as the window shows during a session
        self._tray_timer = QTimer(self)
        self._tray_timer.setObjectName("trayTick")
        self._tray_timer.setSingleShot(True)
        self._tray_timer.timeout.connect(self._tick)
        self._build_tray()
        self._links.connect(session.state_changed, self._on_state)
        self._links.connect(session.happened, self._on_event)
        self._links.connect(settings.changed, self._apply_settings)
        self._register_commands()

    def shutdown(self) -> None:
        """The app quits: nothing outside reaches this feature or its page any more, and its
        timers stop (a window deleted later is never touched)."""
        self._links.cut()
        self._tray_timer.stop()
        self._history_retry.stop()
        self.history.on_message = None
        self._window.removeEventFilter(self)
        self._view_hooks.clear()

    # ------------------------------------------------------------------ the session page

    @property
    def view(self) -> SessionView:
        """The session page, built now if it was not yet."""
        if self._view is None:
            self._view = self._build_view()
            for hook in self._view_hooks:
                hook(self._view)
            self._view_hooks.clear()
        return self._view

    @property
    def view_built(self) -> bool:
        return self._view is not None

    def when_view_built(self, hook: Callable[[SessionView], None]) -> None:
        """Call ``hook`` with the session page once it is built (now, if it is)."""
        if self._view is not None:
            hook(self._view)
        else:
            self._view_hooks.append(hook)

    def _build_view(self) -> SessionView:
        from acumat_desktop.ui.session_view import SessionView

        self._window.removeEventFilter(self)
        view = SessionView(
            self._session.engine,
            self.session_actions,
            self._window,
            last_note=self._last_note.since(),
        )
        self._window.pages.addWidget(view)
        settings = self._settings.settings
        view.set_reduced_motion(settings.appearance.reduced_motion)
        view.set_eyes_closed(settings.session.eyes_closed)
        log.debug("session page built (session %s)", self._session.engine.state.value)
        return view

    def show_view(self) -> None:
        """Make the session page the window's page: now if it is built or the window shows,
        else as the window shows (a session run from the tray with the window hidden needs
        no page)."""
        if self._view is not None or self._window.isVisible():
            self._window.pages.setCurrentWidget(self.view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._window
            and event.type() == QEvent.Type.Show
            and self._session.engine.state in ACTIVE_STATES
        ):
            self._window.pages.setCurrentWidget(self.view)  # before the window maps
        return False

    # ------------------------------------------------------------------ starting

    def start(
        self,
        routine_id: str,
        minutes: float | None = None,
        breathing: str | None = None,
        sound: str | None = None,
    ) -> None:
        """Start a routine; raises ValueError naming the problem. Without ``minutes`` the
        session runs as :meth:`minutes_for` says (last chosen or default, within the week's
        acclimation cap); minutes given here that differ from it are remembered for the routine."""
        routine = self._routine(routine_id)
        if sound is not None:
            self._sounds.check_sound(sound)
        settings = self._settings.settings
        choice = self.minutes_for(routine_id)
        plan = plan_from_routine(
            routine,
            minutes=choice.minutes if minutes is None else minutes,
            breathing=breathing,
            sound=sound,
            countdown_s=settings.session.countdown.total_seconds(),
            ramp=Ramp() if routine_id in settings.session.ramp_routines else None,
            patterns=self.patterns.all(),
        )
        if self._session.engine.state in ACTIVE_STATES:
            raise ValueError("a session is already running; stop it first")
        try:
            self._session.start(plan)
        except SessionStateError as exc:
            raise ValueError(str(exc)) from None
        if minutes is not None and minutes != choice.minutes:
            self._remember_minutes(routine_id, minutes)
        self.show_view()
        self._window.bring_forward()

    def minutes_for(self, routine_id: str) -> MinutesChoice:
        """The minutes a start of ``routine_id`` without minutes would use, and why."""
        return self.minutes_chooser()(routine_id)

    def minutes_chooser(self) -> Callable[[str], MinutesChoice]:
        """:meth:`minutes_for` for many routines at once (the history is read once)."""
        session = self._settings.settings.session
        try:
            days = self.history.session_days()
        except Exception:  # a broken history must not stop a start: no plan week known
            log.exception("could not read the session days for the acclimation plan")
            days = []
        first = min(days) if days else None
        today = self._clock.now().date()
        plan = weekly_plan(session.acclimation_step)

        def choose(routine_id: str) -> MinutesChoice:
            return choose_minutes(
                self._routine(routine_id),
                last_used=session.last_minutes.get(routine_id),
                acclimation=session.acclimation,
                first_session=first,
                today=today,
                plan=plan,
            )

        return choose

    def _routine(self, routine_id: str) -> Routine:
        try:
            return self.library.get(routine_id)
        except UnknownRoutineError as exc:
            known = ", ".join(sorted(self.library.ids()))
            raise ValueError(f"{exc}; known routines: {known}") from None

    def _remember_minutes(self, routine_id: str, minutes: float) -> None:
        """Keep a whole-minute choice that differs from what would have been chosen anyway
        (accepting the suggestion never freezes the acclimation plan at week 1's minutes)."""
        if not float(minutes).is_integer():
            return
        remembered = dict(self._settings.settings.session.last_minutes)
        remembered.pop(routine_id, None)  # re-inserted last: the newest are kept
        remembered[routine_id] = int(minutes)
        try:
            self._settings.set("session.last_minutes", remembered)
        except ValueError as exc:
            log.warning("minutes for %s not remembered: %s", routine_id, exc)

    # ------------------------------------------------------------------ events

    def _on_state(self, state: SessionState) -> None:
        self._update_tray()

    def _confirm_stop(self) -> bool:
        """Ask only someone who is looking at the window; a stop from the tray is meant."""
        if not self._window.isVisible() or self._window.isMinimized():
            return True
        from acumat_desktop.ui.session_view import ask_to_stop

        return ask_to_stop(self._window)

    def _on_event(self, event: SessionEvent) -> None:
        self._last_note(event)
        self._keep_history(event)
        if isinstance(event, Suspended) and self._tray is not None:
            self._tray.message(
                "AcuMat", self.tr("Your session was paused while the computer was asleep.")
            )

    # ------------------------------------------------------------------ history

    def _keep_history(self, event: SessionEvent) -> None:
        """Written at the start, at least every CHECKPOINT_S (on the tick) and at each pause,
        so a session cut short by a kill or a crash is in the history as interrupted with its
        minutes."""
        if isinstance(event, Started):
            record = self._session.engine.running_record()
            if record is not None:
                self._running_id = self.history.begin_session(record)
                self._checkpointed_at = self._clock.monotonic()
        elif isinstance(event, CountdownOver | Paused | Resumed | Adjusted):
            self._checkpoint()
        elif isinstance(event, Finished | Stopped):
            self._finish(event.record)
        elif isinstance(event, FeelingNoted) and self._last_session_id is not None:
            feeling = event.record.feeling
            if feeling is not None:
                self.history.set_feeling(self._last_session_id, feeling)

    def _finish(self, record: SessionRecord) -> None:
        self._checkpointed_at = None
        if self._running_id is not None:
            self._last_session_id = self.history.finish_session(self._running_id, record)
            self._running_id = None
        elif record.actual_s > 0:
            self._last_session_id = self.history.save_session(record)
        if record.actual_s > 0:
            self.start_menu.refresh()  # the routine is now among the recent ones

    def _checkpoint(self) -> None:
        record = self._session.engine.running_record()
        if self._running_id is not None and record is not None:
            self.history.checkpoint(self._running_id, record)
            self._checkpointed_at = self._clock.monotonic()

    def _checkpoint_if_due(self, next_tick_s: float) -> None:
        """Write the running session now if waiting for the next tick would leave it unwritten
        for longer than CHECKPOINT_S."""
        written = self._checkpointed_at
        if written is not None and self._clock.monotonic() - written + next_tick_s > CHECKPOINT_S:
            self._checkpoint()

    def _on_history_message(self, text: str | None) -> None:
        if text is None:
            self._history_retry.stop()
            return
        self._window.show_warning(text)
        self._history_retry.start()

    def _retry_history(self) -> None:
        if self.history.retry():
            self._history_retry.stop()

    def _apply_settings(self, settings: Settings) -> None:
        if self._view is not None:  # else the page reads them when it is built
            self._view.set_reduced_motion(settings.appearance.reduced_motion)
            self._view.set_eyes_closed(settings.session.eyes_closed)

    # ------------------------------------------------------------------ tray

    def _build_tray(self) -> None:
        self.start_menu = StartMenu(
            self.library,
            self.history,
            self._settings,
            self._start_from_menu,
            self,
            minutes=self.minutes_chooser,
        )
        tray = self._tray
        if tray is not None:
            tray.add_menu(TraySection.SESSION, self.start_menu.menu)
            tray.add_action(TraySection.SESSION, self.session_actions.pause)
            tray.add_action(TraySection.SESSION, self.session_actions.stop)

    def _start_from_menu(self, routine_id: str) -> None:
        try:
            self.start(routine_id)
        except ValueError as exc:
            self._window.show_notice(str(exc))

    def _tick(self) -> None:
        """The running session's one periodic wakeup: the engine, the history, the tray."""
        self._session.poll()  # may change the state (and so update the tray) or end the session
        engine = self._session.engine
        if engine.state in ACTIVE_STATES and engine.state is not SessionState.PAUSED:
            self._checkpoint_if_due(self._tick_s())
        self._update_tray()

    def _tick_s(self) -> float:
        return min(TRAY_TICK_MAX_S, max(1.0, self._session.engine.chosen_s / 48))

    def _update_tray(self) -> None:
        tray = self._tray
        engine = self._session.engine
        state = engine.state
        if state in ACTIVE_STATES and state is not SessionState.PAUSED:
            self._tray_timer.start(int(self._tick_s() * 1000))
        else:
            self._tray_timer.stop()
        if state in ACTIVE_STATES and engine.chosen_s > 0:
            remaining = engine.chosen_remaining_s  # the minutes chosen, as the dial shows them
            done = 1.0 - remaining / engine.chosen_s
            minutes = math.ceil(remaining / 60)
            text = (
                self.tr("Session paused: %n min left", "", minutes)
                if state is SessionState.PAUSED
                else self.tr("Session: %n min left", "", minutes)
            )
            if tray is not None:
                tray.set_session_progress(done)
                tray.set_tooltip_line(TooltipLine.SESSION, text)
            return
        if tray is not None:
            tray.set_session_progress(None)
            tray.set_tooltip_line(TooltipLine.SESSION, None)

    # ------------------------------------------------------------------ commands

    def _register_commands(self) -> None:
        commands = self._commands
        session = self._session
        commands.register("start", self._cmd_start)
        commands.register("pause", lambda args: self._cmd_simple(session.pause, "pause"))
        commands.register("resume", lambda args: self._cmd_simple(session.resume, "resume"))
        commands.register("stop", lambda args: self._cmd_simple(session.stop, "stop"))
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
        if routine == LAST_ROUTINE:
            routine = self.last_routine()
        minutes = args.get("minutes")
        if minutes is not None and (
            isinstance(minutes, bool) or not isinstance(minutes, int | float)
        ):
            raise CommandError("'minutes' must be a number")
        sound = args.get("sound")
        if sound is not None and not isinstance(sound, str):
            raise CommandError("'sound' must be a soundscape id, a mix or 'none'")
        try:
            choice = self.minutes_for(routine)
            self.start(routine, minutes, args.get("breathing"), sound)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        answer = dict(self._session.engine.snapshot())
        if minutes is None and choice.week is not None:  # the plan chose the length: say so
            answer["acclimation"] = {"week": choice.week + 1, "up_to_minutes": choice.cap}
        return answer

    def last_routine(self) -> str:
        """The routine done last; else the first favourite; else the default routine."""
        plan = self.start_menu.plan
        for candidate in (*plan.recent, *plan.favourites):
            if candidate in self.library.ids():
                return candidate
        return self._settings.settings.session.default_routine

    def _cmd_simple(self, action: Any, name: str) -> Any:
        if not action():
            state = self._session.engine.state.value
            raise CommandError(f"cannot {name}: the session is {state}")
        return self._session.engine.snapshot()
