"""Choosing an importer for a file, importing it, and validating it without importing."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from enum import StrEnum
from pathlib import Path

from annotator.formats.doccano import parse_doccano
from annotator.formats.labelstudio import parse_labelstudio
from annotator.formats.native import parse_native
from annotator.formats.records import DEFAULT_LABELS, DEFAULT_RELATION_LABELS, DocumentRecord, ImportFailed, Problem
from annotator.formats.spacy_jsonl import parse_prodigy
from annotator.formats.strictjson import MAX_LINE_BYTES
from annotator.model import SpanKind


class ImportFormat(StrEnum):
    NATIVE = "native"
    DOCCANO = "doccano"
    PRODIGY = "prodigy"
    LABELSTUDIO = "labelstudio"


_PROBE_BYTES = 1 << 20


def detect_format(path: Path) -> ImportFormat:
    """Guess the format from the name and the first line.

    ``.json`` is Label Studio. Otherwise the first line decides: ``"format"`` -> native,
    ``"entities"`` or ``"label"`` -> doccano, ``"tokens"`` or ``"spans"`` -> Prodigy. Anything
    unrecognisable is treated as native, whose reader reports the most.
    """
    path = Path(path)
    if path.suffix.lower() == ".json":
        return ImportFormat.LABELSTUDIO
    try:
        with path.open("rb") as handle:
            first = handle.read(_PROBE_BYTES).lstrip(b"\xef\xbb\xbf").lstrip().split(b"\n", 1)[0]
        probe = json.loads(first.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return ImportFormat.NATIVE
    if isinstance(probe, dict):
        if "format" in probe:
            return ImportFormat.NATIVE
        if "entities" in probe or "label" in probe:
            return ImportFormat.DOCCANO
        if "tokens" in probe or "spans" in probe:
            return ImportFormat.PRODIGY
    return ImportFormat.NATIVE


def _parse(
    path: Path,
    fmt: ImportFormat,
    annotator: str | None,
    labels: Mapping[str, SpanKind],
    relation_labels: Collection[str],
    max_line_bytes: int,
) -> tuple[list[DocumentRecord], list[Problem]]:
    if fmt is ImportFormat.NATIVE:
        return parse_native(path, labels, relation_labels, annotator, max_line_bytes=max_line_bytes)
    layer = annotator or "imported"
    if fmt is ImportFormat.DOCCANO:
        return parse_doccano(path, layer, labels, relation_labels, max_line_bytes=max_line_bytes)
    if fmt is ImportFormat.PRODIGY:
        return parse_prodigy(path, layer, labels, relation_labels, max_line_bytes=max_line_bytes)
    return parse_labelstudio(path, layer, labels, relation_labels)


def validate(
    path: Path,
    labels: Mapping[str, SpanKind] = DEFAULT_LABELS,
    relation_labels: Collection[str] = DEFAULT_RELATION_LABELS,
    fmt: ImportFormat | None = None,
    *,
    max_line_bytes: int = MAX_LINE_BYTES,
) -> list[Problem]:
    """Every problem in ``path`` (format detected unless given); an empty list means it imports cleanly.

    ``max_line_bytes`` bounds one JSONL line.
    """
    path = Path(path)
    return _parse(path, fmt or detect_format(path), None, labels, relation_labels, max_line_bytes)[1]


def read_file(
    path: Path,
    annotator: str | None = None,
    fmt: ImportFormat | None = None,
    labels: Mapping[str, SpanKind] = DEFAULT_LABELS,
    relation_labels: Collection[str] = DEFAULT_RELATION_LABELS,
    *,
    max_line_bytes: int = MAX_LINE_BYTES,
) -> list[DocumentRecord]:
    """Import ``path`` into records for the layer ``annotator``, all or nothing.

    For native files ``annotator`` is optional (the file names its layers); the other formats
    need it. Raises :class:`ImportFailed` with every problem found.
    """
    path = Path(path)
    fmt = fmt or detect_format(path)
    if fmt is not ImportFormat.NATIVE and not annotator:
        raise ValueError(f"importing {fmt} needs the name of the annotator layer to import into")
    records, problems = _parse(path, fmt, annotator, labels, relation_labels, max_line_bytes)
    if problems:
        raise ImportFailed(problems)
    return records
