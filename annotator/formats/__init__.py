"""Exchange formats (DESIGN.md section 6): pure Python, no Qt and no SQLite.

Writers take an iterable of :class:`DocumentRecord` and return an :class:`ExportReport`;
readers return a list of records or raise :class:`ImportFailed` listing every problem.
"""

from annotator.formats.atomic import atomic_write, safe_file_stem
from annotator.formats.brat import write_brat
from annotator.formats.conll import write_conll
from annotator.formats.detect import detect_format, read_file, read_file_noted, validate
from annotator.formats.doccano import DoccanoShape, read_doccano, write_doccano
from annotator.formats.labelstudio import labeling_config, read_labelstudio, write_labelstudio
from annotator.formats.native import FORMAT, dumps_record, read_native, write_native
from annotator.formats.offsets import OffsetUnit
from annotator.formats.records import (
    DEFAULT_LABELS,
    DEFAULT_RELATION_LABELS,
    DocumentRecord,
    ExportReport,
    ImportFailed,
    Problem,
    Skipped,
)
from annotator.formats.spacy_jsonl import read_prodigy, write_spacy
from annotator.formats.table import ImportFormat

__all__ = [
    "DEFAULT_LABELS",
    "DEFAULT_RELATION_LABELS",
    "FORMAT",
    "DoccanoShape",
    "DocumentRecord",
    "ExportReport",
    "ImportFailed",
    "ImportFormat",
    "OffsetUnit",
    "Problem",
    "Skipped",
    "atomic_write",
    "detect_format",
    "dumps_record",
    "labeling_config",
    "read_doccano",
    "read_file",
    "read_file_noted",
    "read_labelstudio",
    "read_native",
    "read_prodigy",
    "safe_file_stem",
    "validate",
    "write_brat",
    "write_conll",
    "write_doccano",
    "write_labelstudio",
    "write_native",
    "write_spacy",
]
