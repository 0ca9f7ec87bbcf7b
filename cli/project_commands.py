"""The command-line commands that work on an open project: export, import, validate, stats.

Each returns the exit code and writes results to ``out`` and problems to ``err``; ``main.py``
parses the arguments and opens the project.
"""

from __future__ import annotations

import errno
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from annotator.exchange import (
    ExportFormat,
    ImportInto,
    LayersExist,
    chosen_documents,
    document_layer_counts,
    import_file,
    iter_layer_records,
    undo_import,
    validate_file,
    writer,
)
from annotator.formats import ImportFailed, ImportFormat, OffsetUnit, Problem
from annotator.model import GOLD, DocumentSummary
from annotator.project import Project
from annotator.repository import ProjectError
from cli.terminal import BidiMode, ImportProgress, escape_controls, for_terminal, wants_visual, with_progress

MAX_PROBLEMS_SHOWN = 200


def export(
    project: Project,
    fmt: ExportFormat,
    target: Path,
    annotator: str,
    document_id: str | None,
    out: TextIO,
    err: TextIO,
    unit: OffsetUnit | None = None,
    details: bool = False,
) -> int:
    try:
        write = writer(fmt, unit)
    except ValueError as error:
        print(f"hashiya: {error}", file=err)
        return 2
    project.refuse_own_file(target)
    ids = chosen_documents(project, [document_id] if document_id else None)
    if not any(project.spans(current, annotator) for current in ids):
        _no_such_layer(project, annotator, document_id, err)
        return 1
    records = with_progress(iter_layer_records(project, annotator, ids), len(ids), "exporting", err)
    try:
        report = write(records, target)
    except OSError as error:
        print(f"hashiya: {target}: {export_failure(error)}; nothing was written.", file=err)
        return 1
    print(
        f"wrote {report.documents} document(s), {report.spans} span(s), {report.relations} relation(s) "
        f"of layer {annotator!r} as {fmt.value} to {target}",
        file=out,
    )
    for note in report.summary():
        print(f"note: {note}", file=out)
    if report.partly and not details:
        print("note: --details lists them", file=out)
    for line in report.details() if details else ():
        print(f"  {line}", file=out)
    if report.skipped:
        reasons = Counter(skipped.reason for skipped in report.skipped)
        print(f"{len(report.skipped)} item(s) could not be expressed in {fmt.value}:", file=err)
        for reason, count in reasons.most_common():
            print(f"  {count} x {reason}", file=err)
    return 0


def _no_such_layer(project: Project, annotator: str, document_id: str | None, err: TextIO) -> None:
    """Say that ``annotator``'s layer is missing or empty, and which layers there are."""
    counts = document_layer_counts(project)
    where = f"in document {document_id!r}" if document_id else "in this project"
    if annotator in project.repository.annotators():
        print(f"hashiya: the layer {annotator!r} has no spans {where}; nothing was written", file=err)
    else:
        print(f"hashiya: there is no layer {annotator!r} {where}; nothing was written", file=err)
    if counts:
        shown = ", ".join(f"{name} ({sum(labels.values())} span(s))" for name, labels in counts.items())
        print(f"layers with spans: {shown}; choose one with --annotator NAME or --gold", file=err)
    else:
        print("no layer has spans yet", file=err)


def export_failure(error: OSError) -> str:
    """One line on why an export could not be written."""
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if isinstance(error, IsADirectoryError):
        return "that is a folder"
    if isinstance(error, FileNotFoundError):
        return "its folder does not exist"
    return error.strerror or str(error)


def import_(
    project: Project,
    path: Path,
    fmt: ImportFormat | None,
    annotator: str | None,
    out: TextIO,
    err: TextIO,
    unit: OffsetUnit | None = None,
    into: ImportInto | None = None,
    *,
    checked_while_stored: bool = False,
) -> int:
    progress = ImportProgress(err)
    try:
        try:
            summary = import_file(
                project,
                path,
                fmt,
                annotator,
                unit,
                into=into,
                checked_while_stored=checked_while_stored,
                watch=progress.watch(),
            )
        finally:
            progress.end()
    except LayersExist as exists:
        layers = ", ".join(repr(escape_controls(layer)) for layer in exists.layers)
        print(
            f"hashiya: the layer(s) {layers} already hold work on texts in {path}; nothing was imported. "
            "Choose --into replace (undo-import puts them back), --into merge or --into new-layer.",
            file=err,
        )
        return 1
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
    for layer, new_name in summary.renamed:
        print(
            f"the layer {escape_controls(layer)!r} already held work, so the file went into the new layer "
            f"{escape_controls(new_name)!r}",
            file=out,
        )
    if summary.replaced:
        print(f"replaced {summary.replaced} span(s) that were there; 'hashiya undo-import' puts them back", file=out)
    if summary.already_present:
        print(
            f"{summary.already_present} span(s) of the file were in the layer already and were left as they were",
            file=out,
        )
    for note in summary.notes:
        print(f"note: {note}", file=out)
    return 0


def undo_import_(project: Project, out: TextIO, err: TextIO) -> int:
    """Put back what the last import not yet undone replaced."""
    undone = undo_import(project)
    if undone is None:
        print("hashiya: the edit log holds no import to undo", file=err)
        return 1
    layers = ", ".join(repr(escape_controls(layer)) for layer in undone.layer_names)
    documents = len({document_id for document_id, _layer, _before in undone.layers})
    print(
        f"put back layer(s) {layers} on {documents} document(s) as they were before the import of {undone.at}",
        file=out,
    )
    return 0


def validate(
    project: Project, path: Path, fmt: ImportFormat | None, out: TextIO, err: TextIO, unit: OffsetUnit | None = None
) -> int:
    problems = validate_file(project, path, fmt, unit)
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
    try:
        documents, figures = _stats_figures(project)
    except ProjectError:
        project.repository.wait_for_checks()  # a damaged file is said to be damaged, not how a read of it failed
        raise
    project.repository.wait_for_checks()  # nothing read from a file that fails its check is shown
    if as_json:
        print(json.dumps(figures, ensure_ascii=False, indent=2), file=out)
        return 0
    visual = wants_visual(bidi, out)
    where = escape_controls(project.location)
    print(f"{len(documents)} document(s), {figures['characters']:,} characters in {where}", file=out)
    for document in documents:
        print(
            f"  {escape_controls(document.id)}  {document.length:>8,}  {for_terminal(document.title, visual)}", file=out
        )
    statuses = figures["status"]
    for annotator, counts in figures["spans_per_label"].items():
        total = sum(counts.values())
        labels = ", ".join(f"{escape_controls(label)} {count}" for label, count in counts.items())
        marker = " (gold)" if annotator == GOLD else ""
        name = escape_controls(annotator)
        print(f"{name}{marker}: {total} span(s): {labels}; status {statuses.get(annotator, {})}", file=out)
    return 0


def _stats_figures(project: Project) -> tuple[list[DocumentSummary], dict[str, Any]]:
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
    return documents, figures
