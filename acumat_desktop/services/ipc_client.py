"""The CLI's side of the control socket, kept light: a status bar may call it every second.

On Linux and macOS QLocalServer listens on a Unix socket at the name's path, so the standard
library talks to it directly and the CLI never loads Qt; Windows (named pipes) uses QLocalSocket.
"""

from __future__ import annotations

import contextlib
import socket
import time
from typing import Any

from acumat_desktop.core.protocol import Reply, Request, decode_reply, encode_request


class NotRunningError(ConnectionError):
    """No AcuMat instance answers on the control socket."""


class NoReplyError(NotRunningError):
    """AcuMat accepted the connection but gave no reply (closed it, or took too long)."""


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
            self._sock = self._connect_unix()
            return
        from PySide6.QtNetwork import QLocalSocket

        qsock = QLocalSocket()
        qsock.connectToServer(self._name)
        if not qsock.waitForConnected(int(self._timeout * 1000)):
            raise NotRunningError(qsock.errorString())
        self._sock = qsock

    def _connect_unix(self) -> socket.socket:
        deadline = time.monotonic() + self._timeout
        while True:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(self._timeout)
            try:
                sock.connect(self._name)
            except BlockingIOError:  # the app's backlog is full: it runs, and is busy
                sock.close()
                if time.monotonic() > deadline:
                    raise NoReplyError("AcuMat is too busy to take the connection") from None
                time.sleep(0.02)  # back-off before trying again
                continue
            except OSError as exc:
                sock.close()
                raise NotRunningError(str(exc)) from None
            return sock

    def request(self, cmd: str, **args: object) -> Reply:
        if self._sock is None:
            self.connect()
        # The app may have closed after a last line (e.g. busy): then read that line.
        with contextlib.suppress(NoReplyError):
            self._send(encode_request(Request(cmd, dict(args), 1)))
        while b"\n" not in self._buffer:
            chunk = self._receive()
            if not chunk:
                raise NoReplyError("AcuMat closed the connection without replying")
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return decode_reply(line)

    def _send(self, data: bytes) -> None:
        if self._unix:
            try:
                self._sock.sendall(data)
            except OSError as exc:
                raise NoReplyError(str(exc)) from None
            return
        self._sock.write(data)
        self._sock.flush()

    def _receive(self) -> bytes:
        if self._unix:
            try:
                data: bytes = self._sock.recv(65536)
            except TimeoutError:
                raise NoReplyError(f"AcuMat gave no reply within {self._timeout:g} s") from None
            except OSError as exc:
                raise NoReplyError(
                    f"AcuMat closed the connection without replying ({exc})"
                ) from None
            return data
        if not self._sock.waitForReadyRead(int(self._timeout * 1000)):
            raise NoReplyError(f"no reply from AcuMat: {self._sock.errorString()}")
        return bytes(self._sock.readAll().data())

    def close(self) -> None:
        if self._sock is None:
            return
        if self._unix:
            self._sock.close()
        else:
            self._sock.disconnectFromServer()
        self._sock = None
