from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.arabic import (
    DELETED,
    fold,
    fold_in_steps,
    fold_string,
    is_word_char,
    joins_previous,
    proclitic_prefixes,
)

# Letters, diacritics, tatweel, spaces of several kinds, astral emoji, Latin, digits.
ARABIC_MIX = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱىةؤئگکی"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0653\u0654\u0655"
    "\u0640 \u00a0\u2028\n\t\u200c\u200f"
    "😀👍🏽\U0001d400"
    "abcABC012٣٤۵،.«»"
)
texts = st.text(alphabet=ARABIC_MIX, max_size=80)


@pytest.mark.parametrize(
    ("stored", "folded"),
    [
        ("أإآٱ", "اااا"),
        ("على", "علي"),
        ("مدينة", "مدينه"),
        ("بيونغ", "بيونج"),
        ("بيونگ", "بيونج"),
        ("سؤال", "سوال"),
        ("رئيس", "رييس"),
        ("کیم", "كيم"),
        ("عـــربي", "عربي"),
        ("الْعَرَبِيَّةُ", "العربيه"),
        ("هٰذا", "هذا"),
        ("عامًا", "عاما"),
        ("ا\u0654", "ا"),
        ("٢٠٢٤ و۱۹", "2024 و19"),
        ("بيونغ\u00a0يانغ", "بيونج يانج"),
        ("سطر\u2028آخر", "سطر\nاخر"),
        ("مي\u200cخواهم", "ميخواهم"),
        ("\u200fروسيا\u200e", "روسيا"),
        ("NATO Kim", "nato kim"),
        ("ΟΔΟΣ", "οδοσ"),
        ("a\n\nb", "a\n\nb"),
    ],
)
def test_fold_examples(stored: str, folded: str) -> None:
    assert fold_string(stored) == folded


def test_variant_spellings_fold_together() -> None:
    assert fold_string("بيونغ يانغ") == fold_string("بيونج يانج") == fold_string("بيونج يانغ")
    assert fold_string("سيرغي") == fold_string("سيرجي")
    assert fold_string("كيم جونغ أون") == fold_string("كيم جونج أون")
    assert fold_string("الأمريكية") != fold_string("الأميركية")  # a spelling difference, for alias groups


def test_offset_map_with_deletions() -> None:
    text = "بِـسْمِ"  # ب kasra tatweel س sukun م kasra
    folded = fold(text)
    assert folded.folded == "بسم"
    assert [folded.to_stored(i) for i in range(4)] == [0, 3, 5, 7]
    assert folded.span_to_stored(0, 1) == (0, 2)
    assert folded.span_to_stored(1, 3) == (3, 7)
    assert folded.span_to_stored(2, 3) == (5, 7)


def test_span_never_splits_an_emoji_sequence() -> None:
    text = "x👨\u200d👩y"
    folded = fold(text)
    assert folded.folded == "x👨👩y"
    assert folded.span_to_stored(2, 3) == (1, 4)


def test_offset_map_rejects_out_of_range() -> None:
    folded = fold("روسيا")
    with pytest.raises(IndexError):
        folded.span_to_stored(3, 3)
    with pytest.raises(IndexError):
        folded.to_stored(6)


@given(texts)
def test_each_folded_character_is_the_fold_of_its_stored_character(text: str) -> None:
    folded = fold(text)
    positions = [folded.to_stored(i) for i in range(len(folded.folded))]
    assert positions == sorted(set(positions))
    for index, position in enumerate(positions):
        assert fold_string(text[position]) == folded.folded[index]
    dropped = set(range(len(text))) - set(positions)
    assert all(text[position] in DELETED for position in dropped)
    assert folded.to_stored(len(folded.folded)) == len(text)


@given(texts, st.data())
def test_folded_range_maps_to_a_stored_slice_on_cluster_boundaries(text: str, data: st.DataObject) -> None:
    folded = fold(text)
    if not folded.folded:
        return
    start = data.draw(st.integers(0, len(folded.folded) - 1))
    end = data.draw(st.integers(start + 1, len(folded.folded)))
    stored_start, stored_end = folded.span_to_stored(start, end)
    # Widening to whole clusters may take in kept extenders (an emoji modifier after a letter).
    assert folded.folded[start:end] in fold_string(text[stored_start:stored_end])
    for boundary in (stored_start, stored_end):
        assert boundary in (0, len(text)) or not joins_previous(text, boundary)


@given(st.text(alphabet=ARABIC_MIX.replace("🏽", ""), max_size=80), st.data())
def test_without_kept_extenders_a_folded_range_is_exactly_a_stored_slice(text: str, data: st.DataObject) -> None:
    folded = fold(text)
    if not folded.folded:
        return
    start = data.draw(st.integers(0, len(folded.folded) - 1))
    end = data.draw(st.integers(start + 1, len(folded.folded)))
    stored_start, stored_end = folded.span_to_stored(start, end)
    assert fold_string(text[stored_start:stored_end]) == folded.folded[start:end]


def test_word_characters() -> None:
    assert all(is_word_char(char) for char in "بـً7a\u200c")
    assert not any(is_word_char(char) for char in " ،.«\u00a0\u2028")


def test_proclitic_prefixes() -> None:
    assert proclitic_prefixes(article=False) == {"", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل"}
    with_article = proclitic_prefixes(article=True)
    assert {"ال", "وال", "بال", "لل", "ولل", "وبال"} <= with_article
    assert "لال" not in with_article


@given(texts, st.integers(1, 30))
def test_folding_in_steps_gives_what_one_fold_gives(text: str, piece: int) -> None:
    steps = list(fold_in_steps(text, piece))
    whole = steps[-1]
    assert whole is not None and all(step is None for step in steps[:-1])
    once = fold(text)
    assert whole.original is text
    assert whole.folded == once.folded
    assert [whole.to_stored(i) for i in range(len(once.folded) + 1)] == [
        once.to_stored(i) for i in range(len(once.folded) + 1)
    ]
    for start in range(len(once.folded)):
        assert whole.span_to_stored(start, len(once.folded)) == once.span_to_stored(start, len(once.folded))


@given(st.text(alphabet=ARABIC_MIX + "٠١٩۰۹ٲٳٵ\u3000\u2003\u0085ΣςİK", max_size=80))
def test_a_short_string_folds_as_a_long_text_does(text: str) -> None:
    padding = " " * 300  # long enough to be folded by the other path; spaces fold to themselves
    assert fold_string(text) == fold(text + padding).folded[: -len(padding)]
    assert fold_string(text) == fold(text).folded
