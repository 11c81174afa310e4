"""The control server under abuse, each in a child process with a real QLocalServer: too many
connections for the file descriptors it may open, a client that never reads, silent clients."""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import multiprocessing
import os
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from acumat_desktop.cli.base import CliError, call_app
from acumat_desktop.core.commands import CommandRegistry
from acumat_desktop.services.ipc import ControlServer, ServerLimits
from acumat_desktop.services.paths import server_name

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="Unix sockets, /proc, rlimits")

START_S = 30.0
ECHO = b'{"v":1,"cmd":"echo","args":{"x":1}}\n'


def _serve(name: str, nofile: int, log_path: str, hog: bool) -> None:
    """The child: a ControlServer limited to ``nofile`` descriptors. With ``hog`` it also takes
    every free descriptor and gives them back once the server has stopped listening."""
    import resource

    from PySide6.QtCore import QCoreApplication, QTimer

    logging.basicConfig(filename=log_path, level=logging.INFO)
    if nofile:
        hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
        resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, hard))
    app = QCoreApplication([])
    registry = CommandRegistry()
    registry.register("echo", lambda args: args)
    server = ControlServer(name, registry.handle_line, app)
    assert server.listen()
    hogged: list[int] = []
    watch = QTimer(app)
    if hog:
        with contextlib.suppress(OSError):
            while True:
                hogged.append(os.open(os.devnull, os.O_RDONLY))

        def give_back() -> None:
            if not server.listening:
                for fd in hogged:
                    os.close(fd)
                hogged.clear()
                watch.stop()

        watch.timeout.connect(give_back)
        watch.start(20)
    app.exec()


@contextlib.contextmanager
def child_server(tmp_path: Path, nofile: int = 0, hog: bool = False) -> Iterator[Server]:
    name = server_name()
    log_path = tmp_path / "child.log"
    ctx = multiprocessing.get_context("spawn")
    proc = ctx.Process(target=_serve, args=(name, nofile, str(log_path), hog), daemon=True)
    proc.start()
    try:
        server = Server(name, proc.pid or 0, log_path)
        deadline = time.monotonic() + START_S
        while not server.answers():
            assert proc.is_alive(), "the server child died while starting"
            assert time.monotonic() < deadline, "the server child never answered"
        yield server
    finally:
        proc.terminate()
        proc.join(10)


class Server:
    def __init__(self, name: str, pid: int, log_path: Path) -> None:
        self.name, self.pid, self.log_path = name, pid, log_path

    def connect(self, timeout: float = 10.0) -> socket.socket:
        """Connect, waiting while the server's backlog is full (a Unix socket says EAGAIN)."""
        deadline = time.monotonic() + timeout
        while True:
            sock = socket.socket(socket.AF_UNIX)
            sock.settimeout(timeout)
            try:
                sock.connect(self.name)
            except BlockingIOError:
                sock.close()
                if time.monotonic() > deadline:
                    raise
                continue
            except OSError:
                sock.close()
                raise
            return sock

    def answers(self) -> bool:
        try:
            with self.connect(timeout=5) as sock:
                sock.sendall(ECHO)
                return read_line(sock).get("ok") is True
        except OSError:
            return False

    def rss_kib(self) -> int:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise AssertionError("no VmRSS for the server child")

    def log(self) -> str:
        return self.log_path.read_text() if self.log_path.exists() else ""


def read_line(sock: socket.socket) -> dict[str, object]:
    data = b""
    while b"\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return json.loads(data.split(b"\n", 1)[0]) if data.strip() else {}


def test_many_idle_connections_cannot_cost_the_socket(tmp_path: Path) -> None:
    """Before: past the descriptor limit Qt's accept failed, the server closed itself and
    deleted the socket, so every later `acumat` said 'not running'."""
    with child_server(tmp_path, nofile=64) as server:
        held: list[socket.socket] = []
        try:
            for _ in range(150):
                held.append(server.connect())
            busy = [read_line(sock) for sock in held[-20:]]
            assert all(reply.get("ok") is False for reply in busy), busy
            codes = {reply["error"]["code"] for reply in busy}  # type: ignore[index]
            assert codes == {"busy"}, busy
        finally:
            for sock in held:
                sock.close()
        deadline = time.monotonic() + 10
        while not server.answers():
            assert time.monotonic() < deadline, "after the flood no new client is served"
        log = server.log()
        assert log.count("control connections refused") == 1, "one line per busy spell"
        assert "accepted again" in log


def test_the_server_listens_again_after_running_out_of_descriptors(tmp_path: Path) -> None:
    with child_server(tmp_path, nofile=64, hog=True) as server:
        # With no descriptor free, accepting this connection fails and Qt stops listening.
        with contextlib.suppress(OSError), server.connect(timeout=2) as sock:
            sock.recv(1)
        deadline = time.monotonic() + 15
        while not server.answers():
            assert time.monotonic() < deadline, "the server never listened again"
        assert "stopped listening" in server.log()
        assert "listens again" in server.log()


