"""Agreement of a large project computed on two cores: the documents shared with a second process.

The second process opens the file on a read-only connection of its own (a SQLite connection is
never shared across processes) and sends back plain counts per document; the first adds them up
after its own, in the corpus order, so the figures are those of one process to the last digit.

Neither process is given a fixed share. The first takes documents from the front of the corpus,
the second from the back, one at a time, until they meet: however long the second takes to start,
however busy the machine or uneven the documents, both finish at about the same time.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from annotator.agreement.report import CorpusPart
from annotator.agreement.table import AgreementTable, check_annotators, compared_part, table_of_parts
from annotator.project import Project
from annotator.repository import ProjectError
from storage.project_file import ProjectFile

SPLIT_FROM_CHARACTERS = 5_000_000
"""Below this much text (about 300 documents of news articles), the second process saves nothing measurable."""

Claims = Any
"""A shared ``multiprocessing`` array of two ints with a lock: the next document from the front, and
the end of the documents not yet taken from the back."""

_claims: Claims = None  # the second process's handle on the shared claims


def split_table(
    project: Project, annotators: Sequence[str], progress: Callable[[list[str]], Iterable[str]] = iter
) -> AgreementTable | None:
    """The agreement table of every document, compared by this process and a second one; None when
    the project is too small to pay for that process, or is not a file."""
    repository = project.repository
    if not isinstance(repository, ProjectFile):
        return None
    summaries = project.documents()
    if (
        len(summaries) < 2
        or sum(s.length for s in summaries) < SPLIT_FROM_CHARACTERS
        or any(s.length == 0 for s in summaries)
    ):
        return None  # a document of length 0 lays its spans on its neighbours: see agreement_report
    check_annotators(project, annotators)
    ids = [s.id for s in summaries]
    context = multiprocessing.get_context("forkserver")
    # Each process has one document of its own, the first and the last; the others go to whoever asks first.
    claims = context.Array("i", [1, len(ids) - 1])
    # Two processes keep both processors busy until their last steps, which the check of the file fills.
    repository.checks_yield_to_readers()
    with ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_keep, initargs=(claims,)) as pool:
        # Starting the second process waits until the process server has started: this one compares meanwhile.
        starting = _Starting(pool, claims, str(repository.path), list(annotators), ids)
        try:
            mine = compared_part(project.repository, annotators, _reported(claims, ids, progress))
        except BaseException:
            _take_no_more(claims)  # the second process takes no further document: the error is shown at once
            starting.wait()
            raise
        parts = [mine, starting.started().result()]
    return table_of_parts(annotators, parts)


class _Starting:
    """The second process's work submitted to ``pool`` on a thread of its own; if it cannot be
    started, no document is left to it, so that this process stops and the failure is shown."""

    def __init__(self, pool: ProcessPoolExecutor, claims: Claims, *arguments: Any) -> None:
        self._submitted: Future[tuple[dict[str, str], CorpusPart]] | None = None
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._submit, args=(pool, claims, arguments), name="second process")
        self._thread.start()

    def _submit(self, pool: ProcessPoolExecutor, claims: Claims, arguments: tuple[Any, ...]) -> None:
        try:
            self._submitted = pool.submit(compare_in_process, *arguments)
        except BaseException as failure:  # raised where the result is asked for
            self._failure = failure
            _take_no_more(claims)

    def wait(self) -> None:
        self._thread.join()

    def started(self) -> Future[tuple[dict[str, str], CorpusPart]]:
        """The submitted work, once the process is started; the failure to start it, raised."""
        self._thread.join()
        if self._submitted is None:
            raise self._failure or RuntimeError("the second process was not started")
        return self._submitted


def _take_no_more(claims: Claims) -> None:
    with claims.get_lock():
        claims[1] = claims[0]


def claimed(claims: Claims, ids: Sequence[str], *, from_back: bool) -> Iterator[tuple[str, int]]:
    """The ids this process takes, one at a time, from the front or the back, until none is left;
    each with how many documents both processes have taken so far."""
    while True:
        with claims.get_lock():
            front, back = claims[0], claims[1]
            if front >= back:
                return
            if from_back:
                back = claims[1] = back - 1
                index = back
            else:
                index = front
                front = claims[0] = front + 1
        yield ids[index], front + len(ids) - back


def _reported(claims: Claims, ids: list[str], progress: Callable[[list[str]], Iterable[str]]) -> Iterator[str]:
    """This process's documents, the first one then those it claims; the progress counts both processes'."""
    shown = iter(progress(ids))
    done = 0
    for document_id, taken in _with_first(claims, ids):
        while done < taken and next(shown, None) is not None:
            done += 1
        yield document_id
    for _ in shown:
        pass


def _with_first(claims: Claims, ids: list[str]) -> Iterator[tuple[str, int]]:
    yield ids[0], 2  # the first and the last document are taken from the start
    yield from claimed(claims, ids, from_back=False)


def _keep(claims: Claims) -> None:
    global _claims
    _claims = claims


def _from_back(ids: list[str]) -> Iterator[str]:
    yield ids[-1]
    for document_id, _taken in claimed(_claims, ids, from_back=True):
        yield document_id


def compare_in_process(path: str, annotators: list[str], ids: list[str]) -> tuple[dict[str, str], CorpusPart]:
    """What the second process does: the titles and counts of the documents it takes from the back,
    read on its own connection, in the corpus order."""
    from storage.database import connect
    from storage.sqlite_repository import SqliteRepository

    try:
        db = connect(Path(path), read_only=True)
    except sqlite3.Error as error:
        raise ProjectError(f"{path} cannot be opened: {error}.") from None
    repository = SqliteRepository(db, Path(path))
    try:
        return compared_part(repository, annotators, _from_back(ids), backwards=True)
    finally:
        repository.close()
