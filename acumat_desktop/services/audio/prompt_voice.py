"""A routine's prompts ("move the pillow under your neck") said by speech-dispatcher's own
client, ``spd-say``, in a child process, so saying them never blocks the app.

Why not QTextToSpeech in the app, as the spoken breathing cues use: building its ``speechd``
engine fetches every voice the server knows, and libspeechd parses that reply on the calling
thread while Python's GIL is held. Measured here with espeak-ng (13,363 voices): 1.24 s wall and
1.05 s of CPU with the server already running, 1.5-1.8 s when it has to be spawned first (5.5 s
on a machine without speech-dispatcher): long enough to freeze the window and starve the audio
feeder, from any thread. ``spd-say`` connects, queues the words and exits in about 10 ms in its
own process; a server that hangs hangs only that child, which is killed after a deadline.

:meth:`PromptVoice.prepare` (when a session whose routine has prompts starts) asks whether an
engine really answers: ``spd-say -O`` lists the server's output modules (cheap; it spawns the
server when needed, as saying would). Until the answer has come, or when it failed, or on a
system without ``spd-say``, :attr:`PromptVoice.ready` is False and the prompt chimes instead.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

log = logging.getLogger(__name__)

PROGRAM = "spd-say"
APP_NAME = "AcuMat"
PROBE_DEADLINE_MS = 10_000  # a server spawned for the probe starts in about 2 s
SAY_DEADLINE_MS = 30_000  # queuing the words takes ms; anything longer is a hung server
PROBE_HEADER = "OUTPUT MODULES"


def intensity(volume: float) -> int:
    """The master volume (0..1) as speech-dispatcher's volume (-100..100), as Qt maps it."""
    return round(min(1.0, max(0.0, volume)) * 200 - 100)


class PromptVoice(QObject):
    """Says a prompt's words through ``program`` (``spd-say`` on the PATH by default; ``which``
    finds it) once :meth:`prepare` has found a speech engine that answers. ``probed`` gives the
    answer (ready or not); ``said`` the words handed to a child that took them."""

    probed = Signal(bool)
    said = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        program: str = PROGRAM,
        which: Callable[[str], str | None] = shutil.which,
        probe_deadline_ms: int = PROBE_DEADLINE_MS,
    ) -> None:
        super().__init__(parent)
        self._program = program
        self._which = which
        self._probe_deadline_ms = probe_deadline_ms
        self._ready = False
        self._probe: QProcess | None = None
        self._children: list[QProcess] = []
        self._volume, self._muted = 1.0, False
        self._closed = False

    @property
    def ready(self) -> bool:
        """A speech engine answered the last probe and no say has failed since."""
        return self._ready

    @property
    def probing(self) -> bool:
        return self._probe is not None

    def set_volume(self, volume: float, muted: bool) -> None:
        """Follow the master volume (0..1) and mute, as the breathing cues do."""
        self._volume, self._muted = min(1.0, max(0.0, volume)), muted

    def prepare(self) -> None:
        """Ask, without waiting, whether a speech engine answers (once at a time)."""
        if self._closed or self._probe is not None:
            return
        path = self._which(self._program)
        if path is None:
            log.info("No %s: routine prompts chime", self._program)
            self._answer(False)
            return
        self._probe = self._spawn(path, ["-O"], self._probe_deadline_ms, self._probe_done)

    def say_text(self, text: str) -> bool:
        """Say ``text`` now, if ready, audible and not blank; False when nothing was said."""
        if not self._ready or self._closed or not text.strip():
            return False
        if self._muted or self._volume <= 0.0:
            return False
        path = self._which(self._program)
        if path is None:
            self._answer(False)
            return False
        args = ["-N", APP_NAME, "-i", str(intensity(self._volume)), "--", text]
        self._spawn(path, args, SAY_DEADLINE_MS, self._say_done)
        self.said.emit(text)
        return True

    def shutdown(self) -> None:
        """Kill any child still running (a hung server) and take no more prompts."""
        self._closed = True
        self._ready = False
        for child in [*self._children]:
            child.kill()
            child.waitForFinished(1000)
        self._probe = None

    def _spawn(
        self, path: str, args: list[str], deadline_ms: int, done: Callable[[int, Any], None]
    ) -> QProcess:
        # Slots find their child through sender(): a closure over it, with the child deleted
        # later from its own finished signal, crashes PySide6 when this object goes.
        child = QProcess(self)
        child.setProgram(path)
        child.setArguments(args)
        child.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        child.finished.connect(done)
        # a child that cannot start never finishes: the error ends it the same way
        child.errorOccurred.connect(self._failed_to_start)
        deadline = QTimer(child)  # a hung server hangs only the child, for so long
        deadline.setSingleShot(True)
        deadline.timeout.connect(child.kill)
        deadline.start(deadline_ms)
        self._children.append(child)
        child.start()
        return child

    def _child(self) -> QProcess | None:
        child = self.sender()
        return child if isinstance(child, QProcess) and child in self._children else None

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        child = self._child()
        if child is not None and error is QProcess.ProcessError.FailedToStart:
            log.warning("%s could not start: %s", self._program, child.errorString())
            child.finished.emit(-1, QProcess.ExitStatus.CrashExit)

    def _probe_done(self, code: int, status: QProcess.ExitStatus) -> None:
        probe = self._child()
        if probe is None:
            return
        output = bytes(probe.readAllStandardOutput().data()).decode("utf-8", "replace")
        modules = [line.strip() for line in output.splitlines() if line.strip()]
        modules = [line for line in modules if line != PROBE_HEADER]
        ok = code == 0 and status is QProcess.ExitStatus.NormalExit and bool(modules)
        if ok:
            log.info("Routine prompts spoken through speech-dispatcher (%s)", ", ".join(modules))
        else:
            log.info(
                "No speech engine answered %s -O (exit %s): prompts chime", self._program, code
            )
        self._forget(probe)
        self._probe = None
        self._answer(ok)

    def _say_done(self, code: int, status: QProcess.ExitStatus) -> None:
        child = self._child()
        if child is None:
            return
        self._forget(child)
        if self._closed:  # ended by shutdown, not failed
            return
        if code != 0 or status is not QProcess.ExitStatus.NormalExit:
            log.warning("%s failed (exit %s): later prompts chime", self._program, code)
            self._ready = False

    def _forget(self, child: QProcess) -> None:
        if child in self._children:
            self._children.remove(child)
            child.deleteLater()

    def _answer(self, ready: bool) -> None:
        self._ready = ready and not self._closed
        self.probed.emit(self._ready)
