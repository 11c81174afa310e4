"""Speech-dispatcher spoken to over its own socket (SSIP, a plain text protocol), from the GUI
thread without ever waiting on it: a session's spoken breathing cues and its routine's prompts.

Why not QTextToSpeech's ``speechd`` engine: building it fetches every voice the server knows
and libspeechd parses that reply on the calling thread with Python's GIL held (1.3 s measured
here with espeak-ng's 13,000 voices, 1.5 s when the server has to be spawned), which freezes the
window and starves the audio feeder. Why not one ``spd-say`` per cue: the server quits 5 s after
its last client left (its default), so a cue after a longer phase would wait for a new server.

:class:`SsipSpeech` keeps one :class:`QLocalSocket` open while a session speaks, sends one
command at a time and reads the replies as they come (``readyRead``), so nothing blocks. The
socket is ``SPEECHD_ADDRESS``'s (``unix_socket:PATH``) or
``$XDG_RUNTIME_DIR/speech-dispatcher/speechd.sock``. Only libspeechd spawns a server, so when
nobody answers there, ``spd-say -O`` is run in a child (:class:`~.spd_spawn.ServerSpawner`) and
the socket is tried once more. A server that stops answering is given up on after a deadline.

Cues and prompts share the connection. A breathing cue is a ``notification``
(:data:`CUE_PRIORITY`): a newer cue cuts off the older, and the server drops it while anything
more important (another client's words too) is being said. A prompt is a ``message``
(:data:`PROMPT_PRIORITY`): it cuts off a cue being said and is never cut off by one; prompts
are said in turn. The server's own arbitration is not enough for a cue that comes while a
prompt is said: speech-dispatcher 0.11 sometimes dropped it and sometimes said it after the
prompt, seconds late on a breath it no longer belongs to. So the server tells this client when
its messages end (SSIP event notifications, ``7xx`` lines that come between the replies, even
before the reply to the words they are about), and a cue is never sent while a prompt of ours
is being said or waits: it waits for the prompt's END and is said then if that is within
:data:`CUE_TOLERANCE_S` of its boundary, else dropped. The boundary, not the moment the cue is
asked for: the session's timer may wake late, so the caller says how late the cue already is
(``late_s``) and that counts against the tolerance. A cue with nothing of ours in its way is
sent at once however late it is asked (the score has already skipped one later than its
``LATE_CUE_S``): the tolerance is only for the wait behind a prompt or a connection. A server
that does not send events gets a guess at how long a prompt takes to say (:func:`saying_s`).
"""

from __future__ import annotations

import getpass
import logging
import os
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalSocket

from acumat_desktop.services.audio.spd_spawn import ServerSpawner

log = logging.getLogger(__name__)

REPLY_DEADLINE_MS = 5000  # a reply takes well under a millisecond; longer is a hung server
CUE_TOLERANCE_S = 0.3  # a cue that waited is sent this long after its boundary at most
PROMPT_HOLD_S = 5.0  # a prompt, as late as the session's score still sounds one
EVENTS = ("begin", "end", "cancel")  # the events asked for (SET self NOTIFICATION ... on)
CLIENT = "AcuMat:cues"
CUE_PRIORITY = "notification"
PROMPT_PRIORITY = "message"


def intensity(volume: float) -> int:
    """The master volume (0..1) as speech-dispatcher's volume (-100..100), as Qt maps it."""
    return round(min(1.0, max(0.0, volume)) * 200 - 100)


def socket_path(env: dict[str, str] | None = None) -> Path | None:
    """Where speech-dispatcher listens, as libspeechd finds it; None for an address this
    client does not speak (``inet_socket``)."""
    env = dict(os.environ) if env is None else env
    address = env.get("SPEECHD_ADDRESS", "").strip()
    if address and not address.startswith("unix_socket"):
        return None
    _, _, path = address.partition(":")
    if path:
        return Path(path)
    runtime = env.get("XDG_RUNTIME_DIR") or str(Path.home() / ".cache")
    return Path(runtime) / "speech-dispatcher" / "speechd.sock"


def saying_s(text: str, *, told: bool) -> float:
    """How long a prompt may keep the cues waiting: a guess at how long it takes to say
    (espeak-ng says some 15 characters a second), or, where the server tells when it ends
    (``told``), a generous bound in case that news never comes."""
    guess = 1.0 + 0.08 * len(text)
    return 3 * guess + 5.0 if told else guess


def speak_block(text: str) -> bytes:
    """The words as SSIP's data block: CRLF lines, a leading dot doubled, a dot line to end."""
    lines = [("." + line if line.startswith(".") else line) for line in text.splitlines()]
    return ("\r\n".join(lines) + "\r\n.\r\n").encode("utf-8")


