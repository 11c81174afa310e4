"""The main window's session pages: picker (home), session, summary and history, plus the
routine actions and the safety note.

The pages are built when first needed, not at start-up (a start to the tray needs none of them):
the home page (the picker, the routine actions and, on a first run, the welcome) when the window
first shows or something asks for it; the summary, the history page and the safety sheet when
first shown. A session needs none of them: its page is the sessions feature's, built when
first needed too (:class:`SessionPage`)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction

from acumat_desktop.core.breathing import BreathingPattern
from acumat_desktop.core.clock import Clock
from acumat_desktop.core.history import SessionRecord
from acumat_desktop.core.session import Finished, SessionEvent, SessionStateError, Started, Stopped
from acumat_desktop.services.history_store import HistoryStore
from acumat_desktop.services.pattern_library import PatternLibrary
from acumat_desktop.services.routine_library import RoutineLibrary
from acumat_desktop.services.session_service import SessionService
from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.settings.model import Settings
from acumat_desktop.ui.main_window import MainWindow
from acumat_desktop.wiring.links import Links
from acumat_desktop.wiring.ports import RoutineStarter, SoundLister

if TYPE_CHECKING:  # the pages' modules are imported where the pages are built (not at start)
    from acumat_desktop.ui.history_view import HistoryView
    from acumat_desktop.ui.pattern_actions import PatternActions
    from acumat_desktop.ui.routine_actions import RoutineActions
    from acumat_desktop.ui.routine_editor import RoutineEditor
    from acumat_desktop.ui.routine_picker import RoutinePicker
    from acumat_desktop.ui.safety_note import SafetySheet
    from acumat_desktop.ui.session_summary import SessionSummary
    from acumat_desktop.ui.session_view import SessionView
    from acumat_desktop.ui.welcome import WelcomeSheet

log = logging.getLogger(__name__)

FIRST_ROUTINE = "first-time"  # where a first run leads
StartArgs = tuple[str, int, object, object]


class SessionPage(Protocol):
    """The session page, built when first needed (the sessions feature)."""

    def show_view(self) -> None:
        """Make the page current (now if it is built or the window shows, else on show)."""

    def when_view_built(self, hook: Callable[[SessionView], None]) -> None:
        """Call ``hook`` with the page once it is built (now, if it is)."""


class SessionPages(QObject):
    """The window's pages around a session; starts go through ``starter`` like every other."""

    def __init__(
        self,
        *,
        parent: QObject,
        settings: SettingsService,
        session: SessionService,
        clock: Clock,
        window: MainWindow,
        library: RoutineLibrary,
        patterns: Mapping[str, BreathingPattern],
        history: HistoryStore,
        session_page: SessionPage,
        starter: RoutineStarter,
        sounds: SoundLister,
        pattern_library: PatternLibrary | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._session = session
        self._clock = clock
        self._window = window
        self._history = history
        self._links = Links()  # cut at shutdown
        self._session_page = session_page
        self._session_view: SessionView | None = None
        session_page.when_view_built(self._on_view_built)
        self._starter = starter
        self._library = library
        self._patterns = patterns
        self._pattern_library = pattern_library
        self._sounds = sounds
        self._held = False  # a session waits, paused, behind the safety sheet
        self._waiting_start: StartArgs | None = None  # a start from the window, after the note
        self._picker: RoutinePicker | None = None
        self._actions: RoutineActions | None = None
        self._welcome: WelcomeSheet | None = None
        self._summary: SessionSummary | None = None
        self._history_view: HistoryView | None = None
        self._safety_sheet: SafetySheet | None = None
        self._home_hooks: list[Callable[[RoutinePicker], None]] = []
        self._links.connect(settings.changed, self._on_settings)
        self._links.connect(session.happened, self._on_event)
        self._add_menu_actions()
        if window.isVisible():
            self._build_home()
        else:
            window.installEventFilter(self)  # the home page comes as the window first shows

    def shutdown(self) -> None:
        """The app quits: the settings, the session and the window's pages no longer reach
        the pages (a window deleted later is never touched)."""
        self._links.cut()
        self._home_hooks.clear()
        self._window.removeEventFilter(self)

    def _on_view_built(self, view: SessionView) -> None:
        self._session_view = view
        self._links.connect(view.closing_done, self._after_closing)

    # ------------------------------------------------------------------ built when needed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Show:
            self._build_home()  # before the window maps: it shows with its home page
        return False

    def when_home_built(self, hook: Callable[[RoutinePicker], None]) -> None:
        """Call ``hook`` with the picker once the home page is built (now, if it is)."""
        if self._picker is not None:
            hook(self._picker)
        else:
            self._home_hooks.append(hook)

    @property
    def home_built(self) -> bool:
        return self._picker is not None

    @property
    def picker(self) -> RoutinePicker:
        return self._build_home()

    @property
    def actions(self) -> RoutineActions:
        self._build_home()
        assert self._actions is not None
        return self._actions

    @property
    def welcome(self) -> WelcomeSheet | None:
        """The first run's welcome (None once the safety note was read at start-up)."""
        self._build_home()
        return self._welcome

    @property
    def summary(self) -> SessionSummary:
        from acumat_desktop.ui.session_summary import SessionSummary

        if self._summary is None:
            self._summary = SessionSummary(self._window)
            self._window.pages.addWidget(self._summary)
            self._summary.feeling_chosen.connect(self._note_feeling)
            self._summary.done.connect(self.show_home)
        return self._summary

    @property
    def history_view(self) -> HistoryView:
        from acumat_desktop.ui.history_view import HistoryView

        if self._history_view is None:
            library = self._library
            self._history_view = HistoryView(
                self._history,
                self._clock,
                self._window,
                routines=lambda: [(r.id, r.name) for r in library.all()],
            )
            self._window.pages.addWidget(self._history_view)
            self._history_view.back.connect(self.show_home)
            self._history_view.again_requested.connect(self._do_again)
        return self._history_view

    @property
    def safety_sheet(self) -> SafetySheet:
        from acumat_desktop.ui.safety_note import SafetySheet

        if self._safety_sheet is None:
            self._safety_sheet = SafetySheet(self._window)
            self._safety_sheet.accepted.connect(self._note_read)
            self._safety_sheet.declined.connect(self._note_declined)
        return self._safety_sheet

    def _build_home(self) -> RoutinePicker:
        """The picker (home) and the routine actions, once; on a first run, the welcome."""
        from acumat_desktop.ui.routine_actions import RoutineActions
        from acumat_desktop.ui.routine_picker import RoutinePicker

        if self._picker is not None:
            return self._picker
        self._window.removeEventFilter(self)
        window, library, starter = self._window, self._library, self._starter
        sounds = [(row["id"], row["name"]) for row in self._sounds.sounds()]
        picker = self._picker = RoutinePicker(
            library,
            window,
            patterns=self._patterns,
            sounds=sounds,
            suggest_minutes=lambda routine: starter.minutes_for(routine.id),
        )
        shown = window.pages.currentWidget()  # a page shown before the home existed stays
        placeholder = window.placeholder
        window.set_home_page(picker)
        if shown is not None and shown is not placeholder:
            window.pages.setCurrentWidget(shown)
        self._actions = RoutineActions(
            library,
            window,
            patterns=self._patterns,
            sounds=sounds,
            new_pattern=self._new_pattern if self._pattern_library is not None else None,
            pattern_actions=self._pattern_editing(),
        )
        self._actions.message.connect(window.show_notice)
        self._connect_picker()
        picker.set_favourites(self._settings.settings.session.favourites)
        picker.set_ramp_routines(self._settings.settings.session.ramp_routines)
        self._build_first_run()
        for hook in self._home_hooks:
            hook(picker)
        self._home_hooks.clear()
        return picker

    def _pattern_editing(self) -> PatternActions | None:
        """Edit, copy and delete breathing patterns beside the routine editor's list (only
        where the person's patterns are stored)."""
        from acumat_desktop.ui.pattern_actions import PatternActions

        if self._pattern_library is None:
            return None
        return PatternActions(
            self._pattern_library,
            self._library.all,
            default_breathing=lambda: self._settings.settings.session.default_breathing,
            parent=self,
        )

    def _connect_picker(self) -> None:
        self.picker.start_requested.connect(self._start_from_picker)
        self.picker.new_requested.connect(self.actions.new)
        self.picker.edit_requested.connect(self.actions.edit)
        self.picker.duplicate_requested.connect(self.actions.duplicate)
        self.picker.delete_requested.connect(self.actions.delete)
        self.picker.export_requested.connect(self.actions.export)
        self.picker.import_requested.connect(lambda: self.actions.import_file())
        self.picker.history_requested.connect(self.show_history)
        self.picker.favourite_toggled.connect(self._set_favourite)
        self.picker.ramp_toggled.connect(self._set_ramp)
        self.actions.changed.connect(self.picker.select)

    def _add_menu_actions(self) -> None:
        window = self._window
        self.history_action = QAction(self.tr("Session &history"), self)
        self.history_action.triggered.connect(self.show_history)
        self.safety_action = QAction(self.tr("&Safety note…"), self)
        self.safety_action.triggered.connect(self.reread_safety_note)
        window.help_menu.insertAction(window.help_menu.actions()[0], self.safety_action)
        window.app_menu.insertAction(window.app_menu.actions()[0], self.history_action)

    # ------------------------------------------------------------------ navigation

    def show_home(self) -> None:
        self._window.pages.setCurrentWidget(self.picker)

    def show_history(self) -> None:
        view = self.history_view
        view.refresh()
        self._window.bring_forward()  # first, so the home page is built under the history
        self._window.pages.setCurrentWidget(view)

    def _on_event(self, event: SessionEvent) -> None:
        if isinstance(event, Started):
            self._window.clear_notices()  # the mat is a quiet place: nothing follows into it
            self._session_page.show_view()
            if not self._note_seen():
                # A start from the tray or the command line: the session waits, paused, behind
                # the note in the window (after the engine has finished starting it).
                QTimer.singleShot(0, self._hold_for_note)
        elif isinstance(event, Finished | Stopped):
            if self._held:
                self._held = False
                self.safety_sheet.hide()  # nothing waits any more; the note comes next time
            if isinstance(event, Stopped) or self._session_view is None:
                self._show_record(event.record)
            # Finished: the page shows the closing words; closing_done brings the summary
            # (a session that ran with no page, hidden, has its summary at once).

    def _after_closing(self) -> None:
        record = self._session.engine.record
        view = self._session_view
        if record is not None and view is not None and self._window.pages.currentWidget() is view:
            self._show_record(record)

    def _show_record(self, record: SessionRecord) -> None:
        if record.actual_s > 0:
            self.summary.set_record(record)
            self._window.pages.setCurrentWidget(self.summary)
        else:
            self.show_home()

    # ------------------------------------------------------------------ starting

    def _start_from_picker(
        self, routine_id: str, minutes: int, breathing: object, sound: object
    ) -> None:
        """Start from the window (the picker, or "do this again" in the history); the first
        time, after the safety note over the window."""
        if not self._note_seen():
            self._waiting_start = (routine_id, minutes, breathing, sound)
            self.safety_sheet.open(waiting=False)
            return
        try:
            self._starter.start(
                routine_id,
                minutes,
                breathing if isinstance(breathing, str) else None,
                sound if isinstance(sound, str) else None,
            )
        except ValueError as exc:
            self._window.show_notice(str(exc))

    def _do_again(self, routine_id: str, minutes: int, breathing: object, sound: object) -> None:
        """A session from the history, again: as it was, within the routine's range today, with
        its breathing only if that pattern still exists."""
        try:
            routine = self._library.get(routine_id)
        except LookupError:
            self._window.show_notice(self.tr("That routine is no longer among your routines."))
            return
        minutes = min(max(minutes, routine.min_minutes), routine.max_minutes)
        if not isinstance(breathing, str) or breathing not in self._patterns:
            breathing = None
        self._start_from_picker(routine_id, minutes, breathing, sound)

    # ------------------------------------------------------------------ first run, safety note

    def _build_first_run(self) -> None:
        """On a first run the welcome, which leads to "First time on the mat" (first in the
        library's order, and selected); else the default routine, selected."""
        from acumat_desktop.ui.welcome import WelcomeSheet

        picker = self.picker
        if self._note_seen():
            picker.select(self._settings.settings.session.default_routine)
            return
        picker.select(FIRST_ROUTINE)
        welcome = self._welcome = WelcomeSheet(self._window)
        welcome.read.connect(self._welcome_read)
        welcome.later.connect(self.show_home)
        welcome.open()

    def _note_seen(self) -> bool:
        return self._settings.settings.session.safety_note_seen

    def _welcome_read(self) -> None:
        self._mark_note_read()
        self.show_home()
        self.picker.select(FIRST_ROUTINE)

    def _hold_for_note(self) -> None:
        if self._note_seen() or not self._session.pause():
            return
        self._held = True
        self._window.bring_forward()  # first: a window shown the first time builds its home
        if self._welcome is not None:
            self._welcome.hide()
        self.safety_sheet.open(waiting=True)

    def _note_read(self) -> None:
        self._mark_note_read()
        if self._held:
            self._held = False
            self._session.resume()
        elif self._waiting_start is not None:
            args = self._waiting_start
            self._waiting_start = None
            self._start_from_picker(*args)

    def _note_declined(self) -> None:
        self._waiting_start = None
        if self._held:
            self._held = False
            self._session.stop()

    def _mark_note_read(self) -> None:
        try:
            self._settings.set("session.safety_note_seen", True)
        except ValueError as exc:  # never keep a person from the mat over a setting
            log.warning("safety note not marked read: %s", exc)

    def reread_safety_note(self) -> None:
        from acumat_desktop.ui.safety_note import show_safety_note

        show_safety_note(self._window, first_time=False)

    def _on_settings(self, settings: Settings) -> None:
        if self._picker is not None:  # else it reads them when it is built
            self._picker.set_favourites(settings.session.favourites)
            self._picker.set_ramp_routines(settings.session.ramp_routines)

    def _set_ramp(self, routine_id: str, on: bool) -> None:
        """Ease a routine's breathing in, or not, through the settings (the next start reads
        them)."""
        current = [r for r in self._settings.settings.session.ramp_routines if r != routine_id]
        if on:
            current.append(routine_id)
        try:
            self._settings.set("session.ramp_routines", current)
        except ValueError as exc:
            log.warning("ease-in not changed: %s", exc)
            self._window.show_notice(str(exc))

    def _set_favourite(self, routine_id: str, favourite: bool) -> None:
        """Add or remove a favourite through the settings (the picker and tray follow)."""
        current = list(self._settings.settings.session.favourites)
        if favourite and routine_id not in current:
            current.append(routine_id)
        elif not favourite:
            current = [r for r in current if r != routine_id]
        try:
            self._settings.set("session.favourites", current)
        except ValueError as exc:
            log.warning("favourites not changed: %s", exc)
            self._window.show_notice(str(exc))

    def _note_feeling(self, feeling: int) -> None:
        try:
            self._session.engine.set_feeling(feeling)
        except (SessionStateError, ValueError) as exc:
            log.warning("feeling not noted: %s", exc)

    # ------------------------------------------------------------------ helpers

    def _new_pattern(self, editor: RoutineEditor) -> None:
        """ "New pattern…" in the routine editor: make one, save it, choose it there."""
        from acumat_desktop.ui.pattern_editor import ask_new_pattern

        library = self._pattern_library
        if library is None:
            return
        made = ask_new_pattern(editor, library.save, library.all().keys())
        if made is not None:
            editor.add_pattern(made.id, made.name)
            self._window.show_notice(
                self.tr("Saved the breathing pattern %1").replace("%1", made.name)
            )
