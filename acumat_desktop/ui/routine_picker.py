"""The routine picker: routine cards filtered by goal, the chosen routine's details and tips, the
session's minutes, breathing and sound, and a big Start button.

It presents and forwards: every action is a signal, the library is only read (and followed
through ``subscribe``). Keyboard: arrow keys move between cards, Enter starts the selected routine
(or presses the focused button), every control has an accessible name. The right half (details,
choices, Start) is ``routine_details.RoutineDetails``.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.core.acclimation import MinutesChoice
from acumat_desktop.core.breathing import BreathingPattern
from acumat_desktop.core.routines import GOAL_LABELS, Goal, Routine
from acumat_desktop.services.routine_library import RoutineLibrary, UnknownRoutineError
from acumat_desktop.ui.routine_choices import (
    Choice,
    pattern_choices,
    sound_choices,
)
from acumat_desktop.ui.routine_details import RoutineDetails
from acumat_desktop.ui.widgets.flow_layout import FlowLayout
from acumat_desktop.ui.widgets.routine_cards import (
    CARD_WIDTH,
    COMPACT_CARD_WIDTH,
    ID_ROLE,
    ROUTINE_ROLE,
    RoutineCardDelegate,
    RoutineListModel,
)
from acumat_desktop.ui.words import mid_sentence

log = logging.getLogger(__name__)

SuggestMinutes = Callable[[Routine], "int | MinutesChoice"]
"""The minutes to preselect: a number, or the sessions feature's choice (with its acclimation
week, shown under the minutes)."""

GENTLE_START = "first-time"
"""Suggested under the minutes when a routine is longer than the acclimation week's plan."""
COMPACT_BELOW = 760
DETAILS_MAX_WIDTH = 760
"""Below this width the picker uses narrower cards, so the details keep room beside them."""

# Local touches only (colours come from the palette, so light and dark both work).
_STYLE = """
QPushButton#goalChip {
    padding: 3px 12px; border: 1px solid palette(mid); border-radius: 12px;
    background: palette(base); min-height: 18px;
}
QPushButton#goalChip:hover { border-color: palette(highlight); }
QPushButton#goalChip:checked {
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight);
}
QPushButton#goalChip:focus { border: 2px solid palette(highlight); }
QPushButton#goalChip:checked:focus { border: 2px solid palette(text); }
QPushButton#startButton {
    background: palette(highlight); color: palette(highlighted-text);
    border: 2px solid palette(highlight); border-radius: 8px; padding: 8px 28px;
}
QPushButton#startButton:focus { border-color: palette(text); }
QPushButton#startButton:disabled { background: palette(mid); border-color: palette(mid); }
"""


