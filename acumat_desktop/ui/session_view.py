"""The session page: the breathing dial, and little else, while a person lies on the mat.

The view presents and forwards. It reads the engine for every frame, forwards the user's commands
to it, and follows its events to switch the dial's animation on and off. Someone else polls the
engine (``SessionEngine.poll`` on a single-shot timer set from ``next_due_in``) so the end and
the timed cues fire.

Nothing on the page moves or changes size during a session: the routine's name and the sound
icon share one fixed row at the top, the dial takes the rest, and below it one fixed-height line
carries the routine's timed cues ("Move the pillow under your neck") and the few things worth
saying (one minute left, asleep, the closing words). Tips are the picker's business, before the
start; a breathing pattern's caution shows during the countdown only. The dial counts down the
minutes as chosen; the last exhale may finish a few seconds after 0:00, then the closing words
stay over the dial's last state for ``closing_s`` seconds (the end bell rings meanwhile) and
``closing_done`` tells the pages to show the summary.
A stopped session closes at once (the pages follow ``Stopped`` themselves).

Colours follow the theme and the hour: between 19:00 and 06:00 (wall time from the engine's
clock) the dial takes its warmer, dimmer evening colours (``BreathDial[evening="true"]``).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.core.session import (
    CountdownOver,
    CueDue,
    Finished,
    OneMinuteLeft,
    SessionEngine,
    SessionEvent,
    SessionState,
    Started,
    Stopped,
    Suspended,
)
from acumat_desktop.ui.calm_dialog import ask
from acumat_desktop.ui.session_actions import SessionActions
from acumat_desktop.ui.widgets.breath_dial import BreathDial
from acumat_desktop.ui.widgets.dial_frame import DialFrame
from acumat_desktop.ui.widgets.sound_icon import speaker_icon

log = logging.getLogger(__name__)

CLOSING_S = 6.0
"""How long the closing words stay over the dial before the summary."""
CUE_HOLD_S = 45.0
"""How long a timed cue stays on its line (then the line is quiet again)."""
NOTE_HOLD_S = 12.0
"""How long a passing note ("One minute left.") stays."""
EVENING_FROM_HOUR = 19
EVENING_UNTIL_HOUR = 6
CUE_LINES = 2
"""The cue line's fixed height, in lines: a longer cue is set in a smaller font, never taller."""


def is_evening(now: datetime) -> bool:
    """Whether ``now`` (wall time, read in the local time zone) is evening or night, when the
    dial dims and warms."""
    hour = now.astimezone().hour
    return hour >= EVENING_FROM_HOUR or hour < EVENING_UNTIL_HOUR


def ask_to_stop(parent: QWidget) -> bool:
    """Ask before ending a session early. Escape answers "keep going", Enter stops."""
    return ask(
        parent,
        QCoreApplication.translate("SessionView", "Stop the session?"),
        QCoreApplication.translate("SessionView", "Stop the session now?"),
        QCoreApplication.translate("SessionView", "Stop"),
        QCoreApplication.translate("SessionView", "Keep going"),
        destructive=True,
        detail=QCoreApplication.translate(
            "SessionView", "The minutes so far are kept in your history."
        ),
    )


