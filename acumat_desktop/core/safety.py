"""The safety note shown once before the first session and re-readable from Help."""

from __future__ import annotations

SAFETY_TITLE = "Before you lie down"

_PARAGRAPHS = (
    "An acupressure mat is a simple tool for relaxing, not a treatment. AcuMat guides the time "
    "and your breathing; it does not diagnose or treat anything.",
    "Please ask a doctor before using the mat if you:\n"
    "• are pregnant;\n"
    "• have a heart condition, or take medicine for your blood pressure;\n"
    "• take blood thinners;\n"
    "• have skin wounds, an infection, or thin or fragile skin;\n"
    "• have diabetes with poor circulation or reduced feeling in your skin.",
    "Start gently: mat makers suggest 5 to 10 minutes for the first sessions, lying on a bed "
    "rather than the floor, through a thin shirt. The points prickle for the first few minutes, "
    "then most people feel warmth. Some redness afterwards is normal and fades. If anything hurts "
    "sharply, feels numb or makes you dizzy, get off the mat and breathe normally.",
    "With slow breathing patterns, stop and breathe at your own pace if you feel light-headed.",
)

SAFETY_NOTE = "\n\n".join(_PARAGRAPHS)
