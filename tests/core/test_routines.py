"""Routine models, parsing with named errors, TOML/JSON round trips, plans from routines."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acumat_desktop.core.acclimation import acclimation_week, suggested_minutes
from acumat_desktop.core.breathing import BUILTIN_PATTERNS
from acumat_desktop.core.routine_io import (
    RoutineError,
    dump,
    format_for,
    parse_routine,
    routine_from_mapping,
    to_toml,
)
from acumat_desktop.core.routines import (
    BUILTIN_ROUTINE_IDS,
    SOUNDSCAPES,
    Goal,
    Position,
    Routine,
    RoutineCue,
    slugify,
    unique_id,
)
from acumat_desktop.core.safety import SAFETY_NOTE
from acumat_desktop.core.session import plan_from_routine

ROUTINES_DIR = Path(__file__).resolve().parents[2] / "resources" / "routines"

VALID: dict[str, object] = {
    "id": "evening",
    "name": "Evening",
    "purpose": "Wind down.",
    "position": "lying-back",
    "minutes": 20,
    "min_minutes": 10,
    "max_minutes": 30,
    "breathing": "box",
    "sound": "rain",
    "goals": ["stress"],
    "tips": ["Dim the lights."],
    "cues": [{"at_minute": 5, "text": "Soften"}, {"at_fraction": 0.5, "text": "Half way"}],
}


def load_builtins() -> dict[str, Routine]:
    out = {}
    for path in sorted(ROUTINES_DIR.glob("*.toml")):
        routine = parse_routine(path.read_text("utf-8"), "toml", path.name, builtin=True)
        assert path.stem == routine.id
        out[routine.id] = routine
    return out


def test_builtin_routines_have_the_required_ids_and_ranges() -> None:
    routines = load_builtins()
    assert set(routines) == set(BUILTIN_ROUTINE_IDS)
    ranges = {rid: (r.min_minutes, r.max_minutes) for rid, r in routines.items()}
    # The ranges: each routine's default sits inside the advice.
    assert 5 <= routines["first-time"].minutes <= 10
    assert ranges["first-time"] == (5, 10)
    for rid in ("back-neck", "muscle-recovery", "stress-release"):
        assert 20 <= routines[rid].minutes <= 40
        assert ranges[rid][1] == 40
    assert ranges["sleep"][1] == 15
    assert ranges["desk-break"] == (3, 10)
    assert ranges["tired-feet"] == (1, 5)
    assert routines["tired-feet"].position is Position.STANDING
    assert routines["reading-tv"].breathing == "none"
    assert routines["headache"].position is Position.NECK_PILLOW
    assert 15 <= routines["headache"].minutes <= 20
    assert routines["cellulite"].minutes == 30
    assert routines["back-neck"].position is Position.NECK_PILLOW
    for routine in routines.values():
        assert routine.builtin
        assert routine.tips
        assert routine.breathing in {*BUILTIN_PATTERNS, "none"}
        assert routine.sound in {*SOUNDSCAPES, "none"}
    goals = {g for r in routines.values() for g in r.goals}
    assert goals == set(Goal)


def test_safety_note_names_who_should_ask_a_doctor() -> None:
    for word in ("pregnant", "heart", "blood thinners", "wounds", "infection", "diabetes"):
        assert word in SAFETY_NOTE


def test_parse_valid_routine_and_cue_times() -> None:
    routine = routine_from_mapping(VALID, "evening.json")
    assert not routine.builtin
    assert routine.cue_times(20) == [(300.0, "Soften"), (600.0, "Half way")]
    assert routine.cue_times(4.5) == [(135.0, "Half way")]  # 5 min cue is past the end
    assert routine.summary()["position"] == "lying-back"
    assert routine.matches("stress")
    assert not routine.matches(Goal.FEET)
    assert routine.matches(None)


def test_builtin_key_in_a_user_file_is_ignored() -> None:
    routine = routine_from_mapping({**VALID, "builtin": True}, "evening.json")
    assert not routine.builtin


def bad(**changes: object) -> dict[str, object]:
    data = dict(VALID)
    for key, value in changes.items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    return data


@pytest.mark.parametrize(
    ("data", "field", "reason"),
    [
        (bad(id="Not Kebab"), "id", "should match pattern"),
        (bad(name=None), "name", "required field is missing"),
        (bad(minutes=50), "minutes", "the default must be between 10 and 30 minutes, not 50"),
        (bad(min_minutes=40), "min_minutes", "shortest time (40 minutes) is longer than"),
        (bad(position="upside-down"), "position", "lying-back"),
        (bad(goals=["pain", "joy"]), "goals[1]", "'pain'"),
        (bad(goals=["pain", "pain"]), "goals", "listed twice"),
        (bad(breathing="fast"), "breathing", "unknown breathing pattern 'fast'"),
        (bad(sound="thunder"), "sound", "unknown soundscape 'thunder'"),
        (bad(colour="red"), "colour", "unknown field"),
        (bad(purpose="two\nlines"), "purpose", "should match pattern"),
        (bad(cues=[{"text": "when?"}]), "cues[0].at_minute", "exactly one"),
        (bad(cues=[{"at_minute": 45, "text": "late"}]), "cues[0].at_minute", "at 45 minutes it"),
        (bad(cues=[{"at_fraction": 2, "text": "x"}]), "cues[0].at_fraction", "less than or equal"),
        (bad(tips=[""]), "tips[0]", "at least 1 character"),
    ],
)
def test_invalid_routine_names_file_field_and_reason(
    data: dict[str, object], field: str, reason: str
) -> None:
    with pytest.raises(RoutineError) as info:
        parse_routine(json.dumps(data), "json", "evening.json")
    assert field in info.value.fields
    message = str(info.value)
    assert f"evening.json: {field}: " in message
    assert reason in message


def test_syntax_errors_name_the_file() -> None:
    with pytest.raises(RoutineError, match=r"^bad\.toml: \(file\): not valid TOML"):
        parse_routine("id = ", "toml", "bad.toml")
    with pytest.raises(RoutineError, match=r"^bad\.json: \(file\): expected a table"):
        parse_routine("[1, 2]", "json", "bad.json")
    with pytest.raises(RoutineError, match=r"notes\.txt: \(file\): use a \.toml or \.json"):
        format_for("notes.txt")
    assert format_for("A.TOML") == "toml"


def test_several_problems_are_all_reported() -> None:
    with pytest.raises(RoutineError) as info:
        parse_routine(json.dumps(bad(id="X", sound="thunder")), "json", "two.json")
    assert set(info.value.fields) >= {"id", "sound"}
    assert str(info.value).count("two.json: ") == len(info.value.problems)


def test_custom_catalogues_are_honoured() -> None:
    data = bad(breathing="my-calm", sound="birds")
    routine = routine_from_mapping(data, "x.json", patterns={"my-calm"}, sounds={"birds"})
    assert (routine.breathing, routine.sound) == ("my-calm", "birds")


def test_toml_output_for_a_builtin_reads_back_the_same() -> None:
    for routine in load_builtins().values():
        text = to_toml(routine)
        again = parse_routine(text, "toml", "copy.toml", builtin=True)
        assert again == routine


text_st = st.text(
    alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40
).filter(lambda s: s.strip() == s and s.strip() != "")
line_st = text_st.filter(lambda s: "\n" not in s and "\r" not in s)


@st.composite
def routines(draw: st.DrawFn) -> Routine:
    low = draw(st.integers(1, 60))
    high = draw(st.integers(low, 120))
    cues = draw(
        st.lists(
            st.one_of(
                st.builds(
                    RoutineCue,
                    at_minute=st.floats(0, high - 0.01, allow_nan=False),
                    text=line_st,
                ),
                st.builds(RoutineCue, at_fraction=st.floats(0, 1), text=line_st),
            ),
            max_size=3,
        )
    )
    return Routine(
        id=draw(st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)),
        name=draw(line_st),
        purpose=draw(line_st),
        description=draw(st.text(max_size=80)).strip(),
        goals=tuple(draw(st.sets(st.sampled_from(list(Goal))))),
        position=draw(st.sampled_from(list(Position))),
        minutes=draw(st.integers(low, high)),
        min_minutes=low,
        max_minutes=high,
        breathing=draw(st.sampled_from([*BUILTIN_PATTERNS, "none"])),
        sound=draw(st.sampled_from([*SOUNDSCAPES, "none"])),
        tips=tuple(draw(st.lists(text_st, max_size=3))),
        cues=tuple(cues),
    )


@settings(max_examples=80, deadline=None)
@given(routine=routines(), fmt=st.sampled_from(["toml", "json"]))
def test_round_trip(routine: Routine, fmt: str) -> None:
    text = dump(routine, fmt)  # type: ignore[arg-type]
    assert parse_routine(text, fmt, f"r.{fmt}") == routine  # type: ignore[arg-type]


def test_plan_from_routine() -> None:
    routine = routine_from_mapping(VALID, "evening.json")
    plan = plan_from_routine(routine, countdown_s=5)
    assert plan.planned_s == 1200
    assert plan.pattern is BUILTIN_PATTERNS["box"]
    assert plan.sound == "rain"
    assert [(c.at_s, c.text) for c in plan.cues] == [(300.0, "Soften"), (600.0, "Half way")]
    other = plan_from_routine(routine, minutes=10, breathing="none", sound="none")
    assert (other.planned_s, other.pattern, other.sound) == (600, None, None)
    with pytest.raises(ValueError, match=r"45 minutes is outside evening's range \(10–30"):
        plan_from_routine(routine, minutes=45)
    with pytest.raises(ValueError, match="unknown breathing pattern 'fast'"):
        plan_from_routine(routine, breathing="fast")
    with pytest.raises(ValueError, match="unknown soundscape 'thunder'"):
        plan_from_routine(routine, sound="thunder", sounds=SOUNDSCAPES)
    assert plan_from_routine(routine, sound="none", sounds=SOUNDSCAPES).sound is None


def test_ids() -> None:
    assert slugify("My Evening!  Routine") == "my-evening-routine"
    assert slugify("!!!") == "routine"
    assert unique_id("back-neck", {"back-neck", "back-neck-2"}) == "back-neck-3"
    assert unique_id("fresh", {"back-neck"}) == "fresh"
    long = "a" * 64
    assert len(unique_id(long, {long})) == 64


def test_acclimation_grows_the_first_weeks() -> None:
    routines = load_builtins()
    back, feet, first = routines["back-neck"], routines["tired-feet"], routines["first-time"]
    start = date(2026, 11, 2)
    weeks = [suggested_minutes(back, start, start + timedelta(days=7 * w)) for w in range(5)]
    assert weeks == [15, 15, 15, 20, 20]  # capped 5/10/15 but never below back-neck's 15 min
    assert [suggested_minutes(first, start, start + timedelta(days=d)) for d in (0, 8)] == [5, 8]
    assert suggested_minutes(feet, None, start) == 2  # short routines stay as they are
    assert suggested_minutes(back, None, start) == 15  # no session yet: the first week
    assert acclimation_week(start, start + timedelta(days=13)) == 1
    assert acclimation_week(start, start - timedelta(days=3)) == 0
