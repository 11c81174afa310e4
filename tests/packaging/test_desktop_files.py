"""The desktop file and the AppStream metainfo: valid for their validators, and consistent with
the app (its id, window class, version, commands, icons and screenshots)."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from acumat_desktop import DESKTOP_FILE_ID, WM_CLASS, __version__
from acumat_desktop.cli.main import build_parser
from acumat_desktop.cli.session_commands import LAST
from acumat_desktop.core.routines import BUILTIN_ROUTINE_IDS
from tests.packaging import _appstream

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{DESKTOP_FILE_ID}.desktop"
METAINFO = LINUX / f"{DESKTOP_FILE_ID}.metainfo.xml"
RAW_URL = "https://github.com/acumat/acumat-desktop/raw/main/"


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (packaging/dev/bootstrap.sh test installs it)")
    return path


def desktop_entry() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser


def test_desktop_file_validate_is_silent() -> None:
    result = subprocess.run(
        [tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_appstreamcli_pedantic_reports_nothing() -> None:
    # --no-net: CI cannot reach github.com, and an unreachable URL is a fact about the network,
    # not about the file. Every other check runs, pedantic ones included.
    result = subprocess.run(
        [_appstream.appstreamcli(), "validate", "--pedantic", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert _appstream.issues(result.stdout) == [], result.stdout


def test_names_agree_with_the_app() -> None:
    entry = desktop_entry()["Desktop Entry"]
    assert entry["Icon"] == DESKTOP_FILE_ID
    assert entry["StartupWMClass"] == WM_CLASS
    assert entry["Exec"] == "acumat"
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == DESKTOP_FILE_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("icon") == DESKTOP_FILE_ID
    assert root.findtext("provides/binary") == "acumat"
    assert DESKTOP_FILE_ID.islower()


def test_metainfo_has_the_current_release_first() -> None:
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases, "no <release>"
    assert releases[0].get("version") == __version__


def test_metainfo_screenshots_are_files_of_this_repository() -> None:
    images = [img.text or "" for img in ET.parse(METAINFO).getroot().iter("image")]
    assert len(images) >= 2
    for url in images:
        assert url.startswith(RAW_URL), url
        assert (ROOT / url.removeprefix(RAW_URL)).is_file(), f"{url} has no file in the repository"


def test_desktop_actions_are_real_commands() -> None:
    entries = desktop_entry()
    actions = [a for a in entries["Desktop Entry"]["Actions"].split(";") if a]
    assert {"desk-break", "pause", "resume", "stop", "snooze"} <= set(actions)
    parser = build_parser()
    for action in actions:
        command = shlex.split(entries[f"Desktop Action {action}"]["Exec"])
        assert command[0] == "acumat"
        args = parser.parse_args(command[1:])  # exits (fails the test) on an unknown command
        assert args.command
        if args.command == "start":
            assert args.routine in (*BUILTIN_ROUTINE_IDS, LAST)


@pytest.mark.parametrize("name", ["acumat.svg", *(f"acumat-{n}.png" for n in (16, 32, 48, 256))])
def test_icons_for_the_hicolor_theme_exist(name: str) -> None:
    assert (ROOT / "resources" / "icons" / name).is_file()
