"""The native PulseAudio stream: what it asks of the server, and what a real (private) server
then holds of it after each write."""

from __future__ import annotations

import numpy as np
from pulse_fixture import needs_pulse, pulse_server  # noqa: F401  (fixture)

from acumat_desktop.services.audio import native_feeder, pulse_simple
from acumat_desktop.services.audio.pulse_simple import PulseStream, buffer_attr

RATE = 48_000


def test_the_stream_asks_for_its_target_in_requests_of_one_write_block() -> None:
    attr = buffer_attr(RATE, 8, pulse_simple.TARGET_S, pulse_simple.MINREQ_S)
    assert attr.tlength == round(pulse_simple.TARGET_S * RATE) * 8
    assert attr.minreq == round(native_feeder.BLOCK_S * RATE) * 8  # one request, one write
    assert attr.maxlength == attr.prebuf == attr.fragsize == 0xFFFFFFFF  # the server's choice
    # the feeder writes when the server holds WRITE_AT_S, after it asked for the next block
    assert native_feeder.WRITE_AT_S < pulse_simple.TARGET_S - pulse_simple.MINREQ_S


@needs_pulse
def test_a_real_server_holds_the_target_after_each_write(
    pulse_server: dict[str, str],  # noqa: F811
) -> None:
    stream = PulseStream.connect(None, RATE, 2)
    block = np.zeros((round(native_feeder.BLOCK_S * RATE), 2), dtype=np.float32)
    held: list[float] = []
    try:
        for _ in range(12):  # 1.8 s of audio: the stream has started and settled
            stream.write(block)
            held.append(stream.latency_frames() / RATE)
    finally:
        stream.close()
    settled = held[-4:]
    assert all(0.25 <= s <= 0.4 for s in settled), held
    assert min(settled) > native_feeder.WRITE_AT_S + 0.05, "a write tops it up by a block"
