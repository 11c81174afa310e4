"""The pattern library: built-ins plus user files; imports validated; clashes refused; bad files
skipped and named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from acumat_desktop.core.breathing import BUILTIN_PATTERNS
from acumat_desktop.core.pattern_io import PatternFileError
from acumat_desktop.services.pattern_library import (
    PatternExistsError,
    PatternLibrary,
    ReadOnlyPatternError,
    UnknownPatternError,
    user_patterns_dir,
)


def pattern_text(pattern_id: str, name: str = "Calm", exhale: float = 6) -> str:
    return json.dumps(
        {
            "id": pattern_id,
            "name": name,
            "phases": [
                {"phase": "inhale", "seconds": 4},
                {"phase": "exhale", "seconds": exhale},
            ],
        }
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "patterns"


def test_without_a_folder_only_the_built_ins(folder: Path) -> None:
    library = PatternLibrary(folder)
    assert dict(library.all()) == BUILTIN_PATTERNS
    assert library.user() == [] and library.problems == []


def test_default_folder_is_patterns_in_the_data_folder(xdg_dirs: dict[str, Path]) -> None:
    assert user_patterns_dir() == xdg_dirs["XDG_DATA_HOME"] / "acumat-desktop" / "patterns"


def test_user_files_join_the_built_ins_and_bad_ones_are_skipped_and_named(folder: Path) -> None:
    folder.mkdir()
    (folder / "calm.json").write_text(pattern_text("calm"))
    (folder / "broken.toml").write_text('id = "broken"\nname = "B"\nphases = "4-6"\n')
    (folder / "again.json").write_text(pattern_text("calm", "Calm again"))  # same id
    (folder / "boxy.json").write_text(pattern_text("box"))  # a built-in's id
    library = PatternLibrary(folder)
    assert set(library.all()) == {*BUILTIN_PATTERNS, "calm"}
    assert library.get("calm").name == "Calm again"  # files are read in name order
    assert [p.id for p in library.user()] == ["calm"]
    text = "\n".join(library.problems)
    assert "broken.toml: phases: must be a list" in text
    assert "boxy.json: id: 'box' is a built-in pattern" in text
    assert "already exists" in text
    assert len(library.problems) == 3


def test_import_copies_the_file_and_the_live_view_follows(folder: Path, tmp_path: Path) -> None:
    library = PatternLibrary(folder)
    view = library.all()
    source = tmp_path / "Mine.TOML"
    source.write_text(
        'id = "slow"\nname = "Slow"\n'
        '[[phases]]\nphase = "inhale"\nseconds = 5\n'
        '[[phases]]\nphase = "exhale"\nseconds = 7\n'
    )
    pattern = library.import_file(source)
    assert pattern.id == "slow" and "slow" in view
    assert (folder / "slow.toml").read_text() == source.read_text()
    assert "slow" in PatternLibrary(folder).all()  # read back from the folder


def test_an_invalid_import_writes_nothing(folder: Path, tmp_path: Path) -> None:
    library = PatternLibrary(folder)
    source = tmp_path / "bad.json"
    source.write_text(pattern_text("calm", exhale=40))
    with pytest.raises(PatternFileError) as caught:
        library.import_file(source)
    assert str(caught.value) == "bad.json: phases[1].seconds: 40 s is outside 1–20 s"
    assert not folder.exists() or list(folder.iterdir()) == []


@pytest.mark.parametrize("clashing", ["calm", "resonance"])
def test_a_clashing_import_is_refused_never_overwritten(
    folder: Path, tmp_path: Path, clashing: str
) -> None:
    folder.mkdir()
    (folder / "calm.json").write_text(pattern_text("calm"))
    before = (folder / "calm.json").read_text()
    library = PatternLibrary(folder)
    source = tmp_path / "new.json"
    source.write_text(pattern_text(clashing, "Other", exhale=8))
    with pytest.raises((PatternExistsError, PatternFileError), match=r"new\.json: id: "):
        library.import_file(source)
    assert (folder / "calm.json").read_text() == before
    assert sorted(p.name for p in folder.iterdir()) == ["calm.json"]


def test_import_beside_a_broken_file_of_the_same_name_keeps_it(
    folder: Path, tmp_path: Path
) -> None:
    folder.mkdir()
    (folder / "calm.json").write_text("{not json")
    library = PatternLibrary(folder)
    source = tmp_path / "calm.json"
    source.write_text(pattern_text("calm"))
    library.import_file(source)
    assert (folder / "calm.json").read_text() == "{not json"
    assert library.file_of("calm") == folder / "calm-2.json"


def test_delete_removes_a_user_pattern_and_refuses_built_ins(folder: Path) -> None:
    folder.mkdir()
    (folder / "calm.json").write_text(pattern_text("calm"))
    library = PatternLibrary(folder)
    view = library.all()
    library.delete("calm")
    assert "calm" not in view and list(folder.iterdir()) == []
    with pytest.raises(ReadOnlyPatternError):
        library.delete("box")
    with pytest.raises(UnknownPatternError, match="no breathing pattern with id 'calm'"):
        library.delete("calm")


# ------------------------------------------------------------------ patterns made in the app


def made(pattern_id: str = "slow-evening", exhale: float = 7) -> dict[str, object]:
    return dict(json.loads(pattern_text(pattern_id, "Slow evening", exhale)))


def test_save_writes_a_file_the_library_reads_back(folder: Path) -> None:
    library = PatternLibrary(folder)
    pattern = library.save(made())
    assert pattern.id == "slow-evening" and pattern.source == "user"
    assert library.all()["slow-evening"] is pattern  # the live view sees it at once
    assert library.file_of("slow-evening") == folder / "slow-evening.json"
    again = PatternLibrary(folder)
    assert again.get("slow-evening").phases == pattern.phases
    assert again.problems == []


def test_save_checks_as_a_file_is_checked_and_writes_nothing_then(folder: Path) -> None:
    library = PatternLibrary(folder)
    with pytest.raises(PatternFileError) as caught:
        library.save(made(exhale=40))
    assert caught.value.problems == [("phases[1].seconds", "40 s is outside 1–20 s")]
    with pytest.raises(PatternFileError, match="built-in"):
        library.save(made("box"))
    library.save(made())
    with pytest.raises(PatternFileError, match="already exists"):
        library.save(made())
    assert sorted(p.name for p in folder.iterdir()) == ["slow-evening.json"]


def test_save_can_replace_a_user_pattern_under_a_new_id(folder: Path) -> None:
    library = PatternLibrary(folder)
    library.save(made())
    changed = library.save(made("slower-evening", exhale=9), replace="slow-evening")
    assert changed.id == "slower-evening" and "slow-evening" not in library
    assert sorted(p.name for p in folder.iterdir()) == ["slower-evening.json"]
    with pytest.raises(UnknownPatternError):
        library.save(made(), replace="box")  # built-ins are never replaced
