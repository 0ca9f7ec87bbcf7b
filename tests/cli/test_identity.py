"""The command line works as the analyst the window knows, and says so when a layer is missing."""

from __future__ import annotations

import json
import os
from pathlib import Path

from annotator import identity, preferences
from annotator.project import Project
from storage.sqlite_repository import SqliteRepository
from tests.cli.test_cli import run
from tests.conftest import CORPUS


def amal_project(path: Path) -> str:
    """A project in which the layer ``amal`` has two spans; returns the first document's id."""
    project = Project(SqliteRepository.open(path), "amal")
    try:
        project.import_paths(sorted(CORPUS.glob("*.txt")))
        document = project.documents()[0]
        project.apply(project.add_span(document.id, 0, 5, "ORG"))
        project.apply(project.add_span(document.id, 6, 10, "PER"))
        return document.id
    finally:
        project.close()


def without_layer_variable() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key != identity.ENVIRONMENT_VARIABLE}


def test_an_export_that_names_no_layer_writes_the_windows_analysts_layer(tmp_path: Path) -> None:
    db = tmp_path / "p.hashiya"
    amal_project(db)
    # The window asked once and remembered the name (ui/annotator_name.ask_annotator does this).
    identity.remember("amal", preferences.default_path())
    out = tmp_path / "train.jsonl"
    result = run("--db", str(db), "export", "--format", "spacy", "-o", str(out), env=without_layer_variable())
    assert result.returncode == 0, result.stderr
    assert "'amal'" in result.stdout
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sum(len(line["spans"]) for line in lines) == 2


def test_the_layer_stays_after_the_analyst_is_renamed(tmp_path: Path) -> None:
    db = tmp_path / "p.hashiya"
    amal_project(db)
    identity.remember("amal", preferences.default_path())
    identity.remember("Amal Haddad", preferences.default_path())
    out = tmp_path / "native.jsonl"
    result = run("--db", str(db), "export", "--format", "native", "-o", str(out), env=without_layer_variable())
    assert result.returncode == 0, result.stderr
    assert "2 span(s)" in result.stdout and "'amal'" in result.stdout


def test_exporting_a_layer_that_does_not_exist_says_so_and_lists_the_layers(tmp_path: Path) -> None:
    db = tmp_path / "p.hashiya"
    amal_project(db)
    out = tmp_path / "train.jsonl"
    result = run("--db", str(db), "--annotator", "root", "export", "--format", "spacy", "-o", str(out))
    assert result.returncode == 1
    assert "no layer 'root'" in result.stderr
    assert "amal (2 span(s))" in result.stderr
    assert not out.exists()


def test_exporting_an_empty_gold_layer_fails_instead_of_writing_nothing(tmp_path: Path) -> None:
    db = tmp_path / "p.hashiya"
    document_id = amal_project(db)
    out = tmp_path / "gold.jsonl"
    result = run("--db", str(db), "export", "--format", "native", "--gold", "--doc", document_id, "-o", str(out))
    assert result.returncode == 1
    assert "'gold'" in result.stderr and "amal (2 span(s))" in result.stderr
    assert not out.exists()
