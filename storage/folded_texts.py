"""Each document's folded text kept in the project file, with a trigram index over it, for corpus search.

``folded_texts`` holds every document's folded text (``annotator.arabic.fold``) and its offset
map; the FTS5 table ``folded_trigrams`` (trigram tokenizer) indexes those texts and is kept by
triggers. A search asks the index which documents can hold every word of one of its folded
needles, and which have a run of spaces before a word of a needle (rare; the others need not be
scanned for one), then runs the usual search (``annotator.search.search_corpus``) over their
folded texts alone, read as UTF-8 bytes and counted without decoding them; it reads a document's
stored text only to build the hits read: results are the same as searching every document, hits
mapped back to exact offsets of the stored text.

Words of fewer than three characters cannot be looked up in a trigram index: a query whose needles
have no longer word reads every document's folded text (still without folding it again). Where
SQLite has no FTS5 trigram tokenizer the folded texts are kept all the same and read in full.
"""

from __future__ import annotations

import contextlib
import sqlite3
from array import array
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

from annotator.arabic import FoldedText, fold
from annotator.repository import ProjectError
from annotator.said import QT_TRANSLATE_NOOP, said
from storage.sqlite_database import Sql, SqliteDatabase

TRIGRAM = 3  # the trigram tokenizer's shortest searchable substring
CATCH_UP_CHUNK = 50  # documents folded per transaction when catching up
CANDIDATE_CHUNK = 50  # folded texts read at a time by a search


@cache
def trigram_index_available() -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (3.34 and later)."""
    try:
        with sqlite3.connect(":memory:") as probe:
            probe.execute("CREATE VIRTUAL TABLE probe USING fts5(x, tokenize='trigram')")
    except sqlite3.OperationalError:
        return False
    return True


def _rows(documents: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str, bytes, bytes]]:
    for document_id, text in documents:
        folded = fold(text)
        positions, shifts = folded.offset_map()
        yield document_id, folded.folded, positions.tobytes(), shifts.tobytes()


def index_documents(db: Sql, documents: Iterable[tuple[str, str]]) -> None:
    """Keep the folded text of each (document id, stored text); call inside the transaction adding them."""
    db.conn.executemany(
        "INSERT OR REPLACE INTO folded_texts (document_id, folded, positions, shifts) VALUES (?, ?, ?, ?)",
        _rows(documents),
    )


def _missing(db: Sql, limit: int) -> list[tuple[str, str]]:
    rows = db.execute(
        "SELECT d.id, d.text FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM folded_texts f WHERE f.document_id = d.id) ORDER BY d.position LIMIT ?",
        [limit],
    ).fetchall()
    return [(str(row[0]), str(row[1])) for row in rows]


def _all_folded(db: Sql) -> bool:
    """Whether there are as many folded texts as documents (each names its document): counted from
    their indexes, without reading the documents' rows."""
    documents = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    return bool(documents == db.execute("SELECT count(*) FROM folded_texts").fetchone()[0])


def index_missing_documents(db: Sql) -> None:
    """Fold the documents that have no folded text yet (added by an older version of the program)."""
    if _all_folded(db):
        return
    while chunk := _missing(db, CATCH_UP_CHUNK):
        with db.atomic():
            index_documents(db, chunk)


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def trigram_query(needles: Sequence[Sequence[str]]) -> str | None:
    """The FTS5 query for documents holding every long-enough word of one needle; None when some
    needle has no word the index can look up (then every document is a candidate)."""
    looked_up: list[frozenset[str]] = []
    for needle in needles:
        words = frozenset(word for word in needle if len(word) >= TRIGRAM)
        if not words:
            return None
        looked_up.append(words)
    # A needle whose words include all of another's finds no document the other does not.
    kept = sorted({words for words in looked_up if not any(other < words for other in looked_up)}, key=sorted)
    alternatives = ["(" + " AND ".join(map(_phrase, sorted(words))) + ")" for words in kept]
    return " OR ".join(alternatives) if alternatives else None


