"""The filter a new project's build looks its span ids up through: it never misses one stored."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from storage.new_project import SeenStrings


@given(st.lists(st.text(max_size=40), max_size=200), st.lists(st.text(max_size=40), max_size=200))
def test_every_string_added_may_be_held(first: list[str], then: list[str]) -> None:
    seen = SeenStrings()
    seen.add_all(first)
    seen.add_all(iter(then))
    assert all(seen.may_hold(value) for value in first + then)


def test_few_strings_not_added_need_a_look() -> None:
    seen = SeenStrings()
    seen.add_all(str(uuid.uuid4()) for _ in range(200_000))
    others = [str(uuid.uuid4()) for _ in range(20_000)]
    assert sum(seen.may_hold(value) for value in others) < 0.02 * len(others)  # about 0.3 % expected
    assert not any(SeenStrings().may_hold(value) for value in others)
