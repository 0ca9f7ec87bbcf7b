"""``hashiya stats``: the counts match the spans stored; a damaged file shows nothing of ``stats``
or ``agreement``, which read while the file is checked beside them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from annotator.project import Project
from storage.database import open_database
from storage.sqlite_repository import SqliteRepository
from tests.command_line import hashiya
from tests.conftest import CORPUS
from tests.reliability.storage_faults import change_first_text, checkpoint, file_digests, overwrite_page, pages_of

LABELS = ("PER", "GPE", "CLAIM", "TREATY_REF", "ORG")
READERS = {
    "stats": ("stats",),
    "stats --json": ("stats", "--json"),
    "agreement": ("agreement", "--annotators", "layla,omar"),
    "agreement --json": ("agreement", "--annotators", "layla,omar", "--json"),
}


def annotated_project(path: Path) -> None:
    """Two documents with entities, claims and treaty references in two layers, some changed or removed."""
    for annotator, step in (("layla", 7), ("omar", 5)):
        project = Project(SqliteRepository.open(path), annotator)
        if not project.documents():
            project.import_paths(sorted(CORPUS.glob("*.txt"))[:2])
        for number, document in enumerate(project.documents()):
            for place, label in enumerate(LABELS * 3):
                start = (place + number) * step
                project.apply(project.add_span(document.id, start, start + 3, label))
            first, second, third, *_ = project.spans(document.id)
            project.apply(project.relabel(first, "CLAIM"))
            project.apply(project.relabel(second, "LOC"))
            project.apply(project.delete_span(third))
            claim = next(span for span in project.spans(document.id) if span.label == "CLAIM" and span.id != first.id)
            project.apply(project.relabel(claim, "ORG"))
        project.close()


def stored_counts(path: Path) -> dict[str, dict[str, int]]:
    """Spans per label of each layer, counted from the spans table itself."""
    raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        rows = raw.execute("SELECT annotator, label, count(*) FROM spans GROUP BY annotator, label").fetchall()
    finally:
        raw.close()
    counts: dict[str, dict[str, int]] = {}
    for annotator, label, count in rows:
        counts.setdefault(annotator, {})[label] = count
    return counts


def shown_counts(path: Path) -> dict[str, dict[str, int]]:
    shown = hashiya("--db", str(path), "stats", "--json")
    assert shown.returncode == 0, shown.stderr
    counts: dict[str, dict[str, int]] = json.loads(shown.stdout)["spans_per_label"]
    return counts


def test_stats_counts_what_the_spans_table_holds_after_edits_and_imports(tmp_path: Path) -> None:
    path = tmp_path / "project.hashiya"
    annotated_project(path)
    assert shown_counts(path) == stored_counts(path)

    layer = tmp_path / "layla.jsonl"
    exported = hashiya("--db", str(path), "--annotator", "layla", "export", "--format", "native", "-o", str(layer))
    assert exported.returncode == 0, exported.stderr
    for _ in range(2):  # an import adds the layer, the next one replaces it
        imported = hashiya("--db", str(path), "import", str(layer), "--annotator", "copy", "--into", "replace")
        assert imported.returncode == 0, imported.stderr
        counts = shown_counts(path)
        assert counts == stored_counts(path)
        assert counts["copy"] == counts["layla"]
    assert set(counts["layla"]) >= {"CLAIM", "TREATY_REF", "PER", "LOC"}


def files_beside(path: Path) -> list[str]:
    return sorted(entry.name for entry in path.parent.iterdir())


def settled_project(tmp_path: Path) -> Path:
    """An annotated project whose log is folded into its file, with a long edit log."""
    path = tmp_path / "project.hashiya"
    annotated_project(path)
    db = open_database(path)
    checkpoint(db)
    db.close()
    return path


def test_a_settled_project_gives_both_readers_their_figures(tmp_path: Path) -> None:
    path = settled_project(tmp_path)
    for arguments in READERS.values():
        shown = hashiya("--db", str(path), *arguments)
        assert shown.returncode == 0, shown.stderr
        assert shown.stdout


@pytest.mark.parametrize("reader", ["stats", "agreement"])
def test_damage_where_the_reader_does_not_read_still_shows_nothing(tmp_path: Path, reader: str) -> None:
    path = settled_project(tmp_path)
    pages = pages_of(path, "edit_log")
    assert len(pages) > 2
    overwrite_page(path, pages[len(pages) // 2])
    before = file_digests(path)
    files = files_beside(path)

    for name in (reader, f"{reader} --json"):
        refused = hashiya("--db", str(path), *READERS[name])

        assert refused.returncode == 2
        assert "is damaged: the integrity check reports" in refused.stderr
        assert "Traceback" not in refused.stderr
        assert refused.stdout == ""
    assert file_digests(path) == before
    assert files_beside(path) == files  # no log or shared memory left behind


@pytest.mark.parametrize(("reader", "table"), [("stats", "document_status"), ("agreement", "spans")])
def test_damage_where_the_reader_reads_is_called_damage(tmp_path: Path, reader: str, table: str) -> None:
    path = settled_project(tmp_path)
    pages = pages_of(path, table)
    overwrite_page(path, pages[0])
    before = file_digests(path)
    files = files_beside(path)

    refused = hashiya("--db", str(path), *READERS[reader])

    assert refused.returncode == 2
    assert "is damaged" in refused.stderr
    assert "cannot be read right now" not in refused.stderr
    assert "Traceback" not in refused.stderr
    assert refused.stdout == ""
    assert file_digests(path) == before
    assert files_beside(path) == files  # no log or shared memory left behind


@pytest.mark.parametrize("reader", ["stats", "agreement"])
def test_a_text_changed_behind_its_hash_shows_nothing(tmp_path: Path, reader: str) -> None:
    path = settled_project(tmp_path)
    change_first_text(path)
    before = file_digests(path)
    files = files_beside(path)

    refused = hashiya("--db", str(path), *READERS[reader])

    assert refused.returncode == 2
    assert "no longer matches its stored SHA-256" in refused.stderr
    assert refused.stdout == ""
    assert file_digests(path) == before
    assert files_beside(path) == files  # no log or shared memory left behind
