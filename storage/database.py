"""Opening a project file: checks before any write, connection settings, migrations with a backup."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from annotator.repository import ProjectError
from storage.migrations import APPLICATION_ID, SCHEMA_VERSION, migrations

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


def connect(path: Path, *, read_only: bool = False) -> Database:
    """A connection with the settings every connection to a project gets."""
    if read_only:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    db = Database(conn, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA synchronous = FULL")
    return db


def _inspect_existing(path: Path) -> None:
    """Refuse, without writing anything, a file that is not a Hashiya project of a version we know."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise ProjectError(f"{path}: cannot be read ({error.strerror or error}).") from None
    if header != SQLITE_HEADER:
        raise ProjectError(f"{path} is not a Hashiya project (it is not an SQLite database).")
    try:
        db = connect(path, read_only=True)
    except sqlite3.Error as error:
        raise ProjectError(f"{path} cannot be opened: {error}.") from None
    try:
        application_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        has_tables = bool(db.table_names())
        check = db.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise ProjectError(f"{path} is damaged and cannot be read ({error}).") from None
    finally:
        db.close()
    if check != "ok":
        raise ProjectError(f"{path} is damaged: the integrity check reports {check!r}.")
    if application_id != APPLICATION_ID and has_tables:
        raise ProjectError(f"{path} is an SQLite database but not a Hashiya project.")
    if version > SCHEMA_VERSION:
        raise ProjectError(
            f"{path} was written by a newer version of Hashiya (project version {version}, "
            f"this program knows up to {SCHEMA_VERSION}). Update Hashiya to open it."
        )


def backup_file(db: Database, path: Path) -> Path:
    """An online copy of the project beside it, through SQLite's backup API."""
    target = path.with_name(f"{path.name}.backup-v{db.execute('PRAGMA user_version').fetchone()[0]}")
    destination = sqlite3.connect(str(target))
    try:
        db.conn.backup(destination)
    finally:
        destination.close()
    return target


def _restore(backup: Path, path: Path) -> None:
    source = sqlite3.connect(str(backup))
    destination = sqlite3.connect(str(path))
    try:
        source.backup(destination)
    finally:
        source.close()
        destination.close()


def migrate(db: Database, path: Path) -> None:
    """Apply pending migrations; an existing project is backed up first and restored on failure."""
    if not migrations.pending(db):
        return
    is_new = not db.table_names()
    backup = None if is_new else backup_file(db, path)
    try:
        migrations.apply(db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except Exception as error:
        if backup is not None:
            db.close()
            _restore(backup, path)
        raise ProjectError(f"{path} could not be upgraded ({error}); the file was left as it was.") from error


def open_database(path: Path) -> Database:
    """Open or create the project at ``path``; raise ProjectError with a message for the user."""
    path = path.expanduser()
    if path.exists():
        if path.is_dir():
            raise ProjectError(f"{path} is a folder, not a project file.")
        _inspect_existing(path)
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise ProjectError(f"{path} is read-only; Hashiya needs to save every edit into it.")
    else:
        if not path.parent.exists():
            try:
                path.parent.mkdir(parents=True)
            except OSError as error:
                raise ProjectError(f"cannot create the folder {path.parent} ({error.strerror}).") from None
    try:
        db = connect(path)
        db.execute("PRAGMA journal_mode = WAL")
        migrate(db, path)
    except sqlite3.Error as error:
        raise ProjectError(f"{path} cannot be opened: {error}.") from None
    return db
