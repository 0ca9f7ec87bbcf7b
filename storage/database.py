"""Opening a project file: checks before any write, connection settings, whole-file creation, upgrades with a backup.

A file that is not a Hashiya project, is damaged, read-only or newer than this program is refused
with a ProjectError whose message is for the analyst, and is never written to.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.repository import ProjectError
from annotator.said import QT_TRANSLATE_NOOP, Said, said
from storage.faults import failure_message, is_busy, primary_code
from storage.file_guard import Problem, ProjectFiles, Trouble
from storage.project_path import LOG_SUFFIXES, PathState, project_path_state, writable_by_mode
from storage.schema_version import APPLICATION_ID, SCHEMA_VERSION
from storage.sqlite_database import SqliteDatabase

if TYPE_CHECKING:
    from sqlite_utils.migrations import Migrations

BUSY_TIMEOUT_MS = 10_000


class ProjectFilesChanged(ProjectError):
    """The project file, its folder, its log or this process's lock on it changed; nothing was saved."""

    def __init__(self, problem: Problem, *, reopened: bool = False) -> None:
        told = problem.message
        if reopened:
            template = QT_TRANSLATE_NOOP(
                "Said", "{problem} The project was opened again from its file: make the change once more."
            )
            told = said(template, problem=told)
        super().__init__(told)
        self.problem = problem
        self.reopened = reopened


class ProjectDatabase(SqliteDatabase):
    """One project file's connection.

    An outermost ``atomic()`` block takes the write lock before its first statement (``BEGIN
    IMMEDIATE``), so writers in two processes wait for each other instead of failing half-way. A
    write that fails for a storage reason (disk full, read-only, busy for too long, I/O error) is
    rolled back and raised as ProjectError. Integrity errors pass through: they mean the edit no
    longer fits the project, which the repository reports in its own words.

    With ``files`` set (a project opened by :func:`open_database`), a transaction commits only while
    the file, its folder and its log are the ones opened and this process still holds its lock on
    the file; otherwise it is rolled back and ProjectFilesChanged says why.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        super().__init__(conn)
        self.path = path
        self.busy_timeout_ms = busy_timeout_ms
        self.files: ProjectFiles | None = None
        self.pending_check: BackgroundCheck | None = None

    def check_files(self) -> None:
        """Raise ProjectFilesChanged if the project's files or locks are no longer the ones opened."""
        problem = None if self.files is None else self.files.problem()
        if problem is not None:
            raise ProjectFilesChanged(problem)

    def _reopen_after(self, problem: Problem) -> bool:
        """Open the project afresh where the file itself is intact; whether that was possible.

        The file, its folder and its log are unchanged and only the lock was lost: a new
        connection takes the locks again. The log was deleted under this connection: what it
        still holds (edits acknowledged before) is first folded into the file, then the project is
        opened anew. The file or its folder is gone: nothing can be reopened, and the connection
        stays as it is, so that the analyst can still save a copy of what it shows.
        """
        if problem.trouble is Trouble.FILE_GONE:
            return False
        try:
            if problem.trouble is Trouble.LOG_GONE:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            # Closed first: connections of one process to one file share SQLite's record of the
            # locks it believes it holds, and a new one beside the old would take none.
            self.conn.close()
            fresh = connect(self.path, busy_timeout_ms=self.busy_timeout_ms)
            fresh.execute("PRAGMA journal_mode = WAL")
            fresh.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error:
            return False
        self.conn = fresh.conn
        self.files = ProjectFiles(self.path)
        return True

    @contextlib.contextmanager
    def atomic(self) -> Iterator[SqliteDatabase]:
        if self.conn.in_transaction:
            with super().atomic() as db:
                yield db
            return
        try:
            self._wait_for_the_check()
            self._begin_immediate()
            try:
                yield self
                self.check_files()
                self.conn.execute("COMMIT")
            except ProjectFilesChanged as changed:
                self.rollback()
                if self._reopen_after(changed.problem):
                    raise ProjectFilesChanged(changed.problem, reopened=True) from None
                raise
            except BaseException:
                self.rollback()
                raise
        except sqlite3.IntegrityError:
            raise
        except sqlite3.Error as error:
            raise ProjectError(failure_message(error, self.path)) from error

    def close(self) -> None:
        if self.pending_check is not None:
            # The check's connection closes first: the last connection to close is the one that
            # folds the log into the file and removes it with the shared memory file. A full check
            # of a large file is stopped rather than waited for; a quick one is waited for.
            if self.pending_check.full:
                self.pending_check.stop()
            else:
                self.pending_check.finish()
        super().close()

    def _wait_for_the_check(self) -> None:
        """Before the first write, the check of the file (still running, for a large file) must pass."""
        self._settle_the_check(said(QT_TRANSLATE_NOOP("Said", "Nothing was saved")))

    def wait_for_checks(self, timeout: float | None = None) -> bool:
        """Wait for the checks still running beside the reads; ProjectError if they found the file damaged.

        A caller that opened the project with ``checked_beside`` calls this before it shows anything
        it read: what a damaged file yields is never shown. With a ``timeout`` (seconds) it returns
        False if they are still running then."""
        if self.pending_check is not None and not self.pending_check.finish(timeout):
            return False
        self._settle_the_check(said(QT_TRANSLATE_NOOP("Said", "It was left alone")))
        return True

    def checks_yield_to_readers(self) -> None:
        """The checks still running beside the reads run at a lower priority (see BackgroundCheck.yield_to_readers)."""
        if self.pending_check is not None:
            self.pending_check.yield_to_readers()

    def _settle_the_check(self, outcome: Said) -> None:
        if self.pending_check is None:
            return
        try:
            problems = self.pending_check.problems()
        except ProjectError as unreadable:
            told = unreadable.said or str(unreadable)
            raise ProjectError(
                said(QT_TRANSLATE_NOOP("Said", "{problem} {outcome}."), problem=told, outcome=outcome)
            ) from None
        if problems:
            template = QT_TRANSLATE_NOOP("Said", "{path} is damaged: {problems}. {outcome}; restore it from a copy.")
            raise ProjectError(said(template, path=self.path, problems="; ".join(problems), outcome=outcome))
        self.pending_check = None

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


