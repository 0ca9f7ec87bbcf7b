"""Agreement of two or more layers per document, per label and over a corpus."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple

from annotator.agreement.coding import (
    AlphaAgreement,
    CodingAgreement,
    Units,
    cohen_kappa_from_units,
    fleiss_kappa_from_units,
    krippendorff_alpha_from_units,
)
from annotator.agreement.matching import SpanLike
from annotator.agreement.spans import EMPTY_SCORES, MatchMode, SpanScores, mean_pairwise_f1, pairwise_span_scores
from annotator.agreement.tokens import coded_tokens, layers_token_labels
from annotator.agreement.unitizing import (
    UnitizingAgreement,
    UnitizingTally,
    alpha_of,
    laid_end_to_end,
    unitizing_alpha,
    unitizing_tally,
)

_label = attrgetter("label")


@dataclass(frozen=True)
class DocumentLayers:
    """The layers (one per annotator, same order in every document) of one document.

    ``tokens`` are the ``(start, end)`` of the document's tokens. Without them, given the document's
    ``text``, the tokens are those of ``annotator.tokenize`` with every span boundary as a split point
    (see ``coded_tokens``); without either, the token measures (kappa, alpha) are not computed.
    """

    document_id: str
    text_length: int
    layers: Sequence[Sequence[SpanLike]]
    tokens: Sequence[tuple[int, int]] = ()
    text: str | None = None


class LabelAgreement(NamedTuple):
    """What a per-label agreement bar shows: F1 (mean over pairs of layers) and alpha_u.

    A tuple, as every figure made once per label and document: quicker to make and to send between processes."""

    label: str
    spans_per_layer: tuple[int, ...]
    exact_f1: float | None
    overlap_f1: float | None
    alpha_u: float | None


class AgreementFigures(NamedTuple):
    """Span F1 (mean over pairs of layers), token kappa/alpha and alpha_u for one scope.

    ``token_kappa`` is Cohen's kappa for two layers and Fleiss' kappa for more.
    ``exact`` and ``overlap`` hold the summed counts of each pair ``(i, j)``, ``i < j``.
    """

    spans_per_layer: tuple[int, ...]
    exact: Mapping[tuple[int, int], SpanScores]
    overlap: Mapping[tuple[int, int], SpanScores]
    exact_f1: float | None
    overlap_f1: float | None
    token_kappa: CodingAgreement | None
    token_alpha: AlphaAgreement | None
    unitizing: UnitizingAgreement | None
    labels: tuple[LabelAgreement, ...]


class DocumentAgreement(NamedTuple):
    document_id: str
    figures: AgreementFigures


@dataclass(frozen=True)
class AgreementReport:
    documents: tuple[DocumentAgreement, ...]
    corpus: AgreementFigures


@dataclass(frozen=True)
class _Extent:
    start: int
    end: int
    label: str


def _sum_by_label(
    per_pair: dict[tuple[int, int], dict[str, SpanScores]], into: dict[tuple[int, int], dict[str, SpanScores]]
) -> None:
    for pair, by_label in per_pair.items():
        target = into.setdefault(pair, {})
        for label, scores in by_label.items():
            target[label] = target.get(label, EMPTY_SCORES) + scores


def _figures(
    per_layer: Sequence[Counter[str]],
    exact: dict[tuple[int, int], dict[str, SpanScores]],
    overlap: dict[tuple[int, int], dict[str, SpanScores]],
    token_units: Units,
    unitizing: UnitizingAgreement | None,
) -> AgreementFigures:
    """The figures of one scope from its spans per label in each layer, span scores, coded tokens and alpha_u."""

    def total(by_pair: dict[tuple[int, int], dict[str, SpanScores]]) -> dict[tuple[int, int], SpanScores]:
        return {pair: sum(by_label.values(), EMPTY_SCORES) for pair, by_label in by_pair.items()}

    def label_f1(by_pair: dict[tuple[int, int], dict[str, SpanScores]], label: str) -> float | None:
        return mean_pairwise_f1([by_label.get(label, EMPTY_SCORES) for by_label in by_pair.values()])

    label_rows = []
    for label in sorted(set().union(*per_layer)):
        category = unitizing.categories.get(label) if unitizing is not None else None
        label_rows.append(
            LabelAgreement(
                label,
                tuple(counts[label] for counts in per_layer),
                label_f1(exact, label),
                label_f1(overlap, label),
                category.value if category is not None else None,
            )
        )
    exact_total, overlap_total = total(exact), total(overlap)
    kappa: CodingAgreement | None = None
    alpha: AlphaAgreement | None = None
    if token_units:
        kappa = cohen_kappa_from_units(token_units) if len(per_layer) == 2 else fleiss_kappa_from_units(token_units)
        alpha = krippendorff_alpha_from_units(token_units)
    return AgreementFigures(
        tuple(counts.total() for counts in per_layer),
        exact_total,
        overlap_total,
        mean_pairwise_f1(list(exact_total.values())),
        mean_pairwise_f1(list(overlap_total.values())),
        kappa,
        alpha,
        unitizing,
        tuple(label_rows),
    )


def _laid_out_alpha(documents: Sequence[DocumentLayers], layer_count: int) -> UnitizingAgreement | None:
    """alpha_u over the documents' spans shifted onto one continuum, the documents end to end."""
    shifted: list[list[_Extent]] = [[] for _ in range(layer_count)]
    offset = 0
    for document in documents:
        for extents, layer in zip(shifted, document.layers, strict=True):
            extents.extend(_Extent(s.start + offset, s.end + offset, s.label) for s in layer)
        offset += document.text_length
    return unitizing_alpha(shifted, 0, offset) if offset > 0 else None


