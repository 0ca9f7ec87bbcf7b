"""Opening a project file: checks before any write, connection settings, whole-file creation, upgrades with a backup.

A file that is not a Hashiya project, is damaged, read-only or newer than this program is refused
with a ProjectError whose message is for the analyst, and is never written to.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from annotator.repository import ProjectError
from storage.faults import failure_message, is_busy, primary_code
from storage.migrations import APPLICATION_ID, migrations

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


class ProjectDatabase(Database):
    """A sqlite-utils Database on one project file.

    An outermost ``atomic()`` block takes the write lock before its first statement (``BEGIN
    IMMEDIATE``), so writers in two processes wait for each other instead of failing half-way. A
    write that fails for a storage reason (disk full, read-only, busy for too long, I/O error) is
    rolled back and raised as ProjectError. Integrity errors pass through: they mean the edit no
    longer fits the project, which the repository reports in its own words.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        super().__init__(conn, execute_plugins=False)
        self.path = path
        self.busy_timeout_ms = busy_timeout_ms

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:
            with super().atomic() as db:
                yield db
            return
        try:
            self._begin_immediate()
            try:
                yield self
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise
        except sqlite3.IntegrityError:
            raise
        except sqlite3.Error as error:
            raise ProjectError(failure_message(error, self.path)) from error

    def _begin_immediate(self) -> None:
        # The busy handler waits for the lock; this loop only covers the busy results SQLite
        # returns without calling it (a connection recovering the WAL, for one).
        deadline = time.monotonic() + self.busy_timeout_ms / 1000
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if not is_busy(error) or time.monotonic() >= deadline:
                    raise
                time.sleep(0.01)


def connect(path: Path, *, read_only: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> ProjectDatabase:
    """A connection to an existing file with the settings every connection to a project gets."""
    mode = "ro" if read_only else "rw"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True, timeout=busy_timeout_ms / 1000)
    db = ProjectDatabase(conn, path, busy_timeout_ms)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
    db.execute("PRAGMA synchronous = FULL")
    return db


def known_version(plan: Migrations) -> int:
    """The project version ``plan`` brings a file to: the number of its migrations."""
    # Without plugins: loading them reads the metadata of every installed package.
    return len(plan.pending(Database(memory=True, execute_plugins=False)))


def can_write(path: Path) -> bool:
    """Whether the file and its folder (where SQLite keeps the write-ahead log) are writable."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _inspect_existing(path: Path, known: int) -> int:
    """The version of the project at ``path``, or ProjectError if it is not one we can open; never writes."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise ProjectError(f"{path}: cannot be read ({error.strerror or error}).") from None
    if header != SQLITE_HEADER:
        raise ProjectError(f"{path} is not a Hashiya project (it is not an SQLite database).")
    # A file no connection has open (no log beside it) is read as immutable, which leaves no
    # -wal or -shm file behind; if a log appears meanwhile, another program opened it, and
    # the facts are read again through the locks.
    logs = [path.with_name(path.name + suffix) for suffix in ("-wal", "-journal")]
    quiet = not any(log.exists() for log in logs)
    facts = _read_facts(path, immutable=quiet)
    if quiet and any(log.exists() for log in logs):
        facts = _read_facts(path, immutable=False)
    application_id, version, has_tables, problems = facts
    if problems != ["ok"]:
        raise ProjectError(f"{path} is damaged: the integrity check reports {'; '.join(problems)}.")
    if application_id != APPLICATION_ID and (has_tables or application_id != 0):
        raise ProjectError(f"{path} is an SQLite database but not a Hashiya project.")
    if version > known:
        raise ProjectError(
            f"{path} was written by a newer version of Hashiya (project version {version}, "
            f"this program knows up to {known}). Update Hashiya to open it."
        )
    return version


def _read_facts(path: Path, *, immutable: bool) -> tuple[int, int, bool, list[str]]:
    """Application id, version, whether it has tables, and the problems a quick check finds."""
    options = "mode=ro&immutable=1" if immutable else "mode=ro"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        db = ProjectDatabase(conn, path)
        try:
            application_id = int(db.execute("PRAGMA application_id").fetchone()[0])
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            has_tables = bool(db.table_names())
            reported = "\n".join(row[0] for row in db.execute("PRAGMA quick_check(3)"))
        finally:
            db.close()
    except sqlite3.DatabaseError as error:
        if is_busy(error):
            raise ProjectError(f"{path} is kept busy by another program; try again in a moment.") from None
        if primary_code(error) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            raise ProjectError(f"{path} is damaged and cannot be read ({error}).") from None
        raise ProjectError(f"{path} cannot be opened ({error}).") from None
    problems = [line for line in reported.splitlines() if not line.startswith("***")]
    return application_id, version, has_tables, problems


def _fsync(path: Path) -> None:
    """Make the file (or folder entry) at ``path`` durable; folders cannot be opened on every system."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _create(path: Path, plan: Migrations) -> None:
    """Build a new project under a temporary name and put it in place whole.

    A crash while creating leaves either no project or a complete one, never half a schema; when
    two processes create the same project at once, the first one in place wins and the other
    opens it.
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.new")
    try:
        db = ProjectDatabase(sqlite3.connect(str(temporary)), temporary)
        try:
            db.execute("PRAGMA synchronous = FULL")
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            plan.apply(db)
            db.execute(f"PRAGMA user_version = {len(plan.applied(db))}")
        finally:
            db.close()
        _fsync(temporary)
        _put_in_place(temporary, path)
        _fsync(path.parent)
    except OSError as error:
        raise ProjectError(f"{path} cannot be created ({error.strerror or error}).") from None
    except sqlite3.Error as error:
        raise ProjectError(failure_message(error, path)) from None
    finally:
        temporary.unlink(missing_ok=True)
        temporary.with_name(temporary.name + "-journal").unlink(missing_ok=True)


