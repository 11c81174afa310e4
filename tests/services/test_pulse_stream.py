"""The native PulseAudio stream: what it asks of the server, what a real (private) server
grants it, and what the server then holds of it after each write."""

from __future__ import annotations

import numpy as np
from pulse_fixture import needs_pulse, pulse_server  # noqa: F401  (fixture)

from acumat_desktop.services.audio import native_feeder, pulse_sinks, pulse_stream
from acumat_desktop.services.audio.pulse_stream import PulseStream, buffer_attr

RATE = 48_000


def test_the_stream_asks_for_its_target_in_requests_of_one_write_block() -> None:
    attr = buffer_attr(RATE, 8, pulse_stream.TARGET_S, pulse_stream.MINREQ_S)
    assert attr.tlength == round(pulse_stream.TARGET_S * RATE) * 8
    assert attr.minreq == round(native_feeder.BLOCK_S * RATE) * 8  # one request, one write
    assert attr.prebuf == attr.minreq  # it plays from the first block
    assert attr.maxlength == attr.fragsize == 0xFFFFFFFF  # the server's choice


@needs_pulse
def test_a_real_server_asks_in_blocks_and_holds_the_target_after_each_write(
    pulse_server: dict[str, str],  # noqa: F811
) -> None:
    stream = PulseStream.connect(None, RATE, 2)
    held: list[float] = []
    asked: list[int] = []
    try:
        granted = stream.granted
        while len(asked) < 14:  # 2.4 s of audio: the stream has started and settled
            wanted = stream.writable_frames()
            if wanted < granted.minreq:
                stream.wait(1.0)
                continue
            stream.write(np.zeros((wanted, 2), dtype=np.float32))
            asked.append(wanted)
            held.append((stream.latency_frames() or 0) / RATE)
    finally:
        stream.close()
    # the server keeps a queue of ~325 ms besides its sink's own buffer, and asks for
    # the request size asked for, no less: one wake-up and one write per 150 ms
    assert 0.25 <= granted.tlength / RATE <= 0.35, granted
    assert granted.minreq == round(native_feeder.BLOCK_S * RATE), granted
    assert asked[0] >= granted.tlength - granted.minreq, "a new stream asks for all it holds"
    assert all(abs(a - granted.minreq) < RATE // 100 for a in asked[1:]), asked
    settled = held[-4:]
    assert all(0.25 <= s <= 0.4 for s in settled), held


@needs_pulse
def test_the_sinks_are_listed_by_the_shared_library_loader(
    pulse_server: dict[str, str],  # noqa: F811
) -> None:
    sinks = pulse_sinks.list_sinks()
    assert sinks is not None and [s.name for s in sinks if s.is_default] == ["test"], sinks
