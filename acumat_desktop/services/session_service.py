"""The session engine on the Qt event loop: one single-shot timer, armed for the next event.

No timer runs while no session is active. While one is, the timer wakes for the engine's next
due event, and at least every WATCHDOG_S so that a suspend is noticed soon after resume. A
caller that wakes that often anyway (the tray's tick) calls :meth:`poll`, which counts the
watchdog from then on, so the watchdog never needs a wakeup of its own.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from acumat_desktop.core.session import SessionEngine, SessionEvent, SessionPlan, SessionState

log = logging.getLogger(__name__)

WATCHDOG_S = 15.0


class SessionService(QObject):
    happened = Signal(object)  # every SessionEvent, in order
    state_changed = Signal(object)  # the new SessionState

    def __init__(self, engine: SessionEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._state = engine.state
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.poll)
        engine.subscribe(self._on_event)

    @property
    def timer_active(self) -> bool:
        return self._timer.isActive()

    @property
    def state(self) -> SessionState:
        return self.engine.state

    def start(self, plan: SessionPlan) -> None:
        self.engine.start(plan)
        self._after_change()

    def pause(self) -> bool:
        done = self.engine.pause()
        self._after_change()
        return done

    def resume(self) -> bool:
        done = self.engine.resume()
        self._after_change()
        return done

    def stop(self) -> bool:
        done = self.engine.stop()
        self._after_change()
        return done

    def adjust(self, seconds: float) -> float:
        applied = self.engine.adjust(seconds)
        self._after_change()
        return applied

    def _on_event(self, event: SessionEvent) -> None:
        self.happened.emit(event)
        self._after_change()

    def _after_change(self) -> None:
        state = self.engine.state
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)
        self._schedule()

    def _schedule(self) -> None:
        due = self.engine.next_due_in()
        if due is None:
            self._timer.stop()
            return
        wait = min(due, WATCHDOG_S)
        self._timer.start(max(0, int(wait * 1000) + 1))

    def poll(self) -> None:
        """Fire what is due now and arm the timer again from now (its watchdog wait too)."""
        self.engine.poll()
        self._after_change()
