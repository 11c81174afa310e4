from __future__ import annotations

import json
from datetime import timedelta

import pytest

from acumat_desktop.settings import access
from acumat_desktop.settings.codec import decode, encode
from acumat_desktop.settings.migrations import MIGRATIONS, NewerSchemaError, migrate
from acumat_desktop.settings.model import SCHEMA_VERSION, SECTIONS, Settings


def test_every_field_has_a_default_and_a_description() -> None:
    settings = Settings()
    for section, model in SECTIONS.items():
        assert getattr(settings, section) == model()
        for name, info in model.model_fields.items():
            assert info.description, f"{section}.{name} needs a description"


def test_defaults_match_the_issue() -> None:
    reminders = Settings().reminders
    assert reminders.sit_limit == timedelta(minutes=50)
    assert reminders.natural_break == timedelta(minutes=5)
    assert reminders.snooze == timedelta(minutes=10)


def test_durations_are_stored_as_iso_8601() -> None:
    raw = json.loads(encode(Settings()))
    assert raw["reminders"]["sit_limit"] == "PT50M"
    assert raw["schema_version"] == SCHEMA_VERSION
    assert decode(encode(Settings())).settings == Settings()


@pytest.mark.parametrize(
    ("key", "text", "expected"),
    [
        ("reminders.sit_limit", "1h30m", "PT1H30M"),
        ("reminders.natural_break", "90s", "PT1M30S"),
        ("reminders.enabled", "off", False),
        ("sound.master_volume", "0.25", 0.25),
        ("appearance.theme", "dark", "dark"),
        ("reminders.work_days", "sat,sun", ["sat", "sun"]),
        ("reminders.quiet_start", "21:30", "21:30:00"),
        ("sound.output_device", "", None),
    ],
)
def test_cli_text_is_accepted(key: str, text: str, expected: object) -> None:
    assert access.get_value(access.with_value(Settings(), key, text), key) == expected


@pytest.mark.parametrize(
    ("key", "text", "reason"),
    [
        ("sound.master_volume", "1.5", "less than or equal to 1"),
        ("reminders.sit_limit", "soon", "not a duration"),
        ("reminders.sit_limit", "2s", "greater than or equal"),
        ("appearance.theme", "pink", "'system', 'light' or 'dark'"),
        ("reminders.work_days", "mon,funday", "not a weekday"),
        ("session.default_routine", "Back Neck", "pattern"),
    ],
)
def test_bad_values_name_the_key_and_the_reason(key: str, text: str, reason: str) -> None:
    with pytest.raises(access.SettingsValueError) as caught:
        access.with_value(Settings(), key, text)
    assert key in str(caught.value)
    assert reason in str(caught.value)


def test_unknown_keys_are_named() -> None:
    with pytest.raises(access.SettingsKeyError, match=r"'reminders\.sitlimit'"):
        access.with_value(Settings(), "reminders.sitlimit", "5m")
    with pytest.raises(access.SettingsKeyError):
        access.get_value(Settings(), "nothing")


def test_reset_one_key_keeps_the_rest() -> None:
    changed = access.with_value(
        access.with_value(Settings(), "sound.muted", "true"), "sound.master_volume", "0.1"
    )
    reset = access.reset("sound.muted", changed)
    assert reset.sound.muted is False
    assert reset.sound.master_volume == 0.1


def test_bad_keys_alone_fall_back_to_defaults() -> None:
    text = json.dumps(
        {
            "schema_version": 1,
            "sound": {"master_volume": 7, "muted": True},
            "reminders": {"sit_limit": "PT20M", "snooze": "never", "bogus": 1},
            "appearance": "dark",
        }
    )
    decoded = decode(text)
    assert decoded.settings.sound.muted is True
    assert decoded.settings.sound.master_volume == 0.6
    assert decoded.settings.reminders.sit_limit == timedelta(minutes=20)
    assert decoded.settings.reminders.snooze == timedelta(minutes=10)
    joined = " ".join(decoded.problems)
    for key in ("sound.master_volume", "reminders.snooze", "reminders.bogus", "appearance"):
        assert key in joined


@pytest.mark.parametrize("text", ["", "{", "[]", "null", '"x"'])
def test_unreadable_text_gives_defaults_and_a_problem(text: str) -> None:
    decoded = decode(text)
    assert decoded.settings == Settings()
    assert decoded.problems


def test_migration_from_version_0() -> None:
    old = {"reminders": {"sit_limit_minutes": 30}, "sound": {"volume": 40}}
    migrated = migrate(old)
    assert migrated["schema_version"] == SCHEMA_VERSION
    settings = Settings.model_validate(migrated)
    assert settings.reminders.sit_limit == timedelta(minutes=30)
    assert settings.sound.master_volume == pytest.approx(0.4)


def test_every_version_below_the_current_has_a_step() -> None:
    assert sorted(MIGRATIONS) == list(range(SCHEMA_VERSION))


def test_a_newer_schema_is_refused() -> None:
    with pytest.raises(NewerSchemaError, match="newer than this AcuMat"):
        decode(json.dumps({"schema_version": SCHEMA_VERSION + 1}))


def test_none_is_a_word_for_a_sound_or_pattern_and_nothing_only_where_nothing_fits() -> None:
    from acumat_desktop.settings import access

    settings = Settings()
    silent = access.with_value(settings, "sound.default_soundscape", "none")
    assert silent.sound.default_soundscape == "none"
    unguided = access.with_value(settings, "session.default_breathing", "none")
    assert unguided.session.default_breathing == "none"
    assert access.with_value(settings, "sound.output_device", "none").sound.output_device is None
    assert access.with_value(settings, "sound.muted", "on").sound.muted is True
