"""The counts of tagged texts (table ``tagged_surfaces``) kept current a whole layer at a time.

Triggers on ``spans`` count each span as it is added, changed or deleted (migration 7). An import
replaces whole layers: inside its transaction it pauses those triggers and counts each layer it
removes and adds with one grouped statement, which costs a fraction of a trigger per span. The
pause is a row of the project file changed inside the same transaction, so no other connection
ever sees it set.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

_LAYER_SURFACES = """
    SELECT annotator, label, text, coalesce(ref, '') AS ref, count(*) AS spans FROM spans
    WHERE document_id = ? AND annotator = ? AND kind IN ('entity', 'treaty_ref')
    GROUP BY label, text, coalesce(ref, '')
"""


@contextmanager
def counting_whole_layers(db: Database) -> Iterator[None]:
    """Pause the per-span triggers; call inside a transaction, around ``uncount`` and ``count``."""
    db.execute("UPDATE surface_counting SET paused = 1")
    try:
        yield
    finally:
        db.execute("UPDATE surface_counting SET paused = 0")


def uncount_layer(db: Database, document_id: str, annotator: str) -> None:
    """Take the layer's spans out of the counts (before they are deleted)."""
    db.execute(
        f"""
        UPDATE tagged_surfaces SET spans = tagged_surfaces.spans - layer.spans FROM ({_LAYER_SURFACES}) AS layer
        WHERE tagged_surfaces.annotator = layer.annotator AND tagged_surfaces.label = layer.label
            AND tagged_surfaces.text = layer.text AND tagged_surfaces.ref = layer.ref
        """,
        [document_id, annotator],
    )
    db.execute("DELETE FROM tagged_surfaces WHERE annotator = ? AND spans <= 0", [annotator])


def count_layer(db: Database, document_id: str, annotator: str) -> None:
    """Add the layer's spans to the counts (after they are inserted)."""
    db.execute(
        f"""
        INSERT INTO tagged_surfaces (annotator, label, text, ref, spans) {_LAYER_SURFACES}
        ON CONFLICT DO UPDATE SET spans = tagged_surfaces.spans + excluded.spans
        """,
        [document_id, annotator],
    )
