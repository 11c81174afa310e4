"""When to pre-render the default soundscape after start-up (in a child process)."""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)

PREWARM_DELAY_MS = 4000
# ACUMAT_PREWARM_DELAY_MS overrides the delay; a negative value turns pre-rendering off (the
# unit tests do, so the apps they build do not each spawn a renderer).
PREWARM_ENV = "ACUMAT_PREWARM_DELAY_MS"


def prewarm_delay_ms() -> int | None:
    try:
        delay = int(os.environ.get(PREWARM_ENV, PREWARM_DELAY_MS))
    except ValueError:
        log.warning("%s is not a whole number; using %d ms", PREWARM_ENV, PREWARM_DELAY_MS)
        return PREWARM_DELAY_MS
    return None if delay < 0 else delay
