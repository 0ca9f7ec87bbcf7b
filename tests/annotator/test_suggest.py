from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.arabic import fold
from annotator.occurrences import registry_surfaces
from annotator.registry import load_default_registry
from annotator.resources import sample_corpus_files
from annotator.schema import load_default_schema
from annotator.snapping import is_cluster_boundary
from annotator.suggest import Suggester, Suggestion, Surface, suggest
from annotator.text import decode_document

REGISTRY = [
    Surface("روسيا", "GPE", "Q159"),
    Surface("كوريا الشمالية", "GPE", "Q423"),
    Surface("كوريا", "GPE", "Q18097"),
    Surface("بيونغ يانغ", "GPE", "Q18808"),
    Surface("بيونج يانج", "GPE", "Q18808"),
    Surface("الولايات المتحدة", "GPE", "Q30"),
]


def texts(found: list[Suggestion]) -> list[str]:
    return [suggestion.text for suggestion in found]


def test_proclitics_are_left_outside() -> None:
    text = "دعم لروسيا ووروسيا وبيونغ يانغ وللولايات المتحدة والولايات المتحدة"
    found = suggest(text, REGISTRY)
    assert [(s.start, s.text, s.ref) for s in found] == [
        (5, "روسيا", "Q159"),
        (20, "بيونغ يانغ", "Q18808"),
        (33, "لولايات المتحدة", "Q30"),
        (50, "الولايات المتحدة", "Q30"),
    ]
    for suggestion in found:
        assert text[suggestion.start : suggestion.end] == suggestion.text
        assert suggestion.source == "registry"


def test_whole_words_only() -> None:
    assert suggest("الروسي آسياروسيا روسيات كوريان", REGISTRY) == []


def test_longest_surface_wins() -> None:
    found = suggest("زار كوريا الشمالية ثم كوريا", REGISTRY)
    assert [(s.text, s.ref) for s in found] == [("كوريا الشمالية", "Q423"), ("كوريا", "Q18097")]


def test_spelling_variants_and_spaces() -> None:
    found = suggest("في بيونج\u00a0يانغ، وبِيُونغ  يانج", [Surface("بيونغ يانغ", "GPE")])
    assert texts(found) == ["بيونج\u00a0يانغ", "بِيُونغ  يانج"]


def test_existing_spans_block_the_same_label_only() -> None:
    text = "روسيا وروسيا"
    surfaces = [Surface("روسيا", "GPE"), Surface("روسيا", "ORG")]
    found = suggest(text, surfaces, existing=[(0, 5, "GPE"), (6, 9, "ORG")])
    assert [(s.start, s.label) for s in found] == [(0, "ORG"), (7, "GPE")]


def test_nested_existing_span_is_an_overlap() -> None:
    found = suggest("زار كوريا الشمالية", REGISTRY, existing=[(0, 30, "GPE"), (10, 12, "GPE")])
    assert found == []
    found = suggest("زار كوريا الشمالية", REGISTRY, existing=[(0, 3, "GPE")])
    assert texts(found) == ["كوريا الشمالية"]


def test_rejected_suggestions_are_dropped() -> None:
    text = "روسيا وروسيا"
    found = suggest(text, REGISTRY, rejected={(7, 12, "GPE"), (0, 5, "PER")})
    assert [(s.start, s.end) for s in found] == [(0, 5)]


def test_registry_reference_beats_a_project_surface() -> None:
    surfaces = [Surface("روسيا", "GPE", None, "project"), Surface("روسيا", "GPE", "Q159", "registry")]
    found = suggest("روسيا", surfaces)
    assert [(s.ref, s.source) for s in found] == [("Q159", "registry")]


def test_article_proclitic_is_optional() -> None:
    surfaces = [Surface("ناتو", "ORG")]
    assert suggest("حلف الناتو", surfaces) == []
    assert texts(suggest("حلف الناتو وبالناتو", surfaces, article_proclitic=True)) == ["ناتو", "ناتو"]


def test_no_surfaces_no_suggestions() -> None:
    assert Suggester([]).suggest("روسيا") == []
    assert Suggester([Surface("\u064e", "GPE")]).suggest("روسيا") == []


def test_corpus_document() -> None:
    text = decode_document(sample_corpus_files()[0].read_bytes())
    found = Suggester(REGISTRY).suggest(text)
    russia = [s for s in found if s.ref == "Q159"]
    assert len(russia) == 51
    assert sum(1 for s in russia if text[s.start - 1] == "ل") == 10
    assert all(s.text == "روسيا" for s in russia)
    assert {s.text for s in found if s.ref == "Q18808"} == {"بيونغ يانغ", "بيونج يانغ", "بيونج يانج"}
    for suggestion in found:
        assert text[suggestion.start : suggestion.end] == suggestion.text


MIX = "روسياكلبو\u064e\u0651\u0640 \u00a0\n😀👍🏽"


