"""After a session: what was done (minutes, routine, breaths guided), how it felt (1–5, as
accessible buttons) and Done. It presents a SessionRecord and forwards the choices.

The headline says whether the session was completed or stopped; the tiles add only what it does
not say (the time on the mat, the breaths), each caption a plural through ``%n``. The feeling
question comes only after a session of at least FEELING_MIN_S: nobody feels different after a
few seconds, and asking would fill the history with noise.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.core.history import SessionRecord
from acumat_desktop.ui.plurals import install_english_plurals
from acumat_desktop.ui.widgets.stat_tile import StatTile

FEELINGS = (
    str(QT_TRANSLATE_NOOP("Feelings", "Not great")),
    str(QT_TRANSLATE_NOOP("Feelings", "So-so")),
    str(QT_TRANSLATE_NOOP("Feelings", "Okay")),
    str(QT_TRANSLATE_NOOP("Feelings", "Good")),
    str(QT_TRANSLATE_NOOP("Feelings", "Great")),
)
FEELING_MIN_S = 60.0
"""Sessions shorter than this end without the feeling question."""

_STYLE = """
QPushButton#feeling {
    padding: 6px 4px; border: 1px solid palette(mid); border-radius: 10px;
    background: palette(base); min-width: 72px; min-height: 44px;
}
QPushButton#feeling:hover { border-color: palette(highlight); }
QPushButton#feeling:checked {
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight);
}
QPushButton#feeling:focus { border: 2px solid palette(highlight); }
QPushButton#feeling:checked:focus { border: 2px solid palette(text); }
QFrame#statTile { border: 1px solid palette(mid); border-radius: 10px; background: palette(base); }
QPushButton#doneButton {
    background: palette(highlight); color: palette(highlighted-text);
    border: 2px solid palette(highlight); border-radius: 8px; padding: 8px 32px;
}
QPushButton#doneButton:focus { border-color: palette(text); }
"""


def feeling_word(value: int) -> str:
    """The word for a feeling from 1 to 5, in the interface's language."""
    return QCoreApplication.translate("Feelings", FEELINGS[value - 1])


def minutes_text(seconds: float) -> str:
    """``45 s`` under a minute, else whole minutes (``1 min``, ``18 min``)."""
    if seconds < 59.5:
        return QCoreApplication.translate("SessionSummary", "%1 s").replace(
            "%1", str(round(seconds))
        )
    text = QCoreApplication.translate("SessionSummary", "%1 min")
    return text.replace("%1", str(round(seconds / 60)))


