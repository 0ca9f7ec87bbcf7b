"""Agreement of a large project computed on two cores: the last part of the corpus in a second process.

The second process opens the file on a read-only connection of its own (a SQLite connection is
never shared across processes) and sends back plain counts per document; the first adds them up
after its own, in the corpus order, so the figures are those of one process to the last digit.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from annotator.agreement.report import CorpusPart
from annotator.agreement.table import AgreementTable, check_annotators, compared_part, table_of_parts
from annotator.model import DocumentSummary
from annotator.project import Project
from annotator.repository import ProjectError
from storage.project_file import ProjectFile

SPLIT_FROM_CHARACTERS = 5_000_000
"""Below this much text (about 300 documents of news articles), the second process saves nothing measurable."""

SECOND_SHARE = 0.55
"""The part of the text the second process compares: the first also checks the file, adds up and prints."""


def split_table(
    project: Project, annotators: Sequence[str], progress: Callable[[list[str]], Iterable[str]] = iter
) -> AgreementTable | None:
    """The agreement table of every document, the second half of the text compared in a second
    process; None when the project is too small to pay for that process, or is not a file."""
    repository = project.repository
    if not isinstance(repository, ProjectFile):
        return None
    summaries = project.documents()
    if sum(s.length for s in summaries) < SPLIT_FROM_CHARACTERS or any(s.length == 0 for s in summaries):
        return None  # a document of length 0 lays its spans on its neighbours: see agreement_report
    check_annotators(project, annotators)
    first, second = halves(summaries, SECOND_SHARE)
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        later = pool.submit(compare_in_process, str(repository.path), list(annotators), second)
        mine = compared_part(project.repository, annotators, progress(first))
        parts = [mine, later.result()]
    return table_of_parts(annotators, parts)


def halves(summaries: Sequence[DocumentSummary], share: float = 0.5) -> tuple[list[str], list[str]]:
    """The ids of the documents, in order, cut where ``1 - share`` of the text lies before."""
    total = sum(s.length for s in summaries)
    before = 0
    cut = len(summaries)
    for index, summary in enumerate(summaries):
        if before >= total * (1 - share):
            cut = index
            break
        before += summary.length
    ids = [s.id for s in summaries]
    return ids[:cut], ids[cut:]


def compare_in_process(path: str, annotators: list[str], ids: list[str]) -> tuple[dict[str, str], CorpusPart]:
    """What the second process does: the titles and counts of its documents, read on its own connection."""
    from storage.database import connect
    from storage.sqlite_repository import SqliteRepository

    try:
        db = connect(Path(path), read_only=True)
    except sqlite3.Error as error:
        raise ProjectError(f"{path} cannot be opened: {error}.") from None
    repository = SqliteRepository(db, Path(path))
    try:
        return compared_part(repository, annotators, ids)
    finally:
        repository.close()
