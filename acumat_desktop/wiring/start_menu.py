"""The tray's Start submenu: favourite routines first, then up to three recent ones, then the rest
(folded into "More routines" when the menu already leads with favourites or recents).

Each entry shows the minutes a start from here would run (the sessions feature's one rule: the
minutes last chosen for the routine or its default, within the acclimation week's cap).

The menu is rebuilt when its inputs change (favourites, remembered minutes, the acclimation
settings, the library, a saved session), never on a timer, so it is ready whenever the tray host
asks for it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from acumat_desktop.core.acclimation import MinutesChoice
from acumat_desktop.core.start_menu import StartMenuPlan, plan_start_menu
from acumat_desktop.services.history_store import HistoryStore
from acumat_desktop.services.routine_library import RoutineLibrary, UnknownRoutineError
from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.settings.model import Settings

log = logging.getLogger(__name__)

RECENT_SESSIONS_READ = 30  # sessions looked at to find three distinct recent routines

MinutesChooser = Callable[[], Callable[[str], MinutesChoice]]


def _menu_inputs(settings: Settings) -> tuple[object, ...]:
    session = settings.session
    return (
        tuple(session.favourites),
        tuple(session.last_minutes.items()),
        session.acclimation,
        session.acclimation_step,
    )


class StartMenu(QObject):
    def __init__(
        self,
        library: RoutineLibrary,
        history: HistoryStore,
        settings: SettingsService,
        start: Callable[[str], None],
        parent: QObject | None = None,
        *,
        minutes: MinutesChooser | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._history = history
        self._start = start
        self._minutes = minutes
        self._choose: Callable[[str], MinutesChoice] | None = None
        self._favourites = list(settings.settings.session.favourites)
        self._inputs = _menu_inputs(settings.settings)
        self.menu = QMenu(self.tr("Start"))
        self.menu.setObjectName("trayStartMenu")
        self.plan = plan_start_menu([], [], [])
        settings.changed.connect(self._on_settings)
        unsubscribe = library.subscribe(self.refresh)
        self.destroyed.connect(lambda *_: unsubscribe())
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the menu from the library, the favourites and the history."""
        try:
            recent = [r.routine_id for r in self._history.sessions(limit=RECENT_SESSIONS_READ)]
        except Exception:  # a broken history must not take the Start menu with it
            log.exception("could not read recent sessions for the Start menu")
            recent = []
        known = [r.id for r in self._library.all()]
        self.plan = plan_start_menu(known, self._favourites, recent)
        self._choose = self._minutes() if self._minutes is not None else None
        try:
            self._build(self.plan)
            self._add_plan_note(known)
        finally:
            self._choose = None

    def entries(self) -> list[str]:
        """The menu's texts, top level then "More routines" items indented (for tests and logs)."""
        rows: list[str] = []
        for action in self.menu.actions():
            submenu = action.menu()
            if action.isSeparator():
                rows.append("---")
            elif isinstance(submenu, QMenu):
                rows.append(action.text())
                rows += [f"  {a.text()}" for a in submenu.actions()]
            else:
                rows.append(action.text())
        return rows

    def _on_settings(self, settings: Settings) -> None:
        inputs = _menu_inputs(settings)
        if inputs != self._inputs:
            self._inputs = inputs
            self._favourites = list(settings.session.favourites)
            self.refresh()

    def _build(self, plan: StartMenuPlan) -> None:
        for child in self.menu.findChildren(QMenu):
            child.deleteLater()
        self.menu.clear()
        for routine_id in plan.favourites:
            self._add(self.menu, routine_id, favourite=True)
        if plan.favourites and plan.recent:
            self.menu.addSeparator()
        for routine_id in plan.recent:
            self._add(self.menu, routine_id)
        if not plan.rest:
            return
        if not plan.has_shortcuts:
            for routine_id in plan.rest:
                self._add(self.menu, routine_id)
            return
        self.menu.addSeparator()
        more = QMenu(self.tr("More routines"), self.menu)
        more.setObjectName("trayMoreRoutinesMenu")
        for routine_id in plan.rest:
            self._add(more, routine_id)
        self.menu.addMenu(more)

    def _add_plan_note(self, known: list[str]) -> None:
        """While the acclimation plan runs, say so at the foot of the menu (not clickable):
        a start from here is shorter than the routine's default on purpose."""
        if self._choose is None or not known:
            return
        try:
            choice = self._choose(known[0])
        except ValueError:
            return
        if choice.week is None or choice.cap is None:
            return
        self.menu.addSeparator()
        text = self.tr("Week %1 of getting used to the mat: up to %n minutes", "", choice.cap)
        note = self.menu.addAction(text.replace("%1", str(choice.week + 1)))
        note.setObjectName("acclimationNote")
        note.setEnabled(False)

    def _add(self, menu: QMenu, routine_id: str, *, favourite: bool = False) -> None:
        try:
            routine = self._library.get(routine_id)
        except UnknownRoutineError:
            return
        minutes: float = routine.minutes
        if self._choose is not None:
            try:
                minutes = self._choose(routine_id).minutes
            except ValueError:
                log.exception("no minutes for %s in the Start menu", routine_id)
        text = self.tr("%1 (%2 min)").replace("%1", routine.name).replace("%2", f"{minutes:g}")
        if favourite:
            text = self.tr("★ %1").replace("%1", text)
        action = menu.addAction(text)
        action.setObjectName(f"start:{routine_id}")
        action.triggered.connect(lambda *_, rid=routine_id: self._start(rid))
