from __future__ import annotations

import pytest
from pydantic import ValidationError

from acumat_desktop.core.status import Status, StatusBoard


def test_unprovided_parts_hold_their_idle_values() -> None:
    snapshot = StatusBoard("1.2.3").snapshot()
    assert snapshot["version"] == "1.2.3"
    assert snapshot["session"] == {
        "state": "idle",
        "routine": None,
        "planned_s": 0.0,
        "elapsed_s": 0.0,
        "remaining_s": 0.0,
        "countdown_remaining_s": 0.0,
        "breathing": {"pattern": None, "phase": None, "phase_remaining_s": None},
        "keep_awake": "none",
    }
    assert snapshot["sitting"] == {"active_s": 0.0, "idle_s": 0.0, "source": "none"}
    assert snapshot["reminders"]["snoozed_until"] is None
    assert snapshot["audio"] == {
        "output": None,
        "muted": False,
        "layers": [],
        "ambience": {
            "playing": False, "paused": False, "mix": None, "sleep_timer_remaining_s": None
        },
    }
    Status.model_validate(snapshot)


def test_a_provider_fills_its_part() -> None:
    board = StatusBoard("1")
    board.provide("tray", lambda: {"available": True})
    assert board.snapshot()["tray"] == {"available": True}


def test_a_provider_cannot_break_the_contract() -> None:
    board = StatusBoard("1")
    board.provide("tray", lambda: {"available": True, "extra": 1})
    with pytest.raises(ValidationError):
        board.snapshot()
    with pytest.raises(ValueError, match="unknown status part"):
        board.provide("weather", dict)
