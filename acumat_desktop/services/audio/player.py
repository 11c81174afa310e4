"""AudioEngine: the app's one sound output, the numpy mixer fed to the system on its own thread.

The GUI thread talks to the engine; the engine changes the (thread-safe) mixer directly and
asks the sink thread to open, reopen or close the output. On Linux with PulseAudio (or
pipewire-pulse) that is a native stream (``native_feeder``, ``pulse_stream``: why not Qt's
backend is written there); elsewhere a QAudioSink on a QThread (``sink_thread``). Sounds are
loaded (rendered on first use, then cached) on a loader thread so the feeder never waits.
With no output the engine runs silently and says so once through ``noticed``.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtMultimedia import QMediaDevices

from acumat_desktop.core.audio import CHANNELS, SAMPLE_RATE, synth
from acumat_desktop.core.audio import cues as cue_sounds
from acumat_desktop.core.audio.dsp import F32
from acumat_desktop.core.audio.mixer import BlockSource, Mixer, OneShot, seconds_to_position
from acumat_desktop.services.audio import pulse_stream
from acumat_desktop.services.audio.native_feeder import PulseSinkThread
from acumat_desktop.services.audio.prewarm import plays_loops
from acumat_desktop.services.audio.sink_thread import (
    BUFFER_SECONDS,
    SERVER_CHECK_S,
    SERVER_SETTLE_S,
    STALL_S,
    START_GRACE_S,
    QtSinkThread,
    StallWatch,
    pulse_socket_paths,
    unix_socket_answers,
)
from acumat_desktop.services.audio.soundscapes import SoundCatalogue

__all__ = [
    "NO_OUTPUT_NOTICE",
    "SERVER_CHECK_S",
    "SERVER_SETTLE_S",
    "STALL_S",
    "START_GRACE_S",
    "AudioEngine",
    "StallWatch",
    "pulse_socket_paths",
    "unix_socket_answers",
    "use_native_pulse",
]

log = logging.getLogger(__name__)

OUTPUTS_SETTLE_MS = 150  # a server restart or a plug reports the outputs changing 2-3 times
STOP_RAMP_S = 0.05  # what still rings when stop() comes is ramped out, not cut
# release the output once what was queued at the server has played out
CLOSE_DELAY_MS = round(1000 * max(BUFFER_SECONDS, pulse_stream.TARGET_S)) + 100
NO_OUTPUT_NOTICE = str(
    QT_TRANSLATE_NOOP("AudioPlayer", "No sound output found — AcuMat runs silently")
)
CUE_KINDS = {"inhale", "hold", "exhale"}
SPOKEN_CUE_S = 1.0  # how long the ambience stays dipped for a spoken cue
BACKEND_ENV = "ACUMAT_AUDIO_BACKEND"  # "qt" or "pulse" to override the choice


def release_freed_memory() -> None:
    """Give freed heap back to the system. glibc raises its mmap threshold after large frees,
    so the 17 MB float32 buffers a sound is loaded through end up in the heap and stay in
    RSS after the mixer has kept its 8.6 MB int16 copy (measured: 14.5 against 9 MB RSS per
    layer)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def use_native_pulse(env: dict[str, str] | None = None) -> bool:
    """Play through our own PulseAudio stream wherever libpulse is (Linux), also while no
    server answers yet: it waits for one. Qt 6.11's PulseAudio backend keeps one connection
    for the whole process and, once a server it knew has gone for more than a few seconds,
    aborts the process in ``pa_context_get_state`` at the next stream. ``ACUMAT_AUDIO_BACKEND``
    (``qt`` or ``pulse``) overrides."""
    env = dict(os.environ) if env is None else env
    choice = env.get(BACKEND_ENV, "").strip().lower()
    return choice != "qt" and pulse_stream.available()


