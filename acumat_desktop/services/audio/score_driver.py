"""The score on the Qt event loop: one single-shot timer, and the score's actions performed on
the audio engine and the speech engine.

The timer is armed for :meth:`SessionScore.next_due_in` after every step, so nothing runs while
nothing is due. Cue times stay session times until the last moment: the first batch after a
clear is turned into delays from *now* just before the audio engine places it by sample
position, so a late step moves no cue (one already past sounds at once); later batches are put
at the same sample distance from it as in session time (:class:`Placement`), so the beat stays
exact to the sample across refills.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QObject

from acumat_desktop.core.audio.score import (
    Action,
    ClearCues,
    Cue,
    CueKind,
    DuckUnder,
    FadeIn,
    FadeOut,
    FadeOutOneshots,
    FadeTo,
    PlayCues,
    Prompt,
    Release,
    RingBell,
    Say,
    SessionScore,
    SetLayers,
)
from acumat_desktop.services.audio.due_timer import DueTimer

if TYPE_CHECKING:  # numpy stays out of start-up
    from acumat_desktop.core.audio.dsp import F32
    from acumat_desktop.core.audio.mixer import Mixer, OneShot

log = logging.getLogger(__name__)

# The mixer's position steps in 50 ms blocks and the output's queue breathes by as much: a lag
# beyond this is an underrun, not noise.
RESYNC_S = 0.12


class SoundOutput(Protocol):
    """The part of AudioEngine a session uses."""

    @property
    def mixer(self) -> Mixer: ...

    def set_layers(self, layers: list[tuple[str, float]]) -> None: ...

    def fade_in(self, seconds: float) -> None: ...

    def fade_out(self, seconds: float) -> None: ...

    def play_bell(self, kind: str) -> None: ...

    def schedule_cues(self, cues: list[tuple[float, str]]) -> None: ...

    def schedule_ducks(self, cues: list[tuple[float, str]]) -> None: ...

    def clear_cues(self) -> None: ...

    def fade_out_oneshots(self, seconds: float) -> None: ...

    def stop(self) -> None: ...


class Speaker(Protocol):
    """The part of SpokenCues a session uses."""

    @property
    def available(self) -> bool: ...

    def say(self, kind: str, *, late_s: float = 0.0) -> None:
        """Say a breathing cue now; its boundary was ``late_s`` ago (a cue kept waiting behind
        a prompt is dropped once it is more than 300 ms past its boundary)."""

    def stop(self) -> None: ...


@runtime_checkable
class TextSpeaker(Protocol):
    """A speaker that can also say any words (a routine's prompts)."""

    def say_text(self, text: str) -> None: ...


class Prompter(Protocol):
    """The part of RoutinePrompts a session uses: says a routine's prompts once it has found a
    speech engine (asked at the session's start, never built at the prompt)."""

    @property
    def ready(self) -> bool: ...

    def prepare(self) -> None: ...

    def say_text(self, text: str) -> bool: ...


@dataclass(frozen=True)
class Placement:
    """Where one run of cues (from a clear to the next) sits in the mix: session time ``at_s``
    is sample ``position``. Learnt from a batch the engine placed itself, read back from the
    mixer; ``shots`` are the one-shots it made, by kind, so later batches sound the same."""

    family: str  # "tone" or "duck"
    at_s: float
    position: int
    shots: dict[str, OneShot]
    # (session time, mixer position) once the output runs: the mixer renders at its pace
    reference: tuple[float, int] | None = None

    @staticmethod
    def learn(
        mixer: Mixer, family: str, cues: tuple[Cue, ...], delays: list[tuple[float, str]]
    ) -> Placement | None:
        """From the batch just placed (``cues`` at ``delays`` from now): its last cue, still
        to come, is the newest pending one-shot of its kind. None when it cannot be told (the
        batch was late, or the output does not place into this mixer)."""
        if not cues or delays[-1][0] <= 0:
            return None
        newest: dict[str, OneShot] = {}
        for shot in mixer.pending_oneshots():
            if shot.position >= newest.get(shot.kind, shot).position:
                newest[shot.kind] = shot
        last = newest.get(cues[-1].kind.value)
        if last is None or last.position < mixer.position:
            return None
        return Placement(family, cues[-1].at_s, last.position, newest)

    def follow(self, mixer: Mixer, now_s: float) -> Placement:
        """Keep the rule on the session's clock. Once the output runs, the mixer's position
        advances as session time does; if it fell behind (an underrun: the output played
        nothing for a while, and everything after sounds that much later) the rule moves back
        by as much, so the cues placed from now on are on time again. The first call only
        notes where the mixer is (before the output opened, its position stands still)."""
        if self.reference is None:
            return dataclasses.replace(self, reference=(now_s, mixer.position))
        at_s, rendered = self.reference
        behind = rendered + round((now_s - at_s) * mixer.rate) - mixer.position
        if abs(behind) < RESYNC_S * mixer.rate:
            return self
        log.info("Audio output %.0f ms behind the session: cues follow", 1000 * behind / mixer.rate)
        return dataclasses.replace(
            self, position=self.position - behind, reference=(now_s, mixer.position)
        )

    def put(self, output: SoundOutput, action: PlayCues | DuckUnder) -> bool:
        """Place every cue of ``action`` by this rule; False (nothing placed) if one of its
        kinds has no sound learnt yet."""
        kinds = {cue.kind.value for cue in action.cues}
        if not kinds <= self.shots.keys():
            return False
        mixer = output.mixer
        for cue in action.cues:
            position = self.position + round((cue.at_s - self.at_s) * mixer.rate)
            mixer.schedule(dataclasses.replace(self.shots[cue.kind.value], position=position))
        return True


class ScoreDriver(QObject):
    """Runs ``score``: performs what it asks on ``output()`` (the audio engine, built on first
    use) and ``speaker()`` (the speech engine, or None), says routine prompts through
    ``prompter`` where it is ready, and polls the score when it is due."""

    def __init__(
        self,
        score: SessionScore,
        output: Callable[[], SoundOutput],
        speaker: Callable[[], Speaker | None],
        parent: QObject | None = None,
        *,
        prompter: Prompter | None = None,
    ) -> None:
        super().__init__(parent)
        self._score = score
        self._output = output
        self._speaker = speaker
        self._prompter = prompter
        self._spoke = False  # the speaker has been used: a clear hushes it
        self._chime: F32 | None = None
        self._placement: Placement | None = None
        self._timer = DueTimer(self, self.poll)
        self._closed = False

    @property
    def timer_active(self) -> bool:
        return self._timer.isActive()

    @property
    def timer_remaining_ms(self) -> int:
        return self._timer.remainingTime()

    def poll(self) -> None:
        self.run(self._score.poll())

    def shutdown(self) -> None:
        """The app quits: the timer stops and nothing more is performed."""
        self._closed = True
        self._timer.stop()

    def run(self, actions: Iterable[Action]) -> None:
        """Perform ``actions`` in order, then arm the timer for the score's next step."""
        if self._closed:
            return
        for action in actions:
            try:
                self._perform(action)
            except Exception:
                log.exception("Session sound: %s failed", type(action).__name__)
        self._timer.arm(self._score.next_due_in())

    def _perform(self, action: Action) -> None:
        out = self._output
        if isinstance(action, PlayCues | DuckUnder):
            self._place(action)
        elif isinstance(action, Say):
            self._say(action.cue)
        elif isinstance(action, Prompt):
            self._prompt(action)
        elif isinstance(action, ClearCues):
            self._clear()
        elif isinstance(action, SetLayers):
            out().set_layers(list(action.layers))
        else:
            self._perform_fade(action)

    def _perform_fade(self, action: Action) -> None:
        """Fades, bells and the release."""
        out = self._output
        if isinstance(action, FadeIn):
            out().fade_in(action.seconds)
        elif isinstance(action, FadeOut):
            out().fade_out(action.seconds)
        elif isinstance(action, FadeTo):
            out().mixer.fade_to(action.level, action.seconds)
        elif isinstance(action, RingBell):
            out().play_bell(action.kind.value)
        elif isinstance(action, FadeOutOneshots):
            out().fade_out_oneshots(action.seconds)
        elif isinstance(action, Release):
            out().stop()

    def _place(self, action: PlayCues | DuckUnder) -> None:
        """Place cue tones (or dips under spoken cues). The first batch after a clear goes
        through the engine, which counts from what is heard now; every later one is put at
        the same distance in samples from it as in session time, so a refill never shifts the
        beat by the engine's staleness (its heard position moves in 50 ms blocks)."""
        output = self._output()
        family = "tone" if isinstance(action, PlayCues) else "duck"
        placement = self._placement
        if placement is not None and placement.family == family:
            placement = self._placement = placement.follow(output.mixer, self._score.session_time_s)
            if placement.put(output, action):
                return
        delays = self._from_now(action.cues)
        if family == "tone":
            output.schedule_cues(delays)
        else:
            output.schedule_ducks(delays)
        if placement is None or placement.family != family:
            self._placement = Placement.learn(output.mixer, family, action.cues, delays)

    def _from_now(self, cues: tuple[Cue, ...]) -> list[tuple[float, str]]:
        """Session times -> delays from now, read from the session's clock at the last moment
        (a negative delay, a cue a little late, sounds at once)."""
        now = self._score.session_time_s
        return [(cue.at_s - now, cue.kind.value) for cue in cues]

    def _clear(self) -> None:
        self._placement = None
        self._output().clear_cues()
        if self._spoke:
            speaker = self._speaker()
            if speaker is not None:
                speaker.stop()

    def _say(self, cue: Cue) -> None:
        """Say a breathing cue, telling the speaker how late the timer woke for it: a cue that
        has to wait for a prompt counts its tolerance from the boundary, read from the
        session's clock now."""
        speaker = self._speaker()
        if speaker is not None and speaker.available:
            self._spoke = True
            late_s = max(0.0, self._score.session_time_s - cue.at_s)
            speaker.say(cue.kind.value, late_s=late_s)

    def _prompt(self, prompt: Prompt) -> None:
        """A routine prompt: its words, said by the session's speech engine while cues are
        spoken, else by the prompt voice once it has found an engine (never built here: that
        blocks for seconds); else a soft chime. The ambience dips under either."""
        text = prompt.cue.text
        speaker = self._speaker() if prompt.spoken else None
        if speaker is not None and speaker.available and isinstance(speaker, TextSpeaker):
            self._spoke = True
            speaker.say_text(text)
        elif not self._say_prompt(text):
            self.play_chime()
            return
        self._output().schedule_ducks([(0.0, CueKind.PROMPT.value)])

    def _say_prompt(self, text: str) -> bool:
        prompter = self._prompter
        return prompter is not None and prompter.ready and prompter.say_text(text)

    def play_chime(self) -> None:
        from acumat_desktop.core.audio.mixer import OneShot

        output = self._output()
        if self._chime is None:
            from acumat_desktop.core.audio.chime import render_chime

            self._chime = render_chime(output.mixer.rate, output.mixer.channels)
        # The dip opens the output if it was released for silence, and ducks the ambience.
        output.schedule_ducks([(0.0, CueKind.PROMPT.value)])
        mixer = output.mixer
        mixer.schedule(OneShot(mixer.position, self._chime, CueKind.PROMPT.value))
