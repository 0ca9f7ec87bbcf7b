from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.arabic import fold_string
from annotator.resources import sample_corpus_files
from annotator.search import NameGroup, SearchIndex, expand_aliases, search
from annotator.snapping import is_cluster_boundary
from annotator.text import decode_document


@pytest.fixture(scope="module")
def corpus() -> dict[str, str]:
    return {path.stem: decode_document(path.read_bytes()) for path in sample_corpus_files()}


@pytest.fixture(scope="module")
def index(corpus: dict[str, str]) -> SearchIndex:
    built = SearchIndex()
    for doc_id, text in corpus.items():
        built.add(doc_id, text)
    return built


def assert_offsets(corpus: dict[str, str], index: SearchIndex, query: str) -> None:
    for hit in index.search(query).hits:
        assert corpus[hit.doc_id][hit.start : hit.end] == hit.text


def test_whole_word_russia_includes_hits_after_proclitics(corpus: dict[str, str], index: SearchIndex) -> None:
    result = index.search("روسيا", whole_word=True)
    assert result.total == 94  # 95 occurrences, one glued inside آسياروسيا
    assert {hit.text for hit in result.hits} == {"روسيا"}
    before = [corpus[hit.doc_id][hit.start - 1] for hit in result.hits]
    assert before.count("ل") == 16
    assert before.count("و") == 2
    for hit in result.hits:
        assert corpus[hit.doc_id][hit.start : hit.end] == "روسيا"
        if hit.left.endswith("ل") and not hit.left.endswith(" ل"):
            assert corpus[hit.doc_id][hit.start - 1 : hit.end] == "لروسيا"
    assert sum(result.counts.values()) == 94
    assert result.counts == {
        "000_5aedd47a6fdd3a5d": 51,
        "001_0aacfd246fc7404a": 6,
        "002_b3cd881822282461": 18,
        "003_6ce7f2ee4d1dc447": 8,
        "004_14666f8c06eddbdd": 11,
    }


def test_substring_search_finds_the_glued_word(index: SearchIndex) -> None:
    assert index.search("روسيا").total == 95
    assert index.search("روسيا", whole_word=True, proclitics=False).total == 94 - 18


@pytest.mark.parametrize("query", ["بيونغ يانغ", "بيونج يانج", "بيونج يانغ", "بِيُونغ  يانـغ"])
def test_pyongyang_spellings(corpus: dict[str, str], index: SearchIndex, query: str) -> None:
    result = index.search(query)
    assert result.total == 34
    assert {hit.text for hit in result.hits} == {"بيونغ يانغ", "بيونج يانج", "بيونج يانغ"}
    assert_offsets(corpus, index, query)


def test_lavrov_and_kim_spellings(index: SearchIndex) -> None:
    lavrov = index.search("سيرجي لافروف")
    assert sorted(hit.text for hit in lavrov.hits) == ["سيرجي لافروف", "سيرغي لافروف", "سيرغي لافروف"]
    kim = index.search("كيم جونغ أون", whole_word=True)
    assert kim.total == 8
    assert {hit.text for hit in kim.hits} == {"كيم جونغ أون", "كيم جونج أون"}


def test_alias_groups(index: SearchIndex) -> None:
    groups = [["الأمريكي", "الأميركي"], ["بيونغ يانغ"]]
    plain = index.search("الأمريكي", whole_word=True)
    assert {hit.text for hit in plain.hits} == {"الأمريكي"}
    expanded = index.search("الأمريكي", whole_word=True, alias_groups=groups)
    assert sorted(hit.text for hit in expanded.hits) == ["الأمريكي"] * 3 + ["الأميركي"] * 2


def test_alias_groups_on_small_documents() -> None:
    documents = {"a": "قالت الوزيرة الأميركية إن", "b": "السفارة الأمريكية في موسكو", "c": "الأمريكيتين"}
    groups = [["الأمريكية", "الأميركية"]]
    assert search("الأمريكية", documents).counts == {"b": 1}
    result = search("الأمريكية", documents, whole_word=True, alias_groups=groups)
    assert result.counts == {"a": 1, "b": 1}
    assert [hit.text for hit in result.hits] == ["الأميركية", "الأمريكية"]


def test_expand_aliases_only_for_the_matching_group() -> None:
    groups = [["الأمريكية", "الأميركية"], ["روسيا", "روسيا الاتحادية"]]
    assert sorted(expand_aliases("الامريكيه", groups)) == ["الامريكيه", "الاميركيه"]
    assert expand_aliases("روسيا", groups) == ["روسيا الاتحاديه", "روسيا"]
    assert expand_aliases("موسكو", groups) == ["موسكو"]
    assert expand_aliases("  ", groups) == []


KIMS = [
    NameGroup(("كيم جونغ أون", "كيم جونج أون"), ("كيم",)),
    NameGroup(("كيم إيل سونغ",)),
    NameGroup(("كيم سونغ-باي",)),
]


