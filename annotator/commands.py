"""The command-line commands that work on an open project: export, import, validate, stats.

Each returns the exit code and writes results to ``out`` and problems to ``err``; ``main.py``
parses the arguments and opens the project.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from annotator.exchange import (
    WRITERS,
    ExportFormat,
    chosen_documents,
    document_layer_counts,
    import_file,
    iter_layer_records,
    validate_file,
)
from annotator.formats import ImportFailed, ImportFormat, Problem
from annotator.model import GOLD
from annotator.project import Project
from annotator.terminal import BidiMode, for_terminal, wants_visual, with_progress

MAX_PROBLEMS_SHOWN = 200


def export(
    project: Project,
    fmt: ExportFormat,
    target: Path,
    annotator: str,
    document_id: str | None,
    out: TextIO,
    err: TextIO,
) -> int:
    ids = chosen_documents(project, [document_id] if document_id else None)
    records = with_progress(iter_layer_records(project, annotator, ids), len(ids), "exporting", err)
    report = WRITERS[fmt](records, target)
    print(
        f"wrote {report.documents} document(s), {report.spans} span(s), {report.relations} relation(s) "
        f"of layer {annotator!r} as {fmt.value} to {target}",
        file=out,
    )
    for note in report.notes:
        print(f"note: {note}", file=out)
    if report.skipped:
        reasons = Counter(skipped.reason for skipped in report.skipped)
        print(f"{len(report.skipped)} item(s) could not be expressed in {fmt.value}:", file=err)
        for reason, count in reasons.most_common():
            print(f"  {count} x {reason}", file=err)
    return 0


def import_(
    project: Project, path: Path, fmt: ImportFormat | None, annotator: str | None, out: TextIO, err: TextIO
) -> int:
    try:
        summary = import_file(project, path, fmt, annotator)
    except ImportFailed as failure:
        _print_problems(failure.problems, err)
        print(f"nothing was imported from {path}", file=err)
        return 1
    except ValueError as error:
        print(f"hashiya: {error}", file=err)
        return 2
    print(
        f"imported {summary.layers} layer(s) ({', '.join(summary.annotators)}): {summary.spans} span(s), "
        f"{summary.relations} relation(s); {summary.documents_added} new document(s)",
        file=out,
    )
    return 0


def validate(project: Project, path: Path, fmt: ImportFormat | None, out: TextIO, err: TextIO) -> int:
    problems = validate_file(project, path, fmt)
    if problems:
        _print_problems(problems, out)
        return 1
    print(f"{path}: no problems", file=out)
    return 0


def _print_problems(problems: Sequence[Problem], stream: TextIO) -> None:
    for problem in problems[:MAX_PROBLEMS_SHOWN]:
        print(str(problem), file=stream)
    if len(problems) > MAX_PROBLEMS_SHOWN:
        print(f"... and {len(problems) - MAX_PROBLEMS_SHOWN} more problem(s)", file=stream)


def stats(project: Project, as_json: bool, bidi: BidiMode, out: TextIO) -> int:
    documents = project.documents()
    annotators = project.repository.annotators()
    statuses = {
        annotator: dict(Counter(s.status.value for s in project.repository.list_documents(annotator)))
        for annotator in annotators
    }
    per_label = document_layer_counts(project)
    figures = {
        "project": project.location,
        "documents": [{"id": d.id, "title": d.title, "length": d.length} for d in documents],
        "characters": sum(d.length for d in documents),
        "annotators": annotators,
        "spans_per_label": per_label,
        "status": statuses,
    }
    if as_json:
        print(json.dumps(figures, ensure_ascii=False, indent=2), file=out)
        return 0
    visual = wants_visual(bidi, out)
    print(f"{len(documents)} document(s), {figures['characters']:,} characters in {project.location}", file=out)
    for document in documents:
        print(f"  {document.id}  {document.length:>8,}  {for_terminal(document.title, visual)}", file=out)
    for annotator, counts in per_label.items():
        total = sum(counts.values())
        labels = ", ".join(f"{label} {count}" for label, count in counts.items())
        marker = " (gold)" if annotator == GOLD else ""
        print(f"{annotator}{marker}: {total} span(s): {labels}; status {statuses.get(annotator, {})}", file=out)
    return 0
