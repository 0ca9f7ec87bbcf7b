"""Offsets and reading order without Qt: the module the formats and the interface build on."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from annotator.model import Span, SpanKind
from annotator.offsets import Utf16Index, has_astral, in_reading_order, reading_order


def span(number: int, start: int, end: int) -> Span:
    return Span(f"s{number}", "d", "amal", SpanKind.ENTITY, "PER", start, end, "x" * (end - start))


def test_astral_characters_are_told_apart_from_the_rest() -> None:
    assert not has_astral("قال لافروف\u00a0\u2028")
    assert has_astral("علم 🇷🇺")
    assert has_astral("\ud800")  # a lone surrogate is not a plain character either


@given(st.text())
def test_utf16_units_are_the_length_of_the_utf16_encoding(text: str) -> None:
    index = Utf16Index(text)
    for offset in range(len(text) + 1):
        prefix = text[:offset].encode("utf-16-le", "surrogatepass")
        assert index.to_units(offset) == len(prefix) // 2
        assert index.to_codepoints(index.to_units(offset)) == offset


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 20)), max_size=30))
def test_reading_order_puts_outer_spans_before_the_ones_nested_in_them(places: list[tuple[int, int]]) -> None:
    spans = [span(number, start, start + length) for number, (start, length) in enumerate(places)]
    ordered, keys = in_reading_order(reversed(spans))
    assert ordered == sorted(spans, key=reading_order)
    assert keys == [reading_order(s) for s in ordered]
    for before, after in pairwise(ordered):
        assert before.start < after.start or (before.start == after.start and before.end >= after.end)
