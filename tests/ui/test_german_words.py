"""German words where English ones are bent to fit a sentence: goal names keep their capitals
inside a sentence ("Routinen für Schmerzen", English "routines for pain"), and the streak's
caption follows its number ("1 Tag in Folge", "3 Tage in Folge")."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.history import SessionRecord
from acumat_desktop.core.routines import Goal
from acumat_desktop.services import translations
from acumat_desktop.services.history_store import HistoryStore
from acumat_desktop.services.routine_library import RoutineLibrary
from acumat_desktop.ui.history_view import HistoryView
from acumat_desktop.ui.routine_picker import RoutinePicker
from acumat_desktop.ui.widgets.routine_cards import card_text
from tests.ui.test_translations import restore_translators  # noqa: F401 (a fixture)

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

NOW = datetime(2026, 11, 26, 21, 0, tzinfo=timezone(timedelta(hours=1)))


@pytest.mark.parametrize(
    ("language", "card", "chip"),
    [
        ("de", "Für Schmerzen", "Routinen für Schmerzen zeigen"),
        ("en", "For pain", "Show routines for pain"),
    ],
)
@pytest.mark.usefixtures("restore_translators")
def test_goal_names_inside_a_sentence(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, language: str, card: str, chip: str
) -> None:
    translations.install_translations(qapp, language)
    library = RoutineLibrary(user_dir=tmp_path / "routines")
    assert card_text(library.get("back-neck")).endswith(card)
    picker = RoutinePicker(library)
    qtbot.addWidget(picker)
    assert picker.goal_buttons[Goal.PAIN].accessibleName() == chip


def _add(store: HistoryStore, days_back: int) -> None:
    store.save_session(
        SessionRecord(
            routine_id="back-neck",
            routine_name="Rücken und Nacken",
            started_at=NOW - timedelta(days=days_back, hours=1),
            planned_s=600,
            actual_s=600,
            completed=True,
        )
    )


@pytest.mark.usefixtures("restore_translators")
def test_the_streak_caption_follows_its_number(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    translations.install_translations(qapp, "de")
    clock = FakeClock(NOW)
    store = HistoryStore(tmp_path / "history.sqlite3", clock)
    try:
        _add(store, 0)
        view = HistoryView(store, clock)
        qtbot.addWidget(view)
        assert (view.streak_value.text(), view.streak_caption.text()) == ("1", "Tag in Folge")
        _add(store, 1)
        view.refresh()
        assert (view.streak_value.text(), view.streak_caption.text()) == ("2", "Tage in Folge")
    finally:
        store.close()
