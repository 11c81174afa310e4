"""The sound panel alone: it shows what it is told and forwards what the user does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolButton
from pytestqt.qtbot import QtBot

from acumat_desktop.ui.sound_panel import SoundPanel

# The offscreen platform cannot raise a popup or grab the keyboard for it; not our messages.
pytestmark = pytest.mark.qt_log_ignore(
    "does not support raise", "does not support grabbing", "does not support propagateSizeHints"
)

SOUNDS = [
    {"id": "rain", "name": "Rain", "kind": "builtin"},
    {"id": "ocean", "name": "Ocean waves", "kind": "builtin"},
    {"id": "user-creek", "name": "Creek", "kind": "user"},
]


@pytest.fixture
def panel(qtbot: QtBot) -> Iterator[SoundPanel]:
    host = QMainWindow()
    qtbot.addWidget(host)
    host.resize(800, 600)
    widget = SoundPanel(host)
    widget.set_sounds(SOUNDS)
    widget.set_layers([("rain", 0.7), ("ocean", 0.3)])
    widget.set_session_active(True)
    host.show()
    widget.open_at(host)
    yield widget  # the host stays referenced until the test ends
    widget.close()
    host.close()


def test_it_is_a_popover_under_its_icon_not_a_dock(qtbot: QtBot) -> None:
    host = QMainWindow()
    qtbot.addWidget(host)
    host.resize(800, 600)
    anchor = QToolButton(host)
    anchor.setText("Sound")
    anchor.setGeometry(740, 10, 40, 30)
    panel = SoundPanel(host)
    with qtbot.waitExposed(host):
        host.show()
    assert panel.windowFlags() & Qt.WindowType.Popup == Qt.WindowType.Popup
    assert not host.findChildren(QDockWidget), "nothing docked beside the dial"
    assert not panel.isVisible()
    panel.open_at(anchor)
    assert panel.isVisible()
    icon = anchor.mapToGlobal(anchor.rect().bottomRight())
    screen = anchor.screen().availableGeometry()
    assert screen.contains(panel.frameGeometry()), "kept on the screen"
    assert panel.geometry().top() >= icon.y(), "opens below the icon"
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    assert not panel.isVisible(), "Escape closes it"


def test_layers_show_with_accessible_sliders_and_remove_buttons(panel: SoundPanel) -> None:
    rows = panel.layers_box.findChildren(type(panel._rows[0]))
    assert [r.label.text() for r in rows] == ["Rain", "Ocean waves"]
    assert [r.slider.accessibleName() for r in rows] == ["Volume of Rain", "Volume of Ocean waves"]
    assert [r.slider.value() for r in rows] == [70, 30]
    assert rows[0].remove.accessibleName() == "Remove Rain"
    assert panel.layers() == [("rain", 0.7), ("ocean", 0.3)]
    # only sounds not yet in the mix can be added
    assert [panel.add_choice.itemText(i) for i in range(panel.add_choice.count())] == ["Creek"]


def test_moving_a_layer_slider_by_keyboard_sends_the_new_mix(
    panel: SoundPanel, qtbot: QtBot
) -> None:
    slider = panel._rows[1].slider
    slider.setFocus()
    with qtbot.waitSignal(panel.layers_edited) as sent:
        qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert sent.args == [[("rain", 0.7), ("ocean", 0.35)]]


def test_add_and_remove_forward_the_whole_mix(panel: SoundPanel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(panel.layers_edited) as added:
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert added.args == [[("rain", 0.7), ("ocean", 0.3), ("user-creek", 0.7)]]
    with qtbot.waitSignal(panel.layers_edited) as removed:
        qtbot.mouseClick(panel._rows[0].remove, Qt.MouseButton.LeftButton)
    assert removed.args == [[("ocean", 0.3)]]


def test_layers_are_locked_outside_a_session(panel: SoundPanel) -> None:
    panel.set_session_active(False)
    assert not panel._rows[0].isEnabled()
    assert not panel.add_button.isEnabled()
    assert panel.master.isEnabled() and panel.mute.isEnabled(), "volume and mute always work"
    assert panel.hint.isVisible()


def test_set_methods_do_not_echo(panel: SoundPanel, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(panel.master_volume_changed):
        panel.set_master_volume(0.25)
    with qtbot.assertNotEmitted(panel.mute_toggled):
        panel.set_muted(True)
    with qtbot.assertNotEmitted(panel.layers_edited):
        panel.set_layers([("rain", 0.5)])
    assert (panel.master.value(), panel.mute.isChecked(), panel.layers()) == (
        25,
        True,
        [("rain", 0.5)],
    )


def test_master_volume_and_mute_are_forwarded(panel: SoundPanel, qtbot: QtBot) -> None:
    assert panel.master.accessibleName() == "Master volume"
    with qtbot.waitSignal(panel.master_volume_changed) as moved:
        panel.master.setValue(40)
    assert moved.args == [0.4]
    panel.mute.setFocus()
    with qtbot.waitSignal(panel.mute_toggled) as muted:
        qtbot.keyClick(panel.mute, Qt.Key.Key_Space)
    assert muted.args == [True]


def test_save_mix_asks_a_name_and_forwards_it(
    panel: SoundPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(panel, "ask_mix_name", lambda: "Rainy night")
    with qtbot.waitSignal(panel.save_mix_requested) as saved:
        qtbot.mouseClick(panel.save_mix, Qt.MouseButton.LeftButton)
    assert saved.args == ["Rainy night"]
    monkeypatch.setattr(panel, "ask_mix_name", lambda: None)
    with qtbot.assertNotEmitted(panel.save_mix_requested):
        qtbot.mouseClick(panel.save_mix, Qt.MouseButton.LeftButton)


def test_saved_mixes_can_be_chosen(panel: SoundPanel, qtbot: QtBot) -> None:
    panel.set_mixes(["Calm", "Rainy night"])
    panel.mix_choice.setCurrentText("Rainy night")
    with qtbot.waitSignal(panel.mix_chosen) as chosen:
        qtbot.mouseClick(panel.use_mix, Qt.MouseButton.LeftButton)
    assert chosen.args == ["Rainy night"]


def test_import_asks_a_file_and_forwards_it(
    panel: SoundPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    wanted = tmp_path / "creek.ogg"
    monkeypatch.setattr(panel, "ask_sound_file", lambda: wanted)
    assert panel.import_button.accessibleName() == "Import sound"
    with qtbot.waitSignal(panel.import_requested) as asked:
        qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    assert asked.args == [wanted]
    panel.show_message("Cannot import creek.ogg: it is silent")
    assert panel.message.accessibleName() == "Cannot import creek.ogg: it is silent"
