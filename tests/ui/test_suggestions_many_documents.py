"""A document of a project of many documents shows the suggestions it showed when opening it
read every document's spans and compiled every tagged text: now only the tagged texts that may
occur in it are read, by the folds the project file keeps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator import suggestion_reach
from annotator.edits import Batch
from annotator.occurrences import registry_surfaces, tagged_surfaces
from annotator.project import Project
from annotator.resources import sample_corpus_files
from annotator.suggest import Suggester, Suggestion
from annotator.text import decode_document
from storage.sqlite_repository import SqliteRepository
from tests.ui.analyst import Analyst
from tests.ui.test_annotating import document_row, open_window
from ui.suggestions import EDIT_PAUSE_MS

DOCUMENTS = 40
LABELS = ["GPE", "PER", "ORG", "NORP"]


def many_documents(folder: Path) -> list[Path]:
    """Documents made of the sample articles' paragraphs, each in another order."""
    paragraphs = [
        paragraph
        for path in sample_corpus_files()
        for paragraph in decode_document(path.read_bytes()).split("\n")
        if paragraph.strip()
    ]
    paths = []
    for number in range(DOCUMENTS):
        chosen = paragraphs[number % 7 :: 3][: 4 + number % 5]
        path = folder / f"doc{number:03}.txt"
        path.write_text("\n".join([f"تقرير رقم {number}", *chosen]), encoding="utf-8")
        paths.append(path)
    return paths


def tag_words(project: Project, document_id: str, number: int) -> None:
    """Tag some words and pairs of words, some after a proclitic, in the analyst's layer."""
    text = project.document(document_id).text
    words = list(re.finditer(r"\S+", text))
    edits = []
    for at in range(number % 4, len(words) - 1, 9):
        first, last = words[at], words[at + (at % 2)]
        start = first.start() + (1 if at % 5 == 0 and len(first.group()) > 3 else 0)
        end = last.end() - (1 if not last.group()[-1].isalpha() else 0)
        if start < end:
            edits.append(project.add_span(document_id, start, end, LABELS[at % len(LABELS)]))
    project.apply(Batch("tag words", tuple(edits)))


def test_a_document_among_many_shows_what_every_tagged_text_would_suggest(qtbot: QtBot, tmp_path: Path) -> None:
    project = Project(SqliteRepository.open(tmp_path / "many.hashiya"), "tester")
    try:
        project.import_paths(many_documents(tmp_path))
        documents = [summary.id for summary in project.documents()]
        assert len(documents) == DOCUMENTS
        for number, document_id in enumerate(documents):
            tag_words(project, document_id, number)
        window = open_window(qtbot, project)
        suggestions = window.search.suggestions
        every_tagged = [span for document_id in documents for span in project.spans(document_id)]
        surfaces = [
            *registry_surfaces(project.registry, project.schema),
            *tagged_surfaces(every_tagged, project.schema),
        ]
        for row in (3, 17, 38):
            window.select_row(row)
            suggestions.settle()
            shown = window.documents.document_at(row).id
            spans = project.spans(shown)
            text = project.document(shown).text
            expected = Suggester(surfaces).suggest(text, existing=[(s.start, s.end, s.label) for s in spans])
            from_elsewhere = {s.text for s in expected if s.source == "project"} - {s.text for s in spans}
            assert len(expected) > 20 and from_elsewhere
            assert suggestions.suggestions == expected
    finally:
        project.close()


def plain_suggestions(project: Project, document_id: str) -> list[Suggestion]:
    """What every tagged text of the project and every alias suggest in the document."""
    documents = [summary.id for summary in project.documents()]
    every_tagged = [span for other in documents for span in project.spans(other)]
    surfaces = [*registry_surfaces(project.registry, project.schema), *tagged_surfaces(every_tagged, project.schema)]
    spans = project.spans(document_id)
    return Suggester(surfaces).suggest(
        project.document(document_id).text, existing=[(s.start, s.end, s.label) for s in spans]
    )


def test_tagging_in_one_document_then_in_another_shows_what_every_tagged_text_would_suggest(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(suggestion_reach, "CHARACTERS_PER_KEY", 1000)  # short texts are sifted too
    (tmp_path / "a.txt").write_text("تقرير اول\nالصواريخ البالستية خطر", encoding="utf-8")
    (tmp_path / "b.txt").write_text("تقرير ثان\nاطلقت الصواريخ امس، ثم الصواريخ اليوم", encoding="utf-8")
    project = Project(SqliteRepository.open(tmp_path / "p.hashiya"), "tester")
    try:
        project.import_paths([tmp_path / "a.txt", tmp_path / "b.txt"])
        window = open_window(qtbot, project)
        analyst = Analyst(qtbot, window)
        suggestions = window.search.suggestions
        window.select_row(document_row(window, "a"))
        window.view.setFocus()
        analyst.tag("الصواريخ البالستية", "w")
        window.select_row(document_row(window, "b"))
        window.view.setFocus()
        suggestions.settle()
        shown = window.view.document_id
        assert shown is not None
        assert suggestions.suggestions == plain_suggestions(project, shown)
        # Tagged alone here, الصواريخ is still not suggested at its other mention: a longer text of
        # its label, tagged in the other document, begins with it.
        analyst.tag("الصواريخ", "w")
        qtbot.wait(EDIT_PAUSE_MS + 100)
        suggestions.settle()
        expected = plain_suggestions(project, shown)
        assert [s.text for s in project.spans(shown)] == ["الصواريخ"]
        assert analyst.offsets_of("الصواريخ", 1) not in {(s.start, s.end) for s in expected}
        assert suggestions.suggestions == expected
    finally:
        project.close()
