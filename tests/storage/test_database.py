from __future__ import annotations

import hashlib
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from annotator.repository import ProjectError
from storage.database import backup_path, connect, open_database, upgrade_marker
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
    assert migrations.pending(db.utils) == []
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


def plan_with(extra: Callable[[Database], None] | None, *, transactional: bool = True) -> Migrations:
    """The project's migrations plus, when given, one more (named 9999_extra)."""
    plan = Migrations("hashiya")
    for step in migrations.pending(Database(memory=True)):
        plan(name=step.name)(step.fn)
    if extra is not None:
        plan(name="9999_extra", transactional=transactional)(extra)
    return plan


def project_with_a_span(path: Path) -> None:
    db = open_database(path)
    db.execute("INSERT INTO annotators VALUES ('huda', 'now')")
    db.execute(
        "INSERT INTO documents (id, title, text, text_sha256, created_at, position)"
        " VALUES ('d', 't', 'نص', ?, 'now', 0)",
        [hashlib.sha256("نص".encode()).hexdigest()],
    )
    db.close()


def content(path: Path) -> list[str]:
    raw = sqlite3.connect(path)
    try:
        return [*raw.iterdump(), f"user_version={raw.execute('PRAGMA user_version').fetchone()[0]}"]
    finally:
        raw.close()


def test_an_upgrade_backs_up_the_project_first(tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    project_with_a_span(path)
    before = content(path)

    def add_column(db: Database) -> None:
        db.execute("ALTER TABLE documents ADD COLUMN language TEXT NOT NULL DEFAULT 'ar'")

    db = open_database(path, plan=plan_with(add_column))
    assert "language" in db.table("documents").columns_dict
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    db.close()
    assert content(backup_path(path, SCHEMA_VERSION)) == before
    assert not upgrade_marker(path, SCHEMA_VERSION).exists()


def test_an_upgrade_to_version_5_stores_the_length_of_each_document(tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    four = Migrations("hashiya")
    for step in migrations.pending(Database(memory=True))[:4]:
        four(name=step.name)(step.fn)
    db = open_database(path, plan=four)
    text = "قال لافروف 😀\x00 في موسكو"
    db.execute(
        "INSERT INTO documents (id, title, text, text_sha256, created_at, position) VALUES ('d', 't', ?, ?, 'now', 0)",
        [text, hashlib.sha256(text.encode()).hexdigest()],
    )
    db.close()
    db = open_database(path)
    assert db.execute("SELECT length FROM documents").fetchall() == [(len(text),)]
    db.close()


@pytest.mark.parametrize("transactional", [True, False])
def test_a_failed_upgrade_puts_the_project_back(tmp_path: Path, transactional: bool) -> None:
    path = tmp_path / "p.hashiya"
    project_with_a_span(path)
    before = content(path)

    def half_done(db: Database) -> None:
        # Outside a transaction each statement is committed at once: only the backup can undo them.
        db.execute("CREATE TABLE half (x)")
        db.execute("DELETE FROM documents")
        raise RuntimeError("the disk went away")

    with pytest.raises(ProjectError, match="could not be upgraded .*the disk went away.*put back as it was"):
        open_database(path, plan=plan_with(half_done, transactional=transactional))
    assert content(path) == before
    assert content(backup_path(path, SCHEMA_VERSION)) == before
    assert not upgrade_marker(path, SCHEMA_VERSION).exists()
    # The program still opens it as it was.
    db = open_database(path)
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    db.close()


def test_an_upgrade_cut_short_by_a_crash_is_put_back_at_the_next_open(tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    project_with_a_span(path)
    before = content(path)
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from tests.storage.test_database import plan_with\n"
        "from storage.database import open_database\n"
        "def crash(db):\n"
        "    db.execute('CREATE TABLE half (x)')\n"
        "    db.execute('DELETE FROM documents')\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "open_database(Path(sys.argv[1]), plan=plan_with(crash, transactional=False))\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", script, str(path)], cwd=root, capture_output=True, timeout=60)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert upgrade_marker(path, SCHEMA_VERSION).exists()
    assert content(path) != before  # the half-done upgrade is in the file

    db = open_database(path)
    db.close()
    assert content(path) == before
    assert not upgrade_marker(path, SCHEMA_VERSION).exists()
    assert content(backup_path(path, SCHEMA_VERSION)) == before


def test_a_project_another_program_holds_is_not_upgraded_under_it(tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    project_with_a_span(path)
    holder = connect(path)
    holder.execute("SELECT count(*) FROM documents").fetchone()
    before = content(path)

    def add_table(db: Database) -> None:
        db.execute("CREATE TABLE extra (x)")

    monkey_plan = plan_with(add_table)
    with pytest.raises(ProjectError, match="needs upgrading, but another program has it open"):
        open_database(path, plan=monkey_plan, busy_timeout_ms=300)
    holder.close()
    assert content(path) == before


def test_a_new_project_appears_whole_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "new" / "p.hashiya"
    open_database(path).close()
    assert sorted(p.name for p in path.parent.iterdir()) == ["p.hashiya"]
    assert content(path)[-1] == f"user_version={SCHEMA_VERSION}"


def test_writers_wait_for_each_other_instead_of_failing(tmp_path: Path) -> None:
    """A transaction that reads before it writes, while another connection holds the write lock."""
    path = tmp_path / "p.hashiya"
    project_with_a_span(path)
    second = open_database(path)
    holding = threading.Event()

    def hold_the_lock() -> None:
        first = open_database(path)
        with first.atomic():
            first.execute("INSERT INTO annotators VALUES ('karim', 'now')")
            holding.set()
            time.sleep(0.3)
        first.close()

    thread = threading.Thread(target=hold_the_lock)
    thread.start()
    holding.wait(5)
    with second.atomic():
        count = second.execute("SELECT count(*) FROM annotators").fetchone()[0]
        second.execute("INSERT INTO annotators VALUES (?, 'now')", [f"reader-{count}"])
    thread.join()
    names = {row[0] for row in second.execute("SELECT name FROM annotators")}
    assert names == {"huda", "karim", "reader-2"}
    second.close()


def test_a_write_kept_waiting_too_long_is_a_project_error(tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    project_with_a_span(path)
    holder = open_database(path)
    holder.execute("BEGIN IMMEDIATE")
    waiting = connect(path, busy_timeout_ms=200)
    with (
        pytest.raises(ProjectError, match="kept .* busy for too long, so this change was not saved"),
        waiting.atomic(),
    ):
        waiting.execute("INSERT INTO annotators VALUES ('karim', 'now')")
    holder.execute("ROLLBACK")
    with waiting.atomic():
        waiting.execute("INSERT INTO annotators VALUES ('karim', 'now')")
    assert waiting.execute("SELECT count(*) FROM annotators").fetchone()[0] == 2
    holder.close()
    waiting.close()


def test_asking_whether_a_project_holds_documents_leaves_it_as_it_was(tmp_path: Path) -> None:
    from annotator.project import Project
    from storage.database import holds_documents
    from storage.sqlite_repository import SqliteRepository

    path = tmp_path / "p.hashiya"
    repository = SqliteRepository.open(path)
    repository.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert not holds_documents(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.hashiya"]
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "one.txt").write_text("قال لافروف إن موسكو تدعم بيونغ يانغ", encoding="utf-8")
    project = Project(SqliteRepository.open(path), "amal")
    project.import_paths([texts / "one.txt"])
    project.close()
    assert holds_documents(path)
    assert not holds_documents(tmp_path / "missing.hashiya")
