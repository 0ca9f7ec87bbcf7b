"""The unit every exchange format reads and writes: one document as seen by one annotator layer.

A :class:`DocumentRecord` holds the document fields that travel with the annotations (id, title,
stored text, its SHA-256 and free metadata), the annotator layer's name and status, and that
layer's spans and relations (the domain types of :mod:`annotator.model`). Exporters take an
iterable of records and return an :class:`ExportReport`; importers return a list of records or
raise :class:`ImportFailed` carrying every :class:`Problem` found in the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.model import DocumentStatus, Relation, RelationLabel, Span, SpanKind

#: The labels of the default schema (DESIGN.md section 4), label -> kind.
DEFAULT_LABELS: Mapping[str, SpanKind] = {
    **{
        label: SpanKind.ENTITY
        for label in ("PER", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "EVENT", "WEAPON", "QUANTITY")
    },
    "CLAIM": SpanKind.CLAIM,
    "TREATY_REF": SpanKind.TREATY_REF,
}

#: The relation labels of the default schema.
DEFAULT_RELATION_LABELS: frozenset[str] = frozenset(label.value for label in RelationLabel)


@dataclass(frozen=True)
class DocumentRecord:
    """One document and one annotator layer's work on it.

    ``text`` is the stored text (DESIGN.md section 2) and every span is a valid slice of it;
    importers guarantee this, exporters assume it.
    """

    doc_id: str
    title: str
    text: str
    text_sha256: str
    annotator: str
    status: DocumentStatus = DocumentStatus.NEW
    spans: tuple[Span, ...] = ()
    relations: tuple[Relation, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)
    lang: str = "ar"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file.

    ``line`` is the 1-based line of a JSONL file; ``task`` the 0-based index of a Label Studio
    task. ``field`` is a path such as ``spans[2].start`` ('' for the line or file as a whole).
    """

    path: str
    line: int | None
    field: str
    message: str
    task: int | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        if self.task is not None:
            where += f": task {self.task}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"

    @classmethod
    def empty_file(cls, path: str | Path) -> Problem:
        """A file that holds no record at all."""
        return cls(str(path), None, "", "the file is empty (no records)")


class ImportFailed(Exception):
    """A file could not be imported; ``problems`` lists everything wrong with it, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s):\n{shown}{more}")
        self.problems = problems


@dataclass(frozen=True)
class Skipped:
    """A span or relation an exporter could not express, and why."""

    doc_id: str
    item_id: str
    reason: str


@dataclass
class ExportReport:
    """What an exporter wrote: files, counts, and what it had to leave out."""

    format: str
    paths: list[Path] = field(default_factory=list)
    documents: int = 0
    spans: int = 0
    relations: int = 0
    overlapping: int = 0
    astral_documents: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Items written without part of what they hold (attributes, a registry reference), and what.
    partly: list[Skipped] = field(default_factory=list)

    def skip(self, doc_id: str, item_id: str, reason: str) -> None:
        self.skipped.append(Skipped(doc_id, item_id, reason))

    def written_partly(self, doc_id: str, item_id: str, reason: str) -> None:
        self.partly.append(Skipped(doc_id, item_id, reason))

    def summary(self) -> list[str]:
        """The notes, and one line per reason an item was written in part (with how many)."""
        counts: dict[str, int] = {}
        for item in self.partly:
            counts[item.reason] = counts.get(item.reason, 0) + 1
        return [*self.notes, *(f"{count} item(s) written without their {reason}" for reason, count in counts.items())]

    def details(self) -> list[str]:
        """Every item written in part, one line each."""
        return [f"{item.doc_id}: {item.item_id}: written without its {item.reason}" for item in self.partly]
