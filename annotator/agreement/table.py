"""Agreement between layers, as ``hashiya agreement`` prints it and the review dashboard shows it.

Documents compared: the one asked for, or every document on which at least one of the layers
has a span (a text nobody annotated would only add agreed "no label" tokens). Tokens come from
``annotator.tokenize`` with every span boundary of the layers as a split point, so that each
token has one label per layer; tokens no span touches carry the explicit "no label" category.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

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
from annotator.agreement.report import CorpusPart, combined_report, document_part, summed
from annotator.collection import collector_paused
from annotator.model import DocumentStatus, Extent
from annotator.project import Project
from annotator.repository import ProjectError, Repository
from annotator.said import QT_TRANSLATE_NOOP, said


class FigureRow(NamedTuple):
    """One row of the metrics table: a document, a label (within a document or the corpus), or the corpus.

    Precision and recall take the first layer as the reference and exist for two layers only;
    F1 is the mean over pairs of layers. ``kappa`` is Cohen's for two layers, Fleiss' for more.
    A tuple: a large corpus has tens of thousands of rows, made far faster than a frozen dataclass's.
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
        raise ProjectError(
            said(
                QT_TRANSLATE_NOOP(
                    "Said", "agreement needs at least two annotator layers, such as --annotators amal,bilal"
                )
            )
        )
    if len(set(annotators)) != len(annotators):
        raise ProjectError(said(QT_TRANSLATE_NOOP("Said", "each annotator layer may be named only once")))
    known = project.repository.annotators()
    for name in annotators:
        if name not in known:
            template = QT_TRANSLATE_NOOP("Said", "there is no layer {name} in this project (layers: {layers})")
            raise ProjectError(said(template, name=repr(name), layers=", ".join(known) or "none"))


def _not_started_by_all(
    repository: Repository, document_id: str, annotators: Sequence[str], layers: Sequence[Sequence[Extent]]
) -> bool:
    """Whether an annotator with no span on the document never started it (status new).

    Such a document is left out of the figures: it would count as F1 = 0 against the others' work,
    although that annotator has not looked at it; an empty layer marked in progress or done stays."""
    return any(
        not layer and repository.status(document_id, name) is DocumentStatus.NEW
        for name, layer in zip(annotators, layers, strict=True)
    )


def iter_document_layers(
    project: Project,
    annotators: Sequence[str],
    titles: dict[str, str],
    document_id: str | None = None,
    progress: Callable[[list[str]], Iterable[str]] = iter,
) -> Iterator[DocumentLayers]:
    """The layers of each compared document, read one document at a time; each title goes into ``titles``.

    Only the extent and label of each span are read, and a text is read (not kept) only when compared,
    so that memory follows the largest document rather than the corpus.
    """
    ids = [document_id] if document_id else [summary.id for summary in project.documents()]
    return read_document_layers(project.repository, annotators, progress(ids), titles, every=document_id is not None)


def read_document_layers(
    repository: Repository, annotators: Sequence[str], ids: Iterable[str], titles: dict[str, str], *, every: bool
) -> Iterator[DocumentLayers]:
    """The layers of the documents ``ids`` that are compared (all of them with ``every``), one at a time."""
    for current in ids:
        layers = [repository.extents(current, name) for name in annotators]
        if not every and (
            not any(layers) or (not all(layers) and _not_started_by_all(repository, current, annotators, layers))
        ):
            continue
        document = repository.get_document(current)
        titles[current] = document.title
        yield DocumentLayers(current, document.length, layers, text=document.text)


def compared_part(
    repository: Repository, annotators: Sequence[str], ids: Iterable[str], *, backwards: bool = False
) -> tuple[dict[str, str], CorpusPart]:
    """The titles, figures and summed counts (``summed``) of the compared documents of ``ids``.

    What a second process computes for its share of the corpus (see ``table_of_parts``). With
    ``backwards``, ``ids`` come in the reverse of the corpus order, and are summed in the corpus order."""
    titles: dict[str, str] = {}
    with collector_paused():
        layers = read_document_layers(repository, annotators, ids, titles, every=False)
        if backwards:
            return titles, summed(list(map(document_part, layers))[::-1])
        return titles, summed(map(document_part, layers))


def agreement_table(
    project: Project,
    annotators: Sequence[str],
    document_id: str | None = None,
    progress: Callable[[list[str]], Iterable[str]] = iter,
) -> AgreementTable:
    """The figures of ``annotators``' layers per document, per label and over the corpus."""
    check_annotators(project, annotators)
    with collector_paused():  # the layers and the report are many small objects: see collector_paused
        titles: dict[str, str] = {}
        documents = iter_document_layers(project, annotators, titles, document_id, progress)
        first = next(documents, None)
        if first is None:
            raise _nothing_to_compare(annotators)
        report = agreement_report(itertools.chain([first], documents))
    return _table(annotators, report, titles)


def table_of_parts(annotators: Sequence[str], parts: Sequence[tuple[dict[str, str], CorpusPart]]) -> AgreementTable:
    """The table of runs of documents compared apart (``compared_part``), given in the corpus order.

    The figures are those of ``agreement_table``, to the last digit: the parts hold counts, added up
    in the same order. No part may hold a document of length 0."""
    if not any(part.results for _, part in parts):
        raise _nothing_to_compare(annotators)
    with collector_paused():
        report = combined_report([part for _, part in parts])
    titles: dict[str, str] = {}
    for part_titles, _ in parts:
        titles.update(part_titles)
    return _table(annotators, report, titles)


def _nothing_to_compare(annotators: Sequence[str]) -> ProjectError:
    template = QT_TRANSLATE_NOOP("Said", "none of the layers {layers} has a span yet: there is nothing to compare")
    return ProjectError(said(template, layers=", ".join(annotators)))


def _table(annotators: Sequence[str], report: AgreementReport, titles: dict[str, str]) -> AgreementTable:
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


def label_confusion(project: Project, layer_a: str, layer_b: str, document_ids: Sequence[str]) -> ConfusionMatrix:
    """The label confusion matrix of two layers (rows A, columns B) over the given documents."""
    with collector_paused():
        return confusion_matrix(
            compare_layers(project.spans(document_id, layer_a), project.spans(document_id, layer_b))
            for document_id in document_ids
        )
