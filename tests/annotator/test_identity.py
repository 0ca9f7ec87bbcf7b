"""One identity for the window and the command line, stored with the preferences."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator import identity, preferences
from annotator.identity import Identity


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(identity.ENVIRONMENT_VARIABLE, raising=False)
    return tmp_path / "preferences.json"


def test_nothing_stored_means_the_system_user_for_commands(store: Path) -> None:
    assert identity.resolve(None, store) is None
    assert identity.command_line_layer(None, store) == identity.system_user()


def test_the_first_name_is_also_the_layer(store: Path) -> None:
    assert identity.remember("  amal ", store) == Identity(layer="amal", name="amal")
    assert identity.command_line_layer(None, store) == "amal"


def test_a_rename_keeps_the_layer(store: Path) -> None:
    identity.remember("amal", store)
    assert identity.remember("Amal Haddad", store) == Identity(layer="amal", name="Amal Haddad")
    assert identity.resolve(None, store) == Identity(layer="amal", name="Amal Haddad")
    assert identity.resolve("amal", store) == Identity(layer="amal", name="Amal Haddad")
    assert identity.command_line_layer(None, store) == "amal"
    assert preferences.load(store).layer == "amal"
    # Renamed back, the name is the layer again.
    assert identity.remember("amal", store) == Identity(layer="amal", name="amal")
    assert preferences.load(store).layer == ""


def test_an_explicit_layer_wins_for_one_run(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    identity.remember("amal", store)
    assert identity.resolve("bilal", store) == Identity(layer="bilal", name="bilal")
    monkeypatch.setenv(identity.ENVIRONMENT_VARIABLE, "reviewer")
    assert identity.command_line_layer(None, store) == "reviewer"


def test_the_store_saves_each_change(store: Path) -> None:
    shared = preferences.PreferencesStore(store)
    assert shared.current.show_suggestions
    shared.set_show_suggestions(False)
    assert not preferences.load(store).show_suggestions
    assert not preferences.PreferencesStore(store).current.show_suggestions
