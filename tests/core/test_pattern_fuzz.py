"""Breathing-pattern files, fuzzed: whatever the text or bytes, ``parse_pattern`` and
``PatternLibrary.import_file`` end in a pattern or in a ``PatternFileError`` naming the file and
the field (or ``PatternExistsError`` for a taken id), never another exception or a hang; a refused
import leaves the library folder byte for byte as it was, and an accepted one reads back the same.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acumat_desktop.core.pattern_io import PatternFileError, parse_pattern
from acumat_desktop.services.pattern_library import PatternExistsError, PatternLibrary
from tests.core.test_routine_fuzz import (
    FUZZ,
    NESTED_AND_HUGE,
    assert_names_file_and_field,
    encoded,
    folder_bytes,
    json_values,
    mutated,
    raw_bytes,
    seen,
)

CALM: dict[str, Any] = {
    "id": "calm",
    "name": "Calm",
    "description": "4 in, 6 out",
    "max_cycles": 20,
    "warning": "Stop if dizzy.",
    "phases": [
        {"phase": "inhale", "seconds": 4, "cue": "In"},
        {"phase": "hold", "seconds": 1},
        {"phase": "exhale", "seconds": 6},
    ],
}
PATTERN_KEYS = [*CALM]
PHASE_KEYS = ["phase", "seconds", "cue"]
phase_tables = mutated(CALM["phases"][0], PHASE_KEYS) | mutated(CALM["phases"][2], PHASE_KEYS)
NEW = {**CALM, "id": "calm-two"}  # CALM itself is in the library folder already
pattern_dicts = st.one_of(
    mutated(NEW, PATTERN_KEYS),
    st.builds(
        lambda phases: {**NEW, "phases": phases},
        st.lists(phase_tables | json_values, max_size=30),
    ),
)


def parse(text: str, fmt: str, source: str) -> bool:
    """True when parsed; False when refused with the documented error. Anything else fails."""
    try:
        parse_pattern(text, fmt, source)  # type: ignore[arg-type]
    except PatternFileError as exc:
        assert_names_file_and_field(exc, source)
        return False
    return True


@FUZZ
@given(encoded(pattern_dicts | json_values))
def test_any_pattern_text_parses_or_is_refused_by_name(case: tuple[str, str]) -> None:
    fmt, text = case
    parse(text, fmt, f"fuzz.{fmt}")


def check_import(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as root:
        user_dir, outside = Path(root, "patterns"), Path(root, "outside")
        user_dir.mkdir()
        outside.mkdir()
        (user_dir / "calm.json").write_text(json.dumps(CALM), encoding="utf-8")
        library = PatternLibrary(user_dir=user_dir)
        assert library.problems == []
        before, ids_before = folder_bytes(user_dir), set(library.all())
        source = outside / name
        source.write_bytes(data)
        taken = ""
        try:
            pattern = library.import_file(source)
        except PatternFileError as exc:
            seen("refused")
            assert_names_file_and_field(exc, name)
        except PatternExistsError as exc:
            seen("refused: id taken")
            taken = str(exc)
        else:
            seen("imported")
            after = folder_bytes(user_dir)
            assert len(set(after) - set(before)) == 1 and pattern.id not in ids_before
            assert {k: v for k, v in after.items() if k in before} == before
            assert library.file_of(pattern.id) == user_dir / f"{pattern.id}{source.suffix.lower()}"
            again = PatternLibrary(user_dir=user_dir)
            assert again.problems == [] and again.get(pattern.id) == pattern
            return
        assert not taken or taken.startswith(f"{name}: id: ")
        assert folder_bytes(user_dir) == before
        assert set(library.all()) == ids_before
        assert source.read_bytes() == data


@FUZZ
@given(encoded(pattern_dicts))
def test_importing_pattern_shaped_files_never_harms_the_folder(case: tuple[str, str]) -> None:
    fmt, text = case
    check_import(text.encode("utf-8", "surrogatepass"), f"mine.{fmt}")


@FUZZ
@given(raw_bytes(), st.sampled_from(["mine.toml", "mine.json", "MINE.JSON", "mine.txt", "mine"]))
def test_importing_any_bytes_never_harms_the_folder(data: bytes, name: str) -> None:
    check_import(data, name)


def test_a_taken_id_is_refused_and_a_new_one_imported() -> None:
    """The clean paths the fuzzing relies on."""
    check_import(json.dumps(CALM).encode(), "calm.json")
    check_import(json.dumps(NEW).encode(), "calm-two.json")


# --- inputs found by the fuzzing that the parser does not refuse as documented -----------------


@pytest.mark.parametrize("case", NESTED_AND_HUGE.values(), ids=NESTED_AND_HUGE.keys())
def test_deep_or_huge_text_is_refused_by_name(case: tuple[str, str]) -> None:
    fmt, text = case
    assert not parse(text, fmt, f"x.{fmt}")


def test_importing_a_deeply_nested_file_is_refused_by_name() -> None:
    check_import(b"[" * 5000 + b"]" * 5000, "deep.json")


def test_an_id_with_a_trailing_newline_is_refused() -> None:
    text = json.dumps({**CALM, "id": "calm-two\n"})
    assert not parse(text, "json", "x.json")


def test_a_lone_surrogate_in_a_text_field_is_refused() -> None:
    text = json.dumps({**NEW, "name": "Calm \ud800"})
    assert not parse(text, "json", "x.json")


def test_saving_a_lone_surrogate_is_refused_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "patterns"
    library = PatternLibrary(user_dir=folder)
    with pytest.raises(PatternFileError) as refused:
        library.save({**NEW, "name": "Calm \ud800"})
    assert refused.value.fields == ["name"]
    assert not folder.exists() or list(folder.iterdir()) == []
