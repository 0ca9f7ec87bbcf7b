"""Counting kept occurrences without finding them one by one gives what finding every occurrence,
at every position, and keeping the leftmost then longest gives, in text and in its UTF-8 bytes."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from annotator.literal_search import count_kept, literal, occurrences, utf8_literal

# Two letters, so that literals overlap one another and themselves (two bytes each in UTF-8), a
# four-byte character, spaces in runs, and a line break, which no run of spaces crosses.
WORDS = st.text(alphabet="اب", min_size=1, max_size=3)
LITERALS = st.lists(st.lists(WORDS, min_size=1, max_size=2).map(" ".join), min_size=1, max_size=3, unique=True)
PIECES = ["ا", "ب", "😀", "\n", " ", "  "]


def every_occurrence_kept(text: str, literals: list[str]) -> int:
    """The plain way: try every literal at every position, sort, keep the leftmost then longest."""
    found: list[tuple[int, int]] = []
    for whole in literals:
        pattern = re.compile(" +".join(re.escape(word) for word in whole.split(" ")))
        for start in range(len(text)):
            match = pattern.match(text, start)
            if match is not None:
                found.append(match.span())
    found.sort(key=lambda item: (item[0], -item[1]))
    kept = 0
    end = 0
    for start, stop in found:
        if start >= end:
            kept += 1
            end = stop
    return kept


def longest_first(literals: list[str]) -> list[str]:
    return sorted(literals, key=lambda whole: (-len(whole), whole))


@st.composite
def text_and_literals(draw: st.DrawFn) -> tuple[str, list[str]]:
    """Literals, and a text made of them and of single characters, so that they occur and overlap."""
    literals = draw(LITERALS)
    pieces = st.one_of(st.sampled_from(literals), st.sampled_from(PIECES))
    return "".join(draw(st.lists(pieces, max_size=12))), literals


# Where a shorter literal and the counted one begin together; a literal that overlaps itself; one
# whose words are further apart than one space.
@example(("اابب ب    ااب ب", ["ااب", "ب ب", "اا"]))
@example(("ابببا  باا    ب", ["اا ب", "ابا", "ببب"]))
@example(("باا اا  باا ااباا اا  ببباا اا ", ["باا اا", "بب"]))
@settings(max_examples=600)
@given(text_and_literals())
def test_counting_equals_keeping_every_occurrence(case: tuple[str, list[str]]) -> None:
    text, literals = case
    ordered = longest_first(literals)
    wanted = every_occurrence_kept(text, ordered)
    assert count_kept(text, [literal(whole.split(" ")) for whole in ordered]) == wanted
    assert count_kept(text.encode(), [utf8_literal(whole.split(" ")) for whole in ordered]) == wanted


def test_a_common_word_is_counted_between_the_names_that_hold_it() -> None:
    text = "روسيا و روسيا الاتحادية و الاتحاد الروسيا  و روسيا   الاتحادية روسياروسيا"
    literals = ["روسيا الاتحادية", "الاتحاد الروسي", "روسيا"]
    wanted = every_occurrence_kept(text, literals)
    assert wanted == 6  # الاتحاد الروسي takes the روسي of its روسيا
    assert count_kept(text, [literal(whole.split(" ")) for whole in literals]) == wanted
    assert count_kept(text.encode(), [utf8_literal(whole.split(" ")) for whole in literals]) == wanted


def test_a_literal_that_overlaps_itself() -> None:
    text = "ababab aba"
    for literals in (["aba"], ["abab", "aba"], ["bab", "ab"], ["a b", "ab"]):
        wanted = every_occurrence_kept(text, literals)
        assert count_kept(text, [literal(whole.split(" ")) for whole in literals]) == wanted


@settings(max_examples=300)
@given(text_and_literals())
def test_occurrences_are_every_match_at_every_position(case: tuple[str, list[str]]) -> None:
    text, literals = case
    for whole in literals:
        pattern = re.compile(" +".join(re.escape(word) for word in whole.split(" ")))
        wanted = [match.span() for start in range(len(text)) if (match := pattern.match(text, start))]
        form = literal(whole.split(" "))
        assert list(occurrences(text, form, "  " in text)) == wanted
        assert list(occurrences(text, form, form.spread(text))) == wanted
        assert form.occurs(text) == bool(wanted)
        encoded = [(len(text[:start].encode()), len(text[:end].encode())) for start, end in wanted]
        assert list(occurrences(text.encode(), utf8_literal(whole.split(" ")), b"  " in text.encode())) == encoded