class AudioEngine(QObject):
    """The app's one sound output. Every call returns at once; sounds load in the background."""

    noticed = Signal(str)
    output_changed = Signal(object)  # str description, or None when silent/closed

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
        self._native = use_native_pulse()
        self._sink: PulseSinkThread | QtSinkThread = (
            PulseSinkThread(self.mixer, self) if self._native else QtSinkThread(self.mixer, self)
        )
        self._sink.opened.connect(self._on_opened)
        self._sink.closed.connect(self._on_closed)
        self._sink.no_output.connect(self._on_no_output)

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
            elif (source := self._stream(sid)) is not None:
                # built-ins are generated endlessly: a 40-minute session never hears a repeat
                self.mixer.set_source(sid, source, vol)
            else:
                future = self._loader.submit(self.catalogue.load, sid)
                future.add_done_callback(partial(self._loaded, sid))
        if wanted:
            self._ensure_open()

    def _stream(self, sound_id: str) -> BlockSource | None:
        """Endless material for a built-in soundscape; None for imported sounds (they loop)
        or where ``ACUMAT_SOUND_LOOPS=1`` asks for the rendered loops."""
        if plays_loops():
            return None
        try:
            return self.catalogue.stream(sound_id)
        except KeyError:
            return None

    def _loaded(self, sound_id: str, fut: Future[F32]) -> None:
        """Runs on the loader thread; the mixer is thread-safe."""
        try:
            data = fut.result()
        except Exception:
            log.exception("Could not load sound %s", sound_id)
            return
        volume = dict(self._requested).get(sound_id)
        if volume is not None:  # still wanted
            self.mixer.set_layer(sound_id, data, volume)  # keeps an int16 copy
        del data, fut
        release_freed_memory()

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
        position, counted from what is being heard now (the buffered audio is allowed for).
        The cue tones are designed to be heard over any soundscape: the ambience is not
        dipped under them (it used to be, 6 dB, which was heard as pumping)."""
        if not cues:
            return
        self._ensure_open()
        start = self._heard_position()
        for seconds, kind in cues:
            samples = self._oneshot("cue", kind)
            position = seconds_to_position(start, seconds)
            self.mixer.schedule(OneShot(position, samples, kind))

    def schedule_ducks(self, cues: list[tuple[float, str]]) -> None:
        """Dip the ambience gently (``mixer.DUCK_DB``, 3 dB) at each ``(seconds from now,
        kind)`` for about as long as a spoken cue lasts (the words themselves come from the speech
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
            QTimer.singleShot(CLOSE_DELAY_MS, self, self._close_if_idle)
        else:  # silent (no server): stop waiting for one
            self._sink.close()

    def set_device(self, device_id: bytes | None) -> None:
        """Use a given output (QAudioDevice.id()), or follow the system default with None."""
        self._device_id = device_id
        if self._open:
            self._sink.open(device_id)

    def status(self) -> dict[str, object]:
        return {
            "output": self._output,
            "muted": self.mixer.muted,
            "volume": self.mixer.master_volume,
            "layers": [{"sound": sid, "volume": vol} for sid, vol in self._requested],
        }

    def shutdown(self) -> None:
        """Stop the audio thread (call once at exit)."""
        self._sink.shutdown()
        self._loader.shutdown(wait=False, cancel_futures=True)
        self.mixer.close_sources()

    # --- internals -------------------------------------------------------------------------
    def _oneshot(self, family: str, kind: str) -> F32:
        key = f"{family}:{kind}"
        if key not in self._oneshots:
            render = synth.render_bell if family == "bell" else cue_sounds.render_cue
            self._oneshots[key] = render(kind, SAMPLE_RATE)
        return self._oneshots[key]

    def _heard_position(self) -> int:
        return self._sink.heard_position()

    def _ensure_open(self) -> None:
        if not self._open:
            self._open = True
            self._sink.open(self._device_id)

    def _close_if_idle(self) -> None:
        """After a stop: release the output once the ramp-out has been rendered (the sink
        may not have consumed it yet: a new stream can take a moment to start)."""
        if self._requested or not self._open:
            return
        if self.mixer.is_silent():
            self._sink.close()
        else:
            QTimer.singleShot(CLOSE_DELAY_MS, self, self._close_if_idle)

    @Slot(str)
    def _on_opened(self, name: str) -> None:
        description = self._describe(name) if self._native else name
        self._open = True
        self._silent = False
        self._noticed = False
        self._output = description
        self.output_changed.emit(description)

    @staticmethod
    def _describe(sink_name: str) -> str:
        """What the user calls the PulseAudio sink ``sink_name`` ("" = the default)."""
        wanted = sink_name.encode()
        default = QMediaDevices.defaultAudioOutput()
        for dev in QMediaDevices.audioOutputs():
            if bytes(dev.id().data()) == wanted:
                return dev.description()
        if not sink_name and not default.isNull():
            return default.description()
        return sink_name or "PulseAudio"

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
            self.noticed.emit(QCoreApplication.translate("AudioPlayer", NO_OUTPUT_NOTICE))
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
            self._sink.open(self._device_id)
