"""The audio thread on PulseAudio: sleep until the server asks, render what it asked, write.

A plain Python thread, not a QThread: it never touches Qt (see ``pulse_stream`` for why Qt's
PulseAudio backend is avoided). It turns its stream's main loop itself and sleeps in
``poll`` until the server asks for more (``minreq``, 150 ms, as granted), then renders exactly
that and writes it; the server then holds ``tlength`` (325 ms granted on a null sink, 350 ms
with the sink's own buffer), which a busy GUI thread or a garbage collection cannot drain, and
no block waits in our hands, so a pause or a volume change is heard after what the server
holds and no later.

The thread's cost is its wake-ups more than its mixing: each costs a cold core some
100-250 us, whatever it does. It wakes for each message of the server: its request (6.7 times
a second), the clock refreshes (about one a second) and, where the client shares memory with
the server (a local PulseAudio), the release of each written block some 100 ms later: 15 a
second in the whole app, 8 without shared memory, and no other thread runs for the stream
(libpulse-simple's own thread woke 25-31 times a second besides ours at 10-14, see
``pulse_stream``).
What is heard now is estimated from the last write (:meth:`NativeFeeder.heard_position`:
the frames the server held then, and the time since), so cues are placed where they are meant
to sound whatever the block size.

When the server goes away the stream fails; the thread drops it and reconnects every
``RETRY_S`` (a refused connect costs microseconds and touches no shared state), so sound comes
back within ``RETRY_S`` of the server's return, however long it was away.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from acumat_desktop.core.audio.mixer import Mixer
from acumat_desktop.services.audio.pulse_stream import MINREQ_S, PulseError, PulseStream
from acumat_desktop.services.os_thread import name_os_thread

log = logging.getLogger(__name__)

BLOCK_S = MINREQ_S  # write at least this much at a time (the request size asked for)
WAIT_S = 1.0  # longest sleep in the stream's main loop (a server that says nothing)
# the server's queue for us stays under this: what it asks beyond it is left unwritten, so it
# holds HOLD_S - BLOCK_S to HOLD_S (150-300 ms) besides its sink's own buffer, and a pause or a
# volume change is heard that much later at most (a null sink grants 325 ms for TARGET_S)
HOLD_S = 0.30
RETRY_S = 0.5  # reconnect attempts while the server is away
SLOW_RETRY_S = 2.0  # ... after it has been away for LONG_OUTAGE_S
LONG_OUTAGE_S = 20.0
IDLE_CLOSE_S = 3.0  # release the stream after this much silence written
NOTICE_AFTER_S = 5.0  # an outage this long is worth a notice (a first open that fails: at once)
LOW_WATER_S = 0.04  # less than this still queued after a write: an underrun is near
REPORT_AFTER_S = 3.0  # log what the server really holds once the stream has settled


class NativeFeeder:
    """Owns the PulseStream; every public method is thread-safe and returns at once."""

    def __init__(
        self,
        mixer: Mixer,
        on_opened: Callable[[str], None],
        on_closed: Callable[[], None],
        on_no_output: Callable[[], None],
        connect: Callable[[bytes | None], PulseStream] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._mixer = mixer
        self._on_opened = on_opened
        self._on_closed = on_closed
        self._on_no_output = on_no_output
        self._connect_fn = connect or (
            lambda device: PulseStream.connect(device, mixer.rate, mixer.channels)
        )
        self._cond = threading.Condition()
        self._wanted = False
        self._device: bytes | None = None
        self._reopen = False
        self._stopping = False
        self._stream: PulseStream | None = None
        self._down_since: float | None = None
        self._ever_opened = False
        self._noticed = False
        self._silent_frames = 0
        self._low = False
        self._written = 0  # frames written since the stream opened
        self._block = max(1, round(BLOCK_S * mixer.rate))
        self._reserve = 0  # frames of each request left unwritten (see HOLD_S)
        self._clock = clock
        # after the last write: (mixer position heard then, when, mixer position written)
        self._mark: tuple[int, float, int] | None = None
        self.buffered_frames = 0  # frames the server held after the last write
        self.underruns = 0  # writes after which less than LOW_WATER_S was left queued
        self._thread = threading.Thread(target=self._run, name="acumat-audio", daemon=True)
        self._thread.start()

    @property
    def wanted(self) -> bool:
        """Whether it plays, or tries to (an output was asked for and not released)."""
        with self._cond:
            return self._wanted

    def heard_position(self) -> int:
        """The mixer position being heard now: the last write's, moved on by the time since
        (never past what was written). Without a stream, the mixer's position."""
        mark = self._mark
        if mark is None:
            return max(0, self._mixer.position - self.buffered_frames)
        heard, at, written = mark
        now = heard + round((self._clock() - at) * self._mixer.rate)
        return max(0, min(now, written))

    # --- commands (any thread) -------------------------------------------------------------
    def open(self, device: bytes | None) -> None:
        with self._cond:
            self._reopen = self._reopen or (self._stream is not None and device != self._device)
            self._device = device
            self._wanted = True
            self._wake()

    def close(self) -> None:
        with self._cond:
            self._wanted = False
            self._wake()

    def shutdown(self, timeout: float = 2.0) -> None:
        with self._cond:
            self._stopping = True
            self._wanted = False
            self._wake()
        self._thread.join(timeout)

    def _wake(self) -> None:
        """With the lock held: the thread looks at the commands again, whether it waits on
        the condition or in its stream's main loop (the stream is freed only under the lock)."""
        self._cond.notify_all()
        if self._stream is not None:
            self._stream.wakeup()

    # --- the thread ------------------------------------------------------------------------
    def _run(self) -> None:
        name_os_thread(b"acumat-audio")
        while True:
            with self._cond:
                if not self._wanted and self._stream is None:
                    if self._stopping:
                        return
                    self._cond.wait()
                    continue
                wanted, device, reopen = self._wanted, self._device, self._reopen
                self._reopen = False
            if not wanted:
                self._release(drain=not self._stopping)
                continue
            if reopen:
                self._release(drain=False, report=False)
            if self._stream is None and not self._connect(device):
                self._pause(self._retry_interval())
                continue
            self._serve()

    def _serve(self) -> None:
        """Write what the server asks for once it is a block's worth, else sleep until it
        says something (or a command wakes the stream)."""
        stream = self._stream
        assert stream is not None
        try:
            wanted = stream.writable_frames() - self._reserve
            if wanted < self._block:
                stream.wait(WAIT_S)
                return
            self._feed(stream, wanted)
        except PulseError as exc:
            log.warning("Audio output lost (%s); reconnecting", exc)
            self._release(drain=False)
            with self._cond:
                self._wanted = self._wanted and not self._stopping

    def _connect(self, device: bytes | None) -> bool:
        try:
            stream = self._connect_fn(device)
        except PulseError as exc:
            if device is not None:  # the chosen sink may be gone: fall back to the default
                return self._connect(None)
            now = time.monotonic()
            if self._down_since is None:
                self._down_since = now
                log.warning("No sound server to play on (%s); retrying", exc)
            if not self._noticed and (
                not self._ever_opened or now - self._down_since >= NOTICE_AFTER_S
            ):
                self._noticed = True
                self._on_no_output()
            return False
        with self._cond:
            self._stream = stream
        self._block, self._reserve = self._plan(stream)
        if self._down_since is not None:
            log.info("Sound server back after %.1f s", time.monotonic() - self._down_since)
        self._down_since = None
        self._ever_opened = True
        self._noticed = False
        self._silent_frames = 0
        self._written = 0
        self._mark = None
        self.buffered_frames = 0
        name = device.decode(errors="replace") if device else ""
        log.info("Audio output on PulseAudio %s", name or "default sink")
        self._on_opened(name)
        return True

    def _plan(self, stream: PulseStream) -> tuple[int, int]:
        """(block, reserve) in frames. Block: what must be asked before a write, the granted
        request size (the server asks in steps of it), at least ``BLOCK_S``, at most half of
        what it holds (a write must come while half of it is still there to play). Reserve:
        what is left unwritten of what it holds beyond ``HOLD_S``."""
        rate, granted = self._mixer.rate, stream.granted
        block = max(round(BLOCK_S * rate), granted.minreq)
        if granted.tlength:
            block = min(block, granted.tlength // 2)
        reserve = max(0, min(granted.tlength - round(HOLD_S * rate), granted.tlength - 2 * block))
        log.info(
            "The sound server holds up to %.0f ms for us and asks for %.0f ms at a time; "
            "writing from %.0f ms asked, up to %.0f ms held",
            *(1000 * n / rate for n in (granted.tlength, granted.minreq, block)),
            1000 * (granted.tlength - reserve) / rate,
        )
        return max(1, block), reserve

    def _feed(self, stream: PulseStream, frames: int) -> None:
        data = self._mixer.render(frames)
        stream.write(data)
        written = self._mixer.position  # only this thread renders
        queued = stream.latency_frames()
        if queued is None:  # no timing from the server yet: nothing written has played
            queued = self._written + frames
        self._mark = (written - queued, self._clock(), written)
        self.buffered_frames = queued
        self._note_level(queued, frames)
        self._note_idle(frames)

    def _note_level(self, queued: int, frames: int) -> None:
        rate = self._mixer.rate
        before, self._written = self._written, self._written + frames
        if before < REPORT_AFTER_S * rate <= self._written:
            log.info("The sound server holds %.0f ms of audio ahead", 1000 * queued / rate)
        if before == 0:  # a new stream fills up from nothing: judge it once it has
            self._low = True
        low = queued < LOW_WATER_S * rate
        if low and not self._low:
            self.underruns += 1
            log.warning("Audio buffer ran low (%.0f ms queued)", 1000 * queued / self._mixer.rate)
        self._low = low

    def _note_idle(self, frames: int) -> None:
        if not self._mixer.is_silent():
            self._silent_frames = 0
            return
        self._silent_frames += frames
        if self._silent_frames > IDLE_CLOSE_S * self._mixer.rate:
            log.debug("Nothing to play; releasing the audio output")
            with self._cond:
                self._wanted = False

    def _release(self, drain: bool, report: bool = True) -> None:
        with self._cond:  # no wakeup() reaches a stream being freed
            stream, self._stream = self._stream, None
        self._mark = None
        self.buffered_frames = 0
        if stream is None:
            return
        stream.close(drain=drain)
        if report:
            self._on_closed()

    def _retry_interval(self) -> float:
        down = 0.0 if self._down_since is None else time.monotonic() - self._down_since
        return SLOW_RETRY_S if down > LONG_OUTAGE_S else RETRY_S

    def _pause(self, seconds: float) -> None:
        """Wait before the next attempt, but wake for a close, a device change or shutdown."""
        with self._cond:
            self._cond.wait_for(lambda: not self._wanted or self._reopen, timeout=seconds)


class PulseSinkThread(QObject):
    """The native path behind the engine's sink interface (see ``QtSinkThread``): the
    feeder's reports, made on the audio thread, reach the GUI thread as queued signals."""

    opened = Signal(str)  # the sink's name, "" for the server's default
    closed = Signal()
    no_output = Signal()

    def __init__(self, mixer: Mixer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._feeder = NativeFeeder(mixer, self.opened.emit, self.closed.emit, self.no_output.emit)

    @property
    def buffered_frames(self) -> int:
        return self._feeder.buffered_frames

    def heard_position(self) -> int:
        return self._feeder.heard_position()

    @property
    def wanted(self) -> bool:
        return self._feeder.wanted

    def open(self, device_id: bytes | None) -> None:
        self._feeder.open(device_id)

    def close(self) -> None:
        self._feeder.close()

    def shutdown(self) -> None:
        self._feeder.shutdown()