def project_plan() -> Migrations:
    """The project's migrations (loading them loads sqlite-utils: only to create or upgrade a file)."""
    from storage.migrations import migrations

    return migrations


def known_version(plan: Migrations | None) -> int:
    """The project version ``plan`` (the project's own if None) brings a file to: the number of its migrations."""
    if plan is None:
        return SCHEMA_VERSION
    from sqlite_utils import Database

    # Without plugins: loading them reads the metadata of every installed package.
    return len(plan.pending(Database(memory=True, execute_plugins=False)))


def can_write(path: Path) -> bool:
    """Whether the file, its folder (where SQLite keeps the write-ahead log) and its logs are writable."""
    return writable_by_mode(path)


FULL_CHECK_LIMIT = 256 * 1024 * 1024
"""Projects up to this size get SQLite's full integrity check and a check of every text's hash when
opened; larger ones the quick check (the full one would hold the window back for minutes).
A project opened only to be read (``full_check=False``) gets the quick check (and the hashes)
whatever its size: SQLite's full check guards writes, and such an opening makes none."""

BACKGROUND_CHECK_FROM = 16 * 1024 * 1024
"""Projects from this size on open at once: their check (the full one up to FULL_CHECK_LIMIT, the
quick one beyond) runs beside the work, the first write waits for it, and the window says as soon
as it finds damage (``wait_for_checks(timeout=0)``)."""


