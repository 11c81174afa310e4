"""Saved mixes: a JSON file in the data folder, read forgivingly, written atomically."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from acumat_desktop.services.audio.mix_presets import MAX_NAME, MixPresets


def test_saved_mixes_round_trip_sorted_by_name_ignoring_case(tmp_path: Path) -> None:
    presets = MixPresets(tmp_path / "mixes.json")
    assert presets.load() == {} and presets.names() == []
    presets.save("  rainy night ", [("rain", 0.7), ("wind", 0.3)])
    presets.save("Beach", [("ocean", 1)])
    assert presets.names() == ["Beach", "rainy night"]
    assert presets.get("rainy night") == [("rain", 0.7), ("wind", 0.3)]
    assert presets.get("Beach") == [("ocean", 1.0)]
    assert presets.get("nothing") is None
    raw = json.loads((tmp_path / "mixes.json").read_text(encoding="utf-8"))
    assert raw == {
        "version": 1,
        "mixes": {"rainy night": [["rain", 0.7], ["wind", 0.3]], "Beach": [["ocean", 1.0]]},
    }


def test_saving_a_name_again_replaces_that_mix_only(tmp_path: Path) -> None:
    presets = MixPresets(tmp_path / "mixes.json")
    presets.save("a", [("rain", 0.5)])
    presets.save("b", [("wind", 0.5)])
    presets.save("a", [("ocean", 0.2)])
    assert presets.load() == {"a": [("ocean", 0.2)], "b": [("wind", 0.5)]}


@pytest.mark.parametrize(
    ("name", "layers", "match"),
    [
        ("", [("rain", 1.0)], "name"),
        ("   ", [("rain", 1.0)], "name"),
        ("x" * (MAX_NAME + 1), [("rain", 1.0)], "name"),
        ("quiet", [], "layer"),
        ("loud", [("rain", 1.5)], "between 0 and 1"),
        ("nan", [("rain", float("nan"))], "between 0 and 1"),
    ],
)
def test_a_bad_mix_is_refused_and_nothing_is_written(
    tmp_path: Path, name: str, layers: list[tuple[str, float]], match: str
) -> None:
    presets = MixPresets(tmp_path / "mixes.json")
    with pytest.raises(ValueError, match=match):
        presets.save(name, layers)
    assert not (tmp_path / "mixes.json").exists()


@pytest.mark.parametrize(
    "text", ["{not json", "[]", '{"mixes": 3}', '{"version": 1}', "\xff\xfe garbage"]
)
def test_an_unreadable_file_reads_as_no_mixes(tmp_path: Path, text: str) -> None:
    path = tmp_path / "mixes.json"
    path.write_text(text, encoding="utf-8")
    assert MixPresets(path).load() == {}


def test_a_malformed_mix_is_left_out_and_the_others_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "mixes.json"
    mixes = {
        "good": [["rain", 0.5]],
        "not pairs": [["rain"]],
        "text volume": [["rain", "0.5"]],
        "bool volume": [["rain", True]],
        "too loud": [["rain", 2]],
        "not a list": 7,
    }
    path.write_text(json.dumps({"version": 1, "mixes": mixes}), encoding="utf-8")
    assert MixPresets(path).load() == {"good": [("rain", 0.5)]}
    assert "not pairs" in caplog.text


def test_saving_over_an_unreadable_file_replaces_it(tmp_path: Path) -> None:
    path = tmp_path / "mixes.json"
    path.write_text("{broken", encoding="utf-8")
    presets = MixPresets(path)
    presets.save("calm", [("rain", 0.4)])
    assert presets.load() == {"calm": [("rain", 0.4)]}
