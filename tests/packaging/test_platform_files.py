"""The Windows, macOS and Flatpak packaging files (not built here) agree with the app and with
the Linux build: the same app id, executables the spec really makes, the pinned versions."""

from __future__ import annotations

import re
from pathlib import Path

from acumat_desktop import DESKTOP_FILE_ID

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = (PACKAGING / "pyinstaller" / "acumat.spec").read_text(encoding="utf-8")
ISS = (PACKAGING / "windows" / "acumat.iss").read_text(encoding="utf-8")
FLATPAK = (PACKAGING / "linux" / "flatpak" / f"{DESKTOP_FILE_ID}.yml").read_text(encoding="utf-8")


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line)
        if match:
            found[match[1].lower().replace("_", "-")] = match[2]
    return found


def test_one_app_id_everywhere() -> None:
    assert f'APP_ID = "{DESKTOP_FILE_ID}"' in SPEC
    assert f'#define AppId "{DESKTOP_FILE_ID}"' in ISS
    assert f"app-id: {DESKTOP_FILE_ID}\n" in FLATPAK


def test_installer_uses_the_executables_the_spec_makes() -> None:
    windows = re.search(
        r'executables = \[exe\("(\w+)", True, ico\), exe\("(\w+)", False, ico\)\]', SPEC
    )
    assert windows, "the spec's Windows branch changed: update this test and acumat.iss"
    console, windowed = windows.groups()
    assert console.lower() != windowed.lower(), "Windows file names ignore case"
    assert f'Filename: "{{app}}\\{windowed}.exe"' in ISS
    assert f'Filename: "{{app}}\\{console}.exe"; Parameters: "quit"' in ISS


def test_flatpak_pins_match_the_lock() -> None:
    lock = pins(PACKAGING / "requirements-lock.txt")
    flatpak = pins(PACKAGING / "linux" / "flatpak" / "requirements.txt")
    assert flatpak
    assert {name: lock.get(name) for name in flatpak} == flatpak


def test_macos_bundle_settings() -> None:
    for key in (
        "LSApplicationCategoryType",
        "NSHighResolutionCapable",
        "CFBundleShortVersionString",
    ):
        assert f'"{key}"' in SPEC
    assert "bundle_identifier=APP_ID" in SPEC
    assert '"LSUIElement"' not in SPEC  # the app has a window and a Dock icon
