"""The bare baseline for ``acumat status --json``: connect to the socket, ask, read one line.

Plain standard library, the least a status bar's script could do. Usage:
``python bare_status_client.py SOCKET_PATH``.
"""

import socket
import sys

sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
sock.connect(sys.argv[1])
sock.sendall(b'{"v":1,"id":1,"cmd":"status","args":{}}\n')
data = b""
while b"\n" not in data:
    chunk = sock.recv(65536)
    if not chunk:
        break
    data += chunk
sys.stdout.write(data.decode())
