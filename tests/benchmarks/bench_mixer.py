"""CPU share of one core spent mixing four looping layers plus breathing cues and a bell.

Renders 60 s of audio in the engine's real block size (25 ms feed interval at 48 kHz) and
reports process CPU time / audio time. Run: ``.venv/bin/python -m tests.benchmarks.bench_mixer``.
"""

from __future__ import annotations

import time

from acumat_desktop.core.audio import SAMPLE_RATE, synth
from acumat_desktop.core.audio.mixer import Mixer, OneShot

AUDIO_SECONDS = 60.0
BLOCK = SAMPLE_RATE * 25 // 1000


def main() -> None:
    mixer = Mixer()
    for sid, vol in (("rain", 0.8), ("ocean", 0.6), ("wind", 0.5), ("singing-bowls", 0.4)):
        mixer.set_layer(sid, synth.render_soundscape(sid, 20.0), vol)
    cues = {k: synth.render_cue(k) for k in synth.CUES}
    # a 4-7-8 rhythm of cues for the whole minute, and a bell in the middle
    t, kinds = 0.0, (("inhale", 4.0), ("hold", 7.0), ("exhale", 8.0))
    while t < AUDIO_SECONDS:
        for kind, length in kinds:
            mixer.schedule(OneShot(round(t * SAMPLE_RATE), cues[kind], kind, ducks=True))
            t += length
    mixer.schedule(OneShot(30 * SAMPLE_RATE, synth.render_bell("minute"), "minute"))
    mixer.set_master_volume(0.7)
    frames = int(AUDIO_SECONDS * SAMPLE_RATE)
    blocks = frames // BLOCK
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for i in range(blocks):
        if i % 400 == 0:  # a volume move every 10 s exercises the ramps
            mixer.set_layer_volume("rain", 0.5 + 0.3 * ((i // 400) % 2))
        mixer.render(BLOCK)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    audio = blocks * BLOCK / SAMPLE_RATE
    print(f"mixed {audio:.0f} s of 4 layers + cues in {cpu:.3f} s CPU ({wall:.3f} s wall)")
    print(f"CPU share of one core: {100 * cpu / audio:.2f} %  (block {BLOCK} frames)")


if __name__ == "__main__":
    main()