class BackgroundCheck:
    """The integrity check and the texts' hashes of a project, on a connection of their own.

    SQLite's full check with ``full_check`` (up to FULL_CHECK_LIMIT), else its quick check."""

    def __init__(self, path: Path, *, full_check: bool = True) -> None:
        self._path = path
        self.full = full_check
        self._problems: list[str] = []
        self._unreadable: ProjectError | None = None
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._wanted = threading.Event()
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="project check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        if self.full:
            # The window opens and paints its document first; the first write (or anyone else
            # waiting for the check) starts it at once.
            self._wanted.wait(CHECK_DELAY_S)
            _yield_to_the_window()
        if self._stopped:
            return
        try:
            self._problems = _read_facts(self._path, immutable=False, full_check=self.full, opened=self._opened)[3]
        except ProjectError as error:
            self._unreadable = error

    def _opened(self, conn: sqlite3.Connection | None) -> None:
        with self._lock:
            self._conn = conn

    def stop(self) -> None:
        """Interrupt the check (the project is being closed) and wait for its connection to close."""
        self._stopped = True
        self._wanted.set()
        # SQLite interrupts only the statements running at the time: asked again until the check ends.
        while self._thread.is_alive():
            with self._lock:
                if self._conn is not None:
                    self._conn.interrupt()
            self._thread.join(0.02)

    def finish(self, timeout: float | None = None) -> bool:
        """Wait for the check, at most ``timeout`` seconds; whether it is done (a look, with 0)."""
        if timeout != 0:
            self._wanted.set()
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def yield_to_readers(self) -> None:
        """Let readers that keep every processor busy go first: the check takes what they leave idle
        (their last, single-threaded steps) and still ends before anything read is shown."""
        native_id = self._thread.native_id
        if native_id is not None and self._thread.is_alive():
            _lower_priority(native_id)

    def problems(self) -> list[str]:
        """What the check found, once it is done: nothing for a sound file; ProjectError if it could not read it."""
        self.finish()
        if self._unreadable is not None:
            raise self._unreadable
        return self._problems


# The niceness of the thread that checks a large file beside the window (Linux counts it per thread).
CHECK_NICENESS = 10

# How long after opening the check of a large file beside the window waits before it starts, in
# seconds, unless someone waits for it: opening and painting the first document take a core each
# on a small machine, and reading the whole file competes with them even at a lower priority.
CHECK_DELAY_S = 1.5


def _yield_to_the_window() -> None:
    """Let the window (opening a document, painting it) have the processor before the check of
    the file it opened: the check still ends before the first write, which waits for it."""
    _lower_priority(threading.get_native_id())


def _lower_priority(thread: int) -> None:
    """``CHECK_NICENESS`` below the thread's priority (Linux counts niceness per thread)."""
    # Where there is no per-thread priority, the check runs as the window does.
    with contextlib.suppress(AttributeError, OSError):
        niceness = os.getpriority(os.PRIO_PROCESS, thread)
        os.setpriority(os.PRIO_PROCESS, thread, min(niceness + CHECK_NICENESS, 19))


HASHIYA_TABLES = frozenset({"documents", "spans", "annotators", "edit_log"})


def _inspect_existing(
    path: Path, known: int, *, full_check: bool = True, hashes: bool = True, checks: bool = True
) -> int:
    """The version of the project at ``path``, or ProjectError if it is not one we can open; never writes.

    ``checks=False`` leaves out the integrity check and the hashes (a caller runs them beside its reads)."""
    # A file no connection has open (no log beside it) is read as immutable, which leaves no
    # -wal or -shm file behind; if a log appears meanwhile, another program opened it, and
    # the facts are read again through the locks.
    logs = [path.with_name(path.name + suffix) for suffix in ("-wal", "-journal")]
    quiet = not any(log.exists() for log in logs)
    facts = _read_facts(path, immutable=quiet, full_check=full_check, hashes=hashes, checks=checks)
    if quiet and any(log.exists() for log in logs):
        facts = _read_facts(path, immutable=False, full_check=full_check, hashes=hashes, checks=checks)
    application_id, version, tables, problems = facts
    if application_id != APPLICATION_ID and not (application_id == 0 and tables >= HASHIYA_TABLES):
        raise ProjectError(
            said(
                QT_TRANSLATE_NOOP("Said", "{path} is an SQLite database but not a Hashiya project; it was left alone."),
                path=path,
            )
        )
    if version > known:
        template = QT_TRANSLATE_NOOP(
            "Said",
            "{path} was written by a newer version of Hashiya (project version {version}, "
            "this program knows up to {known}). Update Hashiya to open it.",
        )
        raise ProjectError(said(template, path=path, version=version, known=known))
    if problems:
        template = QT_TRANSLATE_NOOP(
            "Said", "{path} is damaged: {problems}. It was left alone; restore it from a copy."
        )
        raise ProjectError(said(template, path=path, problems="; ".join(problems)))
    return version


