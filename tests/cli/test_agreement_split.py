"""``hashiya agreement`` on a large project compares part of the corpus in a second process: the
figures are those of one process to the last digit, and a damaged file still shows nothing."""

from __future__ import annotations

import io
import itertools
import multiprocessing
import random
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from annotator.agreement import DocumentLayers
from annotator.agreement import table as agreement_table_module
from annotator.agreement.report import CorpusPart, DocumentPart
from annotator.agreement.table import AgreementTable
from annotator.agreement.table import table_of_parts as plain_table_of_parts
from annotator.model import DocumentSummary
from annotator.project import Project
from annotator.repository import ProjectError
from cli import agreement_split
from cli.agreement_command import agreement
from main import open_project
from storage.database import open_database
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS
from tests.reliability.storage_faults import checkpoint, overwrite_page, pages_of

LAYERS = ("amal", "bilal", "chadi")
LABELS = ("PER", "ORG", "GPE", "CLAIM")


def annotated_corpus(path: Path) -> None:
    """The sample corpus with three layers of overlapping, differing spans; one layer skips a document."""
    chance = random.Random(19)
    for layer in LAYERS:
        project = Project(SqliteRepository.open(path), layer)
        if not project.documents():
            project.import_paths(sorted(CORPUS.glob("*.txt")))
        for number, summary in enumerate(project.documents()):
            if layer == "chadi" and number == 1:
                continue
            for _ in range(40):
                start = chance.randrange(0, summary.length - 12)
                end = start + chance.randrange(1, 12)
                project.apply(project.add_span(summary.id, start, end, chance.choice(LABELS)))
        project.close()
    db = open_database(path)
    checkpoint(db)
    db.close()


def documents_of(path: Path) -> list[DocumentSummary]:
    project = Project(SqliteRepository.open(path), "reader")
    try:
        return project.documents()
    finally:
        project.close()


def printed(path: Path, annotators: list[str], as_json: bool) -> str:
    project = open_project(path, "reader", read_only=True, checked_beside=True)
    out = io.StringIO()
    try:
        assert agreement(project, annotators, as_json, None, out) == 0
    finally:
        project.close()
    return out.getvalue()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("split") / "project.hashiya"
    annotated_corpus(path)
    return path


@pytest.mark.parametrize("annotators", [["amal", "bilal"], ["amal", "bilal", "chadi"]])
@pytest.mark.parametrize("as_json", [False, True])
def test_the_split_corpus_prints_what_one_process_prints(
    corpus: Path, annotators: list[str], as_json: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = printed(corpus, annotators, as_json)
    compared: list[list[str]] = []

    def recorded(names: list[str], parts: list[tuple[dict[str, str], CorpusPart]]) -> AgreementTable:
        compared.extend([result.document_id for result in part.results] for _titles, part in parts)
        return plain_table_of_parts(names, parts)

    monkeypatch.setattr(agreement_split, "SPLIT_FROM_CHARACTERS", 0)
    monkeypatch.setattr(agreement_split, "table_of_parts", recorded)

    assert printed(corpus, annotators, as_json) == alone
    first, second = compared  # both processes had documents to compare, the first ones and the last ones
    assert first and second
    assert first + second == [summary.id for summary in documents_of(corpus) if summary.id in first + second]
    assert "document" in alone


def test_a_small_project_is_compared_in_one_process(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*arguments: object, **options: object) -> None:
        raise AssertionError("no second process for a small project")

    monkeypatch.setattr(agreement_split, "ProcessPoolExecutor", refused)
    assert printed(corpus, ["amal", "bilal"], False)


def test_damage_read_by_the_second_process_shows_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: Path
) -> None:
    path = tmp_path / "damaged.hashiya"
    path.write_bytes(corpus.read_bytes())
    # The last spans stored are the third layer's on the last documents, which the second process reads.
    overwrite_page(path, pages_of(path, "spans")[-1])
    monkeypatch.setattr(agreement_split, "SPLIT_FROM_CHARACTERS", 0)

    project = open_project(path, "reader", read_only=True, checked_beside=True)
    out = io.StringIO()
    try:
        with pytest.raises(ProjectError, match="is damaged"):
            agreement(project, list(LAYERS), False, None, out)
    finally:
        project.close()
    assert out.getvalue() == ""


