"""The right half of the routine picker: the chosen routine's name, what it is for and its tips,
the session's minutes, breathing and sound, Edit/More, and the big Start button.

It only shows: the picker owns the selection, connects the buttons and menu actions to its own
signals, and calls :meth:`RoutineDetails.show_routine` when the selection changes.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.core.acclimation import MinutesChoice
from acumat_desktop.core.routines import POSITION_LABELS, Routine
from acumat_desktop.ui.routine_choices import Choice, fill_combo, label_for
from acumat_desktop.ui.widgets.routine_cards import minutes_range


class RoutineDetails(QWidget):
    """Details and session choices for one routine (or a hint when there is none)."""

    # the ▶ beside the sound: play the chosen sound now, as ambience (■ stops it)
    sound_preview_requested = Signal(str)  # a soundscape id, a mix or a saved mix's name
    sound_preview_stop_requested = Signal()
    # a gentler routine named under the minutes was clicked ("First time on the mat")
    routine_suggested = Signal(str)

    def __init__(self, patterns: list[Choice], sounds: list[Choice], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("routineDetails")
        self._patterns = patterns
        self._sounds = sounds
        self._routine_sound: str | None = None
        self._previewing = False
        self._build_title()
        scroll = self._build_about()
        form = self._build_form()
        actions = self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.name_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(scroll, 1)
        layout.addLayout(form)
        layout.addSpacing(4)
        layout.addLayout(actions)

    # ----------------------------------------------------------------- building

    def _build_title(self) -> None:
        self.name_label = QLabel(self)
        self.name_label.setObjectName("routineTitle")
        self.name_label.setWordWrap(True)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.name_label.setFont(font)
        self.meta_label = QLabel(self)
        self.meta_label.setObjectName("routineMeta")
        self.meta_label.setWordWrap(True)

    def _build_about(self) -> QScrollArea:
        self.about_label = QLabel(self)
        self.about_label.setObjectName("routineAbout")
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.RichText)
        self.about_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.about_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea(self)
        scroll.setObjectName("routineAboutScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.about_label)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.viewport().setAutoFillBackground(False)
        self.about_label.setAutoFillBackground(False)
        return scroll

    def _build_form(self) -> QFormLayout:
        self.minutes_spin = QSpinBox(self)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.minutes_spin.setAccessibleName(self.tr("Session length in minutes"))
        self.minutes_spin.setMinimumWidth(90)
        self.range_label = QLabel(self)
        self.range_label.setObjectName("minutesRange")
        self.range_label.setWordWrap(True)
        self.range_label.setTextFormat(Qt.TextFormat.RichText)
        self.range_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.range_label.linkActivated.connect(self._link_activated)
        minutes_row = QVBoxLayout()
        minutes_row.setSpacing(2)
        minutes_row.addWidget(self.minutes_spin, 0, Qt.AlignmentFlag.AlignLeft)
        minutes_row.addWidget(self.range_label)

        self.breathing_combo = QComboBox(self)
        self.breathing_combo.setAccessibleName(self.tr("Breathing pattern"))
        self.sound_combo = QComboBox(self)
        self.sound_combo.setAccessibleName(self.tr("Soundscape"))
        for combo in (self.breathing_combo, self.sound_combo):
            # Long names elide in the closed box (the open list shows them whole) rather than
            # widening the window.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow(self._buddy(self.tr("&Minutes:"), self.minutes_spin), minutes_row)
        form.addRow(self._buddy(self.tr("&Breathing:"), self.breathing_combo), self.breathing_combo)
        # Shown once the picker's owner keeps the choice (set_ramp_routines): a box that
        # changed nothing would be worse than none.
        self.ramp_check = QCheckBox(self.tr("&Ease in: start at an everyday pace"), self)
        self.ramp_check.setObjectName("rampCheck")
        self.ramp_check.setToolTip(
            self.tr(
                "The breathing starts at about 12 breaths a minute and slows to the "
                "pattern's own pace over the first two minutes."
            )
        )
        self.ramp_check.setAccessibleName(self.tr("Ease into the breathing pattern"))
        self.ramp_check.setVisible(False)
        form.addRow("", self.ramp_check)
        sound_row = QHBoxLayout()
        sound_row.addWidget(self.sound_combo, 1)
        sound_row.addWidget(self._build_sound_preview())
        form.addRow(self._buddy(self.tr("S&ound:"), self.sound_combo), sound_row)
        return form

    def _build_sound_preview(self) -> QToolButton:
        self.sound_preview = QToolButton(self)
        self.sound_preview.setObjectName("soundPreview")
        self.sound_preview.clicked.connect(self._preview_clicked)
        self.show_sound_preview(False)
        return self.sound_preview

    def show_sound_preview(self, playing: bool) -> None:
        """Ambience plays (the ▶ becomes ■, which stops it) or not."""
        self._previewing = playing
        button = self.sound_preview
        button.setText("■" if playing else "▶")
        text = self.tr("Stop the ambience") if playing else self.tr("Listen to this sound now")
        button.setToolTip(text)
        button.setAccessibleName(text)

    def _preview_clicked(self) -> None:
        if self._previewing:
            self.sound_preview_stop_requested.emit()
            return
        spec = self.sound_combo.currentData() or self._routine_sound
        if spec and spec != "none":
            self.sound_preview_requested.emit(str(spec))

    def _buddy(self, text: str, field: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(field)
        return label

    def _build_actions(self) -> QVBoxLayout:
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setAutoDefault(False)
        self._build_more_menu()
        self.start_button = QPushButton(self.tr("Start"), self)
        self.start_button.setObjectName("startButton")
        self.start_button.setAutoDefault(False)
        self.start_button.setMinimumHeight(44)
        self.start_button.setMinimumWidth(150)
        self.start_button.setMaximumWidth(360)
        self.start_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        font = self.start_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.start_button.setFont(font)

        secondary = QHBoxLayout()
        secondary.addWidget(self.edit_button)
        secondary.addWidget(self.more_button)
        secondary.addStretch(1)
        actions = QVBoxLayout()
        actions.setSpacing(10)
        actions.addLayout(secondary)
        # One obvious next step, wide in a narrow panel, never wider than a calm maximum.
        start_row = QHBoxLayout()
        start_row.addStretch(1)
        start_row.addWidget(self.start_button, 3)
        actions.addLayout(start_row)
        return actions

    def _build_more_menu(self) -> None:
        # A push button keeps room for its menu arrow (a text-only tool button in instant-popup
        # mode draws the arrow over its text).
        self.more_button = QPushButton(self.tr("More"), self)
        self.more_button.setAutoDefault(False)
        self.more_button.setAccessibleName(self.tr("More actions for this routine"))
        self.more_menu = QMenu(self.more_button)
        self.favourite_action = self.more_menu.addAction(self.tr("Add to favourites"))
        self.favourite_action.setObjectName("favouriteAction")
        self.more_menu.addSeparator()
        self.duplicate_action = self.more_menu.addAction(self.tr("Duplicate"))
        self.export_action = self.more_menu.addAction(self.tr("Export…"))
        self.delete_action = self.more_menu.addAction(self.tr("Delete…"))
        self.more_button.setMenu(self.more_menu)

    # ----------------------------------------------------------------- showing

    def show_routine(
        self,
        routine: Routine | None,
        suggested_minutes: int | MinutesChoice,
        *,
        gentler: Routine | None = None,
    ) -> None:
        """Show ``routine`` with ``suggested_minutes`` preset (clamped to its range), or a hint
        and disabled controls when there is none. A :class:`MinutesChoice` also says the
        acclimation week under the minutes; ``gentler`` is offered there (a link) when the
        routine is longer than the week's plan."""
        for widget in (
            self.minutes_spin,
            self.ramp_check,
            self.breathing_combo,
            self.sound_combo,
            self.sound_preview,
            self.start_button,
            self.edit_button,
            self.more_button,
        ):
            widget.setEnabled(routine is not None)
        self._routine_sound = routine.sound if routine is not None else None
        if routine is None:
            self.name_label.setText(self.tr("No routines for this goal yet"))
            self.meta_label.setText(self.tr("Choose another goal, or create your own routine."))
            self.about_label.setText("")
            self.range_label.setText("")
            return
        self.name_label.setText(routine.name)
        position = QCoreApplication.translate("Routines", POSITION_LABELS[routine.position])
        self.meta_label.setText(f"{minutes_range(routine)}  ·  {position}")
        self.about_label.setText(self._about_html(routine))
        self.about_label.setAccessibleName(self.tr("About %1").replace("%1", routine.name))
        self.about_label.setAccessibleDescription(_plain_about(routine))
        self._show_minutes(routine, suggested_minutes, gentler)
        self._show_choices(routine)
        self.edit_button.setText(self.tr("Edit…") if not routine.builtin else self.tr("Customise…"))
        self.edit_button.setAccessibleName(
            self.tr("Edit %1").replace("%1", routine.name)
            if not routine.builtin
            else self.tr("Customise %1 (built in: make your own copy)").replace("%1", routine.name)
        )
        self.delete_action.setEnabled(not routine.builtin)
        self.start_button.setAccessibleName(self.tr("Start %1").replace("%1", routine.name))

    def show_ramp(self, on: bool, *, offered: bool = True) -> None:
        """The ease-in box, checked or not (without emitting); hidden where it is not kept."""
        self.ramp_check.blockSignals(True)
        self.ramp_check.setChecked(on)
        self.ramp_check.blockSignals(False)
        self.ramp_check.setVisible(offered)

    def show_favourite(self, routine_id: str | None, favourite: bool) -> None:
        self.favourite_action.setText(
            self.tr("Remove from favourites") if favourite else self.tr("Add to favourites")
        )
        self.favourite_action.setEnabled(routine_id is not None)

    def _show_minutes(
        self, routine: Routine, suggested: int | MinutesChoice, gentler: Routine | None
    ) -> None:
        choice = suggested if isinstance(suggested, MinutesChoice) else None
        minutes = round(suggested.minutes) if isinstance(suggested, MinutesChoice) else suggested
        minutes = max(routine.min_minutes, min(routine.max_minutes, minutes))
        self.minutes_spin.blockSignals(True)
        self.minutes_spin.setRange(routine.min_minutes, routine.max_minutes)
        self.minutes_spin.setValue(minutes)
        self.minutes_spin.blockSignals(False)
        line = html.escape(self._minutes_line(routine, minutes, choice), quote=False)
        if choice is not None and choice.over_plan and gentler is not None:
            name = html.escape(gentler.name, quote=False)
            link = f"<a href='routine:{html.escape(gentler.id)}'>{name}</a>"
            words = html.escape(self.tr("%1 is a gentler start for now."), quote=False)
            line += " " + words.replace("%1", link)
        self.range_label.setText(line)
        self.range_label.setToolTip(
            self.tr("The plan can be turned off or its weekly step changed in Settings.")
            if choice is not None and choice.week is not None
            else ""
        )

    def minutes_line(self) -> str:
        """What the line under the minutes says, as plain text."""
        return QTextDocumentFragment.fromHtml(self.range_label.text()).toPlainText()

    def _link_activated(self, link: str) -> None:
        if link.startswith("routine:"):
            self.routine_suggested.emit(link.removeprefix("routine:"))

    def _minutes_line(self, routine: Routine, minutes: int, choice: MinutesChoice | None) -> str:
        """``Week 2 of getting used to the mat: up to 10 minutes`` while the plan runs (or, for a
        routine whose shortest session is longer than that, that it is longer), else the
        routine's range."""
        if choice is not None and choice.week is not None and choice.cap is not None:
            if choice.over_plan:
                text = self.tr(
                    "This routine takes at least %n minutes, more than week %1 of getting used "
                    "to the mat suggests (up to %2).",
                    "",
                    routine.min_minutes,
                )
                return text.replace("%1", str(choice.week + 1)).replace("%2", str(choice.cap))
            text = self.tr("Week %1 of getting used to the mat: up to %n minutes", "", choice.cap)
            return text.replace("%1", str(choice.week + 1))
        text = (
            self.tr("%1–%2 minutes; shorter while you get used to the mat")
            if choice is None and minutes < routine.minutes
            else self.tr("%1–%2 minutes")
        )
        return text.replace("%1", str(routine.min_minutes)).replace("%2", str(routine.max_minutes))

    def _show_choices(self, routine: Routine) -> None:
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


def _plain_about(routine: Routine) -> str:
    lines = [routine.purpose, routine.description, *routine.tips]
    return "\n".join(line for line in lines if line)