class State(Enum):
    IDLE = "idle"  # not connected; the next words connect first
    CONNECTING = "connecting"
    READY = "ready"
    FAILED = "failed"  # nobody answered: no speech until prepare() is asked again


@dataclass
class _Command:
    data: bytes
    what: str  # "hello", "modules", "events", "speak", "words", or "set"
    text: str = ""
    cue: bool = False  # a breathing cue's SPEAK: out of date once a newer cue is asked for

    @property
    def prompt(self) -> bool:
        return self.what in ("speak", "words") and not self.cue


class SsipSpeech(QObject):
    """Says words through speech-dispatcher. :meth:`prepare` connects (spawning the server
    through ``spawner`` when nobody listens) and emits ``probed`` with the answer; :meth:`speak`
    says a cue or a prompt at its priority (``spoken`` once the server has queued the words);
    :meth:`release` lets the server go. ``clock`` times a cue against its boundary."""

    probed = Signal(bool)
    spoken = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        path: Path | None = None,
        spawner: ServerSpawner | None = None,
        clock: Callable[[], float] = time.monotonic,
        reply_deadline_ms: int = REPLY_DEADLINE_MS,
    ) -> None:
        super().__init__(parent)
        self._path = path
        self._spawner = spawner if spawner is not None else ServerSpawner(self)
        self._spawner.probed.connect(self._spawned)
        self._clock = clock
        self.state = State.IDLE
        self.modules: list[str] = []
        self._socket: QLocalSocket | None = None
        self._spawning = self._tried_spawn = False
        self._queue: deque[_Command] = deque()
        self._in_flight: _Command | None = None
        self._reply: list[str] = []
        self._buffer = b""
        self._held: tuple[str, float] | None = None  # the newest cue waiting, and its boundary
        self._held_prompts: list[tuple[str, float]] = []
        self._events = True  # the server tells when a message ends
        self._event: list[str] = []  # the lines of an event block being read
        self._prompts: set[int] = set()  # our prompts the server has, not yet ended
        self._ended: deque[int] = deque(maxlen=16)  # messages whose end came before their reply
        self._watch = QTimer(self)  # the prompts keep the cues waiting this long at most
        self._watch.setSingleShot(True)
        self._watch.timeout.connect(self._prompts_timed_out)
        self._priority: str | None = None  # the last one set on this connection
        self._volume: float = 1.0
        self._language: str | None = None
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(reply_deadline_ms)
        self._deadline.timeout.connect(self._hung)

    @property
    def ready(self) -> bool:
        return self.state is State.READY

    @property
    def failed(self) -> bool:
        return self.state is State.FAILED

    @property
    def prompting(self) -> bool:
        """A prompt of ours is being said, or waits to be: a cue now would wait."""
        if self._prompts or (self._in_flight is not None and self._in_flight.prompt):
            return True
        return any(c.prompt for c in self._queue)

    @property
    def engine_name(self) -> str | None:
        """speech-dispatcher and its output modules, once it has answered."""
        return f"speech-dispatcher ({', '.join(self.modules)})" if self.modules else None

    def prepare(self) -> None:
        """Connect, without waiting (nothing when connected or connecting)."""
        if self.state in (State.READY, State.CONNECTING):
            return
        path = self._path if self._path is not None else socket_path()
        if path is None:
            log.info("SPEECHD_ADDRESS is not a unix socket: no spoken cues")
            self._fail()
            return
        self._path = path
        self.state = State.CONNECTING
        self._tried_spawn = False
        self._connect()

    def set_volume(self, volume: float) -> None:
        self._volume = volume
        if self.state is State.READY:
            self._send(_Command(f"SET self VOLUME {intensity(volume)}\r\n".encode(), "set"))

    def set_language(self, language: str) -> None:
        """The language the words are in (``de``): the server picks a voice for it."""
        if language == self._language:
            return
        self._language = language
        if self.state is State.READY:
            self._send(_Command(f"SET self LANGUAGE {language}\r\n".encode(), "set"))

    def speak(self, text: str, *, prompt: bool = False, late_s: float = 0.0) -> None:
        """Say a breathing cue now, or a routine's ``prompt``, at its priority (see the module).
        Before the server has answered, and while a prompt of ours is said, the newest cue
        waits until :data:`CUE_TOLERANCE_S` after its boundary, which was ``late_s`` before
        this call; before the answer every prompt waits up to :data:`PROMPT_HOLD_S`."""
        if self.state is State.FAILED:
            return
        ready = self.state is State.READY
        if not ready or (not prompt and self.prompting):
            if prompt:
                self._held_prompts.append((text, self._clock()))
            else:  # said once nothing stands in its way, if that is soon after its boundary
                self._held = (text, self._clock() - max(0.0, late_s))
            self.prepare()
            return
        if not prompt:  # a cue not yet sent is out of date: only the newest is said
            self._queue = deque(c for c in self._queue if not c.cue)
        priority = PROMPT_PRIORITY if prompt else CUE_PRIORITY
        if priority != self._priority:
            self._priority = priority
            self._send(_Command(f"SET self PRIORITY {priority}\r\n".encode(), "set"))
        self._send(_Command(b"SPEAK\r\n", "speak", text, cue=not prompt))

    def stop(self) -> None:
        """Cut off this client's words, prompts too, and forget any not yet said."""
        self._held, self._held_prompts = None, []
        self._forget_prompts()
        if self.state is State.READY:
            self._queue = deque(c for c in self._queue if c.what != "speak")
            self._send(_Command(b"CANCEL self\r\n", "set"))

    def release(self) -> None:
        """Close the connection (the server quits on its own timeout); what is known of it
        stays, and the next words connect again."""
        self._held, self._held_prompts = None, []
        if self.state is not State.FAILED:
            self.state = State.IDLE
        self._drop_socket()

    def shutdown(self) -> None:
        """The app quits: the connection closes and a spawning child is ended."""
        self.release()
        self._spawner.shutdown()

    # --- connection ---------------------------------------------------------------------------
    def _connect(self) -> None:
        self._drop_socket()
        sock = QLocalSocket(self)
        sock.connected.connect(self._hello)
        sock.readyRead.connect(self._read)
        sock.errorOccurred.connect(self._socket_error)
        sock.disconnected.connect(self._disconnected)
        self._socket = sock
        assert self._path is not None
        sock.connectToServer(str(self._path))

    def _drop_socket(self) -> None:
        self._deadline.stop()
        self._queue.clear()
        self._in_flight, self._reply, self._buffer, self._event = None, [], b"", []
        self._priority = None  # a new connection starts at the server's default
        self._events = True  # until this server says otherwise
        self._forget_prompts()
        sock, self._socket = self._socket, None
        if sock is not None:
            for signal in (sock.connected, sock.readyRead, sock.errorOccurred, sock.disconnected):
                signal.disconnect()
            sock.abort()
            sock.deleteLater()

    def _socket_error(self, error: QLocalSocket.LocalSocketError) -> None:
        if self.state is State.CONNECTING and not self._tried_spawn:
            # nobody listens: only the client library spawns a server, so spd-say does it
            self._tried_spawn = self._spawning = True
            self._drop_socket()
            self._spawner.prepare()
            return
        if self.state is State.CONNECTING:
            log.info("speech-dispatcher does not answer at %s (%s)", self._path, error.name)
            self._fail()
        elif self.state is State.READY:
            self._disconnected()

    def _spawned(self, ok: bool) -> None:
        if not self._spawning:
            return
        self._spawning = False
        if ok and self.state is State.CONNECTING:
            self._connect()
        elif self.state is State.CONNECTING:
            self._fail()

    def _disconnected(self) -> None:
        if self.state is State.READY:
            log.info("speech-dispatcher closed the connection: the next words reconnect")
            self.state = State.IDLE
        elif self.state is State.CONNECTING:
            self._fail()
            return
        self._drop_socket()

    def _hello(self) -> None:
        user = getpass.getuser() or "user"
        self._send(_Command(f"SET self CLIENT_NAME {user}:{CLIENT}\r\n".encode(), "hello"))
        self._send(_Command(b"LIST OUTPUT_MODULES\r\n", "modules"))

    def _ready(self) -> None:
        self.state = State.READY
        for event in EVENTS:
            self._send(_Command(f"SET self NOTIFICATION {event} on\r\n".encode(), "events"))
        self._send(_Command(f"SET self VOLUME {intensity(self._volume)}\r\n".encode(), "set"))
        if self._language:
            self._send(_Command(f"SET self LANGUAGE {self._language}\r\n".encode(), "set"))
        log.info("Spoken cues and prompts through %s", self.engine_name)
        self.probed.emit(True)
        prompts, self._held_prompts = self._held_prompts, []
        now = self._clock()
        for text, asked in prompts:
            if now - asked <= PROMPT_HOLD_S:
                self.speak(text, prompt=True)
        self._release_cue()

    def _fail(self) -> None:
        self.state = State.FAILED
        if self._held_prompts:
            log.warning("No speech engine answered: %d prompt(s) not said", len(self._held_prompts))
        self._held, self._held_prompts = None, []
        self._drop_socket()
        self.probed.emit(False)

    def _hung(self) -> None:
        command = self._in_flight.data[:40] if self._in_flight is not None else b""
        log.warning(
            "speech-dispatcher did not answer %r within %d ms", command, self._deadline.interval()
        )
        self._fail()

    # --- commands and replies -----------------------------------------------------------------
    def _send(self, command: _Command) -> None:
        self._queue.append(command)
        self._next()

    def _next(self) -> None:
        if self._in_flight is not None or not self._queue or self._socket is None:
            return
        command = self._in_flight = self._queue.popleft()
        self._socket.write(command.data)
        self._socket.flush()
        self._deadline.start()

    def _read(self) -> None:
        if self._socket is None:
            return
        self._buffer += bytes(self._socket.readAll().data())
        *lines, self._buffer = self._buffer.split(b"\r\n")
        for raw in lines:
            line = raw.decode("utf-8", "replace")
            event = line.startswith("7")  # unsolicited: it answers no command
            block = self._event if event else self._reply
            block.append(line)
            if len(line) >= 4 and line[3] == "-":  # more lines of this block follow
                continue
            if event:
                self._event = []
                self._told(block)
                continue
            self._reply = []
            command, self._in_flight = self._in_flight, None
            self._deadline.stop()
            if command is not None:
                self._answered(command, block)
            if not self._connected():  # the answer ended the connection
                return
            self._release_cue()
        self._next()

    def _connected(self) -> bool:
        return self._socket is not None

    def _answered(self, command: _Command, reply: list[str]) -> None:
        code = reply[-1][:3]
        ok = code.startswith("2")
        if command.what == "events" and not ok and self._events:
            self._events = False
            log.info("speech-dispatcher sends no events (%s): prompts' lengths are guessed", code)
        elif command.what == "modules":
            self.modules = [line[4:] for line in reply[:-1]] if ok else []
            if self.modules:
                self._ready()
            else:
                log.info("speech-dispatcher has no output module: no spoken cues")
                self._fail()
        elif command.what == "speak" and ok:  # the server waits for the words: they go next
            self._queue.appendleft(
                _Command(speak_block(command.text), "words", command.text, command.cue)
            )
        elif command.what == "speak":
            log.warning("speech-dispatcher refused to speak: %s", reply[-1])
        elif command.what == "words" and ok:
            if command.prompt:
                self._prompt_queued(message_id(reply), command.text)
            self.spoken.emit(command.text)
        elif not ok:
            log.info("speech-dispatcher answered %r to %r", reply[-1], command.data[:40])

    # --- prompts and the cues that wait for them ----------------------------------------------
    def _told(self, event: list[str]) -> None:
        """An event: a message of ours ended (702 END) or was cancelled (703 CANCELED)."""
        if event[-1][:3] not in ("702", "703"):
            return
        message = message_id(event)
        if message is None:
            return
        if message not in self._prompts:
            self._ended.append(message)  # its reply may still come (or it was a cue)
            return
        self._prompts.discard(message)
        if not self._prompts:
            self._watch.stop()
            self._release_cue()

    def _prompt_queued(self, message: int | None, text: str) -> None:
        if message is not None and message in self._ended:
            self._ended.remove(message)  # said (or cancelled) before the reply came
            return
        self._prompts.add(message if message is not None else -1)
        # prompts are said in turn: this one may keep the cues waiting after those before
        left_ms = self._watch.remainingTime() if self._watch.isActive() else 0
        self._watch.start(max(0, left_ms) + round(saying_s(text, told=self._events) * 1000))

    def _prompts_timed_out(self) -> None:
        if self._events:
            log.warning("speech-dispatcher never told the end of %d prompt(s)", len(self._prompts))
        self._prompts.clear()
        self._release_cue()

    def _forget_prompts(self) -> None:
        self._prompts.clear()
        self._ended.clear()
        self._watch.stop()

    def _release_cue(self) -> None:
        """Send the cue that waited, now nothing stands in its way, if its boundary is at most
        :data:`CUE_TOLERANCE_S` ago; else drop it: never a cue said late."""
        if self._held is None or self.state is not State.READY or self.prompting:
            return
        (text, boundary), self._held = self._held, None
        late = self._clock() - boundary
        if late <= CUE_TOLERANCE_S:
            self.speak(text)
        else:
            log.debug("Cue %r dropped: %.2f s past its boundary", text, late)


def message_id(block: list[str]) -> int | None:
    """The message a reply to the words (``225-ID``) or an event (``70x-ID``) is about."""
    try:
        return int(block[0][4:]) if len(block) > 1 else None
    except ValueError:
        return None
