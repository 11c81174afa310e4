"""Spoken breathing cues ("Breathe in", "Hold", "Breathe out") and a routine's prompts ("move
the pillow under your neck"), where the system has a speech engine; otherwise the cue tones
play (:data:`NO_ENGINE_NOTICE` says why) and prompts chime.

On Linux speech-dispatcher is spoken to over its socket (:mod:`.ssip`): nothing is built in the
app and nothing waits on the server, so a session with spoken cues starts without a freeze
(QtTextToSpeech's ``speechd`` engine blocked the GUI thread 1.3-1.5 s while it was built).
Windows and macOS use QtTextToSpeech (:mod:`.speech_qt`), and so do tests that pass ``engines``
(Qt's ``mock``). Neither module is imported before spoken cues are first used.
The speech goes to the speech engine's own output, not through the mixer.

One engine says both, one connection per session: a prompt is more important than a cue (it
cuts a cue off, a cue never cuts it off: a cue whose boundary comes while a prompt is said waits
for its end and is said only if that is within 300 ms of the boundary, never late), see
:mod:`.ssip`. The 300 ms count from the cue's boundary, not from when it is asked for:
:meth:`SpokenCues.say` is told how late the cue already is (``late_s``, from the session's
clock: its timer may wake late). With nothing in its way a cue is said at once, however late:
the score has already skipped one more than its ``LATE_CUE_S`` past the boundary.
:class:`RoutinePrompts` lets a session with cue tones have its prompts said by the same engine.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal, SignalInstance

from acumat_desktop.services.routine_words import active_language

log = logging.getLogger(__name__)

NO_ENGINE_NOTICE = str(  # marked for translation; shown with the "SpokenCues" context
    QT_TRANSLATE_NOOP(
        "SpokenCues",
        "Spoken cues need a speech engine, and none was found (on Linux, install "
        "speech-dispatcher). Cue tones play instead.",
    )
)


class Backend(Protocol):
    """What speaks: :class:`~.ssip.SsipSpeech` or :class:`~.speech_qt.QtSpeech`."""

    @property
    def probed(self) -> SignalInstance: ...

    @property
    def spoken(self) -> SignalInstance: ...

    @property
    def ready(self) -> bool: ...

    @property
    def failed(self) -> bool: ...

    @property
    def engine_name(self) -> str | None: ...

    def prepare(self) -> None: ...

    def set_volume(self, volume: float) -> None: ...

    def set_language(self, language: str) -> None: ...

    def speak(self, text: str, *, prompt: bool = False, late_s: float = 0.0) -> None:
        """Say ``text``; a cue's boundary was ``late_s`` ago (see :mod:`.ssip`)."""

    def stop(self) -> None: ...

    def release(self) -> None: ...

    def shutdown(self) -> None: ...


def default_backend(parent: QObject, engines: list[str] | None) -> Backend:
    if engines is None and sys.platform.startswith("linux"):
        from acumat_desktop.services.audio.ssip import SsipSpeech

        return SsipSpeech(parent)
    from acumat_desktop.services.audio.speech_qt import QtSpeech

    return QtSpeech(parent, engines=engines)


class SpokenCues(QObject):
    """Says "Breathe in", "Hold" or "Breathe out", and a routine's words, at the master volume.
    The engine is asked for at once, without waiting: ``probed`` gives its answer, ``described``
    the settings dialog's line for it, ``spoken`` the words each time the engine took them.
    ``backend`` defaults to speech-dispatcher on Linux, else QtTextToSpeech with ``engines``
    (default: Qt's available engines but ``mock``)."""

    probed = Signal(bool)
    described = Signal(str)
    spoken = Signal(str)  # the words handed to the engine

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        engines: list[str] | None = None,
        backend: Backend | None = None,
    ) -> None:
        super().__init__(parent)
        self._volume = 1.0
        self._muted = False
        self._backend = backend if backend is not None else default_backend(self, engines)
        self._backend.probed.connect(self._probed)
        self._backend.spoken.connect(self.spoken)
        self._backend.prepare()

    @property
    def available(self) -> bool:
        """Not known to be unusable: ready, or still being asked (words asked for meanwhile
        are said once it answers, if it does soon)."""
        return not self._backend.failed

    @property
    def ready(self) -> bool:
        return self._backend.ready

    @property
    def engine_name(self) -> str | None:
        return self._backend.engine_name

    def describe(self) -> str:
        """One line for the settings dialog."""
        name = self._backend.engine_name
        if self._backend.failed:
            return self.tr("none — {0}").format(self.tr(NO_ENGINE_NOTICE))
        if name is None:
            return self.tr("checking…")
        return name

    def prepare(self) -> None:
        """Ask the engine again if it is not connected (a session with spoken cues starts)."""
        self._backend.prepare()

    def release(self) -> None:
        """No session speaks: let the engine go (speech-dispatcher quits when idle)."""
        self._backend.release()

    def shutdown(self) -> None:
        self._backend.shutdown()

    def set_volume(self, volume: float, muted: bool) -> None:
        """Follow the master volume (0..1) and mute."""
        self._volume, self._muted = min(1.0, max(0.0, volume)), muted
        self._backend.set_volume(self._volume)

    def say(self, kind: str, *, late_s: float = 0.0) -> None:
        """Say the words for ``inhale``, ``hold`` or ``exhale`` now, cutting off any before;
        their boundary was ``late_s`` ago (a wait behind a prompt counts from it)."""
        words = {
            "inhale": self.tr("Breathe in"),
            "hold": self.tr("Hold"),
            "exhale": self.tr("Breathe out"),
        }.get(kind)
        if words is not None:
            self._speak(words, prompt=False, late_s=late_s)

    def say_text(self, text: str, *, prompt: bool = True) -> bool:
        """Say a routine's prompt ("move the pillow under your neck") now, with the same volume
        and mute as the breathing cues, at a prompt's priority (``prompt`` False: a cue's).
        False when nothing is said (no engine, muted, silent, blank words)."""
        return self._speak(text, prompt=prompt)

    def _speak(self, text: str, *, prompt: bool, late_s: float = 0.0) -> bool:
        if self._backend.failed or not text.strip() or self._muted or self._volume <= 0.0:
            return False
        self._backend.set_language(active_language())
        self._backend.speak(text, prompt=prompt, late_s=late_s)
        return True

    def stop(self) -> None:
        self._backend.stop()

    def _probed(self, ok: bool) -> None:
        self.probed.emit(ok)
        self.described.emit(self.describe())


class RoutinePrompts:
    """A routine's prompts said by the session's speech engine while cue tones play (the
    score's ``Prompter``). ``speech`` builds the engine (once, not at start-up): :meth:`prepare`
    asks for it when a session with prompts starts, so the connection is open long before the
    first prompt and is let go with the session's. Until the engine has answered, or without
    one, :attr:`ready` is False and the prompt chimes."""

    def __init__(self, speech: Callable[[], SpokenCues]) -> None:
        self._speech = speech
        self._cues: SpokenCues | None = None

    @property
    def ready(self) -> bool:
        return self._cues is not None and self._cues.ready

    def prepare(self) -> None:
        self._cues = self._speech()
        self._cues.prepare()

    def say_text(self, text: str) -> bool:
        """Say ``text`` if the engine is ready and it is audible; False when nothing is said."""
        return self._cues is not None and self._cues.ready and self._cues.say_text(text)
