"""Media keys, headset buttons and the desktop's media controls drive the session over MPRIS.

Someone lying on the mat with closed eyes reaches for the play/pause key, not the mouse. While
a session is active (countdown, running or paused) the app is an MPRIS player named
``org.mpris.MediaPlayer2.acumat``: Playing while it runs or counts down, Paused while paused.
Play resumes, Pause pauses, PlayPause toggles, Stop stops, Raise brings the window forward.
While ambience plays without a session (``acumat sounds play``, a preview, the tray) the app is
a player too, showing the mix's name: Pause and Play fade it out and back (its sleep timer
waits), Stop stops it; a session started over it takes the player over. When the session ends
(or the ambience), the player says Stopped and leaves the bus, so the desktop forgets it and the
keys go back to whatever else plays. Next, Previous, Seek and Quit are not offered
(CanGoNext, CanGoPrevious, CanSeek and CanQuit are false): a stray key must not end a session.
Without a session bus this is silently off (logged once).
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtDBus import QDBusConnection

from acumat_desktop import APP_DISPLAY_NAME, DESKTOP_FILE_ID
from acumat_desktop.core.audio.ambience import AmbienceState
from acumat_desktop.core.audio.mix import NO_SOUND, parse_mix
from acumat_desktop.core.session import ACTIVE_STATES, SessionEvent, SessionState
from acumat_desktop.services.mpris import (
    MprisPlayer,
    NowPlaying,
    PlaybackStatus,
    PlayerControls,
)
from acumat_desktop.services.session_service import SessionService
from acumat_desktop.services.shutdown import ShutdownManager
from acumat_desktop.wiring.ports import AmbiencePlayer, SoundLister

log = logging.getLogger(__name__)

BUS_NAME = "acumat"  # org.mpris.MediaPlayer2.acumat
TRACK_PATH = "/io/github/acumat/session/"
AMBIENCE_PATH = "/io/github/acumat/ambience/"
PLAYING = frozenset({SessionState.RUNNING, SessionState.COUNTDOWN})
US = 1_000_000


class Window(Protocol):
    """The part of the main window this uses."""

    def bring_forward(self) -> None: ...


def sound_names(spec: str | None, sounds: SoundLister | None) -> tuple[str, ...]:
    """The names of what plays: ``rain:0.7,wind:0.3`` -> ("Rain", "Wind"); none -> ()."""
    if not spec or spec == NO_SOUND:
        return ()
    known = {row["id"]: row["name"] for row in sounds.sounds()} if sounds is not None else {}
    try:
        ids = [sound_id for sound_id, _ in parse_mix(spec)]
    except ValueError:  # a saved mix's name
        return (spec,)
    return tuple(known.get(sound_id, sound_id) for sound_id in ids) or (spec,)


class MediaKeysFeature(QObject):
    def __init__(
        self,
        *,
        parent: QObject,
        session: SessionService,
        window: Window,
        bus: QDBusConnection | None,
        shutdown: ShutdownManager,
        sounds: SoundLister | None = None,
        ambience: AmbiencePlayer | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._window = window
        self._sounds = sounds
        self._ambience = ambience
        self._showing: str | None = None  # "session" or "ambience" while published
        self._track = 0
        self._artists: tuple[str, ...] = ()
        self.player: MprisPlayer | None = None
        if bus is None or not bus.isConnected():
            log.info("no D-Bus session bus: media keys and desktop media controls are off")
            return
        controls = PlayerControls(
            play=self.play,
            pause=self.pause,
            play_pause=self.play_pause,
            stop=self.stop,
            raise_window=window.bring_forward,
        )
        self.player = MprisPlayer(
            bus,
            self.now_playing,
            controls,
            name=BUS_NAME,
            identity=APP_DISPLAY_NAME,
            desktop_entry=DESKTOP_FILE_ID,
            parent=self,
        )
        if not self.player.exported:
            log.warning("MPRIS: cannot export the player object; media keys are off")
        session.state_changed.connect(self._on_state)
        session.happened.connect(self._on_event)
        if ambience is not None:
            ambience.watch(lambda: self._on_state(session.state))
        shutdown.register("media keys", self.close)
        self._on_state(session.state)

    # -- what the keys do --------------------------------------------------------------------
    def play(self) -> None:
        if self._session.state is SessionState.PAUSED:
            self._session.resume()
        elif self._ambience_state() is AmbienceState.PAUSED and self._ambience is not None:
            self._ambience.resume()

    def pause(self) -> None:
        if self._session.state in PLAYING:
            self._session.pause()
        elif self._ambience_state() is AmbienceState.PLAYING and self._ambience is not None:
            self._ambience.pause()

    def play_pause(self) -> None:
        if self._session.state in ACTIVE_STATES:
            if self._session.state is SessionState.PAUSED:
                self._session.resume()
            elif self._session.state in PLAYING:
                self._session.pause()
        elif self._ambience_state() is AmbienceState.PAUSED:
            self.play()
        else:
            self.pause()

    def stop(self) -> None:
        if self._session.state in ACTIVE_STATES:
            self._session.stop()
        elif self._ambience is not None:
            self._ambience.stop()

    def _ambience_state(self) -> AmbienceState:
        """The ambience's state, STOPPED while a session runs (it then has the sound)."""
        if self._ambience is None or self._session.state in ACTIVE_STATES:
            return AmbienceState.STOPPED
        return self._ambience.info().state

    # -- what the player shows ---------------------------------------------------------------
    def now_playing(self) -> NowPlaying:
        engine = self._session.engine
        state, plan = engine.state, engine.plan
        if state not in ACTIVE_STATES or plan is None:
            return self._ambience_playing()
        return NowPlaying(
            status=PlaybackStatus.PAUSED
            if state is SessionState.PAUSED
            else PlaybackStatus.PLAYING,
            track_id=f"{TRACK_PATH}{self._track}",
            title=plan.routine_name,
            artists=self._artists,
            album=APP_DISPLAY_NAME,
            length_us=round(engine.chosen_s * US),  # the minutes chosen, as the dial shows
            position_us=round(engine.elapsed_s * US),
            can_play=True,
            can_pause=True,
        )

    def _ambience_playing(self) -> NowPlaying:
        """Ambience without a session: its mix by name, Playing or Paused, no length."""
        ambience_state = self._ambience_state()
        if ambience_state is AmbienceState.STOPPED or self._ambience is None:
            return NowPlaying()
        info = self._ambience.info()
        return NowPlaying(
            status=PlaybackStatus.PAUSED
            if ambience_state is AmbienceState.PAUSED
            else PlaybackStatus.PLAYING,
            track_id=f"{AMBIENCE_PATH}{self._track}",
            title=", ".join(self._artists) or (info.mix or ""),
            artists=self._artists,
            album=APP_DISPLAY_NAME,
            can_play=True,
            can_pause=True,
        )

    def _on_state(self, state: SessionState) -> None:
        player = self.player
        if player is None:
            return
        showing = (
            "session"
            if state in ACTIVE_STATES
            else "ambience"
            if self._ambience_state() is not AmbienceState.STOPPED
            else None
        )
        if showing is not None:
            if not player.published or showing != self._showing:
                self._track += 1
                self._showing = showing
                self._artists = sound_names(self._playing_sound(showing), self._sounds)
                player.publish()
            player.changed()
        elif player.published:
            self._showing = None
            player.changed()  # Stopped, then gone
            player.withdraw()

    def _playing_sound(self, showing: str) -> str | None:
        if showing == "ambience" and self._ambience is not None:
            return self._ambience.info().mix
        plan = self._session.engine.plan
        return plan.sound if plan else None

    def _on_event(self, _event: SessionEvent) -> None:
        if self.player is not None:
            self.player.changed()  # e.g. "−1 min" changes the length

    def close(self) -> None:
        if self.player is not None:
            self.player.close()
            self.player = None