class RoutinePicker(QWidget):
    start_requested = Signal(str, int, object, object)  # id, minutes, breathing|None, sound|None
    edit_requested = Signal(str)
    duplicate_requested = Signal(str)
    export_requested = Signal(str)
    delete_requested = Signal(str)
    new_requested = Signal()
    import_requested = Signal()
    history_requested = Signal()
    favourite_toggled = Signal(str, bool)  # routine id, whether it should now be a favourite
    ramp_toggled = Signal(str, bool)  # routine id, whether its breathing should ease in
    selection_changed = Signal(str)  # "" when nothing is selected

    def __init__(
        self,
        library: RoutineLibrary,
        parent: QWidget | None = None,
        *,
        patterns: Mapping[str, BreathingPattern] | None = None,
        sounds: Iterable[Choice] | None = None,
        suggest_minutes: SuggestMinutes | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RoutinePicker")
        self.setAccessibleName(self.tr("Choose a routine"))
        self._library = library
        self._pattern_source = patterns  # a live view: choices follow patterns made or deleted
        self._patterns = pattern_choices(patterns)
        self._sounds = sound_choices(sounds)
        self._suggest = suggest_minutes
        self._goal: Goal | None = None
        self._shown = False

        self._build_header()
        self._build_list()
        self._build_details()
        self._build_filter()

        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.list_view)
        body.addWidget(self._details, 1)
        self._details.setMaximumWidth(DETAILS_MAX_WIDTH)  # readable lines on a wide screen
        body.addStretch(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(self._header)
        layout.addWidget(self.filter_bar)
        layout.addLayout(body, 1)
        self._set_tab_order()
        self.setStyleSheet(_STYLE)

        unsubscribe = library.subscribe(self._library_changed)
        # A plain closure (not a bound method) so the library lets go when the picker is deleted.
        self.destroyed.connect(lambda *_: unsubscribe())
        self._reload(keep=None)

    # ----------------------------------------------------------------- building

    def _build_header(self) -> None:
        title = QLabel(self.tr("Choose a routine"), self)
        title.setObjectName("pageTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)
        self.new_button = self._small_button(self.tr("New…"), self.tr("New routine"))
        self.new_button.clicked.connect(self.new_requested)
        self.import_button = self._small_button(self.tr("Import…"), self.tr("Import a routine"))
        self.import_button.clicked.connect(self.import_requested)
        self.history_button = self._small_button(self.tr("History"), self.tr("Session history"))
        self.history_button.clicked.connect(self.history_requested)
        self._header = QHBoxLayout()
        self._header.addWidget(title)
        self._header.addStretch(1)
        for button in (self.new_button, self.import_button, self.history_button):
            self._header.addWidget(button)

    def _small_button(self, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)
        return button

    def _build_filter(self) -> None:
        self.goal_group = QButtonGroup(self)
        self.goal_group.setExclusive(True)
        self.goal_buttons: dict[Goal | None, QPushButton] = {}
        self.filter_bar = QWidget(self)
        self.filter_bar.setObjectName("goalFilter")
        self._filter_row = FlowLayout(self.filter_bar, spacing=4)
        label = QLabel(self.tr("Goal:"), self.filter_bar)
        self._filter_row.addWidget(label)
        entries: list[tuple[Goal | None, str]] = [(None, self.tr("All"))]
        entries += [
            (goal, QCoreApplication.translate("Routines", GOAL_LABELS[goal])) for goal in Goal
        ]
        for goal, text in entries:
            button = QPushButton(text, self.filter_bar)
            button.setObjectName("goalChip")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(
                self.tr("Show all routines")
                if goal is None
                else self.tr("Show routines for %1").replace("%1", mid_sentence(text))
            )
            button.toggled.connect(lambda on, g=goal: self._set_goal(g) if on else None)
            self.goal_group.addButton(button)
            self.goal_buttons[goal] = button
            self._filter_row.addWidget(button)
        self.goal_buttons[None].setChecked(True)

    def _build_list(self) -> None:
        self.model = RoutineListModel(self)
        self.list_view = QListView(self)
        self.list_view.setObjectName("routineList")
        self.list_view.setAccessibleName(self.tr("Routines"))
        self.list_view.setModel(self.model)
        self.card_delegate = RoutineCardDelegate(self.list_view)
        self.list_view.setItemDelegate(self.card_delegate)
        self.list_view.setUniformItemSizes(False)  # a long name wraps onto a second line
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.list_view.setMouseTracking(True)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_view.setFrameShape(QFrame.Shape.NoFrame)
        self._set_card_width(CARD_WIDTH)
        self.list_view.selectionModel().currentChanged.connect(self._current_changed)
        self.list_view.doubleClicked.connect(lambda _index: self.start())

    def _build_details(self) -> None:
        self._details = RoutineDetails(self._patterns, self._sounds, self)
        details = self._details
        self.details = details  # the sound feature attaches its preview to it
        # The picker's own names for the panel's controls (tests and tab order use them).
        self.name_label, self.meta_label = details.name_label, details.meta_label
        self.about_label, self.range_label = details.about_label, details.range_label
        self.minutes_spin = details.minutes_spin
        self.breathing_combo, self.sound_combo = details.breathing_combo, details.sound_combo
        self.edit_button, self.more_button = details.edit_button, details.more_button
        self.start_button, self.more_menu = details.start_button, details.more_menu
        self.favourite_action = details.favourite_action
        self.duplicate_action = details.duplicate_action
        self.export_action = details.export_action
        self.delete_action = details.delete_action
        details.routine_suggested.connect(self.select)

        self.edit_button.clicked.connect(self._edit_clicked)
        self.favourite_action.triggered.connect(self._toggle_favourite)
        self.ramp_check = details.ramp_check
        self.ramp_check.toggled.connect(self._toggle_ramp)
        self._ramp_routines: set[str] | None = None  # None: nobody keeps the choice
        self.duplicate_action.triggered.connect(lambda: self._emit_for(self.duplicate_requested))
        self.export_action.triggered.connect(lambda: self._emit_for(self.export_requested))
        self.delete_action.triggered.connect(lambda: self._emit_for(self.delete_requested))
        self.start_button.clicked.connect(self.start)

    def _set_card_width(self, width: int) -> None:
        """The list is exactly as wide as a card and its scroll bar, whatever it shows: only the
        window's width class (roomy or compact) ever changes it."""
        self.card_delegate.card_width = width
        scrollbar = self.list_view.style().pixelMetric(
            QStyle.PixelMetric.PM_ScrollBarExtent, None, self.list_view
        )
        frame = 2 * self.list_view.frameWidth()
        self.list_view.setFixedWidth(width + scrollbar + frame + 2)
        self.list_view.doItemsLayout()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:  # laid out at its real size now: show the list from the top
            self._shown = True
            self.list_view.scrollToTop()
            self.list_view.scrollTo(self.list_view.currentIndex())
        else:  # back from a session: the remembered minutes or the plan's week may have moved
            self.refresh_minutes()

    def refresh_minutes(self) -> None:
        """Preselect again the minutes a start would use for the selected routine."""
        routine = self.selected_routine()
        if routine is not None:
            self._show_details(routine)

    def resizeEvent(self, event: QResizeEvent) -> None:
        width = COMPACT_CARD_WIDTH if event.size().width() < COMPACT_BELOW else CARD_WIDTH
        if width != self.card_delegate.card_width:
            self._set_card_width(width)
            layout = self.layout()
            if layout is not None:
                layout.activate()  # place the list at its new width now, not after this event
        super().resizeEvent(event)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            *self.goal_buttons.values(),
            self.list_view,
            self.minutes_spin,
            self.breathing_combo,
            self.ramp_check,  # skipped while hidden
            self.sound_combo,
            self.start_button,
            self.edit_button,
            self.more_button,
            self.new_button,
            self.import_button,
            self.history_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ----------------------------------------------------------------- public API

    def selected_id(self) -> str | None:
        index = self.list_view.currentIndex()
        value = index.data(ID_ROLE) if index.isValid() else None
        return value if isinstance(value, str) else None

    def selected_routine(self) -> Routine | None:
        index = self.list_view.currentIndex()
        value = index.data(ROUTINE_ROLE) if index.isValid() else None
        return value if isinstance(value, Routine) else None

    def select(self, routine_id: str) -> bool:
        """Select a routine by id (showing all goals if the filter hides it)."""
        row = self.model.row_of(routine_id)
        if row < 0 and routine_id in self._library:
            self.goal_buttons[None].setChecked(True)
            row = self.model.row_of(routine_id)
        if row < 0:
            return False
        self._select_row(row)
        return True

    def set_favourites(self, ids: Iterable[str]) -> None:
        """Which routines are favourites (the cards show a star; More offers the opposite)."""
        self.model.set_favourites(ids)
        self._show_favourite(self.selected_id())

    def set_ramp_routines(self, ids: Iterable[str]) -> None:
        """Which routines ease into their breathing; the box is offered from the first call."""
        self._ramp_routines = set(ids)
        self._show_ramp(self.selected_id())

    def _show_ramp(self, routine_id: str | None) -> None:
        ramps = self._ramp_routines
        self._details.show_ramp(
            ramps is not None and routine_id in ramps, offered=ramps is not None
        )

    def _toggle_ramp(self, on: bool) -> None:
        routine_id = self.selected_id()
        if routine_id is not None:
            self.ramp_toggled.emit(routine_id, on)

    def is_favourite(self, routine_id: str) -> bool:
        return self.model.is_favourite(routine_id)

    def goal(self) -> Goal | None:
        return self._goal

    def set_goal(self, goal: Goal | str | None) -> None:
        self.goal_buttons[None if goal is None else Goal(goal)].setChecked(True)

    def minutes(self) -> int:
        return self.minutes_spin.value()

    def breathing(self) -> str | None:
        """The chosen pattern id, or None for the routine's own."""
        return self.breathing_combo.currentData() or None

    def sound(self) -> str | None:
        """The chosen soundscape id, or None for the routine's own."""
        return self.sound_combo.currentData() or None

    def set_suggest_minutes(self, suggest: SuggestMinutes | None) -> None:
        self._suggest = suggest
        self._show_routine(self.selected_routine())

    def start(self) -> None:
        routine_id = self.selected_id()
        if routine_id is None:
            return
        self.minutes_spin.interpretText()
        self.start_requested.emit(routine_id, self.minutes(), self.breathing(), self.sound())

    # ----------------------------------------------------------------- behaviour

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QAbstractButton) and focused is not self.start_button:
                focused.click()
            else:
                self.start()
            event.accept()
            return
        super().keyPressEvent(event)

    def _set_goal(self, goal: Goal | None) -> None:
        if goal == self._goal and self.model.rowCount() > 0:
            return
        self._goal = goal
        self._reload(keep=self.selected_id())

    def _library_changed(self) -> None:
        self._reload(keep=self.selected_id())

    def _reload(self, keep: str | None) -> None:
        routines = self._library.filter(self._goal)
        self.model.set_routines(routines)
        row = self.model.row_of(keep) if keep else -1
        if routines:
            self._select_row(max(row, 0))
        else:
            self._show_routine(None)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.list_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.list_view.scrollTo(index)
        self._show_routine(self.selected_routine())

    def _current_changed(
        self, current: QModelIndex | QPersistentModelIndex, _previous: object
    ) -> None:
        routine = current.data(ROUTINE_ROLE) if current.isValid() else None
        self._show_routine(routine if isinstance(routine, Routine) else None)

    def _show_routine(self, routine: Routine | None) -> None:
        if routine is None:
            self._details.show_routine(None, 0)
            self.selection_changed.emit("")
            return
        self._show_details(routine)
        self._show_favourite(routine.id)
        self._show_ramp(routine.id)
        self.selection_changed.emit(routine.id)

    def _show_details(self, routine: Routine) -> None:
        if self._pattern_source is not None:  # patterns made, renamed or deleted meanwhile
            self._patterns[:] = pattern_choices(self._pattern_source)
        suggested = self._suggested_minutes(routine)
        gentler = None
        if isinstance(suggested, MinutesChoice) and suggested.over_plan:
            gentler = self._gentler_than(routine, suggested.cap)
        self._details.show_routine(routine, suggested, gentler=gentler)

    def _gentler_than(self, routine: Routine, cap: int | None) -> Routine | None:
        """The routine to suggest to someone whose week's plan is shorter than ``routine``'s
        shortest session: "First time on the mat", if it is there and fits the week."""
        if routine.id == GENTLE_START or GENTLE_START not in self._library:
            return None
        gentle = self._library.get(GENTLE_START)
        return gentle if cap is None or gentle.min_minutes <= cap else None

    def _suggested_minutes(self, routine: Routine) -> int | MinutesChoice:
        if self._suggest is not None:
            try:
                suggested = self._suggest(routine)
                return suggested if isinstance(suggested, MinutesChoice) else int(suggested)
            except Exception:
                log.exception("minutes suggestion failed for %s", routine.id)
        return routine.minutes

    def _show_favourite(self, routine_id: str | None) -> None:
        favourite = routine_id is not None and self.model.is_favourite(routine_id)
        self._details.show_favourite(routine_id, favourite)

    def _toggle_favourite(self) -> None:
        routine_id = self.selected_id()
        if routine_id is not None:
            self.favourite_toggled.emit(routine_id, not self.model.is_favourite(routine_id))

    def _edit_clicked(self) -> None:
        self._emit_for(self.edit_requested)

    def _emit_for(self, signal: SignalInstance) -> None:
        routine_id = self.selected_id()
        if routine_id is not None:
            signal.emit(routine_id)

    def routine(self, routine_id: str) -> Routine | None:
        try:
            return self._library.get(routine_id)
        except UnknownRoutineError:
            return None
