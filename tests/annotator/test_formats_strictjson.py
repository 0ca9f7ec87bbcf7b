"""The strict JSON layer: nesting measured before parsing, member counts, trusted span building."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.formats.checks import FAST_SPANS, checked_span
from annotator.formats.strictjson import JsonProblem, count_members, loads_counted, loads_strict, skeleton, too_deep
from annotator.model import Span, SpanKind

TRICKY = st.text(alphabet=st.sampled_from(list('[]{}:"\\/bnu ab\n\u2028ر👍')), max_size=8)
VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), TRICKY),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TRICKY, inner, max_size=3)),
    max_leaves=30,
)


def depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((depth(v) for v in value), default=0)
    return 0


@given(VALUES, st.booleans(), st.integers(1, 8))
def test_too_deep_agrees_with_the_real_depth(value: Any, ascii_only: bool, limit: int) -> None:
    raw = json.dumps(value, ensure_ascii=ascii_only).encode("utf-8")
    assert too_deep(raw, limit) == (depth(value) > limit)


@given(VALUES, st.booleans())
def test_the_skeleton_has_one_colon_per_object_member(value: Any, ascii_only: bool) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only)
    assert skeleton(text.encode("utf-8")).count(b":") == count_members(value)
    parsed, members = loads_counted(text, text.encode("utf-8"))
    assert parsed == value and members == count_members(value)


def test_deep_nesting_is_refused_before_parsing() -> None:
    text = "[" * 100_000 + "]" * 100_000
    with pytest.raises(JsonProblem, match="deeper than 64"):
        loads_strict(text)
    assert not too_deep(b"[[[]]]", 3) and too_deep(b"[[[[]]]]", 3)
    assert not too_deep(b'["[[[[[[", "]]]]"]', 2)


def test_a_duplicate_key_shows_up_as_a_missing_member() -> None:
    text = '{"a": {"b": 1, "b": 2}}'
    value, members = loads_counted(text, text.encode())
    assert (members, count_members(value)) == (3, 2)
    with pytest.raises(JsonProblem, match="duplicate key 'b'"):
        loads_strict(text)


def test_checked_span_equals_the_constructed_span() -> None:
    assert FAST_SPANS, "the model's Span changed; update checked_span and its field list"
    args = ("s", "d", "huda", SpanKind.ENTITY, "PER", 1, 3, "اب", {"k": [1]}, "Q1")
    built = checked_span(*args)
    assert built == Span(*args)
    assert type(built) is Span and hash(repr(built)) == hash(repr(Span(*args)))
    with pytest.raises(AttributeError):
        built.start = 2  # type: ignore[misc]
