from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.text import TextDecodeError, decode_document, text_sha256, title_from_text


def test_bom_is_dropped_and_nothing_else_changes() -> None:
    text = "قراءة\u00a0في\u2028زيارة ـــ “بوتين” 😀 مُحَمَّد"
    assert decode_document(b"\xef\xbb\xbf" + text.encode()) == text


def test_line_endings_become_newlines() -> None:
    assert decode_document("أ\r\nب\rج\n\nد".encode()) == "أ\nب\nج\n\nد"


def test_only_a_leading_bom_is_dropped() -> None:
    assert decode_document("أ\ufeffب".encode()) == "أ\ufeffب"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd8", "not valid UTF-8"),
        ("نص".encode("cp1256"), "not valid UTF-8"),
        (b"abc\x00def", "binary"),
        (b"", "empty"),
        (b"\xef\xbb\xbf \n\r\n", "empty"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data: bytes, message: str) -> None:
    with pytest.raises(TextDecodeError, match=message):
        decode_document(data)


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\x00")).filter(str.strip))
def test_text_without_cr_or_bom_is_stored_unchanged(text: str) -> None:
    if text.startswith("\ufeff"):
        text = "x" + text
    assert decode_document(text.encode()) == text


def test_sha256_is_of_the_utf8_bytes() -> None:
    assert text_sha256("بيونغ يانغ") == hashlib.sha256("بيونغ يانغ".encode()).hexdigest()


def test_title_is_the_first_non_blank_line(corpus_files: list[Path]) -> None:
    assert title_from_text("\n\n  لافروف في وونسان  \nثانيا") == "لافروف في وونسان"
    first_lines = [path.read_text(encoding="utf-8").split("\n")[0].strip() for path in corpus_files]
    assert [title_from_text(path.read_text(encoding="utf-8")) for path in corpus_files] == first_lines
