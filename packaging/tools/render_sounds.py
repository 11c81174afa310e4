"""Render every built-in soundscape into the sound cache (or a folder) ahead of first use.

Nothing is shipped: the app renders lazily on first play and caches the result; this script
warms that cache (e.g. in a package post-install step) or writes WAV files to listen to.

    .venv/bin/python packaging/tools/render_sounds.py             # fill the user cache
    .venv/bin/python packaging/tools/render_sounds.py --wav out/  # 16-bit WAVs for listening
"""

from __future__ import annotations

import argparse
import logging
import time
import wave
from pathlib import Path

import numpy as np
import platformdirs

from acumat_desktop.core.audio import SAMPLE_RATE, synth
from acumat_desktop.services.audio.soundscapes import SoundCatalogue

log = logging.getLogger("render_sounds")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wav", type=Path, help="write WAV files here instead of the cache")
    parser.add_argument("--seconds", type=float, default=synth.DEFAULT_SECONDS)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    cache = platformdirs.user_cache_path("acumat-desktop") / "sounds"
    catalogue = SoundCatalogue(cache, seconds=args.seconds)
    for sound_id in synth.SOUNDSCAPES:
        start = time.perf_counter()
        if args.wav is None:
            catalogue.load(sound_id)
        else:
            data = synth.render_soundscape(sound_id, args.seconds)
            _write_wav(args.wav / f"{sound_id}.wav", data)
        log.info("%-14s %.2f s", sound_id, time.perf_counter() - start)
    if args.wav is not None:
        for kind in synth.BELLS:
            _write_wav(args.wav / f"bell-{kind}.wav", synth.render_bell(kind))
        for kind in synth.CUES:
            _write_wav(args.wav / f"cue-{kind}.wav", synth.render_cue(kind))


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
