"""The Arabic-aware tokenizer: what a token is, offsets, clusters and forced split points."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.tokenize import Token, sentence_breaks, tokenize

CORPUS = sorted((Path(__file__).parents[2] / "resources" / "corpus").glob("*.txt"))


def texts(text: str, points: list[int] | None = None) -> list[str]:
    return [t.text for t in tokenize(text, points or [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال الرئيس، ثم سأل؟ نعم؛ لا", ["قال", "الرئيس", "،", "ثم", "سأل", "؟", "نعم", "؛", "لا"]),
        ("«بوتين» و“كيم” (موسكو) [1]", ["«", "بوتين", "»", "و", "“", "كيم", "”", "(", "موسكو", ")", "[", "1", "]"]),
        ("دفع 10,000 دولار عام 1950-53", ["دفع", "10,000", "دولار", "عام", "1950-53"]),
        ("نسبة 3.5٪ في ٢٠٢٤/٦/١٩.", ["نسبة", "3.5", "٪", "في", "٢٠٢٤/٦/١٩", "."]),
        ("بيونغ\u00a0يانغ\u2028سيول\u2029طوكيو\tبكين", ["بيونغ", "يانغ", "سيول", "طوكيو", "بكين"]),
        ("مُحَمَّدٌ وَعَلِيٌّ", ["مُحَمَّدٌ", "وَعَلِيٌّ"]),
        ("الـــدولة", ["الـــدولة"]),
        ("👍🏽 👨\u200d👩\u200d👧 🇸🇦🇰🇵", ["👍🏽", "👨\u200d👩\u200d👧", "🇸🇦", "🇰🇵"]),
        ("F-16 وNATO", ["F", "-", "16", "وNATO"]),
        ("...؟!", [".", ".", ".", "؟", "!"]),
        ("", []),
        (" \n\u00a0 ", []),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_offsets_are_code_points_into_the_text() -> None:
    assert tokenize("👍 قال") == [Token("👍", 0, 1), Token("قال", 2, 5)]


def test_a_diacritic_stays_with_its_letter_even_after_punctuation() -> None:
    # A stray mark after punctuation is still one cluster with it.
    assert texts("«\u064e") == ["«\u064e"]


def test_forced_split_points_cut_inside_a_word() -> None:
    text = "زار لروسيا أمس"
    assert texts(text, [5]) == ["زار", "ل", "روسيا", "أمس"]
    assert tokenize(text, [5, 10])[2] == Token("روسيا", 5, 10)
    assert texts(text, [6, 8]) == ["زار", "لر", "وس", "يا", "أمس"]


def test_split_points_outside_tokens_change_nothing() -> None:
    text = "زار لروسيا"
    assert texts(text, [0, 3, 4, 10]) == ["زار", "لروسيا"]


def test_sentence_breaks_at_line_breaks_and_final_punctuation() -> None:
    text = "قال بوتين. ثم سافر؟\nوصل"
    tokens = tokenize(text)
    assert [tokens[i].text for i in sentence_breaks(text, tokens)] == ["ثم", "وصل"]


@given(
    st.text(alphabet=st.sampled_from(list("ابتثلروسيا ،.؟«»0123456789,-\u064e\u0651\u00a0\n👍🏽\u200d")), max_size=60),
    st.lists(st.integers(0, 60)),
)
def test_tokens_cover_every_non_space_character_once(text: str, points: list[int]) -> None:
    tokens = tokenize(text, points)
    covered = [i for t in tokens for i in range(t.start, t.end)]
    assert covered == [i for i, ch in enumerate(text) if not ch.isspace()]
    for token in tokens:
        assert text[token.start : token.end] == token.text
    bounds = {t.start for t in tokens} | {t.end for t in tokens}
    for p in points:
        if 0 < p < len(text) and not text[p - 1].isspace() and not text[p].isspace():
            assert p in bounds


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_corpus_tokens_never_start_with_a_combining_mark(path: Path) -> None:
    import unicodedata

    text = path.read_text(encoding="utf-8")
    tokens = tokenize(text)
    assert tokens
    assert not [t for t in tokens if unicodedata.category(t.text[0]).startswith("M")]
