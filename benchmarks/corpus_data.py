"""The corpus-scale project of DESIGN.md section 10, built deterministically from the sample paragraphs.

A corpus of ``documents`` articles: one long document of ``long_characters`` and the others of
``characters`` each, with three layers (``bench``, and ``second`` and ``third`` made from it as
other annotators' opinions), about a million spans at full size. Beside the project: the three
layers exported together as one native JSONL file, the ``bench`` layer alone, and two one-document
projects (an ordinary article and the long document, each with its three layers) to compare
opening a document with.

The project is written in chunks of documents, one transaction each, so that building it never
holds the whole corpus in memory. A finished build is marked with a file naming its sizes, and
found again by the next run.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from annotator.exchange import ExportFormat, export_layer
from annotator.model import Document, DocumentStatus, Layer
from annotator.project import now_iso
from benchmarks.data import (
    ANNOTATOR,
    SECOND_ANNOTATOR,
    arabic_text,
    document_for,
    make_layer,
    open_project,
    second_opinion,
)

THIRD_ANNOTATOR = "third"
LAYERS = (ANNOTATOR, SECOND_ANNOTATOR, THIRD_ANNOTATOR)
CHUNK = 50  # documents per transaction while building
BUILD_VERSION = 1  # raise when what is built changes, so that cached builds are made again


@dataclass(frozen=True)
class CorpusSize:
    documents: int
    characters: int  # of each ordinary article
    spans: int  # of the bench layer on each ordinary article
    long_characters: int
    long_spans: int

    def label(self) -> str:
        return f"{self.documents:,} documents"


def full_sizes(documents: int) -> CorpusSize:
    """About 41 MB of UTF-8 text and 1,000,000 spans in three layers at 2,000 documents."""
    return CorpusSize(documents, 11_000, 160, 1_000_000, 10_000)


def quick_sizes(documents: int) -> CorpusSize:
    return CorpusSize(documents, 2_000, 30, 20_000, 200)


@dataclass(frozen=True)
class CorpusFiles:
    folder: Path
    project: Path
    all_layers: Path  # the three layers, one native JSONL file
    one_layer: Path  # the bench layer alone
    single_article: Path  # a project holding only the ordinary article ``article_id``
    single_long: Path  # a project holding only the long document ``long_id``
    article_id: str
    long_id: str
    spans: int  # in the three layers together
    text_bytes: int


def _articles(size: CorpusSize) -> Iterator[tuple[str, str]]:
    """(title, text) of every document; the long one comes first."""
    yield "long-article", arabic_text(size.long_characters, seed=1)
    for number in range(1, size.documents):
        yield f"article-{number:04d}", arabic_text(size.characters, seed=1000 + number)


def _layers(document: Document, spans: int, number: int) -> list[Layer]:
    text = document.text
    first = make_layer(document.id, text, spans, seed=f"{ANNOTATOR}-{number}")
    second = second_opinion(first, text, seed=f"{SECOND_ANNOTATOR}-{number}")
    third = second_opinion(first, text, seed=f"{THIRD_ANNOTATOR}-{number}", annotator=THIRD_ANNOTATOR)
    status = DocumentStatus.DONE
    return [
        Layer(document.id, name, status, tuple(made.spans), tuple(made.relations))
        for name, made in ((ANNOTATOR, first), (SECOND_ANNOTATOR, second), (THIRD_ANNOTATOR, third))
    ]


def _write(path: Path, documents: list[Document], layers: list[Layer]) -> None:
    project = open_project(path)
    try:
        project.repository.replace_layers(documents, layers, ANNOTATOR, now_iso())
    finally:
        project.close()


def build(folder: Path, size: CorpusSize, *, log: bool = False) -> CorpusFiles:
    """Build the corpus in ``folder``, or find it there already built with the same sizes."""
    marker = folder / "built.json"
    wanted = {"version": BUILD_VERSION, **asdict(size)}
    if marker.exists():
        found = json.loads(marker.read_text(encoding="utf-8"))
        if found.get("sizes") == wanted:
            return _files(folder, found["files"])
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    paths = _paths(folder)
    spans = 0
    text_bytes = 0
    article_id = long_id = ""
    chunk: list[Document] = []
    chunk_layers: list[Layer] = []
    for number, (title, text) in enumerate(_articles(size)):
        document = document_for(text, title)
        text_bytes += len(text.encode("utf-8"))
        long = number == 0
        layers = _layers(document, size.long_spans if long else size.spans, number)
        spans += sum(len(layer.spans) for layer in layers)
        if long:
            long_id = document.id
            _write(paths["single_long"], [document], layers)
        elif number == 1:
            article_id = document.id
            _write(paths["single_article"], [document], layers)
        chunk.append(document)
        chunk_layers.extend(layers)
        if len(chunk) == CHUNK:
            _write(paths["project"], chunk, chunk_layers)
            chunk, chunk_layers = [], []
            if log:
                print(f"  built {number + 1:,} of {size.documents:,} documents", flush=True)
    _write(paths["project"], chunk, chunk_layers)
    project = open_project(paths["project"])
    try:
        with paths["all_layers"].open("wb") as together:
            for name in LAYERS:
                part = folder / f"{name}.jsonl"
                export_layer(project, ExportFormat.NATIVE, part, name)
                with part.open("rb") as source:
                    shutil.copyfileobj(source, together)
                if name == ANNOTATOR:
                    part.rename(paths["one_layer"])
                else:
                    part.unlink()
    finally:
        project.close()
    files = {"article_id": article_id, "long_id": long_id, "spans": spans, "text_bytes": text_bytes}
    marker.write_text(json.dumps({"sizes": wanted, "files": files}), encoding="utf-8")
    return _files(folder, files)


def _files(folder: Path, found: dict[str, Any]) -> CorpusFiles:
    paths = _paths(folder)
    return CorpusFiles(
        folder=folder,
        project=paths["project"],
        all_layers=paths["all_layers"],
        one_layer=paths["one_layer"],
        single_article=paths["single_article"],
        single_long=paths["single_long"],
        article_id=str(found["article_id"]),
        long_id=str(found["long_id"]),
        spans=int(found["spans"]),
        text_bytes=int(found["text_bytes"]),
    )


def _paths(folder: Path) -> dict[str, Path]:
    return {
        "project": folder / "corpus.hashiya",
        "all_layers": folder / "three-layers.jsonl",
        "one_layer": folder / "bench-layer.jsonl",
        "single_article": folder / "one-article.hashiya",
        "single_long": folder / "one-long-article.hashiya",
    }
