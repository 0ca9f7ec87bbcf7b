"""The project file as a SQLite database: where it is, copying it whole, and reads that fail as it vanishes."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from annotator.repository import ProjectError
from annotator.said import QT_TRANSLATE_NOOP, said
from storage.database import ProjectDatabase, backup_to
from storage.file_guard import Identity
from storage.project_path import LOG_SUFFIXES
from storage.sqlite_database import SqliteDatabase

F = TypeVar("F", bound=Callable[..., Any])


def reading(method: F) -> F:
    """A read that fails in SQLite (the file vanished, a disk error) becomes a ProjectError for the user."""

    @functools.wraps(method)
    def wrapper(self: ProjectFile, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as error:
            raise ProjectError(
                said(
                    QT_TRANSLATE_NOOP("Said", "{path} cannot be read right now ({error})."), path=self.path, error=error
                )
            ) from None

    return cast(F, wrapper)


class ProjectFile:
    """One open project file (the repository over it builds on this)."""

    def __init__(self, db: SqliteDatabase, path: Path) -> None:
        self.db = db
        self.path = path

    @property
    def location(self) -> str:
        return str(self.path)

    def is_own_file(self, path: Path) -> bool:
        """Whether ``path`` is the project file or one of its logs (reading or writing it would break the locks)."""
        own = [self.path, *(self.path.with_name(self.path.name + suffix) for suffix in LOG_SUFFIXES)]
        found = Identity.of(path)
        if found is not None:
            return found in {Identity.of(name) for name in own} - {None}
        try:
            return path.absolute().resolve() in {name.absolute().resolve() for name in own}
        except OSError:
            return False

    def save_copy(self, target: Path) -> None:
        """Write the whole project, with what its log holds, into one self-contained file at ``target``."""
        if self.is_own_file(target):
            raise ProjectError(
                said(
                    QT_TRANSLATE_NOOP("Said", "{target} is this project's own file; choose another name for the copy."),
                    target=target,
                )
            )
        if target.is_dir():
            raise ProjectError(
                said(QT_TRANSLATE_NOOP("Said", "{target} is a folder; choose a file name for the copy."), target=target)
            )
        if not target.parent.is_dir():
            raise ProjectError(
                said(
                    QT_TRANSLATE_NOOP("Said", "{target}: the folder {parent} does not exist; nothing was written."),
                    target=target,
                    parent=target.parent,
                )
            )
        try:
            backup_to(self.db, target)
        except (OSError, sqlite3.Error) as error:
            raise ProjectError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Said", "{target}: the copy could not be written ({error}); nothing was written."
                    ),
                    target=target,
                    error=error,
                )
            ) from None

    def close(self) -> None:
        self.db.close()

    def wait_for_checks(self, timeout: float | None = None) -> bool:
        """ProjectError if the checks of the file, still running beside the reads, find it damaged."""
        if isinstance(self.db, ProjectDatabase):
            return self.db.wait_for_checks(timeout)
        return True

    def checks_yield_to_readers(self) -> None:
        """Readers that keep every processor busy go before the checks running beside them."""
        if isinstance(self.db, ProjectDatabase):
            self.db.checks_yield_to_readers()

    @reading
    def data_version(self) -> int:
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])
