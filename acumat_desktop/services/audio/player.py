"""AudioEngine: one QAudioSink in push mode, fed from its own QThread by the numpy mixer.

The GUI thread talks to the engine; the engine changes the (thread-safe) mixer directly and
asks the worker, through queued signals, to open, rebuild or close the sink. Sounds are
loaded (rendered on first use, then cached) on a separate loader thread so the feeder never
waits. With no output device the engine runs silently and says so once through ``noticed``.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from pathlib import Path

import numpy as np
from PySide6.QtCore import QByteArray, QIODevice, QObject, QThread, QTimer, Signal, Slot
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QAudioSink, QMediaDevices, QtAudio

from acumat_desktop.core.audio import CHANNELS, SAMPLE_RATE, synth
from acumat_desktop.core.audio.dsp import F32
from acumat_desktop.core.audio.mixer import Mixer, OneShot, seconds_to_position
from acumat_desktop.core.clock import Clock, SystemClock
from acumat_desktop.services.audio.soundscapes import SoundCatalogue

log = logging.getLogger(__name__)

BUFFER_SECONDS = 0.2  # 200 ms between the mixer and the sound server
FEED_INTERVAL_MS = 50  # 25 ms cost 2.8 % of a core, 50 ms 0.95 % (rain, Xvfb, 2026-11-24)
IDLE_CLOSE_SECONDS = 3.0  # release the sink after this long with nothing to play
REBUILD_DELAY_MS = 500
OUTPUTS_SETTLE_MS = 150  # a server restart or a plug reports the outputs changing 2-3 times
STOP_RAMP_S = 0.05  # what still rings when stop() comes is ramped out, not cut
FRAME_BYTES = 4 * CHANNELS  # float32 samples
NO_OUTPUT_NOTICE = "No sound output found — AcuMat runs silently"
CUE_KINDS = {"inhale", "hold", "exhale"}
SPOKEN_CUE_S = 1.0  # how long the ambience stays dipped for a spoken cue
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


class _SinkWorker(QObject):
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


class AudioEngine(QObject):
    """The app's one sound output. Every call returns at once; sounds load in the background."""

    noticed = Signal(str)
    output_changed = Signal(object)  # str description, or None when silent/closed
    _open_requested = Signal(object)
    _close_requested = Signal()

    def __init__(
        self,
        cache_dir: Path,
        parent: QObject | None = None,
        *,
        user_dir: Path | None = None,
        catalogue: SoundCatalogue | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalogue = catalogue or SoundCatalogue(cache_dir, user_dir)
        self.mixer = Mixer(SAMPLE_RATE, CHANNELS)
        self._requested: list[tuple[str, float]] = []
        self._device_id: bytes | None = None
        self._output: str | None = None
        self._open = False
        self._silent = False
        self._noticed = False
        self._oneshots: dict[str, F32] = {}
        self._loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="acumat-sound-load")
        self._media = QMediaDevices(self)
        self._outputs_settle = QTimer(self)
        self._outputs_settle.setSingleShot(True)
        self._outputs_settle.setInterval(OUTPUTS_SETTLE_MS)
        self._outputs_settle.timeout.connect(self._on_outputs_changed)
        self._media.audioOutputsChanged.connect(self._outputs_settle.start)
        self._thread = QThread(self)
        self._thread.setObjectName("acumat-audio")
        self._worker = _SinkWorker(self.mixer)
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        self._open_requested.connect(self._worker.open)
        self._close_requested.connect(self._worker.close)
        self._worker.opened.connect(self._on_opened)
        self._worker.closed.connect(self._on_closed)
        self._worker.no_output.connect(self._on_no_output)
        self._thread.start()

    # --- the integrator's API --------------------------------------------------------------
    def sounds(self) -> list[dict[str, str]]:
        return [s.as_dict() for s in self.catalogue.sounds()]

    def set_layers(self, layers: list[tuple[str, float]]) -> None:
        """Play exactly these soundscape ids at these 0..1 volumes (changes are ramped)."""
        wanted = {sid: min(1.0, max(0.0, vol)) for sid, vol in layers}
        self._requested = list(wanted.items())
        for sid, _ in self.mixer.layers():
            if sid not in wanted:
                self.mixer.remove_layer(sid)
        for sid, vol in wanted.items():
            if self.mixer.has_layer(sid):
                self.mixer.set_layer_volume(sid, vol)
            else:
                future = self._loader.submit(self.catalogue.load, sid)
                future.add_done_callback(partial(self._loaded, sid))
        if wanted:
            self._ensure_open()

    def _loaded(self, sound_id: str, fut: Future[F32]) -> None:
        """Runs on the loader thread; the mixer is thread-safe."""
        try:
            data = fut.result()
        except Exception:
            log.exception("Could not load sound %s", sound_id)
            return
        volume = dict(self._requested).get(sound_id)
        if volume is not None:  # still wanted
            self.mixer.set_layer(sound_id, data, volume)

    def prewarm(self, sound_ids: list[str] | None = None) -> None:
        """Render uncached built-ins in the background (first render: 1.5-8 s each), so the
        first play of a sound starts at once. Keeps nothing in memory."""
        for sid in sound_ids if sound_ids is not None else [s.id for s in self.catalogue.sounds()]:
            if sid in synth.SOUNDSCAPES and not self.catalogue.is_cached(sid):
                self._loader.submit(self._render_only, sid)

    def _render_only(self, sound_id: str) -> None:
        try:
            self.catalogue.load(sound_id)
        except Exception:
            log.exception("Could not pre-render %s", sound_id)

    def set_master_volume(self, v: float) -> None:
        self.mixer.set_master_volume(v)

    def set_muted(self, m: bool) -> None:
        self.mixer.set_muted(m)

    def fade_in(self, seconds: float) -> None:
        """Bring the ambience up from silence (session start, resume)."""
        self.mixer.fade_to(1.0, seconds, from_level=0.0)
        self._ensure_open()

    def fade_out(self, seconds: float) -> None:
        """Take the ambience down to silence (pause, session end); bells still ring."""
        self.mixer.fade_to(0.0, seconds)

    def play_bell(self, kind: str) -> None:
        """Ring ``start``, ``end`` or ``minute`` now."""
        self._ensure_open()
        shot = OneShot(self._heard_position(), self._oneshot("bell", kind), kind)
        self.mixer.schedule(shot)

    def schedule_cues(self, cues: list[tuple[float, str]]) -> None:
        """Place breathing cues ``(seconds from now, "inhale"|"hold"|"exhale")`` by sample
        position, counted from what is being heard now (the buffered audio is allowed for)."""
        if not cues:
            return
        self._ensure_open()
        start = self._heard_position()
        for seconds, kind in cues:
            samples = self._oneshot("cue", kind)
            position = seconds_to_position(start, seconds)
            self.mixer.schedule(OneShot(position, samples, kind, ducks=True))

    def schedule_ducks(self, cues: list[tuple[float, str]]) -> None:
        """Dip the ambience, as under a cue tone, at each ``(seconds from now, kind)`` for
        about as long as a spoken cue lasts (the words themselves come from the speech
        engine). Placed like :meth:`schedule_cues` and cleared with them."""
        if not cues:
            return
        self._ensure_open()
        start = self._heard_position()
        hush = self._silence(SPOKEN_CUE_S)
        for seconds, kind in cues:
            position = seconds_to_position(start, seconds)
            self.mixer.schedule(OneShot(position, hush, kind, ducks=True))

    def _silence(self, seconds: float) -> F32:
        key = f"silence:{seconds}"
        if key not in self._oneshots:
            self._oneshots[key] = np.zeros(round(seconds * SAMPLE_RATE), dtype=np.float32)
        return self._oneshots[key]

    def clear_cues(self) -> None:
        self.mixer.clear(CUE_KINDS)

    def fade_out_oneshots(self, seconds: float) -> None:
        """Take bells and cues that are already sounding down to silence over ``seconds`` and
        drop those still to come (a stop during a bell)."""
        self.mixer.clear(fade_s=seconds)

    def stop(self) -> None:
        """Silence everything (ramped) and release the output so the app sleeps."""
        self._requested = []
        for sid, _ in self.mixer.layers():
            self.mixer.remove_layer(sid)
        self.mixer.clear(fade_s=STOP_RAMP_S)
        if self._open:
            QTimer.singleShot(int(BUFFER_SECONDS * 1000) + 100, self, self._close_if_idle)

    def set_device(self, device_id: bytes | None) -> None:
        """Use a given output (QAudioDevice.id()), or follow the system default with None."""
        self._device_id = device_id
        if self._open:
            self._open_requested.emit(device_id)

    def status(self) -> dict[str, object]:
        return {
            "output": self._output,
            "muted": self.mixer.muted,
            "volume": self.mixer.master_volume,
            "layers": [{"sound": sid, "volume": vol} for sid, vol in self._requested],
        }

    def shutdown(self) -> None:
        """Stop the audio thread (call once at exit)."""
        self._close_requested.emit()
        self._thread.quit()
        self._thread.wait(2000)
        self._loader.shutdown(wait=False, cancel_futures=True)

    # --- internals -------------------------------------------------------------------------
    def _oneshot(self, family: str, kind: str) -> F32:
        key = f"{family}:{kind}"
        if key not in self._oneshots:
            render = synth.render_bell if family == "bell" else synth.render_cue
            self._oneshots[key] = render(kind, SAMPLE_RATE)
        return self._oneshots[key]

    def _heard_position(self) -> int:
        return max(0, self.mixer.position - self._worker.buffered_frames)

    def _ensure_open(self) -> None:
        if not self._open:
            self._open = True
            self._open_requested.emit(self._device_id)

    def _close_if_idle(self) -> None:
        if not self._requested and self.mixer.is_silent():
            self._close_requested.emit()

    @Slot(str)
    def _on_opened(self, description: str) -> None:
        self._open = True
        self._silent = False
        self._noticed = False
        self._output = description
        self.output_changed.emit(description)

    @Slot()
    def _on_closed(self) -> None:
        self._open = False
        self._output = None
        self.output_changed.emit(None)

    @Slot()
    def _on_no_output(self) -> None:
        self._open = False
        self._silent = True
        self._output = None
        self.mixer.clear()  # nothing will consume them; don't let them pile up
        if not self._noticed:
            self._noticed = True
            log.warning(NO_OUTPUT_NOTICE)
            self.noticed.emit(NO_OUTPUT_NOTICE)
        self.output_changed.emit(None)

    @Slot()
    def _on_outputs_changed(self) -> None:
        """A device came or went, or the sound server restarted: rebuild if we play. Qt's
        PulseAudio backend reports a removed device here, and a restarted server only when its
        own reconnection wins the race (run alone, yes; in the app under the e2e harness,
        never): the worker's StallWatch covers that case."""
        log.info(
            "Audio outputs changed: %s", [d.description() for d in QMediaDevices.audioOutputs()]
        )
        if self._open or (self._silent and (self._requested or not self.mixer.is_silent())):
            self._open = True
            self._open_requested.emit(self._device_id)
