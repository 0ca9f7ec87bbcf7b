"""A command that only reads a project does not wait for the full integrity check; anything that writes does."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.project import Project
from annotator.repository import ProjectError
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS, ROOT
from tests.reliability.storage_faults import file_digests


def project_with_a_stale_index(path: Path) -> str:
    """A project with two spans whose reading-order index no longer matches its table.

    SQLite's quick check does not compare an index with its table; only the full check finds this.
    """
    project = Project(SqliteRepository.open(path), "tester")
    project.import_paths(sorted(CORPUS.glob("*.txt"))[:1])
    document_id = project.documents()[0].id
    project.apply(project.add_span(document_id, 0, 3, "PER"))
    project.apply(project.add_span(document_id, 10, 14, "ORG"))
    project.close()
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


def hashiya(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
    )


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
