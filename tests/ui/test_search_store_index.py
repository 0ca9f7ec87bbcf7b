"""The search panel's "Whole corpus" searches the folded texts and index the project file keeps,
the search of ``hashiya search``: the same hits, and no document text folded in the window."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import annotator.arabic
import annotator.search
import ui.search_panel
from annotator.arabic import FoldedText
from annotator.occurrences import alias_groups
from annotator.project import Project
from annotator.search import search
from cli.search_command import search_project
from tests.ui.analyst import NO
from tests.ui.test_search import LAVROV_ARTICLE, corpus_texts, search_for, searching_window

QUERIES = ["روسيا", "بيونغ يانغ", "الدفاع", "في", "كيم جونغ أون", "«", "غير موجود إطلاقا"]


def counting_folds(monkeypatch: pytest.MonkeyPatch, texts: set[str]) -> list[str]:
    """Every document text folded from now on, by the search module or the panel."""
    folded: list[str] = []

    def wrap(fold: Callable[[str], FoldedText]) -> Callable[[str], FoldedText]:
        def counted(text: str) -> FoldedText:
            if text in texts:
                folded.append(text)
            return fold(text)

        return counted

    monkeypatch.setattr(annotator.search, "fold", wrap(annotator.arabic.fold))
    monkeypatch.setattr(ui.search_panel, "fold", wrap(annotator.arabic.fold), raising=False)
    return folded


def test_whole_corpus_gives_the_hits_of_the_command_line_search(
    qtbot: QtBot, sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = corpus_texts_of(sample_project)
    groups = alias_groups(sample_project.registry)
    cases = [(query, whole_word) for whole_word in (False, True) for query in QUERIES]
    command_line = {case: search_project(sample_project, case[0], whole_word=case[1]) for case in cases}
    in_memory = {case: search(case[0], texts, whole_word=case[1], alias_groups=groups) for case in cases}
    folded = counting_folds(monkeypatch, set(texts.values()))
    analyst, feature = searching_window(qtbot, sample_project, LAVROV_ARTICLE)
    search_for(analyst, feature, QUERIES[0], corpus=True)
    assert corpus_texts(analyst.window) == texts
    totals: dict[tuple[str, bool], int] = {}
    for query, whole_word in cases:
        if feature.panel.whole_word.isChecked() != whole_word:
            feature.panel.whole_word.setChecked(whole_word)
        feature.panel.query.setText(query)
        analyst.press(Qt.Key.Key_Return, NO, feature.panel.query)
        assert feature._searched == (query, whole_word, feature.panel.chosen_scope, None)
        listed = [(hit.doc_id, hit.start, hit.end) for hit in feature.result.hits]
        assert not feature.result.truncated
        for wanted in (command_line[query, whole_word], in_memory[query, whole_word]):
            assert listed == [(hit.doc_id, hit.start, hit.end) for hit in wanted.hits]
            assert feature.result.counts == wanted.counts
        totals[query, whole_word] = feature.result.total
    assert totals[QUERIES[0], True] > 0 and totals[QUERIES[-1], False] == 0
    # Searching the corpus folded no document's text in the window; only the shown one, once,
    # for its hatched hits.
    assert set(folded) <= {texts[str(analyst.view.document_id)]}
    assert len(folded) <= 1


def corpus_texts_of(project: Project) -> dict[str, str]:
    return {summary.id: project.document(summary.id).text for summary in project.documents()}
