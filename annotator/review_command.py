"""Agreement between layers, as ``hashiya agreement`` prints it and the review dashboard shows it.

Documents compared: the one asked for, or every document on which at least one of the layers
has a span (a text nobody annotated would only add agreed "no label" tokens). Tokens come from
``annotator.tokenize`` with every span boundary of the layers as a split point, so that each
token has one label per layer; tokens no span touches carry the explicit "no label" category.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from annotator.agreement import (
    AgreementFigures,
    AgreementReport,
    ConfusionMatrix,
    DocumentLayers,
    SpanScores,
    agreement_report,
    compare_layers,
    confusion_matrix,
)
from annotator.model import DocumentStatus, Span
from annotator.project import Project
from annotator.repository import ProjectError
from annotator.terminal import BidiMode, for_terminal, wants_visual, with_progress
from annotator.tokenize import tokenize


@dataclass(frozen=True)
class FigureRow:
    """One row of the metrics table: a document, a label (within a document or the corpus), or the corpus.

    Precision and recall take the first layer as the reference and exist for two layers only;
    F1 is the mean over pairs of layers. ``kappa`` is Cohen's for two layers, Fleiss' for more.
    """

    scope: str  # "document", "label" or "corpus"
    document_id: str | None
    title: str
    label: str | None
    spans: tuple[int, ...]
    exact_precision: float | None
    exact_recall: float | None
    exact_f1: float | None
    overlap_precision: float | None
    overlap_recall: float | None
    overlap_f1: float | None
    kappa: float | None
    alpha: float | None
    alpha_u: float | None
    tokens: int | None


@dataclass(frozen=True)
class AgreementTable:
    annotators: tuple[str, ...]
    report: AgreementReport
    rows: tuple[FigureRow, ...]

    @property
    def kappa_name(self) -> str:
        return "Cohen's kappa" if len(self.annotators) == 2 else "Fleiss' kappa"


COLUMNS = (
    "scope",
    "document",
    "title",
    "label",
    "spans",
    "exact P",
    "exact R",
    "exact F1",
    "overlap P",
    "overlap R",
    "overlap F1",
    "kappa",
    "alpha",
    "alpha_u",
    "tokens",
)


def row_cells(row: FigureRow) -> list[str]:
    """The row as text cells in the order of ``COLUMNS`` (for the table and the CSV)."""
    return [
        row.scope,
        row.document_id or "",
        row.title,
        row.label or "",
        " / ".join(str(n) for n in row.spans),
        *(
            number(value)
            for value in (
                row.exact_precision,
                row.exact_recall,
                row.exact_f1,
                row.overlap_precision,
                row.overlap_recall,
                row.overlap_f1,
                row.kappa,
                row.alpha,
                row.alpha_u,
            )
        ),
        "" if row.tokens is None else str(row.tokens),
    ]


def number(value: float | None) -> str:
    """Three decimals; a value that rounds to zero prints as 0.000, never -0.000."""
    return "—" if value is None else f"{round(value, 3) or 0.0:.3f}"


def check_annotators(project: Project, annotators: Sequence[str]) -> None:
    if len(annotators) < 2:
        raise ProjectError("agreement needs at least two annotator layers, such as --annotators amal,bilal")
    if len(set(annotators)) != len(annotators):
        raise ProjectError("each annotator layer may be named only once")
    known = project.repository.annotators()
    for name in annotators:
        if name not in known:
            raise ProjectError(f"there is no layer {name!r} in this project (layers: {', '.join(known) or 'none'})")


def _not_started_by_all(
    project: Project, document_id: str, annotators: Sequence[str], layers: Sequence[Sequence[Span]]
) -> bool:
    """Whether an annotator with no span on the document never started it (status new).

    Such a document is left out of the figures: it would count as F1 = 0 against the others' work,
    although that annotator has not looked at it; an empty layer marked in progress or done stays."""
    return any(
        not layer and project.repository.status(document_id, name) is DocumentStatus.NEW
        for name, layer in zip(annotators, layers, strict=True)
    )


def document_layers(
    project: Project, annotators: Sequence[str], document_id: str | None = None, progress: TextIO | None = None
) -> tuple[list[DocumentLayers], dict[str, str]]:
    """The layers of every compared document, and the documents' titles."""
    ids = [document_id] if document_id else [summary.id for summary in project.documents()]
    documents: list[DocumentLayers] = []
    titles: dict[str, str] = {}
    for current in with_progress(ids, len(ids), "comparing", progress):
        layers: list[list[Span]] = [project.spans(current, name) for name in annotators]
        if document_id is None and (
            not any(layers) or (not all(layers) and _not_started_by_all(project, current, annotators, layers))
        ):
            continue
        document = project.document(current)
        points = {position for layer in layers for span in layer for position in (span.start, span.end)}
        tokens = [(token.start, token.end) for token in tokenize(document.text, points)]
        documents.append(DocumentLayers(current, document.length, layers, tokens))
        titles[current] = document.title
    return documents, titles


