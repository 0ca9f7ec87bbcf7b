"""spaCy / Prodigy JSONL: tokens with character offsets, token-indexed spans and relations.

One line per record::

    {"text": ..., "tokens": [{"text", "start", "end", "id", "ws"}],
     "spans": [{"start", "end", "token_start", "token_end", "label", "id"}],
     "relations": [{"head", "child", "head_span", "child_span", "label", "id"}],
     "meta": {"doc_id", "title", "annotator", "status"}}

Offsets are code points (Python, like spaCy). ``token_end`` is inclusive. Relation ``head`` and
``child`` are the indices of the last token of the head and child spans, as Prodigy writes them.
Tokens come from :func:`annotator.tokenize.tokenize` with every span boundary as a forced split
point, so every span maps onto whole tokens. Whitespace is kept as spaCy does: one ordinary space
after a token is its ``ws`` flag, any other whitespace is a token of its own, so the tokens
rebuild the text exactly and ``spacy.tokens.Doc(vocab, words, spaces)`` has the same text.
Span attributes and registry references have no place in this format; the report counts them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Any

from annotator.formats.atomic import write_jsonl
from annotator.formats.checks import Checker, json_type
from annotator.formats.foreign import ForeignDocument, collect
from annotator.formats.native import sorted_spans
from annotator.formats.offsets import OffsetReading, OffsetUnit
from annotator.formats.records import (
    DEFAULT_LABELS,
    DEFAULT_RELATION_LABELS,
    DocumentRecord,
    ExportReport,
    ImportFailed,
    Problem,
)
from annotator.formats.strictjson import MAX_LINE_BYTES, iter_jsonl
from annotator.model import SpanKind
from annotator.tokenize import tokenize


def spacy_tokens(text: str, starts: Iterable[int] = (), ends: Iterable[int] = ()) -> list[dict[str, Any]]:
    """spaCy-style tokens covering all of ``text`` (see the module docstring).

    ``starts`` and ``ends`` are span boundaries that must be token boundaries. Whitespace runs
    are cut at them too, and a space is not folded into the previous token's ``ws`` flag when a
    span starts on it or ends just after it.
    """
    start_set, end_set = set(starts), set(ends)
    points = sorted(start_set | end_set)
    out: list[dict[str, Any]] = []

    def add(a: int, b: int) -> None:
        out.append({"text": text[a:b], "start": a, "end": b, "id": len(out), "ws": False})

    def gap(g0: int, g1: int) -> None:
        if g0 == g1:
            return
        if out and text[g0] == " " and g0 not in start_set and g0 + 1 not in end_set:
            out[-1]["ws"] = True
            g0 += 1
        cuts = points[bisect_right(points, g0) : bisect_left(points, g1)]
        for a, b in pairwise([g0, *cuts, g1]):
            if a < b:
                add(a, b)

    position = 0
    for token in tokenize(text, points):
        gap(position, token.start)
        add(token.start, token.end)
        position = token.end
    gap(position, len(text))
    return out


def record_to_spacy(record: DocumentRecord, report: ExportReport) -> dict[str, Any]:
    """The JSON object of one line; spans that cannot be placed on tokens are added to ``report``."""
    spans = sorted_spans(record.spans)
    tokens = spacy_tokens(record.text, (s.start for s in spans), (s.end for s in spans))
    by_start = {t["start"]: t["id"] for t in tokens}
    by_end = {t["end"]: t["id"] for t in tokens}
    out_spans: list[dict[str, Any]] = []
    placed: dict[str, dict[str, Any]] = {}
    for span in spans:
        first, last = by_start.get(span.start), by_end.get(span.end)
        if first is None or last is None:
            report.skip(record.doc_id, span.id, "the span does not start and end on token boundaries")
            continue
        item = {
            "start": span.start,
            "end": span.end,
            "token_start": first,
            "token_end": last,
            "label": span.label,
            "id": span.id,
        }
        out_spans.append(item)
        placed[span.id] = item
        if span.attributes or span.ref:
            report.written_partly(record.doc_id, span.id, "attributes or registry reference")
    relations: list[dict[str, Any]] = []
    for relation in sorted(record.relations, key=lambda r: r.id):
        head, child = placed.get(relation.head), placed.get(relation.tail)
        if head is None or child is None:
            report.skip(record.doc_id, relation.id, "the relation links a span that was not written")
            continue
        relations.append(
            {
                "head": head["token_end"],
                "child": child["token_end"],
                "head_span": head,
                "child_span": child,
                "label": relation.label,
                "id": relation.id,
            }
        )
    report.documents += 1
    report.spans += len(out_spans)
    report.relations += len(relations)
    return {
        "text": record.text,
        "tokens": tokens,
        "spans": out_spans,
        "relations": relations,
        "meta": {
            "doc_id": record.doc_id,
            "title": record.title,
            "annotator": record.annotator,
            "status": str(record.status),
        },
    }


def write_spacy(records: Iterable[DocumentRecord], path: Path) -> ExportReport:
    """Write ``records`` as spaCy/Prodigy JSONL to ``path``, atomically."""
    report = ExportReport("spacy", paths=[Path(path)])
    write_jsonl(Path(path), (record_to_spacy(record, report) for record in records))
    return report


def parse_prodigy(
    path: Path,
    annotator: str,
    labels: Mapping[str, SpanKind] = DEFAULT_LABELS,
    relation_labels: Collection[str] = DEFAULT_RELATION_LABELS,
    *,
    max_line_bytes: int = MAX_LINE_BYTES,
    reading: OffsetReading | None = None,
) -> tuple[list[DocumentRecord], list[Problem]]:
    """Records and problems of a Prodigy/spaCy JSONL file (lines answered other than "accept" are skipped).

    Spans need ``start``, ``end`` and ``label``; ``token_start``/``token_end``, when present with
    ``tokens``, must point at tokens with the same character offsets. Relations find their spans
    by ``id`` when the span objects carry one, else by offsets and label.
    """
    reading = reading or OffsetReading(OffsetUnit.CODEPOINT)  # spaCy's character offsets
    problems: list[Problem] = []
    records: list[DocumentRecord] = []
    seen: dict[str, str] = {}
    for line, obj, _, _ in iter_jsonl(Path(path), problems, max_line_bytes):
        ck = Checker(str(path), problems, line=line)
        if type(obj) is not dict:
            ck.fail("", f"expected a JSON object, got {json_type(obj)}")
            continue
        answer = obj.get("answer", "accept")
        if answer != "accept":
            continue
        text = ck.string(obj, "text", "text", nonempty=True)
        meta = ck.optional_obj(obj, "meta", "meta")
        if text is None:
            continue
        doc_id = meta.get("doc_id") if type(meta.get("doc_id")) is str else None
        doc = ForeignDocument(ck, text, doc_id, annotator, labels, relation_labels, reading)
        tokens = obj.get("tokens")
        raw_spans = obj.get("spans", [])
        if type(raw_spans) is not list:
            ck.fail("spans", f"expected an array, got {json_type(raw_spans)}")
            raw_spans = []
        keys: dict[tuple[Any, Any, Any], str] = {}
        for i, s in enumerate(raw_spans):
            field = f"spans[{i}]"
            if type(s) is not dict:
                ck.fail(field, f"expected an object, got {json_type(s)}")
                continue
            for key in ("start", "end", "label"):
                if key not in s:
                    ck.fail(f"{field}.{key}", "missing field")
            if not {"start", "end", "label"} <= s.keys():
                continue
            _check_token_indices(ck, s, tokens, field)
            given = s.get("id")
            span_id = doc.add_span(
                field, s["start"], s["end"], s["label"], s.get("text"), given if type(given) is str and given else None
            )
            if span_id is not None:
                keys.setdefault((s["start"], s["end"], s["label"]), span_id)
        raw_relations = obj.get("relations", [])
        if type(raw_relations) is not list:
            ck.fail("relations", f"expected an array, got {json_type(raw_relations)}")
            raw_relations = []
        for i, r in enumerate(raw_relations):
            field = f"relations[{i}]"
            if type(r) is not dict:
                ck.fail(field, f"expected an object, got {json_type(r)}")
                continue
            ends = [_find_span(ck, doc, keys, r.get(key), f"{field}.{key}") for key in ("head_span", "child_span")]
            given = r.get("id")
            doc.add_relation(field, r.get("label"), ends[0], ends[1], given if type(given) is str and given else None)
        record = doc.record(meta.get("title"), {k: v for k, v in meta.items() if k not in ("doc_id", "title")})
        collect(records, seen, record, ck)
    if not records and not problems:
        problems.append(Problem.empty_file(path))
    return records, problems


def read_prodigy(
    path: Path,
    annotator: str,
    labels: Mapping[str, SpanKind] = DEFAULT_LABELS,
    relation_labels: Collection[str] = DEFAULT_RELATION_LABELS,
) -> list[DocumentRecord]:
    """Every record of a Prodigy/spaCy JSONL file, or :class:`ImportFailed` (all or nothing)."""
    records, problems = parse_prodigy(path, annotator, labels, relation_labels)
    if problems:
        raise ImportFailed(problems)
    return records


def _check_token_indices(ck: Checker, span: dict[str, Any], tokens: Any, field: str) -> None:
    if type(tokens) is not list:
        return
    for key, offset_key in (("token_start", "start"), ("token_end", "end")):
        if key not in span:
            continue
        index = span[key]
        if type(index) is not int:
            ck.fail(f"{field}.{key}", f"expected an integer, got {json_type(index)}")
        elif not 0 <= index < len(tokens):
            ck.fail(f"{field}.{key}", f"token index {index} is out of range ({len(tokens)} tokens)")
        else:
            token = tokens[index]
            if type(token) is not dict or token.get(offset_key) != span[offset_key]:
                ck.fail(f"{field}.{key}", f"token {index} does not {offset_key} where the span does")


def _find_span(
    ck: Checker, doc: ForeignDocument, keys: dict[tuple[Any, Any, Any], str], ref: Any, field: str
) -> str | None:
    if type(ref) is not dict:
        ck.fail(field, "missing field" if ref is None else f"expected an object, got {json_type(ref)}")
        return None
    given = ref.get("id")
    if type(given) is str and given in doc.span_ids:
        return given
    key = (ref.get("start"), ref.get("end"), ref.get("label"))
    try:
        found = keys.get(key)
    except TypeError:
        found = None
    if found is None:
        ck.fail(field, "relation refers to a missing span (no span with these offsets and label)")
    return found
