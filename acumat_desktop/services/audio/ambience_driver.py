"""Ambience on the Qt event loop: one single-shot timer runs
:class:`~acumat_desktop.core.audio.ambience.Ambience`, whose actions are performed on the audio
engine; and the door through which the session's sound reaches the engine, which lets a starting
session take the ambience over without a gap.

The timer is armed for :meth:`Ambience.next_due_in` after every step: nothing runs while
ambience plays without a sleep timer, one wake-up starts a sleep timer's fade, and a hand-over's
cross-fade steps every 100 ms for its 3 s.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from acumat_desktop.core.audio.ambience import Ambience, AmbienceInfo, AmbienceState
from acumat_desktop.core.audio.mix import Layers
from acumat_desktop.core.audio.score import Action, FadeIn, FadeOut, FadeTo, Release, SetLayers
from acumat_desktop.core.clock import Clock, SystemClock
from acumat_desktop.services.audio.due_timer import DueTimer
from acumat_desktop.services.audio.score_driver import SoundOutput

if TYPE_CHECKING:
    from acumat_desktop.core.audio.mixer import Mixer

log = logging.getLogger(__name__)

SIGNAL_CHANGED = "2changed()"  # SIGNAL("changed()"), for receivers()


class AmbienceDriver(QObject):
    """Plays ambience outside sessions on ``output()`` (the audio engine, built on first use).
    ``changed`` is emitted whenever what :meth:`info` says may have changed."""

    changed = Signal()

    def __init__(
        self,
        output: Callable[[], SoundOutput],
        parent: QObject | None = None,
        *,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self._output = output
        self.ambience = Ambience(clock or SystemClock())
        # the session's sound plays through this, so a starting session can take over
        self.session_output = HandOverOutput(output, self.ambience.cancel_crossfade)
        self._timer = DueTimer(self, self.poll)
        self._closed = False

    @property
    def timer_active(self) -> bool:
        return self._timer.isActive()

    @property
    def timer_remaining_ms(self) -> int:
        return self._timer.remainingTime()

    def info(self) -> AmbienceInfo:
        return self.ambience.info()

    def play(self, mix: str, layers: Layers, minutes: float | None = None) -> None:
        """Play ``layers`` (named ``mix``); ValueError for no layers or bad minutes."""
        self._run(self.ambience.play(mix, layers, minutes))

    def set_layers(self, layers: Layers) -> None:
        self._run(self.ambience.set_layers(layers))

    def stop(self) -> None:
        self._run(self.ambience.stop())

    def pause(self) -> None:
        self._run(self.ambience.pause())

    def resume(self) -> None:
        self._run(self.ambience.resume())

    def hand_over(self, session_layers: Layers) -> None:
        self._run(self.ambience.hand_over(session_layers))

    def cancel_crossfade(self) -> None:
        self.ambience.cancel_crossfade()

    def take_over(self, start_session: Callable[[], None], adopt: Callable[[Layers], None]) -> None:
        """A session starts (``start_session`` hands its Started event to the session's sound,
        which plays through :attr:`session_output`): over ambience, the session's layers
        cross-fade in from the ambience's, and a session without sound of its own keeps the
        ambience, made its sound through ``adopt``. The ambience is over either way."""
        ambience = self.ambience.layers
        if not ambience:
            self.hand_over([])  # a stopping ambience's release must not cut the session short
            start_session()
            return
        with self.session_output.holding() as held:
            start_session()
        layers = held[-1] if held else []
        self.hand_over(layers or ambience)
        if not layers:
            adopt(ambience)

    def status(self) -> dict[str, object]:
        """The ``ambience`` of the ``audio`` status part."""
        info = self.ambience.info()
        remaining = info.sleep_timer_remaining_s
        return {
            "playing": info.playing,
            "paused": info.state is AmbienceState.PAUSED,
            "mix": info.mix,
            "sleep_timer_remaining_s": None if remaining is None else round(remaining, 1),
        }

    def shutdown(self) -> None:
        """The app quits: the timer stops, watchers are let go, and nothing runs any more
        (the engine is shut down after this)."""
        self._closed = True
        self._timer.stop()
        if self.receivers(SIGNAL_CHANGED):
            self.changed.disconnect()

    def watch(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` whenever what :meth:`info` says may have changed."""
        self.changed.connect(callback)

    def poll(self) -> None:
        self._run(self.ambience.poll(loaded=self._loaded()))

    def _loaded(self) -> bool:
        """The sounds a hand-over waits for are in the mixer (loaded on the engine's thread)."""
        awaited = self.ambience.awaited
        if not awaited:
            return True
        mixer = self._output().mixer
        return all(mixer.has_layer(sound_id) for sound_id in awaited)

    def _run(self, actions: Iterable[Action]) -> None:
        if self._closed:
            return
        for action in actions:
            try:
                self._perform(action)
            except Exception:
                log.exception("Ambience: %s failed", type(action).__name__)
        self._timer.arm(self.ambience.next_due_in())
        self.changed.emit()

    def _perform(self, action: Action) -> None:
        out = self._output()
        if isinstance(action, SetLayers):
            out.set_layers(list(action.layers))
        elif isinstance(action, FadeIn):
            out.fade_in(action.seconds)
        elif isinstance(action, FadeOut):
            out.fade_out(action.seconds)
        elif isinstance(action, FadeTo):
            out.mixer.fade_to(action.level, action.seconds)
        elif isinstance(action, Release):
            out.stop()


class HandOverOutput:
    """The audio engine as the session's sound sees it. Normally every call goes straight
    through (and a change of layers, a fade-out or a stop ends a hand-over's cross-fade: the
    session decides now). Inside :meth:`holding`, while a session starts over ambience, the
    session's layers are only noted (the ambience cross-fades into them) and its fade-in keeps
    the level where it is, going up, never through silence."""

    def __init__(self, output: Callable[[], SoundOutput], on_direct: Callable[[], None]) -> None:
        self._output = output
        self._on_direct = on_direct
        self._held: list[Layers] | None = None

    @contextmanager
    def holding(self) -> Iterator[list[Layers]]:
        """Within: set_layers calls are noted in the list yielded, fade-ins only go up."""
        held: list[Layers] = []
        self._held = held
        try:
            yield held
        finally:
            self._held = None

    @property
    def mixer(self) -> Mixer:
        return self._output().mixer

    def set_layers(self, layers: list[tuple[str, float]]) -> None:
        if self._held is not None:
            self._held.append(list(layers))
            return
        self._on_direct()
        self._output().set_layers(layers)

    def fade_in(self, seconds: float) -> None:
        if self._held is not None:
            self._output().mixer.fade_to(1.0, seconds)
            return
        self._output().fade_in(seconds)

    def fade_out(self, seconds: float) -> None:
        self._on_direct()
        self._output().fade_out(seconds)

    def play_bell(self, kind: str) -> None:
        self._output().play_bell(kind)

    def schedule_cues(self, cues: list[tuple[float, str]]) -> None:
        self._output().schedule_cues(cues)

    def schedule_ducks(self, cues: list[tuple[float, str]]) -> None:
        self._output().schedule_ducks(cues)

    def clear_cues(self) -> None:
        self._output().clear_cues()

    def fade_out_oneshots(self, seconds: float) -> None:
        self._output().fade_out_oneshots(seconds)

    def stop(self) -> None:
        self._on_direct()
        self._output().stop()
