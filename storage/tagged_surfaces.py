"""The counts of tagged texts (table ``tagged_surfaces``) kept current a whole layer at a time.

Triggers on ``spans`` count each span as it is added, changed or deleted (migration 7). An import
replaces whole layers: inside its transaction it pauses those triggers, takes each layer it removes
out with one grouped statement and adds the spans it stores, counted in memory, with one write per
tagged text, which costs a fraction of a trigger per span. The pause is a row of the project file
changed inside the same transaction, so no other connection ever sees it set.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from annotator.model import Layer, Span, SpanKind
from storage.sqlite_database import Sql

_LAYER_SURFACES = """
    SELECT annotator, label, text, coalesce(ref, '') AS ref, count(*) AS spans FROM spans
    WHERE document_id = ? AND annotator = ? AND kind IN ('entity', 'treaty_ref')
    GROUP BY label, text, coalesce(ref, '')
"""


ELSEWHERE_UNORDERED = """
    LEFT JOIN (
        SELECT label, text, coalesce(ref, '') AS ref, count(*) AS spans FROM spans
        WHERE document_id = ? AND annotator = ? AND kind IN ('entity', 'treaty_ref')
        GROUP BY label, text, coalesce(ref, '')
    ) here ON here.label = t.label AND here.text = t.text AND here.ref = t.ref
    WHERE t.annotator = ? AND t.spans > coalesce(here.spans, 0)
"""
"""The rows of ``tagged_surfaces t`` that a layer tagged in some other document than the one given:
joined after ``FROM tagged_surfaces t``, with the parameters (document_id, annotator, annotator)."""

ELSEWHERE = ELSEWHERE_UNORDERED + "    ORDER BY t.label, t.text, t.ref\n"
"""``ELSEWHERE_UNORDERED`` in the order of the table's key."""


#: The page cache of a connection while it stores whole layers, in KiB (SQLite's default is 2,000).
BULK_CACHE_KIB = 131_072


@contextmanager
def bulk_writing(db: Sql) -> Iterator[None]:
    """Room for a large transaction; call outside any transaction, around it.

    Every insert into ``spans`` fires triggers, so SQLite keeps a statement journal for it; in a
    temporary file (the default) that journal and the grouped counts of ``count_layer`` wrote
    about 30 KB per span stored. Kept in memory, with a page cache that holds what one step of an
    import changes, they write nothing: only the transaction's pages reach the write-ahead log.
    What a commit makes durable is the same.
    """
    if db.conn.in_transaction:
        yield
        return
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    store = db.execute("PRAGMA temp_store").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    db.execute("PRAGMA temp_store = MEMORY")
    try:
        yield
    finally:
        if not db.conn.in_transaction:
            db.execute(f"PRAGMA temp_store = {int(store)}")
            db.execute(f"PRAGMA cache_size = {int(cache)}")


_COUNTING_INSERTS = "spans_surface_added"


@contextmanager
def counting_whole_layers(db: Sql) -> Iterator[None]:
    """Pause the per-span triggers; call inside a transaction, around ``uncount_layer`` and ``count_surfaces``.

    Even paused, the trigger on inserts runs for every span stored (about a tenth of an import's
    time in SQLite): it is taken out and put back, as the project file holds it, within the same
    transaction, so that no other connection ever sees the schema without it.
    """
    row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [_COUNTING_INSERTS])
    counting_inserts = row.fetchone()
    db.execute("UPDATE surface_counting SET paused = 1")
    if counting_inserts is not None:
        db.execute(f"DROP TRIGGER {_COUNTING_INSERTS}")
    yield  # on an error the caller rolls the transaction back, trigger and pause included
    if counting_inserts is not None:
        db.execute(counting_inserts[0])
    db.execute("UPDATE surface_counting SET paused = 0")


def uncount_layer(db: Sql, document_id: str, annotator: str) -> None:
    """Take the layer's spans out of the counts (before they are deleted): a few keyed updates."""
    layer = db.execute(_LAYER_SURFACES, [document_id, annotator]).fetchall()
    if not layer:
        return
    keys = [(spans, name, label, text, ref) for name, label, text, ref, spans in layer]
    db.conn.executemany(
        "UPDATE tagged_surfaces SET spans = spans - ? WHERE annotator = ? AND label = ? AND text = ? AND ref = ?", keys
    )
    db.conn.executemany(
        "DELETE FROM tagged_surfaces WHERE annotator = ? AND label = ? AND text = ? AND ref = ? AND spans <= 0",
        [key[1:] for key in keys],
    )


Surfaces = Counter[tuple[str, str, str, str]]
"""Spans per tagged text: (annotator, label, text, registry id or '') to how many."""


def surfaces(spans: Iterable[Span]) -> Iterator[tuple[str, str, str, str]]:
    """The tagged texts of ``spans`` as the triggers count them (entities and treaty references), one
    per span: ``Surfaces.update`` counts them in C, where adding one ``Counter`` to another loops in Python."""
    counted = (SpanKind.ENTITY, SpanKind.TREATY_REF)
    return ((span.annotator, span.label, span.text, span.ref or "") for span in spans if span.kind in counted)


def tagged_texts(layers: Iterable[Layer]) -> set[str]:
    """The texts ``surfaces`` counts in the spans of ``layers``."""
    counted = (SpanKind.ENTITY, SpanKind.TREATY_REF)
    return {span.text for layer in layers for span in layer.spans if span.kind in counted}


def count_surfaces(db: Sql, counts: Surfaces) -> None:
    """Add ``counts`` of spans stored with the triggers paused: one write per tagged text, in key order."""
    db.conn.executemany(
        """
        INSERT INTO tagged_surfaces (annotator, label, text, ref, spans) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT DO UPDATE SET spans = tagged_surfaces.spans + excluded.spans
        """,
        [(*surface, counts[surface]) for surface in sorted(counts)],
    )
