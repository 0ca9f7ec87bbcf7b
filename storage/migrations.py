"""The project file's schema, built and changed only through ``sqlite_utils.Migrations``."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from storage.folded_texts import index_missing_documents, trigram_index_available
from storage.schema_version import APPLICATION_ID, SCHEMA_VERSION
from storage.surface_keys import SURFACE_KEYS_SCHEMA, store_missing_keys

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "migrations"]

migrations = Migrations("hashiya")


@migrations(name="0001_initial")
def initial_schema(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE project_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL CHECK (length(text) > 0),
            text_sha256 TEXT NOT NULL UNIQUE,
            metadata TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            position INTEGER NOT NULL
        );
        CREATE TABLE annotators (name TEXT PRIMARY KEY, created_at TEXT NOT NULL);
        CREATE TABLE spans (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL REFERENCES annotators(name),
            kind TEXT NOT NULL CHECK (kind IN ('entity', 'claim', 'treaty_ref')),
            label TEXT NOT NULL,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            attributes TEXT NOT NULL DEFAULT '{}',
            ref TEXT,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (start < "end")
        );
        CREATE INDEX spans_by_layer ON spans (document_id, annotator, start);
        CREATE TABLE relations (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL REFERENCES annotators(name),
            label TEXT NOT NULL,
            head TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            tail TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            attributes TEXT NOT NULL DEFAULT '{}',
            CHECK (head <> tail)
        );
        CREATE INDEX relations_by_layer ON relations (document_id, annotator);
        CREATE TABLE document_status (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL REFERENCES annotators(name),
            status TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'done', 'reviewed')),
            updated_at TEXT NOT NULL,
            PRIMARY KEY (document_id, annotator)
        );
        CREATE TABLE edit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            annotator TEXT NOT NULL,
            document_id TEXT,
            action TEXT NOT NULL,
            before TEXT,
            after TEXT
        );
        """
    )


