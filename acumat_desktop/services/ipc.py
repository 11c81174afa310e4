"""Single instance and remote control over a per-user QLocalServer speaking JSON lines."""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from acumat_desktop.core.protocol import BAD_REQUEST, MAX_MESSAGE_BYTES, error_reply

log = logging.getLogger(__name__)

LineHandler = Callable[[bytes], bytes]


def instance_answers(name: str, timeout_ms: int = 1000) -> bool:
    sock = QLocalSocket()
    sock.connectToServer(name)
    answered = sock.waitForConnected(timeout_ms)
    sock.abort()
    return answered


class ControlServer(QObject):
    """Accepts control connections; each line in gets one line out. Never blocks the GUI."""

    def __init__(self, name: str, handle_line: LineHandler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._handle_line = handle_line
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def listen(self) -> bool:
        """Claim the name. Call only while holding the InstanceLock: then any socket already
        there was left by a crashed instance and is replaced."""
        if self._server.listen(self._name):
            return True
        QLocalServer.removeServer(self._name)
        if self._server.listen(self._name):
            return True
        log.error("cannot listen on %s: %s", self._name, self._server.errorString())
        return False

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            self._buffers[sock] = bytearray()
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(lambda s=sock: self._drop(s))

    def _drop(self, sock: QLocalSocket) -> None:
        self._buffers.pop(sock, None)
        # At quit the server deletes its sockets before they report the disconnect.
        if shiboken6.isValid(sock):
            sock.deleteLater()

    def _read(self, sock: QLocalSocket) -> None:
        buffer = self._buffers.get(sock)
        if buffer is None:
            return
        buffer += bytes(sock.readAll().data())
        while True:
            end = buffer.find(b"\n")
            if end < 0:
                break
            line = bytes(buffer[:end])
            del buffer[: end + 1]
            sock.write(self._handle_line(line))
        if len(buffer) > MAX_MESSAGE_BYTES:
            sock.write(
                error_reply(
                    None, BAD_REQUEST, f"message too large (limit {MAX_MESSAGE_BYTES} bytes)"
                )
            )
            sock.flush()
            buffer.clear()
            sock.disconnectFromServer()
