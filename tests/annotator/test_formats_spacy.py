"""spaCy/Prodigy JSONL: spans inside words, and loading the export into spaCy itself."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from annotator.formats import DocumentRecord, write_spacy
from annotator.model import Relation, Span, SpanKind

TEXT = "زار بوتين لروسيا  أمس.\n\nقال 👍🏽 «نعم»"


def record(*spans: tuple[str, int, int, str], relations: tuple[Relation, ...] = ()) -> DocumentRecord:
    return DocumentRecord(
        doc_id="d1",
        title="",
        text=TEXT,
        text_sha256=hashlib.sha256(TEXT.encode()).hexdigest(),
        annotator="huda",
        spans=tuple(
            Span(sid, "d1", "huda", SpanKind.CLAIM if label == "CLAIM" else SpanKind.ENTITY, label, a, b, TEXT[a:b])
            for sid, a, b, label in spans
        ),
        relations=relations,
    )


def export(tmp_path: Path, rec: DocumentRecord) -> dict[str, object]:
    path = tmp_path / "out.jsonl"
    report = write_spacy([rec], path)
    assert report.skipped == []
    line = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(line, dict)
    return line


def test_a_span_inside_a_word_gets_tokens_of_its_own(tmp_path: Path) -> None:
    assert TEXT[11:16] == "روسيا"
    line = export(tmp_path, record(("s1", 11, 16, "GPE")))
    tokens = line["tokens"]
    assert isinstance(tokens, list)
    assert [t["text"] for t in tokens[:6]] == ["زار", "بوتين", "ل", "روسيا", " ", "أمس"]
    assert [t["ws"] for t in tokens[:6]] == [True, True, False, True, False, False]
    assert line["spans"] == [{"start": 11, "end": 16, "token_start": 3, "token_end": 3, "label": "GPE", "id": "s1"}]


def test_relations_point_at_the_last_token_of_each_span(tmp_path: Path) -> None:
    rec = record(
        ("c", 0, 16, "CLAIM"), ("p", 4, 9, "PER"), relations=(Relation("r", "d1", "huda", "CLAIMANT", "c", "p"),)
    )
    line = export(tmp_path, rec)
    relations = line["relations"]
    assert isinstance(relations, list)
    [relation] = relations
    assert (relation["head"], relation["child"], relation["label"]) == (
        2,
        1,
        "CLAIMANT",
    )  # زار بوتين لروسيا: tokens 0, 1, 2
    assert relation["head_span"]["token_start"] == 0 and relation["child_span"]["token_start"] == 1


def test_the_export_loads_into_spacy_and_every_span_is_found(tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    corpus = sorted((Path(__file__).parents[2] / "resources" / "corpus").glob("*.txt"))
    text = corpus[0].read_text(encoding="utf-8")
    # Spans on whole words, on parts of words (after a proclitic) and across words.
    targets = ["روسيا", "بوتين", "كوريا الشمالية", "موسكو", "بيونغ يانغ", "الروسي"]
    spans: list[Span] = []
    for word in targets:
        start = text.find(word)
        while start != -1 and len(spans) < 200:
            spans.append(Span(f"s{len(spans)}", "c", "huda", SpanKind.ENTITY, "GPE", start, start + len(word), word))
            start = text.find(word, start + 1)
    inside_word = [s for s in spans if s.start > 0 and not text[s.start - 1].isspace()]
    assert inside_word, "the corpus sample should have a span that starts inside a word"
    rec = DocumentRecord("c", "", text, hashlib.sha256(text.encode()).hexdigest(), "huda", spans=tuple(spans))
    path = tmp_path / "corpus.jsonl"
    assert write_spacy([rec], path).skipped == []
    line = json.loads(path.read_text(encoding="utf-8"))
    nlp = spacy.blank("ar")
    doc = Doc(nlp.vocab, words=[t["text"] for t in line["tokens"]], spaces=[t["ws"] for t in line["tokens"]])
    assert doc.text == text
    for span in spans:
        found = doc.char_span(span.start, span.end, label=span.label)
        assert found is not None, span
        assert found.text == span.text
    for item in line["spans"]:
        assert doc[item["token_start"] : item["token_end"] + 1].text == text[item["start"] : item["end"]]