def spread_query(needles: Sequence[Sequence[str]]) -> str | None:
    """The FTS5 query for documents where a word of a needle, but its first, follows two spaces;
    None when no needle has two words."""
    runs = sorted({"  " + word for needle in needles for word in needle[1:]})
    return " OR ".join(map(_phrase, runs)) if runs else None


class StoredFolding:
    """``annotator.search.FoldedCorpus`` over the folded texts kept in one project file."""

    def __init__(self, db: SqliteDatabase) -> None:
        self.db = db
        self._indexed = "folded_trigrams" in db.table_names()

    def catch_up(self) -> None:
        # Read-only or busy: the documents not folded yet are folded on the fly.
        with contextlib.suppress(sqlite3.OperationalError):
            index_missing_documents(self.db)

    def candidates(self, needles: Sequence[Sequence[str]]) -> Iterator[tuple[str, str | bytes, bool]]:
        query = trigram_query(needles) if self._indexed else None
        try:
            # The ids in document order first, then their folded texts a chunk at a time: sorting
            # rows that carry the folded texts cost as much as reading them.
            select = "SELECT d.id, f.id FROM documents d LEFT JOIN folded_texts f ON f.document_id = d.id"
            if query is None:
                ids = self.db.execute(f"{select} ORDER BY d.position").fetchall()
            else:
                ids = self.db.execute(
                    f"{select} WHERE f.id IS NULL"
                    " OR f.id IN (SELECT rowid FROM folded_trigrams WHERE folded_trigrams MATCH ?)"
                    " ORDER BY d.position",
                    [query],
                ).fetchall()
            spread = self._spread(needles)
            ordered = [str(row[0]) for row in ids]
            spread_in = {
                str(document_id): spread is None or row_id is None or row_id in spread for document_id, row_id in ids
            }
            for chunk_start in range(0, len(ordered), CANDIDATE_CHUNK):
                chunk = ordered[chunk_start : chunk_start + CANDIDATE_CHUNK]
                marks = ", ".join("?" for _ in chunk)
                # The folded texts as their UTF-8 bytes: a search counts most hits without decoding them.
                rows = self.db.execute(
                    f"SELECT document_id, CAST(folded AS BLOB) FROM folded_texts WHERE document_id IN ({marks})", chunk
                )
                found: dict[str, str | bytes] = {str(document_id): bytes(folded) for document_id, folded in rows}
                for document_id in chunk:
                    folded = found.get(document_id)
                    if folded is None:
                        yield document_id, self.folded(document_id).folded, True
                    else:
                        yield document_id, folded, spread_in[document_id]
        except sqlite3.DatabaseError as error:
            raise ProjectError(
                said(QT_TRANSLATE_NOOP("Said", "the project cannot be searched right now ({error})."), error=error)
            ) from None

    def _spread(self, needles: Sequence[Sequence[str]]) -> set[int] | None:
        """The folded texts (by row id) where a word of a needle, but its first, may follow two
        spaces; None when not known. Such runs are rare: asking the index spares a scan of each text."""
        query = spread_query(needles)
        if query is None:
            return set()
        if not self._indexed:
            return None
        rows = self.db.execute("SELECT rowid FROM folded_trigrams WHERE folded_trigrams MATCH ?", [query])
        return {int(row[0]) for row in rows}

    def folded(self, document_id: str) -> FoldedText:
        row = self.db.execute(
            "SELECT d.text, f.folded, f.positions, f.shifts FROM documents d"
            " LEFT JOIN folded_texts f ON f.document_id = d.id WHERE d.id = ?",
            [document_id],
        ).fetchone()
        if row is None:
            raise ProjectError(
                said(
                    QT_TRANSLATE_NOOP("Said", "there is no document {document_id} in this project"),
                    document_id=repr(document_id),
                )
            )
        text, folded, positions, shifts = row
        if folded is None:
            return fold(text)
        return FoldedText(text, folded, _offsets(positions), _offsets(shifts))


def _offsets(stored: bytes) -> array[int]:
    values: array[int] = array("q")
    values.frombytes(stored)
    return values
