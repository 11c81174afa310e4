"""Threads the app starts carry their own names in the kernel, so per-thread figures
(``/proc/PID/task/*/comm``, ``top -H``) say which part of the app a cost belongs to."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from acumat_desktop.services.audio.soundscapes import SoundCatalogue
from acumat_desktop.services.os_thread import name_os_thread
from tests.harness.desktop import wait_for


def kernel_thread_names() -> set[str]:
    names = set()
    for comm in Path("/proc/self/task").glob("*/comm"):
        try:
            names.add(comm.read_text().strip())
        except OSError:  # the thread ended meanwhile
            continue
    return names


pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="Linux /proc only")


def test_a_thread_named_here_is_seen_by_that_name_in_proc() -> None:
    seen: list[str] = []

    def run() -> None:
        name_os_thread(b"acumat-test-thread-long")
        seen.append(Path(f"/proc/self/task/{threading.get_native_id()}/comm").read_text().strip())

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert seen == ["acumat-test-thr"]  # cut to the kernel's 15 bytes


def test_the_soundscape_generator_thread_carries_its_name(tmp_path: Path) -> None:
    source = SoundCatalogue(cache_dir=tmp_path).stream("rain", seed=1)
    assert source is not None
    try:
        source.next_block(4800)  # a read wakes the generator to render ahead
        wait_for(lambda: "acumat-scapes" in kernel_thread_names(), 5.0, "the named generator")
    finally:
        source.close()
