"""Things the user is told only once (closing to the tray, no tray found), remembered on disk."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from acumat_desktop.services.settings_store import atomic_write_text

log = logging.getLogger(__name__)


class OnceNotices:
    def __init__(self, path: Path) -> None:
        self._path = path
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            self._seen = set(data) if isinstance(data, list) else set()
        except (OSError, ValueError):
            self._seen = set()

    def first_time(self, key: str) -> bool:
        """True the first time ``key`` is asked about; remembers it."""
        if key in self._seen:
            return False
        self._seen.add(key)
        try:
            atomic_write_text(self._path, json.dumps(sorted(self._seen)))
        except OSError as exc:
            log.warning("could not remember notice %s: %s", key, exc)
        return True
