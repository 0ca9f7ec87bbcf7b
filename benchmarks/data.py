"""Deterministic benchmark data built from the paragraphs of the sample articles.

A long document is the sample paragraphs shuffled and repeated until it reaches the wanted
number of characters; a layer puts spans on its words in a fixed pattern of nested entities,
claims, treaty references and the relations between them; a corpus is many such documents.
The same seed always gives the same text, the same span ids and the same project files.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from annotator.model import Document, DocumentStatus, Layer, Relation, Span, SpanKind
from annotator.project import Project, document_id_for, now_iso
from annotator.resources import sample_corpus_files
from annotator.schema import Schema, load_default_schema
from annotator.text import decode_document, text_sha256
from annotator.tokenize import Token, tokenize
from storage.sqlite_repository import SqliteRepository

ANNOTATOR = "bench"
SECOND_ANNOTATOR = "second"
SPANS_PER_UNIT = 10
WORDS_PER_UNIT = 22

# One unit of annotation, in word indices from the unit's first word: a claim with its claimant
# (and a name nested in it), target, source and date; a treaty reference with a party nested in
# it; a place and a nationality. ``end`` is the index of the last word, inclusive.
UNIT: tuple[tuple[str, int, int], ...] = (
    ("CLAIM", 0, 11),
    ("PER", 0, 1),
    ("PER", 1, 1),
    ("GPE", 4, 4),
    ("ORG", 7, 8),
    ("DATE", 10, 10),
    ("TREATY_REF", 13, 16),
    ("GPE", 14, 14),
    ("LOC", 18, 19),
    ("NORP", 21, 21),
)
# (relation label, head index in UNIT, tail index in UNIT)
UNIT_RELATIONS: tuple[tuple[str, int, int], ...] = (
    ("CLAIMANT", 0, 1),
    ("TARGET", 0, 3),
    ("SOURCE", 0, 4),
    ("PARTY", 6, 7),
)
ENTITY_LABELS = ("PER", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "EVENT")


def sample_paragraphs() -> list[str]:
    found: list[str] = []
    for path in sample_corpus_files():
        text = decode_document(path.read_bytes())
        found.extend(part.strip() for part in text.split("\n") if part.strip())
    return found


def arabic_text(characters: int, seed: int = 1, *, single_paragraph: bool = False) -> str:
    """About ``characters`` code points of sample paragraphs, shuffled and repeated, cut at a word end.

    Paragraphs are separated by a blank line, or by a space in one single paragraph.
    """
    pool = sample_paragraphs()
    rng = random.Random(seed)
    separator = " " if single_paragraph else "\n\n"
    parts: list[str] = []
    size = 0
    while size < characters:
        order = pool[:]
        rng.shuffle(order)
        for paragraph in order:
            parts.append(paragraph)
            size += len(paragraph) + len(separator)
            if size >= characters:
                break
    text = separator.join(parts)[:characters]
    cut = text.rfind(" ")
    return text[:cut].rstrip() if cut > 0 else text


def words(text: str) -> list[Token]:
    """The tokens of ``text`` that begin with a letter (no punctuation, no digits)."""
    return [token for token in tokenize(text) if token.text[0].isalpha()]


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


@dataclass(frozen=True)
class GeneratedLayer:
    spans: list[Span]
    relations: list[Relation]


def make_layer(
    document_id: str,
    text: str,
    span_count: int,
    seed: int | str = 1,
    annotator: str = ANNOTATOR,
    schema: Schema | None = None,
) -> GeneratedLayer:
    """``span_count`` spans (rounded down to whole units) spread evenly over ``text``, with relations."""
    schema = schema or load_default_schema()
    rng = random.Random(seed)
    tokens = words(text)
    units = span_count // SPANS_PER_UNIT
    if units == 0:
        return GeneratedLayer([], [])
    stride = len(tokens) // units
    if stride < WORDS_PER_UNIT:
        raise ValueError(f"{len(tokens)} words are too few for {span_count} spans")
    at = now_iso()
    spans: list[Span] = []
    relations: list[Relation] = []
    for unit in range(units):
        first = unit * stride + rng.randrange(stride - WORDS_PER_UNIT + 1)
        made: list[Span] = []
        for label, begin, last in UNIT:
            start, end = tokens[first + begin].start, tokens[first + last].end
            spec = schema.label(label)
            made.append(
                Span(
                    id=_id(rng),
                    document_id=document_id,
                    annotator=annotator,
                    kind=spec.kind,
                    label=label,
                    start=start,
                    end=end,
                    text=text[start:end],
                    attributes=dict(spec.defaults()),
                    created_at=at,
                    updated_at=at,
                )
            )
        spans.extend(made)
        for label, head, tail in UNIT_RELATIONS:
            relations.append(Relation(_id(rng), document_id, annotator, label, made[head].id, made[tail].id))
    return GeneratedLayer(spans, relations)


def second_opinion(
    layer: GeneratedLayer, text: str, seed: int | str = 2, annotator: str = SECOND_ANNOTATOR
) -> GeneratedLayer:
    """Another annotator's layer on the same text: mostly the same spans, some relabelled,
    shrunk to their first word, missed, or added; relations kept where both ends survive."""
    rng = random.Random(seed)
    tokens = words(text)
    ends = {token.start: token.end for token in tokens}
    spans: list[Span] = []
    renamed: dict[str, str] = {}
    for span in layer.spans:
        roll = rng.random()
        if roll < 0.05:
            continue
        new = replace(span, id=_id(rng), annotator=annotator)
        if roll < 0.13 and span.kind is SpanKind.ENTITY:
            new = replace(new, label=rng.choice([label for label in ENTITY_LABELS if label != span.label]))
        elif roll < 0.21 and ends.get(span.start, span.end) < span.end:
            end = ends[span.start]
            new = replace(new, end=end, text=text[span.start : end])
        spans.append(new)
        renamed[span.id] = new.id
    for _ in range(len(layer.spans) // 25):
        token = rng.choice(tokens)
        spans.append(
            replace(
                layer.spans[0],
                id=_id(rng),
                annotator=annotator,
                label=rng.choice(ENTITY_LABELS),
                kind=SpanKind.ENTITY,
                start=token.start,
                end=token.end,
                text=token.text,
                attributes={},
            )
        )
    relations = [
        replace(r, id=_id(rng), annotator=annotator, head=renamed[r.head], tail=renamed[r.tail])
        for r in layer.relations
        if r.head in renamed and r.tail in renamed
    ]
    return GeneratedLayer(spans, relations)


def document_for(text: str, title: str) -> Document:
    sha = text_sha256(text)
    return Document(
        id=document_id_for(sha),
        title=title,
        source=f"{title}.txt",
        text=text,
        text_sha256=sha,
        created_at=now_iso(),
    )


def open_project(path: Path | str, annotator: str = ANNOTATOR) -> Project:
    """A project file, or a team project by its URL (whose layer is the connecting role's)."""
    if isinstance(path, str):
        from storage.postgres_repository import PostgresRepository

        team = PostgresRepository.open(path)
        return Project(team, team.user)
    return Project(SqliteRepository.open(path), annotator)


def store(path: Path, documents: list[Document], layers: list[Layer]) -> None:
    """A new project file at ``path`` holding ``documents`` and ``layers``, written in one transaction."""
    if path.exists():
        path.unlink()
    project = open_project(path)
    try:
        project.repository.replace_layers(documents, layers, ANNOTATOR, now_iso())
    finally:
        project.close()


def document_project(path: Path, text: str, span_count: int, title: str, seed: int = 1) -> Document:
    """A project with one document and ``span_count`` spans of the bench layer on it."""
    document = document_for(text, title)
    layer = make_layer(document.id, text, span_count, seed)
    store(
        path,
        [document],
        [Layer(document.id, ANNOTATOR, DocumentStatus.IN_PROGRESS, tuple(layer.spans), tuple(layer.relations))],
    )
    return document


def corpus_texts(documents: int, characters: int, seed: int = 3) -> Iterator[tuple[str, str]]:
    rng = random.Random(seed)
    for number in range(documents):
        yield f"article-{number:04d}", arabic_text(characters, rng.randrange(1 << 30))


def corpus_project(path: Path, documents: int, characters: int, spans_per_document: int) -> int:
    """A project of ``documents`` articles, each with the bench layer and a second annotator's layer.

    Returns the number of spans in the bench layer.
    """
    stored: list[Document] = []
    layers: list[Layer] = []
    total = 0
    for number, (title, text) in enumerate(corpus_texts(documents, characters)):
        document = document_for(text, title)
        first = make_layer(document.id, text, spans_per_document, seed=f"{ANNOTATOR}-{number}")
        second = second_opinion(first, text, seed=f"{SECOND_ANNOTATOR}-{number}")
        stored.append(document)
        layers.append(Layer(document.id, ANNOTATOR, DocumentStatus.DONE, tuple(first.spans), tuple(first.relations)))
        layers.append(
            Layer(document.id, SECOND_ANNOTATOR, DocumentStatus.DONE, tuple(second.spans), tuple(second.relations))
        )
        total += len(first.spans)
    store(path, stored, layers)
    return total
