"""A fake freedesktop notification server for tests, on Gio (GLib's D-Bus), which checks every
call's signature against the interface the way GNOME Shell, dunst and mako do.

Run with a Python that has PyGObject (``/usr/bin/python3``): ``fake_notifications.py ADDRESS``;
prints ``ready`` once it owns org.freedesktop.Notifications. Control interface
``org.acumat.FakeNotifications`` on the same object: ``Calls() -> s`` (JSON list of the calls
received), ``Invoke(u id, s key)`` emits ActionInvoked, ``Dismiss(u id, u reason)`` emits
NotificationClosed.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from gi.repository import Gio, GLib  # type: ignore[import-not-found]

XML = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
  </interface>
  <interface name="org.acumat.FakeNotifications">
    <method name="Calls"><arg type="s" direction="out"/></method>
    <method name="Invoke"><arg type="u" direction="in"/><arg type="s" direction="in"/></method>
    <method name="Dismiss"><arg type="u" direction="in"/><arg type="u" direction="in"/></method>
  </interface>
</node>
"""
PATH = "/org/freedesktop/Notifications"
IFACE = "org.freedesktop.Notifications"


class Server:
    def __init__(self, connection: Gio.DBusConnection) -> None:
        self.connection = connection
        self.calls: list[dict[str, object]] = []
        self.next_id = 1

    def signal(self, name: str, value: GLib.Variant) -> None:
        self.connection.emit_signal(None, PATH, IFACE, name, value)

    def on_call(
        self,
        conn: Any,
        sender: str,
        path: str,
        iface: str,
        method: str,
        params: Any,
        invocation: Any,
    ) -> None:
        args = params.unpack()
        if method == "Notify":
            app, replaces, _icon, summary, body, actions, hints, timeout = args
            nid = replaces or self.next_id
            if not replaces:
                self.next_id += 1
            self.calls.append(
                {
                    "method": method,
                    "app": app,
                    "replaces": replaces,
                    "id": nid,
                    "summary": summary,
                    "body": body,
                    "actions": actions,
                    "hints": sorted(hints),
                    "timeout": timeout,
                }
            )
            invocation.return_value(GLib.Variant("(u)", (nid,)))
        elif method == "CloseNotification":
            self.calls.append({"method": method, "id": args[0]})
            invocation.return_value(None)
            self.signal("NotificationClosed", GLib.Variant("(uu)", (args[0], 3)))
        elif method == "GetCapabilities":
            invocation.return_value(GLib.Variant("(as)", (["actions", "body"],)))
        elif method == "GetServerInformation":
            invocation.return_value(GLib.Variant("(ssss)", ("fake", "acumat", "1", "1.2")))
        elif method == "Calls":
            invocation.return_value(GLib.Variant("(s)", (json.dumps(self.calls),)))
        elif method == "Invoke":
            invocation.return_value(None)
            self.signal("ActionInvoked", GLib.Variant("(us)", tuple(args)))
        elif method == "Dismiss":
            invocation.return_value(None)
            self.signal("NotificationClosed", GLib.Variant("(uu)", tuple(args)))


def main() -> None:
    flags = (
        Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT
        | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION
    )
    conn = Gio.DBusConnection.new_for_address_sync(sys.argv[1], flags, None, None)
    server = Server(conn)
    node = Gio.DBusNodeInfo.new_for_xml(XML)
    for info in node.interfaces:
        conn.register_object(PATH, info, server.on_call, None, None)
    reply = conn.call_sync(
        "org.freedesktop.DBus",
        "/org/freedesktop/DBus",
        "org.freedesktop.DBus",
        "RequestName",
        GLib.Variant("(su)", (IFACE, 4)),
        None,
        Gio.DBusCallFlags.NONE,
        -1,
        None,
    )
    if reply.unpack()[0] != 1:
        sys.exit("cannot own org.freedesktop.Notifications")
    print("ready", flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
