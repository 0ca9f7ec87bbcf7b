"""``hashiya agreement``: the agreement table of annotator layers, printed or as JSON."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from annotator.agreement import AgreementFigures
from annotator.agreement.table import AgreementTable, agreement_table, number
from annotator.project import Project
from annotator.repository import ProjectError
from cli.agreement_split import split_table
from cli.indented_json import indented_json
from cli.terminal import BidiMode, for_terminal, wants_visual, with_progress


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


def _progress(ids: list[str]) -> Iterable[str]:
    return with_progress(ids, len(ids), "comparing")


def agreement(project: Project, annotators: list[str], as_json: bool, document_id: str | None, out: TextIO) -> int:
    """Print the agreement of ``annotators``' layers; raise ProjectError when they cannot be compared."""
    try:
        table = (None if document_id else split_table(project, annotators, _progress)) or agreement_table(
            project, annotators, document_id, _progress
        )
    except ProjectError:
        project.repository.wait_for_checks()  # a damaged file is said to be damaged, not how a read of it failed
        raise
    project.repository.wait_for_checks()  # nothing read from a file that fails its check is shown
    titles = {row.document_id: row.title for row in table.rows if row.scope == "document" and row.document_id}
    if as_json:
        print(indented_json(table_json(table, titles)), file=out)
        return 0
    visual = wants_visual(BidiMode.AUTO, out)
    lines: list[str] = []
    line = lines.append
    two = len(annotators) == 2
    line(f"Agreement of {', '.join(annotators)}; {table.kappa_name} and alpha over tokens")
    if two:
        line(f"precision and recall of {annotators[1]} with {annotators[0]} as the reference")
    for row in table.rows:
        if row.scope == "label":
            line(
                f"    {row.label:<12} spans {' / '.join(map(str, row.spans)):<9} "
                f"exact F1 {number(row.exact_f1)}  overlap F1 {number(row.overlap_f1)}  alpha_u {number(row.alpha_u)}"
            )
            continue
        heading = (
            f"document {row.document_id}  {for_terminal(row.title, visual)}"
            if row.scope == "document"
            else f"corpus ({len(table.report.documents)} document(s))"
        )
        line(heading)
        line(f"  spans    {', '.join(f'{n} {c}' for n, c in zip(annotators, row.spans, strict=True))}")
        for name, p, r, f in (
            ("exact", row.exact_precision, row.exact_recall, row.exact_f1),
            ("overlap", row.overlap_precision, row.overlap_recall, row.overlap_f1),
        ):
            scores = f"P {number(p)}  R {number(r)}  " if two else ""
            line(f"  {name:<8} {scores}F1 {number(f)}")
        line(
            f"  {table.kappa_name} {number(row.kappa)}  Krippendorff's alpha {number(row.alpha)}"
            f"  ({row.tokens or 0} tokens)  alpha_u {number(row.alpha_u)}"
        )
        line("  per label:")
    out.write("\n".join(lines) + "\n")  # one write: a large corpus prints tens of thousands of lines
    return 0
