"""A project's SQLite connection as sqlite-utils handles one, with sqlite-utils itself loaded only when used.

Opening a project and painting its first document need plain reads: those go through ``sqlite3``.
sqlite-utils (which imports numpy and pandas wherever they are installed, to map their types)
is loaded the first time something asks for :attr:`SqliteDatabase.utils`: a migration, or a
write through its table API. Statements behave as they do through ``sqlite_utils.Database`` on
the same connection: a write outside a transaction is committed at once, ``atomic()`` blocks nest
with savepoints, and recursive triggers are on.
"""

from __future__ import annotations

import contextlib
import secrets
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.db import Table

_TRANSACTION_CONTROL = frozenset({"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"})


class Sql(Protocol):
    """What storage functions need of a database: this module's class or a ``sqlite_utils.Database``."""

    conn: sqlite3.Connection

    def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> sqlite3.Cursor: ...

    def atomic(self) -> AbstractContextManager[Any]: ...


def _first_keyword(sql: str) -> str:
    words = sql.lstrip(" \t\r\n;").split(None, 1)
    return words[0].upper().rstrip(";") if words else ""


def complete_statements(sql: str) -> Iterator[str]:
    """The statements of a script, one at a time (``sqlite3.executescript`` would commit first)."""
    start = 0
    for index, character in enumerate(sql):
        if character == ";" and sqlite3.complete_statement(sql[start : index + 1]):
            yield sql[start : index + 1].strip()
            start = index + 1
    if sql[start:].strip():
        yield sql[start:].strip()


class SqliteDatabase:
    """One SQLite connection with sqlite-utils' transaction rules, and sqlite-utils on demand."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._utils: Database | None = None
        self._utils_conn: sqlite3.Connection | None = None
        self.conn.execute("PRAGMA recursive_triggers = ON")

    @property
    def utils(self) -> Database:
        """A ``sqlite_utils.Database`` on this connection (imported at the first use)."""
        if self._utils is None or self._utils_conn is not self.conn:
            from sqlite_utils import Database

            # Without plugins: loading them reads the metadata of every installed package.
            self._utils = Database(self.conn, execute_plugins=False)
            self._utils_conn = self.conn
        return self._utils

    def table(self, name: str) -> Table:
        """sqlite-utils' table ``name`` on this connection."""
        return self.utils.table(name)

    def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> sqlite3.Cursor:
        """Run one statement; a write outside any transaction is committed at once."""
        was_in_transaction = self.conn.in_transaction
        try:
            cursor = self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if (
            not was_in_transaction
            and self.conn.in_transaction
            and cursor.description is None
            and _first_keyword(sql) not in _TRANSACTION_CONTROL
        ):
            self.conn.execute("COMMIT")
        return cursor

    def executescript(self, sql: str) -> sqlite3.Cursor:
        """Run a script; inside a transaction it stays part of it."""
        if not self.conn.in_transaction:
            return self.conn.executescript(sql)
        cursor = self.conn.cursor()
        for statement in complete_statements(sql):
            cursor.execute(statement)
        return cursor

    @contextlib.contextmanager
    def atomic(self) -> Iterator[SqliteDatabase]:
        """One transaction; a block inside another is a savepoint of it."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")
            try:
                yield self
            except BaseException:
                self.rollback()
                raise
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise
            return
        savepoint = f"hashiya_{secrets.token_hex(8)}"
        self.conn.execute(f"SAVEPOINT {savepoint}")
        try:
            yield self
        except BaseException:
            # A RAISE(ROLLBACK) trigger may have ended the whole transaction, savepoint included.
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            raise
        self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def table_names(self) -> list[str]:
        return [str(row[0]) for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    def close(self) -> None:
        self.conn.close()


def dict_rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    """The rows of ``cursor`` as column name to value."""
    names = [column[0] for column in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor]
