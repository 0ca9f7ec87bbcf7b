"""A search counts hits from the folded texts alone (those the project file keeps, as UTF-8 bytes)
and maps hits back to the stored text only when they are read: its counts and hits are those of
finding and mapping every hit of every document at once, in any order they are read."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.arabic import fold
from annotator.occurrences import alias_groups
from annotator.project import Project
from annotator.search import (
    DEFAULT_CONTEXT,
    AliasGroups,
    Hit,
    NameGroup,
    SearchResult,
    _find,
    _hit,
    _needles,
    expansion,
    search,
    search_corpus,
)
from storage.sqlite_repository import SqliteRepository
from tests.storage.test_folded_search import ALPHABET, QUERIES, stored_document


def every_hit_at_once(
    texts: dict[str, str], query: str, *, whole_word: bool, groups: AliasGroups = (), short_aliases: bool = False
) -> tuple[dict[str, int], list[Hit]]:
    """Every document folded, every hit found and mapped back, in document order."""
    found = expansion(query, groups, short_aliases=short_aliases)
    needles = _needles(found, whole_word=whole_word, proclitics=True) if found.query else []
    counts: dict[str, int] = {}
    hits: list[Hit] = []
    for doc_id, text in texts.items():
        document = fold(text)
        ranges = _find(document.folded, needles) if needles else []
        if ranges:
            counts[doc_id] = len(ranges)
            hits.extend(_hit(doc_id, document, start, end, DEFAULT_CONTEXT) for start, end in ranges)
    return counts, hits


def assert_as_at_once(result: SearchResult, counts: dict[str, int], hits: list[Hit]) -> None:
    assert result.counts == counts
    assert len(result.hits) == len(hits)
    # Read backwards first, one at a time, then as a slice and in order.
    assert [result.hits[number] for number in reversed(range(len(hits)))] == hits[::-1]
    assert [result.hits[-number] for number in range(1, len(hits) + 1)] == hits[::-1]
    assert result.hits[1:4] == hits[1:4]
    assert list(result.hits) == hits


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize(("whole_word", "short_aliases"), [(False, False), (True, False), (False, True)])
def test_the_sample_corpus_gives_the_hits_found_at_once(
    sample_project: Project, query: str, whole_word: bool, short_aliases: bool
) -> None:
    texts = {d.id: sample_project.document(d.id).text for d in sample_project.documents()}
    groups = alias_groups(sample_project.registry)
    counts, hits = every_hit_at_once(texts, query, whole_word=whole_word, groups=groups, short_aliases=short_aliases)
    corpus = sample_project.repository.folded_corpus()
    stored = search_corpus(corpus, query, whole_word=whole_word, alias_groups=groups, short_aliases=short_aliases)
    assert_as_at_once(stored, counts, hits)
    in_memory = search(query, texts, whole_word=whole_word, alias_groups=groups, short_aliases=short_aliases)
    assert_as_at_once(in_memory, counts, hits)


def test_a_limit_lists_the_first_hits_and_counts_them_all(sample_project: Project) -> None:
    texts = {d.id: sample_project.document(d.id).text for d in sample_project.documents()}
    groups = alias_groups(sample_project.registry)
    counts, hits = every_hit_at_once(texts, "روسيا", whole_word=False, groups=groups)
    assert len(counts) > 1
    limit = next(iter(counts.values())) + 2  # the first document's hits and two of the next
    found = search_corpus(sample_project.repository.folded_corpus(), "روسيا", alias_groups=groups, limit=limit)
    assert found.counts == counts
    assert found.truncated
    assert_as_at_once(SearchResult(found.hits, counts), counts, hits[:limit])


@st.composite
def texts_and_names(draw: st.DrawFn) -> tuple[list[str], str, list[NameGroup]]:
    """Texts, a query taken from one of them, and registry entries named with pieces of them."""
    texts = draw(st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=60), min_size=1, max_size=5))

    def piece() -> str:
        source = draw(st.sampled_from(texts))
        start = draw(st.integers(0, len(source) - 1))
        return source[start : start + draw(st.integers(1, 8))]

    query = piece()
    groups = [
        NameGroup(
            tuple(piece() for _ in range(draw(st.integers(1, 3)))),
            tuple(piece() for _ in range(draw(st.integers(0, 1)))),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    named: bool = draw(st.booleans())
    if groups and named:
        groups[0] = NameGroup((query, *groups[0].names), groups[0].short)  # the query names an entry
    return texts, query, groups


@pytest.fixture(scope="module")
def generated_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqliteRepository]:
    repository = SqliteRepository.open(tmp_path_factory.mktemp("generated") / "p.hashiya")
    yield repository
    repository.close()


def stored_texts(repository: SqliteRepository, texts: Sequence[str]) -> dict[str, str]:
    fresh = [stored_document(text, "generated") for text in dict.fromkeys(texts)]
    repository.add_documents([d for d in fresh if repository.find_document_by_sha256(d.text_sha256) is None])
    return {row[0]: row[1] for row in repository.db.execute("SELECT id, text FROM documents ORDER BY position")}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=texts_and_names(), whole_word=st.booleans(), short_aliases=st.booleans())
def test_generated_text_gives_the_hits_found_at_once(
    generated_project: SqliteRepository,
    case: tuple[list[str], str, list[NameGroup]],
    whole_word: bool,
    short_aliases: bool,
) -> None:
    texts, query, groups = case
    every = stored_texts(generated_project, texts)
    counts, hits = every_hit_at_once(every, query, whole_word=whole_word, groups=groups, short_aliases=short_aliases)
    corpus = generated_project.folded_corpus()
    stored = search_corpus(corpus, query, whole_word=whole_word, alias_groups=groups, short_aliases=short_aliases)
    assert_as_at_once(stored, counts, hits)
    in_memory = search(query, every, whole_word=whole_word, alias_groups=groups, short_aliases=short_aliases)
    assert_as_at_once(in_memory, counts, hits)


def test_names_whose_words_are_several_spaces_apart(tmp_path: Path) -> None:
    """The project file tells which texts have a run of spaces before a word of a name; the others
    are counted without looking for one."""
    repository = SqliteRepository.open(tmp_path / "p.hashiya")
    try:
        texts = stored_texts(
            repository,
            [
                "قال الاتحاد  الروسي إن روسيا   الاتحادية و روسيا",
                "الاتحاد الروسي وروسيا الاتحادية  الروسيا",
                "الاتحاد\nالروسي و  روسيا  و الاتحاد الروسيّ",
            ],
        )
        groups = [NameGroup(("روسيا", "روسيا الاتحادية", "الاتحاد الروسي"))]
        for query in ("روسيا", "الاتحاد الروسي", "روسيا الاتحادية"):
            counts, hits = every_hit_at_once(texts, query, whole_word=False, groups=groups)
            assert sum(counts.values()) >= 3
            found = search_corpus(repository.folded_corpus(), query, alias_groups=groups)
            assert_as_at_once(found, counts, hits)
    finally:
        repository.close()
