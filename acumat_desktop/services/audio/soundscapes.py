"""Catalogue of sounds: built-in synthesised soundscapes and user sounds.

Built-ins are generated endlessly: :meth:`SoundCatalogue.stream` gives a
:class:`~acumat_desktop.core.audio.sequencer.SoundscapeSource` that never repeats (no render,
no cache, ~1 MB). For players that can only loop a buffer, :meth:`SoundCatalogue.load` renders
a ``LOOP_SECONDS`` loop of the same material once (2-10 s on one core, measured), off the GUI
thread, and caches it as ``.npy`` in ``<cache>/sounds``; a cached load takes a few
milliseconds. ``load`` blocks: call it from a worker thread (the engine does).
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from acumat_desktop.core.audio import SAMPLE_RATE, names

if TYPE_CHECKING:  # numpy and the synthesiser load only when a sound is loaded
    from acumat_desktop.core.audio.dsp import F32
    from acumat_desktop.core.audio.sequencer import SoundscapeSource

log = logging.getLogger(__name__)

USER_PREFIX = "user-"
STREAM_PREFETCH_SECONDS = 3.0  # generated ahead on a daemon thread (1.2 MB a layer); the
# audio thread only copies, and the generator wakes every 1.5 s to render 6 blocks a layer
LOOP_SECONDS = 90.0  # built-in loops: 35 MB float32 each; streams need no loop at all
CACHE_VERSION = 2  # bump when loops change for a reason SYNTH_VERSION does not cover


@dataclass(frozen=True)
class SoundInfo:
    id: str
    name: str
    kind: str  # "builtin" | "user"

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "kind": self.kind}


class SoundCatalogue:
    """Where sounds come from. Thread-safe: loads of the same id are rendered only once."""

    def __init__(
        self,
        cache_dir: Path,
        user_dir: Path | None = None,
        seconds: float = LOOP_SECONDS,
    ) -> None:
        self.cache_dir = cache_dir
        self.user_dir = user_dir
        self.seconds = seconds
        self._lock = threading.Lock()

    def sounds(self) -> list[SoundInfo]:
        found = [SoundInfo(sid, name, "builtin") for sid, name in names.SOUNDSCAPES.items()]
        if self.user_dir is not None and self.user_dir.is_dir():
            for meta in sorted(self.user_dir.glob(f"{USER_PREFIX}*.json")):
                try:
                    name = str(json.loads(meta.read_text(encoding="utf-8"))["name"])
                except (OSError, ValueError, KeyError) as exc:
                    log.warning("Ignoring unreadable user sound %s: %s", meta, exc)
                    continue
                found.append(SoundInfo(meta.stem, name, "user"))
        return found

    def exists(self, sound_id: str) -> bool:
        return any(s.id == sound_id for s in self.sounds())

    def cache_path(self, sound_id: str) -> Path:
        version = f"v{names.SYNTH_VERSION}.{CACHE_VERSION}"
        tag = f"{version}-{SAMPLE_RATE}-{int(self.seconds * 1000)}"
        return self.cache_dir / f"{sound_id}-{tag}.npy"

    def stream(self, sound_id: str, seed: int | None = None) -> SoundscapeSource | None:
        """An endless, never-repeating source of a built-in (a fresh seed each time unless
        given); None for user sounds, which only loop (use :meth:`load`)."""
        if sound_id not in names.SOUNDSCAPES:
            if sound_id.startswith(USER_PREFIX):
                return None
            raise KeyError(f"unknown sound {sound_id!r}")
        from acumat_desktop.core.audio.sequencer import GENERATOR, SoundscapeSource
        from acumat_desktop.services.os_thread import name_generator_thread

        GENERATOR.on_thread_start = name_generator_thread
        return SoundscapeSource(sound_id, seed=seed, prefetch_seconds=STREAM_PREFETCH_SECONDS)

    def is_cached(self, sound_id: str) -> bool:
        return self.cache_path(sound_id).is_file()

    def load(self, sound_id: str) -> F32:
        """The looping float32 stereo material of a sound (renders and caches built-ins)."""
        if sound_id.startswith(USER_PREFIX):
            if self.user_dir is None:
                raise KeyError(sound_id)
            return _read(self.user_dir / f"{sound_id}.npy")
        if sound_id not in names.SOUNDSCAPES:
            raise KeyError(f"unknown sound {sound_id!r}")
        with self._lock:
            path = self.cache_path(sound_id)
            if path.is_file():
                try:
                    return _read(path)
                except (OSError, ValueError) as exc:
                    log.warning("Cached sound %s unreadable (%s); rendering again", path, exc)
            from acumat_desktop.core.audio import synth

            data = synth.render_soundscape(sound_id, self.seconds)
            try:
                save_npy_atomic(path, data)
            except OSError as exc:
                log.warning("Could not cache %s: %s", path, exc)
            self._prune(sound_id, keep=path)
            return data

    def _prune(self, sound_id: str, keep: Path) -> None:
        """Delete older loops of ``sound_id`` (other versions or lengths) from the cache."""
        for old in self.cache_dir.glob(f"{sound_id}-v*.npy"):
            if old != keep:
                try:
                    old.unlink()
                except OSError as exc:
                    log.warning("Could not remove stale %s: %s", old, exc)


def _read(path: Path) -> F32:
    import numpy as np

    data = np.load(path, allow_pickle=False)
    if data.ndim != 2 or data.shape[1] != 2 or data.shape[0] == 0:
        raise ValueError(f"{path} is not stereo audio")
    return np.ascontiguousarray(data, dtype=np.float32)


def save_npy_atomic(path: Path, data: F32) -> None:
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            np.save(fh, data, allow_pickle=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def slug(name: str) -> str:
    text = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return text[:40] or "sound"
