"""The Qt audio path: one QAudioSink in push mode, fed from its own QThread by the mixer.

Used where the native PulseAudio stream (``native_feeder``) is not: Windows, macOS, a Linux
without a PulseAudio socket (e.g. ALSA only). The stall watchdog rebuilds a sink whose
processed time stops moving, once the server answers again.
"""

from __future__ import annotations

import logging
import os
import socket
import time

from PySide6.QtCore import QByteArray, QIODevice, QObject, QThread, QTimer, Signal, Slot
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QAudioSink, QMediaDevices, QtAudio

from acumat_desktop.core.audio import CHANNELS, SAMPLE_RATE
from acumat_desktop.core.audio.mixer import Mixer
from acumat_desktop.core.clock import Clock, SystemClock

log = logging.getLogger(__name__)

BUFFER_SECONDS = 0.2  # 200 ms between the mixer and the sound server
FEED_INTERVAL_MS = 50  # 25 ms cost 2.8 % of a core, 50 ms 0.95 % (rain, Xvfb, 2026-11-24)
IDLE_CLOSE_SECONDS = 3.0  # release the sink after this long with nothing to play
REBUILD_DELAY_MS = 500
FRAME_BYTES = 4 * CHANNELS  # float32 samples
STALL_S = 3.0  # a playing sink that has processed nothing for this long is stuck
START_GRACE_S = 5.0  # a new PulseAudio stream takes ~2.5 s to start consuming (measured)
SERVER_CHECK_S = 0.5  # while stuck, ask whether the server answers at most this often
SERVER_SETTLE_S = 2.0  # and rebuild only once it has answered this long (see StallWatch)


class StallWatch:
    """Decides when to rebuild a stuck sink. Stuck: its processed time has not moved for
    ``STALL_S`` and it is past its first ``START_GRACE_S`` (a new stream starts slowly); only
    once some sink has been seen to progress (a backend that never reports it is left alone;
    a rebuilt sink that never starts is retried every ``START_GRACE_S``).
    Rebuild only once the sound server has answered for ``SERVER_SETTLE_S``: a sink built
    while the server is down, or while Qt is still reconnecting (its own retry comes ~3 s
    after the loss), wedges the thread that builds it. Pure: the caller feeds it the sink's
    ``processedUSecs()`` and the answers of the server."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._opened_at = self._progress_at = clock.monotonic()
        self._processed = -1
        self._checked_at: float | None = None
        self._answering_since: float | None = None
        # a backend whose processed time never moves is not stuck: never rebuild on it
        self._seen_progress = False

    def restart(self) -> None:
        """A new stream: start the grace period again."""
        self._opened_at = self._progress_at = self._clock.monotonic()
        self._processed = -1
        self._checked_at = None
        self._answering_since = None

    def note(self, processed_us: int) -> None:
        if self._processed >= 0 and processed_us > self._processed:
            self._progress_at = self._clock.monotonic()
            self._answering_since = None
            self._seen_progress = True
        self._processed = processed_us

    def stuck(self) -> bool:
        if not self._seen_progress:
            return False
        since = max(self._progress_at, self._opened_at + START_GRACE_S - STALL_S)
        return self._clock.monotonic() - since > STALL_S

    def wants_server_check(self) -> bool:
        """Stuck, and the last check is ``SERVER_CHECK_S`` old (a check is a connect())."""
        if not self.stuck():
            return False
        now = self._clock.monotonic()
        if self._checked_at is not None and now - self._checked_at < SERVER_CHECK_S:
            return False
        self._checked_at = now
        return True

    def should_rebuild(self, server_answers: bool) -> bool:
        """Given the server's answer to a check, whether to rebuild the sink now."""
        now = self._clock.monotonic()
        if not server_answers:
            self._answering_since = None
            return False
        if self._answering_since is None:
            self._answering_since = now
        return now - self._answering_since >= SERVER_SETTLE_S


def pulse_socket_paths(env: dict[str, str] | None = None) -> list[str]:
    """Where a PulseAudio (or pipewire-pulse) client would connect on this machine:
    the ``unix:`` entries of PULSE_SERVER, else the runtime folder's ``native`` socket.
    Empty when the server is not reached through a local socket (tcp, other platforms)."""
    env = dict(os.environ) if env is None else env
    server = env.get("PULSE_SERVER", "").strip()
    if server:
        paths = []
        for entry in server.split():
            entry = entry.split("}", 1)[-1]  # "{machine-id}unix:/path"
            if entry.startswith("unix:"):
                paths.append(entry[len("unix:") :])
            elif entry.startswith("/"):
                paths.append(entry)
        return paths
    if env.get("PULSE_RUNTIME_PATH"):
        return [os.path.join(env["PULSE_RUNTIME_PATH"], "native")]
    if env.get("XDG_RUNTIME_DIR"):
        return [os.path.join(env["XDG_RUNTIME_DIR"], "pulse", "native")]
    return []


def unix_socket_answers(path: str, timeout: float = 0.2) -> bool:
    """Whether something accepts connections on the unix socket ``path`` (a cheap check
    that does not touch Qt's own, possibly dead, connection to the server)."""
    if not hasattr(socket, "AF_UNIX"):
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        try:
            sock.connect(path)
        except OSError:
            return False
    return True


def sound_server_answers() -> bool:
    """The sound server is reachable again: a PulseAudio socket accepts a connection, or,
    where no such socket is known, Qt lists some output."""
    paths = pulse_socket_paths()
    if paths:
        return any(unix_socket_answers(p) for p in paths)
    return bool(QMediaDevices.audioOutputs())


