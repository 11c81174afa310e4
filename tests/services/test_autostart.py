from __future__ import annotations

import plistlib
import shlex
from pathlib import Path

from acumat_desktop import DESKTOP_FILE_ID
from acumat_desktop.services.autostart import (
    MacLaunchAgent,
    WindowsRunKey,
    XdgAutostart,
    apply_autostart,
)


def test_xdg_entry_is_written_and_removed(tmp_path: Path) -> None:
    backend = XdgAutostart(tmp_path, ["/opt/Acu Mat/bin/acumat", "--minimized"])
    assert not backend.enabled()
    apply_autostart(backend, True, report=lambda text: None)
    text = backend.path.read_text()
    assert backend.path == tmp_path / "autostart" / f"{DESKTOP_FILE_ID}.desktop"
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert shlex.split(exec_line[5:]) == ["/opt/Acu Mat/bin/acumat", "--minimized"]
    assert "Type=Application" in text
    apply_autostart(backend, False, report=lambda text: None)
    assert not backend.path.exists()


def test_xdg_entry_follows_the_environment() -> None:
    import os

    assert XdgAutostart().path.is_relative_to(Path(os.environ["XDG_CONFIG_HOME"]))


def test_mac_launch_agent(tmp_path: Path) -> None:
    backend = MacLaunchAgent(tmp_path, ["/Applications/AcuMat.app/acumat", "--minimized"])
    backend.set_enabled(True)
    data = plistlib.loads(backend.path.read_bytes())
    assert data["ProgramArguments"] == ["/Applications/AcuMat.app/acumat", "--minimized"]
    assert data["RunAtLoad"] is True
    backend.set_enabled(False)
    assert not backend.enabled()


class FakeRunKey:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def test_windows_run_key_quotes_paths_with_spaces() -> None:
    key = FakeRunKey()
    backend = WindowsRunKey(key, [r"C:\Program Files\AcuMat\acumat.exe", "--minimized"])
    backend.set_enabled(True)
    assert key.values == {"AcuMat": r'"C:\Program Files\AcuMat\acumat.exe" --minimized'}
    assert backend.enabled()
    backend.set_enabled(False)
    assert key.values == {}


def test_a_failure_is_reported_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "autostart"
    blocker.write_text("a file where the folder should be")
    reports: list[str] = []
    apply_autostart(XdgAutostart(tmp_path, ["acumat"]), True, reports.append)
    assert reports and "start at login" in reports[0]
