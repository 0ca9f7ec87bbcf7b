"""The folded key of each tagged text (table ``surface_keys``), so that opening a document folds none.

Suggestions look for every text a layer tagged (``tagged_surfaces``) by its fold. Folding every one
at each opening costs what the project has tagged; the keys are kept here instead, with the first
word of each, so that only the texts whose first word the shown document holds are read.
The span triggers know nothing of this table: texts tagged since it was last filled are folded
when they are read, and stored when the file can be written (``store_missing_keys`` fills it
at once, after an import).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable

from annotator.repository import ProjectError
from annotator.suggest import surface_key
from annotator.suggestion_reach import worth_sifting
from annotator.suggestion_scan import PiecesOf, first_piece
from storage.sqlite_database import Sql
from storage.tagged_surfaces import ELSEWHERE_UNORDERED

SURFACE_KEYS_SCHEMA = """
    CREATE TABLE surface_keys (
        text TEXT PRIMARY KEY,
        key TEXT NOT NULL,
        first TEXT NOT NULL
    ) WITHOUT ROWID;
"""

_MISSING = """
    SELECT DISTINCT t.text FROM tagged_surfaces t
    WHERE NOT EXISTS (SELECT 1 FROM surface_keys k WHERE k.text = t.text)
"""

_MISSING_AMONG = """
    SELECT DISTINCT value FROM json_each(?) WHERE NOT EXISTS (SELECT 1 FROM surface_keys k WHERE k.text = value)
"""

# In no order: what is read is grouped by key, and SQLite's sort cost a third of the read.
_ELSEWHERE = (
    """
    SELECT t.text, t.label, t.ref, k.key, k.first FROM tagged_surfaces t
    LEFT JOIN surface_keys k ON k.text = t.text
"""
    + ELSEWHERE_UNORDERED
)


# The rows of ``_ELSEWHERE`` whose text has no key yet or a first piece among a JSON list's, as
# ``keyed_elsewhere`` returns them: (text, label, registry id or None, key or None).
_ELSEWHERE_BEGUN = f"""
    SELECT text, label, nullif(ref, ''), key FROM ({_ELSEWHERE})
    WHERE first IS NULL OR first IN (SELECT value FROM json_each(?))
"""


def _wanted(db: Sql, annotator: str, first_pieces: Collection[str]) -> Collection[str] | None:
    """The first pieces to look for in the file, for a text that is not long for what was tagged
    (``worth_sifting``): a long one holds the first pieces of most tagged texts anyway."""
    if not isinstance(first_pieces, PiecesOf):
        return None
    if db.execute("SELECT 1 FROM tagged_surfaces WHERE annotator = ? LIMIT 1", [annotator]).fetchone() is None:
        return None  # nothing tagged: the text's pieces are not worked out
    keyed = db.execute("SELECT count(*) FROM surface_keys").fetchone()[0]
    return first_pieces.pieces if worth_sifting(keyed, first_pieces.folded) else None


def _keyed(texts: Iterable[str]) -> list[tuple[str, str, str]]:
    rows = []
    for text in texts:
        key = surface_key(text)
        rows.append((text, key, first_piece(key)))
    return rows


def _store(db: Sql, rows: list[tuple[str, str, str]]) -> None:
    db.conn.executemany("INSERT OR IGNORE INTO surface_keys (text, key, first) VALUES (?, ?, ?)", rows)


def store_missing_keys(db: Sql, among: Collection[str] | None = None) -> None:
    """Fold and store every tagged text that has no key yet, or only those ``among`` the texts given
    (an import step's: looking for every missing one reads all that the project has tagged);
    inside or outside a transaction."""
    if among is None:
        rows = db.execute(_MISSING)
    else:
        rows = db.execute(_MISSING_AMONG, [json.dumps(list(among), ensure_ascii=False)])
    missing = [str(row[0]) for row in rows]
    if missing:
        with db.atomic():
            _store(db, _keyed(missing))


def has_surface_keys(db: Sql) -> bool:
    return (
        db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'surface_keys'").fetchone() is not None
    )


def keyed_elsewhere(
    db: Sql, annotator: str, document_id: str, first_pieces: Collection[str]
) -> list[tuple[str, str, str | None, str]]:
    """(text, label, registry id, key) of what ``annotator`` tagged in documents other than
    ``document_id``, for the keys whose first piece is among ``first_pieces``.

    Texts without a stored key are folded here, and stored if the file can be written now.
    """
    found: list[tuple[str, str, str | None, str]] = []
    unkeyed: dict[str, tuple[str, str]] = {}
    wanted = _wanted(db, annotator, first_pieces)
    if wanted is None:
        rows = db.execute(_ELSEWHERE, [document_id, annotator, annotator]).fetchall()
        wanted = first_pieces.pieces if rows and isinstance(first_pieces, PiecesOf) else first_pieces
    else:  # the texts whose first piece the document does not hold stay in the file
        pieces = json.dumps(list(wanted), ensure_ascii=False)
        sifted = db.execute(_ELSEWHERE_BEGUN, [document_id, annotator, annotator, pieces]).fetchall()
        if all(row[3] is not None for row in sifted):  # every text has its key: the rows are the answer
            return sifted
        rows = [
            (text, label, ref or "", key, None if key is None else first_piece(key)) for text, label, ref, key in sifted
        ]
    for text, label, ref, key, first in rows:
        if key is None:
            if text not in unkeyed:
                folded = surface_key(text)
                unkeyed[text] = (folded, first_piece(folded))
            key, first = unkeyed[text]
        if first in wanted:
            found.append((text, label, ref or None, key))
    # Not while the check of a large file runs: the first write waits for it.
    if unkeyed and getattr(db, "pending_check", None) is None:
        try:
            with db.atomic():
                _store(db, [(text, key, first) for text, (key, first) in unkeyed.items()])
        except (sqlite3.Error, ProjectError):
            pass  # a read-only file: they are folded again at the next opening
    return found
