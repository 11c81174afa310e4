from __future__ import annotations

import pytest

from acumat_desktop.core.status import IDLE, StatusBoard, StatusError
from acumat_desktop.core.status_schema import Status


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
            "playing": False,
            "paused": False,
            "mix": None,
            "sleep_timer_remaining_s": None,
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
    with pytest.raises(StatusError, match="extra"):
        board.snapshot()
    with pytest.raises(ValueError, match="unknown status part"):
        board.provide("weather", dict)


def test_a_nested_key_outside_the_contract_is_refused_too() -> None:
    board = StatusBoard("1")
    board.provide("session", lambda: {"state": "running", "breathing": {"mood": "calm"}})
    with pytest.raises(StatusError, match=r"session\.breathing: mood"):
        board.snapshot()
    board = StatusBoard("1")
    board.provide("audio", lambda: {"layers": [{"sound": "rain", "volume": 1.0, "pan": 0}]})
    with pytest.raises(StatusError, match=r"audio\.layers"):
        board.snapshot()


def test_a_part_given_in_part_keeps_the_idle_values_of_the_rest() -> None:
    board = StatusBoard("1")
    board.provide("session", lambda: {"state": "running", "breathing": {"phase": "hold"}})
    board.provide("audio", lambda: {"layers": [{"sound": "rain", "volume": 0.5}]})
    snapshot = board.snapshot()
    assert snapshot["session"]["state"] == "running"
    assert snapshot["session"]["breathing"] == {
        "pattern": None,
        "phase": "hold",
        "phase_remaining_s": None,
    }
    assert snapshot["audio"]["layers"] == [{"sound": "rain", "volume": 0.5}]
    assert snapshot["audio"]["ambience"]["playing"] is False
    Status.model_validate(snapshot)
    assert board.snapshot()["session"]["breathing"]["pattern"] is None  # idle values unshared
    assert IDLE["session"]["state"] == "idle"


def test_the_idle_values_are_the_schema_defaults() -> None:
    """The board's contract and the pydantic schema that scripts and tests check against are
    one contract: same keys, same idle values."""
    assert Status(version="1").model_dump(mode="json") == {"version": "1", **IDLE}


def test_the_schema_models_are_reachable_by_their_old_names() -> None:
    from acumat_desktop.core import status, status_schema

    assert status.Status is status_schema.Status
    assert status.SessionStatus is status_schema.SessionStatus
    with pytest.raises(AttributeError):
        _ = status.Weather
