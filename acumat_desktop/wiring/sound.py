"""Sound wiring: the audio engine, the session's sound, the sound panel, the tray's Mute, the
``audio`` status part and the sound commands, each given what it uses by the composition root.

The sound panel is a popover behind one speaker icon: the feature puts one in the menu bar's
corner (every page), and :meth:`SoundFeature.attach` adds another (the session page's corner);
while a session runs and such an icon is attached, the menu bar's one steps aside.

Ambience plays outside sessions too (a preview from the panel or the picker, the tray's "Play
ambience", ``acumat sounds play``), with an optional sleep timer; a session started over it
takes the sound over with a cross-fade (:mod:`acumat_desktop.core.audio.ambience`).

The engine follows the ``sound`` settings (volume, mute, device); the CLI's ``volume`` and
``mute`` change those settings, so they persist and every view follows one source of truth.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QProcess,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QToolButton

from acumat_desktop import APP_DISPLAY_NAME
from acumat_desktop.core.audio.ambience import AmbienceInfo, AmbienceState
from acumat_desktop.core.audio.device_keys import device_id
from acumat_desktop.core.audio.mix import NO_SOUND, Layers, check_mix, parse_mix
from acumat_desktop.core.clock import Clock
from acumat_desktop.core.commands import CommandRegistry
from acumat_desktop.core.session import ACTIVE_STATES, SessionEvent, Started
from acumat_desktop.core.status import StatusBoard
from acumat_desktop.services.audio.ambience_driver import AmbienceDriver
from acumat_desktop.services.audio.mix_presets import MixPresets
from acumat_desktop.services.audio.prewarm import plays_loops, prewarm_delay_ms
from acumat_desktop.services.audio.soundscapes import SoundCatalogue, SoundInfo
from acumat_desktop.services.audio.speech import RoutinePrompts
from acumat_desktop.services.session_service import SessionService
from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.services.shutdown import ShutdownManager
from acumat_desktop.settings.model import Settings, SoundSettings
from acumat_desktop.ui.main_window import MainWindow
from acumat_desktop.ui.sound_panel import AmbienceMenu, SoundPanel
from acumat_desktop.ui.tray import Tray, TraySection
from acumat_desktop.ui.widgets.sound_icon import speaker_icon
from acumat_desktop.wiring.links import Links
from acumat_desktop.wiring.sound_commands import register_sound_commands
from acumat_desktop.wiring.sound_session import SessionSound

if TYPE_CHECKING:
    from acumat_desktop.services.audio.importer import SoundImporter
    from acumat_desktop.services.audio.player import AudioEngine
    from acumat_desktop.services.audio.speech import SpokenCues
    from acumat_desktop.ui.routine_details import RoutineDetails
    from acumat_desktop.ui.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)


class SoundFeature(QObject):
    """The app's sound. The audio engine (QtMultimedia, a sound-server connection and an audio
    thread) is built on first use — a session or an import — not at start-up."""

    def __init__(
        self,
        *,
        parent: QObject,
        data_dir: Path,
        cache_dir: Path,
        settings: SettingsService,
        session: SessionService,
        window: MainWindow,
        tray: Tray | None,
        commands: CommandRegistry,
        board: StatusBoard,
        shutdown: ShutdownManager,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("soundFeature")
        self._settings = settings
        self._session = session
        self._window = window
        self._tray = tray
        self.prewarm_process: QProcess | None = None
        self.user_dir = data_dir / "sounds"
        self.catalogue = SoundCatalogue(cache_dir / "sounds", self.user_dir)
        self._engine: AudioEngine | None = None
        self._importer: SoundImporter | None = None
        self._speech: SpokenCues | None = None
        self.presets = MixPresets(data_dir / "mixes.json")
        self.ambience = AmbienceDriver(lambda: self.engine, self, clock=clock)
        # routine prompts, by the spoken cues' engine, asked for when a session with prompts starts
        self.prompts = RoutinePrompts(lambda: self.speech)
        self._links = Links()  # cut at shutdown
        self.director = SessionSound(
            lambda: self.ambience.session_output,
            session.engine,
            lambda: settings.settings.sound,
            self.resolve,
            self,
            eyes_closed=lambda: settings.settings.session.eyes_closed,
            speaker=lambda: self.speech,
            prompter=self.prompts,
        )
        self._device: bytes | None = None
        self._told_tray = False
        self._closed = False
        self.panel = SoundPanel(window)
        self._attached: list[QAbstractButton] = []
        self.corner_button = self._corner_button(window)
        self._build_tray_actions(window, tray)
        self._connect()
        register_sound_commands(commands, self)
        board.provide("audio", self.status)
        shutdown.register("sound", self.shutdown)  # before Qt tears the app down
        self.panel.set_sounds(self.sounds())
        self.panel.set_mixes(self.presets.names())
        self._apply_settings(settings.settings)
        self._sync_panel()
        delay = prewarm_delay_ms()
        if delay is not None:
            QTimer.singleShot(delay, self, self._prewarm)

    def _build_tray_actions(self, window: MainWindow, tray: Tray | None) -> None:
        self.mute_action = QAction(self.tr("&Mute sound"), self)
        self.mute_action.setCheckable(True)
        self._links.connect(self.mute_action.toggled, self.set_muted)
        self.ambience_menu, self.stop_ambience_action = self._ambience_controls(window)
        if tray is not None:
            tray.add_action(TraySection.SOUND, self.mute_action)
            tray.add_menu(TraySection.SOUND, self.ambience_menu)
            tray.add_action(TraySection.SOUND, self.stop_ambience_action)

    def _corner_button(self, window: MainWindow) -> QToolButton:
        button = QToolButton(window.menuBar())
        button.setObjectName("soundCornerButton")
        button.setAutoRaise(True)
        button.setText(self.tr("Sound"))
        button.setToolTip(self.tr("Sound: layers, volume, mute"))
        button.setAccessibleName(self.tr("Sound"))
        button.setIcon(speaker_icon(window.palette().color(window.foregroundRole())))
        self._links.connect(button.clicked, lambda: self.open_panel(button))
        window.menuBar().setCornerWidget(button, Qt.Corner.TopRightCorner)
        window.installEventFilter(self)  # repaint the icon when the theme changes
        return button

    def attach(self, button: QAbstractButton) -> None:
        """Let ``button`` (e.g. the session page's speaker icon) open the sound popover."""
        self._attached.append(button)
        self._links.connect(button.clicked, lambda: self.open_panel(button))
        button.installEventFilter(self)  # shown and hidden with its page: see _sync_corner
        button.show()
        self._sync_panel()

    def open_panel(self, anchor: QAbstractButton) -> None:
        self.panel.open_at(anchor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.PaletteChange:
            color = self._window.palette().color(self._window.foregroundRole())
            self.corner_button.setIcon(speaker_icon(color))
        elif event.type() in (QEvent.Type.Show, QEvent.Type.Hide) and watched in self._attached:
            # later, never inside the event: a window being torn down hides its children too
            QTimer.singleShot(0, self, self._sync_corner)
        return False

    def _connect(self) -> None:
        panel, link = self.panel, self._links.connect
        link(self._settings.changed, self._apply_settings)
        link(self._session.happened, self._on_session_event)
        link(self.director.noticed, self._on_notice)
        link(panel.layers_edited, self._on_layers_edited)
        link(panel.master_volume_changed, self.set_master_volume)
        link(panel.mute_toggled, self.set_muted)
        link(panel.save_mix_requested, self._save_mix)
        link(panel.mix_chosen, self._use_mix)
        link(panel.import_requested, self._import)
        link(panel.preview_requested, self.preview)
        link(panel.preview_stop_requested, self.stop_ambience)
        link(self.ambience.changed, self._sync_panel)

    @property
    def engine_built(self) -> bool:
        return self._engine is not None

    @property
    def engine(self) -> AudioEngine:
        if self._engine is None:
            from acumat_desktop.services.audio.player import AudioEngine

            engine = AudioEngine(
                self.catalogue.cache_dir, self, user_dir=self.user_dir, catalogue=self.catalogue
            )
            engine.set_master_volume(self._settings.settings.sound.master_volume)
            engine.set_muted(self._settings.settings.sound.muted)
            if self._device is not None:
                engine.set_device(self._device)
            self._links.connect(engine.noticed, self._on_notice)
            self._engine = engine
        return self._engine

    @property
    def speech(self) -> SpokenCues:
        """The speech engine of spoken cues and routine prompts, probed on first use (a session
        with spoken cues or prompts, or the settings dialog), not at start-up."""
        if self._speech is None:
            from acumat_desktop.services.audio.speech import SpokenCues

            self._speech = SpokenCues(self)  # asks the engine without waiting for it
            sound = self._settings.settings.sound
            self._speech.set_volume(sound.master_volume, sound.muted)
            # queued: the answer may come while the score is asking which cues sound
            self._speech.probed.connect(self._on_speech_probed, Qt.ConnectionType.QueuedConnection)
        return self._speech

    def _on_speech_probed(self, ok: bool) -> None:
        """The speech engine answered: without one, the cue tones take over (with a notice);
        with no session to speak for, it is let go until one starts."""
        if self._closed:
            return
        self.director.options_changed()
        if self._speech is not None and self._session.engine.state not in ACTIVE_STATES:
            self._speech.release()

    def extend_dialog(self, dialog: SettingsDialog) -> None:
        from acumat_desktop.services.audio.devices import OutputDevices
        from acumat_desktop.wiring.sound_dialog import SoundDialogRows

        speech = self.speech
        rows = SoundDialogRows(dialog, OutputDevices(dialog), speech.describe)
        speech.described.connect(rows.speech_label.setText)  # once the engine has answered

    @property
    def importer(self) -> SoundImporter:
        if self._importer is None:
            from acumat_desktop.services.audio.importer import SoundImporter

            self._importer = SoundImporter(self.user_dir, self)
            self._importer.imported.connect(self._on_imported)
            self._importer.failed.connect(self._on_import_failed)
        return self._importer

    def sounds(self) -> list[dict[str, str]]:
        rows = [s.as_dict() for s in self.catalogue.sounds()]
        for row in rows:  # the built-in names are core's data, translated where shown
            if row["kind"] == "builtin":
                row["name"] = QCoreApplication.translate("Sounds", row["name"])
        return rows

    def sound_settings(self) -> SoundSettings:
        return self._settings.settings.sound

    def check_sound(self, spec: str) -> None:
        """Accept a saved mix's name, ``none``, or a mix of known sounds; raise ValueError
        naming the bad part (an unknown sound, a path, a volume out of range)."""
        if spec == NO_SOUND or self.presets.get(spec) is not None:
            return
        check_mix(spec, {row["id"] for row in self.sounds()})

    # --- what plays ---------------------------------------------------------------------------
    def resolve(self, spec: str) -> Layers:
        """A saved mix's name, or a soundscape id / mix (``rain:0.7,wind:0.3``) -> layers.
        Unknown sounds are left out (and logged)."""
        saved = self.presets.get(spec)
        layers = saved if saved is not None else parse_mix(spec)
        known = {s["id"] for s in self.sounds()}
        missing = [sid for sid, _ in layers if sid not in known]
        if missing:
            log.warning("Unknown sounds left out of %r: %s", spec, ", ".join(missing))
        return [(sid, vol) for sid, vol in layers if sid in known]

    def status(self) -> dict[str, Any]:
        """The ``audio`` part of ``status --json``."""
        idle: dict[str, Any] = {"output": None, "muted": self._settings.settings.sound.muted}
        idle["layers"] = []
        status = self._engine.status() if self._engine is not None else idle
        return {key: status[key] for key in idle} | {"ambience": self.ambience_status()}

    # --- ambience outside sessions ------------------------------------------------------------
    def play_ambience(self, spec: str, minutes: float | None = None) -> AmbienceInfo:
        """Play a soundscape, a mix or a saved mix without a session, for ``minutes`` (then
        fading out) or until stopped. ValueError for a bad sound or minutes; RuntimeError while
        a session runs (its sound plays; the panel changes it)."""
        if self._session.engine.state in ACTIVE_STATES:
            raise RuntimeError(self.tr("A session is running: change its sound in the sound panel"))
        self.check_sound(spec)
        self.ambience.play(spec, self.resolve(spec), minutes)
        return self.ambience.info()

    def stop_ambience(self) -> None:
        self.ambience.stop()

    def ambience_status(self) -> dict[str, Any]:  # the ``ambience`` of the status's ``audio``
        return self.ambience.status()

    def preview(self, spec: str, minutes: int | None = None) -> None:
        """Play ``spec`` as ambience at a click (a ▶, the tray); a problem is said in the panel."""
        try:
            self.play_ambience(spec, minutes)
        except (ValueError, RuntimeError) as exc:
            self.panel.show_message(str(exc))

    def _ambience_controls(self, window: MainWindow) -> tuple[AmbienceMenu, QAction]:
        menu = AmbienceMenu(lambda: (self.sounds(), self.presets.names()), window)
        self._links.connect(menu.play_requested, self.preview)
        stop = QAction(self.tr("S&top ambience"), self)
        self._links.connect(stop.triggered, self.stop_ambience)
        return menu, stop

    def attach_preview(self, source: RoutineDetails) -> None:
        """Let ``source`` (the picker's ▶ beside its sound choice) preview sounds as ambience."""
        self._links.connect(source.sound_preview_requested, self.preview)
        self._links.connect(source.sound_preview_stop_requested, self.stop_ambience)
        playing = lambda: self.ambience.info().state is not AmbienceState.STOPPED  # noqa: E731
        self.ambience.watch(lambda: source.show_sound_preview(playing()))

    def set_master_volume(self, volume: float) -> None:
        self._settings.set("sound.master_volume", round(min(1.0, max(0.0, volume)), 2))

    def set_muted(self, muted: bool) -> None:
        self._settings.set("sound.muted", bool(muted))

    def _apply_settings(self, settings: Settings) -> None:
        sound = settings.sound
        device = device_id(sound.output_device)
        engine = self._engine
        if engine is not None:
            engine.set_master_volume(sound.master_volume)
            engine.set_muted(sound.muted)
            if device != self._device:
                engine.set_device(device)
        self._device = device
        if self._speech is not None:
            self._speech.set_volume(sound.master_volume, sound.muted)
        self.panel.set_master_volume(sound.master_volume)
        self.panel.set_muted(sound.muted)
        self.mute_action.blockSignals(True)
        self.mute_action.setChecked(sound.muted)
        self.mute_action.blockSignals(False)
        self.director.options_changed()

    def _on_session_event(self, event: SessionEvent) -> None:
        if isinstance(event, Started) and self._settings.settings.sound.spoken_cues:
            self.speech.prepare()  # connected during the countdown, before the first cue
        if isinstance(event, Started):  # over ambience, the session's sound takes it over
            self.ambience.take_over(lambda: self.director.on_event(event), self.director.set_mix)
        else:
            self.director.on_event(event)
        if self._speech is not None and self._session.engine.state not in ACTIVE_STATES:
            self._speech.release()  # the session is over: speech-dispatcher may quit
        self._sync_panel()

    def _sync_panel(self) -> None:
        active = self._session.engine.state in ACTIVE_STATES
        ambience = self.ambience.info()
        self.panel.set_layers(self.director.mix if active else list(ambience.layers))
        self.panel.set_ambience(ambience.state is not AmbienceState.STOPPED, session=active)
        self.stop_ambience_action.setEnabled(ambience.state is not AmbienceState.STOPPED)
        self.ambience_menu.setEnabled(not active)
        self._sync_corner()

    def _sync_corner(self) -> None:
        """One speaker icon in sight: the session page's own while that page shows (a session
        running, or its closing words after it), else the menu bar's."""
        window, corner = self._window, self.corner_button
        if self._closed or not (shiboken6.isValid(window) and shiboken6.isValid(corner)):
            return
        shown = any(b.isVisibleTo(window) for b in self._attached if shiboken6.isValid(b))
        corner.setVisible(not shown)

    def set_session_mix(self, layers: Layers) -> Layers:
        """Change a running session's layers (RuntimeError when none runs); the mix now."""
        self.director.set_mix(layers)
        self._sync_panel()
        return self.director.mix

    def _on_layers_edited(self, layers: Layers) -> None:
        try:
            if self._session.engine.state not in ACTIVE_STATES and self.ambience.ambience.layers:
                self.ambience.set_layers(layers)
            else:
                self.director.set_mix(layers)
        except RuntimeError as exc:
            self.panel.show_message(str(exc))
        self._sync_panel()

    def _prewarm(self) -> None:
        """Render the default soundscape ahead of use, when it plays as a loop (built-ins are
        generated while they play unless ACUMAT_SOUND_LOOPS=1; imported sounds are cached when
        imported): then there is nothing to render and no child is started."""
        if self._closed or not plays_loops():
            return
        default = self._settings.settings.sound.default_soundscape
        try:
            ids = [sid for sid, _ in self.resolve(default)]
        except ValueError as exc:
            log.warning("Default soundscape not usable: %s", exc)
            return
        ids = [sid for sid in ids if not self.catalogue.is_cached(sid)]
        if not ids:
            return
        # A child process: the render's CPU and buffers never land in the long-running app.
        process = QProcess(self)
        process.setProgram(sys.executable)
        process.setArguments(
            ["-m", "acumat_desktop.services.audio.prerender", str(self.catalogue.cache_dir), *ids]
        )
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.finished.connect(self._prewarm_done)
        self.prewarm_process = process
        process.start()

    def _prewarm_done(self, code: int, status: QProcess.ExitStatus) -> None:
        if code != 0 or status != QProcess.ExitStatus.NormalExit:
            log.warning("pre-rendering the default soundscape failed (exit %s)", code)
        process = self.prewarm_process
        self.prewarm_process = None
        if process is not None:
            process.deleteLater()

    def _on_notice(self, text: str) -> None:
        if shiboken6.isValid(self._window):
            self._window.show_warning(text)
        tray = self._tray
        if tray is not None and not self._told_tray:
            self._told_tray = True
            tray.message(APP_DISPLAY_NAME, text)

    def shutdown(self) -> None:
        """Nothing of the sound fires from now on: its signals are cut, its timers stopped,
        a pre-render is ended, the speech connection closed and the audio thread stopped."""
        if self._closed:
            return
        self._closed = True
        self._links.cut()
        if shiboken6.isValid(self._window):  # a test may delete the window first
            self._window.removeEventFilter(self)
        for button in self._attached:
            if shiboken6.isValid(button):
                button.removeEventFilter(self)
        self.ambience.shutdown()
        self.director.shutdown()
        if self._speech is not None:
            self._speech.shutdown()
        process, self.prewarm_process = self.prewarm_process, None
        if process is not None:  # the cache is written atomically: stopping loses nothing
            process.finished.disconnect(self._prewarm_done)
            process.kill()
            process.waitForFinished(2000)
        if self._engine is not None:
            self._engine.shutdown()

    # --- saved mixes and imports --------------------------------------------------------------
    def _save_mix(self, name: str) -> None:
        try:
            self.presets.save(name, self.panel.layers())
        except (ValueError, OSError) as exc:
            self.panel.show_message(self.tr("Could not save the mix: {0}").format(exc))
            return
        self.panel.set_mixes(self.presets.names())
        self.panel.show_message(self.tr("Saved the mix “{0}”.").format(name.strip()))

    def _use_mix(self, name: str) -> None:
        if self._session.engine.state in ACTIVE_STATES:
            self._on_layers_edited(self.resolve(name))
        else:
            self.preview(name)

    def _import(self, path: Path) -> None:
        self.panel.show_message(self.tr("Importing {0}…").format(path.name))
        self.importer.import_file(path)

    def _on_imported(self, info: SoundInfo) -> None:
        self.panel.set_sounds(self.sounds())
        self.panel.show_message(self.tr("Imported {0}.").format(info.name))

    def _on_import_failed(self, message: str) -> None:
        self.panel.show_message(message)
        self._window.show_notice(message)
