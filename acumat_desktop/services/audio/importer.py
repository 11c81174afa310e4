"""Import a user's own sound: decode with QAudioDecoder, normalise, make it loop, keep it.

The original file is copied into the user sound folder next to its prepared loop
(``user-<slug>.npy``) and a small ``.json`` naming it; the ``.json`` is written last, so a
sound only joins the catalogue once everything is in place. A file that cannot be decoded
fails with a message naming it and the reason, and leaves the folder untouched.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtMultimedia import QAudioDecoder, QAudioFormat

from acumat_desktop.core.audio import CHANNELS, SAMPLE_RATE
from acumat_desktop.core.audio.dsp import loop_crossfade, normalise
from acumat_desktop.services.audio.soundscapes import (
    USER_PREFIX,
    SoundInfo,
    save_npy_atomic,
    slug,
)

log = logging.getLogger(__name__)

MIN_SECONDS = 2.0
MAX_SECONDS = 600.0
CROSSFADE_SECONDS = 1.0


class SoundImporter(QObject):
    """One import at a time; ``imported(SoundInfo)`` or ``failed(str)`` tells how it went."""

    imported = Signal(object)
    failed = Signal(str)

    def __init__(self, user_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.user_dir = user_dir
        self._decoder: QAudioDecoder | None = None
        self._chunks: list[np.ndarray] = []
        self._path: Path | None = None
        self._name = ""

    @property
    def busy(self) -> bool:
        return self._decoder is not None

    def import_file(self, path: Path, name: str | None = None) -> None:
        if self.busy:
            self.failed.emit(
                self.tr("Already importing a sound; try {0} again shortly").format(path.name)
            )
            return
        if not path.is_file():
            self.failed.emit(self.tr("Cannot import {0}: file not found").format(path.name))
            return
        self._path, self._name, self._chunks = path, name or path.stem, []
        fmt = QAudioFormat()
        fmt.setSampleRate(SAMPLE_RATE)
        fmt.setChannelCount(CHANNELS)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Float)
        decoder = QAudioDecoder(self)
        decoder.setAudioFormat(fmt)
        decoder.bufferReady.connect(self._on_buffer)
        decoder.finished.connect(self._on_finished)
        decoder.error.connect(self._on_error)
        decoder.setSource(QUrl.fromLocalFile(str(path)))
        self._decoder = decoder
        decoder.start()

    def _on_buffer(self) -> None:
        decoder = self._decoder
        if decoder is None:
            return
        buf = decoder.read()
        fmt = buf.format()
        if fmt.sampleFormat() != QAudioFormat.SampleFormat.Float or fmt.channelCount() != CHANNELS:
            self._fail(f"decoder gave {fmt.sampleFormat()} x {fmt.channelCount()} channels")
            return
        data = np.frombuffer(bytes(buf.constData()), dtype=np.float32)
        self._chunks.append(data.reshape(-1, CHANNELS).copy())
        if sum(c.shape[0] for c in self._chunks) > MAX_SECONDS * SAMPLE_RATE:
            decoder.stop()
            self._on_finished()

    def _on_error(self, _error: object) -> None:
        reason = self._decoder.errorString() if self._decoder is not None else "unknown error"
        self._fail(reason or "it is not an audio file Qt can decode")

    def _fail(self, reason: str) -> None:
        path = self._path
        self._reset()
        message = self.tr("Cannot import {0}: {1}").format(path.name if path else "?", reason)
        log.warning("%s", message)
        self.failed.emit(message)

    def _reset(self) -> None:
        decoder, self._decoder, self._chunks = self._decoder, None, []
        if decoder is not None:
            # stop() may emit finished at once: detach first so nothing re-enters
            decoder.bufferReady.disconnect(self._on_buffer)
            decoder.finished.disconnect(self._on_finished)
            decoder.error.disconnect(self._on_error)
            decoder.stop()
            decoder.deleteLater()

    def _on_finished(self) -> None:
        path, chunks = self._path, self._chunks
        if path is None or self._decoder is None:
            return
        audio = np.concatenate(chunks) if chunks else np.zeros((0, CHANNELS), np.float32)
        audio = audio[: int(MAX_SECONDS * SAMPLE_RATE)]
        if audio.shape[0] < MIN_SECONDS * SAMPLE_RATE:
            self._fail(f"it holds less than {MIN_SECONDS:g} s of audio")
            return
        if not np.any(np.abs(audio) > 1e-5):
            self._fail("it is silent")
            return
        crossfade = int(min(CROSSFADE_SECONDS, audio.shape[0] / SAMPLE_RATE / 4) * SAMPLE_RATE)
        loop = normalise(loop_crossfade(audio, crossfade), SAMPLE_RATE)
        try:
            info = self._store(path, loop)
        except OSError as exc:
            self._fail(str(exc))
            return
        self._reset()
        log.info("Imported %s as %s", path, info.id)
        self.imported.emit(info)

    def _store(self, source: Path, loop: np.ndarray) -> SoundInfo:
        self.user_dir.mkdir(parents=True, exist_ok=True)
        base = USER_PREFIX + slug(self._name)
        sound_id, n = base, 2
        while (self.user_dir / f"{sound_id}.json").exists():
            sound_id, n = f"{base}-{n}", n + 1
        npy = self.user_dir / f"{sound_id}.npy"
        copy = self.user_dir / f"{sound_id}{source.suffix.lower()}"
        meta = self.user_dir / f"{sound_id}.json"
        try:
            save_npy_atomic(npy, loop)
            shutil.copyfile(source, copy)
            meta.write_text(
                json.dumps({"name": self._name, "original": source.name}), encoding="utf-8"
            )
        except OSError:
            for leftover in (npy, copy, meta):
                leftover.unlink(missing_ok=True)
            raise
        return SoundInfo(sound_id, self._name, "user")
