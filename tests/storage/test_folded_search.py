"""Corpus search from the folded texts and trigram index the project file keeps gives exactly the
hits of searching every stored text in memory, on the sample corpus and on generated text."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.arabic import TATWEEL, fold_string
from annotator.model import Document
from annotator.occurrences import alias_groups
from annotator.project import Project, document_id_for, now_iso
from annotator.resources import sample_corpus_files
from annotator.search import SearchResult, search, search_corpus
from annotator.text import text_sha256
from cli.search_command import search_project
from storage.folded_texts import StoredFolding, trigram_index_available
from storage.sqlite_repository import SqliteRepository

QUERIES = [
    "روسيا",
    "روسيّا",
    "كوريا الشمالية",
    "بيونغ يانغ",
    "بيونج يانج",
    "الأمريكية",
    "الدفاع",
    "في",
    "ال",
    "و",
    "لافروف",
    "كيم جونغ أون",
    "اتفاقية",
    "غير موجود إطلاقا",
    "2024",
    "«",
]

# Every letter folding changes or deletes, a few it keeps, spaces of several kinds and line breaks.
FOLDED_LETTERS = "أإآٱٲٳٵاىیئيؤوةهکكغگجلبنمسر"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0654\u0655\u0670" + TATWEEL + "\u200c\u200f"
SEPARATORS = "  \u00a0\n"
ALPHABET = FOLDED_LETTERS + MARKS + SEPARATORS + "0١٢a"


def stored_document(text: str, title: str) -> Document:
    sha = text_sha256(text)
    return Document(
        id=document_id_for(sha), title=title, source=title, text=text, text_sha256=sha, created_at=now_iso()
    )


def assert_same(found: SearchResult, wanted: SearchResult) -> None:
    assert found.counts == wanted.counts
    assert found.hits == wanted.hits


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("whole_word", [False, True])
def test_index_search_equals_search_of_every_text_on_the_sample_corpus(
    sample_project: Project, query: str, whole_word: bool
) -> None:
    texts = {d.id: sample_project.document(d.id).text for d in sample_project.documents()}
    groups = alias_groups(sample_project.registry)
    wanted = search(query, texts, whole_word=whole_word, alias_groups=groups)
    assert_same(search_project(sample_project, query, whole_word=whole_word), wanted)


def test_the_trigram_index_leaves_out_documents_without_the_word(tmp_path: Path) -> None:
    if not trigram_index_available():
        pytest.skip("this SQLite has no FTS5 trigram tokenizer")
    repository = SqliteRepository.open(tmp_path / "p.hashiya")
    try:
        repository.add_documents(
            [stored_document(text, f"t{n}") for n, text in enumerate(["روسيا والصين", "الهند", "روسيّـا"])]
        )
        corpus = StoredFolding(repository.db)
        found = [doc_id for doc_id, _folded, _spread in corpus.candidates([[fold_string("روسيا")]])]
        assert len(found) == 2
        assert all("روسيا" in fold_string(repository.get_document(doc_id).text) for doc_id in found)
        # Words under three letters cannot be looked up: every document is read.
        assert len(list(corpus.candidates([["في"]]))) == 3
    finally:
        repository.close()


def test_documents_stored_without_their_folded_text_are_still_found(tmp_path: Path) -> None:
    """A document added by an older version of the program (no folded text) is folded when searched."""
    path = tmp_path / "p.hashiya"
    project = Project(SqliteRepository.open(path), "tester")
    project.import_paths(sample_corpus_files())
    found = search_project(project, "روسيا", whole_word=True)
    wanted = SearchResult(list(found.hits), found.counts)  # the hits are read from the project, while it is open
    project.close()
    raw = sqlite3.connect(path)
    with raw:
        raw.execute("DELETE FROM folded_texts")
    raw.close()
    project = Project(SqliteRepository.open(path), "tester")
    try:
        assert wanted.total > 0
        assert_same(search_project(project, "روسيا", whole_word=True), wanted)
        assert isinstance(project.repository, SqliteRepository)
        count = project.repository.db.execute("SELECT count(*) FROM folded_texts").fetchone()[0]
        assert count == len(project.documents())
    finally:
        project.close()


@st.composite
def corpus_and_query(draw: st.DrawFn) -> tuple[list[str], str]:
    texts = draw(st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=60), min_size=1, max_size=5))
    source = draw(st.sampled_from(texts))
    start = draw(st.integers(0, len(source) - 1))
    length = draw(st.integers(1, 8))
    picked = source[start : start + length]
    query = draw(st.one_of(st.just(picked), st.text(alphabet=ALPHABET, min_size=1, max_size=6)))
    return texts, query


@pytest.fixture(scope="module")
def generated_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqliteRepository]:
    repository = SqliteRepository.open(tmp_path_factory.mktemp("generated") / "p.hashiya")
    yield repository
    repository.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=corpus_and_query(), whole_word=st.booleans())
def test_index_search_equals_search_of_every_text_on_generated_text(
    generated_project: SqliteRepository, case: tuple[list[str], str], whole_word: bool
) -> None:
    texts, query = case
    fresh = [stored_document(text, "generated") for text in dict.fromkeys(texts)]
    generated_project.add_documents(
        [d for d in fresh if generated_project.find_document_by_sha256(d.text_sha256) is None]
    )
    every = {row[0]: row[1] for row in generated_project.db.execute("SELECT id, text FROM documents ORDER BY position")}
    wanted = search(query, every, whole_word=whole_word)
    assert_same(search_corpus(generated_project.folded_corpus(), query, whole_word=whole_word), wanted)
