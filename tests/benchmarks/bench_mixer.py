"""CPU share of one core spent mixing four looping layers plus breathing cues and a bell, and
spent generating the four endless layers a session plays.

Renders audio in the engine's real block size (25 ms feed interval at 48 kHz) and reports
process CPU time / audio time. Alone: ``.venv/bin/python -m tests.benchmarks.bench_mixer``.
"""

from __future__ import annotations

import time

from acumat_desktop.core.audio import SAMPLE_RATE, synth
from acumat_desktop.core.audio import cues as cue_sounds
from acumat_desktop.core.audio.mixer import Mixer, OneShot
from acumat_desktop.core.audio.sequencer import SoundscapeSource

BLOCK = SAMPLE_RATE * 25 // 1000


def build_mixer(audio_seconds: float) -> Mixer:
    mixer = Mixer()
    for sid, vol in (("rain", 0.8), ("ocean", 0.6), ("wind", 0.5), ("singing-bowls", 0.4)):
        mixer.set_layer(sid, synth.render_soundscape(sid, min(20.0, audio_seconds)), vol)
    cues = {k: cue_sounds.render_cue(k) for k in cue_sounds.CUES}
    # a 4-7-8 rhythm of cues for the whole span, and a bell in the middle
    t, kinds = 0.0, (("inhale", 4.0), ("hold", 7.0), ("exhale", 8.0))
    while t < audio_seconds:
        for kind, length in kinds:
            mixer.schedule(OneShot(round(t * SAMPLE_RATE), cues[kind], kind))
            t += length
    mixer.schedule(
        OneShot(round(audio_seconds / 2 * SAMPLE_RATE), synth.render_bell("minute"), "minute")
    )
    mixer.set_master_volume(0.7)
    return mixer


def mixer_cpu_share(audio_seconds: float = 60.0) -> float:
    """CPU % of one core to mix ``audio_seconds`` of 4 layers + cues in real-time blocks."""
    mixer = build_mixer(audio_seconds)
    blocks = int(audio_seconds * SAMPLE_RATE) // BLOCK
    cpu0 = time.process_time()
    for i in range(blocks):
        if i % 400 == 0:  # a volume move every 10 s exercises the ramps
            mixer.set_layer_volume("rain", 0.5 + 0.3 * ((i // 400) % 2))
        mixer.render(BLOCK)
    cpu = time.process_time() - cpu0
    return 100 * cpu / (blocks * BLOCK / SAMPLE_RATE)


FOUR_LAYERS = ("rain", "ocean", "wind", "singing-bowls")


def generator_cpu_share(audio_seconds: float = 60.0, warm_seconds: float = 20.0) -> float:
    """CPU % of one core to generate ``audio_seconds`` of the four layers, read in the
    mixer's blocks, after ``warm_seconds`` (buffers and caches settle)."""
    sources = [SoundscapeSource(sid, seed=1) for sid in FOUR_LAYERS]
    for source in sources:
        source.next_block(int(warm_seconds * SAMPLE_RATE))
    blocks = int(audio_seconds * SAMPLE_RATE) // BLOCK
    cpu0 = time.process_time()
    for _ in range(blocks):
        for source in sources:
            source.next_block(BLOCK)
    cpu = time.process_time() - cpu0
    return 100 * cpu / (blocks * BLOCK / SAMPLE_RATE)


def main() -> None:
    share = mixer_cpu_share()
    print(f"CPU share of one core: {share:.2f} %  (block {BLOCK} frames)")
    print(f"Generating {', '.join(FOUR_LAYERS)}: {generator_cpu_share():.2f} % of one core")


if __name__ == "__main__":
    main()
