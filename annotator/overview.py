"""The corpus at a glance: for each document and annotator, the status and the spans per label and kind."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from annotator.model import DocumentStatus, SpanKind
from annotator.project import Project

STATUS_PROGRESS = {
    DocumentStatus.NEW: 0,
    DocumentStatus.IN_PROGRESS: 50,
    DocumentStatus.DONE: 100,
    DocumentStatus.REVIEWED: 100,
}


@dataclass(frozen=True)
class OverviewRow:
    document_id: str
    title: str
    length: int
    annotator: str
    status: DocumentStatus
    per_label: dict[str, int]
    per_kind: dict[SpanKind, int]

    @property
    def spans(self) -> int:
        return sum(self.per_label.values())

    @property
    def progress(self) -> int:
        return STATUS_PROGRESS[self.status]


@dataclass(frozen=True)
class AnnotatorProgress:
    annotator: str
    done: int
    in_progress: int
    documents: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.documents) if self.documents else 0


def overview_rows(project: Project) -> list[OverviewRow]:
    """One row per document for the current annotator, and for every other annotator with work on it."""
    annotators = sorted(set(project.repository.annotators()) | {project.annotator})
    rows = []
    for document in project.documents():
        for annotator in annotators:
            spans = project.spans(document.id, annotator)
            status = project.repository.status(document.id, annotator)
            if annotator != project.annotator and not spans and status is DocumentStatus.NEW:
                continue
            rows.append(
                OverviewRow(
                    document_id=document.id,
                    title=document.title,
                    length=document.length,
                    annotator=annotator,
                    status=status,
                    per_label=dict(sorted(Counter(s.label for s in spans).items())),
                    per_kind=dict(Counter(s.kind for s in spans)),
                )
            )
    return rows


def progress_by_annotator(rows: list[OverviewRow], documents: int) -> list[AnnotatorProgress]:
    found: dict[str, list[OverviewRow]] = {}
    for row in rows:
        found.setdefault(row.annotator, []).append(row)
    return [
        AnnotatorProgress(
            annotator=annotator,
            done=sum(1 for r in own if r.status in (DocumentStatus.DONE, DocumentStatus.REVIEWED)),
            in_progress=sum(1 for r in own if r.status is DocumentStatus.IN_PROGRESS),
            documents=documents,
        )
        for annotator, own in sorted(found.items())
    ]
