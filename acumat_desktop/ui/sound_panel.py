"""The sound panel: a popover opened from one speaker icon (in the session page's corner and in
the window's menu bar), with the session's layers, each with its own volume, the master volume,
mute, saved mixes and importing a sound. It is a ``Qt.Popup``: a click outside or Escape closes
it, so during a session it takes neither room nor attention from the dial until asked for.

Outside sessions the ▶ buttons preview a soundscape or a saved mix as ambience (a second click,
on ■, stops it), and while ambience plays its layers can be changed here as a session's can.
:class:`AmbienceMenu` is the tray's "Play ambience" submenu (soundscapes, saved mixes and a sleep
timer).

It presents and forwards: every change goes out as a signal, and the app tells it what is true
through the ``set_*`` methods (which never echo back as signals). Sliders are 0..100 and map to
0..1 volumes; the mixer applies the perceptual curve.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

Layers = list[tuple[str, float]]


def _slider(parent: QWidget, name: str) -> QSlider:
    slider = QSlider(Qt.Orientation.Horizontal, parent)
    slider.setRange(0, 100)
    slider.setSingleStep(5)
    slider.setPageStep(10)
    slider.setAccessibleName(name)
    slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return slider


def _percent(volume: float) -> int:
    return round(min(1.0, max(0.0, volume)) * 100)


class _LayerRow(QWidget):
    changed = Signal()
    remove_requested = Signal(str)

    def __init__(self, sound_id: str, name: str, volume: float, parent: QWidget) -> None:
        super().__init__(parent)
        self.sound_id = sound_id
        self.setObjectName(f"layer-{sound_id}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(name, self)
        self.slider = _slider(self, self.tr("Volume of {0}").format(name))
        self.slider.setValue(_percent(volume))
        self.label.setBuddy(self.slider)
        self.slider.valueChanged.connect(self.changed)
        self.remove = QToolButton(self)
        self.remove.setText("✕")
        self.remove.setAccessibleName(self.tr("Remove {0}").format(name))
        self.remove.setToolTip(self.tr("Remove {0} from the mix").format(name))
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self.sound_id))
        layout.addWidget(self.label, 2)
        layout.addWidget(self.slider, 3)
        layout.addWidget(self.remove)

    @property
    def volume(self) -> float:
        return self.slider.value() / 100.0


POPOVER_WIDTH = 380
"""The popover's width in pixels: room for a layer's name, its slider and its remove button."""


class SoundPanel(QFrame):
    layers_edited = Signal(list)  # the whole new mix: [(sound id, 0..1)]
    master_volume_changed = Signal(float)  # 0..1
    mute_toggled = Signal(bool)
    save_mix_requested = Signal(str)  # a name for the current layers
    mix_chosen = Signal(str)  # a saved mix's name
    import_requested = Signal(Path)
    preview_requested = Signal(str)  # a soundscape id or a saved mix's name, to play as ambience
    preview_stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("soundPanel")
        self.setAccessibleName(self.tr("Sound"))
        self.setWindowTitle(self.tr("Sound"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(POPOVER_WIDTH)
        self._names: dict[str, str] = {}
        self._rows: list[_LayerRow] = []
        self._active = False
        self._session = False  # a session runs: no previews
        self._ambience = False  # ambience plays: the ▶ buttons stop it
        body = self
        outer = QVBoxLayout(body)
        outer.setContentsMargins(14, 12, 14, 12)
        title = QLabel(self.tr("Sound"), body)
        title.setObjectName("soundTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        outer.addWidget(title)
        outer.addWidget(self._build_layers(body))
        outer.addLayout(self._build_master(body))
        outer.addLayout(self._build_mixes(body))
        self.import_button = QPushButton(self.tr("&Import sound…"), body)
        self.import_button.setAccessibleName(self.tr("Import sound"))
        self.import_button.clicked.connect(self._import)
        outer.addWidget(self.import_button)
        self.message = QLabel(body)
        self.message.setObjectName("soundMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        outer.addWidget(self.message)
        self._refresh_enabled()

    def open_at(self, anchor: QWidget) -> None:
        """Show under ``anchor`` (its right edges aligned), kept on ``anchor``'s screen."""
        self.adjustSize()
        corner = anchor.mapToGlobal(QPoint(anchor.width(), anchor.height()))
        place = QRect(corner.x() - self.width(), corner.y() + 4, self.width(), self.height())
        screen = anchor.screen()
        if screen is not None:
            room = screen.availableGeometry()
            if place.bottom() > room.bottom():  # no room below: open above the icon
                place.moveBottom(anchor.mapToGlobal(QPoint(0, 0)).y() - 4)
            place.moveLeft(max(room.left(), min(place.left(), room.right() - place.width())))
            place.moveTop(max(room.top(), place.top()))
        self.move(place.topLeft())
        self.show()
        if screen is not None:  # a platform's frame may still push it past the edge
            frame, room = self.frameGeometry(), screen.availableGeometry()
            dx = min(0, room.right() - frame.right()) or max(0, room.left() - frame.left())
            dy = min(0, room.bottom() - frame.bottom()) or max(0, room.top() - frame.top())
            if dx or dy:
                self.move(self.pos() + QPoint(dx, dy))
        self.master.setFocus(Qt.FocusReason.PopupFocusReason)

    def _build_layers(self, body: QWidget) -> QGroupBox:
        self.layers_box = QGroupBox(self.tr("Layers"), body)
        self.layers_box.setAccessibleName(self.tr("Layers of this session"))
        self._layers_layout = QVBoxLayout(self.layers_box)
        self.empty = QLabel(self.tr("No ambience"), self.layers_box)
        self._layers_layout.addWidget(self.empty)
        add_row = QHBoxLayout()
        self.add_choice = QComboBox(self.layers_box)
        self.add_choice.setAccessibleName(self.tr("Sound to add"))
        self.add_button = QPushButton(self.tr("&Add layer"), self.layers_box)
        self.add_button.setAccessibleName(self.tr("Add layer"))
        self.add_button.clicked.connect(self._add_layer)
        self.preview_sound = self._preview_button(self.layers_box, self.add_choice)
        add_row.addWidget(self.add_choice, 1)
        add_row.addWidget(self.preview_sound)
        add_row.addWidget(self.add_button)
        self._layers_layout.addLayout(add_row)
        self.hint = QLabel(
            self.tr("Start a session, or play a sound with ▶, to change the layers."),
            self.layers_box,
        )
        self.hint.setWordWrap(True)
        self._layers_layout.addWidget(self.hint)
        return self.layers_box

    def _build_master(self, body: QWidget) -> QFormLayout:
        master = QFormLayout()
        self.master = _slider(body, self.tr("Master volume"))
        self.master.valueChanged.connect(lambda v: self.master_volume_changed.emit(v / 100.0))
        master_label = QLabel(self.tr("&Volume"), body)
        master_label.setBuddy(self.master)
        master.addRow(master_label, self.master)
        self.mute = QCheckBox(self.tr("&Mute"), body)
        self.mute.setAccessibleName(self.tr("Mute"))
        self.mute.toggled.connect(self.mute_toggled)
        master.addRow(self.mute)
        return master

    def _build_mixes(self, body: QWidget) -> QVBoxLayout:
        column = QVBoxLayout()
        label = QLabel(self.tr("Saved &mixes"), body)
        mixes = QHBoxLayout()
        self.mix_choice = QComboBox(body)
        self.mix_choice.setAccessibleName(self.tr("Saved mixes"))
        label.setBuddy(self.mix_choice)
        self.use_mix = QPushButton(self.tr("&Use mix"), body)
        self.use_mix.setAccessibleName(self.tr("Use the chosen saved mix"))
        self.use_mix.clicked.connect(self._use_mix)
        self.save_mix = QPushButton(self.tr("&Save mix…"), body)
        self.save_mix.setAccessibleName(self.tr("Save mix"))
        self.save_mix.clicked.connect(self._save_mix)
        self.preview_mix = self._preview_button(body, self.mix_choice)
        mixes.addWidget(self.mix_choice, 1)
        mixes.addWidget(self.preview_mix)
        mixes.addWidget(self.use_mix)
        mixes.addWidget(self.save_mix)
        column.addWidget(label)
        column.addLayout(mixes)
        return column

    def _preview_button(self, parent: QWidget, choice: QComboBox) -> QToolButton:
        button = QToolButton(parent)
        button.setObjectName("previewButton")
        button.clicked.connect(lambda: self._preview(choice))
        self._show_preview(button)
        return button

    def _show_preview(self, button: QToolButton) -> None:
        if self._ambience:
            button.setText("■")
            button.setToolTip(self.tr("Stop the ambience"))
            button.setAccessibleName(self.tr("Stop the ambience"))
        else:
            button.setText("▶")
            button.setToolTip(self.tr("Play this now, without a session"))
            button.setAccessibleName(self.tr("Preview"))

    def _preview(self, choice: QComboBox) -> None:
        if self._ambience:
            self.preview_stop_requested.emit()
            return
        spec = choice.currentData() or choice.currentText()
        if spec:
            self.preview_requested.emit(str(spec))

    # --- what is true (never echoed back as signals) --------------------------------------------
    def set_sounds(self, sounds: list[dict[str, str]]) -> None:
        """The catalogue: ``[{"id", "name", "kind"}]``."""
        self._names = {s["id"]: s["name"] for s in sounds}
        self._refresh_add_choice()
        self._refresh_enabled()

    def set_layers(self, layers: Layers) -> None:
        if layers == self.layers():
            return
        for row in self._rows:
            self._layers_layout.removeWidget(row)
            row.deleteLater()
        self._rows = []
        for index, (sound_id, volume) in enumerate(layers):
            row = _LayerRow(sound_id, self._names.get(sound_id, sound_id), volume, self.layers_box)
            row.changed.connect(self._emit_layers)
            row.remove_requested.connect(self._remove_layer)
            self._layers_layout.insertWidget(index, row)
            self._rows.append(row)
        self.empty.setVisible(not self._rows)
        self._refresh_add_choice()
        self._refresh_enabled()

    def set_master_volume(self, volume: float) -> None:
        self.master.blockSignals(True)
        self.master.setValue(_percent(volume))
        self.master.blockSignals(False)

    def set_muted(self, muted: bool) -> None:
        self.mute.blockSignals(True)
        self.mute.setChecked(muted)
        self.mute.blockSignals(False)

    def set_session_active(self, active: bool) -> None:
        """Layers belong to a session: they can be changed only while one runs."""
        self._active = active
        self._refresh_enabled()

    def set_ambience(self, playing: bool, *, session: bool) -> None:
        """Ambience plays (its layers can be changed, ■ stops it), or not; no previews while
        a ``session`` runs."""
        self._ambience, self._session = playing, session
        self._active = session or playing
        for button in (self.preview_sound, self.preview_mix):
            self._show_preview(button)
        self._refresh_enabled()

    def set_mixes(self, names: list[str]) -> None:
        current = self.mix_choice.currentText()
        self.mix_choice.clear()
        self.mix_choice.addItems(names)
        if current in names:
            self.mix_choice.setCurrentText(current)
        self._refresh_enabled()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)

    def layers(self) -> Layers:
        return [(row.sound_id, row.volume) for row in self._rows]

    # --- asking the user (separate so tests can answer) -----------------------------------------
    def ask_mix_name(self) -> str | None:
        host = self.parentWidget() or self  # a dialog outlives the popover closing under it
        name, ok = QInputDialog.getText(host, self.tr("Save mix"), self.tr("Name of this mix:"))
        return name.strip() if ok and name.strip() else None

    def ask_sound_file(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(
            self.parentWidget() or self,
            self.tr("Import a sound"),
            str(Path.home()),
            self.tr("Audio files (*.wav *.ogg *.oga *.flac *.mp3 *.m4a *.opus);;All files (*)"),
        )
        return Path(path) if path else None

    # --- forwarding -----------------------------------------------------------------------------
    def _emit_layers(self) -> None:
        self.layers_edited.emit(self.layers())

    def _add_layer(self) -> None:
        sound_id = self.add_choice.currentData()
        if not sound_id:
            return
        self.layers_edited.emit([*self.layers(), (str(sound_id), 0.7)])

    def _remove_layer(self, sound_id: str) -> None:
        self.layers_edited.emit([layer for layer in self.layers() if layer[0] != sound_id])

    def _save_mix(self) -> None:
        name = self.ask_mix_name()
        if name:
            self.save_mix_requested.emit(name)

    def _use_mix(self) -> None:
        name = self.mix_choice.currentText()
        if name:
            self.mix_chosen.emit(name)

    def _import(self) -> None:
        path = self.ask_sound_file()
        if path is not None:
            self.import_requested.emit(path)

    def _refresh_add_choice(self) -> None:
        playing = {row.sound_id for row in self._rows}
        self.add_choice.clear()
        for sound_id, name in self._names.items():
            if sound_id not in playing:
                self.add_choice.addItem(name, sound_id)

    def _refresh_enabled(self) -> None:
        for row in self._rows:
            row.setEnabled(self._active)
        self.add_choice.setEnabled(self.add_choice.count() > 0)  # to add, or to preview
        self.add_button.setEnabled(self._active and self.add_choice.count() > 0)
        self.preview_sound.setEnabled(
            self._ambience or (not self._session and self.add_choice.count() > 0)
        )
        self.preview_mix.setEnabled(
            self._ambience or (not self._session and self.mix_choice.count() > 0)
        )
        self.use_mix.setEnabled(self._active and self.mix_choice.count() > 0)
        self.save_mix.setEnabled(bool(self._rows))
        self.hint.setVisible(not self._active)


SLEEP_TIMER_MINUTES = (15, 30, 60)


class AmbienceMenu(QMenu):
    """The tray's "Play ambience" submenu: each soundscape and saved mix plays at once, for the
    sleep timer chosen at the bottom (none, 15, 30 or 60 minutes, then it fades out).
    ``choices`` gives the soundscapes (``{"id", "name"}``) and the saved mixes' names, asked
    each time the menu opens."""

    play_requested = Signal(str, object)  # a soundscape id or saved mix's name, minutes or None

    def __init__(
        self,
        choices: Callable[[], tuple[list[dict[str, str]], list[str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ambienceMenu")
        self._choices = choices
        self.aboutToShow.connect(lambda: self.set_choices(*self._choices()))
        self.setTitle(self.tr("Play &ambience"))
        self._timers = QActionGroup(self)
        self._timers.setExclusive(True)
        self.timer_actions: list[QAction] = []
        for minutes in (None, *SLEEP_TIMER_MINUTES):
            text = (
                self.tr("No sleep timer")
                if minutes is None
                else self.tr("Sleep timer: %n min", "", minutes)
            )
            action = QAction(text, self._timers)  # not the menu's: clear() would delete it
            action.setCheckable(True)
            action.setChecked(minutes is None)
            action.setData(minutes)
            self._timers.addAction(action)
            self.timer_actions.append(action)
        self.set_choices([], [])

    def minutes(self) -> int | None:
        checked = self._timers.checkedAction()
        data = checked.data() if checked is not None else None
        return int(data) if isinstance(data, int) else None

    def set_choices(self, sounds: list[dict[str, str]], mixes: list[str]) -> None:
        """The soundscapes (``{"id", "name"}``) and saved mixes' names to offer."""
        self.clear()
        for sound in sounds:
            self._add_choice(sound["name"], sound["id"])
        if mixes:
            self.addSection(self.tr("Saved mixes"))
            for name in mixes:
                self._add_choice(name, name)
        self.addSeparator()
        self.addActions(self.timer_actions)

    def _add_choice(self, text: str, spec: str) -> None:
        action = self.addAction(text.replace("&", "&&"))
        action.triggered.connect(lambda: self.play_requested.emit(spec, self.minutes()))
