"""Start and stop a private desktop: Xvfb, trayer, a D-Bus session bus and PulseAudio.

Every part listens on a private socket under a temp folder and is stopped by ``close()``.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


class HarnessError(RuntimeError):
    pass


def wait_for(
    predicate: Callable[[], object], timeout: float, what: str, interval: float = 0.05
) -> object:
    """Poll ``predicate`` until it returns something truthy; the deadline is the only limit."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise HarnessError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(interval)


def selection_owned(display: str, selection: str) -> bool:
    """Whether an X selection (e.g. the system tray's) has an owner, asked through libX11."""
    xlib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XInternAtom.restype = ctypes.c_ulong
    xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    xlib.XGetSelectionOwner.restype = ctypes.c_ulong
    xlib.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    dpy = xlib.XOpenDisplay(display.encode())
    if not dpy:
        return False
    try:
        atom = xlib.XInternAtom(dpy, selection.encode(), 0)
        return bool(xlib.XGetSelectionOwner(dpy, atom))
    finally:
        xlib.XCloseDisplay(dpy)


def missing_tools(*names: str) -> list[str]:
    return [name for name in names if shutil.which(name) is None]


@dataclass
class Desktop:
    root: Path
    env: dict[str, str] = field(default_factory=dict)
    _procs: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def _spawn(self, args: list[str], log: str, **kwargs: object) -> subprocess.Popen[bytes]:
        handle = (self.root / log).open("wb")
        env = kwargs.pop("env", {**os.environ, **self.env})
        proc = subprocess.Popen(  # type: ignore[call-overload]
            args,
            stdout=kwargs.pop("stdout", handle),
            stderr=handle,
            env=env,
            start_new_session=True,
            **kwargs,
        )
        self._procs.append(proc)
        return proc

    def start_xvfb(self, size: str = "1280x800x24") -> str:
        read_fd, write_fd = os.pipe()
        self._spawn(
            [
                "Xvfb",
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                size,
                "-nolisten",
                "tcp",
                "-noreset",
            ],
            "xvfb.log",
            pass_fds=(write_fd,),
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise HarnessError(f"Xvfb did not start: {(self.root / 'xvfb.log').read_text()}")
        self.env["DISPLAY"] = f":{number}"
        return self.env["DISPLAY"]

    def start_tray(self) -> None:
        self._spawn(
            [
                "trayer",
                "--edge",
                "top",
                "--align",
                "right",
                "--widthtype",
                "request",
                "--height",
                "24",
                "--transparent",
                "false",
                "--tint",
                "0x303030",
                "--SetDockType",
                "true",
            ],
            "trayer.log",
        )
        wait_for(lambda: "trayer" in self.x_tree(), 10, "trayer's panel")
        wait_for(self._tray_selection_owned, 10, "the system tray selection")

    def _tray_selection_owned(self) -> bool:
        return selection_owned(self.env["DISPLAY"], "_NET_SYSTEM_TRAY_S0")

    def start_dbus(self) -> str:
        proc = self._spawn(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            "dbus.log",
            stdout=subprocess.PIPE,
        )
        assert proc.stdout is not None
        address = proc.stdout.readline().decode().strip()
        if not address:
            raise HarnessError("dbus-daemon printed no address")
        self.env["DBUS_SESSION_BUS_ADDRESS"] = address
        return address

    def start_pulse(self) -> str:
        folder = self.root / "pulse"
        folder.mkdir(mode=0o700, exist_ok=True)
        sock = folder / "pulse.sock"
        pulse_env = {
            "PULSE_RUNTIME_PATH": str(folder / "runtime"),
            "PULSE_STATE_PATH": str(folder / "state"),
            "HOME": str(folder),
        }
        self._spawn(
            [
                "pulseaudio",
                "-n",
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--disallow-exit",
                "--use-pid-file=no",
                "--system=false",
                "-L",
                f"module-native-protocol-unix auth-anonymous=1 socket={sock}",
                "-L",
                "module-null-sink sink_name=test",
                "-L",
                "module-always-sink",
            ],
            "pulse.log",
            env={**os.environ, **self.env, **pulse_env},
        )
        self.env["PULSE_SERVER"] = f"unix:{sock}"
        wait_for(
            lambda: (
                subprocess.run(
                    ["pactl", "info"],
                    env={**os.environ, **self.env},
                    capture_output=True,
                    check=False,
                ).returncode
                == 0
            ),
            15,
            "PulseAudio",
        )
        subprocess.run(
            ["pactl", "set-default-sink", "test"],
            env={**os.environ, **self.env},
            check=False,
            capture_output=True,
        )
        return self.env["PULSE_SERVER"]

    def x_tree(self) -> str:
        return subprocess.run(
            ["xwininfo", "-root", "-tree"],
            env={**os.environ, **self.env},
            capture_output=True,
            text=True,
            check=False,
        ).stdout

    def screenshot(self, path: Path) -> Path:
        subprocess.run(
            ["import", "-window", "root", str(path)],
            env={**os.environ, **self.env},
            check=True,
            capture_output=True,
        )
        return path

    def close(self) -> None:
        for proc in reversed(self._procs):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in reversed(self._procs):
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)
            if proc.stdout is not None:
                proc.stdout.close()
        self._procs.clear()


def tray_icons(tree: str, wm_class: str = '"acumat"') -> list[str]:
    """Lines of the windows embedded in trayer's panel whose WM_CLASS contains ``wm_class``."""
    lines = tree.splitlines()
    icons: list[str] = []
    for index, line in enumerate(lines):
        if '"panel": ("panel" "trayer")' not in line:
            continue
        depth = len(line) - len(line.lstrip())
        for child in lines[index + 1 :]:
            if not child.strip():
                continue
            if len(child) - len(child.lstrip()) <= depth:
                break
            if wm_class in child:
                icons.append(child.strip())
    return icons
