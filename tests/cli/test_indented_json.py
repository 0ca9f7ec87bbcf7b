"""The fast indented JSON of ``agreement --json`` against the standard library's, byte for byte."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cli.indented_json import indented_json

plain = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
values = st.recursive(
    plain,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=6), inner, max_size=5),
    max_leaves=40,
)


def library(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


@settings(max_examples=500, deadline=None)
@given(values)
def test_indented_json_is_the_library_s(value: Any) -> None:
    assert indented_json(value) == library(value)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.integers() | st.booleans() | st.none(), values, max_size=4), values)
def test_keys_that_are_not_text_are_written_as_the_library_writes_them(keys: dict[Any, Any], value: Any) -> None:
    for case in (keys, {"nested": keys, "beside": value}, [keys, (1, 2)]):
        assert indented_json(case) == library(case)


@pytest.mark.parametrize("case", [{"a": {1, 2}}, [object()]])
def test_a_value_json_cannot_write_is_refused_alike(case: Any) -> None:
    with pytest.raises(TypeError) as expected:
        library(case)
    with pytest.raises(TypeError) as refused:
        indented_json(case)
    assert str(refused.value) == str(expected.value)
