"""Routine files, fuzzed: whatever the text or bytes, ``parse_routine`` and
``RoutineLibrary.import_file`` end in a routine or in a ``RoutineError`` naming the file and the
field (never another exception, never a hang), and a refused import leaves the library folder
byte for byte as it was. An accepted import reads back as the same routine.

The strategies here (random JSON-like values, a TOML writer, routine-shaped mutations) are shared
with ``test_pattern_fuzz.py``.
"""

from __future__ import annotations

import json
import math
import tempfile
from collections.abc import Callable, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from acumat_desktop.core.file_problems import FileProblems
from acumat_desktop.core.routine_io import RoutineError, parse_routine
from acumat_desktop.services.routine_library import RoutineExistsError, RoutineLibrary

# A deadline per example: a parser that loops (or goes quadratic) on some input fails the test.
FUZZ = settings(
    max_examples=120,
    deadline=timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- strategies shared with test_pattern_fuzz ----------------------------------------------------

numbers = st.one_of(
    st.integers(min_value=-(10**60), max_value=10**60),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 1, 2**63, -(2**63) - 1, 1e308, 5e-324, math.nan, math.inf]),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    numbers,
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=100, max_size=400),
    st.sampled_from(["", " ", "\n", "inhale", "box", "rain", "lying-back", "a" * 70, "\x00"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=25,
)


def toml_value(value: Any) -> str:
    """Any JSON-like value as a TOML inline value (None has no TOML form: an empty table)."""
    if value is None:
        return "{}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, str):
        return json.dumps(value)  # mostly valid TOML; what is not must be refused cleanly
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


def toml_text(data: Mapping[str, Any]) -> str:
    """A top-level table; lists of tables go as ``[[key]]`` sections so both forms get fuzzed."""
    lines: list[str] = []
    sections: list[str] = []
    for key, value in data.items():
        if value is None:
            continue
        tables = isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
        if not tables:
            lines.append(f"{json.dumps(key)} = {toml_value(value)}")
            continue
        for table in value:
            sections.append(f"\n[[{json.dumps(key)}]]")
            sections.extend(f"{json.dumps(k)} = {toml_value(v)}" for k, v in table.items())
    return "\n".join([*lines, *sections]) + "\n"


def mutated(base: Mapping[str, Any], keys: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """``base`` with some fields dropped, some replaced by any value, some unknown ones added."""
    return st.builds(
        lambda drop, replace, extra: {
            **{k: v for k, v in base.items() if k not in drop},
            **replace,
            **extra,
        },
        st.sets(st.sampled_from(keys), max_size=3),
        st.dictionaries(st.sampled_from(keys), json_values, max_size=3),
        st.dictionaries(st.text(max_size=6), json_values, max_size=1),
    )


def encoded(data: st.SearchStrategy[Any]) -> st.SearchStrategy[tuple[str, str]]:
    """(format, text): the value written as JSON (NaN and Infinity included) or as TOML."""
    as_json = data.map(lambda d: ("json", json.dumps(d)))
    as_toml = data.filter(lambda d: isinstance(d, dict)).map(lambda d: ("toml", toml_text(d)))
    return as_json | as_toml


def raw_bytes() -> st.SearchStrategy[bytes]:
    """Binary noise, non-UTF-8 bytes, text with NULs and control characters, near-valid files."""
    return st.one_of(
        st.binary(max_size=300),
        st.sampled_from([b"\xff\xfe\x00\x00", b'{"id": "\xc3\x28"}', b"id = '\xed\xa0\x80'", b""]),
        st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.lists(st.sampled_from(["{", "[", "]", "}", '"id"', ":", "=", ",", "\n", "1e999"])).map(
            lambda parts: "".join(parts).encode()
        ),
    )


def assert_names_file_and_field(exc: FileProblems, source: str) -> None:
    """The documented error's promise: a message per problem naming the file and a field."""
    assert exc.problems, "an error with no problem in it"
    for where, reason in exc.problems:
        assert isinstance(where, str), exc.problems  # a key may be "\r": it is still named
        assert isinstance(reason, str) and reason.strip(), exc.problems
        assert f"{source}: {where}: {reason}" in str(exc)


def seen(what: str) -> None:
    """Count an outcome in hypothesis' statistics (``--hypothesis-show-statistics``)."""
    if currently_in_test_context():
        event(what)


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# --- routines ------------------------------------------------------------------------------------

EVENING: dict[str, Any] = {
    "id": "evening",
    "name": "Evening",
    "purpose": "Wind down.",
    "goals": ["sleep"],
    "position": "lying-back",
    "minutes": 20,
    "min_minutes": 10,
    "max_minutes": 30,
    "breathing": "box",
    "sound": "rain",
    "tips": ["Lie down slowly."],
    "cues": [{"at_fraction": 0.5, "text": "Halfway."}, {"at_minute": 3, "text": "Relax."}],
}
ROUTINE_KEYS = [*EVENING, "description", "builtin"]
routine_dicts = st.one_of(
    mutated(EVENING, ROUTINE_KEYS),
    st.builds(
        lambda cues: {**EVENING, "cues": cues},
        st.lists(mutated(EVENING["cues"][0], ["at_minute", "at_fraction", "text"]), max_size=3)
        | json_values,
    ),
)


def parse_or_refuse(parse: Callable[[], object], source: str, error: type[FileProblems]) -> bool:
    """True when parsed; False when refused with the documented error. Anything else fails."""
    try:
        parse()
    except error as exc:
        assert_names_file_and_field(exc, source)
        return False
    return True


@FUZZ
@given(encoded(routine_dicts | json_values))
def test_any_routine_text_parses_or_is_refused_by_name(case: tuple[str, str]) -> None:
    fmt, text = case
    source = f"fuzz.{fmt}"
    parse_or_refuse(lambda: parse_routine(text, fmt, source), source, RoutineError)  # type: ignore[arg-type]


def check_import(data: bytes, name: str, on_clash: str) -> None:
    with tempfile.TemporaryDirectory() as root:
        user_dir, outside = Path(root, "routines"), Path(root, "outside")
        user_dir.mkdir()
        outside.mkdir()
        (user_dir / "evening.toml").write_text(toml_text(EVENING), encoding="utf-8")
        library = RoutineLibrary(user_dir=user_dir)
        assert library.problems == []
        before, ids_before = folder_bytes(user_dir), library.ids()
        source = outside / name
        source.write_bytes(data)
        taken = ""
        try:
            routine = library.import_file(source, on_clash)  # type: ignore[arg-type]
        except RoutineError as exc:
            seen("refused")
            assert_names_file_and_field(exc, name)
        except RoutineExistsError as exc:
            taken = str(exc)
        else:
            seen("imported")
            added = set(folder_bytes(user_dir)) - set(before)
            assert len(added) == 1 and routine.id not in ids_before
            assert {k: v for k, v in folder_bytes(user_dir).items() if k in before} == before
            again = RoutineLibrary(user_dir=user_dir)
            assert again.problems == [] and again.get(routine.id) == routine
            return
        assert not taken or (on_clash == "refuse" and taken.startswith(f"{name}: id: "))
        assert folder_bytes(user_dir) == before
        assert library.ids() == ids_before
        assert source.read_bytes() == data


names = st.sampled_from(["mine.toml", "mine.json", "MINE.TOML", "mine.txt", "mine"])


@FUZZ
@given(encoded(routine_dicts), st.sampled_from(["rename", "refuse"]))
def test_importing_routine_shaped_files_never_harms_the_folder(
    case: tuple[str, str], on_clash: str
) -> None:
    fmt, text = case
    check_import(text.encode("utf-8", "surrogatepass"), f"mine.{fmt}", on_clash)


@FUZZ
@given(raw_bytes(), names, st.sampled_from(["rename", "refuse"]))
def test_importing_any_bytes_never_harms_the_folder(data: bytes, name: str, on_clash: str) -> None:
    check_import(data, name, on_clash)


def test_a_clashing_import_is_renamed_never_overwritten() -> None:
    """The clean path the fuzzing relies on: the same file twice gives two routines."""
    text = toml_text(EVENING).encode()
    check_import(text, "evening.toml", "rename")
    check_import(text, "evening.toml", "refuse")


# --- inputs found by the fuzzing that escape as undocumented exceptions --------------------------

NESTED_AND_HUGE = {
    "deep-json": ("json", "[" * 5000 + "]" * 5000),
    "deep-toml": ("toml", "id = " + "[" * 5000 + "]" * 5000),
    "deep-toml-tables": ("toml", "id = " + "{a = " * 2000 + "1" + "}" * 2000),
    "huge-int-json": ("json", '{"minutes": ' + "9" * 5000 + "}"),
    "huge-int-toml": ("toml", "minutes = " + "9" * 5000),
}


@pytest.mark.parametrize("case", NESTED_AND_HUGE.values(), ids=NESTED_AND_HUGE.keys())
def test_deep_or_huge_text_is_refused_by_name(case: tuple[str, str]) -> None:
    fmt, text = case
    assert not parse_or_refuse(
        lambda: parse_routine(text, fmt, f"x.{fmt}"),  # type: ignore[arg-type]
        f"x.{fmt}",
        RoutineError,
    )


def test_importing_a_deeply_nested_file_is_refused_by_name() -> None:
    check_import(b"[" * 5000 + b"]" * 5000, "deep.json", "rename")
