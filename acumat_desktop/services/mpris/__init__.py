"""MPRIS: the app as a media player on the session bus, for media keys and desktop controls."""

from acumat_desktop.services.mpris._spec import NO_TRACK, OBJECT_PATH, PLAYER, ROOT, PlaybackStatus
from acumat_desktop.services.mpris.player import MprisPlayer, NowPlaying, PlayerControls

__all__ = [
    "NO_TRACK",
    "OBJECT_PATH",
    "PLAYER",
    "ROOT",
    "MprisPlayer",
    "NowPlaying",
    "PlaybackStatus",
    "PlayerControls",
]
