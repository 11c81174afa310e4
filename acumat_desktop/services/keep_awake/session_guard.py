"""Keep the computer awake while a person lies on the mat: from a session's start, through its
pauses, to its end, stop or the app quitting, and only while the setting allows it."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from acumat_desktop.services.keep_awake.base import KeepAwake
from acumat_desktop.services.keep_awake.null import NullKeepAwake

log = logging.getLogger(__name__)

REASON = "An acupressure mat session is in progress"
UNKNOWN = "unknown"  # the method before it was chosen
_CONTEXT = "KeepAwake"
_LABELS = {
    "portal": QT_TRANSLATE_NOOP("KeepAwake", "the desktop portal"),
    "gnome-session": QT_TRANSLATE_NOOP("KeepAwake", "the GNOME session manager"),
    "screensaver": QT_TRANSLATE_NOOP("KeepAwake", "the desktop's screen saver service"),
    "logind": QT_TRANSLATE_NOOP("KeepAwake", "logind (blocks suspend)"),
    "xss": QT_TRANSLATE_NOOP("KeepAwake", "the X screen saver"),
    "windows": QT_TRANSLATE_NOOP("KeepAwake", "Windows power requests"),
    "macos": QT_TRANSLATE_NOOP("KeepAwake", "a macOS power assertion"),
}
NONE_LABEL = QT_TRANSLATE_NOOP(
    "KeepAwake", "nothing found on this computer: the screen may lock during a session"
)


def describe(method: str) -> str:
    """Words for the settings row, e.g. "portal+logind" -> "the desktop portal and logind
    (blocks suspend)"; "none" says what that means for the person on the mat."""
    if method == "none":
        return QCoreApplication.translate(_CONTEXT, str(NONE_LABEL))
    parts = method.split("+")
    words = [QCoreApplication.translate(_CONTEXT, str(_LABELS.get(p, p))) for p in parts]
    return QCoreApplication.translate(_CONTEXT, " and ").join(words)


class SessionKeepAwake(QObject):
    """Holds ``backend`` while a session is active (running or paused) and enabled.

    ``backend`` may be a callable such as :func:`create_keep_awake`: it is then called the
    first time a session starts or the method is asked for, so probing D-Bus (bounded, but
    possibly starting the portal) never delays the app's start.

    ``held_changed(bool)`` follows the OS inhibition. A hold the OS refuses is not retried
    until the session becomes active again or the setting is turned back on, so a hung service
    costs one bounded timeout, not one per state change. After :meth:`shutdown` nothing is held
    again.
    """

    held_changed = Signal(bool)

    def __init__(
        self,
        backend: KeepAwake | Callable[[], KeepAwake],
        *,
        enabled: bool = True,
        reason: str = REASON,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend: KeepAwake | None = backend if isinstance(backend, KeepAwake) else None
        self._make = None if isinstance(backend, KeepAwake) else backend
        self._enabled = enabled
        self._reason = reason
        self._active = False
        self._closed = False
        self._wanted = False

    @property
    def backend(self) -> KeepAwake:
        """The backend, chosen now if it was not yet."""
        if self._backend is None:
            assert self._make is not None
            try:
                self._backend = self._make()
            except Exception:  # choosing must never break the app
                log.exception("could not choose a keep-awake method")
                self._backend = NullKeepAwake()
        return self._backend

    @property
    def method(self) -> str:
        """The method this computer offers (for settings), "none" when there is none."""
        return self.backend.method

    @property
    def description(self) -> str:
        """:attr:`method` in words, for the settings page."""
        return describe(self.method)

    @property
    def method_in_use(self) -> str:
        """The method sessions use (``status --json`` ``session.keep_awake``); "none" when
        there is none or the setting is off; "unknown" until it was chosen (at the first
        session, or when the settings show it): asking never probes, so a status bar polling
        an idle app costs no D-Bus round trips and loads none of the backends."""
        if not self._enabled or self._closed:
            return "none"
        return self._backend.method if self._backend is not None else UNKNOWN

    @property
    def held(self) -> bool:
        return self._backend is not None and self._backend.held

    @property
    def enabled(self) -> bool:
        return self._enabled

    def status(self) -> dict[str, str | bool]:
        return {"method": self.method_in_use, "held": self.held}

    def set_active(self, active: bool) -> None:
        """True while a session runs or is paused; False when it ends or stops."""
        self._active = active
        self._apply()

    on_session_active = set_active

    def set_enabled(self, enabled: bool) -> None:
        """Follow ``settings.session.keep_awake``; turning it off mid-session releases."""
        self._enabled = enabled
        self._apply()

    def shutdown(self) -> None:
        """The app quits: release, and never hold again."""
        self._closed = True
        self._apply()

    def _apply(self) -> None:
        want = self._active and self._enabled and not self._closed
        if want == self._wanted:
            return
        self._wanted = want
        if not want and self._backend is None:
            return  # never chosen, so nothing to release
        backend = self.backend
        before = backend.held
        try:
            if want:
                if not backend.hold(self._reason):
                    log.warning("could not keep the computer awake (%s)", backend.method)
            else:
                backend.release()
        except Exception:  # a broken backend must never break a session
            log.exception("keep-awake %s failed", backend.method)
        if backend.held != before:
            self.held_changed.emit(backend.held)
