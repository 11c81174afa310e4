"""Name the calling OS thread, so ``top -H``, ``/proc/PID/task/*/comm`` and profilers show it.

Python before 3.14 names only its own ``threading.Thread`` object, so the kernel sees every
Python thread under the process's name. On Linux ``prctl(PR_SET_NAME)`` sets the kernel's name
(15 bytes at most); elsewhere this does nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys

PR_SET_NAME = 15


def name_os_thread(name: bytes) -> None:
    """Give the calling thread ``name`` (cut to 15 bytes) where the platform allows."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(PR_SET_NAME, ctypes.c_char_p(name[:15]), 0, 0, 0)


def name_generator_thread() -> None:
    """The shared soundscape generator's thread (see ``core.audio.sequencer.Generator``)."""
    name_os_thread(b"acumat-scapes")
