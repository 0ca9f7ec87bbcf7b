"""brat standoff: ``<name>.txt`` and ``<name>.ann`` per record, in a folder or a zip file.

The ``.txt`` is the stored text as UTF-8 with ``\\n`` line ends. brat reads it as UTF-8 and
counts offsets in characters of the decoded text; on a Python build with 4-byte strings (every
Python 3, and Python 2 on Linux) that is code points, so offsets are written as code points.
(A Python 2 "narrow" build, as on old Windows and macOS, counted UTF-16 units instead; the report
notes texts with characters above U+FFFF.)

``.ann`` lines, numbered in span order:

- ``T1<TAB>LABEL start end<TAB>text``; a span that crosses line breaks (``\\n``, U+2028, ...) or
  tabs is written as fragments ``start end;start end`` around them, since the text column cannot
  hold them; the text column is the fragments joined by single spaces, as brat writes it;
- ``R1<TAB>LABEL Arg1:T1 Arg2:T2`` for relations;
- ``A1<TAB>name T1 value`` for attributes whose value is ``true`` (no value written) or a
  string without whitespace; any other attribute, the registry reference and the original
  span id go into ``#1<TAB>AnnotatorNotes T1<TAB>...`` notes as JSON.

File names come from :func:`annotator.formats.atomic.safe_file_stem`, so no document id can
make a file land outside the chosen folder.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.formats.atomic import atomic_writer, replace_folder_files, safe_file_stem
from annotator.formats.native import sorted_spans
from annotator.formats.records import DocumentRecord, ExportReport
from annotator.offsets import has_astral

# A name or value that brat can hold on its ``A`` line: no whitespace and no line end at all
# (matched whole: ``$`` would let a trailing "\n" through).
_ATTRIBUTE_VALUE = re.compile(r"[^\s\x1c-\x1f\x85\u2028\u2029]+")
# Runs of characters that may stand in the text column: no tab (the column separator) and
# nothing that str.splitlines() or a file reader would take for a line end.
_FRAGMENT = re.compile("[^\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


def _one_line_json(value: Any) -> str:
    """JSON that no line reader can split: the separators JSON leaves raw are escaped too."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


def record_to_ann(record: DocumentRecord, report: ExportReport) -> str:
    """The ``.ann`` text for one record."""
    lines: list[str] = []
    numbers: dict[str, str] = {}
    attribute_count = 0
    note_count = 0
    text = record.text
    for i, span in enumerate(sorted_spans(record.spans), start=1):
        tag = f"T{i}"
        numbers[span.id] = tag
        fragments = [(m.start(), m.end()) for m in _FRAGMENT.finditer(text, span.start, span.end)]
        if not fragments:
            report.skip(record.doc_id, span.id, "the span covers only line breaks or tabs")
            continue
        ranges = ";".join(f"{a} {b}" for a, b in fragments)
        covered = " ".join(text[a:b] for a, b in fragments)
        lines.append(f"{tag}\t{span.label} {ranges}\t{covered}")
        note: dict[str, Any] = {"id": span.id}
        if span.ref is not None:
            note["ref"] = span.ref
        other: dict[str, Any] = {}
        for name, value in span.attributes.items():
            if value is True and _ATTRIBUTE_VALUE.fullmatch(name):
                attribute_count += 1
                lines.append(f"A{attribute_count}\t{name} {tag}")
            elif isinstance(value, str) and _ATTRIBUTE_VALUE.fullmatch(value) and _ATTRIBUTE_VALUE.fullmatch(name):
                attribute_count += 1
                lines.append(f"A{attribute_count}\t{name} {tag} {value}")
            else:
                other[name] = value
        if other:
            note["attrs"] = other
        note_count += 1
        lines.append(f"#{note_count}\tAnnotatorNotes {tag}\t{_one_line_json(note)}")
        report.spans += 1
    for i, relation in enumerate(sorted(record.relations, key=lambda r: r.id), start=1):
        head, tail = numbers.get(relation.head), numbers.get(relation.tail)
        if head is None or tail is None:
            report.skip(record.doc_id, relation.id, "the relation links a span that was not written")
            continue
        lines.append(f"R{i}\t{relation.label} Arg1:{head} Arg2:{tail}")
        report.relations += 1
    if has_astral(text):
        report.astral_documents += 1
    return "".join(line + "\n" for line in lines)


def _stems(records: list[DocumentRecord]) -> list[str]:
    """One distinct file stem per record; the layer name is added when several layers are written."""
    stems: list[str] = []
    used: set[str] = set()
    several_layers = len({r.annotator for r in records}) > 1
    for record in records:
        stem = safe_file_stem(f"{record.doc_id}.{record.annotator}" if several_layers else record.doc_id)
        candidate, n = stem, 2
        while candidate.lower() in used:
            candidate = f"{stem}-{n}"
            n += 1
        used.add(candidate.lower())
        stems.append(candidate)
    return stems


def write_brat(records: Iterable[DocumentRecord], target: Path) -> ExportReport:
    """Write ``records`` as brat standoff into the folder ``target``, or into a zip if it ends in ``.zip``.

    The folder is created if needed; all files reach it or none do (see replace_folder_files). A zip is built in a
    temporary file and renamed over ``target``.
    """
    target = Path(target)
    items = list(records)
    stems = _stems(items)
    report = ExportReport("brat")
    contents: list[tuple[str, bytes]] = []
    for record, stem in zip(items, stems, strict=True):
        contents.append((f"{stem}.txt", record.text.encode("utf-8")))
        contents.append((f"{stem}.ann", record_to_ann(record, report).encode("utf-8")))
        report.documents += 1
    if report.astral_documents:
        report.notes.append(
            f"{report.astral_documents} document(s) have characters above U+FFFF; offsets are code points, "
            "which narrow Python 2 builds of brat count differently"
        )
    if target.suffix.lower() == ".zip":
        with atomic_writer(target) as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in contents:
                archive.writestr(name, data)
        report.paths.append(target)
    else:
        report.paths.extend(replace_folder_files(target, contents))
    return report
