"""The routine picker: routine cards filtered by goal, the chosen routine's details and tips, the
session's minutes, breathing and sound, and a big Start button.

It presents and forwards: every action is a signal, the library is only read (and followed
through ``subscribe``). Keyboard: arrow keys move between cards, Enter starts the selected routine
(or presses the focused button), every control has an accessible name.
"""

from __future__ import annotations

import html
import itertools
import logging
from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.core.breathing import BreathingPattern
from acumat_desktop.core.routines import GOAL_LABELS, POSITION_LABELS, Goal, Routine
from acumat_desktop.services.routine_library import RoutineLibrary, UnknownRoutineError
from acumat_desktop.ui.routine_choices import (
    Choice,
    fill_combo,
    label_for,
    pattern_choices,
    sound_choices,
)
from acumat_desktop.ui.widgets.routine_cards import (
    ID_ROLE,
    ROUTINE_ROLE,
    RoutineCardDelegate,
    RoutineListModel,
    minutes_range,
)

log = logging.getLogger(__name__)

SuggestMinutes = Callable[[Routine], int]

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
        self._patterns = pattern_choices(patterns)
        self._sounds = sound_choices(sounds)
        self._suggest = suggest_minutes
        self._goal: Goal | None = None

        self._build_header()
        self._build_list()
        self._build_details()
        self._build_filter()

        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.list_view, 5)
        body.addWidget(self._details, 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 16)
        layout.setSpacing(10)
        layout.addLayout(self._header)
        layout.addLayout(self._filter_row)
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
        self._filter_row = QHBoxLayout()
        self._filter_row.setSpacing(4)
        label = QLabel(self.tr("Goal:"), self)
        self._filter_row.addWidget(label)
        entries: list[tuple[Goal | None, str]] = [(None, self.tr("All"))]
        entries += [(goal, self.tr(GOAL_LABELS[goal])) for goal in Goal]
        for goal, text in entries:
            button = QPushButton(text, self)
            button.setObjectName("goalChip")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(
                self.tr("Show all routines")
                if goal is None
                else self.tr("Show routines for %1").replace("%1", text.lower())
            )
            button.toggled.connect(lambda on, g=goal: self._set_goal(g) if on else None)
            self.goal_group.addButton(button)
            self.goal_buttons[goal] = button
            self._filter_row.addWidget(button)
        self._filter_row.addStretch(1)
        self.goal_buttons[None].setChecked(True)

    def _build_list(self) -> None:
        self.model = RoutineListModel(self)
        self.list_view = QListView(self)
        self.list_view.setObjectName("routineList")
        self.list_view.setAccessibleName(self.tr("Routines"))
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(RoutineCardDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        self.list_view.setMouseTracking(True)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_view.setFrameShape(QFrame.Shape.NoFrame)
        self.list_view.setMinimumWidth(260)
        self.list_view.selectionModel().currentChanged.connect(self._current_changed)
        self.list_view.doubleClicked.connect(lambda _index: self.start())

    def _build_details(self) -> None:
        self._details = QWidget(self)
        self._details.setObjectName("routineDetails")
        self.name_label = QLabel(self._details)
        self.name_label.setObjectName("routineTitle")
        self.name_label.setWordWrap(True)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.name_label.setFont(font)
        self.meta_label = QLabel(self._details)
        self.meta_label.setObjectName("routineMeta")
        self.meta_label.setWordWrap(True)

        self.about_label = QLabel(self._details)
        self.about_label.setObjectName("routineAbout")
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.RichText)
        self.about_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.about_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea(self._details)
        scroll.setObjectName("routineAboutScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.about_label)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.viewport().setAutoFillBackground(False)
        self.about_label.setAutoFillBackground(False)

        self.minutes_spin = QSpinBox(self._details)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.minutes_spin.setAccessibleName(self.tr("Session length in minutes"))
        self.minutes_spin.setMinimumWidth(90)
        self.range_label = QLabel(self._details)
        self.range_label.setObjectName("minutesRange")
        minutes_row = QHBoxLayout()
        minutes_row.addWidget(self.minutes_spin)
        minutes_row.addWidget(self.range_label, 1)

        self.breathing_combo = QComboBox(self._details)
        self.breathing_combo.setAccessibleName(self.tr("Breathing pattern"))
        self.sound_combo = QComboBox(self._details)
        self.sound_combo.setAccessibleName(self.tr("Soundscape"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._buddy(self.tr("&Minutes:"), self.minutes_spin), minutes_row)
        form.addRow(self._buddy(self.tr("&Breathing:"), self.breathing_combo), self.breathing_combo)
        form.addRow(self._buddy(self.tr("S&ound:"), self.sound_combo), self.sound_combo)

        self.edit_button = QPushButton(self.tr("Edit…"), self._details)
        self.edit_button.setAutoDefault(False)
        self.edit_button.clicked.connect(self._edit_clicked)
        self.more_button = QToolButton(self._details)
        self.more_button.setText(self.tr("More"))
        self.more_button.setAccessibleName(self.tr("More actions for this routine"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more_button)
        self.favourite_action = self.more_menu.addAction(self.tr("Add to favourites"))
        self.favourite_action.setObjectName("favouriteAction")
        self.favourite_action.triggered.connect(self._toggle_favourite)
        self.more_menu.addSeparator()
        self.duplicate_action = self.more_menu.addAction(self.tr("Duplicate"))
        self.duplicate_action.triggered.connect(lambda: self._emit_for(self.duplicate_requested))
        self.export_action = self.more_menu.addAction(self.tr("Export…"))
        self.export_action.triggered.connect(lambda: self._emit_for(self.export_requested))
        self.delete_action = self.more_menu.addAction(self.tr("Delete…"))
        self.delete_action.triggered.connect(lambda: self._emit_for(self.delete_requested))
        self.more_button.setMenu(self.more_menu)

        self.start_button = QPushButton(self.tr("Start"), self._details)
        self.start_button.setObjectName("startButton")
        self.start_button.setAutoDefault(False)
        self.start_button.setMinimumHeight(44)
        self.start_button.setMinimumWidth(150)
        font = self.start_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.start_button.setFont(font)
        self.start_button.clicked.connect(self.start)

        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.more_button)
        actions.addStretch(1)
        actions.addWidget(self.start_button)

        layout = QVBoxLayout(self._details)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.name_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(scroll, 1)
        layout.addLayout(form)
        layout.addSpacing(4)
        layout.addLayout(actions)

    def _buddy(self, text: str, field: QWidget) -> QLabel:
        label = QLabel(text, self._details)
        label.setBuddy(field)
        return label

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            *self.goal_buttons.values(),
            self.list_view,
            self.minutes_spin,
            self.breathing_combo,
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
        has = routine is not None
        for widget in (
            self.minutes_spin,
            self.breathing_combo,
            self.sound_combo,
            self.start_button,
            self.edit_button,
            self.more_button,
        ):
            widget.setEnabled(has)
        if routine is None:
            self.name_label.setText(self.tr("No routines for this goal yet"))
            self.meta_label.setText(self.tr("Choose another goal, or create your own routine."))
            self.about_label.setText("")
            self.range_label.setText("")
            self.selection_changed.emit("")
            return
        self.name_label.setText(routine.name)
        self.meta_label.setText(
            f"{minutes_range(routine)}  ·  {self.tr(POSITION_LABELS[routine.position])}"
        )
        self.about_label.setText(self._about_html(routine))
        self.about_label.setAccessibleName(self.tr("About %1").replace("%1", routine.name))
        self.about_label.setAccessibleDescription(_plain_about(routine))
        self._show_minutes(routine)
        default_pattern = label_for(self._patterns, routine.breathing)
        default_sound = label_for(self._sounds, routine.sound)
        fill_combo(
            self.breathing_combo,
            self._patterns,
            ("", self.tr("Routine default: %1").replace("%1", default_pattern)),
        )
        fill_combo(
            self.sound_combo,
            self._sounds,
            ("", self.tr("Routine default: %1").replace("%1", default_sound)),
        )
        self.edit_button.setText(self.tr("Edit…") if not routine.builtin else self.tr("Customise…"))
        self.edit_button.setAccessibleName(
            self.tr("Edit %1").replace("%1", routine.name)
            if not routine.builtin
            else self.tr("Customise %1 (built in: make your own copy)").replace("%1", routine.name)
        )
        self.delete_action.setEnabled(not routine.builtin)
        self.start_button.setAccessibleName(self.tr("Start %1").replace("%1", routine.name))
        self._show_favourite(routine.id)
        self.selection_changed.emit(routine.id)

    def _show_minutes(self, routine: Routine) -> None:
        suggested = routine.minutes
        if self._suggest is not None:
            try:
                suggested = int(self._suggest(routine))
            except Exception:
                log.exception("minutes suggestion failed for %s", routine.id)
        suggested = max(routine.min_minutes, min(routine.max_minutes, suggested))
        self.minutes_spin.blockSignals(True)
        self.minutes_spin.setRange(routine.min_minutes, routine.max_minutes)
        self.minutes_spin.setValue(suggested)
        self.minutes_spin.blockSignals(False)
        text = self.tr("%1–%2 minutes").replace("%1", str(routine.min_minutes))
        text = text.replace("%2", str(routine.max_minutes))
        if suggested < routine.minutes:
            text += self.tr("; shorter while you get used to the mat")
        self.range_label.setText(text)

    def _about_html(self, routine: Routine) -> str:
        parts = [f"<p>{html.escape(routine.purpose)}</p>"]
        if routine.description:
            parts.append(f"<p>{html.escape(routine.description)}</p>")
        if routine.tips:
            items = "".join(f"<li>{html.escape(tip)}</li>" for tip in routine.tips)
            parts.append(
                f"<p><b>{html.escape(self.tr('Before you start'))}</b></p>"
                f"<ul style='margin-left: 0px; -qt-list-indent: 1;'>{items}</ul>"
            )
        return "".join(parts)

    def _show_favourite(self, routine_id: str | None) -> None:
        favourite = routine_id is not None and self.model.is_favourite(routine_id)
        self.favourite_action.setText(
            self.tr("Remove from favourites") if favourite else self.tr("Add to favourites")
        )
        self.favourite_action.setEnabled(routine_id is not None)

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


def _plain_about(routine: Routine) -> str:
    lines = [routine.purpose, routine.description, *routine.tips]
    return "\n".join(line for line in lines if line)
