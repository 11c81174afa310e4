"""Start AcuMat and the bare baselines on a private desktop and see them arrive.

The desktop (Xvfb, trayer, D-Bus, PulseAudio null sink) comes from ``tests/harness/desktop.py``.
AcuMat runs from the venv's ``acumat`` on its own XDG folders, the same ones for every warm run.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.harness.desktop import Desktop, tray_icons, wait_for

HERE = Path(__file__).resolve().parent
ACUMAT = str(Path(sys.executable).with_name("acumat"))
PYTHON = sys.executable
ACUMAT_CLASS = '"acumat"'
BARE_CLASS = '"bare-tray"'
POLL_S = 0.005

# A quiet, warm home: no countdown, the safety note read, sessions start at once.
HOME_SETTINGS = (("session.countdown", "0s"), ("session.safety_note_seen", "true"))


class Apps:
    """Launches processes on ``desk`` with AcuMat's XDG folders under ``home``."""

    def __init__(self, desk: Desktop, home: Path) -> None:
        self.desk = desk
        self.home = home
        self.env = {**os.environ, **desk.env, "QT_QPA_PLATFORM": "xcb"}
        for var in ("CONFIG", "DATA", "STATE", "CACHE", "RUNTIME"):
            folder = home / var.lower()
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            self.env[f"XDG_{var}_{'DIR' if var == 'RUNTIME' else 'HOME'}"] = str(folder)
        for key, value in HOME_SETTINGS:
            self.cli("settings", "set", key, value)

    # -- commands ----------------------------------------------------------------------------
    def cli(self, *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [ACUMAT, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def socket_path(self) -> str:
        found = sorted((self.home / "runtime" / "acumat-desktop").glob("*"))
        sockets = [str(p) for p in found if p.is_socket()]
        if not sockets:
            raise RuntimeError("AcuMat's control socket is not there")
        return sockets[0]

    def request(self, cmd: str, **args: Any) -> Any:
        """One request on the control socket, in process (no interpreter start)."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(10)
            sock.connect(self.socket_path())
            body = {"v": 1, "id": 1, "cmd": cmd, "args": args}
            sock.sendall((json.dumps(body) + "\n").encode())
            data = b""
            while b"\n" not in data:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                data += chunk
        reply = json.loads(data)
        if not reply.get("ok", True) and "error" in reply:
            raise RuntimeError(f"{cmd}: {reply['error']}")
        return reply.get("result")

    # -- processes ---------------------------------------------------------------------------
    def launch_acumat(self, *args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [ACUMAT, *args], env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    def launch_script(self, script: str, *args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [PYTHON, str(HERE / script), *args],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def quit_acumat(self, proc: subprocess.Popen[bytes]) -> None:
        self.cli("quit")
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)

    @staticmethod
    def stop(proc: subprocess.Popen[bytes]) -> None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)

    # -- arrival -----------------------------------------------------------------------------
    def wait_icon(self, wm_class: str, timeout: float = 30) -> None:
        wait_for(
            lambda: tray_icons(self.desk.x_tree(), wm_class),
            timeout,
            f"{wm_class}'s icon",
            interval=POLL_S,
        )

    def wait_window(self, title: str, timeout: float = 30) -> None:
        wait_for(lambda: self._visible(title), timeout, f"the window {title!r}", interval=POLL_S)

    def wait_running(self, timeout: float = 30) -> None:
        wait_for(lambda: self.cli("status", "--json").returncode == 0, timeout, "AcuMat")

    def _visible(self, title: str) -> bool:
        return bool(self.windows(title))

    def windows(self, title: str) -> list[int]:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        return [int(w) for w in found.stdout.split()]

    def close_to_tray(self, title: str = "AcuMat") -> None:
        """Close the window as a person would; AcuMat keeps running in the tray."""
        for window in self.windows(title):
            close_window(self.env["DISPLAY"], window)
        wait_for(lambda: not self._visible(title), 10, f"the window {title!r} to close")

    def wait_no_icons(self) -> None:
        """Before a timed start: the last run's icons have left the panel."""
        wait_for(
            lambda: (
                not tray_icons(self.desk.x_tree(), ACUMAT_CLASS)
                and not tray_icons(self.desk.x_tree(), BARE_CLASS)
            ),
            10,
            "the old icons to go",
        )


@contextlib.contextmanager
def desktop(root: Path, *, pulse: bool) -> Iterator[Desktop]:
    desk = Desktop(root)
    try:
        desk.start_xvfb()
        desk.start_dbus()
        if pulse:
            desk.start_pulse()
        desk.start_tray()
        yield desk
    finally:
        desk.close()


@contextlib.contextmanager
def private_apps(prefix: str = "acumat-bench-") -> Iterator[Apps]:
    """A private desktop with PulseAudio in a temporary folder, and AcuMat's home in it."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp, desktop(Path(tmp), pulse=True) as desk:
        yield Apps(desk, Path(tmp) / "home")


def timed_start(start: float) -> float:
    """Milliseconds since ``start`` (a ``time.monotonic()``)."""
    return (time.monotonic() - start) * 1000


class _ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
        ("pad", ctypes.c_long * 12),
    ]


def close_window(display: str, window: int) -> None:
    """Ask ``window`` to close as a window manager's close button does (WM_DELETE_WINDOW):
    AcuMat then hides to the tray. There is no window manager on the benchmark's Xvfb."""
    xlib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XInternAtom.restype = ctypes.c_ulong
    xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    xlib.XSendEvent.argtypes = [
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_int,
        ctypes.c_long,
        ctypes.POINTER(_ClientMessage),
    ]
    xlib.XFlush.argtypes = [ctypes.c_void_p]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    dpy = xlib.XOpenDisplay(display.encode())
    if not dpy:
        raise RuntimeError(f"cannot open {display}")
    try:
        event = _ClientMessage(
            type=33,
            window=window,
            format=32,
            message_type=xlib.XInternAtom(dpy, b"WM_PROTOCOLS", 0),
        )
        event.data[0] = xlib.XInternAtom(dpy, b"WM_DELETE_WINDOW", 0)
        xlib.XSendEvent(dpy, window, 0, 0, ctypes.byref(event))
        xlib.XFlush(dpy)
    finally:
        xlib.XCloseDisplay(dpy)
