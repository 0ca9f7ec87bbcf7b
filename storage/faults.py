"""SQLite failures told to the user: what went wrong with the project file, and that the change was not saved."""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUSY_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})


def primary_code(error: sqlite3.Error) -> int | None:
    """The primary result code (SQLITE_FULL, SQLITE_READONLY, ...) without its extended bits."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_busy(error: sqlite3.Error) -> bool:
    return primary_code(error) in BUSY_CODES


def failure_message(error: sqlite3.Error, path: Path) -> str:
    """A sentence for the analyst about a write to ``path`` that failed and was rolled back."""
    code = primary_code(error)
    if code == sqlite3.SQLITE_FULL:
        return (
            f"The disk holding {path} is full, so this change was not saved. "
            "Free some space and try again; everything saved before is safe."
        )
    if code == sqlite3.SQLITE_READONLY:
        return (
            f"{path} cannot be written (the file, its folder or the disk is read-only), so this change was not saved."
        )
    if code in BUSY_CODES:
        return f"Another program kept {path} busy for too long, so this change was not saved. Try again in a moment."
    if code == sqlite3.SQLITE_IOERR:
        return f"The disk reported an error while writing {path} ({error}), so this change was not saved."
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return f"{path} is damaged ({error}), so this change was not saved. Restore the project from a backup."
    if code == sqlite3.SQLITE_CANTOPEN:
        return f"{path} can no longer be opened (was it moved or deleted?), so this change was not saved."
    return f"{path} could not be written ({error}), so this change was not saved."
