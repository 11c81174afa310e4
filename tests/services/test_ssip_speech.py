"""Spoken cues over speech-dispatcher's socket: a stand-in server (a QLocalServer answering SSIP
as speech-dispatcher does) for every case, and the real one where it is installed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from pytestqt.qtbot import QtBot

from acumat_desktop.services.audio.speech import SpokenCues
from acumat_desktop.services.audio.ssip import SsipSpeech, State, socket_path, speak_block
from tests.services.speechd_fixture import private_speechd, sounding, speaking_speechd

__all__ = ["private_speechd", "sounding", "speaking_speechd"]  # fixtures

REPLIES = {
    "SET": "2{n} OK SET",
    "CANCEL": "213 OK CANCELED",
    "SPEAK": "230 OK RECEIVING DATA",
}


class FakeServer(QObject):
    """Answers SSIP line by line and notes every command (``said`` the words' blocks).
    ``modules`` as LIST OUTPUT_MODULES answers; ``mute`` answers nothing at all; a command in
    ``hold`` is answered only at :meth:`resume`. Once the client turned them on (``SET self
    NOTIFICATION ...``), each message's events follow its reply (``events_first``: come before
    it, as the real server's may): BEGIN, and END at once unless its words are in ``speaking``
    (then at :meth:`finish`); ``refuse_events`` answers those SETs with an error."""

    def __init__(self, path: Path, modules: tuple[str, ...] = ("espeak-ng",)) -> None:
        super().__init__()
        self.path, self.modules = path, modules
        self.commands: list[str] = []
        self.said: list[str] = []
        self.mute = False
        self.hold: set[str] = set()
        self.notify: set[str] = set()
        self.speaking: set[str] = set()
        self.events_first = self.refuse_events = False
        self._held: tuple[QLocalSocket, str] | None = None
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._accept)
        self.clients: list[QLocalSocket] = []
        self._data: list[str] | None = None

    def listen(self) -> None:
        assert self.server.listen(str(self.path)), self.server.errorString()

    def _accept(self) -> None:
        while (client := self.server.nextPendingConnection()) is not None:
            self.clients.append(client)
            client.readyRead.connect(lambda c=client: self._read(c))

    def _read(self, client: QLocalSocket) -> None:
        while client.canReadLine():
            line = bytes(client.readLine().data()).decode().removesuffix("\r\n")
            if self.mute:
                continue
            answer = self._answer(line)
            if line in self.hold:
                self._held = (client, answer)
                continue
            client.write(answer.encode())

    def resume(self) -> None:
        assert self._held is not None
        client, answer = self._held
        self._held = None
        client.write(answer.encode())

    def _answer(self, line: str) -> str:
        if self._data is not None:
            if line != ".":
                self._data.append(line)
                return ""
            words = "\n".join(self._data)
            self.said.append(words)
            self._data = None
            n = len(self.said)
            events = self._event(n, 701, "BEGIN")
            if words not in self.speaking:
                events += self._event(n, 702, "END")
            reply = f"225-{n}\r\n225 OK MESSAGE QUEUED\r\n"
            return events + reply if self.events_first else reply + events
        self.commands.append(line)
        if line.startswith("SET self NOTIFICATION "):
            if self.refuse_events:
                return "410 ERR INVALID PARAMETER\r\n"
            self.notify.add(line.split()[3])
        if line == "SPEAK":
            self._data = []
        if line == "LIST OUTPUT_MODULES":
            return "".join(f"250-{m}\r\n" for m in self.modules) + "250 OK MODULE LIST SENT\r\n"
        return REPLIES.get(line.split()[0], "200 OK").format(n=len(self.commands) % 10) + "\r\n"

    def _event(self, message: int, code: int, name: str) -> str:
        """An event line block, if the client asked for its kind."""
        kind = {701: "begin", 702: "end", 703: "cancel"}[code]
        if kind not in self.notify and "all" not in self.notify:
            return ""
        return f"{code}-{message}\r\n{code}-1\r\n{code} {name}\r\n"

    def finish(self, words: str, code: int = 702) -> None:
        """The message with ``words`` ends now (``code`` 703: it is cancelled)."""
        self.speaking.discard(words)
        event = self._event(self.said.index(words) + 1, code, "END" if code == 702 else "CANCELED")
        self.clients[-1].write(event.encode())

    def close(self) -> None:
        for client in self.clients:
            client.abort()
        self.server.close()


class FakeSpawner(QObject):
    """Stands in for ``spd-say -O``: ``start`` (a server to start listening, or None) is what
    spawning does; ``probed`` answers whether a server runs then, at once or (``auto`` False)
    when the test calls :meth:`finish`."""

    probed = Signal(bool)

    def __init__(self, start: FakeServer | None, *, auto: bool = True) -> None:
        super().__init__()
        self.start, self.auto, self.asked = start, auto, 0

    def prepare(self) -> None:
        self.asked += 1
        if self.auto:
            self.finish()

    def finish(self) -> None:
        if self.start is not None:
            self.start.listen()
        self.probed.emit(self.start is not None)

    def shutdown(self) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[FakeServer]:
    fake = FakeServer(tmp_path / "speechd.sock")
    yield fake
    fake.close()


def speech_for(
    server: FakeServer,
    spawner: FakeSpawner | None = None,
    clock: list[float] | None = None,
    deadline_ms: int = 5000,
) -> SsipSpeech:
    now = clock if clock is not None else [0.0]
    return SsipSpeech(
        path=server.path,
        spawner=spawner or FakeSpawner(None),  # type: ignore[arg-type]
        clock=lambda: now[0],
        reply_deadline_ms=deadline_ms,
    )


def all_sent(qtbot: QtBot, server: FakeServer, speech: SsipSpeech, volume: float) -> None:
    """Wait until the server has everything sent so far: a command after it has come."""
    speech.set_volume(volume)
    expected = f"SET self VOLUME {round(volume * 200 - 100)}"
    qtbot.waitUntil(lambda: server.commands[-1:] == [expected], timeout=5000)


def probe(qtbot: QtBot, speech: SsipSpeech) -> bool:
    with qtbot.waitSignal(speech.probed, timeout=5000) as blocker:
        speech.prepare()
    return bool(blocker.args[0])


def test_it_connects_and_names_the_engine(qtbot: QtBot, server: FakeServer) -> None:
    server.listen()
    speech = speech_for(server)
    assert probe(qtbot, speech) and speech.ready
    assert speech.engine_name == "speech-dispatcher (espeak-ng)"
    assert server.commands[0].startswith("SET self CLIENT_NAME ")
    assert server.commands[0].endswith(":AcuMat:cues")
    assert server.commands[1] == "LIST OUTPUT_MODULES"


def test_each_cue_cuts_off_the_one_before_and_they_come_in_order(
    qtbot: QtBot, server: FakeServer
) -> None:
    server.listen()
    speech = speech_for(server)
    probe(qtbot, speech)
    spoken: list[str] = []
    speech.spoken.connect(spoken.append)
    for count, words in enumerate(("Breathe in", "Hold", "Breathe out"), start=1):
        speech.speak(words)
        qtbot.waitUntil(lambda n=count: len(spoken) == n, timeout=5000)  # type: ignore[misc]
    assert server.said == ["Breathe in", "Hold", "Breathe out"]
    speaking = [c for c in server.commands if c.startswith(("CANCEL", "SPEAK", "SET self PRI"))]
    # a notification cuts off the one before; CANCEL would cut off a prompt being said too
    assert speaking == ["SET self PRIORITY notification", "SPEAK", "SPEAK", "SPEAK"]


def test_only_the_newest_words_are_sent_when_several_wait(qtbot: QtBot, server: FakeServer) -> None:
    server.listen()
    speech = speech_for(server)
    probe(qtbot, speech)
    speech.speak("Breathe in")
    speech.speak("Hold")  # asked before the server took "Breathe in"
    qtbot.waitUntil(lambda: server.said[-1:] == ["Hold"], timeout=5000)
    assert server.said == ["Hold"]
    assert server.commands.count("SPEAK") == 1


def test_volume_and_language_follow(qtbot: QtBot, server: FakeServer) -> None:
    server.listen()
    speech = speech_for(server)
    speech.set_volume(0.25)
    speech.set_language("de")
    probe(qtbot, speech)
    qtbot.waitUntil(lambda: "SET self LANGUAGE de" in server.commands, timeout=5000)
    assert "SET self VOLUME -50" in server.commands
    speech.set_volume(1.0)
    qtbot.waitUntil(lambda: server.commands[-1] == "SET self VOLUME 100", timeout=5000)


def test_words_asked_for_before_the_answer_are_said_once_it_comes(
    qtbot: QtBot, server: FakeServer
) -> None:
    server.listen()
    speech = speech_for(server)
    speech.speak("Breathe in")  # connects by itself
    qtbot.waitUntil(lambda: server.said == ["Breathe in"], timeout=5000)


@pytest.mark.parametrize(("waited_s", "said"), [(0.2, ["Breathe in"]), (0.5, [])])
def test_words_held_while_a_server_is_spawned_are_said_unless_too_late(
    qtbot: QtBot, server: FakeServer, waited_s: float, said: list[str]
) -> None:
    clock = [100.0]
    spawner = FakeSpawner(server, auto=False)  # nobody listens until spd-say spawned a server
    speech = speech_for(server, spawner, clock)
    speech.speak("Breathe in")
    qtbot.waitUntil(lambda: spawner.asked == 1, timeout=5000)
    clock[0] += waited_s
    with qtbot.waitSignal(speech.probed, timeout=5000):
        spawner.finish()
    all_sent(qtbot, server, speech, 0.5)
    assert server.said == said, "a cue is said within its tolerance or not at all"


def test_spd_say_spawns_the_server_when_nobody_listens(qtbot: QtBot, server: FakeServer) -> None:
    spawner = FakeSpawner(server)
    speech = speech_for(server, spawner)
    assert probe(qtbot, speech) and spawner.asked == 1


@pytest.mark.parametrize("modules", [(), None])
def test_no_engine_answering_means_failed(
    qtbot: QtBot, tmp_path: Path, modules: tuple[str, ...] | None
) -> None:
    fake = FakeServer(tmp_path / "s.sock", modules or ())
    if modules is not None:  # a server without output modules; else none at all
        fake.listen()
    speech = speech_for(fake)
    assert not probe(qtbot, speech) and speech.failed
    speech.speak("Breathe in")  # nothing happens, nothing breaks
    fake.close()


def test_a_hung_server_is_given_up_on(qtbot: QtBot, server: FakeServer) -> None:
    server.listen()
    server.mute = True
    speech = speech_for(server, deadline_ms=200)
    assert not probe(qtbot, speech) and speech.failed


def test_a_server_that_went_away_is_reconnected_for_the_next_words(
    qtbot: QtBot, server: FakeServer
) -> None:
    server.listen()
    speech = speech_for(server)
    probe(qtbot, speech)
    for client in server.clients:
        client.disconnectFromServer()
    qtbot.waitUntil(lambda: speech.state is State.IDLE, timeout=5000)
    speech.speak("Hold")
    qtbot.waitUntil(lambda: server.said == ["Hold"], timeout=5000)


def test_release_lets_go_and_the_next_words_connect_again(qtbot: QtBot, server: FakeServer) -> None:
    server.listen()
    speech = speech_for(server)
    probe(qtbot, speech)
    speech.release()
    assert speech.state is State.IDLE and speech.engine_name is not None
    qtbot.waitUntil(
        lambda: server.clients[0].state() != QLocalSocket.LocalSocketState.ConnectedState
    )
    speech.speak("Breathe out")
    qtbot.waitUntil(lambda: server.said == ["Breathe out"], timeout=5000)
    assert len(server.clients) == 2


def test_stop_cancels(qtbot: QtBot, server: FakeServer) -> None:
    server.listen()
    speech = speech_for(server)
    probe(qtbot, speech)
    speech.stop()
    qtbot.waitUntil(lambda: server.commands[-1:] == ["CANCEL self"], timeout=5000)


def test_the_words_block_and_the_socket_address() -> None:
    assert speak_block("Hold") == b"Hold\r\n.\r\n"
    assert speak_block(".5 s\nmore") == b"..5 s\r\nmore\r\n.\r\n"
    assert socket_path({"SPEECHD_ADDRESS": "unix_socket:/x/s.sock"}) == Path("/x/s.sock")
    assert socket_path({"SPEECHD_ADDRESS": "inet_socket:localhost:6560"}) is None
    default = Path("/run/user/7/speech-dispatcher/speechd.sock")
    assert socket_path({"XDG_RUNTIME_DIR": "/run/user/7"}) == default
    assert socket_path({"SPEECHD_ADDRESS": "unix_socket", "XDG_RUNTIME_DIR": "/run/user/7"}) == (
        default
    )


def test_spoken_cues_mute_and_volume(qtbot: QtBot, server: FakeServer) -> None:
    server.listen()
    speech = speech_for(server)
    cues = SpokenCues(backend=speech)
    qtbot.waitUntil(lambda: cues.ready, timeout=5000)
    assert cues.describe() == "speech-dispatcher (espeak-ng)"
    cues.set_volume(0.5, muted=True)
    cues.say("inhale")
    cues.set_volume(0.0, muted=False)
    cues.say("inhale")
    cues.set_volume(0.5, muted=False)
    cues.say("exhale")
    qtbot.waitUntil(lambda: server.said == ["Breathe out"], timeout=5000)
    assert "SET self VOLUME 0" in server.commands


# --- the real speech-dispatcher -------------------------------------------------------------
def spoken_in_log(log: Path, words: list[str]) -> list[int]:
    text = log.read_text(errors="replace") if log.exists() else ""
    return [text.find(f"DATA:|{w}") for w in words]


def test_the_real_server_gets_every_cue_in_order_as_notifications(
    qtbot: QtBot, speaking_speechd: Path
) -> None:
    private_speechd = speaking_speechd
    cues = SpokenCues()  # the Linux default: speech-dispatcher's socket
    qtbot.waitUntil(lambda: cues.ready, timeout=10_000)
    assert cues.engine_name is not None and cues.engine_name.startswith("speech-dispatcher")
    words = ["Breathe in", "Hold", "Breathe out"]
    spoken: list[str] = []
    cues.spoken.connect(spoken.append)
    for count, kind in enumerate(("inhale", "hold", "exhale"), start=1):
        cues.say(kind)
        qtbot.waitUntil(lambda n=count: len(spoken) == n, timeout=10_000)  # type: ignore[misc]
    assert spoken == words
    qtbot.waitUntil(lambda: -1 not in spoken_in_log(private_speechd, words), timeout=10_000)
    found = spoken_in_log(private_speechd, words)
    assert found == sorted(found), "in the order they were said"
    text = private_speechd.read_text(errors="replace")
    assert text.count("SET self PRIORITY notification") == 1 and "CANCEL self" not in text
    cues.shutdown()


@pytest.fixture
def runtime_dir(sounding: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A runtime directory of the test's own, where no speech-dispatcher runs yet; one that
    spd-say spawned there is ended afterwards."""
    import shutil

    if shutil.which("speech-dispatcher") is None or shutil.which("spd-say") is None:
        pytest.skip("speech-dispatcher is not installed")
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    yield runtime
    for pid in spawned_in(runtime):
        os.kill(pid, signal.SIGKILL)


def spawned_in(runtime: Path) -> list[int]:
    """The speech-dispatchers whose socket is under ``runtime``."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if b"speech-dispatcher" in cmdline and str(runtime).encode() in cmdline:
            found.append(int(proc.name))
    return found


def test_a_server_is_spawned_where_none_runs(qtbot: QtBot, runtime_dir: Path) -> None:
    cues = SpokenCues()
    with qtbot.waitSignal(cues.probed, timeout=10_000) as probed:
        pass
    assert probed.args == [True]
    assert spawned_in(runtime_dir), "spd-say spawned a server there"
    cues.say("hold")
    qtbot.waitSignal(cues.spoken, timeout=10_000).wait()
    cues.shutdown()


def test_linux_spoken_cues_never_load_qt_text_to_speech(speaking_speechd: Path) -> None:
    child = """
import sys
from PySide6.QtCore import QCoreApplication, QTimer
app = QCoreApplication([])
from acumat_desktop.services.audio.speech import SpokenCues
cues = SpokenCues()
cues.spoken.connect(lambda words: app.quit())
cues.probed.connect(lambda ok: cues.say("inhale") if ok else app.exit(2))
QTimer.singleShot(10_000, lambda: app.exit(3))
code = app.exec()
print("QtTextToSpeech" if "PySide6.QtTextToSpeech" in sys.modules else "without", code)
"""
    run = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.stdout.split() == ["without", "0"], run.stderr
