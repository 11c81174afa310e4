"""Render the built-in soundscapes: warm the loop cache, write WAVs, or measure them.

Nothing is shipped: soundscapes are generated on the user's machine (endlessly, by
``core/audio/sequencer.SoundscapeSource``; loops for players that can only loop a buffer are
rendered on first use and cached). This script warms that cache (e.g. in a package
post-install step), writes WAV files to listen to, or prints the descriptors that
resources/sounds/SOUNDS.md reports.

    .venv/bin/python packaging/tools/render_sounds.py               # fill the user cache
    .venv/bin/python packaging/tools/render_sounds.py --wav out/    # 16-bit WAVs (loops)
    .venv/bin/python packaging/tools/render_sounds.py --wav out/ --stream 600  # 10 min each
    .venv/bin/python packaging/tools/render_sounds.py --describe 120 --seed 11
"""

from __future__ import annotations

import argparse
import logging
import time
import wave
from pathlib import Path

import numpy as np
import platformdirs

from acumat_desktop.core.audio import SAMPLE_RATE, cues, synth
from acumat_desktop.core.audio.scapes.descriptors import describe
from acumat_desktop.core.audio.sequencer import SoundscapeSource
from acumat_desktop.services.audio.soundscapes import LOOP_SECONDS, SoundCatalogue

log = logging.getLogger("render_sounds")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wav", type=Path, help="write WAV files here instead of the cache")
    parser.add_argument("--seconds", type=float, default=LOOP_SECONDS, help="loop length")
    parser.add_argument("--stream", type=float, metavar="S", help="WAVs of S s of the stream")
    parser.add_argument("--describe", type=float, metavar="S", help="measure S s of each stream")
    parser.add_argument("--seed", type=int, help="fixed seed for --stream and --describe")
    parser.add_argument("ids", nargs="*", help="soundscape ids (default: all)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ids = args.ids or list(synth.SOUNDSCAPES)
    if args.describe:
        _describe(ids, args.describe, args.seed)
        return
    cache = platformdirs.user_cache_path("acumat-desktop") / "sounds"
    catalogue = SoundCatalogue(cache, seconds=args.seconds)
    for sound_id in ids:
        start = time.perf_counter()
        if args.wav is None:
            catalogue.load(sound_id)
        elif args.stream:
            source = SoundscapeSource(sound_id, seed=args.seed)
            data = source.next_block(int(args.stream * SAMPLE_RATE))
            _write_wav(args.wav / f"{sound_id}.wav", data)
        else:
            data = synth.render_soundscape(sound_id, args.seconds)
            _write_wav(args.wav / f"{sound_id}.wav", data)
        log.info("%-14s %.2f s", sound_id, time.perf_counter() - start)
    if args.wav is not None:
        for kind in synth.BELLS:
            _write_wav(args.wav / f"bell-{kind}.wav", synth.render_bell(kind))
        for kind in cues.CUES:
            _write_wav(args.wav / f"cue-{kind}.wav", cues.render_cue(kind))


def _describe(ids: list[str], seconds: float, seed: int | None) -> None:
    """One row per soundscape: descriptors of ``seconds`` of its stream, and CPU per second."""
    for sound_id in ids:
        source = SoundscapeSource(sound_id, seed=seed)
        start = time.process_time()
        x = source.next_block(int(seconds * SAMPLE_RATE))
        cpu = (time.process_time() - start) / seconds
        row = describe(x, SAMPLE_RATE).row()
        log.info("%-14s %s | %.1f %% of a core", sound_id, row, 100 * cpu)


def _write_wav(path: Path, data: np.ndarray) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pcm = (np.clip(data, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(data.shape[1])
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(pcm.tobytes())


if __name__ == "__main__":
    main()
