"""Span precision, recall and F1 between layers, with exact or overlap matching."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from enum import StrEnum
from itertools import combinations, compress, repeat
from operator import attrgetter, is_, itemgetter
from typing import NamedTuple

from annotator.agreement.matching import MatchKind, SpanLike, items_of, match_items

_label = attrgetter("label")
_first, _third = itemgetter(0), itemgetter(2)


class MatchMode(StrEnum):
    EXACT = "exact"
    """Same start, end and label."""
    OVERLAP = "overlap"
    """Same label and at least one shared character; each span matches at most one other."""


class SpanScores(NamedTuple):
    """Counts of reference spans, predicted spans and matched pairs, and the scores they give.

    Precision is None without predicted spans, recall None without reference spans, and F1
    None when both layers are empty.
    """

    reference: int
    predicted: int
    matched: int

    @property
    def precision(self) -> float | None:
        return self.matched / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.reference if self.reference else None

    @property
    def f1(self) -> float | None:
        total = self.reference + self.predicted
        return 2 * self.matched / total if total else None

    def __add__(self, other: SpanScores) -> SpanScores:  # type: ignore[override]  # counts add up, not tuples
        return SpanScores(
            self.reference + other.reference, self.predicted + other.predicted, self.matched + other.matched
        )


EMPTY_SCORES = SpanScores(0, 0, 0)


def _exact_labels(reference: Sequence[SpanLike], prediction: Sequence[SpanLike]) -> list[str]:
    wanted = Counter((s.start, s.end, s.label) for s in reference)
    found = Counter((s.start, s.end, s.label) for s in prediction)
    return [key[2] for key, count in wanted.items() for _ in range(min(count, found[key]))]


def _matched_labels(
    reference: Sequence[SpanLike], prediction: Sequence[SpanLike], modes: Sequence[MatchMode]
) -> dict[MatchMode, list[str]]:
    """The label of every matched pair, per mode."""
    if MatchMode.OVERLAP not in modes:
        return {MatchMode.EXACT: _exact_labels(reference, prediction)}
    items = items_of(reference)
    pairs = match_items(items, items_of(prediction), cross_category=False).pairs
    labels = list(map(_third, map(items.__getitem__, map(_first, pairs))))
    # Overlap matching pairs every exact match first, so its EXACT pairs are the exact matches.
    return {
        MatchMode.EXACT: list(compress(labels, map(is_, map(_third, pairs), repeat(MatchKind.EXACT)))),
        MatchMode.OVERLAP: labels,
    }


def _label_counts(spans: Sequence[SpanLike]) -> Counter[str]:
    return Counter(map(_label, spans))


def _by_label(
    reference_counts: Counter[str], predicted_counts: Counter[str], matched: list[str]
) -> dict[str, SpanScores]:
    matched_counts = Counter(matched)
    labels = sorted(reference_counts.keys() | predicted_counts.keys())
    return {
        label: SpanScores(reference_counts[label], predicted_counts[label], matched_counts[label]) for label in labels
    }


def span_scores_by_label(
    reference: Sequence[SpanLike], prediction: Sequence[SpanLike], mode: MatchMode
) -> dict[str, SpanScores]:
    """Scores per label (every label used by either layer), taking ``reference`` as the truth.

    Spans of different labels never match, so the per-label counts add up to the overall ones.
    """
    matched = _matched_labels(reference, prediction, [mode])[mode]
    return _by_label(_label_counts(reference), _label_counts(prediction), matched)


def span_scores(reference: Sequence[SpanLike], prediction: Sequence[SpanLike], mode: MatchMode) -> SpanScores:
    """Precision, recall and F1 of ``prediction`` against ``reference``."""
    matched = _matched_labels(reference, prediction, [mode])[mode]
    return SpanScores(len(reference), len(prediction), len(matched))


def pairwise_span_scores(
    layers: Sequence[Sequence[SpanLike]], counts: Sequence[Counter[str]] | None = None
) -> dict[MatchMode, dict[tuple[int, int], dict[str, SpanScores]]]:
    """Per-label scores of every mode for every pair ``(i, j)``, ``i < j``, layer i as the reference.

    ``counts`` are the spans per label of each layer, when the caller has them already."""
    result: dict[MatchMode, dict[tuple[int, int], dict[str, SpanScores]]] = {mode: {} for mode in MatchMode}
    if counts is None:
        counts = [_label_counts(layer) for layer in layers]
    for i, j in combinations(range(len(layers)), 2):
        for mode, matched in _matched_labels(layers[i], layers[j], list(MatchMode)).items():
            result[mode][i, j] = _by_label(counts[i], counts[j], matched)
    return result


def mean_pairwise_f1(pair_scores: Sequence[SpanScores]) -> float | None:
    """The mean F1 over pairs of layers, skipping pairs where F1 is undefined; None if all are."""
    values = [score.f1 for score in pair_scores if score.f1 is not None]
    return sum(values) / len(values) if values else None
