"""The tray's Start submenu: favourite routines first, then up to three recent ones, then the rest
(folded into "More routines" when the menu already leads with favourites or recents).

The menu is rebuilt when its inputs change (favourites, the library, a saved session), never on a
timer, so it is ready whenever the tray host asks for it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from acumat_desktop.core.start_menu import StartMenuPlan, plan_start_menu
from acumat_desktop.services.history_store import HistoryStore
from acumat_desktop.services.routine_library import RoutineLibrary, UnknownRoutineError
from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.settings.model import Settings

log = logging.getLogger(__name__)

RECENT_SESSIONS_READ = 30  # sessions looked at to find three distinct recent routines


class StartMenu(QObject):
    def __init__(
        self,
        library: RoutineLibrary,
        history: HistoryStore,
        settings: SettingsService,
        start: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._history = history
        self._start = start
        self._favourites = list(settings.settings.session.favourites)
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
        self._build(self.plan)

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
        favourites = list(settings.session.favourites)
        if favourites != self._favourites:
            self._favourites = favourites
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

    def _add(self, menu: QMenu, routine_id: str, *, favourite: bool = False) -> None:
        try:
            routine = self._library.get(routine_id)
        except UnknownRoutineError:
            return
        text = f"{routine.name} ({routine.minutes} min)"
        if favourite:
            text = "★ " + text
        action = menu.addAction(text)
        action.setObjectName(f"start:{routine_id}")
        action.triggered.connect(lambda *_, rid=routine_id: self._start(rid))
