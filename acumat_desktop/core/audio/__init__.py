"""Pure-numpy audio: DSP helpers, the mixer and the soundscape synthesiser (no Qt here)."""

SAMPLE_RATE = 48_000
CHANNELS = 2
