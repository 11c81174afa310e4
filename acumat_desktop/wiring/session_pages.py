"""The main window's session pages: picker (home), session, summary and history, plus the
routine actions and the safety note."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from acumat_desktop.core.acclimation import suggested_minutes
from acumat_desktop.core.protocol import Request
from acumat_desktop.core.routines import Routine
from acumat_desktop.core.session import Finished, SessionEvent, SessionStateError, Started, Stopped
from acumat_desktop.settings.model import Settings
from acumat_desktop.ui.history_view import HistoryView
from acumat_desktop.ui.routine_actions import RoutineActions
from acumat_desktop.ui.routine_picker import RoutinePicker
from acumat_desktop.ui.safety_note import SafetyNoteDialog, show_safety_note
from acumat_desktop.ui.session_summary import SessionSummary

if TYPE_CHECKING:
    from acumat_desktop.app import Parts
    from acumat_desktop.wiring.sessions import SessionsFeature

log = logging.getLogger(__name__)


class SessionPages(QObject):
    def __init__(self, parts: Parts, feature: SessionsFeature) -> None:
        super().__init__(parts.app)
        self.p = parts
        self.feature = feature
        window = parts.window
        sounds = self._sound_choices()
        self.picker = RoutinePicker(
            feature.library,
            window,
            patterns=feature.patterns.all(),
            sounds=sounds,
            suggest_minutes=self._suggest,
        )
        self.summary = SessionSummary(window)
        self.history_view = HistoryView(feature.history, parts.clock, window)
        window.set_home_page(self.picker)
        window.pages.addWidget(self.summary)
        window.pages.addWidget(self.history_view)
        self.actions = RoutineActions(
            feature.library, window, patterns=feature.patterns.all(), sounds=sounds
        )
        self._note: SafetyNoteDialog | None = None

        self.picker.start_requested.connect(self._start_from_picker)
        self.picker.new_requested.connect(self.actions.new)
        self.picker.edit_requested.connect(self.actions.edit)
        self.picker.duplicate_requested.connect(self.actions.duplicate)
        self.picker.delete_requested.connect(self.actions.delete)
        self.picker.export_requested.connect(self.actions.export)
        self.picker.import_requested.connect(lambda: self.actions.import_file())
        self.picker.history_requested.connect(self.show_history)
        self.picker.favourite_toggled.connect(self._set_favourite)
        self.picker.set_favourites(parts.settings.settings.session.favourites)
        parts.settings.changed.connect(self._on_settings)
        self.actions.changed.connect(self.picker.select)
        self.actions.message.connect(window.show_notice)
        self.summary.feeling_chosen.connect(self._note_feeling)
        self.summary.done.connect(self.show_home)
        self.history_view.back.connect(self.show_home)
        parts.session.happened.connect(self._on_event)

        self.history_action = QAction(self.tr("Session &history"), self)
        self.history_action.triggered.connect(self.show_history)
        self.safety_action = QAction(self.tr("&Safety note…"), self)
        self.safety_action.triggered.connect(self.reread_safety_note)
        window.help_menu.insertAction(window.help_menu.actions()[0], self.safety_action)
        window.app_menu.insertAction(window.app_menu.actions()[0], self.history_action)
        self.picker.select(parts.settings.settings.session.default_routine)

    # ------------------------------------------------------------------ navigation

    def show_home(self) -> None:
        self.p.window.pages.setCurrentWidget(self.picker)

    def show_history(self) -> None:
        self.history_view.refresh()
        self.p.window.pages.setCurrentWidget(self.history_view)
        self.p.window.bring_forward()

    def _on_event(self, event: SessionEvent) -> None:
        if isinstance(event, Started):
            self.p.window.pages.setCurrentWidget(self.feature.view)
            if not self.p.settings.settings.session.safety_note_seen:
                self._show_note_beside()  # a start from the tray or CLI: tell, don't block
        elif isinstance(event, Finished | Stopped):
            if event.record.actual_s > 0:
                self.summary.set_record(event.record)
                self.p.window.pages.setCurrentWidget(self.summary)
            else:
                self.show_home()

    # ------------------------------------------------------------------ starting

    def _start_from_picker(
        self, routine_id: str, minutes: int, breathing: object, sound: object
    ) -> None:
        if not self.p.settings.settings.session.safety_note_seen:
            if not show_safety_note(self.p.window, first_time=True):
                return
            self.p.settings.set("session.safety_note_seen", True)
        try:
            self.feature.start(
                routine_id,
                minutes,
                breathing if isinstance(breathing, str) else None,
                sound if isinstance(sound, str) else None,
            )
        except ValueError as exc:
            self.p.window.show_notice(str(exc))

    def _show_note_beside(self) -> None:
        if self._note is None:
            self._note = SafetyNoteDialog(self.p.window, first_time=True)
            self._note.accepted.connect(
                lambda: self.p.settings.set("session.safety_note_seen", True)
            )
        self._note.show()

    def reread_safety_note(self) -> None:
        show_safety_note(self.p.window, first_time=False)

    def _on_settings(self, settings: Settings) -> None:
        self.picker.set_favourites(settings.session.favourites)

    def _set_favourite(self, routine_id: str, favourite: bool) -> None:
        """Add or remove a favourite through the settings (the picker and tray follow)."""
        current = list(self.p.settings.settings.session.favourites)
        if favourite and routine_id not in current:
            current.append(routine_id)
        elif not favourite:
            current = [r for r in current if r != routine_id]
        try:
            self.p.settings.set("session.favourites", current)
        except ValueError as exc:
            log.warning("favourites not changed: %s", exc)
            self.p.window.show_notice(str(exc))

    def _note_feeling(self, feeling: int) -> None:
        try:
            self.p.session.engine.set_feeling(feeling)
        except (SessionStateError, ValueError) as exc:
            log.warning("feeling not noted: %s", exc)

    # ------------------------------------------------------------------ helpers

    def _suggest(self, routine: Routine) -> int:
        days = self.feature.history.session_days()
        first = min(days) if days else None
        return suggested_minutes(routine, first, self.p.clock.now().date())

    def _sound_choices(self) -> list[tuple[str, str]] | None:
        if "sounds" not in self.p.commands.names():
            return None
        rows = self.p.commands.dispatch(Request("sounds"))
        return [(row["id"], row["name"]) for row in rows]
