"""Read-only, full, damaged, newer and foreign files: a clear message, the file unchanged, the program still usable."""

from __future__ import annotations

import functools
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.model import DocumentStatus
from annotator.project import Project
from annotator.repository import ProjectError
from storage.database import connect, open_database
from storage.migrations import SCHEMA_VERSION
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS, ROOT
from tests.reliability.storage_faults import checkpoint, file_digests, give_room_back, leave_no_room, make_damaged


def sample_project(path: Path, annotator: str = "tester") -> Project:
    project = Project(SqliteRepository.open(path), annotator)
    if not project.documents():
        project.import_paths(sorted(CORPUS.glob("*.txt"))[:1])
    return project


def still_usable(tmp_path: Path) -> None:
    """After a refusal, the same process opens another project and saves an edit into it."""
    project = sample_project(tmp_path / "another.hashiya")
    document_id = project.documents()[0].id
    project.apply(project.add_span(document_id, 0, 3, "PER"))
    project.close()
    assert [span.text for span in sample_project(tmp_path / "another.hashiya").spans(document_id)] == [
        project.document(document_id).text[:3]
    ]


def text_file(path: Path) -> None:
    path.write_text("ملاحظات الاجتماع\n", encoding="utf-8")


def another_programs_database(path: Path) -> None:
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE things (x)")
    other.commit()
    other.close()


def empty_database_of_another_program(path: Path) -> None:
    other = sqlite3.connect(path)
    other.execute("PRAGMA application_id = 1196444487")  # a GeoPackage
    other.execute("PRAGMA user_version = 10300")
    other.close()


def newer_project(path: Path) -> None:
    open_database(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()


BAD_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "a text file": (text_file, "is not a Hashiya project"),
    "another program's database": (another_programs_database, "is an SQLite database but not a Hashiya project"),
    "an empty database of another program": (
        empty_database_of_another_program,
        "is an SQLite database but not a Hashiya project",
    ),
    "a newer project": (newer_project, "was written by a newer version of Hashiya"),
    **{
        f"a damaged project ({how})": (functools.partial(make_damaged, how=how), message)
        for how, message in (
            ("pages overwritten", "is damaged: the integrity check reports Page"),
            ("truncated", "is damaged and cannot be read"),
            ("schema page scrambled", "is damaged and cannot be read"),
            ("header zeroed", "is not a Hashiya project"),
        )
    },
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_bad_file_is_refused_with_a_message_and_left_alone(tmp_path: Path, kind: str) -> None:
    make, message = BAD_FILES[kind]
    path = tmp_path / "bad.hashiya"
    make(path)
    before = file_digests(path)
    with pytest.raises(ProjectError, match=message) as refused:
        Project(SqliteRepository.open(path), "tester")
    assert str(path) in str(refused.value)
    assert file_digests(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.hashiya"]
    still_usable(tmp_path)


@pytest.mark.parametrize("kind", ["a text file", "a newer project", "a damaged project (truncated)"])
def test_the_command_line_says_why_without_a_traceback(tmp_path: Path, kind: str) -> None:
    make, message = BAD_FILES[kind]
    path = tmp_path / "bad.hashiya"
    make(path)
    before = file_digests(path)
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "stats", "--db", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert file_digests(path) == before


def test_an_empty_file_becomes_a_new_project(tmp_path: Path) -> None:
    path = tmp_path / "new.hashiya"
    path.touch()
    project = sample_project(path)
    assert len(project.documents()) == 1
    project.close()


def test_a_read_only_project_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    sample_project(path).close()
    before = file_digests(path)
    with pytest.raises(ProjectError, match="is read-only; Hashiya needs to save every edit into it"):
        open_database(path, writable=lambda _path: False)
    assert file_digests(path) == before
    still_usable(tmp_path)


NOBODY = 65534
# Root may write any file: as root, the child imports what it needs, then becomes nobody (the
# interpreter may live where nobody cannot read it) and only then opens the project.
OPEN_IN_A_CHILD = """
import os, sys
from pathlib import Path
from annotator.repository import ProjectError
from storage.sqlite_repository import SqliteRepository
import sqlite_utils
sqlite_utils.Database(memory=True).close()  # loads its plugins, and the modules they import, now
if os.geteuid() == 0:
    os.setgroups([])
    os.setgid(int(sys.argv[2]))
    os.setuid(int(sys.argv[2]))
try:
    SqliteRepository.open(Path(sys.argv[1])).db.close()
except ProjectError as error:
    print(error)
    sys.exit(3)
"""


def open_as_its_owner(path: Path) -> subprocess.CompletedProcess[str]:
    """Open the project at ``path`` in a child process, as nobody when this test runs as root."""
    return subprocess.run(
        [sys.executable, "-c", OPEN_IN_A_CHILD, str(path), str(NOBODY)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd="/",
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_file_or_folder_is_refused(what: str) -> None:
    # Not under tmp_path: pytest keeps that private to the user running the tests.
    with tempfile.TemporaryDirectory() as place:
        os.chmod(place, 0o755)
        folder = Path(place) / "shared"
        folder.mkdir()
        path = folder / "p.hashiya"
        sample_project(path).close()
        if os.geteuid() == 0:
            for owned in (folder, *folder.iterdir()):
                os.chown(owned, NOBODY, NOBODY)
        before = file_digests(path)
        (path if what == "file" else folder).chmod(0o444 if what == "file" else 0o555)
        try:
            opened = open_as_its_owner(path)
        finally:
            folder.chmod(0o755)
            path.chmod(0o644)
        assert opened.returncode == 3, opened.stderr
        assert opened.stdout.strip() == f"{path} is read-only; Hashiya needs to save every edit into it."
        assert "Traceback" not in opened.stderr
        assert file_digests(path) == before
        assert sorted(child.name for child in folder.iterdir()) == ["p.hashiya"]


def test_a_project_that_becomes_read_only_reports_the_edit_and_keeps_the_file(tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    sample_project(path).close()
    before = file_digests(path)
    # What the program sees when the file is made read-only (or its disk remounted) while open.
    project = Project(SqliteRepository(connect(path, read_only=True), path), "tester")
    document_id = project.documents()[0].id
    with pytest.raises(ProjectError, match="cannot be written .* so this change was not saved") as refused:
        project.apply(project.add_span(document_id, 0, 3, "PER"))
    assert "Traceback" not in str(refused.value)
    assert project.spans(document_id) == []
    project.close()
    assert file_digests(path) == before
    still_usable(tmp_path)


def test_a_full_disk_refuses_the_edit_keeps_the_file_and_takes_edits_again_when_there_is_room(tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    project = sample_project(path)
    repository = project.repository
    assert isinstance(repository, SqliteRepository)
    document_id = project.documents()[0].id
    saved = project.add_span(document_id, 0, 3, "PER")
    project.apply(saved)
    leave_no_room(repository.db)
    checkpoint(repository.db)
    before = file_digests(path)

    refused = project.add_span(document_id, 4, 9, "GPE")
    with pytest.raises(ProjectError, match="is full, so this change was not saved. Free some space"):
        project.apply(refused)
    with pytest.raises(ProjectError, match="is full"):
        project.set_status(document_id, DocumentStatus.DONE)
    assert file_digests(path) == before
    assert [span.id for span in project.spans(document_id)] == [saved.span.id]

    give_room_back(repository.db)
    project.apply(refused)
    assert {span.id for span in project.spans(document_id)} == {saved.span.id, refused.span.id}
    project.close()
    reopened = Project(SqliteRepository.open(path), "tester")
    assert {span.id for span in reopened.spans(document_id)} == {saved.span.id, refused.span.id}
    reopened.close()
