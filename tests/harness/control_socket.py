"""A stand-in for the running app's control socket, for tests of its clients.

It listens where the app would (``$XDG_RUNTIME_DIR/acumat-desktop/control.sock`` under the
runtime folder given) and hands every connection to ``answer`` on a thread of its own, which
reads the request (``conn.recv``) and may reply. A probe (the clients' check whether the app
runs) connects and sends nothing: its ``recv`` returns ``b""``.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from acumat_desktop import APP_NAME

Answer = Callable[[socket.socket], None]


@contextlib.contextmanager
def fake_control_socket(runtime: Path, answer: Answer) -> Iterator[Path]:
    """Listen as the app would under ``runtime``; ``answer(conn)`` for every connection. Yields
    the socket's path; at the end the accepting thread is woken and joined, so it cannot answer
    the next test on a reused fd number."""
    folder = runtime / APP_NAME
    folder.mkdir(parents=True, mode=0o700, exist_ok=True)
    path = folder / "control.sock"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen(4)

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:  # shut down
                return
            with conn:
                answer(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield path
    finally:
        # close() alone does not wake a thread blocked in accept(): it would go on accepting on
        # an fd number the next test's listener reuses, answering that test with this one's reply
        listener.shutdown(socket.SHUT_RDWR)
        listener.close()
        thread.join(timeout=5)
    assert not thread.is_alive()
