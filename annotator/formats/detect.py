"""Choosing an importer for a file, importing it, and validating it without importing."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from annotator.formats.doccano import parse_doccano
from annotator.formats.labelstudio import parse_labelstudio
from annotator.formats.native import parse_native
from annotator.formats.offsets import OffsetReading, OffsetUnit
from annotator.formats.records import DEFAULT_LABELS, DEFAULT_RELATION_LABELS, DocumentRecord, ImportFailed, Problem
from annotator.formats.spacy_jsonl import parse_prodigy
from annotator.formats.strictjson import MAX_LINE_BYTES
from annotator.formats.table import IMPORTS, ImportFormat, read_by_suffix
from annotator.model import SpanKind

#: The unit each format's offsets are read in unless ``--offset-unit`` says otherwise.
DEFAULT_UNITS: dict[ImportFormat, OffsetUnit] = {fmt: f.unit for fmt, f in IMPORTS.items()}
_TOOLS = {
    ImportFormat.NATIVE: "Hashiya",
    ImportFormat.DOCCANO: "doccano",
    ImportFormat.PRODIGY: "spaCy",
    ImportFormat.LABELSTUDIO: "Label Studio",
}
_DESCRIBED = {
    ImportFormat.NATIVE: "Hashiya native records",
    ImportFormat.DOCCANO: "doccano records",
    ImportFormat.PRODIGY: "Prodigy/spaCy records",
    ImportFormat.LABELSTUDIO: "Label Studio tasks",
}
_BOM = b"\xef\xbb\xbf"


def _shape(item: Any) -> ImportFormat | None:
    """The format one JSON object looks like, from its keys."""
    if not isinstance(item, dict):
        return None
    if "format" in item:
        return ImportFormat.NATIVE
    if "data" in item:
        return ImportFormat.LABELSTUDIO
    if "entities" in item or "label" in item:
        return ImportFormat.DOCCANO
    if "tokens" in item or "spans" in item:
        return ImportFormat.PRODIGY
    return None


def _first_line(path: Path) -> bytes:
    """The first line without its end (a BOM and leading whitespace dropped), up to the line size limit."""
    with path.open("rb") as handle:
        head = handle.read(len(_BOM))
        rest = handle.readline(MAX_LINE_BYTES) if head == _BOM else head + handle.readline(MAX_LINE_BYTES)
        line = rest.lstrip()
        while not line and rest:  # blank lines before the first record
            rest = handle.readline(MAX_LINE_BYTES)
            line = rest.lstrip()
    return line.rstrip(b"\r\n")


def _array_first_item(path: Path) -> tuple[bool, Any]:
    """Whether the file is a JSON array, and its first item (None if it cannot be read)."""
    with path.open("rb") as handle:
        data = handle.read(1 << 16)
        text = data.removeprefix(_BOM).lstrip()
        if not text.startswith(b"["):
            return False, None
        decoder = json.JSONDecoder()
        while True:
            try:
                body = text[1:].decode("utf-8").lstrip()
                if body.startswith("]"):
                    return True, None
                return True, decoder.raw_decode(body)[0]
            except (UnicodeDecodeError, ValueError, RecursionError):
                more = handle.read(max(len(text), 1 << 16))
                if not more:
                    return True, None
                text += more


def detect_format(path: Path) -> ImportFormat:
    """Guess the format from the name and the first line.

    ``.json`` is Label Studio, and so is a JSON array of tasks under any name. Otherwise the
    first line decides: ``"format"`` -> native, ``"entities"`` or ``"label"`` -> doccano,
    ``"tokens"`` or ``"spans"`` -> Prodigy. Anything unrecognisable is treated as native, whose
    reader reports the most.
    """
    path = Path(path)
    by_suffix = read_by_suffix(path)
    if by_suffix is not None:
        return by_suffix
    try:
        is_array, item = _array_first_item(path)
        if is_array:
            return ImportFormat.LABELSTUDIO if _shape(item) is ImportFormat.LABELSTUDIO else ImportFormat.NATIVE
        probe = json.loads(_first_line(path).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return ImportFormat.NATIVE
    found = _shape(probe)
    return ImportFormat.NATIVE if found in (None, ImportFormat.LABELSTUDIO) else found


def _array_problem(path: Path, fmt: ImportFormat) -> Problem | None:
    """A problem saying what the file is when it is one JSON array that ``fmt``'s reader cannot take."""
    try:
        is_array, item = _array_first_item(path)
    except OSError:
        return None
    if not is_array:
        return None
    shape = _shape(item)
    if fmt is ImportFormat.LABELSTUDIO and shape in (ImportFormat.LABELSTUDIO, None):
        return None
    what = f"one JSON array of {_DESCRIBED[shape]}" if shape is not None else "one JSON array"
    if shape is ImportFormat.LABELSTUDIO:
        return Problem(str(path), None, "", f"the file is {what}: import it as Label Studio (--format labelstudio)")
    return Problem(
        str(path),
        None,
        "",
        f"the file is {what}, not JSON Lines: {_TOOLS.get(shape or fmt, 'this format')} files hold one JSON "
        "object per line (write each item of the array on a line of its own)",
    )


