"""Opening a document learns what was tagged elsewhere from the counts the store keeps: it reads the
spans of the document it shows, never every other document's."""

from __future__ import annotations

import re

from pytestqt.qtbot import QtBot

from annotator.project import Project
from storage.sqlite_repository import SqliteRepository
from tests.ui.test_annotating import document_row, open_window
from ui.suggestions import SUGGESTIONS_GROUP

LAVROV_ARTICLE = "003_6ce7f2ee4d1dc447"
WORD = "موسكو"


def test_a_text_tagged_elsewhere_is_suggested_without_reading_other_documents(
    qtbot: QtBot, sample_project: Project
) -> None:
    documents = {sample_project.document(d.id).source: d.id for d in sample_project.documents()}
    shown = documents[f"{LAVROV_ARTICLE}.txt"]
    tagged_in = [doc_id for doc_id in documents.values() if doc_id != shown]
    for doc_id in tagged_in:
        text = sample_project.document(doc_id).text
        start = text.find(WORD)
        if start >= 0:
            sample_project.apply(sample_project.add_span(doc_id, start, start + len(WORD), "GPE"))
    assert any(sample_project.spans(doc_id) for doc_id in tagged_in)
    assert WORD in sample_project.document(shown).text
    window = open_window(qtbot, sample_project)
    assert isinstance(sample_project.repository, SqliteRepository)
    statements: list[str] = []
    sample_project.repository.db.conn.set_trace_callback(statements.append)
    try:
        window.select_row(document_row(window, LAVROV_ARTICLE))
        text = sample_project.document(shown).text
        wanted = [(m.start(), m.end()) for m in re.finditer(WORD, text)]
        qtbot.waitUntil(
            lambda: set(wanted) <= {(o.start, o.end) for o in window.view.overlays(SUGGESTIONS_GROUP)}, timeout=10_000
        )
    finally:
        sample_project.repository.db.conn.set_trace_callback(None)
    span_reads = [s for s in statements if re.search(r"FROM spans\s+WHERE document_id", s)]
    others = [s for s in span_reads if any(doc_id in s for doc_id in tagged_in)]
    assert others == []
