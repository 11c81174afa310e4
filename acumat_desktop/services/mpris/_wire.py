"""D-Bus values with the exact types MPRIS asks for, written through QtDBus from PySide6 6.11.

What PySide6 does on its own (checked on the wire with ``gdbus``):

- a Python ``int`` becomes ``i`` when it fits 32 bits and ``x`` only above that, so a session
  of 20 minutes (1 200 000 000 µs) would go out as ``i``; ``QDBusArgument << int`` writes a
  ``q`` (uint16) and overflows; ``numpy.int64`` or an ``int`` subclass is not marshallable;
- a ``dict`` becomes ``a{sv}`` and each value is wrapped in a variant, so a ``QDBusVariant``
  put in it arrives as a variant inside a variant (``<<int64 5>>``);
- an empty ``list`` becomes ``av``, and ``QDBusArgument << str`` writes an ``as``;
- a value QtDBus cannot marshal inside a container makes libdbus abort the process.

What works, and is all this module uses:

- ``int64(n)``: a property declared ``qlonglong`` on a QObject exported on the same
  connection is read by QtDBus in C++, so ``Properties.Get`` on it answers a ``QDBusVariant``
  that really holds a ``qlonglong``. Called on our own unique name, QtDBus answers it in
  process (marshalled and demarshalled, never through the bus daemon). Values beyond 32 bits
  need no trip: PySide already makes them ``qlonglong``.
- ``vardict(...)`` and ``strings(...)``: a ``QDBusArgument`` built with ``beginMap`` /
  ``beginArray`` and ``appendVariant`` (which writes a ``str`` as ``s`` and a ``QDBusVariant``
  as ``v`` with the signature of what it holds). QtDBus re-reads such a marshalling argument
  from its start each time it is sent, so one can go out any number of times.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import ClassInfo, Property, QMetaType, QObject
from PySide6.QtDBus import (
    QDBus,
    QDBusArgument,
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
    QDBusVariant,
)

log = logging.getLogger(__name__)

INT64_PATH = "/io/github/acumat/int64"
INT64_INTERFACE = "io.github.acumat.Int64"
PROPERTIES = "org.freedesktop.DBus.Properties"
_INT32 = range(-(2**31), 2**31)

# What may go into a variant: each of these has a fixed D-Bus type (s, b, d, o, v, and the
# typed blobs from this module); nothing else is ever handed to QtDBus here.
Plain = str | bool | float | QDBusObjectPath | QDBusVariant | QDBusArgument


def _variant_type() -> QMetaType:
    return QMetaType.fromName(b"QDBusVariant")


def strings(items: Iterable[str]) -> QDBusArgument:
    """An ``as``, also when empty."""
    arg = QDBusArgument()
    arg.beginArray(QMetaType(QMetaType.Type.QString))
    for item in items:
        arg.appendVariant(str(item))
    arg.endArray()
    return arg


def variant(value: Plain) -> QDBusVariant:
    """``value`` in a variant, with its own type (a variant stays one level deep)."""
    if isinstance(value, QDBusVariant):
        return value
    if isinstance(value, bool | str | float | QDBusObjectPath | QDBusArgument):
        return QDBusVariant(value)
    raise TypeError(f"no fixed D-Bus type for {type(value).__name__}")


def vardict(entries: Iterable[tuple[str, Plain]]) -> QDBusArgument:
    """An ``a{sv}`` whose values keep their types (an ``int64`` stays ``x``)."""
    arg = QDBusArgument()
    arg.beginMap(QMetaType(QMetaType.Type.QString), _variant_type())
    for key, value in entries:
        arg.beginMapEntry()
        arg.appendVariant(str(key))
        arg.appendVariant(variant(value))
        arg.endMapEntry()
    arg.endMap()
    return arg


# Without ClassInfo, QtDBus would name the interface after the application name and domain.
# (The stubs do not know ClassInfo taking a dict.)
@ClassInfo({"D-Bus Interface": INT64_INTERFACE})  # type: ignore[call-arg]
class Int64Source(QObject):  # type: ignore[operator]
    """Makes ``QDBusVariant``s that hold a real ``qlonglong`` (D-Bus ``x``).

    Exported at ``INT64_PATH`` on the connection the player uses; ``int64(n)`` reads its
    ``Value`` property back through QtDBus's in-process path. If that ever fails, the value
    goes out as ``i`` (logged once) rather than not at all.
    """

    def __init__(self, bus: QDBusConnection, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus
        self._value = 0
        self._warned = False
        options = QDBusConnection.RegisterOption.ExportAllProperties
        self.exported = bus.isConnected() and bus.registerObject(INT64_PATH, self, options)

    def _get_value(self) -> int:
        return self._value

    # Declared qlonglong (the stubs only know Python types): QtDBus reads it in C++ as one.
    Value = Property("qlonglong", _get_value)  # type: ignore[arg-type]

    def int64(self, number: int) -> QDBusVariant:
        number = int(number)
        if number not in _INT32:
            return QDBusVariant(number)  # PySide makes it a qlonglong on its own
        if self.exported:
            self._value = number
            message = QDBusMessage.createMethodCall(
                self._bus.baseService(), INT64_PATH, PROPERTIES, "Get"
            )
            message.setArguments([INT64_INTERFACE, "Value"])
            reply = self._bus.call(message, QDBus.CallMode.Block, 1000)
            if reply.type() == QDBusMessage.MessageType.ReplyMessage:
                out = reply.arguments()
                if out and isinstance(out[0], QDBusVariant) and out[0].variant() == number:
                    return out[0]
        if not self._warned:
            self._warned = True
            log.warning("cannot make a D-Bus int64 here; MPRIS times go out as int32")
        return QDBusVariant(number)

    def close(self) -> None:
        if self.exported:
            self._bus.unregisterObject(INT64_PATH)
            self.exported = False
