"""The user's saved mixes (layer sets with volumes), kept as JSON in the data folder."""

from __future__ import annotations

import json
import logging
import math
from pathlib import Path

from acumat_desktop.core.audio.mix import Layers
from acumat_desktop.services.settings_store import atomic_write_text

log = logging.getLogger(__name__)

MAX_NAME = 64


class MixPresets:
    """``mixes.json``: ``{"version": 1, "mixes": {"Name": [["rain", 0.7], ...]}}``. An unreadable
    file is logged and treated as empty (and kept until the next save replaces it)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> dict[str, Layers]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("Ignoring unreadable saved mixes in %s: %s", self.path, exc)
            return {}
        mixes = raw.get("mixes") if isinstance(raw, dict) else None
        if not isinstance(mixes, dict):
            return {}
        found: dict[str, Layers] = {}
        for name, layers in mixes.items():
            try:
                found[str(name)] = [(str(sid), _volume(vol)) for sid, vol in layers]
            except (TypeError, ValueError):
                log.warning("Ignoring saved mix %r: malformed", name)
        return found

    def names(self) -> list[str]:
        return sorted(self.load(), key=str.casefold)

    def get(self, name: str) -> Layers | None:
        return self.load().get(name)

    def save(self, name: str, layers: Layers) -> None:
        """Add or replace the mix ``name``; raises ValueError for an empty name or mix."""
        name = name.strip()
        if not name or len(name) > MAX_NAME:
            raise ValueError(f"a mix needs a name of 1 to {MAX_NAME} characters")
        if not layers:
            raise ValueError("a mix needs at least one layer")
        mixes = self.load()
        mixes[name] = [(sid, _volume(vol)) for sid, vol in layers]
        data = {"version": 1, "mixes": {k: [[s, v] for s, v in m] for k, m in mixes.items()}}
        atomic_write_text(self.path, json.dumps(data, indent=2))


def _volume(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("volume must be a number")
    volume = float(value)
    if not math.isfinite(volume) or not 0.0 <= volume <= 1.0:
        raise ValueError("volume must be between 0 and 1")
    return volume