@pytest.mark.parametrize("pattern", ["front", "back", "alternate", "front then back"])
def test_documents_are_claimed_once_from_both_ends_until_they_meet(pattern: str) -> None:
    ids = [f"d{number}" for number in range(9)]
    claims = multiprocessing.get_context("forkserver").Array("i", [1, len(ids) - 1])
    front = agreement_split.claimed(claims, ids, from_back=False)
    back = agreement_split.claimed(claims, ids, from_back=True)
    taken: dict[str, list[str]] = {"front": [ids[0]], "back": [ids[-1]]}
    counts: list[int] = []
    turns = {"front": ["front"], "back": ["back"], "alternate": ["front", "back"], "front then back": ["front"] * 3}
    for turn in itertools.chain(itertools.islice(itertools.cycle(turns[pattern]), 20), itertools.repeat("back", 20)):
        found = next(front if turn == "front" else back, None)
        if found is not None:
            taken[turn].append(found[0])
            counts.append(found[1])
    assert taken["front"] + taken["back"][::-1] == ids
    assert counts == list(range(3, len(ids) + 1))


def _compare_noting(path: str, annotators: list[str], document_ids: list[str]) -> tuple[dict[str, str], CorpusPart]:
    """``compare_in_process`` in the second process, writing down each document it takes beside the project."""
    taken = Path(f"{path}.taken")
    claimed_from_back = agreement_split._from_back

    def noted(ids: list[str]) -> Iterator[str]:
        for document_id in claimed_from_back(ids):
            with taken.open("a") as notes:
                notes.write(f"{document_id}\n")
            yield document_id

    agreement_split._from_back = noted
    return agreement_split.compare_in_process(path, annotators, document_ids)


def test_a_failure_in_the_first_process_stops_the_second_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: Path
) -> None:
    path = tmp_path / "failing.hashiya"
    path.write_bytes(corpus.read_bytes())
    ids = [summary.id for summary in documents_of(path)]

    def failing(document: DocumentLayers) -> DocumentPart:
        raise ValueError(f"document {document.document_id} cannot be compared")

    monkeypatch.setattr(agreement_split, "SPLIT_FROM_CHARACTERS", 0)
    monkeypatch.setattr(agreement_split, "compare_in_process", _compare_noting)
    monkeypatch.setattr(agreement_table_module, "document_part", failing)  # in this process only

    project = open_project(path, "reader", read_only=True, checked_beside=True)
    out = io.StringIO()
    try:
        with pytest.raises(ValueError, match=f"document {ids[0]} cannot be compared"):
            agreement(project, ["amal", "bilal"], False, None, out)
    finally:
        project.close()
    assert out.getvalue() == ""
    # The second process compares the last document, which is its own from the start, and takes no other.
    assert Path(f"{path}.taken").read_text().split() == [ids[-1]]


class _NoProcess(ProcessPoolExecutor):
    def submit(self, *arguments: object, **options: object) -> Future[Any]:
        raise OSError("no process can be started now")


def test_a_second_process_that_cannot_start_is_an_error_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: Path
) -> None:
    path = tmp_path / "no-process.hashiya"
    path.write_bytes(corpus.read_bytes())
    monkeypatch.setattr(agreement_split, "SPLIT_FROM_CHARACTERS", 0)
    monkeypatch.setattr(agreement_split, "ProcessPoolExecutor", _NoProcess)

    project = open_project(path, "reader", read_only=True, checked_beside=True)
    out = io.StringIO()
    try:
        with pytest.raises(OSError, match="no process can be started now"):
            agreement(project, ["amal", "bilal"], False, None, out)
    finally:
        project.close()
    assert out.getvalue() == ""
