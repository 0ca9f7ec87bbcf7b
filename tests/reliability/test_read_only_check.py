"""A command that only reads a project does not wait for the full integrity check; anything that writes does."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

import pytest

import storage.database
from annotator.project import Project
from annotator.repository import ProjectError
from storage.sqlite_repository import SqliteRepository
from tests.command_line import hashiya
from tests.conftest import CORPUS
from tests.reliability.storage_faults import change_first_text, file_digests, overwrite_page, pages_of


def one_article(path: Path, spans: Iterable[tuple[int, int, str]] = ()) -> str:
    """A project holding the first sample article and ``spans`` (start, end, label) of "tester"; its id."""
    project = Project(SqliteRepository.open(path), "tester")
    try:
        project.import_paths(sorted(CORPUS.glob("*.txt"))[:1])
        document_id = project.documents()[0].id
        for start, end, label in spans:
            project.apply(project.add_span(document_id, start, end, label))
    finally:
        project.close()
    return document_id


def project_with_a_stale_index(path: Path) -> str:
    """A project with two spans whose reading-order index no longer matches its table.

    SQLite's quick check does not compare an index with its table; only the full check finds this.
    """
    document_id = one_article(path, [(0, 3, "PER"), (10, 14, "ORG")])
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA writable_schema = ON")
    raw.execute(
        """UPDATE sqlite_master SET sql = replace(sql, 'start, "end" DESC, id)', '"end", start DESC, id)')"""
        " WHERE name = 'spans_in_reading_order'"
    )
    raw.commit()
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    assert check.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    check.close()
    return document_id


def test_stats_reads_a_project_that_only_the_full_check_refuses(tmp_path: Path) -> None:
    path = tmp_path / "stale.hashiya"
    project_with_a_stale_index(path)
    before = file_digests(path)

    shown = hashiya("stats", "--db", str(path))

    assert shown.returncode == 0, shown.stderr
    assert "tester: 2 span(s): ORG 1, PER 1" in shown.stdout
    assert file_digests(path) == before


def test_a_command_that_writes_still_gets_the_full_check(tmp_path: Path) -> None:
    path = tmp_path / "stale.hashiya"
    project_with_a_stale_index(path)
    before = file_digests(path)
    text = tmp_path / "note.txt"
    text.write_text("ملاحظات الاجتماع\n", encoding="utf-8")

    refused = hashiya("import-texts", "--db", str(path), str(text))

    assert refused.returncode == 2
    assert "is damaged: the integrity check reports row" in refused.stderr
    assert "Traceback" not in refused.stderr
    with pytest.raises(ProjectError, match="is damaged"):
        SqliteRepository.open(path)
    assert file_digests(path) == before


def test_a_large_project_opens_at_once_and_its_first_edit_waits_for_the_full_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "stale.hashiya"
    document_id = project_with_a_stale_index(path)
    before = file_digests(path)
    monkeypatch.setattr(storage.database, "BACKGROUND_CHECK_FROM", 0)  # every file counts as large

    project = Project(SqliteRepository.open(path), "tester")
    try:
        assert [span.label for span in project.spans(document_id)] == ["PER", "ORG"]
        with pytest.raises(ProjectError, match="is damaged: the integrity check reports row"):
            project.apply(project.add_span(document_id, 20, 24, "GPE"))
        with pytest.raises(ProjectError, match="is damaged"):  # and every edit after it
            project.apply(project.add_span(document_id, 30, 34, "GPE"))
    finally:
        project.close()
    assert file_digests(path) == before


def test_a_sound_large_project_takes_edits_after_its_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sound.hashiya"
    document_id = one_article(path)
    monkeypatch.setattr(storage.database, "BACKGROUND_CHECK_FROM", 0)

    project = Project(SqliteRepository.open(path), "tester")
    project.apply(project.add_span(document_id, 0, 3, "PER"))
    project.close()

    assert [span.label for span in Project(SqliteRepository.open(path), "tester").spans(document_id)] == ["PER"]


def test_a_large_project_whose_text_changed_behind_its_hash_refuses_its_first_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "changed.hashiya"
    document_id = one_article(path)
    change_first_text(path)
    before = file_digests(path)
    monkeypatch.setattr(storage.database, "BACKGROUND_CHECK_FROM", 0)

    project = Project(SqliteRepository.open(path), "tester")
    try:
        assert project.document(document_id).text.startswith("x")
        with pytest.raises(ProjectError, match="no longer matches its stored SHA-256"):
            project.apply(project.add_span(document_id, 1, 4, "PER"))
    finally:
        project.close()
    assert file_digests(path) == before


def project_with_a_damaged_log(path: Path) -> str:
    """A project whose edit log has a page overwritten: SQLite's quick check finds it, opening reads none of it."""
    document_id = one_article(path, [(place * 12, place * 12 + 4, "PER") for place in range(120)])
    pages = pages_of(path, "edit_log")
    assert len(pages) > 2
    overwrite_page(path, pages[len(pages) // 2])
    return document_id


def test_a_project_too_large_for_the_full_check_opens_before_its_quick_check_and_refuses_its_first_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "damaged.hashiya"
    document_id = project_with_a_damaged_log(path)
    before = file_digests(path)
    monkeypatch.setattr(storage.database, "BACKGROUND_CHECK_FROM", 0)  # every file counts as large
    monkeypatch.setattr(storage.database, "FULL_CHECK_LIMIT", 0)  # and too large for the full check

    project = Project(SqliteRepository.open(path), "tester")
    try:
        assert len(project.spans(document_id)) == 120
        with pytest.raises(ProjectError, match="is damaged: the integrity check reports"):
            project.apply(project.add_span(document_id, 2000, 2004, "GPE"))
    finally:
        project.close()
    assert file_digests(path) == before


def test_closing_a_large_project_stops_its_check_and_leaves_no_log_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "large.hashiya"
    one_article(path)
    raw = sqlite3.connect(path)  # about 50 MB that SQLite's full check takes seconds to read
    raw.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, k BLOB)")
    raw.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)"
        " INSERT INTO filler SELECT i, randomblob(16) FROM n"
    )
    raw.execute("CREATE INDEX filler_k ON filler (k)")
    raw.commit()
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    assert path.stat().st_size >= storage.database.BACKGROUND_CHECK_FROM
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)

    for _ in range(5):  # whether the log was left behind depended on where the check was reading
        repository = SqliteRepository.open(path)
        assert isinstance(repository.db, storage.database.ProjectDatabase)
        check = repository.db.pending_check
        assert check is not None and not check.finish(timeout=0)  # still running
        started = time.monotonic()
        repository.close()

        assert time.monotonic() - started < 1.0
        assert sorted(entry.name for entry in tmp_path.iterdir()) == ["large.hashiya"]
    assert [span.label for span in Project(SqliteRepository.open(path), "tester").spans("none")] == []
