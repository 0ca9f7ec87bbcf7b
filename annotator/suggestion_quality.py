"""How good the suggestions are: precision and recall per label against a reference layer.

A suggestion is right when a reference span has exactly its start, end and label. Precision is
the share of suggestions that are right, recall the share of reference spans suggested. Two
sources of suggestions are measured: the registry alone, and the registry with the texts the
project has tagged, taken (so as not to find a document's own tags in it) from the reference
spans of every other document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from annotator.model import Span
from annotator.occurrences import registry_surfaces, tagged_surfaces
from annotator.registry import Registry
from annotator.schema import Schema
from annotator.suggest import Suggester, Suggestion, Surface

Extent = tuple[int, int, str]


@dataclass
class LabelScore:
    suggested: int = 0
    right: int = 0
    reference: int = 0
    found: int = 0

    @property
    def precision(self) -> float | None:
        return self.right / self.suggested if self.suggested else None

    @property
    def recall(self) -> float | None:
        return self.found / self.reference if self.reference else None


@dataclass
class Quality:
    """Scores per label, and over every label together (``total``)."""

    labels: dict[str, LabelScore] = field(default_factory=dict)

    def add(self, suggestions: Iterable[Suggestion], reference: Iterable[Span]) -> None:
        expected = Counter((span.start, span.end, span.label) for span in reference)
        made = {(s.start, s.end, s.label) for s in suggestions}
        for start, end, label in made:
            score = self.labels.setdefault(label, LabelScore())
            score.suggested += 1
            score.right += (start, end, label) in expected
        for (start, end, label), count in expected.items():
            score = self.labels.setdefault(label, LabelScore())
            score.reference += count
            score.found += count if (start, end, label) in made else 0

    @property
    def total(self) -> LabelScore:
        total = LabelScore()
        for score in self.labels.values():
            total.suggested += score.suggested
            total.right += score.right
            total.reference += score.reference
            total.found += score.found
        return total


def measure(
    texts: Mapping[str, str],
    reference: Mapping[str, Sequence[Span]],
    registry: Registry,
    schema: Schema,
    *,
    tagged: bool,
) -> Quality:
    """Suggestions over every text of ``texts`` (document id -> stored text) scored against the
    ``reference`` spans of that document; with ``tagged``, the other documents' reference spans
    are the project's tagged texts."""
    from_registry = registry_surfaces(registry, schema)
    quality = Quality()
    shared = None if tagged else Suggester(from_registry)
    for document_id, text in texts.items():
        suggester = shared
        if suggester is None:
            others = [span for other, spans in reference.items() if other != document_id for span in spans]
            surfaces: list[Surface] = [*from_registry, *tagged_surfaces(others, schema)]
            suggester = Suggester(surfaces)
        quality.add(suggester.suggest(text), reference.get(document_id, ()))
    return quality