def _parse(
    path: Path,
    fmt: ImportFormat,
    annotator: str | None,
    labels: Mapping[str, SpanKind],
    relation_labels: Collection[str],
    max_line_bytes: int,
    reading: OffsetReading,
) -> tuple[list[DocumentRecord], list[Problem]]:
    misfiled = _array_problem(path, fmt)
    if misfiled is not None:
        return [], [misfiled]
    if fmt is ImportFormat.NATIVE:
        if reading.unit is not OffsetUnit.CODEPOINT:
            return [], [Problem(str(path), None, "", "native files count code points (offset_unit 'codepoint')")]
        return parse_native(path, labels, relation_labels, annotator, max_line_bytes=max_line_bytes)
    if fmt is ImportFormat.LABELSTUDIO:
        return parse_labelstudio(path, annotator, labels, relation_labels, reading)
    layer = annotator or "imported"
    if fmt is ImportFormat.DOCCANO:
        return parse_doccano(path, layer, labels, relation_labels, max_line_bytes=max_line_bytes, reading=reading)
    return parse_prodigy(path, layer, labels, relation_labels, max_line_bytes=max_line_bytes, reading=reading)


def _reading(fmt: ImportFormat, unit: OffsetUnit | None) -> OffsetReading:
    return OffsetReading(unit or DEFAULT_UNITS[fmt], given=unit is not None)


def validate(
    path: Path,
    labels: Mapping[str, SpanKind] = DEFAULT_LABELS,
    relation_labels: Collection[str] = DEFAULT_RELATION_LABELS,
    fmt: ImportFormat | None = None,
    *,
    max_line_bytes: int = MAX_LINE_BYTES,
    unit: OffsetUnit | None = None,
) -> list[Problem]:
    """Every problem in ``path`` (format detected unless given); an empty list means it imports cleanly.

    ``max_line_bytes`` bounds one JSONL line; ``unit`` overrides the format's offset unit.
    """
    path = Path(path)
    fmt = fmt or detect_format(path)
    layer = None if fmt is ImportFormat.NATIVE else "validated"
    return _parse(path, fmt, layer, labels, relation_labels, max_line_bytes, _reading(fmt, unit))[1]


def read_file_noted(
    path: Path,
    annotator: str | None = None,
    fmt: ImportFormat | None = None,
    labels: Mapping[str, SpanKind] = DEFAULT_LABELS,
    relation_labels: Collection[str] = DEFAULT_RELATION_LABELS,
    *,
    max_line_bytes: int = MAX_LINE_BYTES,
    unit: OffsetUnit | None = None,
) -> tuple[list[DocumentRecord], list[str]]:
    """:func:`read_file`, and the notes an import prints (which offset unit it assumed, unchecked)."""
    path = Path(path)
    fmt = fmt or detect_format(path)
    if fmt in (ImportFormat.DOCCANO, ImportFormat.PRODIGY) and not annotator:
        raise ValueError(f"importing {fmt} needs the name of the annotator layer to import into")
    reading = _reading(fmt, unit)
    records, problems = _parse(path, fmt, annotator, labels, relation_labels, max_line_bytes, reading)
    if problems:
        raise ImportFailed(problems)
    note = reading.note(_TOOLS[fmt])
    return records, [note] if note else []


def read_file(
    path: Path,
    annotator: str | None = None,
    fmt: ImportFormat | None = None,
    labels: Mapping[str, SpanKind] = DEFAULT_LABELS,
    relation_labels: Collection[str] = DEFAULT_RELATION_LABELS,
    *,
    max_line_bytes: int = MAX_LINE_BYTES,
    unit: OffsetUnit | None = None,
) -> list[DocumentRecord]:
    """Import ``path`` into records for the layer ``annotator``, all or nothing.

    For native files ``annotator`` is optional (the file names its layers), and so for Label
    Studio predictions (named by their model version); doccano and Prodigy need it. ``unit``
    overrides the offset unit the format's tool counts. Raises :class:`ImportFailed` with every
    problem found.
    """
    return read_file_noted(path, annotator, fmt, labels, relation_labels, max_line_bytes=max_line_bytes, unit=unit)[0]
