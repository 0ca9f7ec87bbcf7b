from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.preferences import (
    PREFERENCES_VERSION,
    Language,
    Preferences,
    SnappingChoice,
    default_path,
    from_json,
    load,
    save,
)


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    chosen = Preferences(annotator="سارة", language=Language.ARABIC, font_size=18.0, snapping=SnappingChoice.EXACT)
    path = tmp_path / "nested" / "preferences.json"
    save(chosen, path)
    assert load(path) == chosen
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == PREFERENCES_VERSION
    assert [p.name for p in path.parent.iterdir()] == ["preferences.json"]


def test_bad_or_missing_values_fall_back_to_defaults(tmp_path: Path) -> None:
    assert load(tmp_path / "missing.json") == Preferences()
    assert from_json("not json") == Preferences()
    assert from_json("[1, 2]") == Preferences()
    odd = from_json(json.dumps({"language": "klingon", "font_size": True, "snapping": "word", "annotator": 7}))
    assert odd == Preferences()


def test_out_of_range_sizes_are_brought_back_and_names_trimmed() -> None:
    assert from_json(json.dumps({"font_size": 400, "annotator": "  omar "})) == Preferences(
        font_size=48.0, annotator="omar"
    )
    assert from_json(json.dumps({"font_size": 1})).font_size == 8.0


def test_a_newer_file_is_read_for_the_keys_this_version_knows() -> None:
    newer = {"version": PREFERENCES_VERSION + 3, "annotator": "huda", "theme": "dark", "language": "en"}
    assert from_json(json.dumps(newer)) == Preferences(annotator="huda", language=Language.ENGLISH)


def test_the_default_location_follows_the_user_config_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert default_path() == tmp_path / "hashiya" / "preferences.json"