@given(st.text(alphabet=MIX, max_size=60), st.lists(st.text(alphabet=MIX, min_size=1, max_size=6), max_size=5))
def test_suggestions_are_exact_slices(text: str, strings: list[str]) -> None:
    surfaces = [Surface(string, "X") for string in strings]
    found = suggest(text, surfaces)
    previous_end = 0
    for suggestion in found:
        assert text[suggestion.start : suggestion.end] == suggestion.text
        assert is_cluster_boundary(text, suggestion.start) and is_cluster_boundary(text, suggestion.end)
        assert suggestion.start >= previous_end
        previous_end = suggestion.end


@given(
    st.text(alphabet=MIX, max_size=60),
    st.lists(st.tuples(st.text(alphabet=MIX, min_size=1, max_size=6), st.sampled_from("ZAMB")), max_size=6),
)
def test_matches_come_in_start_end_label_order(text: str, strings: list[tuple[str, str]]) -> None:
    found = Suggester([Surface(string, label) for string, label in strings]).suggest(text)
    keys = [(s.start, s.end, s.label) for s in found]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


def test_a_surface_of_several_entries_is_suggested_without_a_link() -> None:
    surfaces = [
        Surface("فلاديمير بوتين", "PER", "vladimir-putin"),
        Surface("فلاديمير", "PER", "vladimir-putin"),
        Surface("فلاديمير", "PER", "vladimir-tikhonov"),
    ]
    found = suggest("قال فلاديمير بوتين إن فلاديمير", surfaces)
    assert [(s.text, s.ref) for s in found] == [("فلاديمير بوتين", "vladimir-putin"), ("فلاديمير", None)]


def test_kim_in_other_kims_names_is_never_kim_jong_un() -> None:
    suggester = Suggester(registry_surfaces(load_default_registry(), load_default_schema()))
    refs: dict[str | None, int] = {}
    for path in sample_corpus_files():
        text = decode_document(path.read_bytes())
        for s in suggester.suggest(text):
            if text.startswith("كيم", s.start) or s.text.startswith("ساحة كيم"):
                refs[s.ref] = refs.get(s.ref, 0) + 1
    assert refs == {"kim-jong-un": 18, "kim-il-sung": 2, "kim-jong-il": 2, "kim-sung-bae": 1, "kim-il-sung-square": 1}


def test_a_tagged_text_adds_no_label_to_a_registry_surface() -> None:
    surfaces = [Surface("أوكرانيا", "GPE", "ukraine"), Surface("أوكرانياً", "NORP", None, "project")]
    found = suggest("دعم أوكرانيا وتوغلاً أوكرانياً", surfaces)
    assert [(s.text, s.label) for s in found] == [("أوكرانيا", "GPE"), ("أوكرانياً", "GPE")]


def test_a_tagged_text_that_begins_a_longer_one_of_its_label_is_left_out() -> None:
    surfaces = [
        Surface("الصواريخ", "WEAPON", None, "project"),
        Surface("الصواريخ البالستية", "WEAPON", None, "project"),
        Surface("كوريا", "GPE", "korea"),
        Surface("كوريا الشمالية", "GPE", "north-korea"),
    ]
    found = suggest("الصواريخ الباليستية قصيرة المدى والصواريخ البالستية من كوريا", surfaces)
    assert [(s.text, s.label) for s in found] == [("الصواريخ البالستية", "WEAPON"), ("كوريا", "GPE")]


def test_a_word_whose_first_letter_is_its_own_is_not_cut_for_a_surface() -> None:
    found = suggest("قال وزير الخارجية ولزير آخر", [Surface("زير", "PER")])
    assert [(s.text, s.start) for s in found] == [("زير", 20)]


WORDS = ["روسيا", "الولايات", "المتحدة", "والروسية", "للولايات", "لروسيا", "وبروسيا", "كوريا", "(كوريا)", "-", "يانغ"]
TEXT_PIECES = st.sampled_from([*WORDS, " ", "  ", "\n", "،", "(", "-", "ـ", "\u064e"])


@given(
    st.lists(TEXT_PIECES, max_size=40).map("".join),
    st.lists(
        st.tuples(st.lists(st.sampled_from([*WORDS, "(", "-"]), min_size=1, max_size=3), st.sampled_from("AB")),
        max_size=12,
    ),
    st.booleans(),
)
def test_surfaces_kept_for_one_text_find_what_every_surface_finds(
    text: str, strings: list[tuple[list[str], str]], article: bool
) -> None:
    surfaces = [*REGISTRY, *(Surface(" ".join(words), label, source="project") for words, label in strings)]
    folded = fold(text)
    whole = Suggester(surfaces, article_proclitic=article).suggest(folded)
    assert Suggester(surfaces, article_proclitic=article, within=folded.folded).suggest(folded) == whole


def test_a_long_project_document_finds_the_same_with_the_surfaces_kept_for_it() -> None:
    documents = [decode_document(path.read_bytes()) for path in sample_corpus_files()]
    text, others = documents[0], " ".join(documents[1:])
    surfaces = [*REGISTRY, *(Surface(word, "X", source="project") for word in set(others.split()[::7]))]
    folded = fold(text)
    whole = Suggester(surfaces).suggest(folded)
    assert len(whole) > 100
    assert Suggester(surfaces, within=folded.folded).suggest(folded) == whole
