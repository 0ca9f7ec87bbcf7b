"""Agreement reads a corpus one document at a time: a document is let go once it is compared,
the figures are those of the same documents given as a list, and token spans are those of the
tokenizer."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

from hypothesis import given
from hypothesis import strategies as st

from annotator.agreement import DocumentLayers, agreement_report
from annotator.model import SpanKind
from annotator.tokenize import token_spans, tokenize


class Extent:
    def __init__(self, start: int, end: int, label: str) -> None:
        self.start, self.end, self.label = start, end, label
        self.kind = SpanKind.ENTITY


def corpus(count: int) -> list[DocumentLayers]:
    documents = []
    for number in range(count):
        first = [Extent(0, 5, "PER"), Extent(10, 20, "GPE"), Extent(30, 31 + number % 7, "ORG")]
        second = [Extent(0, 5, "PER"), Extent(10, 18, "GPE"), Extent(40, 45, "ORG")]
        tokens = [(start, start + 4) for start in range(0, 60, 5)]
        documents.append(DocumentLayers(f"d{number}", 60, [first, second], tokens))
    return documents


def test_a_generator_gives_the_figures_of_a_list() -> None:
    assert agreement_report(iter(corpus(12))) == agreement_report(corpus(12))


def test_each_document_is_let_go_once_compared() -> None:
    made: list[weakref.ref[DocumentLayers]] = []
    alive_when_yielding: list[int] = []

    def stream() -> Iterator[DocumentLayers]:
        for number in range(30):
            gc.collect()
            alive_when_yielding.append(sum(ref() is not None for ref in made))
            (document,) = corpus(1)
            document = DocumentLayers(f"d{number}", document.text_length, document.layers, document.tokens)
            made.append(weakref.ref(document))
            yield document
            del document

    report = agreement_report(stream())
    assert len(report.documents) == 30
    assert max(alive_when_yielding) <= 1


@given(st.text(alphabet="روسيا ،.«»0١٢\u064e\u0640\u200c\n\u00a0ab-", max_size=80), st.sets(st.integers(0, 90)))
def test_token_spans_are_the_tokenizer_spans(text: str, points: set[int]) -> None:
    assert token_spans(text, points) == [(token.start, token.end) for token in tokenize(text, points)]
