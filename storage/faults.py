"""SQLite failures told to the user: what went wrong with the project file, and that the change was not saved."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.said import QT_TRANSLATE_NOOP, Said, said

BUSY_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})


def primary_code(error: sqlite3.Error) -> int | None:
    """The primary result code (SQLITE_FULL, SQLITE_READONLY, ...) without its extended bits."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_busy(error: sqlite3.Error) -> bool:
    return primary_code(error) in BUSY_CODES


def failure_message(error: sqlite3.Error, path: Path) -> Said:
    """A sentence for the analyst about a write to ``path`` that failed and was rolled back."""
    code = primary_code(error)
    if code == sqlite3.SQLITE_FULL:
        template = QT_TRANSLATE_NOOP(
            "Said",
            "The disk holding {path} is full, so this change was not saved. "
            "Free some space and try again; everything saved before is safe.",
        )
    elif code == sqlite3.SQLITE_READONLY:
        template = QT_TRANSLATE_NOOP(
            "Said",
            "{path} cannot be written (the file, its folder or the disk is read-only), so this change was not saved.",
        )
    elif code in BUSY_CODES:
        template = QT_TRANSLATE_NOOP(
            "Said",
            "Another program kept {path} busy for too long, so this change was not saved. Try again in a moment.",
        )
    elif code == sqlite3.SQLITE_IOERR:
        template = QT_TRANSLATE_NOOP(
            "Said", "The disk reported an error while writing {path} ({error}), so this change was not saved."
        )
    elif code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        template = QT_TRANSLATE_NOOP(
            "Said", "{path} is damaged ({error}), so this change was not saved. Restore the project from a backup."
        )
    elif code == sqlite3.SQLITE_CANTOPEN:
        template = QT_TRANSLATE_NOOP(
            "Said", "{path} can no longer be opened (was it moved or deleted?), so this change was not saved."
        )
    else:
        template = QT_TRANSLATE_NOOP("Said", "{path} could not be written ({error}), so this change was not saved.")
    return said(template, path=path, error=error)
