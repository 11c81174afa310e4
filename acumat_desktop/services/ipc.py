"""Single instance and remote control over a per-user QLocalServer speaking JSON lines.

The server defends itself, because one bad client must never cost everyone the control socket:
at most ``max_connections`` at once (more get a ``busy`` line and are closed), an idle timeout
for connections that send no complete request, a bounded request line and a bounded reply
backlog per client (a client that never reads is dropped, its buffers freed). If the server ever
stops listening (Qt closes it and deletes the socket when ``accept`` fails, e.g. when the process
is out of file descriptors) it says so in the log and listens again.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from acumat_desktop.core.protocol import (
    BAD_REQUEST,
    BUSY,
    MAX_MESSAGE_BYTES,
    TIMEOUT,
    error_reply,
)

log = logging.getLogger(__name__)

LineHandler = Callable[[bytes], bytes]


@dataclass(frozen=True)
class ServerLimits:
    max_connections: int = 32
    idle_timeout_ms: int = 10_000  # without a complete request
    max_line_bytes: int = MAX_MESSAGE_BYTES
    max_pending_reply_bytes: int = 1024 * 1024  # replies the client has not read yet
    closing_grace_ms: int = 2_000  # to deliver a last error line before the socket is cut
    relisten_delays_ms: tuple[int, ...] = (100, 500, 2_000, 10_000, 30_000)


def instance_answers(name: str, timeout_ms: int = 1000) -> bool:
    sock = QLocalSocket()
    sock.connectToServer(name)
    answered = sock.waitForConnected(timeout_ms)
    sock.abort()
    return answered


class _Connection:
    def __init__(self, sock: QLocalSocket, deadline: float) -> None:
        self.sock = sock
        self.deadline = deadline  # monotonic seconds: idle timeout, or the end of the grace
        self.buffer = bytearray()
        self.closing = False


def _own(sock: QLocalSocket) -> QLocalSocket:
    """Take the socket from the server: PySide keeps a wrapper for every child the server ever
    had (about 1 KiB per connection, forever) unless the child is unparented before deletion."""
    sock.setParent(None)
    return sock


class ControlServer(QObject):
    """Accepts control connections; each line in gets one line out. Never blocks the GUI."""

    def __init__(
        self,
        name: str,
        handle_line: LineHandler,
        parent: QObject | None = None,
        limits: ServerLimits | None = None,
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._handle_line = handle_line
        self.limits = limits or ServerLimits()
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._conns: dict[QLocalSocket, _Connection] = {}
        self._wanted = False  # listen() succeeded once and close() was not called
        self._relisten_attempt = 0
        self._refused = 0  # connections turned away since the last one was accepted
        self._relisten_timer = QTimer(self)
        self._relisten_timer.setSingleShot(True)
        self._relisten_timer.timeout.connect(self._relisten)
        self._deadline_timer = QTimer(self)  # runs only while connections are open
        self._deadline_timer.setSingleShot(True)
        self._deadline_timer.timeout.connect(self._on_deadline)
        self._watcher: QFileSystemWatcher | None = None
        if sys.platform != "win32":  # named pipes have no file to watch
            self._watcher = QFileSystemWatcher(self)
            self._watcher.fileChanged.connect(self._check_listening)

    # -- listening ---------------------------------------------------------------------------

    def listen(self) -> bool:
        """Claim the name. Call only while holding the InstanceLock: then any socket already
        there was left by a crashed instance and is replaced."""
        if not self._listen_now():
            log.error("cannot listen on %s: %s", self._name, self._server.errorString())
            return False
        self._wanted = True
        return True

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    @property
    def connection_count(self) -> int:
        return len(self._conns)

    def close(self) -> None:
        self._wanted = False
        self._relisten_timer.stop()
        if self._watcher is not None and self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self._server.close()

    def _listen_now(self) -> bool:
        if not self._server.listen(self._name):
            QLocalServer.removeServer(self._name)
            if not self._server.listen(self._name):
                return False
        path = self._server.fullServerName()
        if self._watcher is not None and os.path.exists(path):
            self._watcher.addPath(path)  # Qt deletes the file when it gives up listening
        return True

    def _check_listening(self, _path: str = "") -> None:
        """The socket file changed or went away, or a connection ended: still listening?"""
        if not self._wanted or self._relisten_timer.isActive():
            return
        path = self._server.fullServerName()
        if self._server.isListening() and (self._watcher is None or os.path.exists(path)):
            return
        log.warning(
            "the control socket %s stopped listening (%s); listening again",
            self._name,
            self._server.errorString() or "its file was removed",
        )
        self._relisten()

    def _relisten(self) -> None:
        self._server.close()
        if self._listen_now():
            log.warning("the control socket %s listens again", self._name)
            self._relisten_attempt = 0
            return
        delays = self.limits.relisten_delays_ms
        delay = delays[min(self._relisten_attempt, len(delays) - 1)]
        self._relisten_attempt += 1
        log.error(
            "cannot listen on %s again: %s; next try in %d ms",
            self._name,
            self._server.errorString(),
            delay,
        )
        self._relisten_timer.start(delay)

    # -- connections ---------------------------------------------------------------------

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            sock = _own(self._server.nextPendingConnection())
            if len(self._conns) >= self.limits.max_connections:
                self._refuse_busy(sock)
                continue
            if self._refused:
                log.warning("control connections accepted again (%d refused)", self._refused)
                self._refused = 0
            conn = _Connection(sock, time.monotonic() + self.limits.idle_timeout_ms / 1000)
            self._conns[sock] = conn
            sock.setReadBufferSize(self.limits.max_line_bytes + 1)
            sock.readyRead.connect(lambda c=conn: self._read(c))
            sock.disconnected.connect(lambda c=conn: self._drop(c))
        self._schedule()

    def _refuse_busy(self, sock: QLocalSocket) -> None:
        limit = self.limits.max_connections
        if self._refused == 0:  # once per busy spell, not once per connection of a flood
            log.warning("control connections refused: %d are open already", limit)
        self._refused += 1
        message = f"AcuMat is busy: {limit} control connections are open; try again"
        sock.write(error_reply(None, BUSY, message))
        sock.flush()  # a short line fits the socket buffer: the client reads it after the close
        sock.abort()
        sock.deleteLater()

    def _schedule(self) -> None:
        if not self._conns:
            self._deadline_timer.stop()
            return
        soonest = min(conn.deadline for conn in self._conns.values())
        self._deadline_timer.start(max(0, int((soonest - time.monotonic()) * 1000) + 1))

    def _on_deadline(self) -> None:
        now = time.monotonic()
        for conn in [c for c in self._conns.values() if c.deadline <= now]:
            if conn.closing:  # the client did not take its last line in time
                self._drop(conn)
            else:
                seconds = self.limits.idle_timeout_ms / 1000
                self._finish(conn, TIMEOUT, f"no complete request within {seconds:g} s; closing")
        self._schedule()

    def _finish(self, conn: _Connection, code: str, message: str) -> None:
        """Send a last error line, then close; cut the connection if it is not taken soon."""
        if conn.closing:
            return
        conn.closing = True
        conn.buffer = bytearray()
        conn.deadline = time.monotonic() + self.limits.closing_grace_ms / 1000
        conn.sock.write(error_reply(None, code, message))
        conn.sock.flush()
        conn.sock.disconnectFromServer()  # closes once the line is written
        self._schedule()

    def _drop(self, conn: _Connection) -> None:
        if self._conns.pop(conn.sock, None) is None:
            return
        conn.buffer = bytearray()
        # At quit the sockets may be gone before they report the disconnect.
        if shiboken6.isValid(conn.sock):
            conn.sock.abort()
            conn.sock.deleteLater()
        self._schedule()
        self._check_listening()

    def _read(self, conn: _Connection) -> None:
        if conn.sock not in self._conns:
            return
        data = bytes(conn.sock.readAll().data())
        if conn.closing:
            return  # discard what comes after the last word
        conn.buffer += data
        while (end := conn.buffer.find(b"\n")) >= 0:
            if end > self.limits.max_line_bytes:
                break
            line = bytes(conn.buffer[:end])
            del conn.buffer[: end + 1]
            conn.deadline = time.monotonic() + self.limits.idle_timeout_ms / 1000
            conn.sock.write(self._handle_line(line))
            if conn.sock.bytesToWrite() > self.limits.max_pending_reply_bytes:
                self._drop_non_reader(conn)
                return
        if len(conn.buffer) > self.limits.max_line_bytes:  # no line end within the limit
            limit = self.limits.max_line_bytes
            self._finish(conn, BAD_REQUEST, f"message too large (limit {limit} bytes)")

    def _drop_non_reader(self, conn: _Connection) -> None:
        log.warning(
            "control client dropped: %d bytes of replies unread (limit %d)",
            conn.sock.bytesToWrite(),
            self.limits.max_pending_reply_bytes,
        )
        self._drop(conn)
