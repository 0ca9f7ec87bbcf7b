"""Turning a foreign document (a text with offsets, labels and links) into a validated record.

Used by the doccano, Prodigy/spaCy and Label Studio importers. Offsets arrive in the unit of an
:class:`OffsetReading` (code points, UTF-16 units or grapheme clusters) into the text as the
foreign tool stored it; they are turned into code points, and if that text is not in stored form
(a BOM, CRLF or CR line ends) it is converted and every offset is carried over to the converted
text. A span text that differs, or offsets that do not fit, are refused with the unit in which
they would have fitted.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from annotator.formats.checks import Checker, derived_id, json_type, stored_form
from annotator.formats.offsets import UNIT_NAMES, InsideCharacter, OffsetIndex, OffsetReading, OffsetUnit, offset_index
from annotator.formats.records import DocumentRecord
from annotator.model import DocumentStatus, Relation, Span, SpanKind
from annotator.text import text_sha256, title_from_text

_STATUSES: dict[Any, DocumentStatus] = {status.value: status for status in DocumentStatus}


class ForeignDocument:
    """Collects spans and relations for one foreign document, reporting problems to ``ck``."""

    def __init__(
        self,
        ck: Checker,
        text: str,
        doc_id: str | None,
        annotator: str,
        labels: Mapping[str, SpanKind],
        relation_labels: Collection[str],
        reading: OffsetReading | None = None,
    ) -> None:
        self.ck = ck
        self.reading = reading or OffsetReading(OffsetUnit.CODEPOINT)
        self._index: OffsetIndex | None = None
        self.original = text
        self.text, self._map = stored_form(text)
        self.sha = text_sha256(self.text)
        self.doc_id = doc_id if doc_id else self.sha  # the text's hash: no id came with the document
        self.annotator = annotator
        self.labels = labels
        self.relation_labels = relation_labels
        self.spans: list[Span] = []
        self.relations: list[Relation] = []
        self.span_ids: set[str] = set()
        self._relation_ids: set[str] = set()
        if not self.text.strip():
            ck.fail("text", "the text is empty")

    def add_span(
        self,
        field: str,
        start: Any,
        end: Any,
        label: Any,
        covered: Any = None,
        span_id: str | None = None,
        attrs: dict[str, Any] | None = None,
        offset_names: tuple[str, str] = ("start", "end"),
    ) -> str | None:
        """Validate and keep one span; return its id, or None if it was reported.

        ``offset_names`` are the names of the offset fields in the foreign format, for messages.
        """
        ck = self.ck
        kind = ck.kind_of(self.labels, label, f"{field}.label")
        bounds = self._codepoints(field, start, end, offset_names)
        good = bounds is not None
        if bounds is not None:
            if covered is None:
                self.reading.unchecked += 1
            elif type(covered) is not str:
                ck.fail(f"{field}.text", f"expected a string, got {json_type(covered)}")
                good = False
            else:
                self.reading.checked += 1
                found = self.original[bounds[0] : bounds[1]]
                if found != covered:
                    ck.fail(
                        f"{field}.text",
                        f"span text {covered!r} differs from the text at [{start}, {end}) "
                        f"counted in {UNIT_NAMES[self.reading.unit]}: {found!r}"
                        + self.reading.hint(self.original, start, end, covered),
                    )
                    good = False
        if span_id is None:
            span_id = derived_id(self.doc_id, self.annotator, start, end, label, len(self.spans))
        if span_id in self.span_ids:
            ck.fail(f"{field}.id", f"duplicate span id {span_id!r}")
            good = False
        if not good or kind is None or bounds is None:
            return None
        start, end = bounds
        if self._map is not None:
            start, end = self._map[start], self._map[end]
            if start == end:
                ck.fail(field, "the span covers only a byte order mark or a carriage return")
                return None
        self.span_ids.add(span_id)
        self.spans.append(
            Span(span_id, self.doc_id, self.annotator, kind, label, start, end, self.text[start:end], attrs or {})
        )
        return span_id

    def _codepoints(self, field: str, start: Any, end: Any, names: tuple[str, str]) -> tuple[int, int] | None:
        """``[start, end)`` in the reading's unit as code points of the original text, or None if reported."""
        if self._index is None:
            self._index = offset_index(self.original, self.reading.unit)
        index, ck = self._index, self.ck
        unit = UNIT_NAMES[self.reading.unit]
        if type(start) is int and type(end) is int and 0 <= start < end and end > index.units:
            ck.fail(
                field,
                f"offsets [{start}, {end}) are out of range for a text of {index.units} {unit}"
                + self.reading.hint(self.original, start, end),
            )
            return None
        if not ck.offsets(index.units, start, end, field, names):
            return None
        try:
            return index.to_codepoints(start), index.to_codepoints(end)
        except InsideCharacter as error:
            ck.fail(
                field, f"offsets [{start}, {end}) in {unit}: {error}" + self.reading.hint(self.original, start, end)
            )
            return None

    def add_relation(
        self, field: str, label: Any, head: str | None, tail: str | None, rel_id: str | None = None
    ) -> None:
        """Keep one relation between spans already added; ``None`` ends were reported by the caller."""
        ck = self.ck
        if type(label) is not str:
            ck.fail(f"{field}.label", f"expected a label string, got {json_type(label)}")
            return
        if label not in self.relation_labels:
            ck.fail(f"{field}.label", f"unknown relation label {label!r} (not in the schema)")
            return
        if head is None or tail is None:
            return
        for end_name, target in (("head", head), ("tail", tail)):
            if target not in self.span_ids:
                ck.fail(f"{field}.{end_name}", f"relation refers to a missing span {target!r}")
                return
        if rel_id is None:
            rel_id = derived_id(self.doc_id, self.annotator, "relation", head, tail, label, len(self.relations))
        if rel_id in self._relation_ids:
            ck.fail(f"{field}.id", f"duplicate relation id {rel_id!r}")
            return
        self._relation_ids.add(rel_id)
        self.relations.append(Relation(rel_id, self.doc_id, self.annotator, label, head, tail))

    def record(self, title: Any = None, meta: dict[str, Any] | None = None) -> DocumentRecord | None:
        """The record, or None if any problem was reported for this document.

        ``meta`` is the foreign document's metadata; the layer fields our own exporters put there
        (``annotator``, ``status``) are taken out, and a valid ``status`` becomes the record's
        status (``done`` otherwise).
        """
        if self.ck.failed:
            return None
        meta = dict(meta or {})
        meta.pop("annotator", None)
        given = meta.pop("status", None)
        status = _STATUSES.get(given, DocumentStatus.DONE) if isinstance(given, str) else DocumentStatus.DONE
        return DocumentRecord(
            doc_id=self.doc_id,
            title=title if type(title) is str and title else title_from_text(self.text),
            text=self.text,
            text_sha256=self.sha,
            annotator=self.annotator,
            status=status,
            spans=tuple(self.spans),
            relations=tuple(self.relations),
            meta=meta,
        )


def collect(records: list[DocumentRecord], seen: dict[str, str], record: DocumentRecord | None, ck: Checker) -> None:
    """Append ``record`` unless it repeats a document already read (reported as a problem)."""
    if record is None:
        return
    if record.doc_id in seen:
        ck.fail("", f"duplicate document {record.doc_id!r} (first {seen[record.doc_id]})")
        return
    seen[record.doc_id] = f"on line {ck.line}" if ck.line is not None else f"in task {ck.task}"
    records.append(record)
