"""The one mixer: looping layers + one-shots (cues, bells) placed by sample position.

Thread-safe: the GUI thread changes layers and schedules one-shots while the audio thread
calls :meth:`Mixer.render`. Everything after a change is ramped, so nothing clicks.

Layers are stored as int16 scaled to their own peak (8.6 MB for 45 s of stereo instead of
17.3 MB as float32; the quantisation floor sits ~90 dB under a -27 LUFS soundscape).
Cues are designed to be heard over the ambience (``cues``) and do not dip it; only a
one-shot that asks for it (a spoken cue) dips the ambience, by at most 3 dB.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from acumat_desktop.core.audio import CHANNELS, SAMPLE_RATE
from acumat_desktop.core.audio.dsp import (
    F32,
    LIMITER_KNEE,
    Fade,
    GainRamp,
    perceptual_gain,
    soft_limit,
)

DUCK_DB = -3.0  # the ambience dips this much under a one-shot that ducks (a spoken cue)
DUCK_GAIN = 10 ** (DUCK_DB / 20)
DUCK_SECONDS = 0.12
_INT16_MAX = 32767
_CONVERT_FRAMES = 65_536


@dataclass
class _Layer:
    samples: npt.NDArray[np.int16]
    scale: np.float32  # samples * scale = the material
    volume: float
    gain: GainRamp
    position: int = 0
    removing: bool = False
    source: BlockSource | None = None  # endless material, asked for each block (no loop)


class BlockSource(Protocol):
    """Endless material (a generated soundscape): the next ``frames`` of float32 stereo."""

    def next_block(self, frames: int) -> F32: ...

    def close(self, wait: bool = False) -> None: ...


def _to_int16(samples: F32, channels: int) -> tuple[npt.NDArray[np.int16], np.float32]:
    """Stereo int16 copy of ``samples`` scaled to its peak, and the scale back to float."""
    data = np.asarray(samples, dtype=np.float32)
    if data.ndim == 1:
        data = np.repeat(data[:, None], channels, axis=1)
    peak = max((float(np.max(np.abs(part))) for part in _chunks(data)), default=0.0)
    scale = np.float32(peak / _INT16_MAX if peak > 0 else 1.0 / _INT16_MAX)
    out = np.empty(data.shape, dtype=np.int16)
    step = _CONVERT_FRAMES
    for start in range(0, data.shape[0], step):  # in chunks: no full-size float temporaries
        out[start : start + step] = np.rint(data[start : start + step] / scale)
    return out, scale


def _chunks(data: F32) -> list[F32]:
    return [data[i : i + _CONVERT_FRAMES] for i in range(0, data.shape[0], _CONVERT_FRAMES)]


@dataclass(frozen=True)
class OneShot:
    """A sound that starts at an absolute sample ``position`` of the mix."""

    position: int
    samples: F32
    kind: str
    gain: float = 1.0
    ducks: bool = False

    @property
    def end(self) -> int:
        return self.position + self.samples.shape[0]


def seconds_to_position(start: int, seconds: float, rate: int = SAMPLE_RATE) -> int:
    """The sample position ``seconds`` after sample ``start`` (rounded to the nearest frame)."""
    return start + round(seconds * rate)


class Mixer:
    """Renders the mix in blocks. Positions count frames rendered since creation."""

    def __init__(self, rate: int = SAMPLE_RATE, channels: int = CHANNELS) -> None:
        self.rate = rate
        self.channels = channels
        self._lock = threading.Lock()
        self._layers: dict[str, _Layer] = {}
        self._oneshots: list[OneShot] = []
        self._fading: list[OneShot] = []  # started one-shots on their way out (ramped clear)
        self._fading_env = Fade(rate, level=0.0)
        self._position = 0
        self._master_volume = 1.0
        self._muted = False
        self._master = GainRamp(rate, perceptual_gain(1.0))
        self._duck = GainRamp(rate, 1.0, seconds=DUCK_SECONDS)
        self._fade = Fade(rate, level=1.0)
        self._silence = np.zeros((0, channels), dtype=np.float32)  # see _silent_block
        self._scratch = np.zeros((0, channels), dtype=np.float32)  # see _add_layer

    # --- state read by the engine ----------------------------------------------------------
    @property
    def position(self) -> int:
        return self._position

    @property
    def muted(self) -> bool:
        return self._muted

    @property
    def master_volume(self) -> float:
        return self._master_volume

    def layers(self) -> list[tuple[str, float]]:
        with self._lock:
            return [(k, v.volume) for k, v in self._layers.items() if not v.removing]

    def has_layer(self, layer_id: str) -> bool:
        with self._lock:
            return layer_id in self._layers

    def pending_oneshots(self) -> list[OneShot]:
        with self._lock:
            return list(self._oneshots)

    def is_silent(self) -> bool:
        """True when rendering would produce nothing but zeros from now on."""
        with self._lock:
            return not self._layers and not self._oneshots and not self._fading

    # --- commands --------------------------------------------------------------------------
    def set_source(self, layer_id: str, source: BlockSource, volume: float) -> None:
        """Add a layer that plays endless material (starting silent, ramping up), or update
        an existing layer's volume (then ``source`` is not needed and is closed)."""
        with self._lock:
            layer = self._layers.get(layer_id)
            if layer is None:
                silent = np.zeros((1, self.channels), dtype=np.int16)
                layer = _Layer(silent, np.float32(1.0), volume, GainRamp(self.rate, 0.0))
                layer.source = source
                self._layers[layer_id] = layer
            elif layer.source is not source:
                source.close()
            layer.volume = volume
            layer.removing = False
            layer.gain.set_target(perceptual_gain(volume))

    def close_sources(self) -> None:
        """Let every endless source's helper thread go (the engine shuts down)."""
        with self._lock:
            for layer in self._layers.values():
                if layer.source is not None:
                    layer.source.close()

    def _drop(self, layer_id: str) -> None:
        layer = self._layers.pop(layer_id)
        if layer.source is not None:
            layer.source.close()  # never blocks

    def set_layer(self, layer_id: str, samples: F32, volume: float) -> None:
        """Add a looping layer (starting silent, ramping up) or update an existing one's volume."""
        with self._lock:
            known = layer_id in self._layers
        data, scale = _to_int16(samples, self.channels) if not known else (None, None)
        with self._lock:
            layer = self._layers.get(layer_id)
            if layer is None:
                if data is None or scale is None:  # removed meanwhile
                    data, scale = _to_int16(samples, self.channels)
                layer = _Layer(data, scale, volume, GainRamp(self.rate, 0.0))
                self._layers[layer_id] = layer
            layer.volume = volume
            layer.removing = False
            layer.gain.set_target(perceptual_gain(volume))

    def set_layer_volume(self, layer_id: str, volume: float) -> None:
        with self._lock:
            layer = self._layers.get(layer_id)
            if layer is not None:
                layer.volume = volume
                layer.gain.set_target(perceptual_gain(volume))

    def remove_layer(self, layer_id: str) -> None:
        """Ramp a layer to silence, then drop it."""
        with self._lock:
            layer = self._layers.get(layer_id)
            if layer is not None:
                layer.removing = True
                layer.gain.set_target(0.0)

    def set_master_volume(self, volume: float) -> None:
        with self._lock:
            self._master_volume = min(1.0, max(0.0, volume))
            self._update_master()

    def set_muted(self, muted: bool) -> None:
        with self._lock:
            self._muted = muted
            self._update_master()

    def _update_master(self) -> None:
        self._master.set_target(0.0 if self._muted else perceptual_gain(self._master_volume))

    def fade_to(self, level: float, seconds: float, from_level: float | None = None) -> None:
        """Move the ambience envelope (0..1) to ``level`` over ``seconds`` (from ``from_level``
        when given, else from where it is). Bells and cues are not faded."""
        with self._lock:
            self._fade.start(min(1.0, max(0.0, level)), max(seconds, 0.0), from_level)

    @property
    def fade_level(self) -> float:
        return self._fade.level

    @property
    def fading(self) -> bool:
        return self._fade.active

    def schedule(self, shot: OneShot) -> None:
        """Play ``shot`` at its sample position; a position already rendered plays at once."""
        with self._lock:
            if shot.position < self._position:
                shot = OneShot(self._position, shot.samples, shot.kind, shot.gain, shot.ducks)
            self._oneshots.append(shot)
            self._oneshots.sort(key=lambda s: s.position)

    def clear(self, kinds: set[str] | None = None, fade_s: float | None = None) -> None:
        """Drop scheduled one-shots (all, or those of the given kinds) not yet started. With
        ``fade_s``, those already sounding (a bell rings for up to 12 s) are also taken out,
        ramped to silence over ``fade_s`` seconds; without it they ring out."""
        with self._lock:
            keep: list[OneShot] = []
            for shot in self._oneshots:
                if kinds is not None and shot.kind not in kinds:
                    keep.append(shot)
                elif shot.position < self._position:
                    (self._fading if fade_s is not None else keep).append(shot)
            self._oneshots = keep
            if fade_s is not None and self._fading:
                # from where the envelope is when a clear is already fading, else from full
                start = self._fading_env.level if self._fading_env.active else 1.0
                self._fading_env.start(0.0, max(fade_s, 1.0 / self.rate), from_level=start)

    # --- rendering -------------------------------------------------------------------------
    def render(self, frames: int) -> F32:
        """Mix the next ``frames`` frames as float32 ``(frames, channels)``. While nothing
        sounds in them (no layer, no one-shot) the result is a shared read-only block of
        zeros: the ramps move on, nothing is mixed."""
        with self._lock:
            start, end = self._position, self._position + frames
            if self._quiet_until(end):
                return self._silent_block(frames)
            out = self._render_layers(frames, start, end)
            self._render_oneshots(out, start, end)
            self._render_fading(out, frames, start, end)
            master = self._master.render(frames)
            self._position = end
        if np.ndim(master) or float(master) != 1.0:
            out *= _as_column(master)
        if max(float(out.max()), -float(out.min())) <= LIMITER_KNEE:
            return out  # nothing to bend (two reductions, no temporaries)
        return soft_limit(out)

    def _quiet_until(self, end: int) -> bool:
        """(Under the lock.) Nothing sounds before ``end``: no layer, no one-shot fading or
        starting before it (one-shots are kept sorted by position)."""
        return (
            not self._layers
            and not self._fading
            and (not self._oneshots or self._oneshots[0].position >= end)
        )

    def _silent_block(self, frames: int) -> F32:
        """(Under the lock.) Move every ramp on by ``frames`` and hand out the zeros."""
        self._fade.render(frames)
        self._duck.set_target(1.0)
        self._duck.render(frames)
        self._master.render(frames)
        self._position += frames
        silence = self._silence
        if silence.shape[0] != frames:
            silence = self._silence = np.zeros((frames, self.channels), dtype=np.float32)
            silence.flags.writeable = False
        return silence

    def _render_layers(self, frames: int, start: int, end: int) -> F32:
        """The ambience (layers x duck x session fade) as a new block; one-shots are added
        to it unfaded."""
        fade = self._fade.render(frames)
        silent = np.ndim(fade) == 0 and float(fade) == 0.0
        if not self._layers or silent:
            self._duck.set_target(1.0)
            self._duck.render(frames)
            for layer_id, layer in list(self._layers.items()):
                layer.gain.render(frames)
                layer.position = (layer.position + frames) % layer.samples.shape[0]
                if layer.removing and layer.gain.settled:
                    self._drop(layer_id)
            return np.zeros((frames, self.channels), dtype=np.float32)
        ducking = any(
            s.ducks and s.position < end + self._duck_lead and s.end > start for s in self._oneshots
        )
        self._duck.set_target(DUCK_GAIN if ducking else 1.0)
        duck = self._duck.render(frames)
        out = np.zeros((frames, self.channels), dtype=np.float32)
        scratch = self._scratch_for(frames)
        for layer_id in list(self._layers):
            self._add_layer(layer_id, out, scratch, frames)
        if np.ndim(fade) or np.ndim(duck):
            out *= _as_column(fade) * _as_column(duck)
        elif float(fade) * float(duck) != 1.0:
            out *= np.float32(float(fade) * float(duck))
        return out

    def _add_layer(self, layer_id: str, out: F32, scratch: F32, frames: int) -> None:
        """(Under the lock.) Add one layer at its gain into ``out`` (``scratch``: a
        block-sized buffer to scale into, so no temporaries are made)."""
        layer = self._layers[layer_id]
        gain = layer.gain.render(frames)
        advanced = (layer.position + frames) % layer.samples.shape[0]
        if layer.gain.settled and layer.gain.value == 0.0 and np.ndim(gain) == 0:
            layer.position = advanced
            if layer.removing:
                self._drop(layer_id)
            return
        chunk = (
            layer.source.next_block(frames)
            if layer.source is not None
            else _loop_slice(layer.samples, layer.position, frames)
        )
        layer.position = advanced
        if isinstance(gain, np.ndarray):
            np.multiply(chunk, (gain * layer.scale)[:, None], out=scratch, casting="unsafe")
        else:
            np.multiply(chunk, np.float32(gain * layer.scale), out=scratch, casting="unsafe")
        out += scratch
        if layer.removing and layer.gain.settled:
            self._drop(layer_id)

    def _scratch_for(self, frames: int) -> F32:
        if self._scratch.shape[0] != frames:
            self._scratch = np.empty((frames, self.channels), dtype=np.float32)
        return self._scratch

    @property
    def _duck_lead(self) -> int:
        return round(DUCK_SECONDS * self.rate)

    def _render_oneshots(self, out: F32, start: int, end: int) -> None:
        self._oneshots = _mix_shots(self._oneshots, out, start, end)

    def _render_fading(self, out: F32, frames: int, start: int, end: int) -> None:
        """One-shots taken out by a ramped clear, under their own falling envelope."""
        if not self._fading:
            return
        envelope = self._fading_env.render(frames)
        if np.ndim(envelope) == 0:  # the envelope has settled at silence
            self._fading = []
            return
        bus = np.zeros_like(out)
        self._fading = _mix_shots(self._fading, bus, start, end)
        out += bus * _as_column(envelope)
        if not self._fading_env.active:
            self._fading = []


def _mix_shots(shots: list[OneShot], out: F32, start: int, end: int) -> list[OneShot]:
    """Add the part of each shot inside ``[start, end)`` to ``out``; return those not over."""
    keep: list[OneShot] = []
    for shot in shots:
        if shot.position >= end:
            keep.append(shot)
            continue
        a = max(start, shot.position)
        b = min(end, shot.end)
        if b > a:
            src = shot.samples[a - shot.position : b - shot.position]
            if src.ndim == 1:
                src = src[:, None]
            out[a - start : b - start] += src * shot.gain
        if shot.end > end:
            keep.append(shot)
    return keep


def _as_column(gain: float | npt.NDArray[np.float32]) -> float | npt.NDArray[np.float32]:
    if isinstance(gain, np.ndarray):
        return gain[:, None]
    return gain


def _loop_slice(
    samples: npt.NDArray[np.int16], position: int, frames: int
) -> npt.NDArray[np.int16]:
    n = samples.shape[0]
    if position + frames <= n:
        return samples[position : position + frames]
    idx = (np.arange(frames) + position) % n
    return samples[idx]
