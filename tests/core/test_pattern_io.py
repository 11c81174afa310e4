"""User pattern files: a good file parses; each bad field is named with the file and reason."""

from __future__ import annotations

import json
from collections.abc import Mapping

import pytest

from acumat_desktop.core.breathing import Phase, phase_at
from acumat_desktop.core.pattern_io import PatternFileError, parse_pattern, pattern_format

GOOD_TOML = """
id = "slow-square"
name = "Slow square"
description = "5 in, hold 5, 5 out, rest 5"
max_cycles = 20
warning = "Stop if dizzy."

[[phases]]
phase = "inhale"
seconds = 5
cue = "In through the nose"

[[phases]]
phase = "hold"
seconds = 5

[[phases]]
phase = "exhale"
seconds = 5.5

[[phases]]
phase = "rest"
seconds = 4.5
"""


def good() -> dict[str, object]:
    return {
        "id": "calm",
        "name": "Calm",
        "phases": [{"phase": "inhale", "seconds": 4}, {"phase": "exhale", "seconds": 6}],
    }


def fields_of(data: Mapping[str, object], **kwargs: object) -> list[str]:
    with pytest.raises(PatternFileError) as caught:
        parse_pattern(json.dumps(data), "json", "mine.json", **kwargs)  # type: ignore[arg-type]
    error = caught.value
    assert all(line.startswith("mine.json: ") for line in str(error).splitlines())
    return error.fields


def test_a_toml_file_becomes_a_user_pattern() -> None:
    pattern = parse_pattern(GOOD_TOML, "toml", "square.toml")
    assert pattern.id == "slow-square" and pattern.source == "user"
    assert [(s.phase, s.seconds) for s in pattern.phases] == [
        (Phase.INHALE, 5.0),
        (Phase.HOLD, 5.0),
        (Phase.EXHALE, 5.5),
        (Phase.REST, 4.5),
    ]
    assert pattern.phases[0].cue == "In through the nose"
    assert pattern.phases[1].cue == "Hold"  # the default cue
    assert (pattern.max_cycles, pattern.warning) == (20, "Stop if dizzy.")
    assert phase_at(pattern, 12.0).phase is Phase.EXHALE


def test_a_json_file_parses_the_same_way() -> None:
    pattern = parse_pattern(json.dumps(good()), "json", "calm.json")
    assert pattern.timing == "4-6"


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ({"id": "Not An Id"}, "id", "lower-case"),
        ({"id": "box"}, "id", "built-in"),
        ({"id": None}, "id", "required"),
        ({"name": ""}, "name", "empty"),
        ({"name": 3}, "name", "text"),
        ({"description": "x" * 501}, "description", "500"),
        ({"max_cycles": 0}, "max_cycles", "between 1 and 1000"),
        ({"max_cycles": "4"}, "max_cycles", "whole number"),
        ({"colour": "blue"}, "colour", "unknown field"),
        ({"phases": None}, "phases", "required"),
        ({"phases": "4-6"}, "phases", "list"),
        ({"phases": [{"phase": "inhale", "seconds": 4}]}, "phases", "inhale and one exhale"),
    ],
)
def test_each_bad_top_level_field_is_named(
    change: dict[str, object], field: str, reason: str
) -> None:
    data = {**good(), **change}
    data = {k: v for k, v in data.items() if v is not None}
    with pytest.raises(PatternFileError) as caught:
        parse_pattern(json.dumps(data), "json", "mine.json")
    assert caught.value.fields == [field]
    assert reason in str(caught.value)
    assert str(caught.value).startswith(f"mine.json: {field}: ")


@pytest.mark.parametrize(
    ("phase", "field", "reason"),
    [
        ({"phase": "gasp", "seconds": 2}, "phases[1].phase", "not one of inhale"),
        ({"seconds": 2}, "phases[1].phase", "required"),
        ({"phase": "exhale"}, "phases[1].seconds", "required"),
        ({"phase": "exhale", "seconds": "six"}, "phases[1].seconds", "number"),
        ({"phase": "exhale", "seconds": 45}, "phases[1].seconds", "outside 1–20 s"),
        ({"phase": "exhale", "seconds": 6, "cue": 7}, "phases[1].cue", "text"),
        ({"phase": "exhale", "seconds": 6, "loud": True}, "phases[1].loud", "unknown field"),
        ("exhale", "phases[1]", "table"),
    ],
)
def test_each_bad_phase_field_is_named(phase: object, field: str, reason: str) -> None:
    data = good()
    data["phases"] = [{"phase": "inhale", "seconds": 4}, phase]
    with pytest.raises(PatternFileError) as caught:
        parse_pattern(json.dumps(data), "json", "mine.json")
    assert field in caught.value.fields
    assert reason in str(caught.value)


def test_an_exhale_before_an_inhale_is_not_one_breath() -> None:
    data = good()
    data["phases"] = [
        {"phase": "inhale", "seconds": 3},
        {"phase": "exhale", "seconds": 3},
        {"phase": "inhale", "seconds": 3},
    ]
    assert fields_of(data) == ["phases"]


def test_a_taken_id_is_refused() -> None:
    assert fields_of(good(), taken_ids={"calm"}) == ["id"]


def test_several_problems_are_all_reported() -> None:
    data = {"id": "calm", "name": "", "phases": [{"phase": "inhale", "seconds": 99}]}
    fields = fields_of(data)
    assert "name" in fields and "phases[0].seconds" in fields


@pytest.mark.parametrize(("text", "fmt"), [("id = ", "toml"), ("{", "json"), ("[1]", "json")])
def test_unreadable_text_names_the_file(text: str, fmt: str) -> None:
    with pytest.raises(PatternFileError) as caught:
        parse_pattern(text, fmt, "broken.x")  # type: ignore[arg-type]
    assert caught.value.fields == ["(file)"]
    assert str(caught.value).startswith("broken.x: (file): ")


def test_format_follows_the_suffix() -> None:
    assert pattern_format("A.TOML") == "toml" and pattern_format("a.json") == "json"
    with pytest.raises(PatternFileError, match=r"a\.yaml: \(file\): use a \.toml or \.json"):
        pattern_format("a.yaml")