def agreement_table(project: Project, annotators: Sequence[str], document_id: str | None = None) -> AgreementTable:
    """The figures of ``annotators``' layers per document, per label and over the corpus."""
    check_annotators(project, annotators)
    documents, titles = document_layers(project, annotators, document_id)
    if not documents:
        raise ProjectError(f"none of the layers {', '.join(annotators)} has a span yet: there is nothing to compare")
    report = agreement_report(documents)
    rows: list[FigureRow] = []
    two = len(annotators) == 2
    for document in report.documents:
        title = titles[document.document_id]
        rows.append(_row("document", document.document_id, title, None, document.figures, two))
        rows.extend(_label_rows(document.document_id, title, document.figures))
    rows.append(_row("corpus", None, "", None, report.corpus, two))
    rows.extend(_label_rows(None, "", report.corpus))
    return AgreementTable(tuple(annotators), report, tuple(rows))


def _pair(scores: dict[tuple[int, int], SpanScores], two: bool) -> SpanScores | None:
    return scores.get((0, 1)) if two else None


def _row(
    scope: str, document_id: str | None, title: str, label: str | None, figures: AgreementFigures, two: bool
) -> FigureRow:
    exact, overlap = _pair(dict(figures.exact), two), _pair(dict(figures.overlap), two)
    return FigureRow(
        scope,
        document_id,
        title,
        label,
        figures.spans_per_layer,
        exact.precision if exact else None,
        exact.recall if exact else None,
        figures.exact_f1,
        overlap.precision if overlap else None,
        overlap.recall if overlap else None,
        figures.overlap_f1,
        figures.token_kappa.value if figures.token_kappa else None,
        figures.token_alpha.value if figures.token_alpha else None,
        figures.unitizing.value if figures.unitizing else None,
        figures.token_kappa.items if figures.token_kappa else None,
    )


def _label_rows(document_id: str | None, title: str, figures: AgreementFigures) -> list[FigureRow]:
    return [
        FigureRow(
            "label",
            document_id,
            title,
            label.label,
            label.spans_per_layer,
            None,
            None,
            label.exact_f1,
            None,
            None,
            label.overlap_f1,
            None,
            None,
            label.alpha_u,
            None,
        )
        for label in figures.labels
    ]


