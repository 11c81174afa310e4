"""Endless soundscapes generated block by block from seeded random events (one module each)."""

from __future__ import annotations

from acumat_desktop.core.audio.scapes.base import Scape
from acumat_desktop.core.audio.scapes.bowls import SingingBowls
from acumat_desktop.core.audio.scapes.noise import BrownNoise, PinkNoise
from acumat_desktop.core.audio.scapes.ocean import Ocean
from acumat_desktop.core.audio.scapes.rain import Rain
from acumat_desktop.core.audio.scapes.stream import Stream
from acumat_desktop.core.audio.scapes.wind import Wind

KINDS: dict[str, type[Scape]] = {
    "rain": Rain,
    "ocean": Ocean,
    "brown-noise": BrownNoise,
    "pink-noise": PinkNoise,
    "wind": Wind,
    "singing-bowls": SingingBowls,
    "stream": Stream,
}


def make_scape(sound_id: str, seed: int, rate: int) -> Scape:
    """A fresh endless stream of ``sound_id`` (KeyError when unknown)."""
    try:
        kind = KINDS[sound_id]
    except KeyError:
        raise KeyError(f"unknown soundscape {sound_id!r}") from None
    return kind(seed, rate)


__all__ = ["KINDS", "Scape", "make_scape"]
