"""Whole-corpus reads of a team project: folded texts for search, tagged surfaces, label counts."""

from __future__ import annotations

import contextlib
from collections.abc import Collection

from annotator.search import FoldedCorpus, folded_in_memory
from annotator.suggest import keyed_in_memory
from storage.postgres_connection import TeamConnection


class CorpusQueries(TeamConnection):
    """The team server's reads over every document at once (the repository builds on them)."""

    def storing_many(self) -> contextlib.nullcontext[None]:
        # The server's own caches serve an import as they serve every other write.
        return contextlib.nullcontext()

    def folded_corpus(self) -> FoldedCorpus:
        # The server keeps no folded copy: the texts are read and folded for each search.
        rows = self._read(lambda c: c.execute("SELECT id, text FROM documents ORDER BY position").fetchall())
        return folded_in_memory((str(doc_id), str(text)) for doc_id, text in rows)

    def tagged_elsewhere(self, annotator: str, document_id: str) -> list[tuple[str, str, str | None]]:
        rows = self._read(
            lambda c: c.execute(
                """
                SELECT DISTINCT text, label, ref FROM spans
                WHERE annotator = %s AND document_id <> %s AND kind IN ('entity', 'treaty_ref')
                ORDER BY label, text, ref
                """,
                [annotator, document_id],
            ).fetchall()
        )
        return [(str(text), str(label), None if ref is None else str(ref)) for text, label, ref in rows]

    def tagged_elsewhere_keyed(
        self, annotator: str, document_id: str, first_pieces: Collection[str]
    ) -> list[tuple[str, str, str | None, str]]:
        return keyed_in_memory(self.tagged_elsewhere(annotator, document_id), first_pieces)

    def label_counts(self) -> list[tuple[str, str, int]]:
        rows = self._read(
            lambda c: c.execute("SELECT annotator, label, count(*) FROM spans GROUP BY annotator, label").fetchall()
        )
        return [(str(annotator), str(label), int(count)) for annotator, label, count in rows]
