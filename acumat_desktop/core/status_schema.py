"""The ``status --json`` contract as pydantic models: what scripts and tests check a reply
against. The running app does not import this (``core/status.py`` assembles the reply from plain
dicts and checks its keys; building these models cost start-up time)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BreathingStatus(_Strict):
    pattern: str | None = None
    phase: Literal["inhale", "hold", "exhale", "rest"] | None = None
    phase_remaining_s: float | None = None


class SessionStatus(_Strict):
    state: Literal["idle", "countdown", "running", "paused", "finished"] = "idle"
    routine: str | None = None
    planned_s: float = 0.0
    elapsed_s: float = 0.0
    remaining_s: float = 0.0
    countdown_remaining_s: float = 0.0  # > 0 only while state is "countdown"
    breathing: BreathingStatus = BreathingStatus()
    # How the screen is kept awake during sessions: "none" if it isn't, "unknown" until the
    # method was chosen (at the first session; an idle app is never made to probe for it).
    keep_awake: str = "none"


class SittingStatus(_Strict):
    active_s: float = 0.0
    idle_s: float = 0.0
    source: str = "none"


class RemindersStatus(_Strict):
    enabled: bool = False
    snoozed_until: str | None = None
    last_shown_at: str | None = None
    shown_today: int = 0


class AudioLayer(_Strict):
    sound: str
    volume: float


class AmbienceStatus(_Strict):
    """Ambience played without a session (``acumat sounds play``)."""

    playing: bool = False
    paused: bool = False
    mix: str | None = None  # as asked for: a soundscape id, a mix or a saved mix's name
    sleep_timer_remaining_s: float | None = None  # None without a sleep timer


class AudioStatus(_Strict):
    output: str | None = None
    muted: bool = False
    layers: list[AudioLayer] = []
    ambience: AmbienceStatus = AmbienceStatus()


class TrayStatus(_Strict):
    available: bool = False


class Status(_Strict):
    version: str
    session: SessionStatus = SessionStatus()
    sitting: SittingStatus = SittingStatus()
    reminders: RemindersStatus = RemindersStatus()
    audio: AudioStatus = AudioStatus()
    tray: TrayStatus = TrayStatus()
