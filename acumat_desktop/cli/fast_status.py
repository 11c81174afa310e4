"""``acumat status --json`` for status bars that poll it: the standard library only.

Importing the whole command line (argparse, platformdirs, every command) costs ~45 ms, the
running app answers in well under a millisecond. This path connects straight to the app's
socket on Linux and prints the ``result`` exactly as ``print_json`` would; anything unexpected
(no runtime folder, no app, another platform, a reply that is not a plain success) returns None
and the full command line answers instead, with its messages and exit codes.
"""

from __future__ import annotations

import json
import os
import socket
import sys

APP_NAME = "acumat-desktop"  # as in acumat_desktop.APP_NAME; kept here so nothing else loads
REQUEST = b'{"v":1,"id":1,"cmd":"status","args":{}}\n'
TIMEOUT_S = 1.5
MAX_REPLY = 1 << 20


def status_json() -> int | None:
    """Print the status and return 0, or None to let the full command line answer."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if not sys.platform.startswith("linux") or not runtime:
        return None
    path = os.path.join(runtime, APP_NAME, "control.sock")
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(TIMEOUT_S)
            sock.connect(path)
            sock.sendall(REQUEST)
            line = _read_line(sock)
    except OSError:
        return None
    try:
        reply = json.loads(line)
    except (ValueError, RecursionError):  # as decode_reply: a reply nested past the limit
        return None
    if not isinstance(reply, dict) or reply.get("ok") is not True or "result" not in reply:
        return None
    sys.stdout.write(json.dumps(reply["result"], indent=None, separators=(",", ":")) + "\n")
    return 0


def _read_line(sock: socket.socket) -> bytes:
    buffer = b""
    while b"\n" not in buffer and len(buffer) < MAX_REPLY:
        chunk = sock.recv(65536)
        if not chunk:
            break
        buffer += chunk
    return buffer.partition(b"\n")[0]
