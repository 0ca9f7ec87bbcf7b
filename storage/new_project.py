"""A new project filled by one large import, built under a temporary name and put in place whole.

No other program knows the temporary file, so nothing waits on it and nothing else reads it half
built: it is written without a journal and in one transaction, and what the project derives from
its spans and texts (the indexes on spans and relations, the trigram index of the folded texts,
the counts and keys of tagged texts) is built once at the end instead of kept at every row.
The file gets its final name only when it is complete; on any failure it is removed, and no
project is left behind.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.model import Layer
from annotator.repository import ProjectError
from annotator.said import QT_TRANSLATE_NOOP, Said, said
from storage.database import (
    build_schema,
    connect,
    project_plan,
    put_new_in_place,
    remove_stale_temporaries,
    remove_temporary,
    temporary_beside,
)
from storage.faults import primary_code
from storage.sqlite_database import Sql
from storage.surface_keys import store_missing_keys
from storage.tagged_surfaces import BULK_CACHE_KIB, Surfaces, count_surfaces

# The triggers that keep derived tables current row by row; the build fills those tables whole.
_ROW_TRIGGERS = ("spans_surface_added", "folded_texts_indexed")


@dataclass(frozen=True)
class _Derived:
    """The schema statements of what the build leaves out while it stores rows."""

    indexes: tuple[tuple[str, str], ...]
    triggers: tuple[tuple[str, str], ...]

    @classmethod
    def set_aside(cls, db: Sql) -> _Derived:
        indexes = tuple(
            (str(name), str(sql))
            for name, sql in db.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('spans', 'relations') "
                "AND sql IS NOT NULL ORDER BY name"
            )
        )
        marks = ", ".join("?" for _ in _ROW_TRIGGERS)
        triggers = tuple(
            (str(name), str(sql))
            for name, sql in db.execute(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks}) ORDER BY name",
                list(_ROW_TRIGGERS),
            )
        )
        for name, _sql in indexes:
            db.execute(f"DROP INDEX {name}")
        for name, _sql in triggers:
            db.execute(f"DROP TRIGGER {name}")
        return cls(indexes, triggers)

    def build(self, db: Sql, tagged: Surfaces) -> None:
        for _name, sql in self.indexes:
            db.execute(sql)
        names = {name for name, _sql in self.triggers}
        if "folded_texts_indexed" in names:
            db.execute("INSERT INTO folded_trigrams (folded_trigrams) VALUES ('rebuild')")
        if "spans_surface_added" in names:
            count_surfaces(db, tagged)
        for _name, sql in self.triggers:
            db.execute(sql)


@contextlib.contextmanager
def new_project_built(path: Path) -> Iterator[Path]:
    """The temporary file of a new project for ``path``, with its schema, put at ``path`` when the block
    ends without an error (the block fills it through a :class:`Build`, completes it and closes it).
    ProjectError if ``path`` was taken meanwhile or the file cannot be written."""
    remove_stale_temporaries(path)
    temporary = temporary_beside(path)
    try:
        try:
            build_schema(temporary, project_plan())
            yield temporary
            put_new_in_place(temporary, path)
        except FileExistsError:
            raise ProjectError(
                said(
                    QT_TRANSLATE_NOOP("Said", "{path} was created by another program meanwhile; nothing was imported."),
                    path=path,
                )
            ) from None
        except OSError as error:
            raise ProjectError(_was_not_created(path, error.strerror or error)) from None
        except sqlite3.Error as error:
            raise ProjectError(_not_created(error, path)) from None
        except ProjectError as error:
            if isinstance(error.__cause__, sqlite3.Error):  # a write into the temporary file failed
                raise ProjectError(_not_created(error.__cause__, path)) from None
            raise
    finally:
        remove_temporary(temporary)


def _not_created(error: sqlite3.Error, path: Path) -> Said:
    code = primary_code(error)
    why: Said | sqlite3.Error
    if code == sqlite3.SQLITE_FULL:
        why = said(QT_TRANSLATE_NOOP("Said", "the disk is full"))
    elif code == sqlite3.SQLITE_READONLY:
        why = said(QT_TRANSLATE_NOOP("Said", "its folder or the disk is read-only"))
    elif code == sqlite3.SQLITE_IOERR:
        why = said(QT_TRANSLATE_NOOP("Said", "the disk reported an error: {error}"), error=error)
    else:
        why = error
    return _was_not_created(path, why)


def _was_not_created(path: Path, why: object) -> Said:
    return said(QT_TRANSLATE_NOOP("Said", "{path} was not created ({why}); nothing was imported."), path=path, why=why)


class SeenStrings:
    """A one-hash Bloom filter: ``may_hold`` is true of every string added and, at a million
    strings, of about 1.5 % of the others. 8 MB, where a set of a million span ids takes 75."""

    _BITS = 1 << 26

    def __init__(self) -> None:
        self._bits = bytearray(self._BITS >> 3)

    def add_all(self, values: Iterable[str]) -> None:
        bits, mask = self._bits, self._BITS - 1
        for value in values:
            at = hash(value) & mask
            bits[at >> 3] |= 1 << (at & 7)

    def may_hold(self, value: str) -> bool:
        at = hash(value) & (self._BITS - 1)
        return bool(self._bits[at >> 3] >> (at & 7) & 1)


class Build:
    """The connection that fills a project being built, and what it sets aside meanwhile."""

    def __init__(self, temporary: Path) -> None:
        self.db = connect(temporary)
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        self.db.execute("PRAGMA temp_store = MEMORY")
        with self.db.atomic():
            self._derived = _Derived.set_aside(self.db)
        self.tagged = Surfaces()  # what the spans stored tag, counted as the triggers would
        self._span_ids = SeenStrings()

    def stored(self, layers: Iterable[Layer]) -> None:
        """Note the span ids of ``layers``, just stored."""
        self._span_ids.add_all(span.id for layer in layers for span in layer.spans)

    def maybe_stored(self, ids: Iterable[str]) -> list[str]:
        """The ids among ``ids`` that the spans stored may hold: all that they hold, and rarely others.
        Only those need to be looked up (an index probe each, about 2 s at a million spans)."""
        return [span_id for span_id in ids if self._span_ids.may_hold(span_id)]

    @contextlib.contextmanager
    def storing(self) -> Iterator[None]:
        """One transaction around everything stored."""
        with self.db.atomic():
            yield

    def complete(self) -> None:
        """Build what was set aside from what was stored, and leave the file as every project is."""
        with self.db.atomic():
            self._derived.build(self.db, self.tagged)
        store_missing_keys(self.db)
        self.db.execute("PRAGMA journal_mode = WAL")  # as every project is opened
        self.db.execute("PRAGMA synchronous = FULL")