def test_a_short_alias_is_found_only_when_asked_and_not_where_a_longer_name_starts() -> None:
    documents = {"d": "التقى كيم جونج أون ووالده كيم إيل سونغ، وقال كيم  إيل سونغ وكيم والباحث كيم سونغ-باي"}
    plain = search("كيم جونغ أون", documents, alias_groups=KIMS)
    assert [hit.text for hit in plain.hits] == ["كيم جونج أون"]
    short = search("كيم جونغ أون", documents, alias_groups=KIMS, short_aliases=True)
    text = documents["d"]
    assert [(hit.start, hit.text) for hit in short.hits] == [(6, "كيم جونج أون"), (text.index("وكيم") + 1, "كيم")]


def test_a_typed_query_finds_itself_everywhere() -> None:
    documents = {"d": "كيم إيل سونغ وكيم"}
    assert search("كيم", documents, alias_groups=KIMS).total == 2


def test_a_name_of_several_entries_finds_only_itself() -> None:
    groups = [NameGroup(("فلاديمير بوتين", "فلاديمير")), NameGroup(("فلاديمير تيخونوف", "فلاديمير"))]
    assert expand_aliases("فلاديمير", groups) == ["فلاديمير"]
    assert expand_aliases("فلاديمير بوتين", groups) == ["فلاديمير بوتين", "فلاديمير"]
    documents = {"d": "فلاديمير بوتين وفلاديمير تيخونوف"}
    found = search("فلاديمير بوتين", documents, alias_groups=groups, whole_word=True)
    assert [hit.text for hit in found.hits] == ["فلاديمير بوتين"]


def test_article_after_lam_is_found() -> None:
    documents = {"d": "قدم الدعم للدفاع المشترك، ووزارة الدفاع."}
    result = search("الدفاع", documents, whole_word=True)
    assert [(hit.start, hit.text) for hit in result.hits] == [(11, "لدفاع"), (33, "الدفاع")]


def test_context_and_limit(corpus: dict[str, str], index: SearchIndex) -> None:
    result = index.search("بوتين", whole_word=True, limit=3)
    assert len(result.hits) == 3
    assert result.total > 3
    assert result.truncated
    for hit in result.hits:
        text = corpus[hit.doc_id]
        assert text[hit.start - len(hit.left) : hit.start] == hit.left
        assert text[hit.end : hit.end + len(hit.right)] == hit.right
        assert 0 < len(hit.left) <= 40


def test_index_is_updatable() -> None:
    index = SearchIndex()
    index.add("one", "زار بوتين كوريا")
    assert index.search("بوتين").counts == {"one": 1}
    index.add("two", "لافروف وبوتين")
    assert index.search("بوتين", whole_word=True).counts == {"one": 1, "two": 1}
    index.add("one", "لا شيء هنا")
    assert index.search("بوتين").counts == {"two": 1}
    index.remove("two")
    assert index.search("بوتين").total == 0
    assert len(index) == 1 and "one" in index


def test_whole_word_respects_boundaries() -> None:
    documents = {"d": "روسيا روسيات بروسيا كروسيا_ xروسيا"}
    result = search("روسيا", documents, whole_word=True)
    assert [hit.start for hit in result.hits] == [0, 14, 21]


def test_query_without_letters_has_no_hits(index: SearchIndex) -> None:
    assert index.search("\u064e\u0651").total == 0
    assert index.search("").total == 0


def test_diacritics_in_the_text_stay_inside_the_hit() -> None:
    documents = {"d": "الرئيسُ بوتينُ، وَرُوسْيَا"}
    result = search("بوتين", documents)
    assert [hit.text for hit in result.hits] == ["بوتينُ"]
    result = search("روسيا", documents, whole_word=True)
    assert [hit.text for hit in result.hits] == ["رُوسْيَا"]


def test_line_breaks_end_a_phrase() -> None:
    documents = {"d": "بيونغ\nيانغ بيونغ \u00a0يانغ"}
    assert [hit.text for hit in search("بيونغ يانغ", documents).hits] == ["بيونغ \u00a0يانغ"]


MIX = "ابتجغرسويةىأإآلكمن\u064e\u064f\u0651\u0652\u0670\u0640 \u00a0\u2028\n😀👍🏽\U0001f1e6x"


@given(st.text(alphabet=MIX, min_size=1, max_size=60), st.data(), st.booleans())
def test_hits_are_exact_stored_slices(text: str, data: st.DataObject, whole_word: bool) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    query = text[start:end]
    result = search(query, {"d": text}, whole_word=whole_word)
    wanted = " ".join(fold_string(query).split())
    for hit in result.hits:
        assert text[hit.start : hit.end] == hit.text
        # A query that splits a cluster gets the whole cluster.
        assert wanted in " ".join(fold_string(hit.text).split())
        assert is_cluster_boundary(text, hit.start) and is_cluster_boundary(text, hit.end)
    if wanted and not whole_word and "\n" not in fold_string(query).strip():
        assert result.total >= 1


def test_a_word_whose_first_letter_is_its_own_is_no_proclitic_hit() -> None:
    documents = {"d": "وصل إلى وونسان ووزير الخارجية، وونسان مدينة"}
    assert search("ونسان", documents, whole_word=True).total == 0
    assert search("زير", documents, whole_word=True).total == 0
    assert [hit.text for hit in search("وزير", documents, whole_word=True).hits] == ["وزير"]
    assert search("وونسان", documents, whole_word=True).total == 2