def holds_documents(path: Path) -> bool:
    """Whether the project at ``path`` holds documents, read without writing, checking or upgrading it.

    False for a file that cannot be read as a project; opening it for real says why."""
    quiet = not any(path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-journal"))
    options = "mode=ro&immutable=1" if quiet else "mode=ro"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM documents)").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def _read_facts(
    path: Path,
    *,
    immutable: bool,
    full_check: bool,
    hashes: bool = True,
    checks: bool = True,
    opened: Callable[[sqlite3.Connection | None], None] | None = None,
) -> tuple[int, int, frozenset[str], list[str]]:
    """Application id, version, the names in its schema, and the problems the checks find.

    ``opened`` is told the connection while it is open (one that may interrupt it), then None."""
    options = "mode=ro&immutable=1" if immutable else "mode=ro"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        db = ProjectDatabase(conn, path)
        if opened is not None:
            opened(conn)
        try:
            application_id = int(db.execute("PRAGMA application_id").fetchone()[0])
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            names = frozenset(str(row[0]) for row in db.execute("SELECT name FROM sqlite_master"))
            if not checks or (application_id != APPLICATION_ID and not names >= HASHIYA_TABLES):
                return application_id, version, names, []
            within = os.stat(path).st_size <= FULL_CHECK_LIMIT
            check = "integrity_check(5)" if within and full_check else "quick_check(5)"
            reported = "\n".join(str(row[0]) for row in db.execute(f"PRAGMA {check}")).splitlines()
            found = [line for line in reported if line != "ok" and not line.startswith("***")][:3]
            problems = [f"the integrity check reports {line}" for line in found]
            if not problems and within and hashes:
                problems = _content_problems(db, names)
        finally:
            if opened is not None:
                opened(None)
            db.close()
    except sqlite3.DatabaseError as error:
        if is_busy(error):
            template = QT_TRANSLATE_NOOP("Said", "{path} is kept busy by another program; try again in a moment.")
        elif primary_code(error) == sqlite3.SQLITE_NOTADB:
            template = QT_TRANSLATE_NOOP("Said", "{path} is not a Hashiya project (it is not an SQLite database).")
        elif primary_code(error) == sqlite3.SQLITE_CORRUPT:
            template = QT_TRANSLATE_NOOP("Said", "{path} is damaged and cannot be read ({error}).")
        else:
            template = QT_TRANSLATE_NOOP("Said", "{path} cannot be opened ({error}).")
        raise ProjectError(said(template, path=path, error=error)) from None
    return application_id, version, names, problems


def _content_problems(db: SqliteDatabase, names: frozenset[str]) -> list[str]:
    """Texts whose stored SHA-256 no longer matches, and stored text that is not UTF-8."""
    problems: list[str] = []
    conn = db.conn
    conn.text_factory = bytes
    try:
        for document_id, text, stored in conn.execute("SELECT id, text, text_sha256 FROM documents"):
            name = document_id.decode("utf-8", "replace")
            if not isinstance(text, bytes) or hashlib.sha256(text).hexdigest().encode() != stored:
                problems.append(f"the text of document {name!r} no longer matches its stored SHA-256")
            if len(problems) >= 5:
                return problems
        if "project_resources" in names:
            for resource, content in conn.execute("SELECT name, content FROM project_resources"):
                try:
                    json.loads(content.decode("utf-8"))
                except (UnicodeDecodeError, ValueError, AttributeError):
                    problems.append(f"the stored {resource.decode('utf-8', 'replace')} is not valid UTF-8 JSON")
    finally:
        conn.text_factory = str
    return problems


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
    remove_stale_temporaries(path)
    temporary = temporary_beside(path)
    try:
        build_schema(temporary, plan)
        _fsync(temporary)
        _put_in_place(temporary, path)
        _fsync(path.parent)
    except OSError as error:
        raise ProjectError(
            said(
                QT_TRANSLATE_NOOP("Said", "{path} cannot be created ({error})."),
                path=path,
                error=error.strerror or error,
            )
        ) from None
    except sqlite3.Error as error:
        raise ProjectError(failure_message(error, path)) from None
    finally:
        remove_temporary(temporary)


