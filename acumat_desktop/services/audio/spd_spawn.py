"""A speech-dispatcher started where none listens, by its own client in a child process.

Only libspeechd spawns a server, so when nobody answers on the socket :class:`ServerSpawner`
runs ``spd-say -O`` (it lists the server's output modules: cheap, and it spawns the server as
saying would) in a :class:`QProcess`, killed after a deadline, and says whether an engine
answered. Nothing waits on it: a server that hangs hangs only the child.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

log = logging.getLogger(__name__)

PROGRAM = "spd-say"
PROBE_DEADLINE_MS = 10_000  # a server spawned for the probe starts in about 2 s
PROBE_HEADER = "OUTPUT MODULES"


class ServerSpawner(QObject):
    """:meth:`prepare` runs ``program -O`` (``spd-say`` on the PATH by default; ``which`` finds
    it), once at a time; ``probed`` says whether a server with an output module answered."""

    probed = Signal(bool)

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
        self._probe: QProcess | None = None
        self._closed = False

    @property
    def probing(self) -> bool:
        return self._probe is not None

    def prepare(self) -> None:
        """Spawn (and ask) without waiting; nothing while a probe runs or after shutdown."""
        if self._closed or self._probe is not None:
            return
        path = self._which(self._program)
        if path is None:
            log.info("No %s to start speech-dispatcher with", self._program)
            self.probed.emit(False)
            return
        # Slots find their child through sender(): a closure over it, with the child deleted
        # later from its own finished signal, crashes PySide6 when this object goes.
        child = QProcess(self)
        child.setProgram(path)
        child.setArguments(["-O"])
        child.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        child.finished.connect(self._done)
        # a child that cannot start never finishes: the error ends it the same way
        child.errorOccurred.connect(self._failed_to_start)
        deadline = QTimer(child)  # a hung server hangs only the child, for so long
        deadline.setSingleShot(True)
        deadline.timeout.connect(child.kill)
        deadline.start(self._probe_deadline_ms)
        self._probe = child
        child.start()

    def shutdown(self) -> None:
        """Kill a probe still running (a hung server) and spawn no more."""
        self._closed = True
        child, self._probe = self._probe, None
        if child is not None:
            child.finished.disconnect(self._done)
            child.kill()
            child.waitForFinished(1000)

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        child = self.sender()
        if child is self._probe and error is QProcess.ProcessError.FailedToStart:
            assert isinstance(child, QProcess)
            log.warning("%s could not start: %s", self._program, child.errorString())
            child.finished.emit(-1, QProcess.ExitStatus.CrashExit)

    def _done(self, code: int, status: QProcess.ExitStatus) -> None:
        child = self.sender()
        if child is not self._probe or not isinstance(child, QProcess):
            return
        self._probe = None
        output = bytes(child.readAllStandardOutput().data()).decode("utf-8", "replace")
        child.deleteLater()
        modules = [line.strip() for line in output.splitlines() if line.strip()]
        modules = [line for line in modules if line != PROBE_HEADER]
        ok = code == 0 and status is QProcess.ExitStatus.NormalExit and bool(modules)
        if not ok:
            log.info("No speech engine answered %s -O (exit %s)", self._program, code)
        self.probed.emit(ok and not self._closed)
