"""The token counts of an agreement report, which tokenize only the runs of text that spans touch,
against the plain way: tokenize the whole text with every span boundary as a split point and
label every token."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import DocumentLayers, agreement_report
from annotator.agreement.tokens import coded_tokens, layers_token_labels, painted_labels
from annotator.model import Extent
from annotator.tokenize import token_count, token_spans, tokenize

# Letters, harakat, tatweel, joiners, digits of both scripts, number separators, punctuation,
# an emoji with a modifier, a regional indicator, and several kinds of whitespace.
ALPHABET = (
    "روسيالab_\u064e\u0651\u0670\u0640\u200c\u200d01٢٣,.-/،؛«»()!\U0001f44d\U0001f3fd\U0001f1f8  \n\t\u00a0\u2029"
)
LABELS = ("PER", "ORG", "GPE")
texts = st.text(alphabet=ALPHABET, max_size=120)


@st.composite
def layer(draw: st.DrawFn, length: int) -> list[Extent]:
    spans = []
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        start = draw(st.integers(min_value=0, max_value=length - 1))
        end = draw(st.integers(min_value=start + 1, max_value=length))
        spans.append(Extent(start, end, draw(st.sampled_from(LABELS))))
    return spans


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[list[Extent]]]:
    text = draw(st.text(alphabet=ALPHABET, min_size=1, max_size=120))
    return text, [draw(layer(len(text))) for _ in range(draw(st.sampled_from([2, 2, 3])))]


def every_token_labelled(text: str, layers: list[list[Extent]]) -> Counter[tuple[str, ...]]:
    points = {position for spans in layers for span in spans for position in (span.start, span.end)}
    return Counter(zip(*layers_token_labels(layers, token_spans(text, points)), strict=True))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_token_count_is_the_number_of_tokens(text: str) -> None:
    assert token_count(text) == len(tokenize(text))


@settings(max_examples=400, deadline=None)
@given(documents())
def test_coded_tokens_are_those_of_every_token_labelled(document: tuple[str, list[list[Extent]]]) -> None:
    text, layers = document
    assert coded_tokens(text, layers) == every_token_labelled(text, layers)


@settings(max_examples=100, deadline=None)
@given(st.lists(documents(), min_size=1, max_size=4).filter(lambda found: len({len(d[1]) for d in found}) == 1))
def test_a_report_from_texts_is_the_report_from_every_token(found: list[tuple[str, list[list[Extent]]]]) -> None:
    from_texts, from_tokens = [], []
    for number, (text, layers) in enumerate(found):
        points = {position for spans in layers for span in spans for position in (span.start, span.end)}
        from_texts.append(DocumentLayers(f"d{number}", len(text), layers, text=text))
        from_tokens.append(DocumentLayers(f"d{number}", len(text), layers, token_spans(text, points)))
    assert agreement_report(from_texts) == agreement_report(from_tokens)


def test_a_long_unbroken_run_with_many_spans_is_read_once() -> None:
    text = "ب" * 200_000
    spans = [Extent(start, start + 1, "PER") for start in range(0, 200_000, 50)]
    units = coded_tokens(text, [spans, spans[::2]])
    assert units.total() == len(token_spans(text, {s.start for s in spans} | {s.end for s in spans}))


def crosses(a: Extent, b: Extent) -> bool:
    return a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end


@st.composite
def nested_documents(draw: st.DrawFn) -> tuple[str, list[list[Extent]]]:
    """Layers whose spans nest or follow one another, never cross: labelled by their outermost spans."""
    text, drawn = draw(documents())
    layers = []
    for spans in drawn:
        kept: list[Extent] = []
        for span in spans + [Extent(s.start, s.end, draw(st.sampled_from(LABELS))) for s in spans[:2]]:
            if not any(crosses(span, other) for other in kept):
                kept.append(span)
        layers.append(draw(st.permutations(kept)))
    return text, layers


@settings(max_examples=400, deadline=None)
@given(nested_documents())
def test_coded_tokens_of_nested_spans_are_those_of_every_token_labelled(
    document: tuple[str, list[list[Extent]]],
) -> None:
    text, layers = document
    assert coded_tokens(text, layers) == every_token_labelled(text, layers)
    points = {position for spans in layers for span in spans for position in (span.start, span.end)}
    tokens = token_spans(text, points)
    starts, ends = [start for start, _ in tokens], [end for _, end in tokens]
    for spans in layers:
        assert painted_labels(spans, starts, ends) == layers_token_labels([spans], tokens)[0]