class SessionView(QWidget):
    """The dial, the routine's name, a fixed line for cues, the session controls and the sound
    icon.

    Keyboard: Space pauses or resumes, Escape stops (after confirming; in full screen the window
    takes Escape first, to leave full screen), + and − add or remove a minute. The four commands
    are the shared :class:`SessionActions` (the tray uses the same ones), which go through the
    session service.
    """

    closing_done = Signal()  # the closing words have been shown: time for the summary
    sound_requested = Signal()  # the sound icon was pressed (the sound feature opens its popover)

    def __init__(
        self,
        engine: SessionEngine,
        actions: SessionActions,
        parent: QWidget | None = None,
        *,
        closing_s: float = CLOSING_S,
        last_note: tuple[SessionEvent, float] | None = None,
    ) -> None:
        """``last_note``: for a page built while a session runs, the last event that changed
        the line under the dial and the seconds since (see ``core/session_notes.py``): the
        page then shows what it would show had it been there from the start."""
        super().__init__(parent)
        self.setObjectName("SessionView")
        self._engine = engine
        self.session_actions = actions
        self._tip_text = ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Session"))

        self._closing_ms = round(closing_s * 1000)
        self._closing = self._single_shot(self._closing_ms, self._close_gently)
        self._closing.setObjectName("sessionClosing")  # one shot after the end, then sleep
        self._tip_timer = self._single_shot(0, lambda: self._set_tip(""))
        self._tip_timer.setObjectName("sessionCueHold")

        self.dial = BreathDial(self._frame, self)
        self.tip_label = self._build_tip_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 16, 16)
        layout.setSpacing(8)
        layout.addLayout(self._build_header())
        layout.addWidget(self.dial, 1)
        layout.addWidget(self.tip_label)
        layout.addLayout(self._build_controls())

        unsubscribe = engine.subscribe(self._on_event)
        # A plain closure (not a bound method) so the engine lets go when the view is deleted.
        self.destroyed.connect(lambda *_: unsubscribe())
        self._show_plan()
        if last_note is not None:
            self._take(*last_note)
        self._sync()

    # ----------------------------------------------------------------- building

    def _single_shot(self, ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def _build_header(self) -> QHBoxLayout:
        """The routine's name, centred, and the sound icon in the corner: one fixed row."""
        self.routine_label = QLabel(self)
        self.routine_label.setObjectName("routineName")
        self.routine_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.routine_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        font = self.routine_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.routine_label.setFont(font)

        self.sound_button = QToolButton(self)
        self.sound_button.setObjectName("soundButton")
        self.sound_button.setAutoRaise(True)
        self.sound_button.setText(self.tr("Sound"))
        self.sound_button.setToolTip(self.tr("Sound: layers, volume, mute"))
        self.sound_button.setAccessibleName(self.tr("Sound"))
        self.sound_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._paint_sound_icon()
        self.sound_button.clicked.connect(self.sound_requested)
        policy = self.sound_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the row keeps its shape with or without it
        self.sound_button.setSizePolicy(policy)
        self.sound_button.hide()  # until a sound feature offers its controls (set_sound_offered)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addSpacing(self.sound_button.sizeHint().width())  # keeps the name centred
        row.addWidget(self.routine_label, 1)
        row.addWidget(self.sound_button, 0, Qt.AlignmentFlag.AlignRight)
        return row

    def _build_tip_label(self) -> QLabel:
        """One fixed-height line under the dial: it never pushes the dial around."""
        label = QLabel(self)
        label.setObjectName("sessionTip")
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        label.setFixedHeight(self._tip_height(label))
        return label

    def _tip_height(self, label: QLabel) -> int:
        margins = label.contentsMargins()
        spacing = self.fontMetrics().lineSpacing()
        return math.ceil(spacing * CUE_LINES) + margins.top() + margins.bottom() + 2

    def _build_controls(self) -> QHBoxLayout:
        """The four shared session actions as buttons, their keys active on this page."""
        actions = self.session_actions
        for action in actions.all():
            self.addAction(action)
        self.less_button = self._button(actions.less, self.tr("One minute less"))
        self.pause_button = self._button(actions.pause, self.tr("Pause session"))
        self.more_button = self._button(actions.more, self.tr("One minute more"))
        self.stop_button = self._button(actions.stop, self.tr("Stop session"))

        controls = QHBoxLayout()
        controls.addStretch(1)
        for button in (self.less_button, self.pause_button, self.more_button):
            controls.addWidget(button)
        controls.addSpacing(24)
        controls.addWidget(self.stop_button)
        controls.addStretch(1)
        return controls

    def _button(self, action: QAction, accessible_name: str) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setMinimumWidth(88)
        button.setMinimumHeight(34)
        button.setAccessibleName(accessible_name)
        return button

    def _paint_sound_icon(self) -> None:
        color = self.palette().color(self.foregroundRole())
        self.sound_button.setIcon(speaker_icon(color))
        self.sound_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    # ----------------------------------------------------------------- public API

    def set_reduced_motion(self, on: bool) -> None:
        self.dial.set_reduced_motion(on)

    def set_eyes_closed(self, on: bool) -> None:
        self.dial.set_eyes_closed(on)

    def set_sound_offered(self, on: bool) -> None:
        """Show the sound icon (a sound feature answers ``sound_requested``)."""
        self.sound_button.setVisible(on)

    def tip(self) -> str:
        return self._tip_text

    def is_closing(self) -> bool:
        """Whether the closing words are showing (between the end and ``closing_done``)."""
        return self._closing.isActive()

    def closing_ms(self) -> int:
        return self._closing_ms

    def request_stop(self) -> None:
        """Stop after the person confirms (nothing happens if no session is active)."""
        self.session_actions.request_stop()

    # ----------------------------------------------------------------- reading the engine

    def _frame(self) -> DialFrame:
        engine = self._engine
        state = engine.state
        label = ""
        countdown = engine.countdown_remaining_s
        if countdown > 0:
            label = self.tr("Starting in %1").replace("%1", str(math.ceil(countdown - 1e-9)))
        elif state is SessionState.FINISHED:
            label = self.tr("Complete")
        elif state is SessionState.STOPPED:
            label = self.tr("Stopped")
        return DialFrame(
            remaining_s=engine.chosen_remaining_s,
            total_s=engine.chosen_s,
            breath=engine.breath,
            paused=state is SessionState.PAUSED,
            label=label,
        )

    def _on_event(self, event: SessionEvent) -> None:
        self._take(event)
        self._sync()

    def _take(self, event: SessionEvent, since_s: float = 0.0) -> None:
        """Follow ``event``, which came ``since_s`` seconds ago (0 but for a page built late)."""
        if isinstance(event, Started):
            self._closing.stop()
            self._show_plan()
        elif isinstance(event, CountdownOver):
            self._set_tip("")  # the caution was for before the start
        elif isinstance(event, CueDue):
            self._set_tip(event.text, CUE_HOLD_S - since_s)
        elif isinstance(event, OneMinuteLeft):
            self._set_tip(self.tr("One minute left."), NOTE_HOLD_S - since_s)
        elif isinstance(event, Suspended):
            self._set_tip(self.tr("Paused while the computer was asleep. Press Space to carry on."))
        elif isinstance(event, Finished):
            self._set_tip(self.tr("Well done. Take a moment before you get up."))
            left_ms = self._closing_ms - round(since_s * 1000)
            if left_ms > 0:  # a page built after the closing words had gone stays quiet
                self._closing.start(left_ms)
        elif isinstance(event, Stopped):
            self._closing.stop()
            self._set_tip(self.tr("Session stopped."))

    def _close_gently(self) -> None:
        log.debug("closing words shown; on to the summary")
        self._closing.setInterval(self._closing_ms)  # a late page started it with what was left
        self.closing_done.emit()

    def _show_plan(self) -> None:
        plan = self._engine.plan
        name = plan.routine_name if plan is not None else ""
        self.routine_label.setText(name)
        self.routine_label.setAccessibleName(name or self.tr("No routine"))
        # Tips belong before the start: only a breathing pattern's caution is shown, during the
        # countdown; then the line waits for the routine's timed cues.
        caution = ""
        counting = self._engine.state is SessionState.COUNTDOWN
        if plan is not None and plan.pattern is not None and plan.guided and counting:
            caution = plan.pattern.warning or ""
        self._set_tip(caution)
        self._follow_the_hour()

    def _follow_the_hour(self) -> None:
        evening = is_evening(self._engine.clock.now())
        if self.dial.property("evening") != evening:
            self.dial.setProperty("evening", evening)
            style = self.dial.style()
            style.unpolish(self.dial)
            style.polish(self.dial)
            self.dial.update()

    def _set_tip(self, text: str, hold_s: float | None = None) -> None:
        """Show ``text`` for ``hold_s`` seconds (None: until the next note; 0 or less: its
        time is over, so the line is quiet)."""
        self._tip_timer.stop()
        if hold_s is not None and hold_s <= 0:
            text = ""
        self._tip_text = text
        self.tip_label.setText(text)
        self.tip_label.setAccessibleName(text)
        self._fit_tip()
        if text and hold_s is not None:
            self._tip_timer.start(max(1, round(hold_s * 1000)))

    def _fit_tip(self) -> None:
        """Set the cue a little smaller when it needs more than its fixed lines."""
        label = self.tip_label
        room = label.contentsRect()
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter)
        base = self.font()
        for share in (1.0, 0.9, 0.8):
            font = QFont(base)
            font.setPointSizeF(base.pointSizeF() * share)
            label.setFont(font)
            needed = label.fontMetrics().boundingRect(room, flags, self._tip_text)
            if needed.height() <= room.height():
                return

    def _sync(self) -> None:
        state = self._engine.state
        paused = state is SessionState.PAUSED
        self.session_actions.sync()
        self.pause_button.setAccessibleName(
            self.tr("Resume session") if paused else self.tr("Pause session")
        )
        self.dial.set_animating(state in (SessionState.COUNTDOWN, SessionState.RUNNING))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._paint_sound_icon()
        if event.type() == QEvent.Type.FontChange:
            self.tip_label.setFixedHeight(self._tip_height(self.tip_label))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_tip()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The shortcuts follow focus: take it unless a child already has it.
        focused = self.window().focusWidget()
        if focused is None or not (focused is self or self.isAncestorOf(focused)):
            self.setFocus(Qt.FocusReason.OtherFocusReason)
