"""The CLI's side of the control socket, kept light: a status bar may call it every second.

On Linux and macOS QLocalServer listens on a Unix socket at the name's path, so the standard
library talks to it directly and the CLI never loads Qt; Windows (named pipes) uses QLocalSocket.
"""

from __future__ import annotations

import socket
from typing import Any

from acumat_desktop.core.protocol import Reply, Request, decode_reply, encode_request


class NotRunningError(ConnectionError):
    """No AcuMat instance answers on the control socket."""


class ControlClient:
    """Blocking client: connect, send requests, read one reply line each."""

    def __init__(self, name: str, timeout_ms: int = 5000) -> None:
        self._name = name
        self._timeout = timeout_ms / 1000
        self._unix = "/" in name and hasattr(socket, "AF_UNIX")
        self._sock: Any = None
        self._buffer = b""

    def connect(self) -> None:
        if self._unix:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(self._timeout)
            try:
                sock.connect(self._name)
            except OSError as exc:
                sock.close()
                raise NotRunningError(str(exc)) from None
            self._sock = sock
            return
        from PySide6.QtNetwork import QLocalSocket

        qsock = QLocalSocket()
        qsock.connectToServer(self._name)
        if not qsock.waitForConnected(int(self._timeout * 1000)):
            raise NotRunningError(qsock.errorString())
        self._sock = qsock

    def request(self, cmd: str, **args: object) -> Reply:
        if self._sock is None:
            self.connect()
        self._send(encode_request(Request(cmd, dict(args), 1)))
        while b"\n" not in self._buffer:
            chunk = self._receive()
            if not chunk:
                raise NotRunningError("AcuMat closed the connection without replying")
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return decode_reply(line)

    def _send(self, data: bytes) -> None:
        if self._unix:
            try:
                self._sock.sendall(data)
            except OSError as exc:
                raise NotRunningError(str(exc)) from None
            return
        self._sock.write(data)
        self._sock.flush()

    def _receive(self) -> bytes:
        if self._unix:
            try:
                data: bytes = self._sock.recv(65536)
            except OSError as exc:  # includes the timeout
                raise NotRunningError(f"no reply from AcuMat: {exc}") from None
            return data
        if not self._sock.waitForReadyRead(int(self._timeout * 1000)):
            raise NotRunningError(f"no reply from AcuMat: {self._sock.errorString()}")
        return bytes(self._sock.readAll().data())

    def close(self) -> None:
        if self._sock is None:
            return
        if self._unix:
            self._sock.close()
        else:
            self._sock.disconnectFromServer()
        self._sock = None