@dataclass(frozen=True)
class DocumentPart:
    """What the corpus figures keep of one compared document, beside its own figures.

    Plain counts only, so that documents compared in another process add up to the same corpus."""

    result: DocumentAgreement
    exact: dict[tuple[int, int], dict[str, SpanScores]]
    overlap: dict[tuple[int, int], dict[str, SpanScores]]
    per_layer: list[Counter[str]]
    units: Counter[tuple[Hashable | None, ...]]
    tally: UnitizingTally | None  # None for a document of length 0


def document_part(document: DocumentLayers) -> DocumentPart:
    """The figures of one document and what the corpus figures need of it."""
    if len(document.layers) < 2:
        raise ValueError("every document needs the same number (at least two) of layers")
    per_layer = [Counter(map(_label, layer)) for layer in document.layers]
    scores = pairwise_span_scores(document.layers, per_layer)
    exact, overlap = scores[MatchMode.EXACT], scores[MatchMode.OVERLAP]
    units: Counter[tuple[Hashable | None, ...]] = Counter()
    if document.tokens:
        units.update(zip(*layers_token_labels(document.layers, document.tokens), strict=True))
    elif document.text is not None:
        units.update(coded_tokens(document.text, document.layers))
    tally = unitizing = None
    if document.text_length > 0:
        tally = unitizing_tally(document.layers, 0, document.text_length)
        unitizing = alpha_of(tally)
    figures = _figures(per_layer, exact, overlap, units, unitizing)
    return DocumentPart(DocumentAgreement(document.document_id, figures), exact, overlap, per_layer, units, tally)


def agreement_report(documents: Iterable[DocumentLayers]) -> AgreementReport:
    """Agreement figures for every document and for the whole corpus.

    Corpus F1 sums the pair counts over documents before dividing; corpus token measures pool
    the tokens of all documents; corpus alpha_u lays the documents end to end on one continuum.
    Every document must have the same number (at least two) of layers. ``documents`` is read once,
    one document at a time, and only what the corpus figures need is kept from each: a generator
    compares a corpus of any size in the memory of its largest document. (Only a sequence may hold
    a document of length 0, whose spans the corpus alpha_u lays on its neighbours.)
    """

    def laid_out(layer_count: int) -> UnitizingAgreement | None:
        # Spans on an empty document would land on its neighbours: keep that placement.
        if not isinstance(documents, Sequence):
            raise ValueError("a document of length 0 can only be compared in a sequence of documents")
        return _laid_out_alpha(documents, layer_count)

    return combined_report([summed(document_part(document) for document in documents)], laid_out)


@dataclass
class CorpusPart:
    """The figures of consecutive documents and their counts summed, to be added to those of the next ones."""

    results: list[DocumentAgreement]
    exact: dict[tuple[int, int], dict[str, SpanScores]]
    overlap: dict[tuple[int, int], dict[str, SpanScores]]
    per_layer: list[Counter[str]]
    units: Counter[tuple[Hashable | None, ...]]
    tally: UnitizingTally | None  # the documents of length > 0 laid end to end
    empty_document: bool


def summed(parts: Iterable[DocumentPart]) -> CorpusPart:
    """The documents compared one by one (``document_part``), in order, and their summed counts."""
    total = CorpusPart([], {}, {}, [], Counter(), None, False)
    tallies: list[UnitizingTally] = []
    for part in parts:
        if not total.per_layer:
            total.per_layer = [Counter() for _ in part.per_layer]
        if len(part.per_layer) != len(total.per_layer):
            raise ValueError("every document needs the same number (at least two) of layers")
        _sum_by_label(part.exact, total.exact)
        _sum_by_label(part.overlap, total.overlap)
        for pooled, counts in zip(total.per_layer, part.per_layer, strict=True):
            pooled.update(counts)
        total.units.update(part.units)
        if part.tally is None:
            total.empty_document = True
        else:
            tallies.append(part.tally)
        total.results.append(part.result)
    if tallies:
        total.tally = laid_end_to_end(tallies)
    return total


def combined_report(
    pieces: Sequence[CorpusPart], laid_out: Callable[[int], UnitizingAgreement | None] | None = None
) -> AgreementReport:
    """The report of consecutive runs of documents (``summed``), in the corpus order.

    Counts add up whatever the runs; the gaps between units, where alpha_u lays one run after the
    other, are the same as over one run. ``laid_out`` gives the corpus alpha_u when a document has
    length 0 (see ``agreement_report``)."""
    pieces = [piece for piece in pieces if piece.results]
    results = [result for piece in pieces for result in piece.results]
    if not results:
        raise ValueError("no documents to compare")
    if len(results) == 1:
        return AgreementReport(tuple(results), results[0].figures)
    layer_count = len(pieces[0].per_layer)
    if any(len(piece.per_layer) != layer_count for piece in pieces):
        raise ValueError("every document needs the same number (at least two) of layers")
    first = pieces[0]
    exact, overlap, per_layer, units = first.exact, first.overlap, first.per_layer, first.units
    for piece in pieces[1:]:
        _sum_by_label(piece.exact, exact)
        _sum_by_label(piece.overlap, overlap)
        for pooled, counts in zip(per_layer, piece.per_layer, strict=True):
            pooled.update(counts)
        units.update(piece.units)
    if any(piece.empty_document for piece in pieces):
        if laid_out is None:
            raise ValueError("a document of length 0 can only be compared in a sequence of documents")
        corpus_unitizing = laid_out(layer_count)
    else:
        tallies = [piece.tally for piece in pieces if piece.tally is not None]
        corpus_unitizing = alpha_of(tallies[0] if len(tallies) == 1 else laid_end_to_end(tallies))
    corpus = _figures(per_layer, exact, overlap, units, corpus_unitizing)
    return AgreementReport(tuple(results), corpus)
