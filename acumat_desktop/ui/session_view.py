"""The session page: the breathing dial with its controls (pause, stop, one minute less or more).

The view presents and forwards. It reads the engine for every frame, forwards the user's commands
to it, and follows its events to switch the dial's animation on and off; it owns no timer besides
the dial's frame timer. Someone else polls the engine (``SessionEngine.poll`` on a single-shot
timer set from ``next_due_in``) so the end and the timed cues fire.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.core.session import (
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
from acumat_desktop.ui.session_actions import SessionActions
from acumat_desktop.ui.widgets.breath_dial import BreathDial
from acumat_desktop.ui.widgets.dial_frame import DialFrame

log = logging.getLogger(__name__)


def ask_to_stop(parent: QWidget) -> bool:
    """Ask before ending a session early. Escape answers "keep going", Enter stops."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(parent.tr("Stop the session?"))
    box.setText(parent.tr("Stop the session now?"))
    box.setInformativeText(parent.tr("The minutes so far are kept in your history."))
    stop = box.addButton(parent.tr("Stop"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(parent.tr("Keep going"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stop)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is stop


class SessionView(QWidget):
    """The dial, the routine's name, a line for tips and cues, and the session controls.

    Keyboard: Space pauses or resumes, Escape stops (after confirming), + and − add or remove a
    minute. The four commands are the shared :class:`SessionActions` (the tray uses the same
    ones), which go through the session service.
    """

    def __init__(
        self, engine: SessionEngine, actions: SessionActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SessionView")
        self._engine = engine
        self.session_actions = actions
        self._tip_text = ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Session"))

        self.routine_label = QLabel(self)
        self.routine_label.setObjectName("routineName")
        self.routine_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.routine_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.routine_label.setFont(font)

        self.dial = BreathDial(self._frame, self)

        self.tip_label = QLabel(self)
        self.tip_label.setObjectName("sessionTip")
        self.tip_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tip_label.setWordWrap(True)
        self.tip_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        controls = self._build_controls()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.routine_label)
        layout.addWidget(self.dial, 1)
        layout.addWidget(self.tip_label)
        layout.addLayout(controls)

        unsubscribe = engine.subscribe(self._on_event)
        # A plain closure (not a bound method) so the engine lets go when the view is deleted.
        self.destroyed.connect(lambda *_: unsubscribe())
        self._show_plan()
        self._sync()

    # ----------------------------------------------------------------- building

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

    # ----------------------------------------------------------------- public API

    def set_reduced_motion(self, on: bool) -> None:
        self.dial.set_reduced_motion(on)

    def set_eyes_closed(self, on: bool) -> None:
        self.dial.set_eyes_closed(on)

    def tip(self) -> str:
        return self._tip_text

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
            remaining_s=engine.remaining_s,
            total_s=engine.total_s,
            breath=engine.breath,
            paused=state is SessionState.PAUSED,
            label=label,
        )

    def _on_event(self, event: SessionEvent) -> None:
        if isinstance(event, Started):
            self._show_plan()
        elif isinstance(event, CueDue):
            self._set_tip(event.text)
        elif isinstance(event, OneMinuteLeft):
            self._set_tip(self.tr("One minute left."))
        elif isinstance(event, Suspended):
            self._set_tip(
                self.tr("Paused while the computer was asleep. Press Space to carry on.")
            )
        elif isinstance(event, Finished):
            self._set_tip(self.tr("Well done. Take a moment before you get up."))
        elif isinstance(event, Stopped):
            self._set_tip(self.tr("Session stopped."))
        self._sync()

    def _show_plan(self) -> None:
        plan = self._engine.plan
        name = plan.routine_name if plan is not None else ""
        self.routine_label.setText(name)
        self.routine_label.setAccessibleName(name or self.tr("No routine"))
        tip = ""
        if plan is not None and plan.pattern is not None and plan.guided:
            tip = plan.pattern.warning or plan.pattern.name
        self._set_tip(tip)

    def _set_tip(self, text: str) -> None:
        self._tip_text = text
        self.tip_label.setText(text)
        self.tip_label.setAccessibleName(text)

    def _sync(self) -> None:
        state = self._engine.state
        paused = state is SessionState.PAUSED
        self.session_actions.sync()
        self.pause_button.setAccessibleName(
            self.tr("Resume session") if paused else self.tr("Pause session")
        )
        self.dial.set_animating(state in (SessionState.COUNTDOWN, SessionState.RUNNING))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The shortcuts follow focus: take it unless a child already has it.
        focused = self.window().focusWidget()
        if focused is None or not (focused is self or self.isAncestorOf(focused)):
            self.setFocus(Qt.FocusReason.OtherFocusReason)
