"""Keep-awake without D-Bus: the session guard over a counting backend, and the Windows and
macOS backends through the functions their real code calls (those APIs cannot run here)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.services.keep_awake.base import KeepAwake
from acumat_desktop.services.keep_awake.factory import Connections, create_keep_awake
from acumat_desktop.services.keep_awake.macos import MacKeepAwake
from acumat_desktop.services.keep_awake.session_guard import NONE_LABEL, SessionKeepAwake, describe
from acumat_desktop.services.keep_awake.windows import WindowsKeepAwake

REASON = "Lying on the mat"


def held(backend: KeepAwake) -> bool:
    """Read afresh each time (mypy would otherwise narrow the property across calls)."""
    return backend.held


# --- the session guard ---------------------------------------------------------------------


class CountingBackend:
    """A backend that counts what the guard asks of it (the real ones: test_keep_awake.py)."""

    method = "counting"

    def __init__(self, accept: bool = True, broken: bool = False) -> None:
        self.accept, self.broken = accept, broken
        self.held = False
        self.holds = 0
        self.releases = 0

    def available(self) -> bool:
        return True

    def hold(self, reason: str) -> bool:
        self.holds += 1
        if self.broken:
            raise OSError("the service went away")
        self.held = self.accept
        return self.accept

    def release(self) -> None:
        if self.held:
            self.releases += 1
        self.held = False


def test_guard_holds_through_a_pause_and_releases_when_the_session_ends(qtbot: QtBot) -> None:
    backend = CountingBackend()
    guard = SessionKeepAwake(backend)
    assert guard.method_in_use == "counting" and not guard.held
    with qtbot.waitSignal(guard.held_changed) as started:
        guard.set_active(True)  # running
    assert started.args == [True]
    guard.set_active(True)  # paused: still on the mat
    assert (backend.holds, backend.releases) == (1, 0)
    with qtbot.waitSignal(guard.held_changed) as ended:
        guard.set_active(False)
    assert ended.args == [False]
    assert (backend.holds, backend.releases, guard.held) == (1, 1, False)
    guard.set_active(False)
    assert backend.releases == 1


def test_guard_follows_the_setting(qtbot: QtBot) -> None:
    backend = CountingBackend()
    guard = SessionKeepAwake(backend, enabled=False)
    assert guard.method_in_use == "none" and guard.method == "counting"
    guard.set_active(True)
    assert backend.holds == 0
    guard.set_enabled(True)
    assert guard.held and guard.status() == {"method": "counting", "held": True}
    guard.set_enabled(False)  # turned off mid-session
    assert (backend.holds, backend.releases, guard.held) == (1, 1, False)
    guard.set_enabled(True)
    assert backend.holds == 2 and guard.held


def test_asking_for_the_method_in_use_never_chooses_one() -> None:
    """``status --json`` asks while no session runs: "unknown" until a session (or the
    settings, through ``method``) has chosen the method; no backend is built for the asking."""
    made: list[CountingBackend] = []

    def make() -> CountingBackend:
        made.append(CountingBackend())
        return made[-1]

    guard = SessionKeepAwake(make)
    assert guard.method_in_use == "unknown" and guard.status()["method"] == "unknown"
    assert made == [] and not guard.held
    guard.set_enabled(False)
    assert guard.method_in_use == "none" and made == []
    guard.set_enabled(True)
    guard.set_active(True)  # a session chooses it
    assert len(made) == 1 and guard.method_in_use == "counting"
    guard.set_active(False)
    assert guard.method_in_use == "counting", "once chosen, it is named"


def test_guard_releases_at_quit_and_never_holds_again() -> None:
    backend = CountingBackend()
    guard = SessionKeepAwake(backend)
    guard.set_active(True)
    guard.shutdown()
    assert backend.releases == 1 and not guard.held
    guard.set_active(False)
    guard.set_active(True)
    assert backend.holds == 1 and guard.method_in_use == "none"


def test_guard_tries_a_refused_hold_again_only_at_the_next_session() -> None:
    backend = CountingBackend(accept=False)
    guard = SessionKeepAwake(backend)
    guard.set_active(True)
    guard.set_active(True)
    assert backend.holds == 1 and not guard.held
    guard.set_active(False)
    guard.set_active(True)
    assert backend.holds == 2


def test_guard_survives_a_broken_backend() -> None:
    guard = SessionKeepAwake(CountingBackend(broken=True))
    guard.set_active(True)
    guard.set_active(False)
    guard.shutdown()
    assert not guard.held


# --- Windows and macOS, through the functions the real code calls --------------------------


def test_windows_sets_and_resets_the_thread_execution_state() -> None:
    calls: list[int] = []

    def set_state(flags: int) -> int:
        calls.append(flags)
        return 0x80000000  # the previous state; 0 means failure

    backend = WindowsKeepAwake(set_state)
    assert backend.available()
    assert backend.hold(REASON) and backend.hold(REASON)
    assert calls == [0x80000003]  # ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED
    backend.release()
    backend.release()
    assert calls == [0x80000003, 0x80000000]  # ES_CONTINUOUS alone
    assert not held(backend)


def test_windows_refusal_and_absence() -> None:
    calls: list[int] = []

    def refuse(flags: int) -> int:
        calls.append(flags)
        return 0

    refusing = WindowsKeepAwake(refuse)
    assert not refusing.hold(REASON) and not held(refusing)
    refusing.release()
    assert calls == [0x80000003]
    assert not WindowsKeepAwake().available()  # not Windows here
    assert not WindowsKeepAwake().hold(REASON)


def test_macos_creates_and_releases_a_display_sleep_assertion() -> None:
    created: list[tuple[str, str]] = []
    released: list[int] = []

    def create(kind: str, name: str) -> int | None:
        created.append((kind, name))
        return 4242

    def release(assertion: int) -> bool:
        released.append(assertion)
        return True

    backend = MacKeepAwake(create, release)
    assert backend.available()
    assert backend.hold(REASON) and backend.hold(REASON)
    assert created == [("PreventUserIdleDisplaySleep", REASON)]
    backend.release()
    backend.release()
    assert released == [4242]


def test_macos_refusal_and_absence() -> None:
    released: list[int] = []

    def release(assertion: int) -> bool:
        released.append(assertion)
        return True

    refusing = MacKeepAwake(lambda kind, name: None, release)
    assert not refusing.hold(REASON)
    refusing.release()
    assert released == []
    assert not MacKeepAwake().available()  # not macOS here


@pytest.mark.parametrize(("platform", "expected"), [("win32", "windows"), ("darwin", "macos")])
def test_windows_and_macos_are_chosen_on_their_platform(platform: str, expected: str) -> None:
    def build(name: str, where: Connections) -> KeepAwake:
        if name == "windows":
            return WindowsKeepAwake(lambda flags: 1)
        if name == "macos":
            return MacKeepAwake(lambda kind, name: 1, lambda a: True)
        raise AssertionError(name)

    assert create_keep_awake(platform=platform, build=build).method == expected


def test_the_settings_row_names_the_method_in_words() -> None:
    assert describe("portal+logind") == "the desktop portal and logind (blocks suspend)"
    assert describe("none") == NONE_LABEL
    assert SessionKeepAwake(CountingBackend()).description == "counting"


def test_a_backend_factory_is_called_only_when_first_needed() -> None:
    made: list[CountingBackend] = []

    def make() -> KeepAwake:
        made.append(CountingBackend())
        return made[-1]

    guard = SessionKeepAwake(make)
    guard.set_enabled(False)
    guard.set_active(False)
    guard.shutdown()
    assert made == [] and not guard.held  # quitting never probes
    guard = SessionKeepAwake(make)
    guard.set_active(True)
    assert len(made) == 1 and made[0].holds == 1
    assert guard.method == "counting"
    assert len(made) == 1


def test_a_factory_that_fails_means_none() -> None:
    def make() -> KeepAwake:
        raise RuntimeError("no D-Bus library")

    guard = SessionKeepAwake(make)
    guard.set_active(True)
    assert guard.method == "none" and not guard.held