def _figures_json(figures: AgreementFigures, annotators: Sequence[str]) -> dict[str, Any]:
    def pairs(scores: Any) -> list[dict[str, Any]]:
        return [
            {
                "reference": annotators[i],
                "predicted": annotators[j],
                "reference_spans": s.reference,
                "predicted_spans": s.predicted,
                "matched": s.matched,
                "precision": s.precision,
                "recall": s.recall,
                "f1": s.f1,
            }
            for (i, j), s in sorted(scores.items())
        ]

    kappa = figures.token_kappa
    alpha = figures.token_alpha
    return {
        "spans": dict(zip(annotators, figures.spans_per_layer, strict=True)),
        "exact": {"f1": figures.exact_f1, "pairs": pairs(figures.exact)},
        "overlap": {"f1": figures.overlap_f1, "pairs": pairs(figures.overlap)},
        "token_kappa": None
        if kappa is None
        else {
            "measure": "cohen" if len(annotators) == 2 else "fleiss",
            "value": kappa.value,
            "observed": kappa.observed,
            "expected": kappa.expected,
            "tokens": kappa.items,
        },
        "krippendorff_alpha": None
        if alpha is None
        else {
            "value": alpha.value,
            "observed_disagreement": alpha.observed_disagreement,
            "expected_disagreement": alpha.expected_disagreement,
        },
        "alpha_u": figures.unitizing.value if figures.unitizing else None,
        "labels": [
            {
                "label": label.label,
                "spans": dict(zip(annotators, label.spans_per_layer, strict=True)),
                "exact_f1": label.exact_f1,
                "overlap_f1": label.overlap_f1,
                "alpha_u": label.alpha_u,
            }
            for label in figures.labels
        ],
    }


def table_json(table: AgreementTable, titles: dict[str, str]) -> dict[str, Any]:
    annotators = table.annotators
    return {
        "annotators": list(annotators),
        "documents": [
            {"id": d.document_id, "title": titles.get(d.document_id, ""), **_figures_json(d.figures, annotators)}
            for d in table.report.documents
        ],
        "corpus": {"documents": len(table.report.documents), **_figures_json(table.report.corpus, annotators)},
    }


def agreement(project: Project, annotators: list[str], as_json: bool, document_id: str | None, out: TextIO) -> int:
    """Print the agreement of ``annotators``' layers; raise ProjectError when they cannot be compared."""
    table = agreement_table(project, annotators, document_id)
    titles = {row.document_id: row.title for row in table.rows if row.scope == "document" and row.document_id}
    if as_json:
        print(json.dumps(table_json(table, titles), ensure_ascii=False, indent=2), file=out)
        return 0
    visual = wants_visual(BidiMode.AUTO, out)
    two = len(annotators) == 2
    print(f"Agreement of {', '.join(annotators)}; {table.kappa_name} and alpha over tokens", file=out)
    if two:
        print(f"precision and recall of {annotators[1]} with {annotators[0]} as the reference", file=out)
    for row in table.rows:
        if row.scope == "label":
            print(
                f"    {row.label:<12} spans {' / '.join(map(str, row.spans)):<9} "
                f"exact F1 {number(row.exact_f1)}  overlap F1 {number(row.overlap_f1)}  alpha_u {number(row.alpha_u)}",
                file=out,
            )
            continue
        heading = (
            f"document {row.document_id}  {for_terminal(row.title, visual)}"
            if row.scope == "document"
            else f"corpus ({len(table.report.documents)} document(s))"
        )
        print(heading, file=out)
        print(f"  spans    {', '.join(f'{n} {c}' for n, c in zip(annotators, row.spans, strict=True))}", file=out)
        for name, p, r, f in (
            ("exact", row.exact_precision, row.exact_recall, row.exact_f1),
            ("overlap", row.overlap_precision, row.overlap_recall, row.overlap_f1),
        ):
            scores = f"P {number(p)}  R {number(r)}  " if two else ""
            print(f"  {name:<8} {scores}F1 {number(f)}", file=out)
        print(
            f"  {table.kappa_name} {number(row.kappa)}  Krippendorff's alpha {number(row.alpha)}"
            f"  ({row.tokens or 0} tokens)  alpha_u {number(row.alpha_u)}",
            file=out,
        )
        print("  per label:", file=out)
    return 0


def label_confusion(project: Project, layer_a: str, layer_b: str, document_ids: Sequence[str]) -> ConfusionMatrix:
    """The label confusion matrix of two layers (rows A, columns B) over the given documents."""
    return confusion_matrix(
        compare_layers(project.spans(document_id, layer_a), project.spans(document_id, layer_b))
        for document_id in document_ids
    )