def temporary_beside(path: Path) -> Path:
    """A name beside ``path`` for a project being built, which no other program opens. It names the
    process and the machine building it: one left behind by a process that was killed is removed
    by the next build for ``path`` (``remove_stale_temporaries``)."""
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}.{os.getpid()}@{socket.gethostname()}.new")


def remove_temporary(temporary: Path) -> None:
    for name in (temporary, *(temporary.with_name(temporary.name + suffix) for suffix in LOG_SUFFIXES)):
        name.unlink(missing_ok=True)


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files beside ``path`` of builds of ``path`` whose process, on this machine,
    has ended without removing them (it was killed); the ones removed. A build of another machine
    sharing the folder, or of a process still running, is left alone."""
    named = re.compile(rf"\.{re.escape(path.name)}\.[0-9a-f]{{12}}\.([0-9]+)@(.+)\.new")
    host = socket.gethostname()
    removed: list[Path] = []
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in names:
        found = named.fullmatch(name)
        if found is None or found[2] != host or _running(int(found[1])):
            continue
        try:
            remove_temporary(path.parent / name)
        except OSError:
            continue  # a folder of that name, or one that cannot be written: left as it is
        removed.append(path.parent / name)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process, or no pid of this machine: not known to have ended
    return True


def build_schema(temporary: Path, plan: Migrations) -> None:
    """Create the file ``temporary`` with the project schema of ``plan``."""
    db = ProjectDatabase(sqlite3.connect(str(temporary)), temporary)
    try:
        db.execute("PRAGMA synchronous = FULL")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        plan.apply(db.utils)
        db.execute(f"PRAGMA user_version = {len(plan.applied(db.utils))}")
    finally:
        db.close()


def put_new_in_place(temporary: Path, path: Path) -> None:
    """Give the complete file ``temporary`` the name ``path``, which must still be free (FileExistsError)."""
    _fsync(temporary)
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:
        # A file system without hard links: renaming is as good, short of a race with another creator.
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(temporary, path)
    _fsync(path.parent)


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


def backup_to(db: SqliteDatabase, target: Path) -> None:
    """Copy the project through SQLite's backup API: complete under ``target`` or not there at all.

    The copy is one self-contained file (no log beside it), written under a temporary name and
    renamed; nothing of it is left behind when writing fails.
    """
    partial = target.with_name(f".{target.name}.{secrets.token_hex(6)}.partial")
    try:
        destination = sqlite3.connect(str(partial))
        try:
            db.conn.backup(destination)
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
        _fsync(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
        partial.with_name(partial.name + "-journal").unlink(missing_ok=True)
    _fsync(target.parent)


def restore_from(backup: Path, db: SqliteDatabase) -> None:
    """Put the content of ``backup`` back into the project ``db`` is connected to."""
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        source.backup(db.conn)
    finally:
        source.close()


def upgrade(path: Path, plan: Migrations | None = None, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
    """Apply pending migrations to an existing project, holding the file to this process meanwhile.

    The project is first copied through the backup API to :func:`upgrade_marker`. If a migration
    fails, the copy is put back. Either way the copy then stays beside the project as
    :func:`backup_path`. A marker found at the next open was left by a crash in mid-upgrade: it
    is put back before anything else.
    """
    try:
        db = connect(path, busy_timeout_ms=busy_timeout_ms)
    except sqlite3.Error as error:
        raise ProjectError(_cannot_open(path, error)) from None
    try:
        db.execute("PRAGMA locking_mode = EXCLUSIVE")
        try:
            db._begin_immediate()
            db.conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            if is_busy(error):
                template = QT_TRANSLATE_NOOP(
                    "Said", "{path} needs upgrading, but another program has it open. Close it there and open it again."
                )
                raise ProjectError(said(template, path=path)) from None
            raise
        _upgrade_locked(db, path, plan or project_plan())
    except sqlite3.Error as error:
        template = QT_TRANSLATE_NOOP("Said", "{path} could not be upgraded ({error}); it was not changed.")
        raise ProjectError(said(template, path=path, error=error)) from None
    finally:
        db.close()


def _upgrade_locked(db: ProjectDatabase, path: Path, plan: Migrations) -> None:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    marker = upgrade_marker(path, version)
    backup = backup_path(path, version)
    if marker.exists():
        restore_from(marker, db)
    if not plan.pending(db.utils):
        if marker.exists():
            os.replace(marker, backup)
        return
    if not marker.exists():
        try:
            backup_to(db, marker)
        except (OSError, sqlite3.Error) as error:
            template = QT_TRANSLATE_NOOP(
                "Said",
                "{path} needs upgrading, but the copy taken first could not be written ({error}); nothing was changed.",
            )
            raise ProjectError(said(template, path=path, error=error)) from None
    try:
        plan.apply(db.utils)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {len(plan.applied(db.utils))}")
    except Exception as error:
        db.rollback()
        try:
            restore_from(marker, db)
        except sqlite3.Error as restore_error:
            template = QT_TRANSLATE_NOOP(
                "Said",
                "{path} could not be upgraded ({error}), and putting it back failed ({restore_error}). "
                "It will be put back from {marker} the next time it is opened.",
            )
            raise ProjectError(
                said(template, path=path, error=error, restore_error=restore_error, marker=marker)
            ) from error
        os.replace(marker, backup)
        template = QT_TRANSLATE_NOOP(
            "Said", "{path} could not be upgraded ({error}); it was put back as it was. A copy is kept in {backup}."
        )
        raise ProjectError(said(template, path=path, error=error, backup=backup)) from error
    os.replace(marker, backup)


def _ensure_folder(folder: Path) -> None:
    if not folder.exists():
        try:
            folder.mkdir(parents=True)
        except OSError as error:
            template = QT_TRANSLATE_NOOP("Said", "cannot create the folder {folder} ({error}).")
            raise ProjectError(said(template, folder=folder, error=error.strerror)) from None


def _cannot_open(path: Path, error: sqlite3.Error) -> Said:
    return said(QT_TRANSLATE_NOOP("Said", "{path} cannot be opened: {error}."), path=path, error=error)


def open_database(
    path: Path,
    *,
    plan: Migrations | None = None,
    writable: Callable[[Path], bool] = can_write,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    full_check: bool = True,
    checked_beside: bool = False,
) -> ProjectDatabase:
    """Open or create the project at ``path``; raise ProjectError with a message for the user.

    ``full_check=False`` is for a caller that only reads the project (a command such as ``stats``):
    it does not wait for the full integrity check (see FULL_CHECK_LIMIT). A large file is checked
    fully in the background, before its first write (BACKGROUND_CHECK_FROM).

    ``checked_beside`` (with ``full_check=False``): the checks run on a connection of their own
    while the caller reads, and the caller calls ``wait_for_checks()`` before it shows anything."""
    path = path.expanduser()
    state = project_path_state(path)
    in_background = False
    beside = checked_beside and not full_check
    if state is not PathState.FILE:
        # Nothing there, or an empty regular file: it holds nothing to lose.
        beside = False
        _ensure_folder(path.parent)
        _create(path, plan or project_plan())
    else:
        size = os.stat(path).st_size
        in_background = full_check and size >= BACKGROUND_CHECK_FROM
        version = _inspect_existing(
            path, known_version(plan), full_check=full_check, checks=not (beside or in_background)
        )
        if not writable(path):
            template = QT_TRANSLATE_NOOP("Said", "{path} is read-only; Hashiya needs to save every edit into it.")
            raise ProjectError(said(template, path=path))
        if version < known_version(plan) or upgrade_marker(path, version).exists():
            if not full_check or in_background:  # an upgrade writes: it gets the full check first
                _inspect_existing(path, known_version(plan))
                in_background = beside = False
            upgrade(path, plan, busy_timeout_ms)
    try:
        db = connect(path, busy_timeout_ms=busy_timeout_ms)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the log, as every reader does
    except sqlite3.Error as error:
        raise ProjectError(_cannot_open(path, error)) from None
    db.files = ProjectFiles(path)
    if in_background or beside:
        db.pending_check = BackgroundCheck(path, full_check=in_background)
    return db
