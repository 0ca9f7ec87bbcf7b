"""`hashiya import` of a file that takes a while says on stderr how far it is; stdout stays the summary."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from annotator.exchange import ExportFormat, export_layer
from annotator.project import Project
from annotator.resources import sample_corpus_files
from cli import terminal
from cli.project_commands import import_
from storage.sqlite_repository import SqliteRepository


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def layer_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A native file of one layer on the sample corpus; progress shown from the first record on."""
    monkeypatch.setattr(terminal, "PROGRESS_AFTER_SECONDS", 0.0)
    monkeypatch.setattr(terminal, "PROGRESS_EVERY_SECONDS", 0.0)
    project = Project(SqliteRepository.open(tmp_path / "source.hashiya"), "teammate")
    try:
        project.import_paths(sample_corpus_files())
        for summary in project.documents():
            start = project.document(summary.id).text.find("روسيا")
            if start >= 0:
                project.apply(project.add_span(summary.id, start, start + len("روسيا"), "GPE"))
        target = tmp_path / "teammate.jsonl"
        export_layer(project, ExportFormat.NATIVE, target, "teammate", [d.id for d in project.documents()])
        return target
    finally:
        project.close()


def _imported(path: Path, source: Path, err: io.StringIO, *, new: bool = False) -> str:
    out = io.StringIO()
    project = Project(SqliteRepository.open(path), "tester")
    try:
        assert import_(project, source, None, None, out, err, checked_while_stored=new) == 0
    finally:
        project.close()
    return out.getvalue()


def test_elsewhere_each_stage_is_one_line(layer_file: Path, tmp_path: Path) -> None:
    err = io.StringIO()
    out = _imported(tmp_path / "p.hashiya", layer_file, err)
    assert out.startswith("imported 5 layer(s) (teammate): ")
    assert err.getvalue() == "checking: 1 record(s)…\nstoring: 5/5 record(s)…\n"


def test_a_terminal_line_is_rewritten_and_ended(layer_file: Path, tmp_path: Path) -> None:
    err = Terminal()
    _imported(tmp_path / "p.hashiya", layer_file, err)
    shown = err.getvalue()
    assert shown.endswith("\r\x1b[Kstoring: 5/5 record(s)\n")
    assert [line for line in shown.split("\r\x1b[K") if line][:5] == [f"checking: {n} record(s)" for n in range(1, 6)]


def test_a_new_project_counts_the_records_stored_as_they_come(layer_file: Path, tmp_path: Path) -> None:
    err = io.StringIO()
    _imported(tmp_path / "new.hashiya", layer_file, err, new=True)
    assert err.getvalue() == "checking: 1 record(s)…\nstored: 5 record(s)…\n"
