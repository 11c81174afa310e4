"""Settings as a person sees them: proper controls and plain words, no ids or free text for fixed
sets, diagnostics on their own page, and nothing changed by merely opening and pressing OK."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSlider,
    QSpinBox,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.services.settings_store import SettingsStore
from acumat_desktop.settings.model import (
    RemindersSettings,
    SessionSettings,
    Settings,
    SoundSettings,
)
from acumat_desktop.ui.settings_dialog import SettingsChoices, SettingsDialog
from tests.ui.layout_checks import clipped_words, overlaps

CHOICES = SettingsChoices(
    routines=[("back-neck", "Back and neck"), ("sleep", "Before sleep")],
    patterns=[("resonance", "Resonance breathing"), ("box", "Box breathing")],
    sounds=[("rain", "Soft rain"), ("ocean", "Ocean waves"), ("none", "Silence")],
)
IDS = ["back-neck", "resonance", "rain", "carry-on", "popup", "notification", "reset", "system"]
PHRASES = ["(0 to 1)", "comma separated", "mon,tue", "PT50M", "Value error", "0.60", "50m"]


def make(
    qtbot: QtBot,
    tmp_path: Path,
    settings: Settings | None = None,
    choices: SettingsChoices | None = CHOICES,
) -> tuple[SettingsService, SettingsDialog]:
    service = SettingsService(SettingsStore(tmp_path / "settings.json"), settings or Settings())
    dialog = SettingsDialog(service, choices=choices)
    qtbot.addWidget(dialog)
    return service, dialog


def ok(dialog: SettingsDialog) -> QAbstractButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def shown_words(dialog: SettingsDialog) -> list[str]:
    """Every word a person can read on any page: labels, buttons, list entries."""
    words: list[str] = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    for page in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(page)
        for widget in dialog.findChildren(QWidget):
            if not widget.isVisibleTo(dialog):
                continue
            if isinstance(widget, QLabel | QAbstractButton):
                words.append(widget.text())
            elif isinstance(widget, QComboBox):
                words += [widget.itemText(i) for i in range(widget.count())]
            elif isinstance(widget, QAbstractSpinBox):
                words.append(widget.text())
    return words


def test_no_ids_no_raw_values_and_no_free_text(qtbot: QtBot, tmp_path: Path) -> None:
    _, dialog = make(qtbot, tmp_path)
    dialog.show()
    words = shown_words(dialog)
    for raw in IDS:
        assert raw not in words, f"the id {raw!r} shows in the dialog"
    joined = " | ".join(words)
    for raw in PHRASES:
        assert raw not in joined, f"{raw!r} shows in the dialog"
    free_text = [
        edit.objectName()
        for edit in dialog.findChildren(QLineEdit)
        if edit.isVisibleTo(dialog)
        and not isinstance(edit.parentWidget(), QAbstractSpinBox)
        and not isinstance(edit.parentWidget(), QComboBox)
    ]
    assert free_text == [], "every setting here has a fixed set of values or a stepper"


def test_a_few_well_filled_pages(qtbot: QtBot, tmp_path: Path) -> None:
    _, dialog = make(qtbot, tmp_path)
    pages = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert pages == ["Reminders", "Sessions", "Sound", "General", "About this computer"]
    per_page: dict[int, int] = {}
    for key, editor in dialog.editors.items():
        if isinstance(editor.widget, QLineEdit):
            continue  # the output device: the sound feature's list stands in its row
        for i in range(dialog.tabs.count()):
            page = dialog.tabs.widget(i)
            if page is not None and page.isAncestorOf(editor.widget):
                per_page[i] = per_page.get(i, 0) + 1
        assert dialog.editors[key].widget.accessibleName()
    assert all(per_page[i] >= 4 for i in range(4)), per_page


def test_routines_patterns_and_sounds_are_chosen_by_name(qtbot: QtBot, tmp_path: Path) -> None:
    service, dialog = make(qtbot, tmp_path)
    routine = dialog.findChild(QComboBox, "session.default_routine")
    pattern = dialog.findChild(QComboBox, "session.default_breathing")
    sound = dialog.findChild(QComboBox, "sound.default_soundscape")
    assert routine is not None and pattern is not None and sound is not None
    assert [routine.itemText(i) for i in range(routine.count())] == [
        "Back and neck",
        "Before sleep",
    ]
    assert routine.currentText() == "Back and neck"
    assert pattern.currentText() == "Resonance breathing" and sound.currentText() == "Soft rain"
    routine.setCurrentIndex(routine.findText("Before sleep"))
    pattern.setCurrentIndex(pattern.findText("Box breathing"))
    sound.setCurrentIndex(sound.findText("Silence"))
    ok(dialog).click()
    assert service.settings.session.default_routine == "sleep"
    assert service.settings.session.default_breathing == "box"
    assert service.settings.sound.default_soundscape == "none"


def test_a_deleted_routine_stays_chosen_and_says_it_is_missing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = Settings(session=SessionSettings(default_routine="evening-unwind"))
    service, dialog = make(qtbot, tmp_path, settings)
    routine = dialog.findChild(QComboBox, "session.default_routine")
    assert routine is not None and routine.currentText() == "Evening unwind (not found)"
    ok(dialog).click()
    assert service.settings.session.default_routine == "evening-unwind"
    dialog.set_choices(
        SettingsChoices(routines=[("evening-unwind", "Evening unwind"), ("sleep", "Before sleep")])
    )
    assert routine.currentText() == "Evening unwind"


def test_without_choices_the_current_routine_and_the_built_in_lists_are_offered(
    qtbot: QtBot, tmp_path: Path
) -> None:
    _, dialog = make(qtbot, tmp_path, choices=None)
    routine = dialog.findChild(QComboBox, "session.default_routine")
    pattern = dialog.findChild(QComboBox, "session.default_breathing")
    assert routine is not None and pattern is not None
    assert [routine.itemText(i) for i in range(routine.count())] == ["Back neck"]
    assert pattern.count() > 3 and "Resonance" in pattern.currentText()
    assert ok(dialog).isEnabled()


def test_durations_are_steppers_in_minutes_or_seconds(qtbot: QtBot, tmp_path: Path) -> None:
    service, dialog = make(qtbot, tmp_path)
    expected = {
        "reminders.sit_limit": (50, " min", 1, 240),
        "reminders.natural_break": (5, " min", 1, 60),
        "reminders.snooze": (10, " min", 1, 120),
        "session.countdown": (5, " s", 0, 60),
        "sound.end_fade": (60, " s", 0, 300),
    }
    for key, (value, suffix, low, high) in expected.items():
        spin = dialog.findChild(QSpinBox, key)
        assert spin is not None, key
        assert (spin.value(), spin.suffix(), spin.minimum(), spin.maximum()) == (
            value,
            suffix,
            low,
            high,
        ), key
    snooze = dialog.findChild(QSpinBox, "reminders.snooze")
    assert snooze is not None
    snooze.stepUp()
    ok(dialog).click()
    assert service.settings.reminders.snooze == timedelta(minutes=11)


def test_volume_is_a_slider_in_per_cent(qtbot: QtBot, tmp_path: Path) -> None:
    service, dialog = make(qtbot, tmp_path)
    slider = dialog.findChild(QSlider, "volumeSlider")
    percent = dialog.findChild(QLabel, "volumePercent")
    assert slider is not None and percent is not None
    assert (slider.minimum(), slider.maximum(), slider.value()) == (0, 100, 60)
    assert percent.text() == "60 %"
    slider.setValue(35)
    assert percent.text() == "35 %"
    ok(dialog).click()
    assert service.settings.sound.master_volume == pytest.approx(0.35)


def test_days_are_toggles_and_choices_are_words(qtbot: QtBot, tmp_path: Path) -> None:
    service, dialog = make(qtbot, tmp_path)
    dialog.show()
    toggles = [t for t in dialog.findChildren(QToolButton, "dayToggle") if t.isCheckable()]
    assert len(toggles) == 7
    assert [t.isChecked() for t in toggles] == [True] * 5 + [False] * 2
    assert toggles[5].accessibleName() == "Saturday"
    qtbot.mouseClick(toggles[5], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(toggles[0], Qt.MouseButton.LeftButton)
    style = dialog.findChild(QWidget, "reminders.style")
    assert style is not None
    options = {b.text(): b for b in style.findChildren(QRadioButton)}
    assert set(options) == {"A small window near the tray", "A desktop notification"}
    options["A desktop notification"].click()
    ok(dialog).click()
    assert service.settings.reminders.work_days == ["tue", "wed", "thu", "fri", "sat"]
    assert service.settings.reminders.style == "notification"


def test_opening_and_pressing_ok_changes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    """Values the controls cannot show exactly (a 10-second sitting limit from the command line,
    a volume of 0.333) survive a visit to Settings."""
    settings = Settings(
        reminders=RemindersSettings(
            sit_limit=timedelta(seconds=10),
            natural_break=timedelta(seconds=5),
            quiet_start=time(21, 30),
            work_days=["mon", "sun"],
        ),
        sound=SoundSettings(master_volume=0.333, end_fade=timedelta(seconds=42)),
    )
    service, dialog = make(qtbot, tmp_path, settings)
    before = service.settings.model_dump()
    assert ok(dialog).isEnabled()
    ok(dialog).click()
    assert service.settings.model_dump() == before


def test_diagnostics_have_their_own_page_and_rows_still_join_settings_pages(
    qtbot: QtBot, tmp_path: Path
) -> None:
    _, dialog = make(qtbot, tmp_path)
    source = QLabel("X11 screen saver")
    dialog.add_diagnostic_row("Notices that you are away through", source)
    output = QComboBox()
    dialog.add_row("sound", "Sound output", output)
    assert dialog.diagnostics_page.isAncestorOf(source)
    assert source.accessibleName() == "Notices that you are away through"
    sound_page = dialog.tabs.widget(2)
    assert (
        sound_page is not None
        and sound_page.isAncestorOf(output)
        and output.accessibleName() == "Sound output"
    )
    colours = dialog.findChild(QLabel, "diagnostics.system_colours")
    assert colours is not None and colours.text()


def test_restore_defaults_and_plain_errors(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(reminders=RemindersSettings(max_snoozes=7))
    _, dialog = make(qtbot, tmp_path, settings)
    dialog.show()
    dialog.editors["sound.end_fade"].set_value(timedelta(minutes=30))  # beyond its range
    dialog.editors["sound.end_fade"].edited.emit()
    error = dialog.errors["sound.end_fade"]
    assert not ok(dialog).isEnabled()
    assert error.text() == "Choose between 0 seconds and 5 minutes."
    assert "sound." not in error.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert ok(dialog).isEnabled() and not error.isVisibleTo(dialog)
    snoozes = dialog.findChild(QSpinBox, "reminders.max_snoozes")
    assert snoozes is not None and snoozes.value() == 3
    snoozes.setValue(0)
    assert snoozes.text() == "None"


@pytest.mark.parametrize("size", [(560, 480), (800, 600)])
def test_every_page_fits_a_small_screen(
    qtbot: QtBot, tmp_path: Path, size: tuple[int, int]
) -> None:
    _, dialog = make(qtbot, tmp_path)
    dialog.add_diagnostic_row("Speech engine", QLabel("none — install speech-dispatcher"))
    dialog.resize(*size)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.minimumSizeHint().width() <= size[0]
    for page in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(page)
        current = dialog.tabs.currentWidget()
        assert clipped_words(current) == [], dialog.tabs.tabText(page)
        assert overlaps(current) == [], dialog.tabs.tabText(page)


def test_what_only_matters_while_switched_on_is_greyed_out(qtbot: QtBot, tmp_path: Path) -> None:
    _, dialog = make(qtbot, tmp_path)
    quiet = dialog.editors["reminders.quiet_hours"].widget
    start = dialog.editors["reminders.quiet_start"].widget
    enabled = dialog.editors["reminders.enabled"].widget
    sit_limit = dialog.editors["reminders.sit_limit"].widget
    assert isinstance(quiet, QAbstractButton) and isinstance(enabled, QAbstractButton)
    assert start.isEnabled() and sit_limit.isEnabled()
    quiet.click()
    assert not start.isEnabled() and sit_limit.isEnabled()
    quiet.click()
    enabled.click()
    assert not sit_limit.isEnabled() and not quiet.isEnabled() and not start.isEnabled()
    enabled.click()
    assert sit_limit.isEnabled() and start.isEnabled()
    assert ok(dialog).isEnabled()