def test_a_client_that_never_reads_cannot_grow_the_server(tmp_path: Path) -> None:
    """Before: the server buffered every reply for a client that never read them (+250 MB in
    20 s). Now it drops such a client once 1 MB of replies wait, and its memory stays flat."""
    request = b'{"v":1,"cmd":"echo","args":{"x":"' + b"a" * 4000 + b'"}}\n'
    flood = request * 256  # 1 MB of requests, as many bytes of replies
    with child_server(tmp_path) as server:
        before = server.rss_kib()
        sent = 0
        with server.connect() as sock:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                while sent < 64 * len(flood):
                    sock.sendall(flood)
                    sent += len(flood)
            assert server.answers()  # served meanwhile, and the flood has been handled
            growth_mib = (server.rss_kib() - before) / 1024
        assert sent < 64 * len(flood), "the server read 64 MB for a client that never reads"
        assert growth_mib < 16, f"the server grew by {growth_mib:.0f} MiB"
        assert "unread" in server.log()


@pytest.fixture
def quick_server(qtbot: QtBot) -> Iterator[ControlServer]:
    registry = CommandRegistry()
    registry.register("echo", lambda args: args)
    srv = ControlServer(
        server_name(), registry.handle_line, limits=ServerLimits(idle_timeout_ms=300)
    )
    assert srv.listen()
    yield srv
    srv.close()


def test_a_silent_connection_is_closed_after_the_idle_timeout(
    qtbot: QtBot, quick_server: ControlServer
) -> None:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.connect(server_name())
        sock.setblocking(False)
        qtbot.waitUntil(lambda: quick_server.connection_count == 1)
        qtbot.waitUntil(lambda: quick_server.connection_count == 0, timeout=5000)
        sock.setblocking(True)
        sock.settimeout(5)
        reply = read_line(sock)
        assert reply["error"]["code"] == "timeout"  # type: ignore[index]
        assert sock.recv(1) == b"", "the connection is closed"


def test_each_complete_request_restarts_the_idle_timeout(
    qtbot: QtBot, quick_server: ControlServer
) -> None:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.connect(server_name())
        sock.setblocking(False)
        started = time.monotonic()
        answered = 0
        while time.monotonic() - started < 1.0:  # more than three idle timeouts
            sock.sendall(ECHO)
            qtbot.waitUntil(lambda: _received_line(sock), timeout=2000)
            answered += 1
            qtbot.wait(100)  # the client's own pause between requests, within the timeout
        assert quick_server.connection_count == 1, "an active connection was closed"
        assert answered >= 5


def _received_line(sock: socket.socket) -> bool:
    try:
        return sock.recv(65536).endswith(b"\n")
    except BlockingIOError:
        return False


def test_connections_leave_nothing_behind(qtbot: QtBot, quick_server: ControlServer) -> None:
    """Before: PySide kept a wrapper for every socket the server had ever accepted (1 KiB per
    connection, forever: a status bar polling every second grew the app by 86 MB a day)."""

    def wrappers() -> int:
        return sum(1 for obj in gc.get_objects() if isinstance(obj, QLocalSocket))

    before = wrappers()
    for _ in range(100):
        with socket.socket(socket.AF_UNIX) as sock:
            sock.connect(server_name())
            sock.sendall(ECHO)
            sock.setblocking(False)
            qtbot.waitUntil(lambda s=sock: _received_line(s), timeout=5000)  # type: ignore[misc]
        qtbot.waitUntil(lambda: quick_server.connection_count == 0, timeout=5000)
    gc.collect()
    assert wrappers() - before < 5


def _in_thread(qtbot: QtBot, work: Callable[[], object]) -> object:
    """Run a blocking client while this thread's event loop serves it."""
    result: list[object] = []

    def target() -> None:
        try:
            result.append(work())
        except Exception as exc:  # handed to the test below
            result.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=20000)
    return result[0]


def test_a_busy_app_is_reported_as_busy_not_as_not_running(qtbot: QtBot) -> None:
    registry = CommandRegistry()
    registry.register("show", lambda args: None)
    srv = ControlServer(server_name(), registry.handle_line, limits=ServerLimits(max_connections=1))
    assert srv.listen()
    try:
        with socket.socket(socket.AF_UNIX) as holder:
            holder.connect(server_name())
            qtbot.waitUntil(lambda: srv.connection_count == 1)
            refused = _in_thread(qtbot, lambda: call_app("show"))
            assert isinstance(refused, CliError)
            assert refused.exit_code == 1 and "busy" in str(refused)
        qtbot.waitUntil(lambda: srv.connection_count == 0)
        assert _in_thread(qtbot, lambda: call_app("show")) is None
    finally:
        srv.close()


def test_a_deleted_socket_file_is_put_back(
    qtbot: QtBot, quick_server: ControlServer, caplog: pytest.LogCaptureFixture
) -> None:
    """A cleaner that removes the socket (or Qt giving up after a failed accept) must not
    leave the app unreachable: the server sees the file go and listens again."""
    path = Path(server_name())
    os.remove(path)
    qtbot.waitUntil(path.exists, timeout=5000)
    assert quick_server.listening
    reply = _in_thread(qtbot, lambda: call_app("echo", x=1))
    assert reply == {"x": 1}
    assert "stopped listening" in caplog.text
