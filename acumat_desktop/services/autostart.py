"""Start AcuMat at login (``startup.autostart``): one small backend per platform.

Linux and other XDG desktops: a ``.desktop`` file in ``$XDG_CONFIG_HOME/autostart``.
macOS: a LaunchAgent plist. Windows: the per-user ``Run`` registry key (through an injected
registry so the arithmetic is tested here; it cannot run on this machine).
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import plistlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from acumat_desktop import DESKTOP_FILE_ID
from acumat_desktop.services.settings_store import atomic_write_text

log = logging.getLogger(__name__)


def launch_command() -> list[str]:
    """How to start this installation of AcuMat in the tray. On Windows the windowed program
    (``acumatw.exe``) comes first, so no console window flashes at login."""
    names = ["acumatw.exe", "acumat.exe"] if os.name == "nt" else ["acumat"]
    for name in names:
        script = Path(sys.executable).with_name(name)
        if script.exists():
            return [str(script), "--minimized"]
    return [sys.executable, "-m", "acumat_desktop", "--minimized"]


class Autostart(Protocol):
    def enabled(self) -> bool: ...

    def set_enabled(self, on: bool) -> None: ...


def _desktop_exec(argv: Sequence[str]) -> str:
    """Quote for a desktop entry's Exec key (the spec's rules: double quotes, escapes)."""
    out = []
    for arg in argv:
        if any(ch in arg for ch in " \t\n\"'\\><~|&;$*?#()`"):
            escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`")
            escaped = escaped.replace("$", "\\$")
            out.append(f'"{escaped}"')
        else:
            out.append(arg)
    return " ".join(out).replace("%", "%%")


class XdgAutostart:
    def __init__(self, config_home: Path | None = None, command: Sequence[str] | None = None):
        base = config_home or Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
        self.path = base / "autostart" / f"{DESKTOP_FILE_ID}.desktop"
        self._command = list(command or launch_command())

    def enabled(self) -> bool:
        return self.path.is_file()

    def set_enabled(self, on: bool) -> None:
        if not on:
            self.path.unlink(missing_ok=True)
            return
        atomic_write_text(
            self.path,
            "[Desktop Entry]\n"
            "Type=Application\n"
            "Name=AcuMat\n"
            "Comment=Acupressure mat companion, in the tray\n"
            f"Exec={_desktop_exec(self._command)}\n"
            "Icon=acumat\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n",
        )


class MacLaunchAgent:
    LABEL = DESKTOP_FILE_ID

    def __init__(self, home: Path | None = None, command: Sequence[str] | None = None) -> None:
        self.path = (home or Path.home()) / "Library" / "LaunchAgents" / f"{self.LABEL}.plist"
        self._command = list(command or launch_command())

    def enabled(self) -> bool:
        return self.path.is_file()

    def set_enabled(self, on: bool) -> None:
        if not on:
            self.path.unlink(missing_ok=True)
            return
        data = {"Label": self.LABEL, "ProgramArguments": self._command, "RunAtLoad": True}
        atomic_write_text(self.path, plistlib.dumps(data).decode("utf-8"))


class RunKey(Protocol):
    """The slice of winreg that the Windows backend needs (injected in tests)."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class WindowsRunKey:
    NAME = "AcuMat"

    def __init__(self, key: RunKey | None = None, command: Sequence[str] | None = None) -> None:
        self._key = key or _winreg_run_key()
        self._command = list(command or launch_command())

    def enabled(self) -> bool:
        return self._key.get(self.NAME) is not None

    def set_enabled(self, on: bool) -> None:
        if on:
            self._key.set(self.NAME, _windows_command_line(self._command))
        else:
            self._key.delete(self.NAME)


def _windows_command_line(argv: Sequence[str]) -> str:
    return " ".join(f'"{arg}"' if " " in arg else arg for arg in argv)


def _winreg_run_key() -> RunKey:  # pragma: no cover - Windows only
    winreg: Any = importlib.import_module("winreg")

    path = r"Software\Microsoft\Windows\CurrentVersion\Run"

    class _Key:
        def get(self, name: str) -> str | None:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, path) as key:
                try:
                    return str(winreg.QueryValueEx(key, name)[0])
                except FileNotFoundError:
                    return None

        def set(self, name: str, value: str) -> None:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, path, 0, winreg.KEY_SET_VALUE) as key:
                winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

        def delete(self, name: str) -> None:
            flags = winreg.KEY_SET_VALUE
            with (
                winreg.OpenKey(winreg.HKEY_CURRENT_USER, path, 0, flags) as key,
                contextlib.suppress(FileNotFoundError),
            ):
                winreg.DeleteValue(key, name)

    return _Key()


def create_autostart(platform: str = sys.platform) -> Autostart:
    if platform == "win32":
        return WindowsRunKey()
    if platform == "darwin":
        return MacLaunchAgent()
    return XdgAutostart()


def apply_autostart(backend: Autostart, on: bool, report: Callable[[str], None]) -> None:
    """Make the login item match the setting; a failure is reported, never raised."""
    try:
        if backend.enabled() != on:
            backend.set_enabled(on)
    except OSError as exc:
        log.warning("autostart could not be %s: %s", "enabled" if on else "disabled", exc)
        report(f"Could not change “start at login”: {exc}")
