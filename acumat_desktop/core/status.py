"""The ``status --json`` contract, and the board that assembles it from each part's owner.

The board fills what a part's owner leaves out with the part's idle values (:data:`IDLE`, the
contract's shape) and refuses a key the contract does not have, nested keys included. The
contract with its types, as pydantic models, is :mod:`acumat_desktop.core.status_schema`
(``Status``, ``SessionStatus``, … are reachable from here too): scripts and tests check a reply
against it; the running app does without it, as building those models cost start-up time and
validating with them cost every status request.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

IDLE: dict[str, dict[str, Any]] = {
    "session": {
        "state": "idle",
        "routine": None,
        "planned_s": 0.0,
        "elapsed_s": 0.0,
        "remaining_s": 0.0,
        "countdown_remaining_s": 0.0,
        "breathing": {"pattern": None, "phase": None, "phase_remaining_s": None},
        "keep_awake": "none",
    },
    "sitting": {"active_s": 0.0, "idle_s": 0.0, "source": "none"},
    "reminders": {"enabled": False, "snoozed_until": None, "last_shown_at": None, "shown_today": 0},
    "audio": {
        "output": None,
        "muted": False,
        "layers": [],
        "ambience": {
            "playing": False,
            "paused": False,
            "mix": None,
            "sleep_timer_remaining_s": None,
        },
    },
    "tray": {"available": False},
}
"""Each part's idle values: what a part without a provider, or a key its provider leaves out,
shows."""
ITEM_KEYS: dict[str, frozenset[str]] = {"audio.layers": frozenset({"sound", "volume"})}
"""The keys every item of a list holds (a layer is exactly a sound and its volume)."""

PARTS = tuple(IDLE)
Provider = Callable[[], Mapping[str, Any]]


class StatusError(ValueError):
    """A provider's part does not keep the contract (a key it does not have)."""


def fill(idle: Mapping[str, Any], given: Mapping[str, Any], where: str) -> dict[str, Any]:
    """``given`` over a copy of ``idle``, nested dicts merged the same way; a key ``idle`` does
    not have, or a list item without exactly its keys, raises :class:`StatusError`."""
    unknown = sorted(set(given) - set(idle))
    if unknown:
        raise StatusError(f"status {where}: {', '.join(unknown)} not in the contract")
    out = copy.deepcopy(dict(idle))
    for key, value in given.items():
        path = f"{where}.{key}"
        if isinstance(idle[key], dict) and isinstance(value, Mapping):
            out[key] = fill(idle[key], value, path)
        elif path in ITEM_KEYS and isinstance(value, list | tuple):
            out[key] = [_item(item, ITEM_KEYS[path], path) for item in value]
        else:
            out[key] = value
    return out


def _item(item: Any, keys: frozenset[str], where: str) -> dict[str, Any]:
    if not isinstance(item, Mapping) or set(item) != keys:
        raise StatusError(f"status {where}: an item must hold exactly {', '.join(sorted(keys))}")
    return dict(item)


class StatusBoard:
    """Each subsystem registers the provider of its part; unregistered parts show idle values."""

    def __init__(self, version: str) -> None:
        self._version = version
        self._providers: dict[str, Provider] = {}

    def provide(self, part: str, provider: Provider) -> None:
        if part not in PARTS:
            raise ValueError(f"unknown status part {part!r}")
        self._providers[part] = provider

    def snapshot(self) -> dict[str, Any]:
        out: dict[str, Any] = {"version": self._version}
        for part, idle in IDLE.items():
            provider = self._providers.get(part)
            out[part] = fill(idle, provider(), part) if provider else copy.deepcopy(idle)
        return out


def __getattr__(name: str) -> Any:
    """The pydantic models of the contract (``Status``, ``SessionStatus``, …) by their old
    names, imported only when asked for (by a script or a test, never by the app)."""
    if name in {"Status", "SessionStatus", "SittingPartModel"} or name.endswith("Status"):
        from acumat_desktop.core import status_schema

        return getattr(status_schema, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
