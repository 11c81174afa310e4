"""Small blocking QtDBus helpers with a short timeout, shared by the D-Bus backed sources."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SLOT, QObject, Slot
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage, QDBusVariant

log = logging.getLogger(__name__)

TIMEOUT_MS = 500


def unwrap(value: Any) -> Any:
    return value.variant() if isinstance(value, QDBusVariant) else value


def call(
    bus: QDBusConnection,
    service: str,
    path: str,
    interface: str,
    method: str,
    *args: Any,
    timeout_ms: int = TIMEOUT_MS,
) -> list[Any] | None:
    """The reply's arguments, or None on any error (logged at debug: absent services are
    normal)."""
    if not bus.isConnected():
        return None
    message = QDBusMessage.createMethodCall(service, path, interface, method)
    if args:
        message.setArguments(list(args))
    reply = bus.call(message, QDBus.CallMode.Block, timeout_ms)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage:
        log.debug("%s.%s on %s: %s", interface, method, service, reply.errorName())
        return None
    return [unwrap(arg) for arg in reply.arguments()]


def get_property(
    bus: QDBusConnection, service: str, path: str, interface: str, name: str
) -> Any | None:
    out = call(bus, service, path, "org.freedesktop.DBus.Properties", "Get", interface, name)
    return out[0] if out else None


def as_ms(values: list[Any] | None) -> float | None:
    """The first reply argument as milliseconds, or None when it is not a number."""
    if not values:
        return None
    value = values[0]
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


class SignalWatch(QObject):
    """Runs ``callback(message)`` for each signal subscribed with ``add`` (QtDBus delivers
    signals to a QObject's slot), until ``close`` drops the subscriptions and their match
    rules, so the bus stops sending them."""

    _SLOT = "on_signal(QDBusMessage)"

    def __init__(self, bus: QDBusConnection, callback: Callable[[QDBusMessage], None]) -> None:
        super().__init__()
        self._bus = bus
        self._callback = callback
        self._subscribed: list[tuple[str, str, str, str]] = []

    def add(self, service: str, path: str, interface: str, member: str) -> bool:
        # The stubs say bytes, but QDBusConnection.connect accepts only the str SLOT() gives.
        slot: Any = SLOT(self._SLOT)
        if not self._bus.connect(service, path, interface, member, self, slot):
            log.debug("cannot subscribe to %s.%s on %s", interface, member, service)
            return False
        self._subscribed.append((service, path, interface, member))
        return True

    @Slot(QDBusMessage)
    def on_signal(self, message: QDBusMessage) -> None:
        self._callback(message)

    def close(self) -> None:
        slot: Any = SLOT(self._SLOT)
        for service, path, interface, member in self._subscribed:
            self._bus.disconnect(service, path, interface, member, self, slot)
        self._subscribed.clear()
