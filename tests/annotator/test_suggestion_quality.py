"""The suggestions' precision and recall per label, against the reference layer of the sample corpus.

tests/data/reference.jsonl is a complete layer of the five sample articles with the entity labels
and treaty references (no claims: suggestions never propose one). The figures are printed and
held at what was reached, so that a change that makes the suggestions worse fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.formats.native import read_native
from annotator.registry import load_default_registry
from annotator.resources import sample_corpus_files
from annotator.schema import load_default_schema
from annotator.suggestion_quality import Quality, measure
from annotator.text import decode_document

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference.jsonl"
RECORDS = read_native(REFERENCE)
TEXTS = {record.doc_id: record.text for record in RECORDS}
SPANS = {record.doc_id: list(record.spans) for record in RECORDS}

# Precision reached (registry alone, then with tagged texts), for labels suggested ten times or more.
PRECISION_FLOOR = {
    False: {"GPE": 0.99, "NORP": 1.0, "ORG": 0.94, "PER": 1.0, "LOC": 1.0, "TREATY_REF": 1.0},
    True: {"GPE": 0.99, "NORP": 1.0, "ORG": 0.94, "PER": 1.0, "LOC": 1.0, "TREATY_REF": 0.96, "WEAPON": 0.9},
}
OVERALL_FLOOR = {False: (0.99, 0.86), True: (0.98, 0.87)}


def table(quality: Quality) -> str:
    def number(value: float | None) -> str:
        return "  -  " if value is None else f"{value:.3f}"

    rows = [
        f"{label:<10} precision {number(s.precision)} ({s.right}/{s.suggested})"
        f"  recall {number(s.recall)} ({s.found}/{s.reference})"
        for label, s in sorted(quality.labels.items())
    ]
    total = quality.total
    rows.append(f"{'all':<10} precision {number(total.precision)}  recall {number(total.recall)}")
    return "\n".join(rows)


def test_the_reference_layer_covers_the_sample_corpus() -> None:
    corpus = sorted(decode_document(path.read_bytes()) for path in sample_corpus_files())
    assert sorted(TEXTS.values()) == corpus
    assert sum(len(spans) for spans in SPANS.values()) == 911
    labels = {label.name for label in load_default_schema().labels}
    assert {span.label for spans in SPANS.values() for span in spans} <= labels
    for record in RECORDS:
        assert record.annotator == "reference" and record.status == "done"
        for span in record.spans:
            assert record.text[span.start : span.end] == span.text


@pytest.mark.parametrize("tagged", [False, True], ids=["registry alone", "with tagged texts"])
def test_suggestion_precision_per_label(capsys: pytest.CaptureFixture[str], tagged: bool) -> None:
    quality = measure(TEXTS, SPANS, load_default_registry(), load_default_schema(), tagged=tagged)
    with capsys.disabled():
        heading = "registry and the other articles' tagged texts" if tagged else "registry alone"
        print(f"\n[suggestions, {heading}]\n{table(quality)}")
    for label, floor in PRECISION_FLOOR[tagged].items():
        precision = quality.labels[label].precision
        assert precision is not None and precision >= floor, (label, precision)
    precision, recall = OVERALL_FLOOR[tagged]
    assert quality.total.precision is not None and quality.total.precision >= precision
    assert quality.total.recall is not None and quality.total.recall >= recall
