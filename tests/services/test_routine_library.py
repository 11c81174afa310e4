"""The routine library: built-ins, user routines on disk, import/export, id clashes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from acumat_desktop.core.routine_io import Format, RoutineError, parse_routine
from acumat_desktop.core.routines import BUILTIN_ROUTINE_IDS, Goal
from acumat_desktop.services.routine_library import (
    ReadOnlyRoutineError,
    RoutineExistsError,
    RoutineLibrary,
    UnknownRoutineError,
    builtin_routines_dir,
    user_routines_dir,
)

EVENING = {
    "id": "evening",
    "name": "Evening",
    "purpose": "Wind down.",
    "position": "lying-back",
    "minutes": 20,
    "min_minutes": 10,
    "max_minutes": 30,
    "breathing": "box",
    "sound": "rain",
    "goals": ["sleep"],
}


@pytest.fixture
def library() -> RoutineLibrary:
    return RoutineLibrary()


def write(path: Path, data: dict[str, object]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_builtins_load_through_the_locator(library: RoutineLibrary) -> None:
    assert builtin_routines_dir().is_dir()
    assert [r.id for r in library.all()] == list(BUILTIN_ROUTINE_IDS)
    assert all(r.builtin for r in library.all())
    assert library.problems == []
    assert {r.id for r in library.filter(Goal.FEET)} == {"tired-feet"}
    assert len(library.filter(None)) == len(BUILTIN_ROUTINE_IDS)


def test_user_dir_is_in_the_data_folder(xdg_dirs: dict[str, Path]) -> None:
    assert user_routines_dir().is_relative_to(xdg_dirs["XDG_DATA_HOME"])
    assert user_routines_dir().name == "routines"


def test_duplicate_a_builtin_then_edit_and_delete(library: RoutineLibrary) -> None:
    copy = library.duplicate("back-neck")
    assert (copy.id, copy.name, copy.builtin) == ("back-neck-copy", "Back and neck (copy)", False)
    assert (user_routines_dir() / "back-neck-copy.toml").is_file()
    again = library.duplicate("back-neck")
    assert again.id == "back-neck-copy-2"
    edited = library.update(copy.model_copy(update={"minutes": 35, "name": "Long back"}))
    assert RoutineLibrary().get("back-neck-copy").minutes == 35  # persisted
    renamed = library.update(edited.model_copy(update={"id": "long-back"}), "back-neck-copy")
    assert renamed.id == "long-back"
    assert not (user_routines_dir() / "back-neck-copy.toml").exists()
    library.delete("long-back")
    fresh = RoutineLibrary()
    assert "long-back" not in fresh
    assert "back-neck-copy-2" in fresh
    assert fresh.get("back-neck").minutes == 20  # the built-in is untouched


def test_builtins_are_read_only(library: RoutineLibrary) -> None:
    with pytest.raises(ReadOnlyRoutineError):
        library.delete("sleep")
    with pytest.raises(ReadOnlyRoutineError):
        library.update(library.get("sleep").model_copy(update={"minutes": 12}))
    with pytest.raises(UnknownRoutineError, match="no routine with id 'nope'"):
        library.get("nope")


def test_create_refuses_a_taken_id(library: RoutineLibrary) -> None:
    routine = library.get("sleep").model_copy(update={"builtin": False})
    with pytest.raises(RoutineExistsError):
        library.create(routine)
    mine = library.create(routine.model_copy(update={"id": "my-sleep"}))
    with pytest.raises(RoutineExistsError):
        library.create(mine)


def test_import_renames_or_refuses_on_clash_and_never_overwrites(
    library: RoutineLibrary, tmp_path: Path
) -> None:
    first = library.import_file(write(tmp_path / "evening.json", EVENING))
    assert first.id == "evening"
    other = write(tmp_path / "other" / "evening.json", {**EVENING, "minutes": 25})
    with pytest.raises(RoutineExistsError, match=r"evening\.json: id: "):
        library.import_file(other, on_clash="refuse")
    renamed = library.import_file(other)
    assert renamed.id == "evening-2"
    assert library.get("evening").minutes == 20  # the original is not overwritten
    assert library.get("evening-2").minutes == 25
    clash_builtin = write(tmp_path / "sleep.json", {**EVENING, "id": "sleep"})
    assert library.import_file(clash_builtin).id == "sleep-2"
    assert library.get("sleep").builtin


def test_invalid_import_names_file_field_and_imports_nothing(
    library: RoutineLibrary, tmp_path: Path
) -> None:
    bad = write(tmp_path / "broken.json", {**EVENING, "minutes": 99})
    before = (
        sorted(p.name for p in user_routines_dir().glob("*"))
        if user_routines_dir().exists()
        else []
    )
    with pytest.raises(RoutineError) as info:
        library.import_file(bad)
    assert str(info.value).startswith("broken.json: minutes: ")
    assert "evening" not in library
    after = (
        sorted(p.name for p in user_routines_dir().glob("*"))
        if user_routines_dir().exists()
        else []
    )
    assert after == before
    with pytest.raises(RoutineError, match=r"notes\.txt: \(file\)"):
        library.import_file(tmp_path / "notes.txt")
    missing = tmp_path / "missing.toml"
    with pytest.raises(RoutineError, match=r"missing\.toml: \(file\): cannot be read"):
        library.import_file(missing)


def test_export_toml_and_json_read_back(library: RoutineLibrary, tmp_path: Path) -> None:
    formats: list[tuple[str, Format]] = [("out.toml", "toml"), ("out.json", "json")]
    for name, fmt in formats:
        path = library.export("stress-release", tmp_path / name)
        again = parse_routine(path.read_text("utf-8"), fmt, name)
        assert again == library.get("stress-release").model_copy(update={"builtin": False})
        assert "builtin" not in path.read_text("utf-8")


def test_broken_user_files_are_skipped_and_reported() -> None:
    folder = user_routines_dir()
    write(folder / "evening.json", EVENING)
    (folder / "broken.toml").write_text("id = 'x'\nminutes = ", "utf-8")
    write(folder / "shadow.json", {**EVENING, "id": "back-neck"})
    library = RoutineLibrary()
    assert "evening" in library
    assert library.get("back-neck").builtin
    joined = "\n".join(library.problems)
    assert "broken.toml: (file): not valid TOML" in joined
    assert "shadow.json: id: 'back-neck' is already used" in joined
    # Creating a routine whose natural file name is a broken file keeps that file.
    created = library.create(library.get("evening").model_copy(update={"id": "broken"}))
    assert created.id == "broken"
    assert (folder / "broken.toml").read_text("utf-8") == "id = 'x'\nminutes = "
    assert RoutineLibrary().get("broken").name == "Evening"


def test_listeners_hear_about_changes(library: RoutineLibrary) -> None:
    calls: list[int] = []
    unsubscribe = library.subscribe(lambda: calls.append(1))
    copy = library.duplicate("desk-break")
    library.delete(copy.id)
    unsubscribe()
    library.duplicate("desk-break")
    assert len(calls) == 2


def test_custom_sound_catalogue(tmp_path: Path) -> None:
    write(user_routines_dir() / "birds.json", {**EVENING, "id": "birds", "sound": "birdsong"})
    assert "birds" not in RoutineLibrary()
    assert "birds" in RoutineLibrary(
        sounds={
            "birdsong",
            "rain",
            "ocean",
            "brown-noise",
            "pink-noise",
            "wind",
            "singing-bowls",
            "stream",
        }
    )
