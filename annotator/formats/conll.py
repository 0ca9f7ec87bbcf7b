"""CoNLL BIO for NER training: one ``token<TAB>tag`` line per token, a blank line between sentences.

Each document starts with a ``-DOCSTART-<TAB>O`` line followed by a blank line. Sentences end at
line breaks and after ``. ! ? ؟ … ۔`` (never inside a span). BIO cannot nest, so overlapping
spans are flattened: spans are taken longest-first from the left and any span that overlaps one
already taken is dropped and counted in the report. Tokens are split at the boundaries of the
spans kept, so a span inside a word (روسيا in لروسيا) keeps its exact extent.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from annotator.formats.atomic import atomic_writer
from annotator.formats.native import sorted_spans
from annotator.formats.records import DocumentRecord, ExportReport
from annotator.model import Span
from annotator.tokenize import sentence_breaks, tokenize


def outermost(spans: Iterable[Span]) -> tuple[list[Span], list[tuple[Span, Span]]]:
    """The spans kept when flattening, and each dropped span with the kept span it overlaps."""
    kept: list[Span] = []
    dropped: list[tuple[Span, Span]] = []
    for span in sorted_spans(spans):
        if kept and span.start < kept[-1].end:
            dropped.append((span, kept[-1]))
        else:
            kept.append(span)
    return kept, dropped


def record_to_conll(record: DocumentRecord, report: ExportReport) -> str:
    """The CoNLL block of one record, starting with its ``-DOCSTART-`` line.

    A span that starts or ends on whitespace cannot be tagged; it is left out before flattening,
    so that the spans inside it are flattened without it and written if they can be.
    """
    text = record.text
    candidates = list(record.spans)
    while True:
        kept, dropped = outermost(candidates)
        tokens = tokenize(text, [p for s in kept for p in (s.start, s.end)])
        starts = {t.start: i for i, t in enumerate(tokens)}
        ends = {t.end: i for i, t in enumerate(tokens)}
        untaggable = {s.id for s in kept if s.start not in starts or s.end not in ends}
        if not untaggable:
            break
        for span in kept:
            if span.id in untaggable:
                report.skip(record.doc_id, span.id, "the span starts or ends on whitespace")
        candidates = [s for s in candidates if s.id not in untaggable]
    for span, by in dropped:
        how = "nested inside" if span.end <= by.end else "overlaps"
        report.skip(record.doc_id, span.id, f"BIO cannot nest spans: it {how} span {by.id}, which was kept")
    for relation in record.relations:
        report.skip(record.doc_id, relation.id, "CoNLL BIO has no relations")
    tags = ["O"] * len(tokens)
    inside_span = [False] * len(tokens)
    for span in kept:
        first, last = starts[span.start], ends[span.end]
        tags[first] = f"B-{span.label}"
        for i in range(first + 1, last + 1):
            tags[i] = f"I-{span.label}"
            inside_span[i] = True
        report.spans += 1
    out = ["-DOCSTART-\tO\n\n"]
    breaks = {i for i in sentence_breaks(text, tokens) if not inside_span[i]}
    for i, (token, tag) in enumerate(zip(tokens, tags, strict=True)):
        if i in breaks:
            out.append("\n")
        out.append(f"{token.text}\t{tag}\n")
    out.append("\n")
    report.documents += 1
    return "".join(out)


def write_conll(records: Iterable[DocumentRecord], path: Path) -> ExportReport:
    """Write ``records`` as one CoNLL BIO file, atomically."""
    report = ExportReport("conll", paths=[Path(path)])
    with atomic_writer(Path(path)) as handle:
        for record in records:
            handle.write(record_to_conll(record, report).encode("utf-8"))
    if report.skipped:
        nested = sum(1 for s in report.skipped if s.reason.startswith("BIO cannot nest"))
        report.notes.append(f"{nested} overlapping or nested span(s) dropped when flattening to the outermost")
    return report
