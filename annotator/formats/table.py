"""Every exchange format once: what the command line offers, what the dialogs list and filter, what
detection recognises, and the offsets each counts. Adding a format means adding a row here."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from annotator.formats.brat import write_brat
from annotator.formats.conll import write_conll
from annotator.formats.doccano import DOCCANO_UNIT, DoccanoShape, write_doccano
from annotator.formats.labelstudio import LABELSTUDIO_UNIT, write_labelstudio
from annotator.formats.native import write_native
from annotator.formats.offsets import OffsetUnit
from annotator.formats.records import DocumentRecord, ExportReport
from annotator.formats.spacy_jsonl import write_spacy


class ExportFormat(StrEnum):
    NATIVE = "native"
    SPACY = "spacy"
    DOCCANO = "doccano"
    DOCCANO_LABELS = "doccano-labels"
    LABELSTUDIO = "labelstudio"
    BRAT = "brat"
    CONLL = "conll"


class ImportFormat(StrEnum):
    NATIVE = "native"
    DOCCANO = "doccano"
    PRODIGY = "prodigy"
    LABELSTUDIO = "labelstudio"


Writer = Callable[[Iterable[DocumentRecord], Path], ExportReport]
UnitWriter = Callable[[Iterable[DocumentRecord], Path, OffsetUnit], ExportReport]


@dataclass(frozen=True)
class ExchangeFormat:
    """One file format: written as ``writes`` and/or read as ``reads`` (their command-line names)."""

    description: str  # in English; the interface shows it translated (context "ExportFormat")
    suffixes: tuple[str, ...]  # the first is the one an export suggests
    unit: OffsetUnit  # the unit its offsets count unless told otherwise
    writes: ExportFormat | None = None
    reads: ImportFormat | None = None
    write: Writer | None = None
    write_in: UnitWriter | None = None  # for a format whose offset unit can be chosen on export

    @property
    def suffix(self) -> str:
        return self.suffixes[0]

    @property
    def patterns(self) -> str:
        """Its files as a file dialog's filter matches them: ``*.jsonl``."""
        return " ".join("*" + suffix for suffix in self.suffixes)


def _doccano(shape: DoccanoShape) -> tuple[Writer, UnitWriter]:
    return (
        lambda records, path: write_doccano(records, path, shape),
        lambda records, path, unit: write_doccano(records, path, shape, unit),
    )


_ENTITIES, _LABELS = _doccano(DoccanoShape.ENTITIES), _doccano(DoccanoShape.LABELS)

FORMATS: tuple[ExchangeFormat, ...] = (
    ExchangeFormat(
        "Hashiya JSONL (exact, for teammates)",
        (".jsonl",),
        OffsetUnit.CODEPOINT,
        ExportFormat.NATIVE,
        ImportFormat.NATIVE,
        write_native,
    ),
    ExchangeFormat(
        "spaCy / Prodigy JSONL",
        (".jsonl",),
        OffsetUnit.CODEPOINT,
        ExportFormat.SPACY,
        ImportFormat.PRODIGY,
        write_spacy,
    ),
    ExchangeFormat(
        "doccano JSONL (entities and relations)",
        (".jsonl",),
        DOCCANO_UNIT,
        ExportFormat.DOCCANO,
        ImportFormat.DOCCANO,
        *_ENTITIES,
    ),
    ExchangeFormat(
        "doccano JSONL (label lists)", (".jsonl",), DOCCANO_UNIT, ExportFormat.DOCCANO_LABELS, None, *_LABELS
    ),
    ExchangeFormat(
        "Label Studio JSON",
        (".json",),
        LABELSTUDIO_UNIT,
        ExportFormat.LABELSTUDIO,
        ImportFormat.LABELSTUDIO,
        write_labelstudio,
        write_labelstudio,
    ),
    ExchangeFormat(
        "brat standoff (.zip, or a folder)", (".zip",), OffsetUnit.CODEPOINT, ExportFormat.BRAT, None, write_brat
    ),
    ExchangeFormat("CoNLL BIO", (".conll",), OffsetUnit.CODEPOINT, ExportFormat.CONLL, None, write_conll),
)

EXPORTS: dict[ExportFormat, ExchangeFormat] = {f.writes: f for f in FORMATS if f.writes is not None}
IMPORTS: dict[ImportFormat, ExchangeFormat] = {f.reads: f for f in FORMATS if f.reads is not None}


def import_patterns() -> str:
    """Every readable format's files, as a file dialog's filter matches them: ``*.jsonl *.json``."""
    return " ".join(dict.fromkeys(pattern for f in IMPORTS.values() for pattern in f.patterns.split()))


def read_by_suffix(path: Path) -> ImportFormat | None:
    """The only readable format whose files end as ``path`` does, if only one does."""
    suffix = path.suffix.lower()
    readers = [fmt for fmt, f in IMPORTS.items() if suffix in f.suffixes]
    return readers[0] if len(readers) == 1 else None
