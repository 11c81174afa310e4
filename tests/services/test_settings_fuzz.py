"""Any settings file, of any type, size or depth, loads: nothing but NewerSchemaError is raised,
and the file changes only by the documented keep-aside (the original kept byte for byte)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from acumat_desktop.services.settings_store import SettingsStore
from acumat_desktop.settings.codec import decode
from acumat_desktop.settings.migrations import NewerSchemaError
from acumat_desktop.settings.model import SECTIONS, Settings

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**60), max_value=10**60),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["50m", "PT99999999999999999999H", "99999999999999999999", "mon,fri", ""]),
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
section_dicts = st.fixed_dictionaries(
    {},
    optional={
        section: st.dictionaries(
            st.sampled_from([*model.model_fields, "sit_limit_minutes", "volume", "x"]),
            json_values,
            max_size=5,
        )
        | json_values
        for section, model in SECTIONS.items()
    }
    | {"schema_version": st.one_of(st.integers(-2, 3), json_values)},
)


def _check_load(data: bytes) -> None:
    """The property: load never raises but NewerSchemaError; a refused file is kept aside
    byte for byte and replaced by a clean one; a clean file is untouched."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.json"
        path.write_bytes(data)
        store = SettingsStore(path)
        try:
            store.read()  # a read never touches the file
            assert path.read_bytes() == data
            result = store.load()
        except NewerSchemaError:
            assert path.read_bytes() == data
            assert sorted(p.name for p in Path(folder).iterdir()) == ["settings.json"]
            return
        assert isinstance(result.settings, Settings)
        others = sorted(p for p in Path(folder).iterdir() if p != path)
        if not result.problems:
            assert path.read_bytes() == data and others == []
            return
        assert result.kept_aside is not None and others == [result.kept_aside]
        assert result.kept_aside.read_bytes() == data
        assert decode(path.read_text(encoding="utf-8")).clean
        assert str(result.kept_aside) in (result.message() or "")


@FUZZ
@given(section_dicts)
def test_settings_shaped_json_always_loads(value: dict[str, object]) -> None:
    _check_load(json.dumps(value).encode())


@FUZZ
@given(json_values)
def test_any_json_value_always_loads(value: object) -> None:
    _check_load(json.dumps(value).encode())


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_always_load(data: bytes) -> None:
    _check_load(data)


@FUZZ
@given(
    st.integers(min_value=1, max_value=200_000), st.sampled_from(["[", '{"a":', '{"reminders":'])
)
def test_any_depth_always_loads(depth: int, opener: str) -> None:
    closer = {"[": "]", '{"a":': "}", '{"reminders":': "}"}[opener]
    _check_load((opener * depth + "1" + closer * depth).encode())


@pytest.mark.parametrize(
    "text",
    [
        '{"reminders": 5}',
        '{"reminders": [1, 2]}',
        '{"reminders": {"sit_limit_minutes": "soon"}, "sound": {"volume": [50]}}',
        '{"reminders": {"sit_limit": 99999999999999999999}}',
        '{"reminders": {"sit_limit": Infinity}, "sound": {"end_fade": -Infinity}}',
        '{"reminders": {"sit_limit": NaN}}',
        '{"reminders": {"sit_limit": "99999999999999999999"}}',
        '{"sound": {"master_volume": 1e400}}',
        "1" * 5000,
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
    ],
)
def test_the_files_that_stopped_the_app_now_load(text: str) -> None:
    _check_load(text.encode())


def test_the_good_part_of_a_bad_file_applies() -> None:
    text = json.dumps(
        {"reminders": {"sit_limit": 1e30, "snooze": "PT5M"}, "appearance": {"theme": "dark"}}
    )
    decoded = decode(text)
    assert decoded.settings.appearance.theme == "dark"
    assert decoded.settings.reminders.snooze.total_seconds() == 300
    assert any("reminders.sit_limit" in p for p in decoded.problems)


def test_a_non_utf8_file_keeps_its_good_values_and_is_kept_aside(tmp_path: Path) -> None:
    data = b'{"appearance": {"theme": "dark"}, "session": {"default_routine": "\xff\xfe"}}'
    path = tmp_path / "settings.json"
    path.write_bytes(data)
    result = SettingsStore(path).load()
    assert result.settings.appearance.theme == "dark"
    assert result.problems[0].startswith("the file is not UTF-8 text")
    assert result.kept_aside is not None and result.kept_aside.read_bytes() == data
