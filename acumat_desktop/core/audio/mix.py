"""Sound mixes as people type them: ``rain`` or ``rain:0.7, wind:0.3``.

One parser for the command line, the settings and the app, so a mix is judged the same way
wherever it is written.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection

Layers = list[tuple[str, float]]

NO_SOUND = "none"
SOUND_ID = re.compile(r"^[a-z0-9]+([-_][a-z0-9]+)*$")


def parse_mix(spec: str) -> Layers:
    """``"rain"`` -> ``[("rain", 1.0)]``; ``"rain:0.7, wind:0.3"`` -> two layers. Raises
    ValueError naming the part that is wrong (a missing id, a volume that is not a number from
    0 to 1)."""
    layers: dict[str, float] = {}
    for part in spec.split(","):
        item = part.strip()
        if not item:
            continue
        sound_id, sep, volume_text = item.partition(":")
        sound_id = sound_id.strip()
        if not sound_id:
            raise ValueError(f"{item!r}: a layer needs a sound id")
        volume = 1.0
        if sep:
            try:
                volume = float(volume_text)
            except ValueError:
                raise ValueError(f"{item!r}: the volume must be a number from 0 to 1") from None
            if not math.isfinite(volume) or not 0.0 <= volume <= 1.0:
                raise ValueError(f"{item!r}: the volume must be a number from 0 to 1")
        layers[sound_id] = volume
    return list(layers.items())


def check_mix(spec: str, known: Collection[str]) -> Layers:
    """Parse ``spec`` and accept only sounds in ``known`` (ids, never paths). ``"none"`` is no
    sound. Raises ValueError naming the bad part and, for an unknown sound, the known ones."""
    if spec.strip() == NO_SOUND:
        return []
    layers = parse_mix(spec)
    if not layers:
        raise ValueError("the sound is empty; name a soundscape, a mix or none")
    for sound_id, _volume in layers:
        if not SOUND_ID.fullmatch(sound_id):
            raise ValueError(f"{sound_id!r} is not a sound id (see 'acumat sounds')")
        if sound_id not in known:
            names = ", ".join(sorted(known)) or "none installed"
            raise ValueError(f"unknown sound {sound_id!r}; known sounds: {names}")
    return layers
