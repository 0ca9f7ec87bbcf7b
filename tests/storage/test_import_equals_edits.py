"""A native import stores what the analysts' own edits stored: the same spans, relations and counts
of tagged texts, whichever way the file is read; and a file that changes while it is imported is
refused at the changed line, never stored unchecked."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import annotator.exchange as exchange
from annotator.exchange import ExportFormat, export_layer, import_file
from annotator.formats import ImportFailed, Problem
from annotator.formats.native import FileChanged, iter_native, reread_native
from annotator.project import Project
from annotator.resources import sample_corpus_files
from storage.sqlite_repository import SqliteRepository

WORDS = {"روسيا": "GPE", "موسكو": "GPE", "كوريا": "GPE", "بوتين": "PER", "لافروف": "PER"}


def annotate(project: Project, annotator: str, every: int) -> None:
    """Tag every ``every``-th occurrence of WORDS in each document by edits, link some, relate some."""
    layer = Project(project.repository, annotator)
    for summary in project.documents():
        text = project.document(summary.id).text
        found = sorted(
            (match.start(), match.end(), WORDS[match.group()]) for match in re.finditer("|".join(WORDS), text)
        )
        for number, (start, end, label) in enumerate(found):
            if number % every == 0:
                layer.apply(layer.add_span(summary.id, start, end, label))
        spans = layer.spans(summary.id)
        for span in spans[::4]:
            if span.text == "روسيا":
                layer.apply(layer.link(span, "russia"))
        claims = [s for s in spans if s.label == "PER"]
        for claimant in claims[:3]:
            start = max(0, claimant.start - 20)
            claim = layer.add_span(summary.id, start, claimant.end + 10, "CLAIM")
            layer.apply(claim)
            layer.apply(layer.add_relation("CLAIMANT", claim.span, claimant))


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, Path]]:
    """A project whose two layers were made by edits, and both layers exported as one native file."""
    folder = tmp_path_factory.mktemp("edited")
    project = Project(SqliteRepository.open(folder / "edited.hashiya"), "lead")
    project.import_paths(sample_corpus_files())
    annotate(project, "amal", 1)
    annotate(project, "omar", 2)
    exported = folder / "layers.jsonl"
    lines = b""
    for annotator in ("amal", "omar"):
        export_layer(project, ExportFormat.NATIVE, folder / f"{annotator}.jsonl", annotator)
        lines += (folder / f"{annotator}.jsonl").read_bytes()
    exported.write_bytes(lines)
    yield project, exported
    project.close()


def stored(project: Project) -> dict[str, Any]:
    """Every span and relation by (text hash, layer), timestamps and notes left out, and the counts of tagged texts."""
    assert isinstance(project.repository, SqliteRepository)
    layers: dict[tuple[str, str], Any] = {}
    for summary in project.documents():
        sha = project.document(summary.id).text_sha256
        for annotator in ("amal", "omar"):
            spans = sorted(
                (s.id, s.kind, s.label, s.start, s.end, s.text, json.dumps(s.attributes, sort_keys=True), s.ref)
                for s in project.spans(summary.id, annotator)
            )
            relations = sorted((r.id, r.label, r.head, r.tail) for r in project.relations(summary.id, annotator))
            layers[(sha, annotator)] = (spans, relations)
    surfaces = project.repository.db.execute(
        "SELECT annotator, label, text, ref, spans FROM tagged_surfaces ORDER BY annotator, label, text, ref"
    ).fetchall()
    return {"layers": layers, "surfaces": surfaces}


@pytest.mark.parametrize("step", [50, 20_000])
def test_an_import_stores_what_the_edits_stored(tmp_path: Path, edited: tuple[Project, Path], step: int) -> None:
    source, exported = edited
    project = Project(SqliteRepository.open(tmp_path / "imported.hashiya"), "lead")
    try:
        summary = import_file(project, exported, step=step)
        expected = stored(source)
        assert summary.spans == sum(len(spans) for spans, _ in expected["layers"].values()) > 100
        assert summary.relations > 10
        assert stored(project) == expected
    finally:
        project.close()


def test_reading_again_gives_the_records_the_check_gave(edited: tuple[Project, Path]) -> None:
    _, exported = edited
    for path, annotator in ((exported, None), (exported.parent / "amal.jsonl", "renamed")):
        problems: list[Problem] = []
        digests: dict[int, bytes] = {}
        checked = list(iter_native(path, problems, annotator=annotator, digests=digests))
        assert problems == [] and len(checked) == len(digests) > 1
        assert list(reread_native(path, digests, annotator)) == checked


def test_a_line_changed_after_the_check_is_refused(edited: tuple[Project, Path], tmp_path: Path) -> None:
    _, exported = edited
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(exported.read_bytes())
    digests: dict[int, bytes] = {}
    list(iter_native(copy, [], digests=digests))
    lines = copy.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b'"done"', b'"new"', 1).replace(b'"in_progress"', b'"new"', 1)
    copy.write_bytes(b"\n".join(lines))
    with pytest.raises(FileChanged) as changed:
        list(reread_native(copy, digests))
    assert changed.value.line == 3


def test_a_file_changed_between_the_check_and_the_store_is_not_stored(
    tmp_path: Path, edited: tuple[Project, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program rewrites the file after it was checked: a span's attribute the schema refuses."""
    _, exported = edited
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(exported.read_bytes())
    checked_names = exchange.layer_names

    def rewrite_then_name(*args: Any, **kwargs: Any) -> dict[str, str]:
        records = [json.loads(line) for line in copy.read_text(encoding="utf-8").splitlines()]
        records[0]["spans"][0]["attrs"] = {"no_such_attribute": "x"}
        copy.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        return checked_names(*args, **kwargs)

    monkeypatch.setattr(exchange, "layer_names", rewrite_then_name)
    project = Project(SqliteRepository.open(tmp_path / "p.hashiya"), "lead")
    try:
        with pytest.raises(ImportFailed) as failed:
            import_file(project, copy)
        assert [problem.line for problem in failed.value.problems] == [1]
        assert "changed" in str(failed.value.problems[0])
        assert all(not project.spans(d.id, a) for d in project.documents() for a in ("amal", "omar"))
    finally:
        project.close()