@migrations(name="0002_project_resources")
def project_resources(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE project_resources (
            name TEXT PRIMARY KEY,
            content TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX edit_log_by_document ON edit_log (document_id, id);
        """
    )


@migrations(name="0003_review_decisions")
def review_decisions(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE review_decisions (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            layer_a TEXT NOT NULL,
            layer_b TEXT NOT NULL,
            unit TEXT NOT NULL,
            choice TEXT NOT NULL CHECK (choice IN ('accept_a', 'accept_b', 'reject', 'edit')),
            source_span TEXT,
            gold_span TEXT,
            decided_by TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            PRIMARY KEY (document_id, layer_a, layer_b, unit)
        );
        """
    )


@migrations(name="0004_relations_by_span")
def relations_by_span(db: Database) -> None:
    # Deleting a span cascades to its relations: without these, each delete read every relation.
    db.executescript(
        """
        CREATE INDEX relations_by_head ON relations (head);
        CREATE INDEX relations_by_tail ON relations (tail);
        """
    )


@migrations(name="0005_document_length_and_reading_order")
def document_length_and_reading_order(db: Database) -> None:
    # The document list shows each length: counting it read every text in the project at each refresh.
    # A layer's spans are read in reading order (start, outer first, id) straight from the index.
    db.executescript(
        """
        ALTER TABLE documents ADD COLUMN length INTEGER NOT NULL DEFAULT 0;
        DROP INDEX spans_by_layer;
        CREATE INDEX spans_in_reading_order ON spans (document_id, annotator, start, "end" DESC, id);
        """
    )
    # Counted as offsets count (SQLite's length() stops at a NUL character).
    lengths = [(len(text), id_) for id_, text in db.execute("SELECT id, text FROM documents").fetchall()]
    db.conn.executemany("UPDATE documents SET length = ? WHERE id = ?", lengths)


@migrations(name="0006_folded_search_index")
def folded_search_index(db: Database) -> None:
    # Corpus search read and folded every text at each search: each document's folded text and
    # offset map are kept (written with the document), and a trigram index over the folded texts
    # finds the documents a query can occur in. The index is kept by these triggers alone.
    db.executescript(
        """
        CREATE TABLE folded_texts (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
            folded TEXT NOT NULL,
            positions BLOB NOT NULL,
            shifts BLOB NOT NULL
        );
        """
    )
    if trigram_index_available():
        db.executescript(
            """
            CREATE VIRTUAL TABLE folded_trigrams USING fts5(
                folded, content='folded_texts', content_rowid='id', tokenize='trigram'
            );
            CREATE TRIGGER folded_texts_indexed AFTER INSERT ON folded_texts BEGIN
                INSERT INTO folded_trigrams (rowid, folded) VALUES (new.id, new.folded);
            END;
            CREATE TRIGGER folded_texts_unindexed AFTER DELETE ON folded_texts BEGIN
                INSERT INTO folded_trigrams (folded_trigrams, rowid, folded) VALUES ('delete', old.id, old.folded);
            END;
            """
        )
    index_missing_documents(db)


@migrations(name="0007_tagged_surfaces")
def tagged_surfaces(db: Database) -> None:
    # Suggestions offer again what a layer tagged anywhere in the project: opening a document read
    # every document's spans to learn those texts. They are counted here as spans come and go.
    db.executescript(
        """
        CREATE TABLE tagged_surfaces (
            annotator TEXT NOT NULL,
            label TEXT NOT NULL,
            text TEXT NOT NULL,
            ref TEXT NOT NULL,  -- '' for a span without a registry link
            spans INTEGER NOT NULL,
            PRIMARY KEY (annotator, label, text, ref)
        ) WITHOUT ROWID;
        -- An import counts whole layers at once, with the triggers paused inside its transaction.
        CREATE TABLE surface_counting (id INTEGER PRIMARY KEY CHECK (id = 0), paused INTEGER NOT NULL);
        INSERT INTO surface_counting (id, paused) VALUES (0, 0);
        CREATE TRIGGER spans_surface_added AFTER INSERT ON spans
        WHEN new.kind IN ('entity', 'treaty_ref') AND NOT (SELECT paused FROM surface_counting) BEGIN
            INSERT INTO tagged_surfaces (annotator, label, text, ref, spans)
            VALUES (new.annotator, new.label, new.text, coalesce(new.ref, ''), 1)
            ON CONFLICT DO UPDATE SET spans = spans + 1;
        END;
        CREATE TRIGGER spans_surface_removed AFTER DELETE ON spans
        WHEN old.kind IN ('entity', 'treaty_ref') AND NOT (SELECT paused FROM surface_counting) BEGIN
            UPDATE tagged_surfaces SET spans = spans - 1 WHERE annotator = old.annotator AND label = old.label
                AND text = old.text AND ref = coalesce(old.ref, '');
            DELETE FROM tagged_surfaces WHERE annotator = old.annotator AND label = old.label
                AND text = old.text AND ref = coalesce(old.ref, '') AND spans <= 0;
        END;
        CREATE TRIGGER spans_surface_changed_from AFTER UPDATE OF annotator, kind, label, text, ref ON spans
        WHEN old.kind IN ('entity', 'treaty_ref') AND NOT (SELECT paused FROM surface_counting) BEGIN
            UPDATE tagged_surfaces SET spans = spans - 1 WHERE annotator = old.annotator AND label = old.label
                AND text = old.text AND ref = coalesce(old.ref, '');
            DELETE FROM tagged_surfaces WHERE annotator = old.annotator AND label = old.label
                AND text = old.text AND ref = coalesce(old.ref, '') AND spans <= 0;
        END;
        CREATE TRIGGER spans_surface_changed_to AFTER UPDATE OF annotator, kind, label, text, ref ON spans
        WHEN new.kind IN ('entity', 'treaty_ref') AND NOT (SELECT paused FROM surface_counting) BEGIN
            INSERT INTO tagged_surfaces (annotator, label, text, ref, spans)
            VALUES (new.annotator, new.label, new.text, coalesce(new.ref, ''), 1)
            ON CONFLICT DO UPDATE SET spans = spans + 1;
        END;
        INSERT INTO tagged_surfaces (annotator, label, text, ref, spans)
            SELECT annotator, label, text, coalesce(ref, ''), count(*) FROM spans
            WHERE kind IN ('entity', 'treaty_ref') GROUP BY annotator, label, text, coalesce(ref, '');
        """
    )


@migrations(name="0008_documents_in_order_and_claims_by_label")
def documents_in_order_and_claims_by_label(db: Database) -> None:
    # The documents in order with their titles and lengths from the index alone: a search and the
    # document list read them first, and scanning the table read through every text to reach the
    # length. stats counts entities and treaty references from tagged_surfaces; the claims index
    # keeps counting the claims from reading every span (a tenth of them are claims).
    db.executescript(
        """
        CREATE INDEX IF NOT EXISTS claims_by_label ON spans (annotator, label) WHERE kind = 'claim';
        CREATE INDEX IF NOT EXISTS documents_in_order ON documents (position, id, title, length);
        """
    )


@migrations(name="0009_surface_keys")
def surface_keys(db: Database) -> None:
    # Opening a document folded every text the project had tagged, to suggest it again: each
    # tagged text's fold is kept instead (storage.surface_keys).
    db.executescript(SURFACE_KEYS_SCHEMA)
    store_missing_keys(db)
