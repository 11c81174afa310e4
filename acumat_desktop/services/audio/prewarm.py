"""When to pre-render the default soundscape after start-up (in a child process)."""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)

PREWARM_DELAY_MS = 4000
# ACUMAT_PREWARM_DELAY_MS overrides the delay; a negative value turns pre-rendering off (the
# unit tests do, so the apps they build do not each spawn a renderer).
PREWARM_ENV = "ACUMAT_PREWARM_DELAY_MS"
LOOPS_ENV = "ACUMAT_SOUND_LOOPS"  # "1": play the rendered loops instead of endless material


def plays_loops() -> bool:
    """Whether built-in soundscapes play as rendered loops (only then is there anything to
    render ahead); by default they are generated endlessly while they play."""
    return os.environ.get(LOOPS_ENV, "").strip() == "1"


def prewarm_delay_ms() -> int | None:
    try:
        delay = int(os.environ.get(PREWARM_ENV, PREWARM_DELAY_MS))
    except ValueError:
        log.warning("%s is not a whole number; using %d ms", PREWARM_ENV, PREWARM_DELAY_MS)
        return PREWARM_DELAY_MS
    return None if delay < 0 else delay
