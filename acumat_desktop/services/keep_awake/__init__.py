"""Keep the screen on and the computer awake during a session: one backend per platform
behind :class:`KeepAwake`, chosen at run time by :func:`create_keep_awake`, driven by
:class:`SessionKeepAwake`."""

from acumat_desktop.services.keep_awake.base import KeepAwake
from acumat_desktop.services.keep_awake.factory import Connections, create_keep_awake
from acumat_desktop.services.keep_awake.null import NullKeepAwake
from acumat_desktop.services.keep_awake.session_guard import SessionKeepAwake

__all__ = [
    "Connections",
    "KeepAwake",
    "NullKeepAwake",
    "SessionKeepAwake",
    "create_keep_awake",
]
