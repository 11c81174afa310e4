"""History, favourites and the tray's Start menu in the app built by build() (offscreen), on a
fake clock: one history store, its message shown once, the Start menu following favourites and
recents, and no session timer running while no session does."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from acumat_desktop.app import AcuMat, build, create_application
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.commands import CommandError
from acumat_desktop.core.protocol import Request
from acumat_desktop.core.session import SessionState
from acumat_desktop.core.sitting_ledger import ReminderEvent
from acumat_desktop.services import history_store
from acumat_desktop.services.history_store import IN_MEMORY, HistoryStore
from acumat_desktop.services.paths import AppPaths
from acumat_desktop.services.session_service import WATCHDOG_S
from acumat_desktop.services.settings_store import LoadResult
from acumat_desktop.settings.model import Settings
from acumat_desktop.wiring.session_pages import SessionPages
from acumat_desktop.wiring.sessions import SessionsFeature

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=timezone(timedelta(hours=1)))
Builder = Callable[..., AcuMat]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def make_parts(
    qtbot: QtBot, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Builder]:
    made: list[AcuMat] = []

    def make(**session: object) -> AcuMat:
        paths = AppPaths.for_user()
        paths.ensure()
        settings = Settings.model_validate(
            {
                "session": {"countdown": "0s", "safety_note_seen": True, **session},
                "sound": {"muted": True},
                "reminders": {"enabled": False},
            }
        )
        parts = build(
            create_application(), paths, LoadResult(settings), minimized=False, clock=clock
        )
        qtbot.addWidget(parts.window)
        made.append(parts)
        return parts

    yield make
    for parts in made:
        parts.session.stop()
        parts.window.allow_close()
        parts.window.close()
        parts.close()


def feature_of(parts: AcuMat) -> SessionsFeature:
    return parts.sessions


def pages_of(parts: AcuMat) -> SessionPages:
    return parts.pages


def favourites(parts: AcuMat) -> tuple[str, ...]:
    return feature_of(parts).start_menu.plan.favourites


def recents(parts: AcuMat) -> tuple[str, ...]:
    return feature_of(parts).start_menu.plan.recent


def run_session(parts: AcuMat, clock: FakeClock, routine: str, seconds: float) -> None:
    feature_of(parts).start(routine, sound="none")
    clock.advance(seconds)
    assert parts.session.stop()


def session_timers(parts: AcuMat) -> list[str]:
    """Every running timer the sessions feature owns (the service's, the tray's, the view's)."""
    feature = feature_of(parts)
    running = [
        t.objectName() or repr(t)
        for owner in (feature, feature.view, pages_of(parts))
        for t in owner.findChildren(QTimer)
        if t.isActive()
    ]
    if parts.session.timer_active:
        running.append("SessionService")
    return running


# ---------------------------------------------------------------------------- one store


def test_one_history_store_is_shared_by_sessions_and_reminders(
    make_parts: Builder, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[HistoryStore] = []
    original = HistoryStore.__init__

    def counting(self: HistoryStore, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        opened.append(self)

    monkeypatch.setattr(history_store.HistoryStore, "__init__", counting)
    parts = make_parts()
    assert opened == [parts.history], "one connection to the history for the whole app"
    assert feature_of(parts).history is parts.history
    parts.reminders.ledger.event(ReminderEvent.SHOWN)
    assert parts.history.reminder_counts(NOW.date()) == {"shown": 1}


def test_a_corrupt_history_is_kept_aside_and_said_once_in_the_window(
    make_parts: Builder,
) -> None:
    path = AppPaths.for_user().data / "history.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    parts = make_parts()
    message = parts.history.message
    assert message and "kept aside" in message
    warning = parts.window.warning.text()
    assert warning.count(message) == 1, warning
    assert list(path.parent.glob("history.sqlite3.corrupt-*"))
    assert "kept aside" in pages_of(parts).history_view.status_label.text()


def test_a_history_from_a_newer_version_is_left_alone_and_the_app_still_runs(
    make_parts: Builder, clock: FakeClock
) -> None:
    path = AppPaths.for_user().data / "history.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    before = path.read_bytes()
    parts = make_parts()
    assert parts.history.path == IN_MEMORY
    assert "only until AcuMat quits" in parts.window.warning.text()
    run_session(parts, clock, "sleep", 120)
    assert [r.routine_id for r in parts.history.sessions()] == ["sleep"]
    assert path.read_bytes() == before


# ---------------------------------------------------------------------------- Start menu


def test_start_menu_lists_favourites_then_recents_then_more_routines(
    make_parts: Builder, clock: FakeClock
) -> None:
    parts = make_parts(favourites=["sleep"], acclimation=False)  # routine defaults, no cap
    menu = feature_of(parts).start_menu
    library_size = len(feature_of(parts).library.all())
    entries = menu.entries()
    assert entries[0] == "★ Before sleep (10 min)"
    assert favourites(parts) == ("sleep",)
    assert recents(parts) == ()
    assert entries[1] == "---" and entries[2] == "More routines"
    assert len(menu.plan.rest) == library_size - 1

    for routine in ("headache", "desk-break", "sleep", "cellulite", "back-neck"):
        run_session(parts, clock, routine, 60)
    # Newest first, favourites not repeated, at most three.
    assert recents(parts) == ("back-neck", "cellulite", "desk-break")
    top = [e for e in menu.entries() if not e.startswith("  ")]
    assert top == [
        "★ Before sleep (10 min)",
        "---",
        "Back and neck (20 min)",
        "Legs and hips (30 min)",
        "Desk break (5 min)",
        "---",
        "More routines",
    ]
    more = [e.strip() for e in menu.entries() if e.startswith("  ")]
    assert len(more) == library_size - 4
    assert not any("Back and neck" in e or "Desk break" in e for e in more)


def test_start_menu_follows_favourites_changed_in_the_picker(
    make_parts: Builder, qtbot: QtBot
) -> None:
    parts = make_parts()
    menu = feature_of(parts).start_menu
    picker = pages_of(parts).picker
    assert not menu.plan.has_shortcuts
    assert "More routines" not in menu.entries(), "nothing to lead with: every routine flat"
    picker.select("tired-feet")
    picker.favourite_action.trigger()
    assert parts.settings.settings.session.favourites == ["tired-feet"]
    assert favourites(parts) == ("tired-feet",)
    assert picker.is_favourite("tired-feet")
    assert picker.favourite_action.text() == "Remove from favourites"
    picker.select("sleep")
    picker.favourite_action.trigger()
    assert favourites(parts) == ("tired-feet", "sleep")
    picker.select("tired-feet")
    picker.favourite_action.trigger()
    assert parts.settings.settings.session.favourites == ["sleep"]
    assert favourites(parts) == ("sleep",)
    assert not picker.is_favourite("tired-feet")


def test_start_menu_entry_starts_its_routine(make_parts: Builder) -> None:
    parts = make_parts(favourites=["desk-break"])
    menu = feature_of(parts).start_menu.menu
    menu.actions()[0].trigger()
    assert parts.session.engine.snapshot()["routine"] == "desk-break"


# ---------------------------------------------------------------------------- minutes


def planned_minutes(parts: AcuMat) -> float:
    return float(parts.session.engine.snapshot()["planned_s"]) / 60


def test_every_start_uses_the_minutes_last_chosen_and_the_menu_shows_them(
    make_parts: Builder,
) -> None:
    parts = make_parts(favourites=["sleep"], acclimation=False)
    feature = feature_of(parts)
    feature.start("sleep", 13, sound="none")  # the picker's box or --minutes
    assert parts.settings.settings.session.last_minutes == {"sleep": 13}
    assert feature.start_menu.entries()[0] == "★ Before sleep (13 min)"
    assert parts.session.stop()
    feature.start_menu.menu.actions()[0].trigger()  # the tray: no minutes given
    assert planned_minutes(parts) == 13
    assert parts.session.stop()
    feature.start("sleep", sound="none")  # the command line without --minutes, a reminder
    assert planned_minutes(parts) == 13
    assert feature.minutes_for("sleep").source == "last"


def test_the_acclimation_plan_caps_every_start_and_can_be_turned_off(
    make_parts: Builder,
) -> None:
    parts = make_parts(favourites=["sleep"], last_minutes={"sleep": 15})
    feature = feature_of(parts)
    choice = feature.minutes_for("sleep")
    assert (choice.minutes, choice.week, choice.cap, choice.capped) == (5, 0, 5, True)
    assert feature.start_menu.entries()[0] == "★ Before sleep (5 min)"
    assert feature.start_menu.entries()[-1] == (
        "Week 1 of getting used to the mat: up to 5 minutes"
    ), "the plan is said where a start from the tray is shorter on purpose"
    feature.start("sleep", sound="none")
    assert planned_minutes(parts) == 5, "no session yet: week 1 of the plan"
    assert parts.session.stop()
    feature.start("sleep", 5, sound="none")  # the suggestion accepted in the picker
    assert parts.settings.settings.session.last_minutes == {"sleep": 15}, "not frozen at 5"
    assert parts.session.stop()
    parts.settings.set("session.acclimation", False)
    assert feature.start_menu.entries()[0] == "★ Before sleep (15 min)"
    assert "getting used" not in feature.start_menu.entries()[-1]
    parts.settings.set("session.acclimation", True)
    parts.settings.set("session.acclimation_step", 8)
    assert feature.start_menu.entries()[0] == "★ Before sleep (8 min)"


def test_a_start_from_the_command_line_says_the_plan_chose_its_length(
    make_parts: Builder,
) -> None:
    parts = make_parts()
    answer = parts.commands.dispatch(Request("start", {"routine": "sleep", "sound": "none"}))
    assert answer["acclimation"] == {"week": 1, "up_to_minutes": 5}
    assert answer["planned_s"] == 5 * 60
    assert parts.session.stop()
    chosen = parts.commands.dispatch(
        Request("start", {"routine": "sleep", "minutes": 12, "sound": "none"})
    )
    assert "acclimation" not in chosen, "minutes given: nothing to explain"


def test_a_reminders_desk_break_follows_the_same_rule(make_parts: Builder) -> None:
    parts = make_parts(last_minutes={"desk-break": 7}, acclimation=False)
    assert parts.reminders.start_desk_break()
    assert parts.session.engine.snapshot()["routine"] == "desk-break"
    assert planned_minutes(parts) == 7


def test_a_routine_with_the_ramp_starts_at_an_everyday_pace(make_parts: Builder) -> None:
    parts = make_parts(ramp_routines=["sleep"], acclimation=False)
    feature_of(parts).start("sleep", sound="none")
    assert parts.session.engine.plan is not None
    assert parts.session.engine.plan.ramp is not None
    assert parts.session.stop()
    feature_of(parts).start("desk-break", sound="none")
    assert parts.session.engine.plan is not None
    assert parts.session.engine.plan.ramp is None


# ---------------------------------------------------------------------------- sleeping


def test_no_session_timer_runs_while_no_session_does(make_parts: Builder, clock: FakeClock) -> None:
    parts = make_parts()
    feature = feature_of(parts)
    assert session_timers(parts) == [], "idle after start-up"
    feature.start("sleep", sound="none")
    running = session_timers(parts)
    assert "SessionService" in running and "trayTick" in running, running
    assert parts.session.pause()
    assert "trayTick" not in session_timers(parts), "paused: the ring does not move"
    assert parts.session.resume()
    clock.advance(30)
    assert parts.session.stop()
    assert session_timers(parts) == [], "stopped: the app sleeps"
    feature.start("desk-break", minutes=5, sound="none")
    clock.advance(5 * 60 + 20)
    parts.session.adjust(0)  # the engine reads the (fake) clock and finishes
    assert parts.session.engine.state.value == "finished"
    assert session_timers(parts) in ([], ["sessionClosing"]), "finished: only the closing words"


def running_row_seconds() -> float | None:
    """The running session's minutes as the history file holds them (a kill keeps these)."""
    with sqlite3.connect(AppPaths.for_user().data / "history.sqlite3") as db:
        row = db.execute("SELECT actual_s FROM sessions WHERE status = 'running'").fetchone()
    return None if row is None else float(row[0])


def test_a_running_session_wakes_on_one_tick_for_the_ring_the_history_and_a_suspend(
    make_parts: Builder, clock: FakeClock
) -> None:
    parts = make_parts(acclimation=False)
    feature = feature_of(parts)
    feature.start("sleep", minutes=10, sound="none")
    tick = feature.findChild(QTimer, "trayTick")
    assert tick is not None and tick.isActive() and tick.interval() == 12_500  # 1/48 of 10 min
    clock.advance(12.5)
    tick.timeout.emit()
    assert running_row_seconds() == 0, "the next tick still comes within 30 s of the start"
    clock.advance(12.5)
    tick.timeout.emit()
    assert running_row_seconds() == pytest.approx(25), "the tick after would be too late"
    clock.jump_wall(120)  # the computer slept two minutes: wall time ran ahead
    tick.timeout.emit()
    assert parts.session.engine.state is SessionState.PAUSED, "the tick polls the engine"
    assert running_row_seconds() == pytest.approx(25), "paused: written once, at the pause"


def test_a_long_sessions_tick_comes_before_the_session_services_watchdog(
    make_parts: Builder,
) -> None:
    parts = make_parts(acclimation=False)
    feature_of(parts).start("sleep", minutes=15, sound="none")
    tick = feature_of(parts).findChild(QTimer, "trayTick")
    assert tick is not None
    assert tick.interval() * 1.05 < WATCHDOG_S * 1000, "even 5 % late (a coarse timer)"


# ---------------------------------------------------------------------------- history command


def test_history_command_returns_recent_sessions(make_parts: Builder, clock: FakeClock) -> None:
    parts = make_parts()
    run_session(parts, clock, "sleep", 90)
    clock.advance(600)
    run_session(parts, clock, "headache", 30)
    rows = parts.commands.dispatch(Request("history", {"limit": 5}))
    assert [(r["routine"], r["actual_s"], r["completed"]) for r in rows] == [
        ("headache", 30.0, False),
        ("sleep", 90.0, False),
    ]
    assert rows[0]["started_at"] == (NOW + timedelta(seconds=690)).isoformat()
    assert len(parts.commands.dispatch(Request("history", {"limit": 1}))) == 1
    for bad in (0, "3", True, 5000):
        with pytest.raises(CommandError, match="limit"):
            parts.commands.dispatch(Request("history", {"limit": bad}))


def test_notices_and_warnings_never_follow_into_a_session(make_parts: Builder) -> None:
    parts = make_parts()
    parts.window.show_notice("Saved Evening unwind", timeout_ms=0)
    parts.window.show_warning("The history could not be written.")
    feature_of(parts).start("desk-break", sound="none")
    assert parts.window.notice.text() == ""
    assert not parts.window.warning_bar.isVisible()
    assert parts.session.stop()


def test_the_settings_dialog_offers_routines_patterns_and_sounds_by_name(
    make_parts: Builder,
) -> None:
    parts = make_parts()
    parts.shell.open_settings()
    dialog = parts.shell.settings_dialog
    assert dialog is not None

    def offered(key: str) -> dict[str, str]:
        combo = dialog.editors[key].widget
        assert isinstance(combo, QComboBox)
        return {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}

    assert offered("session.default_routine")["first-time"] == "First time on the mat"
    sounds = offered("sound.default_soundscape")
    assert "rain" in sounds and sounds["none"] == "Silence"
    dialog.reject()


def test_start_last_starts_the_routine_done_last(make_parts: Builder, clock: FakeClock) -> None:
    parts = make_parts(favourites=["tired-feet"])
    started = parts.commands.dispatch(Request("start", {"routine": "last", "sound": "none"}))
    assert started["routine"] == "tired-feet", "no history yet: the first favourite"
    assert parts.session.stop()
    run_session(parts, clock, "sleep", 120)
    started = parts.commands.dispatch(Request("start", {"routine": "last", "sound": "none"}))
    assert started["routine"] == "sleep"
    assert parts.session.stop()