class SessionSummary(QWidget):
    feeling_chosen = Signal(int)
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SessionSummary")
        self.setAccessibleName(self.tr("Session summary"))
        self._record: SessionRecord | None = None

        install_english_plurals()
        self._build_title()
        tiles = self._build_tiles()
        self._build_feeling_box()
        done_row = self._build_done()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(10)
        layout.addStretch(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.routine_label)
        layout.addSpacing(14)
        layout.addLayout(tiles)
        layout.addSpacing(24)
        layout.addWidget(self.feeling_box)
        layout.addSpacing(12)
        layout.addLayout(done_row)
        layout.addStretch(3)
        self.setStyleSheet(_STYLE)

    def _build_feeling_box(self) -> None:
        """The question, the five answers and the note, shown or hidden together."""
        self.feeling_box = QWidget(self)
        self.feeling_box.setObjectName("feelingBox")
        question = QLabel(self.tr("How do you feel?"), self.feeling_box)
        question.setObjectName("feelingQuestion")
        question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        qfont = question.font()
        qfont.setPointSizeF(qfont.pointSizeF() * 1.2)
        question.setFont(qfont)
        self.question_label = question
        feelings = self._build_feelings()
        self.feeling_note = QLabel(self.feeling_box)
        self.feeling_note.setObjectName("feelingNote")
        self.feeling_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        feeling_layout = QVBoxLayout(self.feeling_box)
        feeling_layout.setContentsMargins(0, 0, 0, 0)
        feeling_layout.setSpacing(10)
        feeling_layout.addWidget(question)
        feeling_layout.addLayout(feelings)
        feeling_layout.addWidget(self.feeling_note)

    def _build_title(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setObjectName("summaryTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)
        self.routine_label = QLabel(self)
        self.routine_label.setObjectName("summaryRoutine")
        self.routine_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def _build_tiles(self) -> QHBoxLayout:
        self.minutes_value, self.minutes_caption, minutes_tile = self._tile(self.tr("on the mat"))
        self.breaths_value, self.breaths_caption, self.breaths_tile = self._tile("")
        tiles = QHBoxLayout()
        tiles.setSpacing(12)
        tiles.addStretch(1)
        for tile in (minutes_tile, self.breaths_tile):
            tiles.addWidget(tile)
        tiles.addStretch(1)
        return tiles

    def _build_feelings(self) -> QHBoxLayout:
        """Five checkable buttons, 1 (not great) to 5 (great), one of them chosen at most."""
        self.feeling_group = QButtonGroup(self)
        self.feeling_group.setExclusive(True)
        self.feeling_buttons: list[QPushButton] = []
        feelings = QHBoxLayout()
        feelings.setSpacing(8)
        feelings.addStretch(1)
        for value in range(1, len(FEELINGS) + 1):
            button = QPushButton(f"{value}\n{feeling_word(value)}", self.feeling_box)
            button.setObjectName("feeling")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setAccessibleName(
                self.tr("Feeling %1 of 5: %2")
                .replace("%1", str(value))
                .replace("%2", feeling_word(value))
            )
            button.setToolTip(self.tr("Press %1").replace("%1", str(value)))
            button.clicked.connect(lambda _checked=False, v=value: self._choose(v))
            self.feeling_group.addButton(button, value)
            self.feeling_buttons.append(button)
            feelings.addWidget(button)
        feelings.addStretch(1)
        return feelings

    def _build_done(self) -> QHBoxLayout:
        self.done_button = QPushButton(self.tr("Done"), self)
        self.done_button.setObjectName("doneButton")
        self.done_button.setAccessibleName(self.tr("Done: back to the routines"))
        self.done_button.setAutoDefault(False)
        self.done_button.clicked.connect(self.done)
        done_row = QHBoxLayout()
        done_row.addStretch(1)
        done_row.addWidget(self.done_button)
        done_row.addStretch(1)
        return done_row

    def _tile(self, caption: str) -> tuple[QLabel, QLabel, QFrame]:
        tile = StatTile(caption, self, scale=1.5, margins=(14, 10))
        tile.setMinimumWidth(130)
        return tile.value, tile.caption, tile

    # ----------------------------------------------------------------- public API

    def set_record(self, record: SessionRecord) -> None:
        """Show a finished or stopped session (its feeling preselected if already noted)."""
        self._record = record
        completed = record.completed
        self.title_label.setText(self.tr("Well done") if completed else self.tr("Session stopped"))
        self.routine_label.setText(record.routine_name)
        done = minutes_text(record.actual_s)
        self.minutes_value.setText(done)
        planned = minutes_text(record.planned_s)
        self.minutes_caption.setText(
            self.tr("on the mat") if completed else self.tr("of %1 planned").replace("%1", planned)
        )
        breaths = record.breaths
        self.breaths_value.setText(str(breaths))
        self.breaths_caption.setText(self.tr("breaths guided", "", breaths))
        self.breaths_tile.setVisible(breaths > 0)
        self.setAccessibleDescription(self._summary(record, done))
        self.feeling_box.setVisible(self.asks_feeling(record))
        self._show_feeling(record.feeling)
        self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def asks_feeling(record: SessionRecord) -> bool:
        """Only after a session long enough to feel (or one whose feeling is already noted)."""
        return record.actual_s >= FEELING_MIN_S or record.feeling is not None

    def _summary(self, record: SessionRecord, done: str) -> str:
        if record.completed:
            text = self.tr("%1: %2 on the mat, completed.")
        else:
            text = self.tr("%1: %2 on the mat, stopped.")
        text = text.replace("%1", record.routine_name).replace("%2", done)
        if record.breaths > 0:
            text += " " + self.tr("%n breaths guided.", "", record.breaths)
        return text

    def record(self) -> SessionRecord | None:
        return self._record

    def feeling(self) -> int | None:
        checked = self.feeling_group.checkedId()
        return checked if checked > 0 else None

    def summary_text(self) -> str:
        return self.accessibleDescription()

    # ----------------------------------------------------------------- behaviour

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text in {"1", "2", "3", "4", "5"} and self.feeling_box.isVisibleTo(self):
            self.feeling_buttons[int(text) - 1].click()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton) and focused is not self.done_button:
                focused.click()
            else:
                self.done.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def _choose(self, value: int) -> None:
        self.feeling_buttons[value - 1].setChecked(True)
        self._show_feeling(value)
        self.feeling_chosen.emit(value)

    def _show_feeling(self, value: int | None) -> None:
        if value is None:
            self.feeling_group.setExclusive(False)
            for button in self.feeling_buttons:
                button.setChecked(False)
            self.feeling_group.setExclusive(True)
            self.feeling_note.setText(self.tr("Optional: it is kept with this session."))
        else:
            self.feeling_buttons[value - 1].setChecked(True)
            self.feeling_note.setText(
                self.tr("Noted: %1.").replace("%1", feeling_word(value).lower())
            )
