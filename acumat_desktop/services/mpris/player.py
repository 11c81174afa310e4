"""An MPRIS 2.2 player on a QtDBus connection: media keys, headset buttons and the desktop's
media controls (GNOME Shell, KDE Plasma, playerctl) reach the app through it.

A ``QDBusVirtualObject`` answers ``/org/mpris/MediaPlayer2`` itself: the introspection data,
``Get``/``GetAll``/``Set`` and the methods, with replies built by ``_wire`` so that every value
has the type the specification gives it (``Metadata`` ``a{sv}``, ``mpris:length`` and
``Position`` ``x``, ``mpris:trackid`` ``o``, ``xesam:artist`` ``as``). It reads what plays from a
callable returning ``NowPlaying`` and acts through ``PlayerControls``; it imports nothing of
the session. ``changed()`` announces what differs since the last announcement with
``PropertiesChanged`` (``Position`` is read on demand, as the specification wants).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtDBus import (
    QDBusArgument,
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
    QDBusVirtualObject,
)

from acumat_desktop.services.mpris import _wire
from acumat_desktop.services.mpris._spec import (
    BUS_NAME_PREFIX,
    NO_TRACK,
    OBJECT_PATH,
    PLAYER,
    PLAYER_XML,
    PROPERTIES,
    ROOT,
    ROOT_XML,
    PlaybackStatus,
)

log = logging.getLogger(__name__)

Action = Callable[[], None]
Value = str | bool | float | int | tuple[object, ...]
Props = dict[str, Value]


@dataclass(frozen=True)
class NowPlaying:
    """What the player shows; times in microseconds."""

    status: PlaybackStatus = PlaybackStatus.STOPPED
    track_id: str = NO_TRACK  # an object path, new for each session
    title: str = ""
    artists: tuple[str, ...] = ()
    album: str = ""
    length_us: int = 0
    position_us: int = 0
    can_play: bool = False
    can_pause: bool = False


@dataclass(frozen=True)
class PlayerControls:
    """What the methods do. ``None`` for ``next``/``quit`` means unsupported (CanGoNext and
    CanQuit are then false and the call does nothing)."""

    play: Action
    pause: Action
    play_pause: Action
    stop: Action
    raise_window: Action
    next: Action | None = None
    quit: Action | None = None


class MprisPlayer(QDBusVirtualObject):
    """``org.mpris.MediaPlayer2`` and ``.Player`` at ``/org/mpris/MediaPlayer2`` on ``bus``,
    under ``org.mpris.MediaPlayer2.<name>`` while ``publish()``-ed."""

    def __init__(
        self,
        bus: QDBusConnection,
        now: Callable[[], NowPlaying],
        controls: PlayerControls,
        *,
        name: str,
        identity: str,
        desktop_entry: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bus = bus
        self._now = now
        self._controls = controls
        self.service = BUS_NAME_PREFIX + name
        self._identity = identity
        self._desktop_entry = desktop_entry.removesuffix(".desktop")
        self._int64 = _wire.Int64Source(bus, self)
        self._announced: dict[str, Props] = {}
        subtree = QDBusConnection.VirtualObjectRegisterOption.SingleNode
        self.exported = bus.isConnected() and bus.registerVirtualObject(OBJECT_PATH, self, subtree)
        self.published = False

    # -- the bus name ------------------------------------------------------------------------
    def publish(self) -> bool:
        """Own the player's bus name (desktops look for ``org.mpris.MediaPlayer2.*``)."""
        if self.published or not self.exported:
            return self.published
        self._announced = {ROOT: self._root_props(), PLAYER: self._player_props(self._now())}
        self.published = self._bus.registerService(self.service)
        if not self.published:
            log.warning("MPRIS: cannot own %s: %s", self.service, self._bus.lastError().message())
        return self.published

    def withdraw(self) -> None:
        """Give the name back: the desktop forgets the player."""
        if self.published:
            self._bus.unregisterService(self.service)
            self.published = False

    def close(self) -> None:
        self.withdraw()
        if self.exported:
            self._bus.unregisterObject(OBJECT_PATH)
            self.exported = False
        self._int64.close()

    # -- announcing --------------------------------------------------------------------------
    def changed(self) -> None:
        """Send ``PropertiesChanged`` for what differs from what was last announced."""
        if not self.published:
            return
        now = self._now()
        current = {ROOT: self._root_props(), PLAYER: self._player_props(now)}
        for interface, props in current.items():
            before = self._announced.get(interface, {})
            diff = [k for k, v in props.items() if before.get(k) != v]
            if diff:
                self._emit_changed(interface, [(k, self._wire(k, props[k], now)) for k in diff])
        self._announced = current

    def _emit_changed(self, interface: str, entries: list[tuple[str, _wire.Plain]]) -> None:
        signal = QDBusMessage.createSignal(OBJECT_PATH, PROPERTIES, "PropertiesChanged")
        signal.setArguments([interface, _wire.vardict(entries), _wire.strings(())])
        if not self._bus.send(signal):
            log.debug("MPRIS: PropertiesChanged not sent: %s", self._bus.lastError().message())

    # -- the properties ----------------------------------------------------------------------
    # Kept as plain comparable values (str, bool, float, tuple) and typed by ``_wire`` when sent.
    def _root_props(self) -> Props:
        return {
            "CanQuit": self._controls.quit is not None,
            "CanRaise": True,
            "HasTrackList": False,
            "Identity": self._identity,
            "DesktopEntry": self._desktop_entry,
            "SupportedUriSchemes": (),
            "SupportedMimeTypes": (),
        }

    def _player_props(self, now: NowPlaying) -> Props:
        """Every Player property but ``Position`` (never announced, read on demand)."""
        return {
            "PlaybackStatus": str(now.status),
            "Rate": 1.0,
            "Metadata": (now.track_id, now.title, now.artists, now.album, now.length_us),
            "Volume": 1.0,
            "MinimumRate": 1.0,
            "MaximumRate": 1.0,
            "CanGoNext": self._controls.next is not None,
            "CanGoPrevious": False,
            "CanPlay": now.can_play,
            "CanPause": now.can_pause,
            "CanSeek": False,
            "CanControl": True,
        }

    def _wire(self, name: str, value: Value, now: NowPlaying) -> _wire.Plain:
        if name == "Metadata":
            return self.metadata(now)
        if name == "Position":
            return self._int64.int64(now.position_us)
        if isinstance(value, tuple):
            return _wire.strings(str(item) for item in value)
        return value

    def metadata(self, now: NowPlaying) -> QDBusArgument:
        """``a{sv}``: trackid ``o``, length ``x`` (µs), title ``s``, artist ``as``."""
        if now.track_id == NO_TRACK and not now.title:
            return _wire.vardict([("mpris:trackid", QDBusObjectPath(NO_TRACK))])
        entries: list[tuple[str, _wire.Plain]] = [
            ("mpris:trackid", QDBusObjectPath(now.track_id)),
            ("mpris:length", self._int64.int64(now.length_us)),
            ("xesam:title", now.title),
            ("xesam:artist", _wire.strings(now.artists)),
        ]
        if now.album:
            entries.append(("xesam:album", now.album))
        return _wire.vardict(entries)

    def _props(self, interface: str, now: NowPlaying) -> Props | None:
        if interface == ROOT:
            return self._root_props()
        if interface == PLAYER:
            return {**self._player_props(now), "Position": now.position_us}
        return None

    # -- QDBusVirtualObject ------------------------------------------------------------------
    def introspect(self, path: str) -> str:
        return ROOT_XML + PLAYER_XML

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        if message.type() != QDBusMessage.MessageType.MethodCallMessage:
            return False
        interface, member = message.interface(), message.member()
        try:
            if interface == PROPERTIES:
                return self._properties(message, connection, member)
            if interface in (ROOT, PLAYER, ""):
                return self._method(message, connection, member)
        except Exception:
            log.exception("MPRIS: %s.%s failed", interface, member)
            connection.send(
                message.createErrorReply("org.freedesktop.DBus.Error.Failed", f"{member} failed")
            )
            return True
        return False

    def _properties(self, message: QDBusMessage, connection: QDBusConnection, member: str) -> bool:
        args = message.arguments()
        if member == "GetAll" and len(args) == 1:
            now = self._now()
            props = self._props(str(args[0]), now)
            if props is None:
                return self._error(message, connection, "UnknownInterface", str(args[0]))
            entries = [(k, self._wire(k, v, now)) for k, v in props.items()]
            return self._reply(message, connection, [_wire.vardict(entries)])
        if member == "Get" and len(args) == 2:
            now, name = self._now(), str(args[1])
            props = self._props(str(args[0]), now) or {}
            if name not in props:
                return self._error(message, connection, "UnknownProperty", name)
            typed = self._wire(name, props[name], now)
            return self._reply(message, connection, [_wire.variant(typed)])
        if member == "Set" and len(args) == 3:
            return self._error(message, connection, "PropertyReadOnly", str(args[1]))
        return self._error(message, connection, "InvalidArgs", member)

    def _method(self, message: QDBusMessage, connection: QDBusConnection, member: str) -> bool:
        c = self._controls
        actions: dict[str, Action | None] = {
            "Raise": c.raise_window,
            "Quit": c.quit,
            "Play": c.play,
            "Pause": c.pause,
            "PlayPause": c.play_pause,
            "Stop": c.stop,
            "Next": c.next,
            "Previous": None,
            "Seek": None,
            "SetPosition": None,
            "OpenUri": None,
        }
        if member not in actions:
            return False
        action = actions[member]
        log.info("MPRIS: %s%s", member, "" if action is not None else " (not supported)")
        if action is not None:
            action()
        return self._reply(message, connection, [])

    @staticmethod
    def _reply(message: QDBusMessage, connection: QDBusConnection, out: list[object]) -> bool:
        reply = message.createReply()
        if out:
            reply.setArguments(out)
        connection.send(reply)
        return True

    @staticmethod
    def _error(message: QDBusMessage, connection: QDBusConnection, error: str, what: str) -> bool:
        connection.send(message.createErrorReply(f"org.freedesktop.DBus.Error.{error}", what))
        return True
