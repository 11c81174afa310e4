"""Bounded QtDBus calls for the keep-awake backends, including calls with ``u`` arguments.

PySide6 marshals a Python int as ``i`` or ``x`` (and ``QDBusArgument << int`` as ``q``), never as
``u``, and GDBus servers (gnome-session, xdg-desktop-portal) reject a call whose signature
differs. A ``QDBusInterface`` builds its methods from the service's own introspection; invoking
one through ``QMetaObject.invokeMethod`` with ``Q_ARG("uint", n)`` marshals the declared D-Bus
types. Its constructor introspects with Qt's default 25 s timeout (once per interface name and
connection: QtDBus caches the result), so :func:`typed_call` first introspects with a short
timeout itself and gives up when the service does not answer. Every call here is bounded.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, Qt
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

from acumat_desktop.services.idle._dbus import call as dbus_call
from acumat_desktop.services.keep_awake.base import TIMEOUT_MS

log = logging.getLogger(__name__)

INTROSPECTABLE = "org.freedesktop.DBus.Introspectable"


def call(
    bus: QDBusConnection,
    service: str,
    path: str,
    interface: str,
    method: str,
    *args: Any,
    timeout_ms: int = TIMEOUT_MS,
) -> list[Any] | None:
    """The reply's arguments, or None on any error or timeout (logged at debug): the idle
    sources' one D-Bus call, with keep-awake's longer default timeout."""
    return dbus_call(bus, service, path, interface, method, *args, timeout_ms=timeout_ms)


def send(bus: QDBusConnection, service: str, path: str, interface: str, method: str) -> bool:
    """A call without arguments whose reply nobody waits for (releasing must never block)."""
    if not bus.isConnected():
        return False
    return bool(bus.send(QDBusMessage.createMethodCall(service, path, interface, method)))


def has_method(xml: str, interface: str, method: str) -> bool:
    """Whether introspection ``xml`` declares ``interface`` with ``method``."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError:
        return False
    return any(
        node.get("name") == interface and any(m.get("name") == method for m in node.iter("method"))
        for node in root.iter("interface")
    )


def provides(
    bus: QDBusConnection,
    service: str,
    path: str,
    interface: str,
    method: str,
    timeout_ms: int = TIMEOUT_MS,
) -> bool:
    """The object answers introspection in time and declares ``interface.method``."""
    out = call(bus, service, path, INTROSPECTABLE, "Introspect", timeout_ms=timeout_ms)
    xml = out[0] if out else None
    return isinstance(xml, str) and has_method(xml, interface, method)


def typed_call(
    bus: QDBusConnection,
    target: tuple[str, str, str],
    method: str,
    args: Sequence[tuple[str, Any]],
    result: str | None = None,
    timeout_ms: int = TIMEOUT_MS,
) -> tuple[bool, Any]:
    """Call ``method`` of ``target`` = (service, path, interface) with Qt-typed ``args``
    (e.g. ``("uint", 12)``); ``(ok, return value)``. False when the service does not answer
    in time, lacks the method with these types, or replies with an error."""
    service, path, interface = target
    if not provides(bus, service, path, interface, method, timeout_ms):
        return False, None
    proxy = QDBusInterface(service, path, interface, bus)
    signature = f"{method}({','.join(kind for kind, _ in args)})"
    if not proxy.isValid() or proxy.metaObject().indexOfMethod(signature) < 0:
        log.debug("%s on %s has no %s", interface, service, signature)
        return False, None
    proxy.setTimeout(timeout_ms)
    q_args = [Q_ARG(kind, value) for kind, value in args]
    invoke: Any = QMetaObject.invokeMethod
    direct = Qt.ConnectionType.DirectConnection
    if result is None:
        value = invoke(proxy, method, direct, *q_args)
    else:
        value = invoke(proxy, method, direct, Q_RETURN_ARG(result), *q_args)
    error = proxy.lastError()
    if error.isValid():
        log.debug("%s.%s on %s: %s", interface, method, service, error.name())
        return False, None
    return True, value
