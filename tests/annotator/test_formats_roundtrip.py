"""Round trips over random documents: Arabic, diacritics, emoji, NBSP, nested and overlapping spans.

Native must come back byte for byte; every other format must keep every span it can express,
with the same text, when its own output is parsed back (by our importers, or by the small
readers below for brat and CoNLL, which have no importer).
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.formats import (
    DEFAULT_LABELS,
    DEFAULT_RELATION_LABELS,
    DoccanoShape,
    DocumentRecord,
    read_doccano,
    read_labelstudio,
    read_native,
    read_prodigy,
    write_brat,
    write_conll,
    write_doccano,
    write_labelstudio,
    write_native,
    write_spacy,
)
from annotator.model import DocumentStatus, Relation, Span

PIECES = [
    "روسيا",
    "لروسيا",
    "بيونغ",
    "يانغ",
    "مُحَمَّدٌ",
    "الـــدولة",
    "10,000",
    "1950-53",
    "٢٠٢٤",
    "«",
    "»",
    "،",
    "؟",
    ".",
    "NATO",
    "👍🏽",
    "👨\u200d👩\u200d👧",
    "𝔸",
    "🇸🇦",
]
SEPARATORS = [" ", " ", " ", "", "\u00a0", "\n", "\n\n", "\u2028", "  ", "\t"]
LABELS = sorted(DEFAULT_LABELS)
RELATION_LABELS = sorted(DEFAULT_RELATION_LABELS)
ATTR_VALUES = st.one_of(
    st.booleans(), st.integers(-5, 5), st.text(max_size=5), st.none(), st.sampled_from(["denied", "a b"])
)


@st.composite
def documents(draw: st.DrawFn, annotator: str = "huda") -> DocumentRecord:
    parts = draw(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), min_size=1, max_size=25))
    text = draw(st.sampled_from(["", " ", "\n"])) + "".join(p + s for p, s in parts)
    doc_id = draw(st.sampled_from(["d1", "../etc/passwd", "وثيقة 1", "a/b\\c", "CON"]))
    spans: list[Span] = []
    seen: set[tuple[int, int, str]] = set()
    for i in range(draw(st.integers(0, 12))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 30)))
        label = draw(st.sampled_from(LABELS))
        if (start, end, label) in seen:
            continue
        seen.add((start, end, label))
        attrs = draw(st.dictionaries(st.sampled_from(["stance", "certainty", "note x", "n"]), ATTR_VALUES, max_size=2))
        ref = draw(st.one_of(st.none(), st.sampled_from(["Q159", "treaty-1"])))
        spans.append(
            Span(f"s{i}", doc_id, annotator, DEFAULT_LABELS[label], label, start, end, text[start:end], attrs, ref)
        )
    relations: list[Relation] = []
    if spans:
        for j in range(draw(st.integers(0, 4))):
            head, tail = draw(st.sampled_from(spans)), draw(st.sampled_from(spans))
            relations.append(
                Relation(f"r{j}", doc_id, annotator, draw(st.sampled_from(RELATION_LABELS)), head.id, tail.id, {})
            )
    return DocumentRecord(
        doc_id=doc_id,
        title=draw(st.sampled_from(["", "عنوان", "title"])),
        text=text,
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        annotator=annotator,
        status=draw(st.sampled_from(list(DocumentStatus))),
        spans=tuple(spans),
        relations=tuple(relations),
        meta=draw(st.dictionaries(st.sampled_from(["source", "ملاحظة"]), ATTR_VALUES, max_size=2)),
    )


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def triples(spans: Any) -> Counter[tuple[int, int, str, str]]:
    return Counter((s.start, s.end, s.label, s.text) for s in spans)


@SETTINGS
@given(st.lists(documents(), min_size=1, max_size=3, unique_by=lambda r: r.doc_id))
def test_native_round_trip_is_byte_exact(tmp_path: Path, records: list[DocumentRecord]) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_native(records, first)
    back = read_native(first)
    write_native(back, second)
    assert second.read_bytes() == first.read_bytes()
    for original, parsed in zip(records, back, strict=True):
        assert sorted(parsed.spans, key=lambda s: s.id) == sorted(original.spans, key=lambda s: s.id)
        assert sorted(parsed.relations, key=lambda r: r.id) == sorted(original.relations, key=lambda r: r.id)
        assert (parsed.meta, parsed.status, parsed.text) == (original.meta, original.status, original.text)


@SETTINGS
@given(documents())
def test_spacy_keeps_every_span_and_relation(tmp_path: Path, record: DocumentRecord) -> None:
    path = tmp_path / "spacy.jsonl"
    report = write_spacy([record], path)
    assert report.skipped == []
    line = json.loads(path.read_text(encoding="utf-8"))
    assert "".join(t["text"] + (" " if t["ws"] else "") for t in line["tokens"]) == record.text
    for item in line["spans"]:
        tokens = line["tokens"]
        assert tokens[item["token_start"]]["start"] == item["start"]
        assert tokens[item["token_end"]]["end"] == item["end"]
    [back] = read_prodigy(path, "huda")
    assert (back.doc_id, back.status, back.meta) == (record.doc_id, record.status, {})
    if record.title:
        assert back.title == record.title
    assert triples(back.spans) == triples(record.spans)
    assert {(r.id, r.label, r.head, r.tail) for r in back.relations} == {
        (r.id, r.label, r.head, r.tail) for r in record.relations
    }


@SETTINGS
@given(documents())
def test_doccano_both_shapes_keep_every_span(tmp_path: Path, record: DocumentRecord) -> None:
    by_id = {s.id: s for s in record.spans}
    for shape in DoccanoShape:
        path = tmp_path / f"{shape}.jsonl"
        report = write_doccano([record], path, shape)
        [back] = read_doccano(path, "huda")
        assert triples(back.spans) == triples(record.spans)
        assert (back.doc_id, back.status, back.meta) == (record.doc_id, record.status, {})
        if shape is DoccanoShape.LABELS:
            assert back.relations == ()
            assert sorted(s.item_id for s in report.skipped) == sorted(r.id for r in record.relations)
        else:
            back_by_id = {s.id: s for s in back.spans}

            def key(s: Span) -> tuple[int, int, str]:
                return (s.start, s.end, s.label)

            assert Counter(
                (r.label, key(back_by_id[r.head]), key(back_by_id[r.tail])) for r in back.relations
            ) == Counter((r.label, key(by_id[r.head]), key(by_id[r.tail])) for r in record.relations)


@SETTINGS
@given(documents())
def test_label_studio_uses_code_points_and_keeps_every_span(tmp_path: Path, record: DocumentRecord) -> None:
    path = tmp_path / "ls.json"
    write_labelstudio([record], path)
    [task] = json.loads(path.read_text(encoding="utf-8"))
    by_id = {s.id: s for s in record.spans}
    regions = [r for r in task["annotations"][0]["result"] if r["type"] == "labels"]
    assert len(regions) == len(record.spans)
    for region in regions:
        span = by_id[region["id"]]
        # Label Studio's editor indexes [...text]: one position per code point.
        assert [*record.text][region["value"]["start"] : region["value"]["end"]] == [*span.text]
    [back] = read_labelstudio(path, "huda")
    assert {(s.id, s.start, s.end, s.label, s.text) for s in back.spans} == {
        (s.id, s.start, s.end, s.label, s.text) for s in record.spans
    }
    assert Counter((r.label, r.head, r.tail) for r in back.relations) == Counter(
        (r.label, r.head, r.tail) for r in record.relations
    )


# What brat can show in an .ann text column: no tab, nothing str.splitlines() breaks at.
BRAT_FRAGMENT = re.compile("[^\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


def read_ann(ann: str, txt: str) -> dict[str, tuple[str, list[tuple[int, int]]]]:
    """Span id (from the notes) -> (label, fragments), checking each T line's text column."""
    tags: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    ids: dict[str, str] = {}
    for line in ann.split("\n")[:-1]:
        fields = line.split("\t")
        if line.startswith("T"):
            label, _, ranges = fields[1].partition(" ")
            fragments = [(int(a), int(b)) for a, b in (r.split(" ") for r in ranges.split(";"))]
            assert fields[2] == " ".join(txt[a:b] for a, b in fragments)
            tags[fields[0]] = (label, fragments)
        elif line.startswith("#"):
            ids[fields[1].split(" ")[1]] = json.loads(fields[2])["id"]
    return {ids[tag]: value for tag, value in tags.items()}


