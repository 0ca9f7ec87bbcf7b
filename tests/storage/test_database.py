from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from annotator.repository import ProjectError
from storage.database import connect, open_database
from storage.migrations import APPLICATION_ID, SCHEMA_VERSION, migrations


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_connection_has_the_project_settings(tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    open_database(path).close()
    for db in (open_database(path), connect(path)):
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        db.close()


def test_a_new_project_is_marked_and_versioned(tmp_path: Path) -> None:
    db = open_database(tmp_path / "p.hashiya")
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert migrations.pending(db) == []
    assert {"documents", "spans", "relations", "annotators", "document_status", "edit_log"} <= set(db.table_names())


def test_schema_version_counts_the_migrations() -> None:
    assert len(migrations.pending(Database(memory=True))) == SCHEMA_VERSION


def test_the_schema_refuses_bad_spans(tmp_path: Path) -> None:
    db = open_database(tmp_path / "p.hashiya")
    db.execute("INSERT INTO annotators VALUES ('a', 'now')")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        db.execute(
            'INSERT INTO spans (id, document_id, annotator, kind, label, start, "end", text, created_at, updated_at)'
            " VALUES ('s', 'missing-doc', 'a', 'entity', 'PER', 0, 1, 'x', 'now', 'now')"
        )


def test_not_a_sqlite_file_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.hashiya"
    path.write_text("مجرد نص", encoding="utf-8")
    before = digest(path)
    with pytest.raises(ProjectError, match="not a Hashiya project"):
        open_database(path)
    assert digest(path) == before


def test_another_sqlite_database_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE things (x)")
    other.commit()
    other.close()
    before = digest(path)
    with pytest.raises(ProjectError, match="not a Hashiya project"):
        open_database(path)
    assert digest(path) == before


def test_a_newer_project_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "future.hashiya"
    open_database(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    before = digest(path)
    with pytest.raises(ProjectError, match="newer version of Hashiya"):
        open_database(path)
    assert digest(path) == before


def test_a_corrupt_project_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.hashiya"
    db = open_database(path)
    db.table("documents").insert_all(
        {"id": str(i), "title": "t", "text": "نص " * 500, "text_sha256": str(i), "created_at": "now", "position": i}
        for i in range(200)
    )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xff" * (4096 * 3)
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(ProjectError, match="damaged|cannot be opened"):
        open_database(path)
    assert digest(path) == before


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="is a folder"):
        open_database(tmp_path)
