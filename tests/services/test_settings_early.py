"""The language read before the tray icon shows (without the settings model) is the one the
model then validates, whatever the file holds; a newer file is refused by both."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from acumat_desktop.services.settings_early import MAX_FILE_BYTES, read_language
from acumat_desktop.services.settings_store import SettingsStore
from acumat_desktop.settings.early import LANGUAGES
from acumat_desktop.settings.migrations import NewerSchemaError
from acumat_desktop.settings.model import AppearanceSettings
from tests.services.test_settings_fuzz import json_values, section_dicts

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

languages = st.one_of(st.sampled_from([*LANGUAGES, "fr", "DE", " de", ""]), json_values)
appearance = st.one_of(
    st.fixed_dictionaries(
        {},
        optional={
            "language": languages,
            "theme": st.sampled_from(["dark", "purple"]),
            "x": json_values,
        },
    ),
    json_values,
)
files = st.builds(
    lambda rest, look: {**rest, "appearance": look} if look is not None else rest,
    section_dicts,
    st.one_of(st.none(), appearance),
)


def _both(data: bytes) -> tuple[object, object]:
    """What the early read says, then what the model says, for a file holding ``data``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.json"
        path.write_bytes(data)
        try:
            early: object = read_language(path)
        except NewerSchemaError:
            early = NewerSchemaError
        try:
            model: object = SettingsStore(path).load().settings.appearance.language
        except NewerSchemaError:
            model = NewerSchemaError
        return early, model


def test_the_languages_are_the_models() -> None:
    assert AppearanceSettings().language == "system"
    for value in LANGUAGES:
        assert AppearanceSettings.model_validate({"language": value}).language == value
    assert set(LANGUAGES) == {"system", "en", "de"}


@FUZZ
@given(files)
def test_any_json_file_gives_the_models_language(raw: dict[str, object]) -> None:
    early, model = _both(json.dumps(raw).encode())
    assert early == model


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"{",
        b"[]",
        b'{"appearance": "de"}',
        b'{"appearance": {"language": "de"}}',
        b'{"appearance": {"language": "de", "colour": 1}}',
        b'{"appearance": {"language": "fr"}}',
        b'{"appearance": {"language": ["de"]}}',
        b'{"schema_version": 0, "appearance": {"language": "de"}}',
        b'{"schema_version": "one", "appearance": {"language": "de"}}',
        b'{"schema_version": 9, "appearance": {"language": "de"}}',
        b'{"appearance": {"language": "de"}, "reminders": {"sit_limit": "forever"}}',
        b'{"appearance": {"language": "de\xff"}}',
        b'\xff{"appearance": {"language": "de"}}',
        b'{"appearance": {"language": "de"}}' + b" " * MAX_FILE_BYTES,
    ],
)
def test_odd_files_give_the_models_language(data: bytes) -> None:
    early, model = _both(data)
    assert early == model


def test_a_missing_or_unreadable_file_gives_the_default(tmp_path: Path) -> None:
    assert read_language(tmp_path / "missing.json") == "system"
    (tmp_path / "folder.json").mkdir()
    assert read_language(tmp_path / "folder.json") == "system"


def test_the_early_read_imports_no_model() -> None:
    """pydantic is what the early read avoids (tens of milliseconds, ~15 MB)."""
    code = (
        "import sys; from acumat_desktop.services.settings_early import read_language; "
        "print(sorted(m for m in sys.modules "
        "if m.startswith(('pydantic', 'acumat_desktop.settings.model'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