def _put_in_place(temporary: Path, path: Path) -> None:
    try:
        os.link(temporary, path)
        return
    except FileExistsError:
        pass
    except OSError:
        # A file system without hard links: renaming is as good, short of the race below.
        pass
    if path.exists() and path.stat().st_size > 0:
        return  # another process created it first
    os.replace(temporary, path)


def backup_path(path: Path, version: int) -> Path:
    """Where the copy taken before upgrading a version-``version`` project is kept."""
    return path.with_name(f"{path.name}.backup-v{version}")


def upgrade_marker(path: Path, version: int) -> Path:
    """The name of the copy while an upgrade is under way; still there at the next open means a crash."""
    return path.with_name(f"{path.name}.upgrading-from-v{version}")


def backup_to(db: Database, target: Path) -> None:
    """Copy the project through SQLite's backup API: complete under ``target`` or not there at all."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    destination = sqlite3.connect(str(partial))
    try:
        db.conn.backup(destination)
        destination.execute("PRAGMA journal_mode = DELETE")
    finally:
        destination.close()
    _fsync(partial)
    os.replace(partial, target)
    _fsync(target.parent)


def restore_from(backup: Path, db: Database) -> None:
    """Put the content of ``backup`` back into the project ``db`` is connected to."""
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        source.backup(db.conn)
    finally:
        source.close()


def upgrade(path: Path, plan: Migrations = migrations, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
    """Apply pending migrations to an existing project, holding the file to this process meanwhile.

    The project is first copied through the backup API to :func:`upgrade_marker`. If a migration
    fails, the copy is put back. Either way the copy then stays beside the project as
    :func:`backup_path`. A marker found at the next open was left by a crash in mid-upgrade: it
    is put back before anything else.
    """
    try:
        db = connect(path, busy_timeout_ms=busy_timeout_ms)
    except sqlite3.Error as error:
        raise ProjectError(f"{path} cannot be opened: {error}.") from None
    try:
        db.execute("PRAGMA locking_mode = EXCLUSIVE")
        try:
            db._begin_immediate()
            db.conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            if is_busy(error):
                raise ProjectError(
                    f"{path} needs upgrading, but another program has it open. Close it there and open it again."
                ) from None
            raise
        _upgrade_locked(db, path, plan)
    except sqlite3.Error as error:
        raise ProjectError(f"{path} could not be upgraded ({error}); it was not changed.") from None
    finally:
        db.close()


def _upgrade_locked(db: ProjectDatabase, path: Path, plan: Migrations) -> None:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    marker = upgrade_marker(path, version)
    backup = backup_path(path, version)
    if marker.exists():
        restore_from(marker, db)
    if not plan.pending(db):
        if marker.exists():
            os.replace(marker, backup)
        return
    if not marker.exists():
        try:
            backup_to(db, marker)
        except (OSError, sqlite3.Error) as error:
            raise ProjectError(
                f"{path} needs upgrading, but the copy taken first could not be written ({error}); nothing was changed."
            ) from None
    try:
        plan.apply(db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {len(plan.applied(db))}")
    except Exception as error:
        db.rollback()
        try:
            restore_from(marker, db)
        except sqlite3.Error as restore_error:
            raise ProjectError(
                f"{path} could not be upgraded ({error}), and putting it back failed ({restore_error}). "
                f"It will be put back from {marker} the next time it is opened."
            ) from error
        os.replace(marker, backup)
        raise ProjectError(
            f"{path} could not be upgraded ({error}); it was put back as it was. A copy is kept in {backup}."
        ) from error
    os.replace(marker, backup)


def _ensure_folder(folder: Path) -> None:
    if not folder.exists():
        try:
            folder.mkdir(parents=True)
        except OSError as error:
            raise ProjectError(f"cannot create the folder {folder} ({error.strerror}).") from None


def open_database(
    path: Path,
    *,
    plan: Migrations = migrations,
    writable: Callable[[Path], bool] = can_write,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> ProjectDatabase:
    """Open or create the project at ``path``; raise ProjectError with a message for the user."""
    path = path.expanduser()
    if path.is_dir():
        raise ProjectError(f"{path} is a folder, not a project file.")
    if not path.exists() or path.stat().st_size == 0:
        # An empty file holds nothing to lose: SQLite itself reads it as an empty database.
        _ensure_folder(path.parent)
        _create(path, plan)
    else:
        version = _inspect_existing(path, known_version(plan))
        if not writable(path):
            raise ProjectError(f"{path} is read-only; Hashiya needs to save every edit into it.")
        if version < known_version(plan) or upgrade_marker(path, version).exists():
            upgrade(path, plan, busy_timeout_ms)
    try:
        db = connect(path, busy_timeout_ms=busy_timeout_ms)
        db.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error as error:
        raise ProjectError(f"{path} cannot be opened: {error}.") from None
    return db
