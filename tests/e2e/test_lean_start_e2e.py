"""A start to the tray builds only what the tray and the reminders need (issue 13, "Start
lean"): the window's pages come when the window first shows, the history page when it is first
opened, and the sound's heavy parts (numpy, the synthesiser, QtMultimedia) when sound is first
played. Each case runs in its own process on the private desktop (Xvfb + a tray), so the
modules loaded are that start's alone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.e2e.conftest import AppRunner

PROBE = Path(__file__).with_name("lean_probe.py")
ROOT = Path(__file__).resolve().parents[2]


def probe(acumat: AppRunner, *args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(PROBE), *args],
        env=acumat.env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert isinstance(result, dict)
    return result


def test_a_minimized_start_builds_the_tray_and_no_page(acumat: AppRunner) -> None:
    found = probe(acumat)
    assert found["tray"] is True and found["window_shown"] is False, found
    assert found["heavy"] == []  # no numpy, synthesiser or QtMultimedia in a start to the tray
    assert found["pages"] == [0, 0, 0]  # no picker, summary or history page yet
    assert found["session_pages"] == 0  # nor the session page (its dial)
    assert found["shown_pages"] == [1, 0, 0]  # the window shows with its home page only
    assert found["history_current"] is True and found["history_pages"] == 1


def test_a_session_started_right_after_a_minimized_start_shows_its_page(
    acumat: AppRunner,
) -> None:
    found = probe(acumat, "--start")
    assert found["reply"]["ok"] is True, found["reply"]
    assert found["state"] in ("countdown", "running")
    assert found["session_page"] is True  # the home page built under it does not cover it
    assert found["pages"] == [0, 0, 0] and found["session_pages"] == 0
    assert found["session_pages_then"] == 1  # built as the start brought the window forward


def test_the_tray_icon_shows_before_the_settings_model_services_and_window_are_imported(
    acumat: AppRunner,
) -> None:
    """run_app shows the icon first: only the interface language is read before (without the
    settings model); the model validates the settings right after, before any other is used."""
    found = probe(acumat, "--run")
    assert found["code"] == 0
    assert found["at_icon"] == [], found  # none of AFTER_ICON had been imported
    assert len(found["after"]) >= 9, found  # and they are, once the app is built
    assert found["page_modules"] == []  # no page's or dialog's module: none was built
    # the icon is painted while the start goes on, before the features are built
    assert len(found.get("painted_before", [])) == 2, found
    # no module's source is kept for the life of the process (~10 MB in the tray)
    assert found["sources_kept"] == [], found["sources_kept"][:10]


def test_a_status_asked_as_soon_as_the_socket_listens_is_answered_by_the_whole_app(
    acumat: AppRunner,
) -> None:
    """The control socket listens right after the icon shows and the settings are validated,
    before the rest is built; a request that comes then is answered once the event loop runs,
    with every feature there."""
    found = probe(acumat, "--run")
    assert "acumat_desktop.wiring.shell" not in found["asked_before"], found  # before features
    status = found["status"]
    assert status is not None and status["ok"] is True, found
    assert {"session", "reminders", "tray"} <= set(status["result"]), status


def test_a_minimized_start_and_a_status_build_no_session_page_and_probe_no_keep_awake(
    acumat: AppRunner,
) -> None:
    """A status asked while no session runs says how the screen would be kept awake without
    choosing the method (D-Bus introspection, its XML parser): ``unknown`` until a session
    has chosen it. The session page and its dial are not built either."""
    found = probe(acumat, "--run")
    session = found["status"]["result"]["session"]
    assert session["state"] == "idle" and session["keep_awake"] == "unknown", session
    assert found["keep_awake_probing"] == [], found["keep_awake_probing"]
    assert found["session_pages"] == 0