def audio_format() -> QAudioFormat:
    fmt = QAudioFormat()
    fmt.setSampleRate(SAMPLE_RATE)
    fmt.setChannelCount(CHANNELS)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Float)
    return fmt


class QtSinkWorker(QObject):
    """Owns the QAudioSink; lives in the audio thread."""

    opened = Signal(str)  # device description
    closed = Signal()
    no_output = Signal()

    def __init__(self, mixer: Mixer, clock: Clock | None = None) -> None:
        super().__init__()
        self._mixer = mixer
        self._stall = StallWatch(clock or SystemClock())
        self._sink: QAudioSink | None = None
        self._io: QIODevice | None = None
        self._timer: QTimer | None = None
        self._device_id: bytes | None = None
        self._silent_since: float | None = None
        self.buffered_frames = 0  # read by the engine to place cues where they will be heard

    @Slot(object)
    def open(self, device_id: object) -> None:
        """(Re)build the sink on ``device_id`` (bytes) or the default device (None)."""
        self._device_id = device_id if isinstance(device_id, bytes) else None
        self._teardown()
        device = self._pick_device()
        if device is None:
            self.no_output.emit()
            return
        sink = QAudioSink(device, audio_format())
        sink.setBufferSize(int(BUFFER_SECONDS * SAMPLE_RATE) * FRAME_BYTES)
        sink.stateChanged.connect(self._on_state)
        io = sink.start()
        if io is None or sink.error() != QtAudio.Error.NoError:
            log.warning(
                "Could not start audio output on %s: %s", device.description(), sink.error()
            )
            sink.deleteLater()
            self.no_output.emit()
            return
        self._sink, self._io = sink, io
        if self._timer is None:
            self._timer = QTimer(self)
            self._timer.setInterval(FEED_INTERVAL_MS)
            self._timer.timeout.connect(self._feed)
        self._silent_since = None
        self._stall.restart()
        self._timer.start()
        self._feed()
        log.info("Audio output on %s (buffer %d bytes)", device.description(), sink.bufferSize())
        self.opened.emit(device.description())

    def _pick_device(self) -> QAudioDevice | None:
        outputs = QMediaDevices.audioOutputs()
        if self._device_id is not None:
            for dev in outputs:
                if bytes(dev.id().data()) == self._device_id:
                    return dev
            log.info("Chosen audio device is gone; using the default")
        default = QMediaDevices.defaultAudioOutput()
        if default.isNull():
            return outputs[0] if outputs else None
        return default

    @Slot()
    def close(self) -> None:
        if self._sink is not None:
            self._teardown()
            self.closed.emit()

    def _teardown(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._sink is not None:
            self._sink.stateChanged.disconnect(self._on_state)
            self._sink.stop()
            self._sink.deleteLater()
        self._sink, self._io = None, None
        self.buffered_frames = 0

    def _on_state(self) -> None:
        sink = self._sink
        if sink is None or sink.state() != QtAudio.State.StoppedState:
            return
        if sink.error() != QtAudio.Error.NoError:
            log.warning("Audio output stopped (%s); rebuilding", sink.error())
            self._teardown()
            QTimer.singleShot(REBUILD_DELAY_MS, self, lambda: self.open(self._device_id))

    def _feed(self) -> None:
        sink, io = self._sink, self._io
        if sink is None or io is None:
            return
        self._stall.note(sink.processedUSecs())
        if self._stall.wants_server_check() and self._stall.should_rebuild(sound_server_answers()):
            # Qt does not always notice a restarted server (under the e2e harness it never
            # does); a sink rebuilt while the server is down wedges this thread, so only now
            log.warning("Audio output stalled and the sound server answers; rebuilding")
            self.open(self._device_id)
            return
        free = sink.bytesFree()
        self.buffered_frames = max(0, (sink.bufferSize() - free) // FRAME_BYTES)
        frames = free // FRAME_BYTES
        if frames < SAMPLE_RATE // 200:  # less than 5 ms of room: wait
            return
        block = self._mixer.render(frames)
        io.write(QByteArray(block.tobytes()))
        self.buffered_frames += frames
        self._note_idle()

    def _note_idle(self) -> None:
        if not self._mixer.is_silent():
            self._silent_since = None
            return
        now = time.monotonic()
        if self._silent_since is None:
            self._silent_since = now
        elif now - self._silent_since > IDLE_CLOSE_SECONDS:
            log.debug("Nothing to play; releasing the audio output")
            self.close()


class QtSinkThread(QObject):
    """The Qt path behind the engine's sink interface: ``open``/``close``/``shutdown``,
    ``buffered_frames``, ``heard_position`` and the ``opened``/``closed``/``no_output``
    signals."""

    opened = Signal(str)  # device description
    closed = Signal()
    no_output = Signal()
    _open_requested = Signal(object)
    _close_requested = Signal()

    def __init__(self, mixer: Mixer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName("acumat-audio")
        self._mixer = mixer
        self._worker = QtSinkWorker(mixer)
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        self._open_requested.connect(self._worker.open)
        self._close_requested.connect(self._worker.close)
        self._worker.opened.connect(self.opened)
        self._worker.closed.connect(self.closed)
        self._worker.no_output.connect(self.no_output)
        self._thread.start()

    @property
    def buffered_frames(self) -> int:
        return self._worker.buffered_frames

    def heard_position(self) -> int:
        """The mixer position being heard now (as of the worker's last feed)."""
        return max(0, self._mixer.position - self._worker.buffered_frames)

    def open(self, device_id: bytes | None) -> None:
        self._open_requested.emit(device_id)

    def close(self) -> None:
        self._close_requested.emit()

    def shutdown(self) -> None:
        self._close_requested.emit()
        self._thread.quit()
        self._thread.wait(2000)
