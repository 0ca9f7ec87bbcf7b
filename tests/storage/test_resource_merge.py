"""Two windows on one project change the schema and the registry: each change is kept, entry by entry."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from annotator.project import InvalidEditError, Project
from annotator.schema import Schema
from storage.sqlite_repository import SqliteRepository


def two_windows(tmp_path: Path) -> tuple[Project, Project]:
    path = tmp_path / "p.hashiya"
    first = Project(SqliteRepository.open(path), "amal")
    return first, Project(SqliteRepository.open(path), "huda")


def with_label(project: Project, name: str, hotkey: str) -> None:
    schema = project.schema
    project.set_schema(replace(schema, labels=(*schema.labels, replace(schema.labels[0], name=name, hotkey=hotkey))))


def recoloured(project: Project, colour: str) -> Schema:
    labels = tuple(replace(label, colour=colour) if label.name == "PER" else label for label in project.schema.labels)
    return replace(project.schema, labels=labels)


def test_labels_added_in_two_windows_are_both_kept(tmp_path: Path) -> None:
    amal, huda = two_windows(tmp_path)
    with_label(amal, "MISSILE", "m")
    with_label(huda, "SHIP", "v")  # this window still holds the schema it loaded first
    stored = Project(SqliteRepository.open(tmp_path / "p.hashiya"), "reader")
    assert {"MISSILE", "SHIP"} <= {label.name for label in stored.schema.labels}
    assert {"MISSILE", "SHIP"} <= {label.name for label in huda.schema.labels}
    for project in (amal, huda, stored):
        project.close()


def test_registry_entries_added_in_two_windows_are_both_kept(tmp_path: Path) -> None:
    amal, huda = two_windows(tmp_path)
    template = amal.registry.entities[0]
    amal.set_registry(replace(amal.registry, entities=(*amal.registry.entities, replace(template, id="q-amal"))))
    huda.set_registry(replace(huda.registry, entities=(*huda.registry.entities, replace(template, id="q-huda"))))
    stored = Project(SqliteRepository.open(tmp_path / "p.hashiya"), "reader")
    assert {"q-amal", "q-huda"} <= {entity.id for entity in stored.registry.entities}
    for project in (amal, huda, stored):
        project.close()


def test_the_same_label_changed_differently_in_two_windows_is_refused_with_a_message(tmp_path: Path) -> None:
    amal, huda = two_windows(tmp_path)
    amal.set_schema(recoloured(amal, "#111111"))
    with pytest.raises(InvalidEditError, match="another window changed the label.* 'PER' at the same time"):
        huda.set_schema(recoloured(huda, "#222222"))
    stored = Project(SqliteRepository.open(tmp_path / "p.hashiya"), "reader")
    assert stored.schema.label("PER").colour == "#111111"
    for project in (amal, huda, stored):
        project.close()
