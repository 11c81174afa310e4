"""The Sound tab's output list and speech-engine row, with a stand-in for the system's outputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from acumat_desktop.services.audio.devices import OutputDevice
from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.services.settings_store import SettingsStore
from acumat_desktop.settings.model import Settings, SoundSettings
from acumat_desktop.ui.output_device_combo import OutputDeviceCombo
from acumat_desktop.ui.settings_dialog import SettingsDialog
from acumat_desktop.wiring.sound_dialog import SoundDialogRows

SPEAKERS = OutputDevice("alsa_output.pci-0000_00_1f.3.analog-stereo", "Built-in Audio", True)
HEADSET = OutputDevice("alsa_output.usb-Jabra_Evolve-00.analog-stereo", "Jabra Evolve", False)


class FakeDevices(QObject):
    changed = Signal()

    def __init__(self, outputs: list[OutputDevice]) -> None:
        super().__init__()
        self.list = outputs
        self.asked = 0
        self.watching = False

    def outputs(self) -> list[OutputDevice]:
        self.asked += 1
        return list(self.list)

    def watch(self, on: bool) -> None:
        self.watching = on


def _dialog(
    qtbot: QtBot, tmp_path: Path, devices: FakeDevices, device: str | None = None
) -> tuple[SettingsService, SettingsDialog, SoundDialogRows]:
    settings = Settings(sound=SoundSettings(output_device=device))
    service = SettingsService(SettingsStore(tmp_path / "settings.json"), settings)
    dialog = SettingsDialog(service)
    qtbot.addWidget(dialog)
    rows = SoundDialogRows(dialog, devices, lambda: "speechd")
    return service, dialog, rows


def _items(combo: OutputDeviceCombo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_the_list_replaces_the_text_row_and_a_choice_is_saved_as_the_device_id(
    qtbot: QtBot, tmp_path: Path
) -> None:
    service, dialog, rows = _dialog(qtbot, tmp_path, FakeDevices([SPEAKERS, HEADSET]))
    dialog.show()
    form = dialog.section_forms["sound"]
    text_row = dialog.findChild(QLineEdit, "sound.output_device")
    assert text_row is not None and not form.isRowVisible(text_row)
    combo = rows.combo
    assert form.isRowVisible(combo) and combo.accessibleName() == "Sound output"
    assert _items(combo) == ["System default", "Built-in Audio", "Jabra Evolve"]
    assert combo.currentText() == "System default"
    combo.activated.emit(2)  # what a user's pick emits
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert service.settings.sound.output_device == HEADSET.key
    dialog.load(service.settings)
    assert combo.currentText() == "Jabra Evolve"
    combo.activated.emit(0)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not service.settings.sound.output_device


def test_a_chosen_device_that_is_unplugged_stays_chosen_and_restore_defaults_resets_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    service, dialog, rows = _dialog(qtbot, tmp_path, FakeDevices([SPEAKERS]), HEADSET.key)
    dialog.show()
    assert rows.combo.currentText() == f"{HEADSET.key} (not connected)"
    dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert rows.combo.currentText() == "System default"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert service.settings.sound.output_device in (None, "")


def test_the_list_follows_the_outputs_while_open_and_sleeps_while_closed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    devices = FakeDevices([SPEAKERS])
    _, dialog, rows = _dialog(qtbot, tmp_path, devices)
    before = devices.watching
    dialog.show()
    assert (before, devices.watching) == (False, True), "watched while the dialog is open"
    devices.list = [SPEAKERS, HEADSET]
    devices.changed.emit()
    assert _items(rows.combo)[1:] == ["Built-in Audio", "Jabra Evolve"]
    rows.combo.activated.emit(2)
    devices.list = [SPEAKERS]  # the headset is unplugged while it is picked in the dialog
    devices.changed.emit()
    assert rows.combo.currentText() == f"{HEADSET.key} (not connected)"
    dialog.hide()
    assert not devices.watching
    asked = devices.asked
    devices.changed.emit()
    assert devices.asked == asked, "nothing is asked while the dialog is closed"
    devices.list = [SPEAKERS, HEADSET]
    dialog.show()
    assert rows.combo.currentText() == "Jabra Evolve", "shown again: the list is fresh"


@pytest.mark.parametrize("engine", ["speechd", "none — install speech-dispatcher"])
def test_the_speech_engine_row_says_which_engine_speaks(
    qtbot: QtBot, tmp_path: Path, engine: str
) -> None:
    service = SettingsService(SettingsStore(tmp_path / "settings.json"), Settings())
    dialog = SettingsDialog(service)
    qtbot.addWidget(dialog)
    SoundDialogRows(dialog, FakeDevices([]), lambda: engine)
    label = dialog.findChild(QLabel, "sound.speech_engine")
    assert label is not None and label.text() == engine
    assert label.accessibleName() == "Speech engine for spoken cues"
