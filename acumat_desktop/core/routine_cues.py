"""A routine's cues as text, one a line: ``3 min: Move the pillow`` or ``50%: Halfway``.

The routine editor shows and reads cues in this form; this module turns the text into the cue
mappings the Routine model validates (and back), and names the lines it cannot read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from acumat_desktop.core.routines import RoutineCue

_CUE_LINE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(%|min|m)?\s*[:\-–—]\s*(.*\S)\s*$")


def parse_cues(text: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Lines like ``3 min: Move the pillow`` or ``50%: Halfway`` -> cue dicts and line errors.

    Blank lines are skipped; a number without a unit is minutes; a decimal comma is accepted."""
    cues: list[dict[str, Any]] = []
    errors: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _CUE_LINE.match(line)
        if match is None:
            errors.append(f"line {number}: write “3 min: text” or “50%: text”")
            continue
        value = float(match.group(1).replace(",", "."))
        if match.group(2) == "%":
            cues.append({"at_fraction": value / 100.0, "text": match.group(3)})
        else:
            cues.append({"at_minute": value, "text": match.group(3)})
    return cues, errors


def format_cues(cues: Iterable[RoutineCue]) -> str:
    """The text ``parse_cues`` reads back into the same cues."""
    lines = []
    for cue in cues:
        if cue.at_fraction is not None:
            lines.append(f"{cue.at_fraction * 100:g}%: {cue.text}")
        else:
            lines.append(f"{cue.at_minute or 0:g} min: {cue.text}")
    return "\n".join(lines)
