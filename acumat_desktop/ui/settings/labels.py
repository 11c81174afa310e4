"""What the Settings dialog calls things: plain labels for every setting, its pages and groups,
the words for fixed choices, and validation messages in plain words.

The settings model keeps ids and descriptions for the command line; a person on the mat reads
these. Strings are marked with QT_TRANSLATE_NOOP and translated where they are shown (context
"SettingsDialog").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "SettingsDialog"


def tr(text: str, n: int = -1) -> str:
    """Translated; with ``n``, a plural form whose English source is ``%n minute(s)`` (until an
    English catalogue exists, the ``(s)`` is settled here)."""
    done = QCoreApplication.translate(CONTEXT, text, None, n)
    if n >= 0 and "(s)" in done:
        done = done.replace("(s)", "" if n == 1 else "s")
    return done


def _t(text: str) -> str:
    return str(QT_TRANSLATE_NOOP(CONTEXT, text))


NONE = _t("None")

LABELS: dict[str, str] = {
    "reminders.enabled": _t("Remind me to use the mat when I have been sitting a long time"),
    "reminders.sit_limit": _t("Remind me after sitting for"),
    "reminders.natural_break": _t("Being away this long counts as a break"),
    "reminders.work_days": _t("Remind me on"),
    "reminders.quiet_hours": _t("Keep quiet hours (no reminders)"),
    "reminders.quiet_start": _t("Quiet from"),
    "reminders.quiet_end": _t("Quiet until"),
    "reminders.style": _t("Show a reminder as"),
    "reminders.snooze": _t("Snooze puts a reminder off for"),
    "reminders.max_snoozes": _t("Snoozes in a row"),
    "reminders.after_unlock": _t("After the screen was locked"),
    "session.default_routine": _t("Routine chosen when AcuMat opens"),
    "session.default_breathing": _t("Breathing for routines without their own"),
    "session.countdown": _t("Time to lie down before it starts"),
    "session.eyes_closed": _t("Eyes-closed mode: sound cues on, no seconds on the dial"),
    "session.keep_awake": _t("Keep the screen awake during a session"),
    "session.acclimation": _t("Build up slowly: shorter sessions in the first weeks on the mat"),
    "session.acclimation_step": _t("Minutes added each week"),
    "sound.default_soundscape": _t("Sound for routines without their own"),
    "sound.cue_sounds": _t("Soft sounds when you breathe in, hold and breathe out"),
    "sound.spoken_cues": _t("Speak the breathing cues"),
    "sound.bells": _t("A bell at the start and the end"),
    "sound.minute_bell": _t("A soft bell one minute before the end"),
    "sound.end_fade": _t("Fade the sound out over the last"),
    "sound.master_volume": _t("Volume"),
    "sound.muted": _t("Mute all sound"),
    "sound.output_device": _t("Sound output"),
    "appearance.theme": _t("Colours"),
    "appearance.reduced_motion": _t("Calm breathing shape (it glows instead of growing)"),
    "appearance.language": _t("Language (takes effect after a restart)"),
    "startup.autostart": _t("Start AcuMat when I log in"),
    "startup.start_minimized": _t("Start in the tray, without a window"),
}

OPTIONS: dict[str, list[tuple[str, str]]] = {
    "reminders.style": [
        ("popup", _t("A small window near the tray")),
        ("notification", _t("A desktop notification")),
    ],
    "reminders.after_unlock": [
        ("reset", _t("Start counting from zero")),
        ("carry-on", _t("Keep counting")),
    ],
    "appearance.theme": [
        ("system", _t("Follow the system")),
        ("light", _t("Light")),
        ("dark", _t("Dark")),
    ],
    "appearance.language": [
        ("system", _t("Follow the system")),
        ("en", "English"),  # a language's own name is never translated
        ("de", "Deutsch"),
    ],
}

UNITS: dict[str, str] = {
    "reminders.sit_limit": "min",
    "reminders.natural_break": "min",
    "reminders.snooze": "min",
    "session.countdown": "s",
    "sound.end_fade": "s",
}
"""The step each duration is edited in: whole minutes or seconds."""

STEPS: dict[str, int] = {"sound.end_fade": 5}


@dataclass(frozen=True)
class Group:
    title: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    title: str
    groups: tuple[Group, ...]


PAGES: tuple[Page, ...] = (
    Page(
        _t("Reminders"),
        (
            Group(
                _t("When to remind you"),
                (
                    "reminders.enabled",
                    "reminders.sit_limit",
                    "reminders.natural_break",
                    "reminders.work_days",
                ),
            ),
            Group(
                _t("Quiet hours"),
                ("reminders.quiet_hours", "reminders.quiet_start", "reminders.quiet_end"),
            ),
            Group(
                _t("How reminders come"),
                (
                    "reminders.style",
                    "reminders.snooze",
                    "reminders.max_snoozes",
                    "reminders.after_unlock",
                ),
            ),
        ),
    ),
    Page(
        _t("Sessions"),
        (
            Group(
                _t("Starting a session"),
                ("session.default_routine", "session.default_breathing", "session.countdown"),
            ),
            Group(
                _t("Getting used to the mat"),
                ("session.acclimation", "session.acclimation_step"),
            ),
            Group(_t("During a session"), ("session.eyes_closed", "session.keep_awake")),
        ),
    ),
    Page(
        _t("Sound"),
        (
            Group(
                _t("Sounds in a session"),
                (
                    "sound.default_soundscape",
                    "sound.cue_sounds",
                    "sound.spoken_cues",
                    "sound.bells",
                    "sound.minute_bell",
                    "sound.end_fade",
                ),
            ),
            Group(
                _t("Volume and output"),
                ("sound.master_volume", "sound.muted", "sound.output_device"),
            ),
        ),
    ),
    Page(
        _t("General"),
        (
            Group(
                _t("Appearance"),
                ("appearance.theme", "appearance.reduced_motion", "appearance.language"),
            ),
            Group(_t("Starting AcuMat"), ("startup.autostart", "startup.start_minimized")),
        ),
    ),
)

DEPENDS: dict[str, str] = {
    **{
        key: "reminders.enabled"
        for key in (
            "reminders.sit_limit",
            "reminders.natural_break",
            "reminders.work_days",
            "reminders.quiet_hours",
            "reminders.style",
            "reminders.snooze",
            "reminders.max_snoozes",
            "reminders.after_unlock",
        )
    },
    "reminders.quiet_start": "reminders.quiet_hours",
    "reminders.quiet_end": "reminders.quiet_hours",
    "session.acclimation_step": "session.acclimation",
}
"""Controls that only matter while a check box is on (they are greyed out, never hidden)."""

HIDDEN = frozenset(
    {
        "session.safety_note_seen",
        "session.favourites",
        "session.last_minutes",
        "session.ramp_routines",
    }
)
"""Settings managed where they are used (the safety note, the picker's stars)."""


def label(key: str, fallback: str = "") -> str:
    text = LABELS.get(key)
    return tr(text) if text else fallback or key.partition(".")[2].replace("_", " ").capitalize()


def duration_words(value: timedelta) -> str:
    """``1 hour 30 minutes``, ``45 seconds``: a duration as a person says it."""
    seconds = round(value.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(tr("%n hour(s)", hours))
    if minutes:
        parts.append(tr("%n minute(s)", minutes))
    if secs or not parts:
        parts.append(tr("%n second(s)", secs))
    return " ".join(parts)


def plain_error(key: str, bounds: tuple[Any, Any]) -> str:
    """What to say when a value cannot be used: the range in words where there is one."""
    low, high = bounds
    if isinstance(low, timedelta) and isinstance(high, timedelta):
        return (
            tr("Choose between %1 and %2.")
            .replace("%1", duration_words(low))
            .replace("%2", duration_words(high))
        )
    if low is not None and high is not None:
        return tr("Choose between %1 and %2.").replace("%1", str(low)).replace("%2", str(high))
    return tr("This value cannot be used here. Choose another, or press Restore Defaults.")
