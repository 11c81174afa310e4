"""What the built-in sounds are called, without numpy: listing them must not cost start-up."""

from __future__ import annotations

SYNTH_VERSION = 3  # bump when the sound of any generator changes (invalidates caches)
DEFAULT_SECONDS = 45.0

SOUNDSCAPES: dict[str, str] = {
    "rain": "Rain",
    "ocean": "Ocean waves",
    "brown-noise": "Brown noise",
    "pink-noise": "Pink noise",
    "wind": "Wind",
    "singing-bowls": "Singing bowls",
    "stream": "Forest stream",
}
