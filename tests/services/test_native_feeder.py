"""The native PulseAudio feeder against a fake stream (no server, no sleeps: every wait is
on a condition the fake signals), and where the native stream is chosen over Qt's backend."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from acumat_desktop.core.audio.mixer import Mixer
from acumat_desktop.services.audio import native_feeder
from acumat_desktop.services.audio.native_feeder import NativeFeeder
from acumat_desktop.services.audio.player import use_native_pulse
from acumat_desktop.services.audio.pulse_stream import Granted, PulseError, PulseStream


class _FakeStream:
    """Stands in for PulseStream. The server asks for a block whenever the feeder waits
    (``server.asking``), or only for what the test hands it with :meth:`ask`; a wait lasts
    until it asks for something, :meth:`lose` or :meth:`wakeup` (its timeout is ignored, so a
    command that does not wake the stream hangs the test)."""

    granted = Granted(tlength=15600, minreq=7200, prebuf=7200)

    def __init__(self, device: bytes | None, server: _FakeServer) -> None:
        self.device = device
        self.server = server
        self.fail = False
        self.closed = False
        self.asked = self.granted.tlength  # a new stream asks for all it holds
        self._woken = False

    def writable_frames(self) -> int:
        if self.fail:
            raise PulseError("Connection terminated")
        return self.asked

    def wait(self, timeout_s: float) -> None:
        changed = self.server.changed
        with changed:
            self.server.waits += 1
            if self.server.asking:
                self.asked += self.granted.minreq
            before = self.asked if self.asked < self.granted.minreq else -1
            changed.notify_all()
            changed.wait_for(lambda: self.fail or self._woken or self.asked != before)
            self._woken = False
        if self.fail:
            raise PulseError("Connection terminated")

    def wakeup(self) -> None:
        with self.server.changed:
            self._woken = True
            self.server.changed.notify_all()

    def ask(self, frames: int) -> None:
        with self.server.changed:
            self.asked += frames
            self.server.changed.notify_all()

    def lose(self) -> None:
        with self.server.changed:
            self.fail = True
            self.server.changed.notify_all()

    def write(self, block: np.ndarray) -> None:
        if self.fail:
            raise PulseError("Connection terminated")
        self.asked = max(0, self.asked - block.shape[0])
        self.server.written.append(block.shape[0])
        self.server.note("write")

    def latency_frames(self) -> int | None:
        """What the server holds after each write: ``server.levels`` in turn, then 200 ms."""
        return self.server.levels.pop(0) if self.server.levels else 9600

    def close(self, drain: bool = False) -> None:
        self.closed = True
        self.server.note(f"close drain={drain}")


class _FakeServer:
    """Decides which connects succeed; every call is recorded and signalled."""

    def __init__(self) -> None:
        self.up = True
        self.devices = {b"usb"}
        self.log: list[str] = []
        self.streams: list[_FakeStream] = []
        self.levels: list[int | None] = []  # frames queued after the first writes
        self.asking = True  # the fake streams ask for a block whenever the feeder waits
        self.waits = 0
        self.written: list[int] = []  # frames of each write
        self.changed = threading.Condition()

    def note(self, event: str) -> None:
        with self.changed:
            self.log.append(event)
            self.changed.notify_all()

    def connect(self, device: bytes | None) -> PulseStream:
        self.note(f"connect {device!r}")
        with self.changed:
            if not self.up or (device is not None and device not in self.devices):
                raise PulseError("Connection refused")
            stream = _FakeStream(device, self)
            self.streams.append(stream)
            return stream  # type: ignore[return-value]

    def wait(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        with self.changed:
            assert self.changed.wait_for(predicate, timeout), self.log[-10:]


class _Reports:
    def __init__(self) -> None:
        self.events: list[str] = []

    def opened(self, name: str) -> None:
        self.events.append(f"opened {name}")

    def closed(self) -> None:
        self.events.append("closed")

    def no_output(self) -> None:
        self.events.append("no output")


class _Clock:
    """A clock that stands still until moved; every reading is signalled to the server."""

    def __init__(self, server: _FakeServer) -> None:
        self.now = 100.0
        self.readings = 0
        self._server = server

    def __call__(self) -> float:
        with self._server.changed:
            self.readings += 1
            self._server.changed.notify_all()
            return self.now


def _feeder(
    server: _FakeServer, clock: Callable[[], float] | None = None
) -> tuple[NativeFeeder, _Reports, Mixer]:
    mixer = Mixer()
    mixer.set_layer("hum", np.full((4800, 2), 0.1, dtype=np.float32), 1.0)
    reports = _Reports()
    feeder = NativeFeeder(
        mixer,
        reports.opened,
        reports.closed,
        reports.no_output,
        connect=server.connect,
        **({"clock": clock} if clock is not None else {}),
    )
    return feeder, reports, mixer


def test_the_feeder_reconnects_after_the_server_goes_away_and_says_so_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(native_feeder, "RETRY_S", 0.01)
    monkeypatch.setattr(native_feeder, "NOTICE_AFTER_S", 0.0)
    server = _FakeServer()
    feeder, reports, _ = _feeder(server)
    try:
        feeder.open(None)
        server.wait(lambda: server.log.count("write") >= 3)
        server.up = False
        server.streams[-1].lose()
        server.wait(lambda: server.log.count("connect None") >= 5)  # retrying, not giving up
        server.up = True
        server.wait(lambda: len(server.streams) == 2 and server.log[-1] == "write")
    finally:
        feeder.shutdown()
    assert server.streams[0].closed
    assert reports.events[:4] == ["opened ", "closed", "no output", "opened "]
    assert reports.events.count("no output") == 1


def test_the_feeder_falls_back_to_the_default_sink_when_the_chosen_one_is_gone() -> None:
    server = _FakeServer()
    feeder, reports, _ = _feeder(server)
    try:
        feeder.open(b"usb")
        server.wait(lambda: "write" in server.log)
        server.devices.clear()  # unplugged: its stream dies, and it cannot be reopened
        server.streams[-1].lose()
        server.wait(lambda: len(server.streams) == 2 and server.log[-1] == "write")
    finally:
        feeder.shutdown()
    assert [s.device for s in server.streams] == [b"usb", None]
    assert reports.events[:3] == ["opened usb", "closed", "opened "]


def test_the_feeder_releases_the_stream_after_silence_and_drains_it() -> None:
    server = _FakeServer()
    feeder, reports, mixer = _feeder(server)
    try:
        feeder.open(None)
        server.wait(lambda: "write" in server.log)
        mixer.remove_layer("hum")
        server.wait(lambda: any(e.startswith("close") for e in server.log))
    finally:
        feeder.shutdown()
    writes = server.log.count("write")
    # 3 s of silence in BLOCK_S blocks, plus the ramp-out, then a drained close
    assert writes >= native_feeder.IDLE_CLOSE_S / native_feeder.BLOCK_S
    assert server.log[-1] == "close drain=True"
    assert reports.events == ["opened ", "closed"]


@pytest.mark.parametrize(
    ("env", "native"),
    [
        ({"PULSE_SERVER": "unix:/nowhere/native"}, True),  # configured: ours, even if down
        # no server yet: ours, which waits for one (Qt's would abort once a known one is gone)
        ({"XDG_RUNTIME_DIR": "/nowhere"}, True),
        ({"PULSE_SERVER": "unix:/x", "ACUMAT_AUDIO_BACKEND": "qt"}, False),
        ({"ACUMAT_AUDIO_BACKEND": "pulse"}, True),
    ],
)
def test_the_native_stream_is_used_where_a_pulseaudio_server_is(
    env: dict[str, str], native: bool
) -> None:
    assert use_native_pulse(env) is native


def test_the_running_socket_selects_the_native_stream(tmp_path: Path) -> None:
    (tmp_path / "pulse").mkdir()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(tmp_path / "pulse" / "native"))
        assert use_native_pulse({"XDG_RUNTIME_DIR": str(tmp_path)})


def test_a_buffer_running_low_is_logged_once_per_episode_but_not_as_a_stream_fills(
    caplog: pytest.LogCaptureFixture,
) -> None:
    server = _FakeServer()
    server.levels = [1200, 3600, 9600, 960, 480, 9600, 960]  # 25 ms at the first write
    feeder, _, _ = _feeder(server)
    try:
        feeder.open(None)
        server.wait(lambda: server.log.count("write") >= 10)
    finally:
        feeder.shutdown()
    lows = [r for r in caplog.records if "ran low" in r.getMessage()]
    assert [r.getMessage() for r in lows] == [
        "Audio buffer ran low (20 ms queued)",
        "Audio buffer ran low (20 ms queued)",
    ]
    assert feeder.underruns == 2


def test_the_feeder_writes_what_the_server_asked_for_once_it_is_a_block() -> None:
    server = _FakeServer()
    server.asking = False
    feeder, _, mixer = _feeder(server)
    granted = _FakeStream.granted
    held = round(native_feeder.HOLD_S * mixer.rate)  # 300 ms of the 325 granted
    try:
        feeder.open(None)
        server.wait(lambda: server.written == [held] and server.waits == 1)
        stream = server.streams[-1]
        stream.ask(granted.minreq // 2)  # less than a block: it wakes, and waits on
        server.wait(lambda: server.waits == 2)
        assert server.written == [held], "no write for half a block"
        stream.ask(granted.minreq // 2)
        server.wait(lambda: len(server.written) == 2 and server.waits == 3)
    finally:
        feeder.shutdown()
    assert server.written == [held, granted.minreq], "the queue is topped up to HOLD_S"
    assert mixer.position == held + granted.minreq, "no block rendered ahead"


def test_a_close_wakes_the_thread_out_of_its_wait_for_the_server() -> None:
    server = _FakeServer()
    server.asking = False
    feeder, reports, _ = _feeder(server)
    try:
        feeder.open(None)
        server.wait(lambda: server.waits == 1)  # written, now waiting for the server
        feeder.close()  # the server says nothing: only the stream's wakeup ends the wait
        server.wait(lambda: server.log[-1] == "close drain=True")
    finally:
        feeder.shutdown()
    assert reports.events == ["opened ", "closed"]


def test_what_is_heard_moves_on_with_the_clock_from_the_last_write() -> None:
    server = _FakeServer()
    server.asking = False
    server.levels = [None, 9600]  # no timing from the server at the first write
    clock = _Clock(server)
    feeder, _, mixer = _feeder(server, clock)
    first, block = round(native_feeder.HOLD_S * mixer.rate), _FakeStream.granted.minreq
    try:
        mixer.render(mixer.rate)  # the mix has run for a second
        assert feeder.heard_position() == mixer.rate  # nothing written: the mixer's position
        feeder.open(None)
        server.wait(lambda: server.waits == 1)
        assert feeder.heard_position() == mixer.rate, "nothing written has been heard yet"
        server.streams[-1].ask(block)
        server.wait(lambda: server.waits == 2)
        written = mixer.rate + first + block
        assert feeder.heard_position() == written - 9600  # less what the server held
        with server.changed:
            clock.now += 0.02
        assert feeder.heard_position() == written - 9600 + round(0.02 * mixer.rate)
    finally:
        feeder.shutdown()
