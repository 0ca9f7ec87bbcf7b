from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.resources import sample_corpus_files
from annotator.snapping import (
    SnapMode,
    cluster_end,
    cluster_start,
    is_cluster_boundary,
    snap,
    snap_to_clusters,
    word_at,
)
from annotator.text import decode_document

KNOWN = ["روسيا", "بيونغ يانغ", "بوتين", "لافروف", "فلاديمير بوتين", "كوريا الشمالية", "وونسان"]


def stem(word: str, *, strip_article: bool = False, known: list[str] | None = None, skip: int = 0) -> str:
    """Snap ``word`` in a sentence, the raw selection starting ``skip`` letters into it."""
    text = f"قال {word} اليوم"
    start = 4
    result = snap(
        text, start + skip, start + len(word), SnapMode.STEM, strip_article=strip_article, known_words=known or []
    )
    assert result is not None
    return text[result[0] : result[1]]


def test_clusters_of_a_vocalised_word() -> None:
    text = "بِسْمِ"
    assert cluster_end(text, 0) == 2
    assert cluster_start(text, 1) == 0
    assert cluster_start(text, 3) == 2
    assert [i for i in range(len(text) + 1) if is_cluster_boundary(text, i)] == [0, 2, 4, 6]
    assert snap_to_clusters(text, 1, 3) == (0, 4)


def test_clusters_of_emoji() -> None:
    text = "a👍🏽b👨\u200d👩c"
    assert cluster_end(text, 1) == 3
    assert cluster_start(text, 2) == 1
    assert cluster_end(text, 4) == 7
    assert snap_to_clusters(text, 6, 6) == (4, 4)


def test_word_at() -> None:
    text = "قال بوتين، اليوم  غدا"
    assert word_at(text, 6) == (4, 9)
    assert word_at(text, 9) == (4, 9)
    assert word_at(text, 17) is None
    assert word_at(text, len(text)) == (18, 21)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ((5, 7), "بوتين"),
        ((3, 11), "بوتين"),
        ((4, 4), "بوتين"),
        ((0, 9), "قال بوتين"),
        ((12, 17), "اليَوْمَ"),
    ],
)
def test_word_mode(raw: tuple[int, int], expected: str) -> None:
    text = "قال بوتين، اليَوْمَ"
    result = snap(text, *raw)
    assert result is not None
    assert text[result[0] : result[1]] == expected


def test_word_mode_without_a_word() -> None:
    assert snap("قال ، بوتين", 3, 6) is None


def test_exact_mode_widens_only_to_clusters() -> None:
    text = "الْعَرَبِيَّةُ"
    assert snap(text, 2, 6, SnapMode.EXACT) == (1, 7)
    assert snap(text, 3, 5, SnapMode.EXACT) == (3, 5)


def test_required_proclitic_examples() -> None:
    assert stem("لروسيا", known=KNOWN) == "روسيا"
    assert stem("وبيونغ", known=KNOWN) == "بيونغ"
    assert stem("والولايات") == "الولايات"
    assert stem("والولايات", strip_article=True) == "ولايات"
    assert stem("للدفاع") == "لدفاع"
    assert stem("للدفاع", strip_article=True) == "دفاع"
    assert stem("بالصواريخ") == "الصواريخ"
    assert stem("الولايات", strip_article=True) == "ولايات"
    assert stem("الولايات") == "الولايات"


@pytest.mark.parametrize("name", ["بوتين", "لافروف", "فلاديمير", "كوريا", "وونسان"])
@pytest.mark.parametrize("known", [[], KNOWN])
def test_names_that_begin_like_proclitics_are_kept(name: str, known: list[str]) -> None:
    assert stem(name, known=known) == name
    assert stem(name, known=known, strip_article=True) == name


def test_proclitics_are_cut_without_known_words() -> None:
    assert stem("لروسيا") == "روسيا"
    assert stem("وبيونغ") == "بيونغ"
    assert stem("بزيارة") == "زيارة"
    assert stem("وبالتالي") == "التالي"
    assert stem("وكانت") == "كانت"
    assert stem("بها") == "ها"
    assert stem("والدة") == "والدة"  # too short after the would-be article


@pytest.mark.parametrize("word", ["وزير", "بوتين", "بين", "كان", "لكن", "فقط", "وكالة", "بنية", "له"])
def test_words_whose_first_letter_is_their_own_are_kept(word: str) -> None:
    assert stem(word) == word
    assert stem(word, strip_article=True) == word


def test_selection_that_starts_after_the_proclitic() -> None:
    assert stem("لروسيا", skip=1) == "روسيا"
    assert stem("وبيونغ", skip=1) == "بيونغ"
    assert stem("وزير", skip=2) == "وزير"  # not at a proclitic boundary
    assert stem("بلد", skip=1) == "لد"  # the rule keeps the ب, the analyst left it out
    assert stem("وزير", skip=1) == "وزير"  # a word of the lexicon is never cut
    assert stem("بوتين", skip=1, known=KNOWN) == "بوتين"  # a known name is never cut


def test_stacked_proclitics_with_a_known_stem() -> None:
    assert stem("وبروسيا", known=KNOWN) == "روسيا"
    assert stem("فلروسيا", known=KNOWN) == "روسيا"
    assert stem("وكروسيا", known=KNOWN) == "روسيا"


def test_diacritics_and_tatweel_between_proclitics() -> None:
    assert stem("وَلِرُوسْيَا", known=KNOWN) == "رُوسْيَا"
    assert stem("بـروسيا", known=KNOWN) == "روسيا"


def test_only_the_first_word_loses_its_proclitics() -> None:
    text = "وصل وبيونغ يانغ"
    assert snap(text, 4, len(text), SnapMode.STEM, known_words=KNOWN) == (5, len(text))


def test_stem_in_the_corpus() -> None:
    text = decode_document(sample_corpus_files()[0].read_bytes())
    at = text.index("لروسيا")
    assert snap(text, at, at + 6, SnapMode.STEM, known_words=KNOWN) == (at + 1, at + 6)
    at = text.index("وبيونغ يانغ")
    result = snap(text, at, at + 11, SnapMode.STEM, known_words=KNOWN)
    assert result == (at + 1, at + 11)


ALPHABET = "وفبكلالروسيابوتين\u064e\u0651\u0640 ،\u00a0\n😀👍🏽\u200d"


@given(st.text(alphabet=ALPHABET, max_size=40), st.data(), st.sampled_from(list(SnapMode)), st.booleans())
def test_snapping_never_splits_clusters(text: str, data: st.DataObject, mode: SnapMode, strip: bool) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    result = snap(text, start, end, mode, strip_article=strip, known_words=["روسيا", "بوتين"])
    if result is None:
        assert mode is not SnapMode.EXACT
        return
    new_start, new_end = result
    assert 0 <= new_start <= new_end <= len(text)
    assert is_cluster_boundary(text, new_start)
    assert is_cluster_boundary(text, new_end)
    if mode is SnapMode.EXACT and start == end:
        assert new_start == new_end <= start
    elif mode is SnapMode.EXACT:
        assert new_start <= start and end <= new_end
    else:
        assert new_start < new_end


def test_offsets_are_checked() -> None:
    with pytest.raises(IndexError):
        snap("روسيا", 3, 2)
    with pytest.raises(IndexError):
        word_at("روسيا", 6)