@SETTINGS
@given(documents())
def test_brat_keeps_every_span_with_its_text(tmp_path: Path, record: DocumentRecord) -> None:
    target = tmp_path / "brat.zip"
    report = write_brat([record], target)
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert all("/" not in n and "\\" not in n and not n.startswith(".") for n in names)
        [txt_name] = [n for n in names if n.endswith(".txt")]
        txt = archive.read(txt_name).decode("utf-8")
        ann = archive.read(txt_name[:-4] + ".ann").decode("utf-8")
    assert txt == record.text
    spans = read_ann(ann, txt)
    skipped = {s.item_id for s in report.skipped}
    for span in record.spans:
        if span.id in skipped:
            assert not BRAT_FRAGMENT.search(span.text)
            continue
        label, fragments = spans[span.id]
        assert label == span.label
        runs = [(m.start() + span.start, m.end() + span.start) for m in BRAT_FRAGMENT.finditer(span.text)]
        assert fragments == runs
        if BRAT_FRAGMENT.fullmatch(span.text):
            assert fragments == [(span.start, span.end)]
    assert ann.count("\nR") + ann.startswith("R") == len(record.relations) - len(
        skipped & {r.id for r in record.relations}
    )


def read_conll(data: str, texts: list[str]) -> list[set[tuple[int, int, str]]]:
    """Spans per document, placing each token by searching the document text from the last one."""
    documents: list[set[tuple[int, int, str]]] = []
    blocks = data.split("-DOCSTART-\tO\n")[1:]
    for block, text in zip(blocks, texts, strict=True):
        spans: set[tuple[int, int, str]] = set()
        position = 0
        current: list[Any] | None = None
        for line in block.split("\n"):
            if not line:
                continue
            token, tag = line.split("\t")
            start = text.index(token, position)
            assert text[position:start].strip() == ""
            position = start + len(token)
            if tag.startswith("B-"):
                current = [start, position, tag[2:]]
                spans.add(tuple(current))
            elif tag.startswith("I-"):
                assert current is not None and current[2] == tag[2:]
                spans.discard(tuple(current))
                current[1] = position
                spans.add(tuple(current))
            else:
                current = None
        assert text[position:].strip() == ""
        documents.append(spans)
    return documents


@SETTINGS
@given(documents())
def test_conll_keeps_the_outermost_spans_and_reports_the_rest(tmp_path: Path, record: DocumentRecord) -> None:
    path = tmp_path / "out.conll"
    report = write_conll([record], path)
    [spans] = read_conll(path.read_text(encoding="utf-8"), [record.text])
    written = {s.id: s for s in record.spans if (s.start, s.end, s.label) in spans}
    assert {(s.start, s.end, s.label) for s in written.values()} == spans
    ordered = sorted(written.values(), key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in pairwise(ordered))
    skipped = {s.item_id: s.reason for s in report.skipped if s.item_id not in {r.id for r in record.relations}}
    assert skipped.keys() == {s.id for s in record.spans} - written.keys()
    for span in record.spans:
        reason = skipped.get(span.id)
        if reason is None:
            continue
        if reason.startswith("BIO cannot nest"):  # it names the span kept: that span was written
            kept_id = reason.split("span ")[-1].removesuffix(", which was kept")
            assert kept_id in written and written[kept_id].start < span.end and span.start < written[kept_id].end
        else:
            assert reason == "the span starts or ends on whitespace"
            assert span.text[0].isspace() or span.text[-1].isspace()
