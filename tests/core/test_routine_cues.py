"""Cue text, one a line, to the cue mappings the Routine model reads, and back."""

from __future__ import annotations

from acumat_desktop.core.routine_cues import format_cues, parse_cues
from acumat_desktop.core.routines import RoutineCue


def test_cue_text_round_trips() -> None:
    cues, errors = parse_cues("1,5 min: a\n25%: b\n\n7: c")
    assert errors == []
    assert cues == [
        {"at_minute": 1.5, "text": "a"},
        {"at_fraction": 0.25, "text": "b"},
        {"at_minute": 7.0, "text": "c"},
    ]
    text = format_cues([RoutineCue(**c) for c in cues])
    assert parse_cues(text)[0] == cues


def test_unreadable_lines_are_named_by_number() -> None:
    cues, errors = parse_cues("2 min: fine\nno time here\n\n50 %")
    assert cues == [{"at_minute": 2.0, "text": "fine"}]
    assert len(errors) == 2
    assert errors[0].startswith("line 2:")
    assert errors[1].startswith("line 4:")


def test_no_cues_is_empty_text() -> None:
    assert format_cues([]) == ""
    assert parse_cues("") == ([], [])
